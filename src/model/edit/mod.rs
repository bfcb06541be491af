//! Every change to a [`Document`] is an [`Edit`], applied by [`apply`].
//!
//! `apply` checks structural integrity first (ids exist, keys name existing columns, nothing
//! is removed while something still points at it) and only then changes the document, so a
//! rejected edit leaves the document exactly as it was. Semantic problems — duplicate names,
//! unknown types, odd keys — are allowed here and reported by the validator instead.

mod checks;
mod merge;
mod object;
mod table_change;

use std::sync::Arc;

pub use object::{Object, ObjectId};
pub use table_change::{Constraint, TableChange};

use super::{ColumnId, Dialect, Document, LintConfig, Position, Table, TableId};

/// A change to a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Adds a table. Its id and the ids of its columns and constraints are assigned on apply;
    /// columns and constraints inside it may refer to each other by the placeholder ids the
    /// caller gave them (they are remapped consistently). Columns nothing refers to may all
    /// keep the placeholder id 0.
    AddTable(Table),
    /// Removes a table. Refused while another table's foreign key points at it; notes attached
    /// to it are detached.
    RemoveTable(TableId),
    /// Moves tables to absolute positions.
    MoveTables(Vec<(TableId, Position)>),
    /// Changes one table.
    Table {
        /// The table to change.
        table: TableId,
        /// What to change.
        change: TableChange,
    },
    /// Adds a non-table object; its id is assigned on apply.
    AddObject(Object),
    /// Removes a non-table object.
    RemoveObject(ObjectId),
    /// Replaces a non-table object with a new version carrying the same id.
    ReplaceObject(Object),
    /// Changes the project's target dialect.
    SetTarget(Dialect),
    /// Replaces the design-rule configuration.
    SetLintConfig(LintConfig),
    /// Adds every object of another document (an import), with fresh ids; the created table
    /// ids are returned.
    Merge(Box<Document>),
    /// Several edits applied as one: all or nothing, one undo step.
    Batch {
        /// The name of the step, for the Edit menu.
        label: String,
        /// The edits, applied in order.
        edits: Vec<Edit>,
    },
}

/// A structural problem that made an edit impossible, in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// An id that is not (or no longer) in the document.
    #[error("{0} does not exist (it may have been removed)")]
    Missing(String),
    /// Removing something that other objects still use.
    #[error("cannot remove {what}: {used_by} still uses it")]
    InUse {
        /// The object being removed.
        what: String,
        /// The object that refers to it.
        used_by: String,
    },
    /// Any other structural violation.
    #[error("{0}")]
    Invalid(String),
}

/// What an applied edit created.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Applied {
    /// Raw ids of the top-level objects the edit created (tables, columns, constraints,
    /// other objects), in order.
    pub created: Vec<u64>,
}

impl Edit {
    /// A short name for the step, e.g. "Move table orders", shown in the Edit menu.
    pub fn label(&self, doc: &Document) -> String {
        let table_name = |id: &TableId| {
            doc.table(*id)
                .map_or_else(|| id.to_string(), |t| t.name.to_string())
        };
        match self {
            Self::AddTable(table) => format!("Add table {}", table.name),
            Self::RemoveTable(id) => format!("Remove table {}", table_name(id)),
            Self::MoveTables(moves) => match moves.as_slice() {
                [(id, _)] => format!("Move table {}", table_name(id)),
                _ => format!("Move {} tables", moves.len()),
            },
            Self::Table { table, change } => change.label(&table_name(table)),
            Self::AddObject(object) => format!("Add {}", object.describe()),
            Self::RemoveObject(id) => format!("Remove {}", id.describe(doc)),
            Self::ReplaceObject(object) => format!("Edit {}", object.describe()),
            Self::SetTarget(dialect) => format!("Target {}", dialect.display_name()),
            Self::SetLintConfig(_) => "Change design rules".to_owned(),
            Self::Merge(other) => format!("Import {} tables", other.tables.len()),
            Self::Batch { label, .. } => label.clone(),
        }
    }
}

/// Applies an edit. On error the document is unchanged.
pub fn apply(doc: &mut Document, edit: Edit) -> Result<Applied, EditError> {
    let mut applied = Applied::default();
    match edit {
        Edit::Batch { edits, .. } => {
            let before = doc.clone();
            for edit in edits {
                match apply(doc, edit) {
                    Ok(inner) => applied.created.extend(inner.created),
                    Err(err) => {
                        *doc = before;
                        return Err(err);
                    }
                }
            }
        }
        Edit::AddTable(table) => {
            let id = add_table(doc, table)?;
            applied.created.push(id.0);
        }
        Edit::RemoveTable(id) => remove_table(doc, id)?,
        Edit::MoveTables(moves) => {
            for (id, _) in &moves {
                checks::table(doc, *id)?;
            }
            for (id, position) in moves {
                if let Some(table) = doc.tables.get_mut(&id) {
                    Arc::make_mut(table).position = position;
                }
            }
        }
        Edit::Table { table, change } => {
            if let Some(id) = table_change::apply(doc, table, change)? {
                applied.created.push(id);
            }
        }
        Edit::AddObject(object) => applied.created.push(object::add(doc, object)?),
        Edit::RemoveObject(id) => object::remove(doc, id)?,
        Edit::ReplaceObject(object) => object::replace(doc, object)?,
        Edit::SetTarget(dialect) => doc.target = dialect,
        Edit::SetLintConfig(config) => doc.lint = config,
        Edit::Merge(other) => applied.created = merge::merge(doc, *other)?,
    }
    Ok(applied)
}

fn add_table(doc: &mut Document, mut table: Table) -> Result<TableId, EditError> {
    let placeholder = table.id;
    // Ids are drawn from a copy so a refused table does not consume any.
    let mut ids = doc.ids.clone();
    let id = TableId(ids.next_raw());
    // Remap placeholder column ids to fresh ones, keeping references inside the table intact.
    let mut remap = std::collections::BTreeMap::new();
    for column in &mut table.columns {
        let fresh = ColumnId(ids.next_raw());
        // Id 0 means "not referenced by anything": no mapping needed.
        if column.id != ColumnId(0) && remap.insert(column.id, fresh).is_some() {
            return Err(EditError::Invalid(format!(
                "table {} has two columns with the same id",
                table.name
            )));
        }
        column.id = fresh;
    }
    table.id = id;
    let lookup = |c: ColumnId| {
        remap
            .get(&c)
            .copied()
            .ok_or_else(|| EditError::Missing(c.to_string()))
    };
    table_change::remap_own_columns(&mut table, &lookup, &mut ids)?;
    // A foreign key of a new table may point at the table itself through its placeholder id.
    for fk in &mut table.foreign_keys {
        table_change::remap_self_reference(fk, placeholder, id, &lookup)?;
    }
    checks::table_contents(doc, &table, Some(id))?;
    doc.tables.insert(id, Arc::new(table));
    doc.ids = ids;
    Ok(id)
}

fn remove_table(doc: &mut Document, id: TableId) -> Result<(), EditError> {
    let table = checks::table(doc, id)?;
    let name = table.name.to_string();
    for other in doc.tables.values().filter(|t| t.id != id) {
        if let Some(fk) = other
            .foreign_keys
            .iter()
            .find(|fk| fk.referenced_table == super::TableRef::Resolved(id))
        {
            return Err(EditError::InUse {
                what: format!("table {name}"),
                used_by: format!(
                    "foreign key {} of table {}",
                    fk.name.as_deref().unwrap_or("(unnamed)"),
                    other.name
                ),
            });
        }
    }
    doc.tables.remove(&id);
    for note in doc.notes.values_mut() {
        if note.attached_to == Some(id) {
            note.attached_to = None;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
