//! The editor driven through its accessibility tree, as a user would: clicks, drags, keys.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::{Command, Dialog, SchemataApp};
use schemata::model::{Position, QualifiedName, TableId};

fn harness(app: SchemataApp) -> Harness<'static, SchemataApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut SchemataApp| app.show(ui), app)
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

fn drag(h: &mut Harness<'_, SchemataApp>, label: &str, delta: egui::Vec2) {
    let start = h.get_by_label(label).rect().center();
    h.drag_at(start);
    h.hover_at(start + delta * 0.5);
    h.hover_at(start + delta);
    h.drop_at(start + delta);
    h.run();
}

#[test]
fn the_sample_shows_every_table() {
    let h = harness(SchemataApp::with_sample());
    for name in [
        "customers",
        "addresses",
        "categories",
        "products",
        "orders",
        "order_items",
    ] {
        h.get_by_label(&format!("Table {name}"));
    }
    assert_eq!(h.state().title(), "ecommerce.schemata — Schemata");
}

#[test]
fn clicking_a_table_selects_it_and_clicking_the_canvas_clears() {
    let mut h = harness(SchemataApp::with_sample());
    h.get_by_label("Table orders").click();
    h.run();
    let orders = table_id(h.state(), "orders");
    assert_eq!(
        h.state().selection.iter().copied().collect::<Vec<_>>(),
        vec![orders]
    );
    h.get_by_label("Table products")
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run();
    assert_eq!(h.state().selection.len(), 2);
    let corner = h.get_by_label("Diagram canvas").rect().right_bottom() - egui::vec2(20.0, 20.0);
    h.drag_at(corner);
    h.drop_at(corner);
    h.run();
    assert!(h.state().selection.is_empty());
}

#[test]
fn without_snapping_a_drag_follows_the_pointer_exactly() {
    let mut h = harness(SchemataApp::with_sample());
    h.state_mut().canvas.snap = false;
    let before = position(h.state(), "orders");
    let zoom = h.state().canvas.viewport.zoom;
    drag(&mut h, "Table orders", egui::vec2(33.0, 17.0));
    let after = position(h.state(), "orders");
    assert!((after.x - before.x - 33.0 / zoom).abs() <= 1.0, "{after:?}");
    assert!((after.y - before.y - 17.0 / zoom).abs() <= 1.0, "{after:?}");
}

#[test]
fn dragging_a_table_moves_it_in_one_undoable_step() {
    let mut h = harness(SchemataApp::with_sample());
    let before = position(h.state(), "customers");
    let zoom = h.state().canvas.viewport.zoom;
    drag(&mut h, "Table customers", egui::vec2(120.0, 60.0));
    let after = position(h.state(), "customers");
    // Snapping to the grid is on: the table lands on the nearest 20-unit step.
    assert!(
        (after.x - before.x - 120.0 / zoom).abs() <= 10.0 && after.x % 20.0 == 0.0,
        "{before:?} → {after:?}"
    );
    assert!(
        (after.y - before.y - 60.0 / zoom).abs() <= 10.0 && after.y % 20.0 == 0.0,
        "{before:?} → {after:?}"
    );
    assert_eq!(h.state().history.undo_label(), Some("Move table customers"));
    assert!(h.state().title().starts_with('*'));

    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo Move table customers").click();
    h.run();
    assert_eq!(position(h.state(), "customers"), before);
    assert!(!h.state().title().starts_with('*'));

    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(position(h.state(), "customers"), after);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(position(h.state(), "customers"), before);
}

#[test]
fn space_and_drag_pans_without_touching_the_document() {
    let mut h = harness(SchemataApp::with_sample());
    let offset = h.state().canvas.viewport.offset;
    let corner = h.get_by_label("Diagram canvas").rect().left_bottom() + egui::vec2(15.0, -15.0);
    h.key_down(egui::Key::Space);
    h.drag_at(corner);
    h.hover_at(corner + egui::vec2(30.0, -10.0));
    h.hover_at(corner + egui::vec2(60.0, -20.0));
    h.drop_at(corner + egui::vec2(60.0, -20.0));
    h.key_up(egui::Key::Space);
    h.run();
    let moved = h.state().canvas.viewport.offset - offset;
    assert!(
        (moved - egui::vec2(60.0, -20.0)).length() < 1.0,
        "{moved:?}"
    );
    assert!(!h.state().history.is_dirty());
}

#[test]
fn ctrl_s_saves_and_the_file_reopens_identically() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.schemata");
    let mut app = SchemataApp::with_sample();
    app.queue(Command::SaveTo(path.clone()));
    let mut h = harness(app);
    h.run();
    assert_eq!(h.state().title(), "shop.schemata — Schemata");
    let first = std::fs::read_to_string(&path).unwrap();
    drag(&mut h, "Table orders", egui::vec2(40.0, 0.0));
    assert!(h.state().title().starts_with('*'));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(!h.state().title().starts_with('*'));
    let second = std::fs::read_to_string(&path).unwrap();
    assert_ne!(first, second);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("shop.schemata.bak")).unwrap(),
        first
    );
    let reopened = schemata::project::load(&path).unwrap();
    assert_eq!(schemata::project::to_text(&reopened), second);
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("empty.schemata");
    schemata::project::save(&other, &schemata::model::Document::new()).unwrap();
    let mut h = harness(SchemataApp::with_sample());
    drag(&mut h, "Table orders", egui::vec2(40.0, 40.0));
    h.state_mut().queue(Command::OpenPath(other.clone()));
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::UnsavedChanges(_))));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().dialog.is_none());
    assert_eq!(h.state().doc().tables.len(), 6, "cancel keeps the document");

    h.state_mut().queue(Command::OpenPath(other.clone()));
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert_eq!(h.state().doc().tables.len(), 0);
    assert_eq!(h.state().path.as_deref(), Some(other.as_path()));
    assert_eq!(
        h.state().recent.first().map(|p| p.file_name()),
        Some(other.file_name())
    );
}

#[test]
fn a_broken_file_shows_an_error_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.schemata");
    std::fs::write(
        &broken,
        "(format_version: 2, target: \"postgres\", tables: [(name: ",
    )
    .unwrap();
    let mut h = harness(SchemataApp::with_sample());
    h.state_mut().queue(Command::OpenPath(broken));
    h.run();
    let Some(Dialog::Error { title, message }) = h.state().dialog.clone() else {
        panic!("expected an error dialog");
    };
    assert!(title.contains("broken.schemata"), "{title}");
    assert!(message.starts_with("line 1"), "{message}");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().dialog.is_none());
    assert_eq!(h.state().doc().tables.len(), 6);
}

#[test]
fn a_failed_save_keeps_the_changes_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing-folder").join("shop.schemata");
    let mut h = harness(SchemataApp::with_sample());
    drag(&mut h, "Table orders", egui::vec2(40.0, 40.0));
    h.state_mut().queue(Command::SaveTo(target));
    h.run();
    let Some(Dialog::Error { message, .. }) = h.state().dialog.clone() else {
        panic!("expected an error dialog");
    };
    assert!(message.contains("does not exist"), "{message}");
    assert!(h.state().history.is_dirty());
    assert_eq!(h.state().path, None);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = harness(SchemataApp::with_sample());
    drag(&mut h, "Table orders", egui::vec2(40.0, 40.0));
    h.state_mut()
        .queue(Command::Action(schemata::app::Action::Quit));
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::UnsavedChanges(_))));
    assert!(!h.state().quit_requested);
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().quit_requested);
}

#[test]
fn zoom_commands_change_the_zoom_around_the_centre() {
    let mut h = harness(SchemataApp::with_sample());
    let zoom = h.state().canvas.viewport.zoom;
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Zoom in").click();
    h.run();
    assert!((h.state().canvas.viewport.zoom - zoom * 1.25).abs() < 1e-4);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    h.run();
    assert!((h.state().canvas.viewport.zoom - 1.0).abs() < 1e-4);
}

#[test]
fn the_window_close_button_asks_about_unsaved_changes() {
    let mut h = harness(SchemataApp::with_sample());
    drag(&mut h, "Table orders", egui::vec2(40.0, 40.0));
    let close = |h: &mut Harness<'_, SchemataApp>| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.run();
    };
    close(&mut h);
    assert!(matches!(h.state().dialog, Some(Dialog::UnsavedChanges(_))));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().quit_requested);
    close(&mut h);
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().quit_requested);
}
