//! Measures of a diagram's readability: overlapping tables, crossings between relationship
//! lines, and their total length. Lines are taken as straight segments between table centres,
//! so the measures compare placements independently of how lines are routed.

use crate::model::{Document, TableRef};
use crate::render::{Metrics, Point, Rect, table_rect};

/// How readable a placement is.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Quality {
    /// Pairs of tables that overlap.
    pub overlaps: usize,
    /// Pairs of relationship lines that cross.
    pub crossings: usize,
    /// Sum of the relationship lines' lengths, in world units.
    pub edge_length: f64,
}

fn orientation(a: Point, b: Point, c: Point) -> f32 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// Whether segments `a`–`b` and `c`–`d` cross at a point inside both (touching ends, as lines
/// sharing a table do, do not count).
fn cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let (d1, d2) = (orientation(c, d, a), orientation(c, d, b));
    let (d3, d4) = (orientation(a, b, c), orientation(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// Overlaps, crossings and edge length of the document's current positions.
pub fn quality(doc: &Document) -> Quality {
    let metrics = Metrics::default();
    let rects: std::collections::HashMap<_, Rect> = doc
        .tables
        .values()
        .map(|t| (t.id, table_rect(doc, t, &metrics)))
        .collect();
    let mut quality = Quality::default();
    let all: Vec<&Rect> = rects.values().collect();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            // Shared edges do not count: tables one grid step apart touch.
            let inner = a.expand(-0.5);
            if inner.intersects(b) {
                quality.overlaps += 1;
            }
        }
    }
    let mut segments: Vec<(Point, Point)> = Vec::new();
    for table in doc.tables.values() {
        for fk in &table.foreign_keys {
            if let TableRef::Resolved(target) = fk.referenced_table
                && target != table.id
                && let (Some(a), Some(b)) = (rects.get(&table.id), rects.get(&target))
            {
                let (a, b) = (a.center(), b.center());
                quality.edge_length +=
                    f64::from(((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt());
                segments.push((a, b));
            }
        }
    }
    for (i, (a, b)) in segments.iter().enumerate() {
        for (c, d) in &segments[i + 1..] {
            if cross(*a, *b, *c, *d) {
                quality.crossings += 1;
            }
        }
    }
    quality
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_segments_are_counted_and_shared_ends_are_not() {
        let p = Point::new;
        assert!(cross(
            p(0.0, 0.0),
            p(10.0, 10.0),
            p(0.0, 10.0),
            p(10.0, 0.0)
        ));
        assert!(!cross(
            p(0.0, 0.0),
            p(10.0, 10.0),
            p(10.0, 10.0),
            p(20.0, 0.0)
        ));
        assert!(!cross(p(0.0, 0.0), p(10.0, 0.0), p(0.0, 5.0), p(10.0, 5.0)));
    }

    #[test]
    fn the_sample_file_is_free_of_overlaps() {
        let doc = crate::samples::ecommerce().unwrap();
        let q = quality(&doc);
        assert_eq!(q.overlaps, 0);
        assert!(q.edge_length > 0.0);
    }
}
