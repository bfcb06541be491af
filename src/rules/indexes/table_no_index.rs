//! `table-no-index`: a table with no primary key, no unique key and no index.

use crate::model::{
    ColumnId, Constraint, ConstraintId, Edit, Index, IndexKey, IndexPart, PrimaryKey, SortOrder,
    Table, TableChange,
};
use crate::rules::util::{is_derived, set_not_null};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "table-no-index",
    category: Category::Indexes,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "A table has no primary key and no index at all.",
    help: "Without any index every lookup, join and foreign-key check reads the whole table. \
           Add a primary key, or at least an index on the columns the table is searched by \
           (its foreign keys first). Not reported while table-missing-primary-key reports the \
           table: that finding already covers it.",
    options: &[],
};

/// The rule that reports the same tables first.
const MISSING_PRIMARY_KEY: &str = "table-missing-primary-key";

/// The rule.
pub struct TableNoIndex;

impl Rule for TableNoIndex {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if table.primary_key.is_some()
            || !table.uniques.is_empty()
            || !table.indexes.is_empty()
            || table.columns.is_empty()
            || is_derived(table)
        {
            return;
        }
        let pure_join = table.foreign_keys.len() >= 2
            && table
                .columns
                .iter()
                .all(|c| table.is_foreign_key_column(c.id));
        if missing_key_reported(ctx, pure_join) {
            return;
        }
        let finding = out.report(
            Subject::Table(table.id),
            format!("{} has no primary key and no index", ctx.table_label(table)),
        );
        if pure_join {
            finding.with_fix(composite_key(table));
        } else if let Some(fk) = table.foreign_keys.first() {
            let parts = fk
                .columns
                .iter()
                .map(|c| IndexPart {
                    key: IndexKey::Column(*c),
                    order: SortOrder::Asc,
                    length: None,
                })
                .collect();
            finding.with_fix(Fix::batch(
                "Index the first foreign key",
                vec![Edit::Table {
                    table: table.id,
                    change: TableChange::AddConstraint(Constraint::Index(Index {
                        id: ConstraintId(0),
                        name: None,
                        parts,
                        unique: false,
                        predicate: None,
                        method: None,
                        include: Vec::new(),
                        source: None,
                    })),
                }],
            ));
        }
    }
}

/// Whether `table-missing-primary-key` runs and reports this table.
fn missing_key_reported(ctx: &Context, pure_join: bool) -> bool {
    let Some(rule) = crate::rules::rule(MISSING_PRIMARY_KEY) else {
        return false;
    };
    let meta = rule.meta();
    if !ctx.rule_enabled(meta) {
        return false;
    }
    !(pure_join && ctx.option_flag(meta, "exemptPureJoinTables"))
}

/// A primary key made of the foreign-key columns (set NOT NULL first).
fn composite_key(table: &Table) -> Fix {
    let mut columns: Vec<ColumnId> = Vec::new();
    for c in table.foreign_keys.iter().flat_map(|fk| fk.columns.iter()) {
        if !columns.contains(c) {
            columns.push(*c);
        }
    }
    let mut edits: Vec<Edit> = columns
        .iter()
        .filter_map(|c| set_not_null(table, *c))
        .collect();
    edits.push(Edit::Table {
        table: table.id,
        change: TableChange::SetPrimaryKey(Some(PrimaryKey {
            id: ConstraintId(0),
            name: None,
            columns,
        })),
    });
    Fix::batch("Make the foreign-key columns the primary key", edits)
}

#[cfg(test)]
mod tests {
    use crate::model::Document;
    use crate::rules::testing::*;

    const RULE: &str = "table-no-index";

    fn without_missing_key_rule(mut doc: Document) -> Document {
        doc.lint.rule_mut("table-missing-primary-key").enabled = Some(false);
        doc
    }

    const SQL: &str = "CREATE TABLE a (id int PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY);
        CREATE TABLE log (a_id int REFERENCES a (id), message text);
        CREATE TABLE a_b (a_id int REFERENCES a (id), b_id int REFERENCES b (id));";

    #[test]
    fn silent_while_the_missing_key_rule_reports_the_table() {
        silent(&pg(SQL), RULE);
    }

    #[test]
    fn fires_when_that_rule_is_off_and_indexes_the_foreign_key() {
        let doc = without_missing_key_rule(pg(SQL));
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].message, "log has no primary key and no index");
        let fixed = fix_silences(&doc, RULE);
        let log = fixed
            .tables
            .values()
            .find(|t| t.name.name == "log")
            .unwrap();
        assert_eq!(log.indexes.len(), 1);
        let junction = fixed
            .tables
            .values()
            .find(|t| t.name.name == "a_b")
            .unwrap();
        assert_eq!(junction.primary_key.as_ref().unwrap().columns.len(), 2);
    }

    #[test]
    fn fires_on_exempt_junction_tables() {
        let mut doc = pg(SQL);
        doc.lint
            .rule_mut("table-missing-primary-key")
            .options
            .insert("exemptPureJoinTables".into(), "true".into());
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "a_b has no primary key and no index");
    }

    #[test]
    fn a_unique_key_or_an_index_is_enough() {
        let doc = without_missing_key_rule(pg(
            "CREATE TABLE t (code text UNIQUE); CREATE TABLE u (x int); CREATE INDEX ON u (x);",
        ));
        silent(&doc, RULE);
    }

    #[test]
    fn derived_tables_are_not_reported() {
        let doc = without_missing_key_rule(crate::rules::testing::model(
            "CREATE TABLE dbo.PeopleArchive (PersonID int NOT NULL,
                 ValidFrom datetime2(7) NOT NULL, ValidTo datetime2(7) NOT NULL);
             CREATE TABLE dbo.People (PersonID int NOT NULL PRIMARY KEY,
                 ValidFrom datetime2(7) GENERATED ALWAYS AS ROW START NOT NULL,
                 ValidTo datetime2(7) GENERATED ALWAYS AS ROW END NOT NULL,
                 PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo))
             WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.PeopleArchive));",
            crate::model::Dialect::Mssql,
        ));
        silent(&doc, RULE);
        let doc = without_missing_key_rule(pg(
            "CREATE TABLE log (message text); CREATE TABLE log_old (at date) INHERITS (log);",
        ));
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "log has no primary key and no index");
    }
}
