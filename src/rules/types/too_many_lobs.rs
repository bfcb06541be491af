//! `too-many-lobs`: a table with more large-object columns than the configured maximum.

use crate::model::{Column, Dialect, Table};
use crate::rules::util::{TypeFamily, family, is_lob};
use crate::rules::{
    Category, Context, Findings, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "too-many-lobs",
    category: Category::Types,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "A table has several large-object (BLOB/CLOB/bytea) columns.",
    help: "Large objects are stored out of line and read separately; a table carrying several \
           of them makes every SELECT * and every row copy expensive, and backups and \
           replication heavier. Move rarely read documents and files into a side table keyed \
           by the owner's id. On PostgreSQL and SQLite, text is the ordinary string type and is \
           not counted; bytea and blob are.",
    options: &[RuleOption {
        name: "maxLobs",
        default: "1",
        help: "the number of large-object columns a table may have",
    }],
};

/// The rule.
pub struct TooManyLobs;

impl Rule for TooManyLobs {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let count = table.columns.iter().filter(|c| is_large(ctx, c)).count();
        if count == 0 {
            return;
        }
        let max = ctx.option_number(&META, "maxLobs");
        if count <= max {
            return;
        }
        let names: Vec<&str> = table
            .columns
            .iter()
            .filter(|c| is_large(ctx, c))
            .map(|c| c.name.as_str())
            .collect();
        out.report(
            Subject::Table(table.id),
            format!(
                "{} has {count} large-object columns ({}), more than {max}",
                ctx.table_label(table),
                names.join(", ")
            ),
        );
    }
}

/// Whether a column holds a large object in the target.
fn is_large(ctx: &Context, column: &Column) -> bool {
    match ctx.dialect {
        // text is the ordinary string type there; only binary objects count.
        Dialect::Postgres | Dialect::Sqlite => {
            family(ctx.doc, &column.data_type) == TypeFamily::Binary
                && is_lob(ctx.doc, &column.data_type)
        }
        Dialect::Mysql | Dialect::Mssql => is_lob(ctx.doc, &column.data_type),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "too-many-lobs";

    #[test]
    fn fires_on_a_mysql_table_with_two_lobs() {
        let doc = model(
            "CREATE TABLE doc (id int PRIMARY KEY, body LONGTEXT, thumb BLOB, title VARCHAR(90));",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "doc has 2 large-object columns (body, thumb), more than 1"
        );
        let mut relaxed = doc.clone();
        relaxed
            .lint
            .rule_mut(RULE)
            .options
            .insert("maxLobs".into(), "2".into());
        silent(&relaxed, RULE);
    }

    #[test]
    fn postgres_text_is_not_a_lob() {
        silent(
            &pg("CREATE TABLE doc (id int PRIMARY KEY, title text, body text, data bytea);"),
            RULE,
        );
        assert_eq!(
            fires(&pg("CREATE TABLE doc (a bytea, b bytea);"), RULE).len(),
            1
        );
    }
}
