//! Group regions (subject areas and bounded contexts) and sticky notes in the scene.
//!
//! A group is drawn behind everything as a rounded region around its member tables, with a
//! label band on top (the band is the handle that drags the group). Notes are drawn over the
//! tables, each with a thin line to the table it is attached to.

use super::scene::{Anchor, Detail, Emphasis, Metrics, Primitive, TableRects, TextStyle};
use super::{Palette, Point, Rect, Scene};
use crate::model::{Color, Document, Group, Note};

/// Space between a group's member tables and the edge of its region, in world units.
pub const GROUP_MARGIN: f32 = 24.0;
/// Height of a group's label band.
pub const GROUP_BAND_HEIGHT: f32 = 26.0;
/// A note's text wraps after this many characters.
pub const NOTE_WRAP: usize = 32;
/// Height of one line of note text.
const NOTE_LINE_HEIGHT: f32 = 16.0;
/// Space between a note's edge and its text.
const NOTE_PADDING: f32 = 8.0;
/// Narrowest note.
const NOTE_MIN_WIDTH: f32 = 120.0;

fn with_alpha(color: Color, a: u8) -> Color {
    Color { a, ..color }
}

/// A group's region and its label band, from its members' areas; `None` when no member is
/// drawn. The band sits on top of the region, above the tables, so it never hides them.
pub fn group_region(doc: &Document, group: &Group, rects: &TableRects) -> Option<(Rect, Rect)> {
    let members = doc
        .tables
        .values()
        .filter(|t| t.group == Some(group.id))
        .filter_map(|t| rects.get(&t.id))
        .copied()
        .reduce(|a, b| a.union(&b))?;
    let mut region = members.expand(GROUP_MARGIN);
    region.min.y -= GROUP_BAND_HEIGHT;
    let band = Rect::from_min_size(region.min, region.width(), GROUP_BAND_HEIGHT);
    Some((region, band))
}

/// The text of a group's label: its name, and a tag when it is a bounded context.
pub fn group_label(group: &Group) -> String {
    let name = if group.name.trim().is_empty() {
        "(unnamed group)"
    } else {
        group.name.as_str()
    };
    if group.bounded_context {
        format!("{name}  [context]")
    } else {
        name.to_owned()
    }
}

/// Adds every group with drawn members to the scene (call before relationships and tables).
/// Labels stay while table names are drawn; outlines are drawn without them.
pub fn group_shapes(
    doc: &Document,
    (palette, emphasis): (&Palette, &Emphasis),
    visible: Option<Rect>,
    rects: &TableRects,
    detail: Detail,
    scene: &mut Scene,
) {
    for group in doc.groups.values() {
        let Some((region, band)) = group_region(doc, group, rects) else {
            continue;
        };
        if visible.is_some_and(|v| !v.intersects(&region)) {
            continue;
        }
        let selected = emphasis.group == Some(group.id);
        let width = if group.bounded_context { 2.5 } else { 1.0 };
        let stroke = if selected {
            (width + 1.5, palette.selection)
        } else {
            (width, group.color)
        };
        scene.primitives.push(Primitive::Rect {
            rect: region,
            radius: 10.0,
            fill: with_alpha(group.color, palette.group_fill_alpha),
            stroke: Some(stroke),
        });
        scene.primitives.push(Primitive::Rect {
            rect: band,
            radius: 10.0,
            fill: with_alpha(group.color, palette.group_band_alpha),
            stroke: None,
        });
        if detail == Detail::Outlines {
            scene.groups.push((group.id, region, band));
            continue;
        }
        scene.primitives.push(Primitive::Text {
            pos: Point::new(band.min.x + 12.0, band.center().y),
            text: group_label(group),
            size: 13.0,
            style: TextStyle::Header,
            anchor: Anchor::Left,
            color: palette.group_label_text,
        });
        scene.groups.push((group.id, region, band));
    }
}

/// A note's text broken into lines of at most [`NOTE_WRAP`] characters (at spaces where
/// possible); an empty note has one empty line.
pub fn note_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let mut word: Vec<char> = word.chars().collect();
            // Words longer than a line are cut.
            while word.len() > NOTE_WRAP {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                lines.push(word.drain(..NOTE_WRAP).collect());
            }
            let word: String = word.into_iter().collect();
            let len = line.chars().count();
            if len > 0 && len + 1 + word.chars().count() > NOTE_WRAP {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    lines
}

/// The area a note covers: its position and a size that fits its wrapped text.
pub fn note_rect(note: &Note, metrics: &Metrics) -> Rect {
    let lines = note_lines(&note.text);
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let width = (widest as f32 * metrics.char_width + 2.0 * NOTE_PADDING)
        .max(NOTE_MIN_WIDTH)
        .ceil();
    let height = lines.len() as f32 * NOTE_LINE_HEIGHT + 2.0 * NOTE_PADDING;
    Rect::from_min_size(Point::new(note.position.x, note.position.y), width, height)
}

/// The point of `rect` nearest to `p`.
fn nearest_on(rect: &Rect, p: Point) -> Point {
    Point::new(
        p.x.clamp(rect.min.x, rect.max.x),
        p.y.clamp(rect.min.y, rect.max.y),
    )
}

/// Adds every visible note to the scene (call after the tables, so notes stay on top). Their
/// text is left out when column text is (it would be too small to read).
pub fn note_shapes(
    doc: &Document,
    (palette, metrics, emphasis): (&Palette, &Metrics, &Emphasis),
    visible: Option<Rect>,
    rects: &TableRects,
    detail: Detail,
    scene: &mut Scene,
) {
    for note in doc.notes.values() {
        let rect = note_rect(note, metrics);
        let target = note.attached_to.and_then(|t| rects.get(&t));
        let area = target.map_or(rect, |t| rect.union(t));
        if visible.is_some_and(|v| !v.intersects(&area)) {
            continue;
        }
        if let Some(target) = target {
            let from = rect.center();
            scene.primitives.push(Primitive::Line {
                points: vec![from, nearest_on(target, from)],
                width: 1.0,
                color: palette.note_connector,
            });
        }
        let stroke = if emphasis.note == Some(note.id) {
            (2.5, palette.selection)
        } else {
            (1.0, palette.note_stroke)
        };
        scene.primitives.push(Primitive::Rect {
            rect,
            radius: 2.0,
            fill: palette.note_fill,
            stroke: Some(stroke),
        });
        let lines = if detail == Detail::Full {
            note_lines(&note.text)
        } else {
            Vec::new()
        };
        for (i, line) in lines.into_iter().enumerate() {
            if line.is_empty() {
                continue;
            }
            scene.primitives.push(Primitive::Text {
                pos: Point::new(
                    rect.min.x + NOTE_PADDING,
                    rect.min.y + NOTE_PADDING + NOTE_LINE_HEIGHT * (i as f32 + 0.5),
                ),
                text: line,
                size: metrics.font_size,
                style: TextStyle::Body,
                anchor: Anchor::Left,
                color: palette.note_text,
            });
        }
        scene.notes.push((note.id, rect));
    }
}

/// The area covered by the tables (`rects`), the group regions and the notes.
pub fn bounds(doc: &Document, metrics: &Metrics, rects: &TableRects) -> Option<Rect> {
    let groups = doc
        .groups
        .values()
        .filter_map(|g| group_region(doc, g, rects).map(|(region, _)| region));
    let notes = doc.notes.values().map(|n| note_rect(n, metrics));
    rects
        .values()
        .copied()
        .chain(groups)
        .chain(notes)
        .reduce(|a, b| a.union(&b))
}

#[cfg(test)]
mod tests;
