//! Image export: the diagram as SVG or PNG, drawn from the same scene as the canvas and
//! without a display.

mod png;
mod svg;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use super::scene::{Detail, Emphasis, TableRects, build_scene_from};
use super::{Metrics, Palette, Point, Primitive, Rect, Scene, table_rect};
use crate::model::{Document, TableId};

pub use png::to_png;
pub use svg::to_svg;

/// Space left around the diagram, in world units.
pub const MARGIN: f32 = 24.0;

/// The largest image side, in pixels, a PNG is rendered at.
pub const MAX_SIDE: u32 = 16_384;

/// What to export and how.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageOptions {
    /// Pixels per world unit (1 draws the diagram at 100 % zoom).
    pub scale: f32,
    /// The dark palette instead of the light one.
    pub dark: bool,
    /// Only these tables (and the relationships among them); `None` exports every table.
    pub only: Option<BTreeSet<TableId>>,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            scale: 1.0,
            dark: false,
            only: None,
        }
    }
}

impl ImageOptions {
    /// The palette the image is drawn with.
    pub fn palette(&self) -> Palette {
        if self.dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }
}

/// Why an image could not be made.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImageError {
    /// Nothing to draw.
    #[error("the diagram is empty: there are no tables to draw")]
    Empty,
    /// The raster image would be too large.
    #[error(
        "the image would be {width} x {height} pixels, larger than {MAX_SIDE} on a side; \
         export SVG instead or use a lower scale"
    )]
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// The scale is not a positive number.
    #[error("the scale must be a positive number, not {0}")]
    BadScale(f32),
    /// Encoding the PNG failed.
    #[error("could not encode the PNG: {0}")]
    Encode(String),
}

/// The scene of an exported image: full detail, nothing emphasised, only the chosen tables
/// with the relationships among them, groups and notes as the canvas draws them, and a
/// background rectangle (the first primitive) covering the diagram with a margin. Its
/// `bounds` is that whole area. `None` when no table is to be drawn.
pub fn image_scene(doc: &Document, options: &ImageOptions) -> Option<Scene> {
    let metrics = Metrics::default();
    let palette = options.palette();
    let chosen = |id: &TableId| options.only.as_ref().is_none_or(|only| only.contains(id));
    let rects: TableRects = doc
        .tables
        .values()
        .filter(|t| chosen(&t.id))
        .map(|t| (t.id, table_rect(doc, t, &metrics)))
        .collect();
    if rects.is_empty() {
        return None;
    }
    // A partial export keeps only the notes attached to a chosen table.
    let filtered;
    let doc = if options.only.is_some() {
        let mut copy = doc.clone();
        copy.notes
            .retain(|_, n| n.attached_to.is_some_and(|t| rects.contains_key(&t)));
        filtered = copy;
        &filtered
    } else {
        doc
    };
    let mut scene = build_scene_from(
        doc,
        &palette,
        &metrics,
        &Emphasis::default(),
        None,
        &rects,
        Detail::Full,
    );
    let area = drawn_area(&scene)?.expand(MARGIN);
    let background = Primitive::Rect {
        rect: area,
        radius: 0.0,
        fill: palette.background,
        stroke: None,
    };
    scene.primitives.insert(0, background);
    for range in &mut scene.table_primitives {
        *range = range.start + 1..range.end + 1;
    }
    scene.bounds = Some(area);
    Some(scene)
}

/// Whether the export would draw at least one table.
pub fn has_tables(doc: &Document, options: &ImageOptions) -> bool {
    match &options.only {
        Some(only) => only.iter().any(|id| doc.tables.contains_key(id)),
        None => !doc.tables.is_empty(),
    }
}

/// The area every table, group region, note and relationship line of a scene covers.
fn drawn_area(scene: &Scene) -> Option<Rect> {
    let tables = scene.tables.iter().map(|(_, r)| *r);
    let groups = scene.groups.iter().map(|(_, region, _)| *region);
    let notes = scene.notes.iter().map(|(_, r)| *r);
    let lines = scene
        .relationships
        .iter()
        .flat_map(|r| r.points.iter())
        .map(|p| Rect::from_min_size(Point::new(p.x - 8.0, p.y - 8.0), 16.0, 16.0));
    tables
        .chain(groups)
        .chain(notes)
        .chain(lines)
        .reduce(|a, b| a.union(&b))
}

/// The size in pixels of an image of `area` at `scale`.
pub(crate) fn pixel_size(area: &Rect, scale: f32) -> (u32, u32) {
    let side = |v: f32| (v * scale).ceil().max(1.0) as u32;
    (side(area.width()), side(area.height()))
}
