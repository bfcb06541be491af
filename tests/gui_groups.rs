//! Groups (subject areas, bounded contexts) and sticky notes, driven through the editor as a
//! user would: keys, menus, clicks and drags on the canvas, the inspector.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::{Picked, SchemataApp};
use schemata::model::{Dialect, GroupId, Position, QualifiedName, TableId};
use schemata::render::{Metrics, regions, table_rect};

fn harness(app: SchemataApp) -> Harness<'static, SchemataApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 30.0)
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut SchemataApp| app.show(ui), app)
}

const SQL: &str = "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));
CREATE TABLE products (id bigint PRIMARY KEY, title text NOT NULL);";

fn design() -> Harness<'static, SchemataApp> {
    let mut doc = schemata::sql::import_sql(SQL, "design.sql", Some(Dialect::Postgres)).doc;
    schemata::layout::place_unplaced(&mut doc);
    let mut h = harness(SchemataApp::new(doc, None));
    h.run();
    h
}

fn table_id(app: &SchemataApp, name: &str) -> TableId {
    app.doc()
        .table_named(&QualifiedName::new(name))
        .map(|t| t.id)
        .unwrap_or_else(|| panic!("table {name} missing"))
}

fn position(app: &SchemataApp, name: &str) -> Position {
    app.doc().table(table_id(app, name)).unwrap().position
}

fn press(h: &mut Harness<'_, SchemataApp>, modifiers: egui::Modifiers, key: egui::Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn drag(h: &mut Harness<'_, SchemataApp>, start: egui::Pos2, delta: egui::Vec2) {
    h.drag_at(start);
    h.hover_at(start + delta * 0.5);
    h.hover_at(start + delta);
    h.drop_at(start + delta);
    h.run();
}

/// Selects orders and customers with a click and a Shift+click, then groups them (Ctrl+G).
fn group_two(h: &mut Harness<'_, SchemataApp>) -> GroupId {
    h.get_by_label("Table orders").click();
    h.run();
    h.get_by_label("Table customers")
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run();
    assert_eq!(h.state().selection.len(), 2);
    press(h, egui::Modifiers::COMMAND, egui::Key::G);
    let doc = h.state().doc();
    assert_eq!(doc.groups.len(), 1, "Ctrl+G creates a group");
    *doc.groups.keys().next().unwrap()
}

/// The screen position of the middle of a group's label band, from the viewport.
fn band_center(app: &SchemataApp, group: GroupId) -> egui::Pos2 {
    let doc = app.doc();
    let metrics = Metrics::default();
    let rects = doc
        .tables
        .values()
        .map(|t| (t.id, table_rect(doc, t, &metrics)))
        .collect();
    let (_, band) = regions::group_region(doc, &doc.groups[&group], &rects).unwrap();
    let origin = app.canvas.last_rect.unwrap().min;
    app.canvas.viewport.screen_from_world(origin, band.center())
}

#[test]
fn ctrl_g_groups_the_selection_and_dragging_the_band_moves_the_tables_in_one_step() {
    let mut h = design();
    let group = group_two(&mut h);
    let app = h.state();
    let doc = app.doc();
    assert_eq!(doc.groups[&group].name, "Group 1");
    for name in ["orders", "customers"] {
        assert_eq!(doc.table(table_id(app, name)).unwrap().group, Some(group));
    }
    assert_eq!(doc.table(table_id(app, "products")).unwrap().group, None);
    assert_eq!(app.picked, Some(Picked::Group(group)));
    assert!(app.selection.is_empty());
    // The inspector shows the group with its name ready to edit.
    assert!(h.get_by_label("Group name").is_focused());
    h.get_by_label("Group Group 1");

    let before: Vec<Position> = ["orders", "customers", "products"]
        .iter()
        .map(|n| position(h.state(), n))
        .collect();
    let start = band_center(h.state(), group);
    drag(&mut h, start, egui::vec2(150.0, 90.0));
    let after: Vec<Position> = ["orders", "customers", "products"]
        .iter()
        .map(|n| position(h.state(), n))
        .collect();
    let moved = |i: usize| (after[i].x - before[i].x, after[i].y - before[i].y);
    assert!(
        moved(0).0 > 0.0 && moved(0).1 > 0.0,
        "{before:?} -> {after:?}"
    );
    assert_eq!(moved(0), moved(1), "both members moved by the same delta");
    assert_eq!(moved(2), (0.0, 0.0), "a table outside the group stays");
    assert_eq!(h.state().picked, Some(Picked::Group(group)));

    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    for (name, was) in ["orders", "customers"].iter().zip(&before) {
        assert_eq!(position(h.state(), name), *was, "one undo restores {name}");
    }
    assert_eq!(h.state().doc().groups.len(), 1, "the group itself stays");
}

#[test]
fn the_bounded_context_checkbox_sets_the_flag() {
    let mut h = design();
    let group = group_two(&mut h);
    h.get_by_label("Bounded context").click();
    h.run();
    assert!(h.state().doc().groups[&group].bounded_context);
    h.get_by_label("Bounded context").click();
    h.run();
    assert!(!h.state().doc().groups[&group].bounded_context);
}

#[test]
fn a_note_is_added_next_to_the_selected_table_typed_and_moved() {
    let mut h = design();
    h.get_by_label("Table orders").click();
    h.run();
    h.get_by_label("Arrange").click();
    h.run();
    h.get_by_label("Add note").click();
    h.run();
    let orders = table_id(h.state(), "orders");
    let (&id, note) = h.state().doc().notes.iter().next().expect("a note");
    assert_eq!(note.attached_to, Some(orders));
    assert_eq!(h.state().picked, Some(Picked::Note(id)));
    assert!(h.get_by_label("Note text").is_focused());
    h.get_by_label("Note text")
        .type_text("Prices are frozen at checkout");
    h.run();
    assert_eq!(
        h.state().doc().notes[&id].text,
        "Prices are frozen at checkout"
    );
    assert_eq!(h.state().history.undo_label(), Some("Edit note"));

    // Dragging the note moves it as one step.
    let at = h.state().doc().notes[&id].position;
    let start = h
        .get_by_label("Note Prices are frozen at checkout")
        .rect()
        .center();
    drag(&mut h, start, egui::vec2(100.0, 60.0));
    let moved = h.state().doc().notes[&id].position;
    assert!(moved.x > at.x && moved.y > at.y, "{at:?} -> {moved:?}");
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(h.state().doc().notes[&id].position, at);
    // The typing was one step too: the next undo empties the note.
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(h.state().doc().notes[&id].text, "");

    // F2 on the picked note puts the keyboard in its text.
    press(&mut h, egui::Modifiers::NONE, egui::Key::F2);
    assert!(h.get_by_label("Note text").is_focused());

    // So does a double-click on the note, after a click elsewhere dropped the pick.
    h.get_by_label("Diagram canvas").click();
    h.run();
    assert_eq!(h.state().picked, None);
    // Long enough after that click for the next two to be a double-click of their own.
    for _ in 0..12 {
        h.step();
    }
    h.get_by_label_contains("Note").click();
    h.step();
    h.get_by_label_contains("Note").click();
    h.run();
    assert_eq!(h.state().picked, Some(Picked::Note(id)));
    assert!(h.get_by_label("Note text").is_focused());
}

#[test]
fn deleting_or_ungrouping_a_group_keeps_its_tables() {
    let mut h = design();
    let group = group_two(&mut h);
    // Clicking the band picks the group (and leaves the name field); Delete removes it.
    let band = band_center(h.state(), group);
    h.get_by_label("Diagram canvas").click();
    h.run();
    assert_eq!(
        h.state().picked,
        None,
        "a click on empty canvas clears the pick"
    );
    h.hover_at(band);
    h.drag_at(band);
    h.drop_at(band);
    h.run();
    assert_eq!(h.state().picked, Some(Picked::Group(group)));
    press(&mut h, egui::Modifiers::NONE, egui::Key::Delete);
    assert!(h.state().doc().groups.is_empty());
    assert_eq!(h.state().doc().tables.len(), 3);
    assert!(h.state().doc().tables.values().all(|t| t.group.is_none()));
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(h.state().doc().groups.len(), 1);

    // Ungroup (Ctrl+Shift+G) on a selected member removes its group.
    h.get_by_label("Table orders").click();
    h.run();
    press(
        &mut h,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::G,
    );
    assert!(h.state().doc().groups.is_empty());
    assert_eq!(h.state().doc().tables.len(), 3);
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);

    // The inspector's button does the same.
    h.get_by_label("Table orders").click();
    h.run();
    assert!(h.state().picked.is_none());
    h.state_mut().picked = Some(Picked::Group(group));
    h.run();
    h.get_by_label("Delete group").click();
    h.run();
    assert!(h.state().doc().groups.is_empty());
    assert_eq!(h.state().doc().tables.len(), 3);
    assert_eq!(h.state().picked, None);
}
