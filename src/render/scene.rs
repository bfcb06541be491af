//! Builds the list of shapes that make up a diagram from the document and its positions.

use std::collections::BTreeSet;

use super::{Palette, Point, Rect};
use crate::model::{Color, ColumnRef, Document, Table, TableId, TableRef};

/// Sizes used to lay out tables, in world units. Text widths are estimated from a fixed
/// advance per character, matching the monospace font the canvas draws with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Height of the header band.
    pub header_height: f32,
    /// Height of one column row.
    pub row_height: f32,
    /// Horizontal advance of one character of body text.
    pub char_width: f32,
    /// Font size of body text.
    pub font_size: f32,
    /// Font size of the header.
    pub header_font_size: f32,
    /// Inner padding.
    pub padding: f32,
    /// Width reserved for PK/FK markers.
    pub marker_width: f32,
    /// Narrowest table.
    pub min_width: f32,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            header_height: 28.0,
            row_height: 20.0,
            char_width: 7.3,
            font_size: 12.0,
            header_font_size: 13.0,
            padding: 8.0,
            marker_width: 22.0,
            min_width: 160.0,
        }
    }
}

/// How a text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    /// Table name in the header (proportional, strong).
    Header,
    /// Column names and types (monospace).
    Body,
    /// Small markers such as PK and FK (monospace).
    Marker,
}

/// Horizontal anchoring of a text at its position; vertically texts are centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The position is the text's left edge.
    Left,
    /// The position is the text's right edge.
    Right,
}

/// One drawing instruction, in world units.
#[derive(Debug, Clone, PartialEq)]
pub enum Primitive {
    /// A filled, optionally outlined, rounded rectangle.
    Rect {
        /// Area.
        rect: Rect,
        /// Corner radius.
        radius: f32,
        /// Fill colour.
        fill: Color,
        /// Outline width and colour.
        stroke: Option<(f32, Color)>,
    },
    /// A single line of text.
    Text {
        /// Anchor point (vertically centred).
        pos: Point,
        /// The text.
        text: String,
        /// Font size.
        size: f32,
        /// How it is set.
        style: TextStyle,
        /// Horizontal anchoring.
        anchor: Anchor,
        /// Colour.
        color: Color,
    },
    /// An open polyline.
    Line {
        /// Vertices.
        points: Vec<Point>,
        /// Width.
        width: f32,
        /// Colour.
        color: Color,
    },
}

/// A diagram ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// Shapes in painting order.
    pub primitives: Vec<Primitive>,
    /// Each drawn table's area, for hit testing, in painting order.
    pub tables: Vec<(TableId, Rect)>,
    /// The area covered by all tables.
    pub bounds: Option<Rect>,
}

fn text_width(metrics: &Metrics, text: &str) -> f32 {
    metrics.char_width * text.chars().count() as f32
}

/// The area a table covers at its position.
pub fn table_rect(doc: &Document, table: &Table, metrics: &Metrics) -> Rect {
    let title = table.name.to_string();
    let title_width = text_width(metrics, &title) * 1.1 + 2.0 * metrics.padding;
    let widest_row = table
        .columns
        .iter()
        .map(|c| {
            let type_text = doc.type_display(&c.data_type);
            metrics.marker_width
                + text_width(metrics, &c.name)
                + 5.0 * metrics.char_width
                + text_width(metrics, &type_text)
                + 2.0 * metrics.padding
        })
        .fold(0.0_f32, f32::max);
    let width = metrics.min_width.max(title_width).max(widest_row).ceil();
    let height = metrics.header_height
        + metrics.row_height * table.columns.len() as f32
        + metrics.padding / 2.0;
    Rect::from_min_size(
        Point::new(table.position.x, table.position.y),
        width,
        height,
    )
}

/// The area covered by all tables, if there are any.
pub fn diagram_bounds(doc: &Document, metrics: &Metrics) -> Option<Rect> {
    doc.tables
        .values()
        .map(|t| table_rect(doc, t, metrics))
        .reduce(|a, b| a.union(&b))
}

fn row_center_y(table_rect: &Rect, metrics: &Metrics, row: usize) -> f32 {
    table_rect.min.y + metrics.header_height + metrics.row_height * (row as f32 + 0.5)
}

/// Builds the scene. Tables outside `visible` (when given) are left out, and so are
/// relationships whose both ends are outside it.
pub fn build_scene(
    doc: &Document,
    palette: &Palette,
    metrics: &Metrics,
    selected: &BTreeSet<TableId>,
    visible: Option<Rect>,
) -> Scene {
    let mut scene = Scene::default();
    let rects: std::collections::BTreeMap<TableId, Rect> = doc
        .tables
        .values()
        .map(|t| (t.id, table_rect(doc, t, metrics)))
        .collect();
    scene.bounds = rects.values().copied().reduce(|a, b| a.union(&b));
    let shown = |rect: &Rect| visible.is_none_or(|v| v.intersects(rect));
    for table in doc.tables.values() {
        for fk in &table.foreign_keys {
            let TableRef::Resolved(target_id) = fk.referenced_table else {
                continue;
            };
            let (Some(target), Some(from), Some(to)) = (
                doc.table(target_id),
                rects.get(&table.id),
                rects.get(&target_id),
            ) else {
                continue;
            };
            if !shown(&from.union(to)) {
                continue;
            }
            let from_row = fk
                .columns
                .first()
                .and_then(|c| table.columns.iter().position(|col| col.id == *c));
            let to_row = fk.referenced_columns.first().and_then(|c| match c {
                ColumnRef::Resolved(id) => target.columns.iter().position(|col| col.id == *id),
                ColumnRef::Unresolved(_) => None,
            });
            let from_y = from_row.map_or(from.center().y, |r| row_center_y(from, metrics, r));
            let to_y = to_row.map_or(to.min.y + metrics.header_height / 2.0, |r| {
                row_center_y(to, metrics, r)
            });
            scene.primitives.extend(relationship(
                *from,
                from_y,
                *to,
                to_y,
                palette,
                table.id == target_id,
            ));
        }
    }
    // Selected tables are painted last, so a table being dragged stays on top.
    let (chosen, others): (Vec<&Table>, Vec<&Table>) = doc
        .tables
        .values()
        .map(AsRef::as_ref)
        .partition(|t| selected.contains(&t.id));
    for table in others.into_iter().chain(chosen) {
        let Some(rect) = rects.get(&table.id).copied() else {
            continue;
        };
        if !shown(&rect) {
            continue;
        }
        table_shapes(
            doc,
            table,
            rect,
            palette,
            metrics,
            selected.contains(&table.id),
            &mut scene,
        );
        scene.tables.push((table.id, rect));
    }
    scene
}

/// An orthogonal line from the referencing side to the referenced side, with a crow's foot
/// ("many") at the referencing end and a bar ("one") at the referenced end.
fn relationship(
    from: Rect,
    from_y: f32,
    to: Rect,
    to_y: f32,
    palette: &Palette,
    self_reference: bool,
) -> Vec<Primitive> {
    const STUB: f32 = 18.0;
    let color = palette.relationship;
    let (start, end, start_dir, end_dir, points) = if self_reference {
        let x = from.max.x + STUB * 1.5;
        let start = Point::new(from.max.x, from_y);
        let end = Point::new(from.max.x, to_y);
        let points = vec![start, Point::new(x, from_y), Point::new(x, to_y), end];
        (start, end, 1.0, 1.0, points)
    } else if from.max.x + 2.0 * STUB <= to.min.x || to.max.x + 2.0 * STUB <= from.min.x {
        // Side by side: leave one table's facing side, enter the other's.
        let rightwards = from.max.x + 2.0 * STUB <= to.min.x;
        let (start_x, end_x, start_dir, end_dir) = if rightwards {
            (from.max.x, to.min.x, 1.0, -1.0)
        } else {
            (from.min.x, to.max.x, -1.0, 1.0)
        };
        let start = Point::new(start_x, from_y);
        let end = Point::new(end_x, to_y);
        let mid_x = (start_x + end_x) / 2.0;
        let points = vec![
            start,
            Point::new(mid_x, from_y),
            Point::new(mid_x, to_y),
            end,
        ];
        (start, end, start_dir, end_dir, points)
    } else {
        // Stacked: run down the right of both tables.
        let x = from.max.x.max(to.max.x) + STUB;
        let start = Point::new(from.max.x, from_y);
        let end = Point::new(to.max.x, to_y);
        let points = vec![start, Point::new(x, from_y), Point::new(x, to_y), end];
        (start, end, 1.0, 1.0, points)
    };
    let line = |points: Vec<Point>| Primitive::Line {
        points,
        width: 1.5,
        color,
    };
    let foot = start.x + start_dir * 10.0;
    let bar = end.x + end_dir * 8.0;
    vec![
        line(points),
        line(vec![
            Point::new(foot, start.y),
            Point::new(start.x, start.y - 6.0),
        ]),
        line(vec![
            Point::new(foot, start.y),
            Point::new(start.x, start.y + 6.0),
        ]),
        line(vec![
            Point::new(bar, end.y - 6.0),
            Point::new(bar, end.y + 6.0),
        ]),
    ]
}

fn table_shapes(
    doc: &Document,
    table: &Table,
    rect: Rect,
    palette: &Palette,
    metrics: &Metrics,
    selected: bool,
    scene: &mut Scene,
) {
    let stroke = if selected {
        (2.5, palette.selection)
    } else {
        (1.0, palette.table_stroke)
    };
    scene.primitives.push(Primitive::Rect {
        rect,
        radius: 5.0,
        fill: palette.table_fill,
        stroke: Some(stroke),
    });
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
    for (row, column) in table.columns.iter().enumerate() {
        let y = row_center_y(&rect, metrics, row);
        let marker = if table.is_primary_key_column(column.id) {
            Some(("PK", palette.primary_key))
        } else if table.is_foreign_key_column(column.id) {
            Some(("FK", palette.foreign_key))
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
