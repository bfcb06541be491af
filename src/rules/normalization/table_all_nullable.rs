//! `table-all-nullable`: every column outside the primary key accepts NULL.

use crate::model::Table;
use crate::rules::util::set_not_null;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "table-all-nullable",
    category: Category::Normalization,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "Every column outside the primary key accepts NULL.",
    help: "A table where nothing is required accepts rows that say nothing, and every query \
           has to deal with NULL in every column. Mark the columns a row cannot do without as \
           NOT NULL. The fix does so for the columns that already have a default, which were \
           most likely meant to be required.",
    options: &[],
};

/// The rule.
pub struct TableAllNullable;

impl Rule for TableAllNullable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if super::is_partition(table) {
            return;
        }
        let mut others = table
            .columns
            .iter()
            .filter(|c| !table.is_primary_key_column(c.id))
            .peekable();
        if others.peek().is_none() || !others.all(|c| c.nullable) {
            return;
        }
        let scope = if table.primary_key.is_some() {
            " outside the primary key"
        } else {
            ""
        };
        let finding = out.report(
            Subject::Table(table.id),
            format!(
                "every column of {}{scope} accepts NULL: no value is required",
                ctx.table_label(table)
            ),
        );
        let defaulted: Vec<_> = table
            .columns
            .iter()
            .filter(|c| !table.is_primary_key_column(c.id))
            .filter(|c| {
                c.default
                    .as_deref()
                    .is_some_and(|d| !d.trim().eq_ignore_ascii_case("null"))
            })
            .collect();
        if defaulted.is_empty() {
            return;
        }
        let names: Vec<&str> = defaulted.iter().map(|c| c.name.as_str()).collect();
        let edits = defaulted
            .iter()
            .filter_map(|c| set_not_null(table, c.id))
            .collect();
        finding.with_fix(Fix::batch(
            format!("Make {} NOT NULL", names.join(", ")),
            edits,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "table-all-nullable";

    #[test]
    fn nothing_required_is_reported_and_defaults_become_required() {
        let doc =
            pg("CREATE TABLE notes (id int PRIMARY KEY, body text, pinned boolean DEFAULT false);");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "every column of notes outside the primary key accepts NULL: no value is required"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert!(table.columns[1].nullable);
        assert!(!table.columns[2].nullable);
    }

    #[test]
    fn one_required_column_is_enough() {
        silent(
            &pg("CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL, title text);"),
            RULE,
        );
        let found = fires(&pg("CREATE TABLE log (message text);"), RULE);
        assert_eq!(
            found[0].message,
            "every column of log accepts NULL: no value is required"
        );
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn virtual_and_history_tables_are_not_reported() {
        use crate::model::Dialect;
        silent(
            &model(
                "CREATE VIRTUAL TABLE event_search USING fts4 (event_id, room_id, key, value);",
                Dialect::Sqlite,
            ),
            RULE,
        );
        silent(
            &model(
                "CREATE TABLE dbo.Cities (CityID int NOT NULL PRIMARY KEY, Name nvarchar(50) NOT NULL,
                   ValidFrom datetime2 GENERATED ALWAYS AS ROW START NOT NULL,
                   ValidTo datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
                   PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo))
                 WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.Cities_Archive));
                 CREATE TABLE dbo.Cities_Archive (CityID int NULL, Name nvarchar(50) NULL,
                   ValidFrom datetime2 NULL, ValidTo datetime2 NULL);",
                Dialect::Mssql,
            ),
            RULE,
        );
    }
}
