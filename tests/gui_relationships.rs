//! Relationships on the canvas, driven with the mouse and keyboard: drawing a foreign key
//! from a column's connector, creating the referencing column by dropping on a header, the
//! many-to-many helper, and selecting a relationship for the inspector.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use std::collections::BTreeSet;
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::{Picked, SchemataApp};
use schemata::model::{
    ColumnRef, Dialect, Position, QualifiedName, ReferentialAction, Table, TableId, TableRef,
};
use schemata::render::{Metrics, Palette, Point, build_scene, table_rect};

const SQL: &str = "
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric);
CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric NOT NULL);
CREATE TABLE products (id bigint PRIMARY KEY, title text NOT NULL);
CREATE TABLE tags (id integer PRIMARY KEY, label text NOT NULL);
";

fn harness() -> Harness<'static, SchemataApp> {
    let mut doc = schemata::sql::import_sql(SQL, "design.sql", Some(Dialect::Postgres)).doc;
    let spots = [
        ("customers", 0.0, 0.0),
        ("orders", 420.0, 0.0),
        ("invoices", 0.0, 260.0),
        ("products", 840.0, 0.0),
        ("tags", 840.0, 260.0),
    ];
    for (name, x, y) in spots {
        let id = doc.table_named(&QualifiedName::new(name)).unwrap().id;
        Arc::make_mut(doc.tables.get_mut(&id).unwrap()).position = Position::new(x, y);
    }
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 30.0)
        .with_max_steps(16)
        .build_ui_state(
            |ui, app: &mut SchemataApp| app.show(ui),
            SchemataApp::new(doc, None),
        );
    h.run();
    h
}

fn table<'a>(app: &'a SchemataApp, name: &str) -> &'a Table {
    app.doc().table_named(&QualifiedName::new(name)).unwrap()
}

fn id(app: &SchemataApp, name: &str) -> TableId {
    table(app, name).id
}

/// The screen position of a world point.
fn screen(app: &SchemataApp, p: Point) -> egui::Pos2 {
    let origin = app.canvas.last_rect.unwrap().min;
    app.canvas.viewport.screen_from_world(origin, p)
}

/// The connector at the right end of a column row.
fn connector(app: &SchemataApp, table_name: &str, column: &str) -> egui::Pos2 {
    let t = table(app, table_name);
    let rect = table_rect(app.doc(), t, &Metrics::default());
    let row = t.columns.iter().position(|c| c.name == column).unwrap();
    let y = rect.min.y + 28.0 + 20.0 * (row as f32 + 0.5);
    screen(app, Point::new(rect.max.x - 2.0, y))
}

/// The middle of a column row.
fn row(app: &SchemataApp, table_name: &str, column: &str) -> egui::Pos2 {
    let t = table(app, table_name);
    let rect = table_rect(app.doc(), t, &Metrics::default());
    let row = t.columns.iter().position(|c| c.name == column).unwrap();
    let y = rect.min.y + 28.0 + 20.0 * (row as f32 + 0.5);
    screen(app, Point::new(rect.center().x, y))
}

fn header(app: &SchemataApp, table_name: &str) -> egui::Pos2 {
    let rect = table_rect(app.doc(), table(app, table_name), &Metrics::default());
    screen(app, Point::new(rect.center().x, rect.min.y + 14.0))
}

fn drag(h: &mut Harness<'static, SchemataApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    for t in [0.3, 0.7, 1.0] {
        h.hover_at(from + (to - from) * t);
        h.step();
    }
    h.drop_at(to);
    h.run();
}

fn undo(h: &mut Harness<'static, SchemataApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
}

#[test]
fn dragging_from_a_column_connector_to_a_key_creates_the_foreign_key() {
    let mut h = harness();
    let (from, to) = (
        connector(h.state(), "orders", "customer_id"),
        row(h.state(), "customers", "id"),
    );
    drag(&mut h, from, to);
    let orders = table(h.state(), "orders");
    assert_eq!(orders.foreign_keys.len(), 1, "one foreign key drawn");
    let fk = &orders.foreign_keys[0];
    let customers = table(h.state(), "customers");
    assert_eq!(fk.referenced_table, TableRef::Resolved(customers.id));
    assert_eq!(
        fk.columns,
        vec![orders.column_named("customer_id").unwrap().id]
    );
    assert_eq!(
        fk.referenced_columns,
        vec![ColumnRef::Resolved(
            customers.column_named("id").unwrap().id
        )]
    );
    // The tables stayed where they were, and the new relationship is in the inspector.
    assert_eq!(
        table(h.state(), "orders").position,
        Position::new(420.0, 0.0)
    );
    assert_eq!(
        h.state().picked,
        Some(Picked::Relationship((orders.id, fk.id)))
    );
    assert!(h.query_by_label("Relationship name").is_some());
    undo(&mut h);
    assert!(
        table(h.state(), "orders").foreign_keys.is_empty(),
        "one step"
    );
}

#[test]
fn dragging_from_a_key_onto_a_header_adds_the_referencing_column() {
    let mut h = harness();
    let (from, to) = (
        connector(h.state(), "customers", "id"),
        header(h.state(), "invoices"),
    );
    drag(&mut h, from, to);
    let invoices = table(h.state(), "invoices");
    let column = invoices.column_named("customer_id").expect("column added");
    assert!(!column.nullable);
    assert_eq!(
        column.data_type.kind,
        schemata::model::TypeKind::BigInt,
        "typed like the key"
    );
    assert_eq!(invoices.foreign_keys.len(), 1);
    assert_eq!(invoices.foreign_keys[0].columns, vec![column.id]);
    assert_eq!(
        invoices.foreign_keys[0].referenced_table,
        TableRef::Resolved(id(h.state(), "customers"))
    );
    undo(&mut h);
    let invoices = table(h.state(), "invoices");
    assert!(invoices.column_named("customer_id").is_none() && invoices.foreign_keys.is_empty());
}

#[test]
fn the_many_to_many_helper_adds_a_junction_table() {
    let mut h = harness();
    h.get_by_label("Table products").click();
    h.run();
    h.get_by_label("Table tags")
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run();
    assert_eq!(h.state().selection.len(), 2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    h.run();
    let junction = table(h.state(), "product_tag").clone();
    let names: Vec<&str> = junction.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["product_id", "tag_id"]);
    let pk = junction.primary_key.as_ref().unwrap();
    assert_eq!(pk.columns.len(), 2, "composite primary key");
    let targets: BTreeSet<TableId> = junction
        .foreign_keys
        .iter()
        .map(|fk| match fk.referenced_table {
            TableRef::Resolved(t) => t,
            TableRef::Unresolved(_) => panic!("unresolved"),
        })
        .collect();
    assert_eq!(
        targets,
        BTreeSet::from([id(h.state(), "products"), id(h.state(), "tags")])
    );
    assert!(
        junction
            .foreign_keys
            .iter()
            .all(|fk| fk.on_delete == ReferentialAction::Cascade)
    );
    // The tag column keeps the integer type of its key; the new table is selected.
    assert_eq!(
        junction.columns[1].data_type.kind,
        schemata::model::TypeKind::Integer
    );
    assert_eq!(h.state().selection, BTreeSet::from([junction.id]));
    undo(&mut h);
    assert!(
        h.state()
            .doc()
            .table_named(&QualifiedName::new("product_tag"))
            .is_none()
    );
}

#[test]
fn a_relationship_is_highlighted_on_hover_and_selected_by_a_click() {
    let mut h = harness();
    let (from, to) = (
        connector(h.state(), "orders", "customer_id"),
        row(h.state(), "customers", "id"),
    );
    drag(&mut h, from, to);
    h.state_mut().picked = None;
    h.run();
    let scene = build_scene(
        h.state().doc(),
        &Palette::LIGHT,
        &Metrics::default(),
        &BTreeSet::new(),
        None,
    );
    let shape = scene.relationships.first().expect("drawn").clone();
    // A point on the longest segment of the route.
    let (a, b) = shape
        .points
        .windows(2)
        .map(|w| (w[0], w[1]))
        .max_by(|x, y| {
            let len = |(a, b): &(Point, Point)| (b.x - a.x).abs() + (b.y - a.y).abs();
            len(x).total_cmp(&len(y))
        })
        .unwrap();
    let on_line = screen(h.state(), Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0));
    h.hover_at(on_line);
    h.run();
    assert_eq!(h.state().canvas.hovered_relationship, Some(shape.id));
    h.drag_at(on_line);
    h.step();
    h.drop_at(on_line);
    h.run();
    assert_eq!(h.state().picked, Some(Picked::Relationship(shape.id)));
    assert!(h.state().selection.is_empty());
    // The inspector changes it: required off, then removed.
    h.get_by_label("Required (referencing columns NOT NULL)")
        .click();
    h.run();
    let orders = table(h.state(), "orders");
    assert!(orders.column_named("customer_id").unwrap().nullable);
    h.get_by_label("Delete relationship").click();
    h.run();
    assert!(table(h.state(), "orders").foreign_keys.is_empty());
    assert_eq!(h.state().picked, None);
}
