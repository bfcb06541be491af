//! Merging another document into this one (an import): every object gets a fresh id and
//! every reference inside the incoming objects is rewritten to match.

use std::collections::HashMap;
use std::sync::Arc;

use super::EditError;
use crate::model::*;

struct Remap(HashMap<u64, u64>);

impl Remap {
    fn get(&self, raw: u64) -> Result<u64, EditError> {
        self.0.get(&raw).copied().ok_or_else(|| {
            EditError::Invalid(format!(
                "the merged document refers to object #{raw}, which it does not contain"
            ))
        })
    }

    fn column(&self, id: ColumnId) -> Result<ColumnId, EditError> {
        self.get(id.0).map(ColumnId)
    }

    fn columns(&self, ids: &mut [ColumnId]) -> Result<(), EditError> {
        for id in ids {
            *id = self.column(*id)?;
        }
        Ok(())
    }

    fn data_type(&self, data_type: &mut DataType) -> Result<(), EditError> {
        match &mut data_type.kind {
            TypeKind::Enum(TypeRef::Resolved(id)) => *id = EnumId(self.get(id.0)?),
            TypeKind::Domain(TypeRef::Resolved(id)) => *id = DomainId(self.get(id.0)?),
            _ => {}
        }
        Ok(())
    }

    fn table(&self, table: &mut Table) -> Result<(), EditError> {
        table.id = TableId(self.get(table.id.0)?);
        for column in &mut table.columns {
            column.id = self.column(column.id)?;
            self.data_type(&mut column.data_type)?;
        }
        if let Some(pk) = &mut table.primary_key {
            pk.id = ConstraintId(self.get(pk.id.0)?);
            self.columns(&mut pk.columns)?;
        }
        for fk in &mut table.foreign_keys {
            fk.id = ConstraintId(self.get(fk.id.0)?);
            self.columns(&mut fk.columns)?;
            if let TableRef::Resolved(target) = &mut fk.referenced_table {
                *target = TableId(self.get(target.0)?);
            }
            for column in &mut fk.referenced_columns {
                if let ColumnRef::Resolved(id) = column {
                    *id = self.column(*id)?;
                }
            }
        }
        for unique in &mut table.uniques {
            unique.id = ConstraintId(self.get(unique.id.0)?);
            self.columns(&mut unique.columns)?;
        }
        for check in &mut table.checks {
            check.id = ConstraintId(self.get(check.id.0)?);
        }
        for index in &mut table.indexes {
            index.id = ConstraintId(self.get(index.id.0)?);
            for part in &mut index.parts {
                if let IndexKey::Column(id) = &mut part.key {
                    *id = self.column(*id)?;
                }
            }
            self.columns(&mut index.include)?;
        }
        if let Some(group) = &mut table.group {
            *group = GroupId(self.get(group.0)?);
        }
        Ok(())
    }
}

/// Every raw id used by objects of `doc`.
fn all_ids(doc: &Document) -> Vec<u64> {
    let mut ids = Vec::new();
    ids.extend(doc.namespaces.keys().map(|k| k.0));
    ids.extend(doc.enums.keys().map(|k| k.0));
    ids.extend(doc.domains.keys().map(|k| k.0));
    ids.extend(doc.sequences.keys().map(|k| k.0));
    ids.extend(doc.views.keys().map(|k| k.0));
    ids.extend(doc.passthrough.keys().map(|k| k.0));
    ids.extend(doc.groups.keys().map(|k| k.0));
    ids.extend(doc.notes.keys().map(|k| k.0));
    for table in doc.tables.values() {
        ids.push(table.id.0);
        ids.extend(table.columns.iter().map(|c| c.id.0));
        ids.extend(table.primary_key.iter().map(|c| c.id.0));
        ids.extend(table.foreign_keys.iter().map(|c| c.id.0));
        ids.extend(table.uniques.iter().map(|c| c.id.0));
        ids.extend(table.checks.iter().map(|c| c.id.0));
        ids.extend(table.indexes.iter().map(|c| c.id.0));
    }
    ids
}

/// Adds every object of `other` to `doc`; returns the new ids of the added tables. `doc`'s
/// target dialect is kept. On error `doc` is unchanged.
pub(super) fn merge(doc: &mut Document, other: Document) -> Result<Vec<u64>, EditError> {
    let mut ids = doc.ids.clone();
    let remap = Remap(
        all_ids(&other)
            .into_iter()
            .map(|raw| (raw, ids.next_raw()))
            .collect(),
    );
    let mut tables = Vec::with_capacity(other.tables.len());
    for table in other.tables.into_values() {
        let mut table = Arc::unwrap_or_clone(table);
        remap.table(&mut table)?;
        tables.push(table);
    }
    let mut domains = Vec::new();
    for mut domain in other.domains.into_values() {
        domain.id = DomainId(remap.get(domain.id.0)?);
        remap.data_type(&mut domain.base_type)?;
        domains.push(domain);
    }
    let mut notes = Vec::new();
    for mut note in other.notes.into_values() {
        note.id = NoteId(remap.get(note.id.0)?);
        if let Some(table) = &mut note.attached_to {
            *table = TableId(remap.get(table.0)?);
        }
        notes.push(note);
    }
    // Everything is remapped: now change the document.
    let created: Vec<u64> = tables.iter().map(|t| t.id.0).collect();
    for table in tables {
        doc.tables.insert(table.id, Arc::new(table));
    }
    for domain in domains {
        doc.domains.insert(domain.id, domain);
    }
    for note in notes {
        doc.notes.insert(note.id, note);
    }
    macro_rules! plain {
        ($field:ident, $id:ident) => {
            for mut object in other.$field.into_values() {
                object.id = $id(remap.0.get(&object.id.0).copied().unwrap_or(object.id.0));
                doc.$field.insert(object.id, object);
            }
        };
    }
    plain!(namespaces, NamespaceId);
    plain!(enums, EnumId);
    plain!(sequences, SequenceId);
    plain!(views, ViewId);
    plain!(passthrough, PassthroughId);
    plain!(groups, GroupId);
    doc.ids = ids;
    Ok(created)
}
