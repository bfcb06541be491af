//! Placing new tables without moving the ones already on the canvas: imported or pasted
//! tables are laid out among themselves and the block lands next to the tables it relates to
//! (or below the diagram when it relates to none), on free space.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::auto::auto_layout;
use crate::model::{Document, Position, Table, TableId, TableRef};
use crate::render::{Metrics, Point, Rect, table_rect};

/// Space kept between the placed block and existing tables.
const GAP: f32 = 80.0;
/// Step of the search for free space around the preferred spot.
const STEP: f32 = 120.0;

/// Names an incoming table refers to by foreign key, and names referring to it.
fn related_names(table: &Table) -> impl Iterator<Item = String> + '_ {
    table
        .foreign_keys
        .iter()
        .filter_map(|fk| match &fk.referenced_table {
            TableRef::Unresolved(name) => Some(name.to_string()),
            TableRef::Resolved(_) => None,
        })
}

/// The area of the existing tables the incoming ones relate to, by name in either direction.
fn related_area(existing: &Document, incoming: &Document, metrics: &Metrics) -> Option<Rect> {
    let incoming_names: BTreeSet<String> = incoming
        .tables
        .values()
        .map(|t| t.name.to_string())
        .collect();
    let mut related: BTreeSet<TableId> = BTreeSet::new();
    for table in incoming.tables.values() {
        for name in related_names(table) {
            if let Some(target) = existing.table_named(&crate::model::QualifiedName::parse(&name)) {
                related.insert(target.id);
            }
        }
    }
    for table in existing.tables.values() {
        if related_names(table).any(|n| incoming_names.contains(&n)) {
            related.insert(table.id);
        }
    }
    related
        .iter()
        .filter_map(|id| existing.table(*id))
        .map(|t| table_rect(existing, t, metrics))
        .reduce(|a, b| a.union(&b))
}

/// The first spot for a `width` × `height` block, trying beside `near` (right, below, left,
/// above) and then rings further out, where it overlaps none of `occupied`.
fn free_spot(occupied: &[Rect], near: Rect, width: f32, height: f32) -> Point {
    let fits = |p: Point| {
        let block = Rect::from_min_size(p, width, height).expand(GAP);
        !occupied.iter().any(|r| r.intersects(&block))
    };
    let beside = [
        Point::new(near.max.x + GAP, near.min.y),
        Point::new(near.min.x, near.max.y + GAP),
        Point::new(near.min.x - GAP - width, near.min.y),
        Point::new(near.min.x, near.min.y - GAP - height),
    ];
    if let Some(p) = beside.into_iter().find(|p| fits(*p)) {
        return p;
    }
    let start = beside[0];
    for ring in 1..60 {
        let reach = ring as f32 * STEP;
        let mut candidates = Vec::new();
        let steps = ring * 2;
        for i in 0..=steps {
            let t = -reach + i as f32 * STEP;
            candidates.push(Point::new(start.x + reach, start.y + t));
            candidates.push(Point::new(start.x + t, start.y + reach));
            candidates.push(Point::new(start.x - reach, start.y + t));
            candidates.push(Point::new(start.x + t, start.y - reach));
        }
        if let Some(p) = candidates.into_iter().find(|p| fits(*p)) {
            return p;
        }
    }
    // Below everything always fits.
    let bottom = occupied.iter().map(|r| r.max.y).fold(near.max.y, f32::max);
    Point::new(near.min.x, bottom + GAP)
}

/// Lays out every table of `incoming` (an import or a paste) and moves the block next to the
/// tables of `existing` it relates to by name, or below the diagram, on free space; nothing in
/// `existing` moves.
pub fn place_below(existing: &Document, incoming: &mut Document) {
    let moves = auto_layout(incoming, None);
    for (id, position) in moves {
        if let Some(table) = incoming.tables.get_mut(&id) {
            Arc::make_mut(table).position = position;
        }
    }
    let metrics = Metrics::default();
    let occupied: Vec<Rect> = existing
        .tables
        .values()
        .map(|t| table_rect(existing, t, &metrics))
        .collect();
    let (Some(block), Some(diagram)) = (
        crate::render::scene::diagram_bounds(incoming, &metrics),
        occupied.iter().copied().reduce(|a, b| a.union(&b)),
    ) else {
        return;
    };
    let spot = match related_area(existing, incoming, &metrics) {
        Some(near) => free_spot(&occupied, near, block.width(), block.height()),
        None => Point::new(diagram.min.x, diagram.max.y + 2.0 * GAP),
    };
    let (dx, dy) = (spot.x - block.min.x, spot.y - block.min.y);
    let snap = |v: f32| (v / 20.0).round() * 20.0;
    for table in incoming.tables.values_mut() {
        let table = Arc::make_mut(table);
        table.position = Position::new(snap(table.position.x + dx), snap(table.position.y + dy));
    }
}

/// Lays out the tables still at the origin (as imported tables are) with the layered layout,
/// below the tables already placed, unless only one table exists.
pub fn place_unplaced(doc: &mut Document) {
    let unplaced: BTreeSet<TableId> = doc
        .tables
        .values()
        .filter(|t| t.position == Position::default())
        .map(|t| t.id)
        .collect();
    if unplaced.is_empty() || doc.tables.len() < 2 {
        return;
    }
    let metrics = Metrics::default();
    let placed_bottom = doc
        .tables
        .values()
        .filter(|t| !unplaced.contains(&t.id))
        .map(|t| table_rect(doc, t, &metrics))
        .reduce(|a, b| a.union(&b));
    let moves = auto_layout(doc, Some(&unplaced));
    let (dx, dy) = placed_bottom.map_or((0.0, 0.0), |r| (r.min.x, r.max.y + 2.0 * GAP));
    for (id, position) in moves {
        if let Some(table) = doc.tables.get_mut(&id) {
            Arc::make_mut(table).position = Position::new(position.x + dx, position.y + dy);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dialect;

    fn import(sql: &str) -> Document {
        crate::sql::import_sql(sql, "test.sql", Some(Dialect::Postgres)).doc
    }

    #[test]
    fn an_import_lands_next_to_the_tables_it_references_without_moving_them() {
        let mut existing = import(
            "CREATE TABLE customers (id bigint PRIMARY KEY);
             CREATE TABLE products (id bigint PRIMARY KEY);",
        );
        place_unplaced(&mut existing);
        // Put products far away; the import references only customers.
        let products = existing
            .table_named(&crate::model::QualifiedName::new("products"))
            .unwrap()
            .id;
        Arc::make_mut(existing.tables.get_mut(&products).unwrap()).position =
            Position::new(4000.0, 4000.0);
        let before = existing.clone();
        let mut incoming = import(
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));
             CREATE TABLE order_notes (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));",
        );
        place_below(&existing, &mut incoming);
        assert_eq!(existing, before, "nothing existing moves");
        let metrics = Metrics::default();
        let customers = existing
            .table_named(&crate::model::QualifiedName::new("customers"))
            .unwrap();
        let anchor = table_rect(&existing, customers, &metrics);
        for table in incoming.tables.values() {
            let rect = table_rect(&incoming, table, &metrics);
            for old in existing.tables.values() {
                assert!(!rect.intersects(&table_rect(&existing, old, &metrics)));
            }
            let distance = (rect.min.x - anchor.max.x).abs() + (rect.min.y - anchor.min.y).abs();
            assert!(distance < 1500.0, "{} is {distance} away", table.name);
        }
    }

    #[test]
    fn unrelated_imports_go_below_the_diagram() {
        let mut existing = import("CREATE TABLE a (id int PRIMARY KEY);");
        Arc::make_mut(existing.tables.values_mut().next().unwrap()).position =
            Position::new(100.0, 100.0);
        let mut incoming = import("CREATE TABLE b (id int); CREATE TABLE c (id int);");
        place_below(&existing, &mut incoming);
        assert!(incoming.tables.values().all(|t| t.position.y > 150.0));
    }
}
