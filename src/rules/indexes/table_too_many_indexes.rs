//! `table-too-many-indexes`: a table with more indexes than the configured maximum.

use crate::model::Table;
use crate::rules::indexes::keys::key_count;
use crate::rules::{
    Category, Context, Findings, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "table-too-many-indexes",
    category: Category::Indexes,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "A table has more indexes than the configured maximum.",
    help: "Every index is updated on every insert, on deletes and on updates of its columns, \
           and competes for memory. Past a couple of dozen, some are usually unused or \
           redundant. Review them against the queries (pg_stat_user_indexes, \
           sys.schema_unused_indexes) and drop what is not needed. The primary key and unique \
           constraints count, since each is an index.",
    options: &[RuleOption {
        name: "maxIndexes",
        default: "20",
        help: "the number of indexes (primary key and unique constraints included) a table may \
               have",
    }],
};

/// The rule.
pub struct TableTooManyIndexes;

impl Rule for TableTooManyIndexes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let count = key_count(table);
        if count == 0 {
            return;
        }
        let max = ctx.option_number(&META, "maxIndexes");
        if count <= max {
            return;
        }
        out.report(
            Subject::Table(table.id),
            format!(
                "{} has {count} indexes (primary key and unique constraints included), more \
                 than {max}",
                ctx.table_label(table)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "table-too-many-indexes";

    fn sql(indexes: usize) -> String {
        let mut sql = String::from("CREATE TABLE t (id int PRIMARY KEY, a int, b int);");
        for i in 0..indexes {
            sql.push_str(&format!(
                "CREATE INDEX t_{i} ON t (a, b, id) WHERE a > {i};"
            ));
        }
        sql
    }

    #[test]
    fn fires_above_the_limit() {
        let found = fires(&pg(&sql(20)), RULE);
        assert_eq!(
            found[0].message,
            "t has 21 indexes (primary key and unique constraints included), more than 20"
        );
        silent(&pg(&sql(19)), RULE);
    }

    #[test]
    fn the_limit_is_an_option() {
        let mut doc = pg(&sql(3));
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("maxIndexes".into(), "3".into());
        assert_eq!(fires(&doc, RULE).len(), 1);
    }
}
