//! Relationships under the pointer: hovering highlights one (its line and its columns),
//! clicking selects it for the inspector, clicking empty canvas clears the selection.

use std::collections::BTreeSet;

use super::canvas::Canvas;
use super::{Command, Picked};
use crate::render::{Point, RelationshipId, Scene};

/// How far from a line (in screen points) the pointer still hits it.
const HIT_TOLERANCE: f32 = 5.0;

/// Distance from `p` to the segment `a`–`b`.
fn segment_distance(p: Point, a: Point, b: Point) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length = dx * dx + dy * dy;
    let t = if length > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / length).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a.x + t * dx, a.y + t * dy);
    ((p.x - x).powi(2) + (p.y - y).powi(2)).sqrt()
}

/// The relationship whose line passes within `tolerance` of `p` (the last drawn wins).
pub(super) fn relationship_at(scene: &Scene, p: Point, tolerance: f32) -> Option<RelationshipId> {
    scene
        .relationships
        .iter()
        .rev()
        .find(|shape| {
            shape
                .points
                .windows(2)
                .any(|w| segment_distance(p, w[0], w[1]) <= tolerance)
        })
        .map(|shape| shape.id)
}

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
                relationship_at(scene, world, tolerance)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConstraintId, TableId};
    use crate::render::RelationshipShape;

    #[test]
    fn lines_are_hit_near_their_segments_only() {
        let scene = Scene {
            relationships: vec![RelationshipShape {
                id: (TableId(1), ConstraintId(2)),
                points: vec![
                    Point::new(0.0, 0.0),
                    Point::new(100.0, 0.0),
                    Point::new(100.0, 50.0),
                ],
            }],
            ..Scene::default()
        };
        let hit = Some((TableId(1), ConstraintId(2)));
        assert_eq!(relationship_at(&scene, Point::new(50.0, 3.0), 5.0), hit);
        assert_eq!(relationship_at(&scene, Point::new(103.0, 25.0), 5.0), hit);
        assert_eq!(relationship_at(&scene, Point::new(50.0, 25.0), 5.0), None);
        assert_eq!(relationship_at(&scene, Point::new(-9.0, 0.0), 5.0), None);
    }
}
