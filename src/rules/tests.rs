//! Registry-wide checks and the incremental validator against full runs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use super::*;

#[test]
fn rule_ids_are_unique_kebab_case_with_help() {
    let mut seen = BTreeSet::new();
    for rule in registry() {
        let meta = rule.meta();
        assert!(seen.insert(meta.id), "duplicate rule {}", meta.id);
        assert!(
            meta.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} is not kebab-case",
            meta.id
        );
        assert!(
            !meta.summary.is_empty() && !meta.help.is_empty(),
            "{}",
            meta.id
        );
    }
}

fn summary(findings: &[&Finding]) -> Vec<String> {
    let mut lines: Vec<String> = findings
        .iter()
        .map(|f| format!("{} {:?} {:?} {}", f.rule, f.severity, f.subject, f.message))
        .collect();
    lines.sort();
    lines
}

/// After each edit, the incremental validator must agree with a fresh full run.
#[test]
fn incremental_updates_match_full_runs() {
    use crate::model::{
        Column, ColumnRef, ConstraintId, DataType, Edit, ForeignKey, TableChange, TableRef,
        TypeKind, apply,
    };
    let mut doc = testing::pg(
        "CREATE TABLE customer (id int PRIMARY KEY, email varchar(100), phone1 text, phone2 text);
         CREATE TABLE orders (id serial PRIMARY KEY, customer_id bigint REFERENCES customer(id),
                              total float, note text);
         CREATE TABLE order_line (order_id int REFERENCES orders(id), qty int, price real);
         CREATE TABLE audit (email text);",
    );
    let mut validator = Validator::new(None);
    validator.update(&doc);
    let id_of = |doc: &crate::model::Document, name: &str| {
        doc.tables
            .values()
            .find(|t| t.name.name == name)
            .unwrap()
            .id
    };
    let customer = id_of(&doc, "customer");
    let orders = id_of(&doc, "orders");
    let line = id_of(&doc, "order_line");
    let email = doc
        .table(customer)
        .unwrap()
        .column_named("email")
        .unwrap()
        .clone();
    let customer_key = doc.table(customer).unwrap().column_named("id").unwrap().id;
    let mut edits = vec![
        Edit::Table {
            table: customer,
            change: TableChange::ReplaceColumn(Column {
                data_type: DataType::new(TypeKind::Text),
                ..email
            }),
        },
        Edit::Table {
            table: line,
            change: TableChange::AddColumn {
                column: Column::new("customer_id", DataType::new(TypeKind::Integer)),
                index: None,
            },
        },
        Edit::Table {
            table: orders,
            change: TableChange::SetComment(Some("Orders placed".into())),
        },
        Edit::Table {
            table: customer,
            change: TableChange::RenameColumn {
                column: customer_key,
                name: "CustomerKey".into(),
            },
        },
        Edit::Table {
            table: orders,
            change: TableChange::Rename(crate::model::QualifiedName::new("purchase")),
        },
    ];
    let mut config = doc.lint.clone();
    config.rule_mut("column-type-inconsistent").enabled = Some(false);
    edits.push(Edit::SetLintConfig(config));
    for edit in edits {
        apply(&mut doc, edit).unwrap();
        validator.update(&doc);
        let full = validate(&doc, None);
        assert_eq!(
            summary(&validator.sorted()),
            summary(&full.iter().collect::<Vec<_>>())
        );
    }
    // A foreign key added between two tables updates both ends.
    let new_column = doc
        .table(line)
        .unwrap()
        .column_named("customer_id")
        .unwrap()
        .id;
    let fk = ForeignKey {
        id: ConstraintId(0),
        name: None,
        columns: vec![new_column],
        referenced_table: TableRef::Resolved(customer),
        referenced_columns: vec![ColumnRef::Resolved(customer_key)],
        on_delete: crate::model::ReferentialAction::NoAction,
        on_update: crate::model::ReferentialAction::NoAction,
        deferrable: crate::model::Deferrable::NotDeferrable,
        source: None,
    };
    apply(
        &mut doc,
        Edit::Table {
            table: line,
            change: TableChange::AddConstraint(crate::model::Constraint::ForeignKey(fk)),
        },
    )
    .unwrap();
    validator.update(&doc);
    let full = validate(&doc, None);
    assert_eq!(
        summary(&validator.sorted()),
        summary(&full.iter().collect::<Vec<_>>())
    );
}

/// Options are parsed once per run: a changed option must still take effect on the next
/// update, and agree with a full run.
#[test]
fn changed_options_take_effect_on_the_next_update() {
    use crate::model::{Edit, apply};
    let mut doc = testing::pg(
        "CREATE TABLE customer (id int PRIMARY KEY, payload text, tags text);
         CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customer(id),
                              payload text);",
    );
    let mut validator = Validator::new(None);
    validator.update(&doc);
    let fired = |validator: &Validator, rule: &str| {
        validator.sorted().iter().filter(|f| f.rule == rule).count()
    };
    assert_eq!(fired(&validator, "column-name-blocklist"), 0);
    assert_eq!(fired(&validator, "multivalue-column"), 1);
    let mut config = doc.lint.clone();
    let blocklist = &mut config.rule_mut("column-name-blocklist").options;
    blocklist.insert("patterns".into(), "PAY*".into());
    let multivalue = &mut config.rule_mut("multivalue-column").options;
    multivalue.insert("patterns".into(), "*_list".into());
    apply(&mut doc, Edit::SetLintConfig(config)).unwrap();
    validator.update(&doc);
    assert_eq!(fired(&validator, "column-name-blocklist"), 2);
    assert_eq!(fired(&validator, "multivalue-column"), 0);
    let full = validate(&doc, None);
    assert_eq!(
        summary(&validator.sorted()),
        summary(&full.iter().collect::<Vec<_>>())
    );
}

/// Moving or collapsing tables (a drag) checks nothing and keeps the findings; a real change
/// after a move is still caught.
#[test]
fn moving_tables_checks_nothing_and_later_changes_are_still_checked() {
    use crate::model::{Edit, Position, TableChange, apply};
    let mut doc = testing::pg("CREATE TABLE event_log (message text);");
    let id = *doc.tables.keys().next().unwrap();
    let mut validator = Validator::new(None);
    validator.update(&doc);
    let revision = validator.revision();
    let before = summary(&validator.sorted());
    apply(
        &mut doc,
        Edit::MoveTables(vec![(id, Position::new(300.0, 80.0))]),
    )
    .unwrap();
    apply(
        &mut doc,
        Edit::Table {
            table: id,
            change: TableChange::SetCollapsed(true),
        },
    )
    .unwrap();
    assert!(!validator.update(&doc), "nothing to check after a move");
    assert_eq!(validator.revision(), revision);
    assert_eq!(summary(&validator.sorted()), before);
    apply(
        &mut doc,
        Edit::Table {
            table: id,
            change: TableChange::SetComment(Some("What happened when".into())),
        },
    )
    .unwrap();
    assert!(validator.update(&doc));
    let mut fresh = Validator::new(None);
    fresh.update(&doc);
    assert_eq!(summary(&validator.sorted()), summary(&fresh.sorted()));
    assert_ne!(
        summary(&validator.sorted()),
        before,
        "the comment silenced a finding"
    );
}
