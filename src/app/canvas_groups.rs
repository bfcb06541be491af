//! Groups and notes on the canvas. Dragging a group's label band moves all its tables,
//! dragging a note moves the note; each drag is one undo step. A click picks the group or
//! note for the inspector, a double-click on a note edits its text there.

use std::collections::BTreeSet;

use egui::{Pos2, Sense};

use super::canvas::Canvas;
use super::{Action, Command, Picked};
use crate::model::Object;
use crate::model::{Document, Edit, NoteId, Position, TableId};
use crate::render::{Emphasis, Scene};

/// A group or note being dragged, with where things were when the drag started.
#[derive(Debug, Clone, PartialEq)]
pub enum ObjectDrag {
    /// A group's tables and their positions.
    Group(Vec<(TableId, Position)>),
    /// A note and its position.
    Note(NoteId, Position),
}

impl Canvas {
    /// What the scene draws emphasised: the selected tables and the picked group or note.
    pub(super) fn emphasis<'a>(&'a self, selection: &'a BTreeSet<TableId>) -> Emphasis<'a> {
        let mut emphasis = Emphasis::selection(selection);
        emphasis.focus = self.focus.as_ref();
        match self.picked {
            Some(Picked::Group(group)) => emphasis.group = Some(group),
            Some(Picked::Note(note)) => emphasis.note = Some(note),
            Some(Picked::Relationship(id)) => emphasis.relationship = Some(id),
            None => {}
        }
        if let Some(hovered) = self.hovered_relationship {
            emphasis.relationship = Some(hovered);
        }
        emphasis
    }

    /// The label bands of the drawn groups: click to pick, drag to move the group's tables.
    /// Called before the tables take their input, so a table lying over a band keeps its
    /// own clicks.
    pub(super) fn group_bands_ui(
        &mut self,
        ui: &egui::Ui,
        doc: &Document,
        origin: Pos2,
        scene: &Scene,
        commands: &mut Vec<Command>,
    ) {
        for (id, _, band) in &scene.groups {
            let Some(group) = doc.groups.get(id) else {
                continue;
            };
            let screen = self.viewport.screen_rect(origin, band);
            let response = ui.interact(
                screen,
                ui.make_persistent_id(("group_band", id.0)),
                Sense::click_and_drag(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    self.picked == Some(Picked::Group(*id)),
                    format!("Group {}", group.name),
                )
            });
            if response.drag_started() {
                // A drag is not a click elsewhere: the inspector's field keeps the keyboard
                // unless told, and Ctrl+Z would undo typing instead of the move.
                ui.memory_mut(egui::Memory::stop_text_input);
            }
            if response.clicked() || response.drag_started() {
                commands.push(Command::Pick(Some(Picked::Group(*id))));
            }
            if response.drag_started() {
                let origins: Vec<(TableId, Position)> = doc
                    .tables
                    .values()
                    .filter(|t| t.group == Some(*id))
                    .map(|t| (t.id, t.position))
                    .collect();
                commands.push(Command::Begin(format!("Move group {}", group.name)));
                self.object_drag = Some(ObjectDrag::Group(origins));
            }
            if response.dragged()
                && let (Some(ObjectDrag::Group(origins)), Some(delta)) =
                    (&self.object_drag, response.total_drag_delta())
            {
                let moves = self.dragged_moves(origins, delta);
                commands.push(Command::Apply(Box::new(Edit::MoveTables(moves))));
            }
            if response.drag_stopped()
                && matches!(self.object_drag.take(), Some(ObjectDrag::Group(_)))
            {
                commands.push(Command::Commit);
            }
        }
    }

    /// The drawn notes: click to pick, double-click to edit the text, drag to move. Called
    /// after the tables, as notes lie on top of them.
    pub(super) fn notes_ui(
        &mut self,
        ui: &egui::Ui,
        doc: &Document,
        origin: Pos2,
        scene: &Scene,
        commands: &mut Vec<Command>,
    ) {
        for (id, rect) in &scene.notes {
            let Some(note) = doc.notes.get(id) else {
                continue;
            };
            let screen = self.viewport.screen_rect(origin, rect);
            let response = ui.interact(
                screen,
                ui.make_persistent_id(("note", id.0)),
                Sense::click_and_drag(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    self.picked == Some(Picked::Note(*id)),
                    format!("Note {}", note.text.lines().next().unwrap_or_default()),
                )
            });
            if response.drag_started() {
                // A drag is not a click elsewhere: the inspector's field keeps the keyboard
                // unless told, and Ctrl+Z would undo typing instead of the move.
                ui.memory_mut(egui::Memory::stop_text_input);
            }
            if response.clicked() || response.drag_started() {
                commands.push(Command::Pick(Some(Picked::Note(*id))));
            }
            if response.double_clicked() {
                commands.push(Command::Action(Action::Rename));
            }
            if response.drag_started() {
                commands.push(Command::Begin("Move note".into()));
                self.object_drag = Some(ObjectDrag::Note(*id, note.position));
            }
            if response.dragged()
                && let (Some(ObjectDrag::Note(dragged, start)), Some(delta)) =
                    (&self.object_drag, response.total_drag_delta())
                && dragged == id
            {
                let mut moved = note.clone();
                moved.position = self.place(*start, delta / self.viewport.zoom);
                if moved.position != note.position {
                    commands.push(Command::Apply(Box::new(Edit::ReplaceObject(Object::Note(
                        moved,
                    )))));
                }
            }
            if response.drag_stopped()
                && matches!(self.object_drag.take(), Some(ObjectDrag::Note(..)))
            {
                commands.push(Command::Commit);
            }
        }
    }
}
