//! Reordering columns on the canvas: a drag that starts on the grip at the left of a column
//! row (where the PK / FK markers sit) moves that column; the drop line shows where it lands.

use egui::Stroke;

use super::Command;
use super::canvas::{Canvas, DETAIL_ZOOM};
use crate::model::{Document, Edit, TableChange, TableId};
use crate::render::{Metrics, Rect};

/// A column being dragged to a new place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnDrag {
    /// The table.
    pub table: TableId,
    /// The column's index when the drag started.
    pub from: usize,
}

/// The column row under a world point, if the point is on a row's grip.
fn grip_row(metrics: &Metrics, table_rect: &Rect, rows: usize, x: f32, y: f32) -> Option<usize> {
    let grip = table_rect.min.x + metrics.padding + metrics.marker_width;
    let top = table_rect.min.y + metrics.header_height;
    if x > grip || y < top {
        return None;
    }
    let row = ((y - top) / metrics.row_height).floor() as usize;
    (row < rows).then_some(row)
}

/// The index a dragged column lands at for a pointer at world height `y`.
fn drop_index(metrics: &Metrics, table_rect: &Rect, rows: usize, y: f32) -> usize {
    let top = table_rect.min.y + metrics.header_height;
    let row = ((y - top) / metrics.row_height).floor().max(0.0) as usize;
    row.min(rows.saturating_sub(1))
}

impl Canvas {
    /// Starts a column drag when a table drag begins on a row's grip; returns whether it did.
    pub(super) fn start_column_drag(
        &mut self,
        doc: &Document,
        table: TableId,
        origin: egui::Pos2,
        pointer: egui::Pos2,
        table_rect: &Rect,
    ) -> bool {
        let Some(t) = doc.table(table).filter(|t| !t.collapsed) else {
            return false;
        };
        if self.viewport.zoom < DETAIL_ZOOM {
            return false;
        }
        let world = self.viewport.world_from_screen(origin, pointer);
        let metrics = Metrics::default();
        match grip_row(&metrics, table_rect, t.columns.len(), world.x, world.y) {
            Some(from) => {
                self.column_drag = Some(ColumnDrag { table, from });
                true
            }
            None => false,
        }
    }

    /// While a column is dragged: the drop line; on release, the move as one undo step.
    pub(super) fn column_drag_ui(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        doc: &Document,
        origin: egui::Pos2,
        tables: &[(TableId, Rect)],
        commands: &mut Vec<Command>,
    ) {
        let Some(drag) = self.column_drag else {
            return;
        };
        let (Some(table), Some((_, rect))) = (
            doc.table(drag.table),
            tables.iter().find(|(id, _)| *id == drag.table),
        ) else {
            self.column_drag = None;
            return;
        };
        let (pointer, released) = ui.input(|i| (i.pointer.latest_pos(), i.pointer.any_released()));
        let Some(pointer) = pointer else {
            return;
        };
        let metrics = Metrics::default();
        let world = self.viewport.world_from_screen(origin, pointer);
        let to = drop_index(&metrics, rect, table.columns.len(), world.y);
        let line_y = rect.min.y
            + metrics.header_height
            + metrics.row_height * if to > drag.from { to + 1 } else { to } as f32;
        let left = self
            .viewport
            .screen_from_world(origin, crate::render::Point::new(rect.min.x, line_y));
        let right = self
            .viewport
            .screen_from_world(origin, crate::render::Point::new(rect.max.x, line_y));
        painter.line_segment(
            [left, right],
            Stroke::new(2.0, ui.visuals().selection.bg_fill),
        );
        if released {
            self.column_drag = None;
            if to != drag.from
                && let Some(column) = table.columns.get(drag.from)
            {
                commands.push(Command::Apply(Box::new(Edit::Table {
                    table: drag.table,
                    change: TableChange::MoveColumn {
                        column: column.id,
                        to,
                    },
                })));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Point;

    #[test]
    fn grips_and_drop_rows() {
        let metrics = Metrics::default();
        let rect = Rect::from_min_size(Point::new(0.0, 0.0), 200.0, 28.0 + 5.0 * 20.0);
        assert_eq!(grip_row(&metrics, &rect, 5, 10.0, 28.0 + 45.0), Some(2));
        assert_eq!(grip_row(&metrics, &rect, 5, 100.0, 28.0 + 45.0), None);
        assert_eq!(grip_row(&metrics, &rect, 5, 10.0, 10.0), None);
        assert_eq!(drop_index(&metrics, &rect, 5, 500.0), 4);
        assert_eq!(drop_index(&metrics, &rect, 5, -50.0), 0);
    }
}
