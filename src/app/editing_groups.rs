//! Editing groups and notes: group the selected tables, ungroup, add a note, delete the
//! picked group or note. Each is one undo step.

use std::collections::BTreeSet;

use super::{Picked, SchemataApp};
use crate::model::{
    Color, Document, Edit, Group, GroupId, Note, NoteId, Object, ObjectId, Position, TableChange,
};
use crate::render::theme::GROUP_COLORS;

/// How far right of its table a new attached note is placed, in world units.
const NOTE_GAP: f32 = 40.0;

/// "Group N" with the smallest N no group is called yet.
pub fn free_group_name(doc: &Document) -> String {
    let taken: BTreeSet<String> = doc.groups.values().map(|g| g.name.to_lowercase()).collect();
    (1..)
        .map(|n| format!("Group {n}"))
        .find(|name| !taken.contains(&name.to_lowercase()))
        .unwrap_or_else(|| "Group".into())
}

/// The first colour of the theme's list no group uses yet (the list repeats when all are).
pub fn next_group_color(doc: &Document) -> Color {
    GROUP_COLORS
        .iter()
        .copied()
        .find(|c| doc.groups.values().all(|g| g.color != *c))
        .unwrap_or(GROUP_COLORS[doc.groups.len() % GROUP_COLORS.len()])
}

/// The id the next object added to `doc` will get.
fn next_id(doc: &Document) -> u64 {
    doc.ids.clone().next_raw()
}

impl SchemataApp {
    /// Puts the selected tables into a new group (taking them out of their previous one) and
    /// picks it, with its name ready to edit.
    pub(super) fn group_selection(&mut self) {
        if self.selection.is_empty() {
            self.status = "Select the tables to group first".into();
            return;
        }
        let doc = self.doc();
        let id = GroupId(next_id(doc));
        let group = Group {
            id,
            name: free_group_name(doc),
            color: next_group_color(doc),
            bounded_context: false,
            comment: None,
        };
        let mut edits = vec![Edit::AddObject(Object::Group(group))];
        edits.extend(self.selection.iter().map(|t| Edit::Table {
            table: *t,
            change: TableChange::SetGroup(Some(id)),
        }));
        let label = format!("Group {} tables", self.selection.len());
        match self.history.apply(Edit::Batch { label, edits }) {
            Ok(_) => {
                self.selection.clear();
                self.picked = Some(Picked::Group(id));
                self.focus_table_name = 2;
            }
            Err(err) => self.status = format!("Not possible: {err}"),
        }
    }

    /// Removes the picked group, or the groups of the selected tables; the tables stay.
    pub(super) fn ungroup(&mut self) {
        let groups: BTreeSet<GroupId> = match self.picked {
            Some(Picked::Group(group)) => BTreeSet::from([group]),
            _ => self
                .selection
                .iter()
                .filter_map(|t| self.doc().table(*t).and_then(|t| t.group))
                .collect(),
        };
        if groups.is_empty() {
            self.status = "Pick a group or select grouped tables first".into();
            return;
        }
        let edits: Vec<Edit> = groups
            .iter()
            .map(|g| Edit::RemoveObject(ObjectId::Group(*g)))
            .collect();
        let label = match edits.as_slice() {
            [one] => one.label(self.doc()),
            many => format!("Remove {} groups", many.len()),
        };
        match self.history.apply(Edit::Batch { label, edits }) {
            Ok(_) => {
                if matches!(self.picked, Some(Picked::Group(_))) {
                    self.picked = None;
                }
            }
            Err(err) => self.status = format!("Not possible: {err}"),
        }
    }

    /// Adds a note next to the selected table (attached to it), or in the middle of the
    /// visible canvas, and picks it with its text ready to edit.
    pub(super) fn add_note(&mut self) {
        let doc = self.doc();
        let table = self
            .selection
            .first()
            .filter(|_| self.selection.len() == 1)
            .and_then(|t| doc.table(*t));
        let (position, attached_to) = match table {
            Some(table) => {
                let rect =
                    crate::render::table_rect(doc, table, &crate::render::Metrics::default());
                (
                    Position::new((rect.max.x + NOTE_GAP).round(), rect.min.y),
                    Some(table.id),
                )
            }
            None => {
                let center = self
                    .canvas
                    .last_rect
                    .map(|r| self.canvas.viewport.world_center(r))
                    .unwrap_or_default();
                (Position::new(center.x.round(), center.y.round()), None)
            }
        };
        let note = Note {
            id: NoteId(0),
            text: String::new(),
            position,
            attached_to,
        };
        match self.history.apply(Edit::AddObject(Object::Note(note))) {
            Ok(applied) => {
                if let Some(&raw) = applied.created.first() {
                    self.selection.clear();
                    self.picked = Some(Picked::Note(NoteId(raw)));
                    self.focus_table_name = 2;
                }
            }
            Err(err) => self.status = format!("Not possible: {err}"),
        }
    }

    /// Deletes the picked group (its tables stay) or note; `false` when neither is picked.
    pub(super) fn delete_picked(&mut self) -> bool {
        let id = match self.picked {
            Some(Picked::Group(group)) => ObjectId::Group(group),
            Some(Picked::Note(note)) => ObjectId::Note(note),
            _ => return false,
        };
        if let Err(err) = self.history.apply(Edit::RemoveObject(id)) {
            self.status = format!("Not possible: {err}");
        }
        self.picked = None;
        true
    }

    /// Whether Ungroup has something to do.
    pub(super) fn can_ungroup(&self) -> bool {
        matches!(self.picked, Some(Picked::Group(_)))
            || self
                .selection
                .iter()
                .any(|t| self.doc().table(*t).is_some_and(|t| t.group.is_some()))
    }
}
