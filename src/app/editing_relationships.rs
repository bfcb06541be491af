//! Creating relationships: connecting two columns (or a column and a table) by a drag on the
//! canvas, and the many-to-many helper that adds a junction table.

use std::collections::BTreeSet;

use super::{Picked, SchemataApp};
use crate::model::{
    Column, ColumnId, ColumnRef, Constraint, ConstraintId, DataType, Deferrable, Edit, ForeignKey,
    Index, IndexKey, IndexPart, Position, PrimaryKey, QualifiedName, ReferentialAction, SortOrder,
    Table, TableChange, TableId, TableRef,
};
use crate::rules::naming::inflect::singular_name;

/// Where a connector drag was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectTarget {
    /// On a column row of a table.
    Column(TableId, ColumnId),
    /// On a table's header.
    Table(TableId),
}

/// Whether the column alone is a key of its table (primary key or unique).
fn is_single_key(table: &Table, column: ColumnId) -> bool {
    table
        .primary_key
        .as_ref()
        .is_some_and(|pk| pk.columns == [column])
        || table.is_unique_column(column)
}

/// The name for a new column in `table` referencing `target`: `<singular target>_id`, or with
/// the key column's name when that is not `id`, numbered when taken.
fn reference_column_name(table: &Table, target: &Table, key_column: &str) -> String {
    let stem = singular_name(&target.name.name);
    let base = if key_column == "id" {
        format!("{stem}_id")
    } else if key_column.starts_with(&stem) {
        key_column.to_owned()
    } else {
        format!("{stem}_{key_column}")
    };
    let mut name = base.clone();
    let mut n = 2;
    while table.column_named(&name).is_some() {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

fn foreign_key(columns: Vec<ColumnId>, target: TableId, referenced: Vec<ColumnId>) -> ForeignKey {
    ForeignKey {
        id: ConstraintId(0),
        name: None,
        columns,
        referenced_table: TableRef::Resolved(target),
        referenced_columns: referenced.into_iter().map(ColumnRef::Resolved).collect(),
        on_delete: ReferentialAction::NoAction,
        on_update: ReferentialAction::NoAction,
        deferrable: Deferrable::NotDeferrable,
        source: None,
    }
}

/// A copy of a key column's type for a column referencing it (without the source spelling,
/// identity or default of the key).
fn referencing_type(key: &Column) -> DataType {
    DataType {
        original: None,
        ..key.data_type.clone()
    }
}

impl SchemataApp {
    /// Connects `from` (a table's column where a drag started) to where it was dropped.
    ///
    /// Between two columns, the foreign key goes from the column that is not a key to the one
    /// that is (dragging from a primary key to a plain column works too); when both or
    /// neither are keys, the column the drag started from references the other. Dropped on a
    /// table's header, a key column gets a new referencing column in that table (named after
    /// the key's table, typed like the key); any other column references that table's primary
    /// key. One undo step; the new relationship is selected.
    pub fn connect(&mut self, from: (TableId, ColumnId), target: ConnectTarget) {
        let doc = self.doc();
        let Some(source) = doc.table(from.0) else {
            return;
        };
        match target {
            ConnectTarget::Column(table, column) => {
                let Some(other) = doc.table(table) else {
                    return;
                };
                if (table, column) == from {
                    return;
                }
                let flip = is_single_key(source, from.1) && !is_single_key(other, column);
                let (child, parent) = if flip {
                    ((table, column), from)
                } else {
                    (from, (table, column))
                };
                self.add_foreign_key(child.0, vec![child.1], parent.0, vec![parent.1]);
            }
            ConnectTarget::Table(table) if table == from.0 => {}
            ConnectTarget::Table(table) => {
                if is_single_key(source, from.1) {
                    if let Some(id) = self.add_reference_to(table, from.0, from.1) {
                        self.selection.clear();
                        self.picked = Some(Picked::Relationship(id));
                    }
                } else {
                    let key = doc
                        .table(table)
                        .and_then(|t| t.primary_key.as_ref())
                        .map(|pk| pk.columns.clone());
                    match key {
                        Some(key) if key.len() == 1 => {
                            self.add_foreign_key(from.0, vec![from.1], table, key);
                        }
                        _ => {
                            self.status = "Drop on a column, or on a table with a one-column \
                                           primary key"
                                .into();
                        }
                    }
                }
            }
        }
    }

    /// Adds a foreign key `table(columns) → target(referenced)` as one step and selects it,
    /// unless the same key exists already.
    fn add_foreign_key(
        &mut self,
        table: TableId,
        columns: Vec<ColumnId>,
        target: TableId,
        referenced: Vec<ColumnId>,
    ) {
        let fk = foreign_key(columns, target, referenced);
        let Some(holder) = self.doc().table(table) else {
            return;
        };
        let exists = holder.foreign_keys.iter().any(|f| {
            f.columns == fk.columns
                && f.referenced_table == fk.referenced_table
                && f.referenced_columns == fk.referenced_columns
        });
        if exists {
            self.status = "That relationship exists already".into();
            return;
        }
        let edit = Edit::Table {
            table,
            change: TableChange::AddConstraint(Constraint::ForeignKey(fk)),
        };
        match self.history.apply(edit) {
            Ok(applied) => {
                if let Some(&raw) = applied.created.first() {
                    self.selection.clear();
                    self.picked = Some(Picked::Relationship((table, ConstraintId(raw))));
                }
            }
            Err(err) => self.status = format!("Not possible: {err}"),
        }
    }

    /// Adds to `table` a NOT NULL column referencing `target`'s column `key` and the foreign
    /// key between them, as one undo step; returns the new relationship.
    pub fn add_reference_to(
        &mut self,
        table: TableId,
        target: TableId,
        key: ColumnId,
    ) -> Option<crate::render::RelationshipId> {
        let doc = self.doc();
        let (from, to) = (doc.table(table)?, doc.table(target)?);
        let key_column = to.column(key)?;
        let mut column = Column::new(
            reference_column_name(from, to, &key_column.name),
            referencing_type(key_column),
        );
        column.nullable = false;
        let label = format!("Reference {} from {}", to.name, from.name);
        self.history.begin(label);
        let added = self.history.apply(Edit::Table {
            table,
            change: TableChange::AddColumn {
                column,
                index: None,
            },
        });
        let Some(&raw) = added.as_ref().ok().and_then(|a| a.created.first()) else {
            self.history.abort();
            return None;
        };
        let fk = foreign_key(vec![ColumnId(raw)], target, vec![key]);
        let result = self.history.apply(Edit::Table {
            table,
            change: TableChange::AddConstraint(Constraint::ForeignKey(fk)),
        });
        match result {
            Ok(applied) => {
                self.history.commit();
                applied
                    .created
                    .first()
                    .map(|&raw| (table, ConstraintId(raw)))
            }
            Err(err) => {
                self.history.abort();
                self.status = format!("Not possible: {err}");
                None
            }
        }
    }

    /// Deletes the picked relationship (the Delete key while one is selected); returns
    /// whether there was one.
    pub fn delete_picked_relationship(&mut self) -> bool {
        let Some(Picked::Relationship((table, constraint))) = self.picked else {
            return false;
        };
        let edit = Edit::Table {
            table,
            change: TableChange::RemoveConstraint(constraint),
        };
        if let Err(err) = self.history.apply(edit) {
            self.status = format!("Not possible: {err}");
        }
        self.picked = None;
        true
    }

    /// Adds a junction table between the two selected tables (or a table and itself when one
    /// is selected): a NOT NULL column per primary-key column of each side, a composite
    /// primary key over all of them, a foreign key to each side with ON DELETE CASCADE, and an
    /// index for the second key (the primary key covers the first). One undo step; the new
    /// table is selected.
    pub fn create_many_to_many(&mut self) {
        let ids: Vec<TableId> = self.selection.iter().copied().collect();
        let (a, b) = match ids.as_slice() {
            [a, b] => (*a, *b),
            [a] => (*a, *a),
            _ => {
                self.status = "Select two tables (or one, for a table related to itself)".into();
                return;
            }
        };
        let doc = self.doc();
        let (Some(left), Some(right)) = (doc.table(a), doc.table(b)) else {
            return;
        };
        match junction_table(doc, left, right) {
            Ok(table) => match self.history.apply(Edit::AddTable(table)) {
                Ok(applied) => {
                    if let Some(&raw) = applied.created.first() {
                        self.selection = BTreeSet::from([TableId(raw)]);
                        self.picked = None;
                    }
                }
                Err(err) => self.status = format!("Not possible: {err}"),
            },
            Err(message) => self.status = message,
        }
    }
}

/// The junction table for a many-to-many relationship between `left` and `right`, placed
/// between them, with placeholder ids (see [`Edit::AddTable`]).
fn junction_table(
    doc: &crate::model::Document,
    left: &Table,
    right: &Table,
) -> Result<Table, String> {
    let key_of = |t: &Table| -> Result<Vec<ColumnId>, String> {
        t.primary_key
            .as_ref()
            .map(|pk| pk.columns.clone())
            .filter(|c| !c.is_empty())
            .ok_or_else(|| format!("{} needs a primary key first", t.name))
    };
    let (left_key, right_key) = (key_of(left)?, key_of(right)?);
    let base = if left.id == right.id {
        format!("{}_links", singular_name(&left.name.name))
    } else {
        format!(
            "{}_{}",
            singular_name(&left.name.name),
            singular_name(&right.name.name)
        )
    };
    let mut name = QualifiedName {
        schema: left.name.schema.clone(),
        name: base.clone(),
    };
    let mut n = 2;
    while doc.table_named(&name).is_some() {
        name.name = format!("{base}_{n}");
        n += 1;
    }
    let mut table = Table::new(name);
    table.group = left.group.filter(|_| left.group == right.group);
    let mut next = 0u64;
    let mut fresh = || {
        next += 1;
        next
    };
    let mut sides = Vec::new();
    for (side, (owner, key)) in [(left, &left_key), (right, &right_key)].iter().enumerate() {
        let mut own = Vec::new();
        for key_id in *key {
            let Some(key_column) = owner.column(*key_id) else {
                return Err(format!("{} has a broken primary key", owner.name));
            };
            let mut column_name = reference_column_name(&table, owner, &key_column.name);
            if side == 1 && left.id == right.id {
                column_name = format!("related_{column_name}");
            }
            let mut column = Column::new(column_name, referencing_type(key_column));
            column.id = ColumnId(fresh());
            column.nullable = false;
            own.push(column.id);
            table.columns.push(column);
        }
        sides.push((owner.id, own, (*key).clone()));
    }
    table.primary_key = Some(PrimaryKey {
        id: ConstraintId(fresh()),
        name: None,
        columns: table.columns.iter().map(|c| c.id).collect(),
    });
    for (target, own, referenced) in &sides {
        let mut fk = foreign_key(own.clone(), *target, referenced.clone());
        fk.id = ConstraintId(fresh());
        fk.on_delete = ReferentialAction::Cascade;
        table.foreign_keys.push(fk);
    }
    if let Some((_, second, _)) = sides.get(1) {
        let names: Vec<String> = second
            .iter()
            .filter_map(|id| table.column(*id).map(|c| c.name.clone()))
            .collect();
        table.indexes.push(Index {
            id: ConstraintId(fresh()),
            name: Some(format!("{}_{}_idx", table.name.name, names.join("_"))),
            unique: false,
            parts: second
                .iter()
                .map(|c| IndexPart {
                    key: IndexKey::Column(*c),
                    order: SortOrder::Asc,
                    length: None,
                })
                .collect(),
            predicate: None,
            method: None,
            include: Vec::new(),
            source: None,
        });
    }
    table.position = between(left, right);
    Ok(table)
}

/// A spot between two tables (below the table when both are the same one).
fn between(left: &Table, right: &Table) -> Position {
    if left.id == right.id {
        return Position::new(left.position.x, left.position.y - 160.0);
    }
    let snap = |v: f32| (v / 20.0).round() * 20.0;
    Position::new(
        snap((left.position.x + right.position.x) / 2.0),
        snap((left.position.y + right.position.y) / 2.0 + 120.0),
    )
}
