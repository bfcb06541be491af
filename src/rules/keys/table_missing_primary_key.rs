//! `table-missing-primary-key`: a base table without a primary key.

use crate::model::{ColumnId, ConstraintId, Edit, IndexKey, PrimaryKey, Table, TableChange};
use crate::rules::util::{NewIds, identity_column, is_derived, set_not_null};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "table-missing-primary-key",
    category: Category::Keys,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A table has no primary key.",
    help: "Without a primary key rows cannot be told apart, updated or referenced safely, and \
           replication tools refuse the table. Add a surrogate key (bigint identity), promote a \
           NOT NULL unique key or unique index, or give a junction table a composite key of its \
           foreign keys. System-versioned history tables (which cannot have one), virtual \
           tables, partitions and inheritance children are not reported.",
    options: &[RuleOption {
        name: "exemptPureJoinTables",
        default: "false",
        help: "true: skip tables whose every column belongs to a foreign key",
    }],
};

/// The rule.
pub struct TableMissingPrimaryKey;

impl Rule for TableMissingPrimaryKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        // History tables cannot have a primary key, virtual tables have none, and a partition
        // or inheritance child takes its key from the parent.
        if table.primary_key.is_some() || table.columns.is_empty() || is_derived(table) {
            return;
        }
        let pure_join = table.foreign_keys.len() >= 2
            && table
                .columns
                .iter()
                .all(|c| table.is_foreign_key_column(c.id));
        if pure_join && ctx.option_flag(&META, "exemptPureJoinTables") {
            return;
        }
        let finding = out.report(
            Subject::Table(table.id),
            format!("{} has no primary key", ctx.table_label(table)),
        );
        finding.with_fix(fix(ctx, table, pure_join));
    }
}

fn primary_key(columns: Vec<ColumnId>) -> PrimaryKey {
    PrimaryKey {
        id: ConstraintId(0),
        name: None,
        columns,
    }
}

fn fix(ctx: &Context, table: &Table, pure_join: bool) -> Fix {
    let set_key = |columns: Vec<ColumnId>| Edit::Table {
        table: table.id,
        change: TableChange::SetPrimaryKey(Some(primary_key(columns))),
    };
    if pure_join {
        let columns: Vec<ColumnId> = table
            .foreign_keys
            .iter()
            .flat_map(|fk| fk.columns.iter().copied())
            .fold(Vec::new(), |mut all, c| {
                if !all.contains(&c) {
                    all.push(c);
                }
                all
            });
        let mut edits: Vec<Edit> = columns
            .iter()
            .filter_map(|c| set_not_null(table, *c))
            .collect();
        edits.push(set_key(columns));
        return Fix::batch("Make the foreign-key columns the primary key", edits);
    }
    let not_null_unique = table.uniques.iter().find(|u| {
        !u.columns.is_empty()
            && u.columns
                .iter()
                .all(|c| table.column(*c).is_some_and(|col| !col.nullable))
    });
    if let Some(unique) = not_null_unique {
        let edits = vec![
            Edit::Table {
                table: table.id,
                change: TableChange::RemoveConstraint(unique.id),
            },
            set_key(unique.columns.clone()),
        ];
        return Fix::batch("Promote the NOT NULL unique key to primary key", edits);
    }
    let not_null = |key: &IndexKey| match key {
        IndexKey::Column(c) => table.column(*c).is_some_and(|col| !col.nullable),
        IndexKey::Expression(_) => false,
    };
    let not_null_unique_index = table.indexes.iter().find(|index| {
        index.unique
            && index.predicate.is_none()
            && !index.parts.is_empty()
            && index
                .parts
                .iter()
                .all(|part| part.length.is_none() && not_null(&part.key))
    });
    if let Some(index) = not_null_unique_index {
        let columns = index
            .parts
            .iter()
            .filter_map(|part| match part.key {
                IndexKey::Column(c) => Some(c),
                IndexKey::Expression(_) => None,
            })
            .collect();
        let edits = vec![
            Edit::Table {
                table: table.id,
                change: TableChange::RemoveConstraint(index.id),
            },
            set_key(columns),
        ];
        return Fix::batch("Promote the NOT NULL unique index to primary key", edits);
    }
    if let Some(id) = table.column_named("id") {
        let mut edits: Vec<Edit> = set_not_null(table, id.id).into_iter().collect();
        edits.push(set_key(vec![id.id]));
        return Fix::batch("Make id the primary key", edits);
    }
    let mut ids = NewIds::new(ctx.doc);
    let column = ids.column();
    let added = identity_column(ctx.dialect, "id");
    let type_name =
        crate::sql::types::dialect_spelling(&added.data_type, ctx.dialect, "").to_lowercase();
    let article = if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let label = format!("Add {article} {type_name} identity primary key id");
    let edits = vec![
        Edit::Table {
            table: table.id,
            change: TableChange::AddColumn {
                column: added,
                index: Some(0),
            },
        },
        set_key(vec![column]),
    ];
    Fix::batch(label, edits)
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "table-missing-primary-key";

    #[test]
    fn fires_on_a_table_without_key_and_adds_one() {
        let doc = pg("CREATE TABLE log (message text);");
        let found = fires(&doc, RULE);
        assert_eq!(found[0].message, "log has no primary key");
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns[0].name, "id");
    }

    #[test]
    fn silent_with_a_primary_key() {
        silent(
            &pg("CREATE TABLE log (id bigint PRIMARY KEY, message text);"),
            RULE,
        );
    }

    #[test]
    fn promotes_a_not_null_unique_key() {
        let doc = pg("CREATE TABLE country (code char(2) NOT NULL UNIQUE, name text);");
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert!(table.uniques.is_empty());
        assert_eq!(table.primary_key.as_ref().unwrap().columns.len(), 1);
    }

    #[test]
    fn junction_tables_get_a_composite_key_or_are_exempt() {
        let sql = "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY);
                   CREATE TABLE a_b (a_id int REFERENCES a(id), b_id int REFERENCES b(id));";
        let doc = pg(sql);
        let fixed = fix_silences(&doc, RULE);
        let junction = fixed
            .tables
            .values()
            .find(|t| t.name.name == "a_b")
            .unwrap();
        assert_eq!(junction.primary_key.as_ref().unwrap().columns.len(), 2);
        let mut exempt = pg(sql);
        exempt
            .lint
            .rule_mut(RULE)
            .options
            .insert("exemptPureJoinTables".into(), "true".into());
        silent(&exempt, RULE);
    }

    #[test]
    fn promotes_a_not_null_unique_index() {
        let doc = model(
            "CREATE TABLE stream_positions (stream_name TEXT NOT NULL,
                 instance_name TEXT NOT NULL, stream_id BIGINT NOT NULL);
             CREATE UNIQUE INDEX stream_positions_idx
                 ON stream_positions (stream_name, instance_name);",
            Dialect::Sqlite,
        );
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].fix.as_ref().unwrap().label,
            "Promote the NOT NULL unique index to primary key"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert!(table.indexes.is_empty());
        assert_eq!(table.primary_key.as_ref().unwrap().columns.len(), 2);
        // A nullable or partial unique index is no key.
        let doc = pg("CREATE TABLE t (a text, b text NOT NULL);
             CREATE UNIQUE INDEX t_a ON t (a);
             CREATE UNIQUE INDEX t_b ON t (b) WHERE b <> '';");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].fix.as_ref().unwrap().label,
            "Add a bigint identity primary key id"
        );
    }

    #[test]
    fn the_added_key_is_named_by_its_real_type() {
        let doc = model("CREATE TABLE log (message TEXT);", Dialect::Sqlite);
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].fix.as_ref().unwrap().label,
            "Add an integer identity primary key id"
        );
    }

    #[test]
    fn derived_tables_are_not_reported() {
        silent(
            &model(
                "CREATE VIRTUAL TABLE event_search USING fts4 (event_id, room_id, value);",
                Dialect::Sqlite,
            ),
            RULE,
        );
        let doc = pg(
            "CREATE TABLE payment (id bigint PRIMARY KEY, amount numeric);
             CREATE TABLE payment_2007 (CHECK (amount > 0)) INHERITS (payment);",
        );
        silent(&doc, RULE);
        let doc = model(
            "CREATE TABLE dbo.PeopleArchive (PersonID int NOT NULL, FullName nvarchar(50) NOT NULL,
                 ValidFrom datetime2(7) NOT NULL, ValidTo datetime2(7) NOT NULL);
             CREATE TABLE dbo.People (PersonID int NOT NULL PRIMARY KEY,
                 FullName nvarchar(50) NOT NULL,
                 ValidFrom datetime2(7) GENERATED ALWAYS AS ROW START NOT NULL,
                 ValidTo datetime2(7) GENERATED ALWAYS AS ROW END NOT NULL,
                 PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo))
             WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.PeopleArchive));",
            Dialect::Mssql,
        );
        let archive = doc
            .tables
            .values()
            .find(|t| t.name.name == "PeopleArchive")
            .unwrap();
        assert!(
            archive.options.0.contains_key("history_of"),
            "{:?}",
            archive.options
        );
        silent(&doc, RULE);
    }
}
