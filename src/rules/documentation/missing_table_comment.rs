//! `missing-table-comment`: a table without a comment.

use crate::model::Table;
use crate::rules::{Category, Context, Findings, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "missing-table-comment",
    category: Category::Documentation,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "The table has no comment.",
    help: "A one-line comment saying what one row of the table stands for (\"one order line: \
           a product, its quantity and price at the time of the order\") saves every future \
           reader from reverse-engineering it, and it travels with the DDL (COMMENT ON, \
           table options). There is no automatic fix: only you know the meaning; write it in \
           the table's comment field. Partitions are documented on their parent.",
    options: &[],
};

/// The rule.
pub struct MissingTableComment;

impl Rule for MissingTableComment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if !super::is_blank(table.comment.as_ref()) || super::is_partition(table) {
            return;
        }
        out.report(
            Subject::Table(table.id),
            format!(
                "{} has no comment: say what one row stands for",
                ctx.table_label(table)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "missing-table-comment";

    #[test]
    fn tables_without_comment_are_reported() {
        let found = fires(&pg("CREATE TABLE orders (id int PRIMARY KEY);"), RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "orders has no comment: say what one row stands for"
        );
        assert!(found[0].fix.is_none());
        fires(
            &pg("CREATE TABLE orders (id int PRIMARY KEY); COMMENT ON TABLE orders IS '  ';"),
            RULE,
        );
        silent(
            &pg(
                "CREATE TABLE orders (id int PRIMARY KEY); COMMENT ON TABLE orders IS 'One customer order';",
            ),
            RULE,
        );
    }
}
