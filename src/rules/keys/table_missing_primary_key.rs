//! `table-missing-primary-key`: a base table without a primary key.

use crate::model::{ColumnId, ConstraintId, Edit, PrimaryKey, Table, TableChange};
use crate::rules::util::{NewIds, identity_column, set_not_null};
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
           NOT NULL unique key, or give a junction table a composite key of its foreign keys.",
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
        if table.primary_key.is_some() || table.columns.is_empty() {
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
    if let Some(id) = table.column_named("id") {
        let mut edits: Vec<Edit> = set_not_null(table, id.id).into_iter().collect();
        edits.push(set_key(vec![id.id]));
        return Fix::batch("Make id the primary key", edits);
    }
    let mut ids = NewIds::new(ctx.doc);
    let column = ids.column();
    let edits = vec![
        Edit::Table {
            table: table.id,
            change: TableChange::AddColumn {
                column: identity_column(ctx.dialect, "id"),
                index: Some(0),
            },
        },
        set_key(vec![column]),
    ];
    Fix::batch("Add a bigint identity primary key id", edits)
}

#[cfg(test)]
mod tests {
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
}
