//! Adding, removing and replacing objects other than tables.

use std::sync::Arc;

use super::{EditError, checks};
use crate::model::{
    Document, Domain, DomainId, EnumId, EnumType, Group, GroupId, Namespace, NamespaceId, Note,
    NoteId, Passthrough, PassthroughId, Sequence, SequenceId, TableId, TypeKind, TypeRef, View,
    ViewId,
};

/// A non-table object, as carried by an edit.
#[derive(Debug, Clone, PartialEq)]
pub enum Object {
    /// A schema (namespace).
    Namespace(Namespace),
    /// An enum type.
    Enum(EnumType),
    /// A domain.
    Domain(Domain),
    /// A sequence.
    Sequence(Sequence),
    /// A view.
    View(View),
    /// A verbatim statement.
    Passthrough(Passthrough),
    /// A group.
    Group(Group),
    /// A note.
    Note(Note),
}

/// Identifies a non-table object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectId {
    /// A schema.
    Namespace(NamespaceId),
    /// An enum type.
    Enum(EnumId),
    /// A domain.
    Domain(DomainId),
    /// A sequence.
    Sequence(SequenceId),
    /// A view.
    View(ViewId),
    /// A verbatim statement.
    Passthrough(PassthroughId),
    /// A group.
    Group(GroupId),
    /// A note.
    Note(NoteId),
}

impl Object {
    /// "enum order_status", "group Sales", ...
    pub fn describe(&self) -> String {
        match self {
            Self::Namespace(o) => format!("schema {}", o.name),
            Self::Enum(o) => format!("enum {}", o.name),
            Self::Domain(o) => format!("domain {}", o.name),
            Self::Sequence(o) => format!("sequence {}", o.name),
            Self::View(o) => format!("view {}", o.name),
            Self::Passthrough(_) => "SQL statement".into(),
            Self::Group(o) => format!("group {}", o.name),
            Self::Note(_) => "note".into(),
        }
    }
}

impl ObjectId {
    /// A readable name of the object, looked up in the document.
    pub fn describe(self, doc: &Document) -> String {
        let found = match self {
            Self::Namespace(id) => doc
                .namespaces
                .get(&id)
                .map(|o| format!("schema {}", o.name)),
            Self::Enum(id) => doc.enums.get(&id).map(|o| format!("enum {}", o.name)),
            Self::Domain(id) => doc.domains.get(&id).map(|o| format!("domain {}", o.name)),
            Self::Sequence(id) => doc
                .sequences
                .get(&id)
                .map(|o| format!("sequence {}", o.name)),
            Self::View(id) => doc.views.get(&id).map(|o| format!("view {}", o.name)),
            Self::Passthrough(id) => doc.passthrough.get(&id).map(|_| "SQL statement".into()),
            Self::Group(id) => doc.groups.get(&id).map(|o| format!("group {}", o.name)),
            Self::Note(id) => doc.notes.get(&id).map(|_| "note".into()),
        };
        found.unwrap_or_else(|| "object".into())
    }
}

fn check_note_target(doc: &Document, target: Option<TableId>) -> Result<(), EditError> {
    match target {
        Some(id) => checks::table(doc, id).map(|_| ()),
        None => Ok(()),
    }
}

/// Adds an object with a fresh id; returns the raw id.
pub(super) fn add(doc: &mut Document, object: Object) -> Result<u64, EditError> {
    match &object {
        Object::Domain(domain) => checks::data_type(doc, &domain.base_type)?,
        Object::Note(note) => check_note_target(doc, note.attached_to)?,
        _ => {}
    }
    let raw = doc.ids.next_raw();
    match object {
        Object::Namespace(o) => insert(&mut doc.namespaces, NamespaceId(raw), o, |o, id| {
            o.id = id;
        }),
        Object::Enum(o) => insert(&mut doc.enums, EnumId(raw), o, |o, id| {
            o.id = id;
        }),
        Object::Domain(o) => insert(&mut doc.domains, DomainId(raw), o, |o, id| {
            o.id = id;
        }),
        Object::Sequence(o) => insert(&mut doc.sequences, SequenceId(raw), o, |o, id| {
            o.id = id;
        }),
        Object::View(o) => insert(&mut doc.views, ViewId(raw), o, |o, id| {
            o.id = id;
        }),
        Object::Passthrough(o) => {
            insert(&mut doc.passthrough, PassthroughId(raw), o, |o, id| {
                o.id = id;
            });
        }
        Object::Group(o) => insert(&mut doc.groups, GroupId(raw), o, |o, id| {
            o.id = id;
        }),
        Object::Note(o) => insert(&mut doc.notes, NoteId(raw), o, |o, id| {
            o.id = id;
        }),
    }
    Ok(raw)
}

fn insert<K: Ord + Copy, V>(
    map: &mut std::collections::BTreeMap<K, V>,
    id: K,
    mut value: V,
    set_id: impl Fn(&mut V, K),
) {
    set_id(&mut value, id);
    map.insert(id, value);
}

/// Removes an object. Enums and domains still used by a column are refused; tables leave a
/// removed group.
pub(super) fn remove(doc: &mut Document, id: ObjectId) -> Result<(), EditError> {
    let description = id.describe(doc);
    let missing = || EditError::Missing(description.clone());
    match id {
        ObjectId::Enum(enum_id) => {
            if !doc.enums.contains_key(&enum_id) {
                return Err(missing());
            }
            refuse_if_type_used(
                doc,
                id,
                |kind| matches!(kind, TypeKind::Enum(TypeRef::Resolved(e)) if *e == enum_id),
            )?;
            doc.enums.remove(&enum_id);
        }
        ObjectId::Domain(domain_id) => {
            if !doc.domains.contains_key(&domain_id) {
                return Err(missing());
            }
            refuse_if_type_used(
                doc,
                id,
                |kind| matches!(kind, TypeKind::Domain(TypeRef::Resolved(d)) if *d == domain_id),
            )?;
            doc.domains.remove(&domain_id);
        }
        ObjectId::Group(group_id) => {
            doc.groups.remove(&group_id).ok_or_else(missing)?;
            for table in doc.tables.values_mut() {
                if table.group == Some(group_id) {
                    Arc::make_mut(table).group = None;
                }
            }
        }
        ObjectId::Namespace(i) => drop(doc.namespaces.remove(&i).ok_or_else(missing)?),
        ObjectId::Sequence(i) => drop(doc.sequences.remove(&i).ok_or_else(missing)?),
        ObjectId::View(i) => drop(doc.views.remove(&i).ok_or_else(missing)?),
        ObjectId::Passthrough(i) => drop(doc.passthrough.remove(&i).ok_or_else(missing)?),
        ObjectId::Note(i) => drop(doc.notes.remove(&i).ok_or_else(missing)?),
    }
    Ok(())
}

fn refuse_if_type_used(
    doc: &Document,
    id: ObjectId,
    uses: impl Fn(&TypeKind) -> bool,
) -> Result<(), EditError> {
    for table in doc.tables.values() {
        if let Some(column) = table.columns.iter().find(|c| uses(&c.data_type.kind)) {
            return Err(EditError::InUse {
                what: id.describe(doc),
                used_by: format!("column {}.{}", table.name, column.name),
            });
        }
    }
    if let Some(domain) = doc.domains.values().find(|d| uses(&d.base_type.kind)) {
        return Err(EditError::InUse {
            what: id.describe(doc),
            used_by: format!("domain {}", domain.name),
        });
    }
    Ok(())
}

/// Replaces an object by id with a new version.
pub(super) fn replace(doc: &mut Document, object: Object) -> Result<(), EditError> {
    let missing = |what: String| EditError::Missing(what);
    match object {
        Object::Namespace(o) => swap(&mut doc.namespaces, o.id, o).map_err(missing),
        Object::Enum(o) => swap(&mut doc.enums, o.id, o).map_err(missing),
        Object::Domain(o) => {
            checks::data_type(doc, &o.base_type)?;
            swap(&mut doc.domains, o.id, o).map_err(missing)
        }
        Object::Sequence(o) => swap(&mut doc.sequences, o.id, o).map_err(missing),
        Object::View(o) => swap(&mut doc.views, o.id, o).map_err(missing),
        Object::Passthrough(o) => swap(&mut doc.passthrough, o.id, o).map_err(missing),
        Object::Group(o) => swap(&mut doc.groups, o.id, o).map_err(missing),
        Object::Note(o) => {
            check_note_target(doc, o.attached_to)?;
            swap(&mut doc.notes, o.id, o).map_err(missing)
        }
    }
}

fn swap<K: Ord + Copy + std::fmt::Display, V>(
    map: &mut std::collections::BTreeMap<K, V>,
    id: K,
    value: V,
) -> Result<(), String> {
    let slot = map.get_mut(&id).ok_or_else(|| id.to_string())?;
    *slot = value;
    Ok(())
}
