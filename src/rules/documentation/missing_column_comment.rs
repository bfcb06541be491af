//! `missing-column-comment`: a column without a comment (off by default).

use crate::model::Table;
use crate::rules::{
    Category, Context, Findings, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "missing-column-comment",
    category: Category::Documentation,
    severity: Severity::Info,
    enabled: false,
    scope: Scope::Table,
    summary: "A column has no comment.",
    help: "Column comments record units, formats and meanings that names cannot carry (\"net \
           amount in cents\", \"ISO 3166 alpha-2\"). Off by default because it reports nearly \
           every column of most designs; turn it on for schemas that are published or shared \
           between teams. Key columns are skipped unless keysToo is set: their meaning follows \
           from the key.",
    options: &[RuleOption {
        name: "keysToo",
        default: "false",
        help: "true: report primary-key and foreign-key columns too",
    }],
};

/// The rule.
pub struct MissingColumnComment;

impl Rule for MissingColumnComment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if super::is_partition(table) {
            return;
        }
        let keys_too = ctx.option_flag(&META, "keysToo");
        for column in &table.columns {
            if !super::is_blank(column.comment.as_ref()) {
                continue;
            }
            let key =
                table.is_primary_key_column(column.id) || table.is_foreign_key_column(column.id);
            if key && !keys_too {
                continue;
            }
            out.report(
                Subject::Column(table.id, column.id),
                format!("{} has no comment", ctx.column_label(table, column)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "missing-column-comment";

    const SQL: &str = "CREATE TABLE customers (id int PRIMARY KEY);
        CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id),
          total numeric, note text);
        COMMENT ON COLUMN orders.note IS 'Free text from the customer';";

    #[test]
    fn undocumented_non_key_columns_are_reported() {
        let found = fires(&pg(SQL), RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "orders.total has no comment");
    }

    #[test]
    fn keys_are_reported_on_request() {
        let mut doc = pg(SQL);
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("keysToo".into(), "true".into());
        assert_eq!(run(&doc, RULE).len(), 4);
    }
}
