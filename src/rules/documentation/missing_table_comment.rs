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
           the table's comment field. Partitions are documented on their parent, history \
           tables on their current table; virtual (full-text) tables are not reported.",
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

    #[test]
    fn partitions_history_and_virtual_tables_are_not_reported() {
        use crate::model::Dialect;
        silent(
            &pg("CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
                 COMMENT ON TABLE m IS 'Measurements';
                 CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"),
            RULE,
        );
        silent(
            &model(
                "CREATE VIRTUAL TABLE event_search USING fts4 (event_id, value);",
                Dialect::Sqlite,
            ),
            RULE,
        );
        let found = fires(
            &model(
                "CREATE TABLE dbo.Colors (ColorID int NOT NULL PRIMARY KEY,
                   ValidFrom datetime2 GENERATED ALWAYS AS ROW START NOT NULL,
                   ValidTo datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
                   PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo))
                 WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.Colors_Archive));
                 CREATE TABLE dbo.Colors_Archive (ColorID int NOT NULL);",
                Dialect::Mssql,
            ),
            RULE,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.starts_with("Colors has no comment"));
    }
}
