//! `unique-nullable-columns`: a unique constraint or index over a nullable column.

use crate::model::{
    ColumnId, ColumnRef, Constraint, Dialect, Edit, Index, IndexKey, IndexPart, SortOrder, Table,
    TableChange, TableRef,
};
use crate::rules::indexes::keys::{Key, KeyKind, PartKey, describe_key, key_at, key_count};
use crate::rules::util::set_not_null;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};
use crate::sql::export::quote;

static META: RuleMeta = RuleMeta {
    id: "unique-nullable-columns",
    category: Category::Indexes,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "A unique key includes a nullable column.",
    help: "NULLs are not equal to each other, so PostgreSQL, MySQL and SQLite accept any number \
           of rows that have NULL in a unique column: UNIQUE (a, b) does not stop two (1, NULL) \
           rows. SQL Server does the opposite and allows a single NULL (one per combination of \
           the other key columns), which usually breaks optional unique values (a warning \
           there). Make the columns NOT NULL, use NULLS NOT DISTINCT (PostgreSQL 15), or on SQL \
           Server a filtered unique index (WHERE c IS NOT NULL). Outside SQL Server a unique key \
           on one nullable column is the usual way to say \"unique when set\" and is not \
           reported. Partial unique indexes and computed columns are not reported.",
    options: &[],
};

/// The rule.
pub struct UniqueNullableColumns;

impl Rule for UniqueNullableColumns {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        for i in 0..key_count(table) {
            let Some(key) = key_at(table, i) else {
                continue;
            };
            if !key.unique || key.kind == KeyKind::Primary || key.predicate.is_some() {
                continue;
            }
            let mssql = ctx.dialect == Dialect::Mssql;
            // Outside SQL Server a single nullable column is the "unique when set" idiom.
            if !mssql && key.parts.len() < 2 {
                continue;
            }
            // A computed column's nullability comes from its expression, not the declaration.
            let nullable = |c: ColumnId| {
                table
                    .column(c)
                    .is_some_and(|c| c.nullable && c.generated.is_none())
            };
            let any_nullable = (0..key.parts.len())
                .filter_map(|i| key.parts.get(i))
                .any(|p| matches!(p.key, PartKey::Column(c) if nullable(c)));
            if !any_nullable {
                continue;
            }
            let columns = plain_columns(&key);
            let names: Vec<&str> = columns
                .iter()
                .filter(|c| nullable(**c))
                .filter_map(|c| table.column(*c))
                .map(|c| c.name.as_str())
                .collect();
            let consequence = if mssql && key.parts.len() > 1 {
                "on SQL Server only one row per combination of the other key columns may have \
                 NULL there"
            } else if mssql {
                "SQL Server allows only one row with NULL there"
            } else {
                "rows with NULL there are never duplicates"
            };
            let finding = out.report(
                Subject::Constraint(table.id, key.id),
                format!(
                    "{}: {} includes nullable {} ({}); {consequence}",
                    ctx.table_label(table),
                    describe_key(&key),
                    if names.len() == 1 {
                        "column"
                    } else {
                        "columns"
                    },
                    names.join(", ")
                ),
            );
            if mssql {
                finding.with_severity(Severity::Warning);
            }
            let nullable_columns: Vec<ColumnId> =
                columns.iter().copied().filter(|c| nullable(*c)).collect();
            let fix = if mssql && !referenced(ctx, table, &columns) {
                filtered(ctx, table, &key, &columns, &nullable_columns)
            } else {
                Fix::batch(
                    format!("Make {} NOT NULL", names.join(", ")),
                    nullable_columns
                        .iter()
                        .filter_map(|c| set_not_null(table, *c))
                        .collect(),
                )
            };
            finding.with_fix(fix);
        }
    }
}

fn plain_columns(key: &Key) -> Vec<ColumnId> {
    (0..key.parts.len())
        .filter_map(|i| key.parts.get(i))
        .filter_map(|p| match p.key {
            PartKey::Column(c) => Some(c),
            PartKey::Expression(_) => None,
        })
        .collect()
}

/// Whether a foreign key points at exactly these columns (SQL Server refuses a filtered
/// index as the target of a foreign key).
fn referenced(ctx: &Context, table: &Table, columns: &[ColumnId]) -> bool {
    ctx.facts
        .referrers(table.id)
        .iter()
        .filter_map(|id| ctx.table(*id))
        .flat_map(|t| &t.foreign_keys)
        .filter(|fk| fk.referenced_table == TableRef::Resolved(table.id))
        .any(|fk| {
            fk.referenced_columns.len() == columns.len()
                && fk
                    .referenced_columns
                    .iter()
                    .all(|c| matches!(c, ColumnRef::Resolved(c) if columns.contains(c)))
        })
}

/// The key as a unique index filtered to rows where the nullable columns have values.
fn filtered(
    ctx: &Context,
    table: &Table,
    key: &Key,
    columns: &[ColumnId],
    nullable: &[ColumnId],
) -> Fix {
    let predicate = nullable
        .iter()
        .filter_map(|c| table.column(*c))
        .map(|c| format!("{} IS NOT NULL", quote::ident(&c.name, ctx.dialect)))
        .collect::<Vec<_>>()
        .join(" AND ");
    let edits = match (key.kind, table.indexes.iter().find(|i| i.id == key.id)) {
        (KeyKind::Index, Some(index)) => {
            let mut index = index.clone();
            index.predicate = Some(predicate);
            vec![Edit::Table {
                table: table.id,
                change: TableChange::ReplaceConstraint(Constraint::Index(index)),
            }]
        }
        _ => {
            let index = Index {
                id: key.id,
                name: key.name.map(str::to_owned),
                parts: columns
                    .iter()
                    .map(|c| IndexPart {
                        key: IndexKey::Column(*c),
                        order: SortOrder::Asc,
                        length: None,
                    })
                    .collect(),
                unique: true,
                predicate: Some(predicate),
                method: None,
                include: Vec::new(),
                source: None,
            };
            vec![
                Edit::Table {
                    table: table.id,
                    change: TableChange::RemoveConstraint(key.id),
                },
                Edit::Table {
                    table: table.id,
                    change: TableChange::AddConstraint(Constraint::Index(index)),
                },
            ]
        }
    };
    Fix::batch("Use a unique index filtered to non-NULL values", edits)
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, Severity};
    use crate::rules::testing::*;

    const RULE: &str = "unique-nullable-columns";

    #[test]
    fn fires_on_postgres_and_sets_not_null() {
        let doc = pg(
            "CREATE TABLE u (id int PRIMARY KEY, email text, org int NOT NULL,
                        CONSTRAINT u_email UNIQUE (org, email));",
        );
        let found = fires(&doc, RULE);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(
            found[0].message,
            "u: unique constraint u_email includes nullable column (email); rows with NULL \
             there are never duplicates"
        );
        let fixed = fix_silences(&doc, RULE);
        assert!(!fixed.tables.values().next().unwrap().columns[1].nullable);
    }

    #[test]
    fn sql_server_gets_a_filtered_index() {
        let doc = model(
            "CREATE TABLE u (id int PRIMARY KEY, email nvarchar(90) NULL, code varchar(9),
               CONSTRAINT u_email UNIQUE (email));
             CREATE UNIQUE INDEX u_code ON u (code);",
            Dialect::Mssql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].severity, Severity::Warning);
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert!(table.uniques.is_empty());
        let mut predicates: Vec<&str> = table
            .indexes
            .iter()
            .filter_map(|i| i.predicate.as_deref())
            .collect();
        predicates.sort_unstable();
        assert_eq!(predicates, ["code IS NOT NULL", "email IS NOT NULL"]);
        assert!(table.columns[1].nullable);
    }

    #[test]
    fn sql_server_keys_referenced_by_foreign_keys_become_not_null() {
        let doc = model(
            "CREATE TABLE u (id int PRIMARY KEY, code varchar(9) NULL UNIQUE);
             CREATE TABLE v (id int PRIMARY KEY, u_code varchar(9) REFERENCES u (code));",
            Dialect::Mssql,
        );
        let fixed = fix_silences(&doc, RULE);
        let u = fixed.tables.values().find(|t| t.name.name == "u").unwrap();
        assert_eq!(u.uniques.len(), 1);
        assert!(!u.columns[1].nullable);
    }

    #[test]
    fn silent_on_not_null_keys_and_partial_indexes() {
        silent(
            &pg(
                "CREATE TABLE u (id int PRIMARY KEY, a text NOT NULL UNIQUE, b text);
                 CREATE UNIQUE INDEX u_b ON u (b) WHERE b IS NOT NULL;",
            ),
            RULE,
        );
    }

    #[test]
    fn a_single_optional_unique_column_is_unique_when_set_outside_sql_server() {
        silent(
            &pg(
                "CREATE TABLE people (id int PRIMARY KEY, reset_token text UNIQUE,
                                      facebook_id bigint);
                 CREATE UNIQUE INDEX people_fb ON people (facebook_id);",
            ),
            RULE,
        );
        silent(
            &model(
                "CREATE TABLE people (id int PRIMARY KEY, token varchar(64) UNIQUE);",
                Dialect::Mysql,
            ),
            RULE,
        );
    }

    #[test]
    fn computed_columns_are_not_reported() {
        silent(
            &model(
                "CREATE TABLE c (id int PRIMARY KEY, n int NOT NULL,
                   AccountNumber AS ISNULL('AW' + CAST(n AS varchar(8)), ''),
                   CONSTRAINT AK_AccountNumber UNIQUE (AccountNumber));",
                Dialect::Mssql,
            ),
            RULE,
        );
    }

    #[test]
    fn sql_server_composite_keys_allow_one_null_per_combination() {
        let doc = model(
            "CREATE TABLE a (id int PRIMARY KEY, line1 nvarchar(60) NOT NULL,
               line2 nvarchar(60) NULL, city nvarchar(30) NOT NULL,
               CONSTRAINT ak_address UNIQUE (line1, line2, city));",
            Dialect::Mssql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "a: unique constraint ak_address includes nullable column (line2); on SQL Server \
             only one row per combination of the other key columns may have NULL there"
        );
    }
}
