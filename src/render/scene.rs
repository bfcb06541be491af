//! Builds the list of shapes that make up a diagram from the document and its positions.

use std::collections::{BTreeSet, HashMap};

use super::tables::{TableLook, table_shapes};
pub use super::tables::{diagram_bounds, table_rect};
use super::{Palette, Point, Rect};
use crate::model::{Color, ColumnId, ConstraintId, Document, GroupId, NoteId, Table, TableId};

/// Sizes used to lay out tables, in world units. Table widths come from the advances of the
/// editor's fonts (see `render::fonts`); `char_width` is the monospace advance used where a
/// rough estimate is enough (note wrapping).
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
    /// A circle.
    Circle {
        /// Centre.
        center: Point,
        /// Radius.
        radius: f32,
        /// Fill colour, if filled.
        fill: Option<Color>,
        /// Outline width and colour.
        stroke: (f32, Color),
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

    /// Whether focus mode is on and the table is outside the focus.
    pub fn is_faded(&self, table: TableId) -> bool {
        self.focus.is_some_and(|f| !f.contains(&table))
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
    /// For each entry of `tables`, the range of `primitives` that draws that table.
    pub table_primitives: Vec<std::ops::Range<usize>>,
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
    let shown = |rect: &Rect| visible.is_none_or(|v| v.intersects(rect));
    // Room for every drawn table's shapes up front: a zoomed-out view of thousands of tables
    // would otherwise grow the list many times.
    let drawn = rects.values().filter(|r| shown(r)).count();
    let per_table = match detail {
        Detail::Outlines => 1,
        Detail::Names => 3,
        Detail::Full => 24,
    };
    let mut scene = Scene {
        primitives: Vec::with_capacity(drawn * per_table),
        tables: Vec::with_capacity(drawn),
        bounds: rects.values().copied().reduce(|a, b| a.union(&b)),
        ..Scene::default()
    };
    let faded = palette.faded();
    super::regions::group_shapes(doc, (palette, emphasis), visible, rects, detail, &mut scene);
    let highlight = super::relationship::relationships(
        doc,
        (palette, &faded),
        metrics,
        emphasis,
        visible,
        rects,
        detail,
        &mut scene,
    );
    // Selected tables are painted last, so a table being dragged stays on top.
    let (chosen, others): (Vec<&Table>, Vec<&Table>) = doc
        .tables
        .values()
        .map(AsRef::as_ref)
        .partition(|t| emphasis.is_selected(t.id));
    for table in others.into_iter().chain(chosen) {
        let Some(rect) = rects.get(&table.id).copied() else {
            continue;
        };
        if !shown(&rect) {
            continue;
        }
        let highlight: &[ColumnId] = highlight
            .iter()
            .find(|(id, _)| *id == table.id)
            .map_or(&[], |(_, columns)| columns.as_slice());
        let look = TableLook {
            rect,
            selected: emphasis.is_selected(table.id),
            detail,
            highlight,
        };
        let palette = if emphasis.is_faded(table.id) {
            &faded
        } else {
            palette
        };
        let first = scene.primitives.len();
        table_shapes(doc, table, &look, palette, metrics, &mut scene);
        scene.tables.push((table.id, rect));
        scene.table_primitives.push(first..scene.primitives.len());
    }
    let notes = (palette, metrics, emphasis);
    super::regions::note_shapes(doc, notes, visible, rects, detail, &mut scene);
    scene
}

impl Scene {
    /// The relationship whose line passes within `tolerance` of `p`; where lines cross, the
    /// one painted last (on top) wins.
    pub fn relationship_at(&self, p: Point, tolerance: f32) -> Option<RelationshipId> {
        let near = |a: Point, b: Point| {
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let length = dx * dx + dy * dy;
            let t = if length > 0.0 {
                (((p.x - a.x) * dx + (p.y - a.y) * dy) / length).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let (x, y) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
            x * x + y * y <= tolerance * tolerance
        };
        self.relationships
            .iter()
            .rev()
            .find(|shape| shape.points.windows(2).any(|w| near(w[0], w[1])))
            .map(|shape| shape.id)
    }
}
