//! The lines drawn for a foreign key: elbows, a crow's foot and a bar.

use super::{Palette, Point, Primitive, Rect};

/// An orthogonal line from the referencing side to the referenced side, with a crow's foot
/// ("many") at the referencing end and a bar ("one") at the referenced end.
pub fn relationship(
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

#[cfg(test)]
mod tests {
    use crate::render::scene::{Detail, TableRects, build_scene_from};
    use crate::render::{Metrics, Primitive, table_rect, theme};

    #[test]
    fn less_detail_draws_fewer_shapes_and_no_unreadable_text() {
        let doc = crate::samples::ecommerce().unwrap();
        let metrics = Metrics::default();
        let rects: TableRects = doc
            .tables
            .values()
            .map(|t| (t.id, table_rect(&doc, t, &metrics)))
            .collect();
        let count = |detail| {
            let scene = build_scene_from(
                &doc,
                &theme::Palette::LIGHT,
                &metrics,
                &crate::render::scene::Emphasis::default(),
                None,
                &rects,
                detail,
            );
            let texts = scene
                .primitives
                .iter()
                .filter(|p| matches!(p, Primitive::Text { .. }))
                .count();
            (scene.primitives.len(), texts, scene.tables.len())
        };
        let (full, full_texts, tables) = count(Detail::Full);
        let (names, name_texts, _) = count(Detail::Names);
        let (outlines, outline_texts, outlined) = count(Detail::Outlines);
        assert_eq!((tables, outlined), (6, 6));
        assert!(
            full > names && names > outlines,
            "{full} {names} {outlines}"
        );
        // Table names, and the group labels (subject areas stay readable zoomed out).
        assert_eq!(name_texts, 6 + doc.groups.len());
        assert_eq!(outline_texts, 0);
        assert!(full_texts > 6 * 5);
        assert_eq!(Detail::at_zoom(1.0), Detail::Full);
        assert_eq!(Detail::at_zoom(0.2), Detail::Names);
        assert_eq!(Detail::at_zoom(0.05), Detail::Outlines);
    }
}
