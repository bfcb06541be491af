//! Builds the list of shapes that make up a diagram from the document and its positions.

use std::collections::{BTreeSet, HashMap};

use super::{Palette, Point, Rect};
use crate::model::{
    Color, ColumnRef, ConstraintId, Document, GroupId, NoteId, Table, TableId, TableRef,
};

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

/// A foreign key: the table holding it and the constraint's id.
pub type RelationshipId = (TableId, ConstraintId);

/// What is drawn emphasised: the selection, a highlighted relationship, focus mode.
#[derive(Debug, Clone, Copy, Default)]
pub struct Emphasis<'a> {
    /// Selected tables (outlined, painted on top).
    pub selected: Option<&'a BTreeSet<TableId>>,
    /// A hovered or selected relationship: its line and the rows of its columns stand out.
    pub relationship: Option<RelationshipId>,
    /// Focus mode: only these tables (and the relationships among them) are drawn at full
    /// strength; the rest is faded.
    pub focus: Option<&'a BTreeSet<TableId>>,
    /// A selected group.
    pub group: Option<GroupId>,
    /// A selected note.
    pub note: Option<NoteId>,
}

impl<'a> Emphasis<'a> {
    /// Only a table selection.
    pub fn selection(selected: &'a BTreeSet<TableId>) -> Self {
        Self {
            selected: Some(selected),
            ..Self::default()
        }
    }

    /// Whether the table is selected.
    pub fn is_selected(&self, table: TableId) -> bool {
        self.selected.is_some_and(|s| s.contains(&table))
    }
}

/// A relationship as drawn: its route, for hit testing and highlighting.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationshipShape {
    /// The table holding the foreign key and the constraint.
    pub id: RelationshipId,
    /// The line from the referencing table to the referenced one.
    pub points: Vec<Point>,
}

/// A diagram ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// Shapes in painting order.
    pub primitives: Vec<Primitive>,
    /// Each drawn table's area, for hit testing, in painting order.
    pub tables: Vec<(TableId, Rect)>,
    /// Each drawn relationship's route, for hit testing.
    pub relationships: Vec<RelationshipShape>,
    /// Each drawn group's region and the band holding its label (the handle that drags it).
    pub groups: Vec<(GroupId, Rect, Rect)>,
    /// Each drawn note's area.
    pub notes: Vec<(NoteId, Rect)>,
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
    let rects: TableRects = doc
        .tables
        .values()
        .map(|t| (t.id, table_rect(doc, t, metrics)))
        .collect();
    super::regions::bounds(doc, metrics, &rects)
}

fn row_center_y(table_rect: &Rect, metrics: &Metrics, row: usize) -> f32 {
    table_rect.min.y + metrics.header_height + metrics.row_height * (row as f32 + 0.5)
}

/// How much of each table to draw: everything, names only (columns too small to read), or
/// outlines only (names too small to read), so a zoomed-out view of thousands of tables costs
/// little.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Header, name, every column row.
    Full,
    /// Header and name; the body as a plain box.
    Names,
    /// Boxes and relationship lines only.
    Outlines,
}

impl Detail {
    /// The detail that is readable at `zoom`.
    pub fn at_zoom(zoom: f32) -> Self {
        if zoom >= 0.35 {
            Self::Full
        } else if zoom >= 0.12 {
            Self::Names
        } else {
            Self::Outlines
        }
    }
}

/// Every table's area, keyed by id.
pub type TableRects = HashMap<TableId, Rect>;

/// Builds the scene with every detail. Tables outside `visible` (when given) are left out,
/// and so are relationships whose both ends are outside it.
pub fn build_scene(
    doc: &Document,
    palette: &Palette,
    metrics: &Metrics,
    selected: &BTreeSet<TableId>,
    visible: Option<Rect>,
) -> Scene {
    let rects: TableRects = doc
        .tables
        .values()
        .map(|t| (t.id, table_rect(doc, t, metrics)))
        .collect();
    build_scene_from(
        doc,
        palette,
        metrics,
        &Emphasis::selection(selected),
        visible,
        &rects,
        Detail::Full,
    )
}

/// Builds the scene from table areas computed beforehand (the canvas caches them), at the
/// given level of detail.
pub fn build_scene_from(
    doc: &Document,
    palette: &Palette,
    metrics: &Metrics,
    emphasis: &Emphasis,
    visible: Option<Rect>,
    rects: &TableRects,
    detail: Detail,
) -> Scene {
    static NONE: BTreeSet<TableId> = BTreeSet::new();
    let mut scene = Scene {
        bounds: rects.values().copied().reduce(|a, b| a.union(&b)),
        ..Scene::default()
    };
    let selected = emphasis.selected.unwrap_or(&NONE);
    let shown = |rect: &Rect| visible.is_none_or(|v| v.intersects(rect));
    super::regions::group_shapes(doc, (palette, emphasis), visible, rects, detail, &mut scene);
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
            // A collapsed table's lines meet its header.
            let from_row = fk
                .columns
                .first()
                .filter(|_| !table.collapsed)
                .and_then(|c| table.columns.iter().position(|col| col.id == *c));
            let to_row = fk
                .referenced_columns
                .first()
                .filter(|_| !target.collapsed)
                .and_then(|c| match c {
                    ColumnRef::Resolved(id) => target.columns.iter().position(|col| col.id == *id),
                    ColumnRef::Unresolved(_) => None,
                });
            let from_y = from_row.map_or(from.center().y, |r| row_center_y(from, metrics, r));
            let to_y = to_row.map_or(to.min.y + metrics.header_height / 2.0, |r| {
                row_center_y(to, metrics, r)
            });
            if detail == Detail::Outlines {
                // Crow's feet and elbows are too small to see: one straight line.
                scene.primitives.push(Primitive::Line {
                    points: vec![from.center(), to.center()],
                    width: 1.0,
                    color: palette.relationship,
                });
                continue;
            }
            let shapes = super::relationship::relationship(
                *from,
                from_y,
                *to,
                to_y,
                palette,
                table.id == target_id,
            );
            if let Some(Primitive::Line { points, .. }) = shapes.first() {
                scene.relationships.push(RelationshipShape {
                    id: (table.id, fk.id),
                    points: points.clone(),
                });
            }
            scene.primitives.extend(shapes);
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
            (selected.contains(&table.id), detail),
            &mut scene,
        );
        scene.tables.push((table.id, rect));
    }
    let notes = (palette, metrics, emphasis);
    super::regions::note_shapes(doc, notes, visible, rects, detail, &mut scene);
    scene
}

fn table_shapes(
    doc: &Document,
    table: &Table,
    rect: Rect,
    palette: &Palette,
    metrics: &Metrics,
    (selected, detail): (bool, Detail),
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
