//! Changes to one table.

use std::sync::Arc;

use super::{EditError, checks};
use crate::model::{
    CheckConstraint, Column, ColumnId, ColumnRef, ConstraintId, Document, ForeignKey, GroupId,
    IdAllocator, Index, IndexKey, PrimaryKey, QualifiedName, Table, TableId, TableOptions,
    TableRef, UniqueConstraint,
};

/// A constraint or index that lives inside a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint {
    /// A foreign key.
    ForeignKey(ForeignKey),
    /// A unique constraint.
    Unique(UniqueConstraint),
    /// A check constraint.
    Check(CheckConstraint),
    /// An index.
    Index(Index),
}

impl Constraint {
    fn id(&self) -> ConstraintId {
        match self {
            Self::ForeignKey(c) => c.id,
            Self::Unique(c) => c.id,
            Self::Check(c) => c.id,
            Self::Index(c) => c.id,
        }
    }

    fn set_id(&mut self, id: ConstraintId) {
        match self {
            Self::ForeignKey(c) => c.id = id,
            Self::Unique(c) => c.id = id,
            Self::Check(c) => c.id = id,
            Self::Index(c) => c.id = id,
        }
    }

    fn kind_name(&self) -> &'static str {
        match self {
            Self::ForeignKey(_) => "foreign key",
            Self::Unique(_) => "unique constraint",
            Self::Check(_) => "check constraint",
            Self::Index(_) => "index",
        }
    }
}

/// One change to a table.
#[derive(Debug, Clone, PartialEq)]
pub enum TableChange {
    /// Renames the table (schema and name).
    Rename(QualifiedName),
    /// Sets or clears the comment.
    SetComment(Option<String>),
    /// Puts the table into a group or takes it out.
    SetGroup(Option<GroupId>),
    /// Shows the table as its header only, or with its columns.
    SetCollapsed(bool),
    /// Replaces the dialect-specific options.
    SetOptions(TableOptions),
    /// Adds a column at `index` (the end when `None`); its id is assigned on apply.
    AddColumn {
        /// The new column.
        column: Column,
        /// Position among the columns.
        index: Option<usize>,
    },
    /// Removes a column. Refused while a key, index or another table's foreign key uses it.
    RemoveColumn(ColumnId),
    /// Replaces a column with a new version carrying the same id.
    ReplaceColumn(Column),
    /// Renames a column, leaving everything else about it as it is.
    RenameColumn {
        /// The column.
        column: ColumnId,
        /// Its new name.
        name: String,
    },
    /// Moves a column to another position.
    MoveColumn {
        /// The column to move.
        column: ColumnId,
        /// Its new index among the columns.
        to: usize,
    },
    /// Sets or removes the primary key (its id is assigned on apply when new).
    SetPrimaryKey(Option<PrimaryKey>),
    /// Adds a constraint or index; its id is assigned on apply.
    AddConstraint(Constraint),
    /// Removes a constraint or index.
    RemoveConstraint(ConstraintId),
    /// Replaces a constraint or index with a new version carrying the same id.
    ReplaceConstraint(Constraint),
}

impl TableChange {
    /// The step's name, given the table's display name.
    pub(super) fn label(&self, table: &str) -> String {
        match self {
            Self::Rename(name) => format!("Rename table {table} to {name}"),
            Self::SetComment(_) => format!("Edit comment of {table}"),
            Self::SetGroup(_) => format!("Change group of {table}"),
            Self::SetCollapsed(true) => format!("Collapse table {table}"),
            Self::SetCollapsed(false) => format!("Expand table {table}"),
            Self::SetOptions(_) => format!("Edit options of {table}"),
            Self::AddColumn { column, .. } => format!("Add column {table}.{}", column.name),
            Self::RemoveColumn(_) => format!("Remove column from {table}"),
            Self::ReplaceColumn(column) => format!("Edit column {table}.{}", column.name),
            Self::RenameColumn { name, .. } => format!("Rename a column of {table} to {name}"),
            Self::MoveColumn { .. } => format!("Reorder columns of {table}"),
            Self::SetPrimaryKey(_) => format!("Set primary key of {table}"),
            Self::AddConstraint(c) => format!("Add {} to {table}", c.kind_name()),
            Self::RemoveConstraint(_) => format!("Remove constraint from {table}"),
            Self::ReplaceConstraint(c) => format!("Edit {} of {table}", c.kind_name()),
        }
    }
}

/// Applies a change to one table; returns the raw id of anything it created.
pub(super) fn apply(
    doc: &mut Document,
    id: TableId,
    change: TableChange,
) -> Result<Option<u64>, EditError> {
    let mut table = checks::table(doc, id)?.clone();
    // Ids are drawn from a copy so a refused change does not consume any.
    let mut ids = doc.ids.clone();
    let mut created = None;
    match change {
        TableChange::Rename(name) => table.name = name,
        TableChange::SetComment(comment) => table.comment = comment,
        TableChange::SetCollapsed(collapsed) => table.collapsed = collapsed,
        TableChange::SetGroup(group) => table.group = group,
        TableChange::SetOptions(options) => table.options = options,
        TableChange::AddColumn { mut column, index } => {
            let fresh = ColumnId(ids.next_raw());
            column.id = fresh;
            let at = index
                .unwrap_or(table.columns.len())
                .min(table.columns.len());
            table.columns.insert(at, column);
            created = Some(fresh.0);
        }
        TableChange::RemoveColumn(column) => {
            remove_column_check(doc, &table, column)?;
            table.columns.retain(|c| c.id != column);
        }
        TableChange::ReplaceColumn(column) => {
            let slot = table
                .columns
                .iter_mut()
                .find(|c| c.id == column.id)
                .ok_or_else(|| EditError::Missing(format!("column {}", column.id)))?;
            *slot = column;
        }
        TableChange::RenameColumn { column, name } => {
            let slot = table
                .columns
                .iter_mut()
                .find(|c| c.id == column)
                .ok_or_else(|| EditError::Missing(format!("column {column}")))?;
            slot.name = name;
        }
        TableChange::MoveColumn { column, to } => {
            let from = table
                .columns
                .iter()
                .position(|c| c.id == column)
                .ok_or_else(|| EditError::Missing(format!("column {column}")))?;
            let moved = table.columns.remove(from);
            let to = to.min(table.columns.len());
            table.columns.insert(to, moved);
        }
        TableChange::SetPrimaryKey(key) => {
            table.primary_key = key.map(|mut key| {
                if table
                    .primary_key
                    .as_ref()
                    .is_none_or(|old| old.id != key.id)
                {
                    key.id = ConstraintId(ids.next_raw());
                }
                key
            });
        }
        TableChange::AddConstraint(mut constraint) => {
            let fresh = ConstraintId(ids.next_raw());
            constraint.set_id(fresh);
            insert_constraint(&mut table, constraint);
            created = Some(fresh.0);
        }
        TableChange::RemoveConstraint(constraint) => {
            let before = constraint_count(&table);
            table.foreign_keys.retain(|c| c.id != constraint);
            table.uniques.retain(|c| c.id != constraint);
            table.checks.retain(|c| c.id != constraint);
            table.indexes.retain(|c| c.id != constraint);
            if constraint_count(&table) == before {
                return Err(EditError::Missing(format!("constraint {constraint}")));
            }
        }
        TableChange::ReplaceConstraint(constraint) => replace_constraint(&mut table, constraint)?,
    }
    checks::table_contents(doc, &table, Some(id))?;
    doc.tables.insert(id, Arc::new(table));
    doc.ids = ids;
    Ok(created)
}

fn constraint_count(table: &Table) -> usize {
    table.foreign_keys.len() + table.uniques.len() + table.checks.len() + table.indexes.len()
}

fn insert_constraint(table: &mut Table, constraint: Constraint) {
    match constraint {
        Constraint::ForeignKey(c) => table.foreign_keys.push(c),
        Constraint::Unique(c) => table.uniques.push(c),
        Constraint::Check(c) => table.checks.push(c),
        Constraint::Index(c) => table.indexes.push(c),
    }
}

fn replace_constraint(table: &mut Table, constraint: Constraint) -> Result<(), EditError> {
    fn put<T>(items: &mut [T], id: impl Fn(&T) -> ConstraintId, new: T) -> bool {
        let wanted = id(&new);
        match items.iter_mut().find(|item| id(item) == wanted) {
            Some(slot) => {
                *slot = new;
                true
            }
            None => false,
        }
    }
    let missing = EditError::Missing(format!("{} {}", constraint.kind_name(), constraint.id()));
    let found = match constraint {
        Constraint::ForeignKey(new) => put(&mut table.foreign_keys, |c| c.id, new),
        Constraint::Unique(new) => put(&mut table.uniques, |c| c.id, new),
        Constraint::Check(new) => put(&mut table.checks, |c| c.id, new),
        Constraint::Index(new) => put(&mut table.indexes, |c| c.id, new),
    };
    if found { Ok(()) } else { Err(missing) }
}

fn remove_column_check(doc: &Document, table: &Table, column: ColumnId) -> Result<(), EditError> {
    let Some(col) = table.column(column) else {
        return Err(EditError::Missing(format!("column {column}")));
    };
    let what = format!("column {}.{}", table.name, col.name);
    let in_use = |used_by: String| EditError::InUse {
        what: what.clone(),
        used_by,
    };
    if table.is_primary_key_column(column) {
        return Err(in_use("the primary key".into()));
    }
    if table.referenced_own_columns().any(|c| c == column) {
        return Err(in_use(format!(
            "a constraint or index of table {}",
            table.name
        )));
    }
    for other in doc.tables.values() {
        for fk in &other.foreign_keys {
            let points_here = fk.referenced_table == TableRef::Resolved(table.id)
                && fk.referenced_columns.contains(&ColumnRef::Resolved(column));
            if points_here {
                return Err(in_use(format!("a foreign key of table {}", other.name)));
            }
        }
    }
    Ok(())
}

/// Rewrites the column ids inside a new table's keys and constraints through `lookup`, and
/// gives every key and constraint a fresh id.
pub(super) fn remap_own_columns(
    table: &mut Table,
    lookup: &dyn Fn(ColumnId) -> Result<ColumnId, EditError>,
    ids: &mut IdAllocator,
) -> Result<(), EditError> {
    let remap_all = |columns: &mut Vec<ColumnId>| -> Result<(), EditError> {
        for c in columns.iter_mut() {
            *c = lookup(*c)?;
        }
        Ok(())
    };
    if let Some(pk) = &mut table.primary_key {
        remap_all(&mut pk.columns)?;
        pk.id = ConstraintId(ids.next_raw());
    }
    for fk in &mut table.foreign_keys {
        remap_all(&mut fk.columns)?;
        fk.id = ConstraintId(ids.next_raw());
    }
    for unique in &mut table.uniques {
        remap_all(&mut unique.columns)?;
        unique.id = ConstraintId(ids.next_raw());
    }
    for check in &mut table.checks {
        check.id = ConstraintId(ids.next_raw());
    }
    for index in &mut table.indexes {
        for part in &mut index.parts {
            if let IndexKey::Column(c) = &mut part.key {
                *c = lookup(*c)?;
            }
        }
        remap_all(&mut index.include)?;
        index.id = ConstraintId(ids.next_raw());
    }
    Ok(())
}

/// Points a new table's self-referencing foreign key (one whose target is the table's
/// placeholder id) at the table's real id and remapped columns.
pub(super) fn remap_self_reference(
    fk: &mut ForeignKey,
    placeholder: TableId,
    id: TableId,
    lookup: &dyn Fn(ColumnId) -> Result<ColumnId, EditError>,
) -> Result<(), EditError> {
    if fk.referenced_table != TableRef::Resolved(placeholder) {
        return Ok(());
    }
    fk.referenced_table = TableRef::Resolved(id);
    for column in &mut fk.referenced_columns {
        if let ColumnRef::Resolved(c) = column {
            *c = lookup(*c)?;
        }
    }
    Ok(())
}
