//! Drawing relationships with the mouse: each column row of the table under the pointer shows a
//! connector dot at its right end; dragging from a dot and dropping on a column of another
//! table (or the same one) or on a table's header creates the foreign key.

use egui::Stroke;

use super::Command;
use super::canvas::{Canvas, DETAIL_ZOOM};
use super::editing_relationships::ConnectTarget;
use super::theme::color32;
use crate::model::{ColumnId, Document, TableId};
use crate::render::{Metrics, Palette, Point, Rect};

/// Half the width of the strip at a row's right end where a drag starts a relationship.
const CONNECTOR_REACH: f32 = 9.0;

/// A relationship being drawn: the column the drag started from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Connecting {
    /// The table.
    pub table: TableId,
    /// The column whose connector was grabbed.
    pub column: ColumnId,
    /// The connector's world position.
    pub start: Point,
}

/// The row whose connector is at world point `p`, if any.
fn connector_row(metrics: &Metrics, rect: &Rect, rows: usize, p: Point) -> Option<usize> {
    let top = rect.min.y + metrics.header_height;
    if (p.x - rect.max.x).abs() > CONNECTOR_REACH || p.y < top {
        return None;
    }
    let row = ((p.y - top) / metrics.row_height).floor() as usize;
    (row < rows).then_some(row)
}

/// The connector dot of a row, in world units.
fn connector_point(metrics: &Metrics, rect: &Rect, row: usize) -> Point {
    Point::new(
        rect.max.x,
        rect.min.y + metrics.header_height + metrics.row_height * (row as f32 + 0.5),
    )
}

/// What lies under world point `p`: a column row or a header of the topmost table there.
fn drop_target(
    doc: &Document,
    metrics: &Metrics,
    tables: &[(TableId, Rect)],
    p: Point,
) -> Option<ConnectTarget> {
    let (id, rect) = tables.iter().rev().find(|(_, r)| r.contains(p))?;
    let table = doc.table(*id)?;
    let top = rect.min.y + metrics.header_height;
    if p.y < top || table.collapsed {
        return Some(ConnectTarget::Table(*id));
    }
    let row = ((p.y - top) / metrics.row_height).floor() as usize;
    match table.columns.get(row) {
        Some(column) => Some(ConnectTarget::Column(*id, column.id)),
        None => Some(ConnectTarget::Table(*id)),
    }
}

impl Canvas {
    /// Starts drawing a relationship when a table drag begins on a connector; returns whether
    /// it did.
    pub(super) fn start_connect(
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
        let metrics = Metrics::default();
        let p = self.viewport.world_from_screen(origin, pointer);
        let Some(row) = connector_row(&metrics, table_rect, t.columns.len(), p) else {
            return false;
        };
        let Some(column) = t.columns.get(row) else {
            return false;
        };
        self.connecting = Some(Connecting {
            table,
            column: column.id,
            start: connector_point(&metrics, table_rect, row),
        });
        true
    }

    /// The connector dots of the table under the pointer (or of the table a relationship is
    /// being drawn from).
    pub(super) fn connectors_ui(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        doc: &Document,
        origin: egui::Pos2,
        tables: &[(TableId, Rect)],
        palette: &Palette,
    ) {
        if self.viewport.zoom < DETAIL_ZOOM || self.column_drag.is_some() {
            return;
        }
        let Some(hover) = ui.input(|i| i.pointer.hover_pos()) else {
            return;
        };
        let p = self.viewport.world_from_screen(origin, hover);
        let near = |r: &Rect| r.expand(CONNECTOR_REACH).contains(p);
        let Some((id, rect)) = tables.iter().rev().find(|(_, r)| near(r)) else {
            return;
        };
        let Some(table) = doc.table(*id).filter(|t| !t.collapsed) else {
            return;
        };
        let metrics = Metrics::default();
        let zoom = self.viewport.zoom;
        let hot = connector_row(&metrics, rect, table.columns.len(), p);
        for row in 0..table.columns.len() {
            let at = connector_point(&metrics, rect, row);
            let screen = self.viewport.screen_from_world(origin, at);
            let radius = if hot == Some(row) { 5.0 } else { 3.5 } * zoom.min(1.5);
            painter.circle(
                screen,
                radius,
                color32(palette.table_fill),
                Stroke::new(1.5, color32(palette.foreign_key)),
            );
        }
    }

    /// While a relationship is drawn: a line to the pointer and the drop target outlined; on
    /// release, the connection is queued.
    pub(super) fn connect_ui(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        doc: &Document,
        origin: egui::Pos2,
        tables: &[(TableId, Rect)],
        commands: &mut Vec<Command>,
    ) {
        let Some(connecting) = self.connecting else {
            return;
        };
        let (pointer, released) = ui.input(|i| (i.pointer.latest_pos(), i.pointer.any_released()));
        let Some(pointer) = pointer else {
            return;
        };
        let metrics = Metrics::default();
        let world = self.viewport.world_from_screen(origin, pointer);
        let target = drop_target(doc, &metrics, tables, world);
        let accent = ui.visuals().selection.bg_fill;
        let start = self.viewport.screen_from_world(origin, connecting.start);
        painter.line_segment([start, pointer], Stroke::new(2.0, accent));
        if let Some(area) = target.and_then(|t| target_area(doc, &metrics, tables, t)) {
            let screen = self.viewport.screen_rect(origin, &area);
            painter.rect_stroke(
                screen,
                2.0,
                Stroke::new(2.0, accent),
                egui::StrokeKind::Outside,
            );
        }
        if released {
            self.connecting = None;
            if let Some(target) = target {
                commands.push(Command::Connect(
                    (connecting.table, connecting.column),
                    target,
                ));
            }
        }
    }
}

/// The world area a drop target covers: a column row or a header band.
fn target_area(
    doc: &Document,
    metrics: &Metrics,
    tables: &[(TableId, Rect)],
    target: ConnectTarget,
) -> Option<Rect> {
    let (table, row) = match target {
        ConnectTarget::Table(t) => (t, None),
        ConnectTarget::Column(t, c) => {
            (t, doc.table(t)?.columns.iter().position(|col| col.id == c))
        }
    };
    let rect = tables.iter().find(|(id, _)| *id == table)?.1;
    Some(match row {
        None => Rect::from_min_size(rect.min, rect.width(), metrics.header_height),
        Some(row) => Rect::from_min_size(
            Point::new(
                rect.min.x,
                rect.min.y + metrics.header_height + metrics.row_height * row as f32,
            ),
            rect.width(),
            metrics.row_height,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connectors_sit_at_the_right_end_of_rows() {
        let metrics = Metrics::default();
        let rect = Rect::from_min_size(Point::new(0.0, 0.0), 200.0, 28.0 + 3.0 * 20.0 + 4.0);
        let row_1 = connector_point(&metrics, &rect, 1);
        assert_eq!(row_1, Point::new(200.0, 28.0 + 30.0));
        assert_eq!(connector_row(&metrics, &rect, 3, row_1), Some(1));
        assert_eq!(
            connector_row(&metrics, &rect, 3, Point::new(195.0, 40.0)),
            Some(0)
        );
        // In the middle of a row, or on the header: no connector.
        assert_eq!(
            connector_row(&metrics, &rect, 3, Point::new(100.0, 40.0)),
            None
        );
        assert_eq!(
            connector_row(&metrics, &rect, 3, Point::new(200.0, 10.0)),
            None
        );
    }
}
