//! Shelf placement: tables in rows, left to right, wrapping at a width that makes the whole
//! arrangement roughly as wide as it is tall. Fast, overlap-free, and good enough until the
//! layered layout arranges tables by their relationships.

use std::sync::Arc;

use crate::model::{Document, Position, TableId};
use crate::render::{Metrics, table_rect};

/// Horizontal and vertical space between tables.
const GAP: f32 = 60.0;

/// Places the given tables in rows starting below everything else on the canvas.
pub fn place_tables(doc: &mut Document, tables: &[TableId]) {
    let metrics = Metrics::default();
    let others = doc
        .tables
        .values()
        .filter(|t| !tables.contains(&t.id))
        .map(|t| table_rect(doc, t, &metrics))
        .reduce(|a, b| a.union(&b));
    let top = others.map_or(0.0, |r| r.max.y + GAP * 2.0);
    let left = others.map_or(0.0, |r| r.min.x);
    let sizes: Vec<(TableId, f32, f32)> = tables
        .iter()
        .filter_map(|id| doc.table(*id))
        .map(|t| {
            let r = table_rect(doc, t, &metrics);
            (t.id, r.width(), r.height())
        })
        .collect();
    let area: f32 = sizes.iter().map(|(_, w, h)| (w + GAP) * (h + GAP)).sum();
    let widest = sizes.iter().map(|(_, w, _)| *w).fold(0.0, f32::max);
    // Aim for the proportions of a wide window.
    let row_width = (area * 1.6).sqrt().max(widest);
    let (mut x, mut y, mut row_height) = (left, top, 0.0_f32);
    for (id, width, height) in sizes {
        if x > left && x - left + width > row_width {
            x = left;
            y += row_height + GAP;
            row_height = 0.0;
        }
        if let Some(table) = doc.tables.get_mut(&id) {
            Arc::make_mut(table).position = Position::new(x, y);
        }
        x += width + GAP;
        row_height = row_height.max(height);
    }
}

/// Places all tables of `incoming` in rows below the tables of `existing`, so a merge does not
/// overlap anything already on the canvas.
pub fn place_below(existing: &Document, incoming: &mut Document) {
    let bounds = crate::render::scene::diagram_bounds(existing, &Metrics::default());
    let ids: Vec<TableId> = incoming.tables.keys().copied().collect();
    place_tables(incoming, &ids);
    if let Some(bounds) = bounds {
        for table in incoming.tables.values_mut() {
            let table = Arc::make_mut(table);
            table.position.x += bounds.min.x;
            table.position.y += bounds.max.y + GAP * 2.0;
        }
    }
}

/// Places every table still at the origin (as imported tables are), unless it is the only one.
pub fn place_unplaced(doc: &mut Document) {
    let unplaced: Vec<TableId> = doc
        .tables
        .values()
        .filter(|t| t.position == Position::default())
        .map(|t| t.id)
        .collect();
    if unplaced.len() > 1 || (unplaced.len() == 1 && doc.tables.len() > 1) {
        place_tables(doc, &unplaced);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, DataType, QualifiedName, Table, TypeKind};

    #[test]
    fn placed_tables_do_not_overlap() {
        let mut doc = Document::new();
        for i in 0..40 {
            let mut table = Table::new(QualifiedName::new(format!("table_{i}")));
            for c in 0..(i % 7 + 1) {
                table.columns.push(Column::new(
                    format!("column_{c}"),
                    DataType::new(TypeKind::Text),
                ));
            }
            crate::model::apply(&mut doc, crate::model::Edit::AddTable(table)).unwrap();
        }
        place_unplaced(&mut doc);
        let metrics = Metrics::default();
        let rects: Vec<_> = doc
            .tables
            .values()
            .map(|t| table_rect(&doc, t, &metrics))
            .collect();
        for (i, a) in rects.iter().enumerate() {
            for b in rects.iter().skip(i + 1) {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
        }
    }
}
