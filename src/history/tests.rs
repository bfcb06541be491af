use super::*;
use crate::model::*;
use proptest::prelude::*;

fn doc_with_table() -> (History, TableId) {
    let mut history = History::new(Document::new());
    let mut table = Table::new(QualifiedName::new("t"));
    table
        .columns
        .push(Column::new("id", DataType::new(TypeKind::Integer)));
    let id = TableId(history.apply(Edit::AddTable(table)).unwrap().created[0]);
    (history, id)
}

fn move_to(id: TableId, x: f32) -> Edit {
    Edit::MoveTables(vec![(id, Position::new(x, 0.0))])
}

#[test]
fn a_transaction_is_one_step() {
    let (mut history, id) = doc_with_table();
    history.begin("Move table t");
    for x in 1..=30 {
        history.apply(move_to(id, x as f32)).unwrap();
    }
    history.commit();
    assert_eq!(history.doc().table(id).unwrap().position.x, 30.0);
    assert_eq!(history.undo_label(), Some("Move table t"));
    history.undo();
    assert_eq!(history.doc().table(id).unwrap().position.x, 0.0);
    assert_eq!(history.undo_label(), Some("Add table t"));
    assert_eq!(history.redo_label(), Some("Move table t"));
    history.redo();
    assert_eq!(history.doc().table(id).unwrap().position.x, 30.0);
}

#[test]
fn abort_rolls_back_and_an_empty_transaction_adds_no_step() {
    let (mut history, id) = doc_with_table();
    history.begin("Move");
    history.apply(move_to(id, 9.0)).unwrap();
    history.abort();
    assert_eq!(history.doc().table(id).unwrap().position.x, 0.0);
    history.begin("Nothing");
    history.commit();
    assert_eq!(history.undo_label(), Some("Add table t"));
}

#[test]
fn coalescing_merges_steps_with_the_same_key() {
    let (mut history, id) = doc_with_table();
    for x in 1..=5 {
        history
            .apply_coalescing(move_to(id, x as f32), "nudge")
            .unwrap();
    }
    history
        .apply_coalescing(move_to(id, 100.0), "other")
        .unwrap();
    history.undo();
    assert_eq!(history.doc().table(id).unwrap().position.x, 5.0);
    history.undo();
    assert_eq!(history.doc().table(id).unwrap().position.x, 0.0);
}

#[test]
fn the_dirty_flag_follows_the_saved_revision() {
    let (mut history, id) = doc_with_table();
    assert!(history.is_dirty());
    history.mark_saved();
    assert!(!history.is_dirty());
    history.apply(move_to(id, 1.0)).unwrap();
    assert!(history.is_dirty());
    history.undo();
    assert!(!history.is_dirty(), "undo back to the saved state is clean");
    history.redo();
    assert!(history.is_dirty());
    history.mark_saved();
    // Coalescing never merges into the saved step.
    history.apply_coalescing(move_to(id, 2.0), "nudge").unwrap();
    history.apply_coalescing(move_to(id, 3.0), "nudge").unwrap();
    history.undo();
    assert!(!history.is_dirty());
}

#[test]
fn a_failed_edit_adds_no_step() {
    let (mut history, _) = doc_with_table();
    let before = history.doc().clone();
    assert!(history.apply(Edit::RemoveTable(TableId(4242))).is_err());
    assert_eq!(history.doc(), &before);
    assert_eq!(history.undo_label(), Some("Add table t"));
}

/// A random edit that is valid for the document as it is.
fn random_edit(doc: &Document, pick: u32, x: f32, name: &str) -> Edit {
    let tables: Vec<&Table> = doc.tables.values().map(AsRef::as_ref).collect();
    if tables.is_empty() || pick.is_multiple_of(7) {
        let mut table = Table::new(QualifiedName::new(name));
        let mut id = Column::new("id", DataType::new(TypeKind::BigInt));
        id.id = ColumnId(1);
        id.nullable = false;
        table.columns.push(id);
        table.primary_key = Some(PrimaryKey {
            id: ConstraintId(0),
            name: None,
            columns: vec![ColumnId(1)],
        });
        table.position = Position::new(x, x / 2.0);
        return Edit::AddTable(table);
    }
    let table = tables[pick as usize % tables.len()];
    let target = tables[(pick as usize / 3) % tables.len()];
    match pick % 6 {
        0 => Edit::MoveTables(vec![(table.id, Position::new(x, -x))]),
        1 => Edit::Table {
            table: table.id,
            change: TableChange::Rename(QualifiedName::new(format!("{name}_{pick}"))),
        },
        2 => Edit::Table {
            table: table.id,
            change: TableChange::AddColumn {
                column: Column::new(
                    name,
                    DataType::new(TypeKind::Varchar { length: Some(pick) }),
                ),
                index: Some(pick as usize % 3),
            },
        },
        3 => match (table.columns.last(), target.primary_key.as_ref()) {
            (Some(column), Some(pk)) => Edit::Table {
                table: table.id,
                change: TableChange::AddConstraint(Constraint::ForeignKey(ForeignKey {
                    id: ConstraintId(0),
                    name: None,
                    columns: vec![column.id],
                    referenced_table: TableRef::Resolved(target.id),
                    referenced_columns: pk
                        .columns
                        .iter()
                        .map(|c| ColumnRef::Resolved(*c))
                        .collect(),
                    on_delete: ReferentialAction::Cascade,
                    on_update: ReferentialAction::NoAction,
                    deferrable: Deferrable::NotDeferrable,
                    source: None,
                })),
            },
            _ => Edit::SetTarget(Dialect::Mysql),
        },
        4 => match table.foreign_keys.first() {
            Some(fk) => Edit::Table {
                table: table.id,
                change: TableChange::RemoveConstraint(fk.id),
            },
            None => Edit::Table {
                table: table.id,
                change: TableChange::SetComment(Some(name.to_owned())),
            },
        },
        _ => {
            let referenced = doc.tables.values().any(|t| {
                t.id != table.id
                    && t.foreign_keys
                        .iter()
                        .any(|fk| fk.referenced_table == TableRef::Resolved(table.id))
            });
            if referenced {
                Edit::SetTarget(Dialect::Sqlite)
            } else {
                Edit::RemoveTable(table.id)
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undo_all_returns_to_the_start_and_redo_all_to_the_end(
        steps in proptest::collection::vec((any::<u32>(), -500.0f32..500.0, "[a-z]{1,8}"), 1..40)
    ) {
        let mut history = History::new(crate::samples::ecommerce().unwrap());
        let start = history.doc().clone();
        let mut applied = 0;
        for (pick, x, name) in &steps {
            let edit = random_edit(history.doc(), *pick, *x, name);
            history.apply(edit).expect("generated edits are valid");
            applied += 1;
        }
        let end = history.doc().clone();
        for _ in 0..applied {
            prop_assert!(history.undo().is_some());
        }
        prop_assert!(history.undo().is_none());
        prop_assert_eq!(history.doc(), &start);
        for _ in 0..applied {
            prop_assert!(history.redo().is_some());
        }
        prop_assert_eq!(history.doc(), &end);
    }
}
