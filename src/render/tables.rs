//! Tables on the diagram: their areas and the shapes that draw them.

use super::fonts::{Family, text_width};
use super::scene::{Anchor, Detail, Metrics, Primitive, Scene, TextStyle};
use super::{Palette, Point, Rect};
use crate::model::{ColumnId, Document, Table};

/// Width of body text (monospace) at the body font size.
fn body_width(metrics: &Metrics, text: &str) -> f32 {
    text_width(Family::Monospace, metrics.font_size, text)
}

/// The area a table covers at its position. Text widths are measured with the editor's
/// fonts, so the canvas and exported images agree.
pub fn table_rect(doc: &Document, table: &Table, metrics: &Metrics) -> Rect {
    let title = table.name.to_string();
    let title_width =
        text_width(Family::Proportional, metrics.header_font_size, &title) + 2.0 * metrics.padding;
    let gap = body_width(metrics, "     ");
    let widest_row = table
        .columns
        .iter()
        .map(|c| {
            let type_text = doc.type_display(&c.data_type);
            metrics.marker_width
                + body_width(metrics, &c.name)
                + gap
                + body_width(metrics, &type_text)
                + 2.0 * metrics.padding
        })
        .fold(0.0_f32, f32::max);
    let width = metrics.min_width.max(title_width).max(widest_row).ceil();
    let rows = if table.collapsed {
        0
    } else {
        table.columns.len()
    };
    let height = metrics.header_height + metrics.row_height * rows as f32 + metrics.padding / 2.0;
    Rect::from_min_size(
        Point::new(table.position.x, table.position.y),
        width,
        height,
    )
}

/// The area covered by all tables, group regions and notes, if there are any.
pub fn diagram_bounds(doc: &Document, metrics: &Metrics) -> Option<Rect> {
    let rects: super::scene::TableRects = doc
        .tables
        .values()
        .map(|t| (t.id, table_rect(doc, t, metrics)))
        .collect();
    super::regions::bounds(doc, metrics, &rects)
}

/// The height of a column row's centre.
pub(super) fn row_center_y(table_rect: &Rect, metrics: &Metrics, row: usize) -> f32 {
    table_rect.min.y + metrics.header_height + metrics.row_height * (row as f32 + 0.5)
}

/// How one table is drawn: its area, whether it is selected, the level of detail and the
/// columns whose rows get a highlight band.
pub(super) struct TableLook<'a> {
    /// The table's area.
    pub rect: Rect,
    /// Outlined as selected.
    pub selected: bool,
    /// How much to draw.
    pub detail: Detail,
    /// Rows to highlight (the columns of a highlighted relationship).
    pub highlight: &'a [ColumnId],
}

/// Pushes the shapes of one table.
pub(super) fn table_shapes(
    doc: &Document,
    table: &Table,
    look: &TableLook,
    palette: &Palette,
    metrics: &Metrics,
    scene: &mut Scene,
) {
    let TableLook {
        rect,
        selected,
        detail,
        highlight,
    } = *look;
    let stroke = if selected {
        (2.5, palette.selection)
    } else {
        (1.0, palette.table_stroke)
    };
    scene.primitives.push(Primitive::Rect {
        rect,
        radius: 5.0,
        // Zoomed far out, a table is a box in its header colour.
        fill: if detail == Detail::Outlines {
            palette.header_fill
        } else {
            palette.table_fill
        },
        stroke: Some(stroke),
    });
    if detail == Detail::Outlines {
        return;
    }
    let header = Rect::from_min_size(rect.min, rect.width(), metrics.header_height);
    scene.primitives.push(Primitive::Rect {
        rect: header,
        radius: 5.0,
        fill: palette.header_fill,
        stroke: None,
    });
    scene.primitives.push(Primitive::Text {
        pos: Point::new(rect.min.x + metrics.padding, header.center().y),
        text: table.name.to_string(),
        size: metrics.header_font_size,
        style: TextStyle::Header,
        anchor: Anchor::Left,
        color: palette.header_text,
    });
    if detail == Detail::Names || table.collapsed {
        return;
    }
    for (row, column) in table.columns.iter().enumerate() {
        let y = row_center_y(&rect, metrics, row);
        if highlight.contains(&column.id) {
            let top = y - metrics.row_height / 2.0;
            scene.primitives.push(Primitive::Rect {
                rect: Rect::from_min_size(
                    Point::new(rect.min.x + 1.0, top),
                    rect.width() - 2.0,
                    metrics.row_height,
                ),
                radius: 0.0,
                fill: palette.row_highlight,
                stroke: None,
            });
        }
        let marker = if table.is_primary_key_column(column.id) {
            Some(("PK", palette.primary_key))
        } else if table.is_foreign_key_column(column.id) {
            Some(("FK", palette.foreign_key))
        } else if table.is_unique_column(column.id) {
            Some(("UQ", palette.muted_text))
        } else {
            None
        };
        if let Some((text, color)) = marker {
            scene.primitives.push(Primitive::Text {
                pos: Point::new(rect.min.x + metrics.padding, y),
                text: text.into(),
                size: metrics.font_size - 2.0,
                style: TextStyle::Marker,
                anchor: Anchor::Left,
                color,
            });
        }
        let mut name = column.name.clone();
        if !column.nullable {
            name.push_str(" *");
        }
        scene.primitives.push(Primitive::Text {
            pos: Point::new(rect.min.x + metrics.padding + metrics.marker_width, y),
            text: name,
            size: metrics.font_size,
            style: TextStyle::Body,
            anchor: Anchor::Left,
            color: palette.text,
        });
        scene.primitives.push(Primitive::Text {
            pos: Point::new(rect.max.x - metrics.padding, y),
            text: doc.type_display(&column.data_type),
            size: metrics.font_size,
            style: TextStyle::Body,
            anchor: Anchor::Right,
            color: palette.muted_text,
        });
    }
}
