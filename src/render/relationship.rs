//! The lines drawn for foreign keys: routed between table sides, with crow's foot notation,
//! emphasis for a highlighted relationship and fading outside the focus.

use super::notation::{self, Pen};
use super::obstacles::Obstacles;
use super::routing::{self, End};
use super::scene::{Detail, Emphasis, Metrics, Primitive, RelationshipShape, Scene, TableRects};
use super::tables::row_center_y;
use super::{Palette, Rect};
use crate::model::{
    Cardinality, ColumnId, ColumnRef, Document, ForeignKey, Table, TableId, TableRef,
};

/// The rows to highlight for an emphasised relationship, per table.
pub(super) type HighlightRows = Vec<(TableId, Vec<ColumnId>)>;

/// Lines and their hit areas in painting order.
#[derive(Default)]
struct Layer {
    primitives: Vec<Primitive>,
    shapes: Vec<RelationshipShape>,
}

impl Layer {
    fn append_to(mut self, scene: &mut Scene) {
        scene.primitives.append(&mut self.primitives);
        scene.relationships.append(&mut self.shapes);
    }
}

/// Which of the relationships between the same two tables this one is (0 for the first),
/// counted the same way whatever is visible, so lines do not jump while scrolling.
fn lane(table: &Table, fk: &ForeignKey, target: &Table) -> usize {
    let to_target = |fk: &&ForeignKey| fk.referenced_table == TableRef::Resolved(target.id);
    let earlier = table
        .foreign_keys
        .iter()
        .take_while(|f| f.id != fk.id)
        .filter(to_target)
        .count();
    let back = if target.id < table.id {
        target
            .foreign_keys
            .iter()
            .filter(|f| f.referenced_table == TableRef::Resolved(table.id))
            .count()
    } else {
        0
    };
    earlier + back
}

/// Where a line meets each table: the first foreign-key column's row and the first
/// referenced column's row, or the header of a collapsed table or an unresolved column.
fn anchors(
    table: &Table,
    fk: &ForeignKey,
    target: &Table,
    (from, to): (&Rect, &Rect),
    metrics: &Metrics,
) -> (f32, f32) {
    let header = |r: &Rect| r.min.y + metrics.header_height / 2.0;
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
    (
        from_row.map_or(header(from), |r| row_center_y(from, metrics, r)),
        to_row.map_or(header(to), |r| row_center_y(to, metrics, r)),
    )
}

/// The rows a highlighted relationship marks: its columns and the referenced columns.
fn highlight_rows(table: &Table, fk: &ForeignKey, target: TableId) -> HighlightRows {
    let referenced = fk.referenced_columns.iter().filter_map(|c| match c {
        ColumnRef::Resolved(id) => Some(*id),
        ColumnRef::Unresolved(_) => None,
    });
    if target == table.id {
        vec![(
            table.id,
            fk.columns.iter().copied().chain(referenced).collect(),
        )]
    } else {
        vec![
            (table.id, fk.columns.clone()),
            (target, referenced.collect()),
        ]
    }
}

/// Pushes every shown relationship's line and notation and its hit area: faded ones first,
/// then the others, the highlighted one last (on top). Returns the rows to highlight.
#[allow(clippy::too_many_arguments)]
pub(super) fn relationships(
    doc: &Document,
    (palette, faded): (&Palette, &Palette),
    metrics: &Metrics,
    emphasis: &Emphasis,
    visible: Option<Rect>,
    rects: &TableRects,
    detail: Detail,
    scene: &mut Scene,
) -> HighlightRows {
    let mut obstacles: Option<Obstacles> = None;
    let (mut back, mut front, mut top) = (Layer::default(), Layer::default(), Layer::default());
    let mut highlight = Vec::new();
    if detail == Detail::Outlines {
        front.primitives.reserve(doc.foreign_key_count());
    }
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
            if visible.is_some_and(|v| !v.intersects(&from.union(to))) {
                continue;
            }
            let id = (table.id, fk.id);
            let highlighted = emphasis.relationship == Some(id);
            let dimmed =
                !highlighted && (emphasis.is_faded(table.id) || emphasis.is_faded(target_id));
            let (layer, color, width) = if highlighted {
                highlight = highlight_rows(table, fk, target_id);
                (&mut top, palette.relationship_highlight, 2.5)
            } else if dimmed {
                (&mut back, faded.relationship, 1.5)
            } else {
                (&mut front, palette.relationship, 1.5)
            };
            if detail == Detail::Outlines {
                // Crow's feet and elbows are too small to see: one straight line, and too
                // thin to point at, so it is not recorded for hit testing.
                layer.primitives.push(Primitive::Line {
                    points: vec![from.center(), to.center()],
                    width: width - 0.5,
                    color,
                });
                continue;
            }
            let (from_y, to_y) = anchors(table, fk, target, (from, to), metrics);
            let lane = lane(table, fk, target);
            let obstacles =
                obstacles.get_or_insert_with(|| Obstacles::new(rects.values().copied().collect()));
            let route = if table.id == target_id {
                routing::self_loop(obstacles, *from, from_y, to_y, lane)
            } else {
                let from = End {
                    rect: *from,
                    y: from_y,
                };
                let to = End { rect: *to, y: to_y };
                routing::route(obstacles, from, to, lane)
            };
            layer.primitives.push(Primitive::Line {
                points: route.points.clone(),
                width,
                color,
            });
            if detail == Detail::Full {
                // With names only the notation would be a few pixels: left out.
                let pen = Pen {
                    width,
                    color,
                    fill: palette.background,
                };
                let cardinality = Cardinality::of(table, fk);
                notation::ends(&route, cardinality, pen, &mut layer.primitives);
            }
            layer.shapes.push(RelationshipShape {
                id,
                points: route.points,
            });
        }
    }
    back.append_to(scene);
    front.append_to(scene);
    top.append_to(scene);
    highlight
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
