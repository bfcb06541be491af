//! `table-single-column`: a table with one column, or none.

use crate::model::{ConstraintId, Dialect, Edit, PrimaryKey, Table, TableChange};
use crate::rules::util::{NewIds, identity_column};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "table-single-column",
    category: Category::Normalization,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "The table has at most one column.",
    help: "A table with a single column stores a bare list of values: usually the rest of \
           the entity is missing, or the values belong in a column of the parent table. \
           Lookup tables whose one column is a primary key that other tables reference are \
           fine and not reported. A table without columns is an error except in PostgreSQL: \
           the other dialects refuse CREATE TABLE without columns (the fix adds an id key).",
    options: &[],
};

/// The rule.
pub struct TableSingleColumn;

impl Rule for TableSingleColumn {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if table.columns.len() > 1 || super::is_partition(table) {
            return;
        }
        let label = ctx.table_label(table);
        let Some(column) = table.columns.first() else {
            let finding = out.report(Subject::Table(table.id), format!("{label} has no columns"));
            if ctx.dialect != Dialect::Postgres {
                finding.with_severity(Severity::Error);
                finding.message.push_str(&format!(
                    ": {} refuses a table without columns",
                    ctx.dialect.display_name()
                ));
            }
            let column = NewIds::new(ctx.doc).column();
            let edits = vec![
                Edit::Table {
                    table: table.id,
                    change: TableChange::AddColumn {
                        column: identity_column(ctx.dialect, "id"),
                        index: None,
                    },
                },
                Edit::Table {
                    table: table.id,
                    change: TableChange::SetPrimaryKey(Some(PrimaryKey {
                        id: ConstraintId(0),
                        name: None,
                        columns: vec![column],
                    })),
                },
            ];
            finding.with_fix(Fix::batch("Add an identity primary key id", edits));
            return;
        };
        let lookup =
            table.is_primary_key_column(column.id) && !ctx.facts.referrers(table.id).is_empty();
        if lookup {
            return;
        }
        out.report(
            Subject::Table(table.id),
            format!(
                "{label} has a single column ({}): add the rest of the entity, or fold the \
                 values into the table they belong to",
                column.name
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, Severity};
    use crate::rules::testing::*;

    const RULE: &str = "table-single-column";

    #[test]
    fn single_columns_are_reported_unless_referenced_keys() {
        let found = fires(&pg("CREATE TABLE tags (name text);"), RULE);
        assert!(
            found[0]
                .message
                .starts_with("tags has a single column (name)")
        );
        silent(
            &pg("CREATE TABLE currencies (code char(3) PRIMARY KEY);
                 CREATE TABLE prices (id int PRIMARY KEY, currency char(3) REFERENCES currencies (code));"),
            RULE,
        );
    }

    #[test]
    fn no_columns_is_an_error_except_in_postgres() {
        let doc = pg("CREATE TABLE empty ();");
        let found = fires(&doc, RULE);
        assert_eq!(found[0].severity, Severity::Info);
        let mut mysql = doc.clone();
        mysql.target = Dialect::Mysql;
        let found = fires(&mysql, RULE);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(
            found[0].message,
            "empty has no columns: MySQL / MariaDB refuses a table without columns"
        );
        let fixed = fixed(&mysql, &found[0]);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns.len(), 1);
        assert!(table.primary_key.is_some());
    }
}
