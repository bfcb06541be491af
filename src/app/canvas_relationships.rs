//! Relationships under the pointer: hovering highlights one (its line and its columns),
//! clicking selects it for the inspector, clicking empty canvas clears the selection.

use std::collections::BTreeSet;

use super::canvas::Canvas;
use super::{Command, Picked};
use crate::render::Scene;

/// How far from a line (in screen points) the pointer still hits it.
const HIT_TOLERANCE: f32 = 5.0;

impl Canvas {
    /// Hover and click on relationship lines over the empty canvas.
    pub(super) fn relationship_pointer(
        &mut self,
        ui: &egui::Ui,
        background: &egui::Response,
        scene: &Scene,
        any_selected: bool,
        commands: &mut Vec<Command>,
    ) {
        let busy = self.connecting.is_some() || self.column_drag.is_some();
        let hovered = background
            .hover_pos()
            .filter(|_| !busy)
            .and_then(|pointer| {
                let world = self
                    .viewport
                    .world_from_screen(background.rect.min, pointer);
                let tolerance = HIT_TOLERANCE / self.viewport.zoom.max(0.01);
                scene.relationship_at(world, tolerance)
            });
        if hovered != self.hovered_relationship {
            self.hovered_relationship = hovered;
            ui.ctx().request_repaint();
        }
        if hovered.is_some() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        if background.clicked() {
            match hovered {
                Some(id) => commands.push(Command::Pick(Some(Picked::Relationship(id)))),
                None => {
                    if any_selected {
                        commands.push(Command::Select(BTreeSet::new()));
                    }
                    commands.push(Command::Pick(None));
                }
            }
        }
    }
}
