//! `primary-key-composite`: a primary key of several columns (off by default).

use crate::model::{
    Constraint, ConstraintId, Edit, PrimaryKey, Table, TableChange, UniqueConstraint,
};
use crate::rules::util::{NewIds, identity_column};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "primary-key-composite",
    category: Category::Keys,
    severity: Severity::Info,
    enabled: false,
    scope: Scope::Table,
    summary: "The primary key has more than one column.",
    help: "Some teams prefer a single surrogate key on every table: references to the table need \
           one column instead of several, and the natural key can change without touching the \
           referencing rows. Others (and the junction-table rule) prefer natural composite keys, \
           which is why this rule is off by default. The fix adds a bigint identity id, makes it \
           the primary key and keeps the old key columns as a UNIQUE constraint, so existing \
           foreign keys stay valid. Partitioned tables are skipped: their keys must include \
           the partition key.",
    options: &[RuleOption {
        name: "exemptJunctionTables",
        default: "true",
        help: "true: skip keys made only of foreign-key columns (junction tables)",
    }],
};

/// The rule.
pub struct PrimaryKeyComposite;

impl Rule for PrimaryKeyComposite {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.columns.len() > 1) else {
            return;
        };
        // Partitioned tables must have the partition key in every unique key.
        let partitioned = ["partition_by", "partition_of"]
            .iter()
            .any(|o| table.options.0.contains_key(*o));
        if partitioned {
            return;
        }
        let junction = pk.columns.iter().all(|c| table.is_foreign_key_column(*c));
        if junction && ctx.option_flag(&META, "exemptJunctionTables") {
            return;
        }
        let names: Vec<&str> = pk
            .columns
            .iter()
            .filter_map(|c| table.column(*c).map(|c| c.name.as_str()))
            .collect();
        let finding = out.report(
            Subject::Constraint(table.id, pk.id),
            format!(
                "{} has a composite primary key ({})",
                ctx.table_label(table),
                names.join(", ")
            ),
        );
        if let Some(fix) = fix(ctx, table, pk) {
            finding.with_fix(fix);
        }
    }
}

fn fix(ctx: &Context, table: &Table, pk: &PrimaryKey) -> Option<Fix> {
    let taken = |name: &str| {
        table
            .columns
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(name))
    };
    let name = if taken("id") {
        let long = format!("{}_id", table.name.name);
        if taken(&long) {
            return None;
        }
        long
    } else {
        "id".to_owned()
    };
    let mut ids = NewIds::new(ctx.doc);
    let column = ids.column();
    let edits = vec![
        Edit::Table {
            table: table.id,
            change: TableChange::AddColumn {
                column: identity_column(ctx.dialect, &name),
                index: Some(0),
            },
        },
        Edit::Table {
            table: table.id,
            change: TableChange::SetPrimaryKey(Some(PrimaryKey {
                id: ConstraintId(0),
                name: pk.name.clone(),
                columns: vec![column],
            })),
        },
        Edit::Table {
            table: table.id,
            change: TableChange::AddConstraint(Constraint::Unique(UniqueConstraint {
                id: ConstraintId(0),
                name: None,
                columns: pk.columns.clone(),
            })),
        },
    ];
    Some(Fix::batch(
        format!("Add a surrogate key {name} and keep the old key as UNIQUE"),
        edits,
    ))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "primary-key-composite";

    #[test]
    fn fires_on_a_composite_key_and_adds_a_surrogate() {
        let doc = pg(
            "CREATE TABLE salary (emp_no int, from_date date, amount int,
                      PRIMARY KEY (emp_no, from_date));",
        );
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "salary has a composite primary key (emp_no, from_date)"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns[0].name, "id");
        let pk = table.primary_key.as_ref().unwrap();
        assert_eq!(pk.columns, vec![table.columns[0].id]);
        assert_eq!(table.uniques[0].columns.len(), 2);
    }

    #[test]
    fn silent_on_single_keys_and_junction_tables_unless_configured() {
        silent(&pg("CREATE TABLE a (id bigint PRIMARY KEY);"), RULE);
        let sql = "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY);
                   CREATE TABLE a_b (a_id int REFERENCES a(id), b_id int REFERENCES b(id),
                   PRIMARY KEY (a_id, b_id));";
        silent(&pg(sql), RULE);
        let mut doc = pg(sql);
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("exemptJunctionTables".into(), "false".into());
        fires(&doc, RULE);
    }
}
