//! Structural integrity checks shared by the edit functions. They only read the document.

use super::EditError;
use crate::model::{
    ColumnRef, DataType, Document, ForeignKey, IndexKey, Table, TableId, TableRef, TypeKind,
    TypeRef,
};

/// The table with this id, or a readable error.
pub(super) fn table(doc: &Document, id: TableId) -> Result<&Table, EditError> {
    doc.table(id)
        .ok_or_else(|| EditError::Missing(format!("table {id}")))
}

/// Checks a data type's enum/domain reference points at an existing object.
pub(super) fn data_type(doc: &Document, data_type: &DataType) -> Result<(), EditError> {
    match &data_type.kind {
        TypeKind::Enum(TypeRef::Resolved(id)) if !doc.enums.contains_key(id) => {
            Err(EditError::Missing(format!("enum type {id}")))
        }
        TypeKind::Domain(TypeRef::Resolved(id)) if !doc.domains.contains_key(id) => {
            Err(EditError::Missing(format!("domain {id}")))
        }
        _ => Ok(()),
    }
}

/// Checks that everything a table's contents point at exists. `self_id` is the id the table
/// has (or will have) in the document, so self-referencing foreign keys resolve.
pub(super) fn table_contents(
    doc: &Document,
    table: &Table,
    self_id: Option<TableId>,
) -> Result<(), EditError> {
    for column in &table.columns {
        data_type(doc, &column.data_type)?;
    }
    let own = |id| table.column(id).is_some();
    for id in table.referenced_own_columns() {
        if !own(id) {
            return Err(EditError::Invalid(format!(
                "a key or index of table {} names {id}, which is not one of its columns",
                table.name
            )));
        }
    }
    for index in &table.indexes {
        if index.parts.is_empty() {
            return Err(EditError::Invalid(format!(
                "an index of table {} has no columns or expressions",
                table.name
            )));
        }
        for part in &index.parts {
            if let IndexKey::Expression(text) = &part.key
                && text.trim().is_empty()
            {
                return Err(EditError::Invalid(format!(
                    "an index of table {} has an empty expression",
                    table.name
                )));
            }
        }
    }
    for fk in &table.foreign_keys {
        foreign_key_target(doc, table, fk, self_id)?;
    }
    if let Some(group) = table.group
        && !doc.groups.contains_key(&group)
    {
        return Err(EditError::Missing(format!("group {group}")));
    }
    Ok(())
}

/// Checks a foreign key's referenced table and columns exist when they are resolved ids.
pub(super) fn foreign_key_target(
    doc: &Document,
    table: &Table,
    fk: &ForeignKey,
    self_id: Option<TableId>,
) -> Result<(), EditError> {
    if fk.columns.is_empty() {
        return Err(EditError::Invalid(format!(
            "a foreign key of table {} has no columns",
            table.name
        )));
    }
    let TableRef::Resolved(target_id) = &fk.referenced_table else {
        return Ok(());
    };
    let target = if Some(*target_id) == self_id {
        table
    } else {
        doc.table(*target_id)
            .ok_or_else(|| EditError::Missing(format!("referenced table {target_id}")))?
    };
    for column in &fk.referenced_columns {
        if let ColumnRef::Resolved(id) = column
            && target.column(*id).is_none()
        {
            return Err(EditError::Invalid(format!(
                "a foreign key of table {} references {id}, which is not a column of {}",
                table.name, target.name
            )));
        }
    }
    Ok(())
}
