//! `primary-key-nullable`: a primary-key column that allows NULL.

use crate::model::{Dialect, Table};
use crate::rules::util::set_not_null;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "primary-key-nullable",
    category: Category::Keys,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Table,
    summary: "A primary-key column allows NULL.",
    help: "A key must identify every row, so its columns cannot be NULL. PostgreSQL, MySQL and \
           SQL Server silently make primary-key columns NOT NULL, so the model and the database \
           disagree; SQLite, for historical reasons, really stores NULLs in primary-key columns \
           unless the key is the INTEGER PRIMARY KEY (the rowid) or the table is STRICT or \
           WITHOUT ROWID, and such rows can never be found again by key. Mark the column NOT \
           NULL.",
    options: &[],
};

/// The rule.
pub struct PrimaryKeyNullable;

impl Rule for PrimaryKeyNullable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let Some(pk) = &table.primary_key else {
            return;
        };
        for id in &pk.columns {
            let Some(column) = table.column(*id).filter(|c| c.nullable) else {
                continue;
            };
            let label = ctx.column_label(table, column);
            let message = match ctx.dialect {
                Dialect::Sqlite if sqlite_stores_nulls(table, pk.columns.len()) => format!(
                    "{label} is in the primary key but nullable: SQLite will store NULLs in it"
                ),
                Dialect::Sqlite => format!(
                    "{label} is in the primary key but nullable (SQLite refuses NULLs here anyway)"
                ),
                dialect => format!(
                    "{label} is in the primary key but nullable: {} silently makes it NOT NULL",
                    dialect.display_name()
                ),
            };
            let finding = out.report(Subject::Column(table.id, column.id), message);
            if let Some(edit) = set_not_null(table, column.id) {
                finding.with_fix(Fix::batch(
                    format!("Make {} NOT NULL", column.name),
                    vec![edit],
                ));
            }
        }
    }
}

/// Whether SQLite keeps NULLs in the key: not for a single INTEGER column (the rowid alias),
/// nor in STRICT or WITHOUT ROWID tables.
fn sqlite_stores_nulls(table: &Table, key_columns: usize) -> bool {
    let flag = |name: &str| {
        table
            .options
            .0
            .get(name)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    };
    if flag("strict") || flag("without_rowid") {
        return false;
    }
    let rowid_alias = key_columns == 1
        && table
            .primary_key
            .as_ref()
            .and_then(|pk| pk.columns.first())
            .and_then(|id| table.column(*id))
            .is_some_and(|c| {
                c.data_type
                    .original
                    .as_deref()
                    .unwrap_or("integer")
                    .eq_ignore_ascii_case("integer")
                    && matches!(c.data_type.kind, crate::model::TypeKind::Integer)
            });
    !rowid_alias
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::model::{Dialect, Document};
    use crate::rules::testing::*;

    const RULE: &str = "primary-key-nullable";

    /// The importer marks key columns NOT NULL, as the engines do; undo that for `column`.
    fn nullable(mut doc: Document, column: &str) -> Document {
        for table in doc.tables.values_mut() {
            let table = Arc::make_mut(table);
            for c in &mut table.columns {
                if c.name == column {
                    c.nullable = true;
                }
            }
        }
        doc
    }

    #[test]
    fn fires_on_a_nullable_key_column_and_sets_not_null() {
        let doc = nullable(
            pg("CREATE TABLE item (code text PRIMARY KEY, name text);"),
            "code",
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "item.code is in the primary key but nullable: PostgreSQL silently makes it NOT NULL"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert!(!table.columns[0].nullable);
    }

    #[test]
    fn silent_on_not_null_keys() {
        silent(
            &pg("CREATE TABLE item (code text PRIMARY KEY, name text);"),
            RULE,
        );
        silent(&pg("CREATE TABLE item (name text);"), RULE);
    }

    #[test]
    fn sqlite_messages_depend_on_the_rowid() {
        let text_key = nullable(
            model(
                "CREATE TABLE item (code TEXT PRIMARY KEY, name TEXT);",
                Dialect::Sqlite,
            ),
            "code",
        );
        let found = fires(&text_key, RULE);
        assert!(found[0].message.contains("SQLite will store NULLs"));
        let rowid = nullable(
            model(
                "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT);",
                Dialect::Sqlite,
            ),
            "id",
        );
        let found = fires(&rowid, RULE);
        assert!(
            found[0].message.contains("refuses NULLs"),
            "{}",
            found[0].message
        );
        let strict = nullable(
            model(
                "CREATE TABLE item (code TEXT PRIMARY KEY, name TEXT) STRICT;",
                Dialect::Sqlite,
            ),
            "code",
        );
        assert!(fires(&strict, RULE)[0].message.contains("refuses NULLs"));
    }
}
