//! Getting around large diagrams: the command palette, Find, the minimap, focus mode and the
//! theme choice, driven through the UI as a user would.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use std::collections::BTreeSet;

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::{Action, Command, SchemataApp, ThemeChoice};
use schemata::model::{Dialect, QualifiedName, TableId};

fn harness(app: SchemataApp) -> Harness<'static, SchemataApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 30.0)
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut SchemataApp| app.show(ui), app)
}

fn app_with(sql: &str) -> SchemataApp {
    let mut doc = schemata::sql::import_sql(sql, "design.sql", Some(Dialect::Postgres)).doc;
    schemata::layout::place_unplaced(&mut doc);
    SchemataApp::new(doc, None)
}

/// A diagram of many tables, far larger than the view at 100 %.
fn large_app() -> SchemataApp {
    app_with(&schemata::samples::generated_schema(1200))
}

fn table_id(app: &SchemataApp, name: &str) -> TableId {
    app.doc()
        .table_named(&QualifiedName::new(name))
        .map(|t| t.id)
        .unwrap_or_else(|| panic!("table {name} missing"))
}

/// The world point in the middle of the canvas.
fn view_center(app: &SchemataApp) -> schemata::render::Point {
    let rect = app.canvas.last_rect.expect("the canvas was shown");
    app.canvas.viewport.world_center(rect)
}

fn click_at(h: &mut Harness<'_, SchemataApp>, pos: Pos2) {
    h.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
}

fn open_palette(h: &mut Harness<'_, SchemataApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(h.state().palette.open, "Ctrl+K opens the palette");
    assert!(h.get_by_label("Command filter").is_focused());
}

fn run_from_palette(h: &mut Harness<'_, SchemataApp>, filter: &str) {
    open_palette(h);
    h.get_by_label("Command filter").type_text(filter);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        !h.state().palette.open,
        "running an action closes the palette"
    );
}

#[test]
fn the_palette_lists_every_action_when_the_filter_is_empty() {
    let mut h = harness(SchemataApp::with_sample());
    h.run();
    open_palette(&mut h);
    for action in Action::ALL {
        let label = action.label().trim_end_matches('…');
        assert!(
            h.query_all_by_label_contains(label).next().is_some(),
            "{action:?} ({label}) is listed"
        );
    }
    assert!(
        h.query_all_by_label_contains("…").next().is_none(),
        "labels are listed without the ellipsis"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().palette.open, "Escape closes the palette");
    assert!(!h.state().problems.open, "and runs nothing");
}

#[test]
fn the_palette_runs_the_filtered_action_with_enter_or_a_click() {
    let mut h = harness(SchemataApp::with_sample());
    h.run();
    assert!(!h.state().problems.open);
    run_from_palette(&mut h, "problems");
    assert!(h.state().problems.open, "Enter ran Problems");

    // Arrow keys move the highlight: "zoom" lists Zoom in, Zoom out, ... in menu order.
    let zoom = h.state().canvas.viewport.zoom;
    open_palette(&mut h);
    h.get_by_label("Command filter").type_text("zoom");
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().palette.highlight, 1);
    h.key_press(Key::Enter);
    h.run();
    let zoomed_out = h.state().canvas.viewport.zoom;
    assert!(zoomed_out < zoom, "the second row, Zoom out, ran");

    open_palette(&mut h);
    h.get_by_label("Command filter").type_text("zoom in");
    h.run();
    h.get_by_label_contains("Zoom in").click();
    h.run();
    assert!(!h.state().palette.open);
    assert!(
        h.state().canvas.viewport.zoom > zoomed_out,
        "the click ran Zoom in"
    );
}

#[test]
fn find_jumps_to_a_table_among_many() {
    let mut h = harness(large_app());
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.state().find.open, "Ctrl+F opens Find");
    h.get_by_label("Find text").type_text("T1111");
    h.run();
    assert_eq!(
        h.state().find.hits().first().map(|hit| hit.text.as_str()),
        Some("t1111"),
        "the exact name ranks first"
    );
    h.key_press(Key::Enter);
    h.run();
    let app = h.state();
    assert!(!app.find.open);
    let id = table_id(app, "t1111");
    assert_eq!(app.selection, BTreeSet::from([id]));
    let table = app.doc().table(id).unwrap();
    let rect =
        schemata::render::table_rect(app.doc(), table, &schemata::render::Metrics::default());
    assert!(
        rect.contains(view_center(app)),
        "the view is centred on the table"
    );
}

#[test]
fn find_jumps_to_a_column_by_click() {
    let mut h = harness(large_app());
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find text").type_text("t42.label");
    h.run();
    h.get_by_label_contains("t42.label").click();
    h.run();
    let id = table_id(h.state(), "t42");
    assert_eq!(h.state().selection, BTreeSet::from([id]));
    assert!(!h.state().find.open);
}

#[test]
fn the_minimap_pans_the_view_where_it_is_clicked() {
    let mut h = harness(large_app());
    h.run();
    // At 100 % the diagram is much larger than the view: the minimap shows by itself.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!(h.state().canvas.minimap.shown);
    let map = h.get_by_label("Minimap").rect();
    let before = view_center(h.state());
    click_at(&mut h, map.max - egui::vec2(8.0, 8.0));
    let after = view_center(h.state());
    assert!(
        after.x > before.x + 100.0 && after.y > before.y + 100.0,
        "the view moved toward the bottom-right corner: {before:?} -> {after:?}"
    );
    click_at(&mut h, map.min + egui::vec2(8.0, 8.0));
    let back = view_center(h.state());
    assert!(back.x < after.x && back.y < after.y);

    // Dragging on it pans along.
    let start = map.center();
    h.event(egui::Event::PointerMoved(start));
    h.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.step();
    let middle = view_center(h.state());
    for dx in [10.0, 20.0, 30.0] {
        h.event(egui::Event::PointerMoved(start + egui::vec2(dx, 0.0)));
        h.step();
    }
    let dragged = view_center(h.state());
    h.event(egui::Event::PointerButton {
        pos: start + egui::vec2(30.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert!(dragged.x > middle.x, "dragging right pans right");

    // View → Minimap (here from the palette) hides it.
    run_from_palette(&mut h, "minimap");
    assert!(!h.state().canvas.minimap.shown);
    assert!(h.query_by_label("Minimap").is_none());
}

#[test]
fn the_minimap_stays_hidden_while_everything_is_in_view() {
    let mut h = harness(app_with("CREATE TABLE a (id int);"));
    h.run();
    assert!(!h.state().canvas.minimap.shown);
    assert!(h.query_by_label("Minimap").is_none());
}

const CHAIN: &str = "CREATE TABLE a (id int PRIMARY KEY);
    CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
    CREATE TABLE c (id int PRIMARY KEY, b_id int REFERENCES b (id));
    CREATE TABLE d (id int PRIMARY KEY, c_id int REFERENCES c (id));";

#[test]
fn focus_mode_keeps_the_selection_and_its_neighbours() {
    let mut h = harness(app_with(CHAIN));
    h.run();
    let [a, b, c, d] = ["a", "b", "c", "d"].map(|n| table_id(h.state(), n));
    h.get_by_label("Table b").click();
    h.run();
    assert_eq!(h.state().selection, BTreeSet::from([b]));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    assert!(h.state().focus.on, "Ctrl+Shift+F turns focus on");
    assert!(!h.state().find.open, "and does not open Find");
    assert_eq!(h.state().canvas.focus, Some(BTreeSet::from([a, b, c])));
    assert!(
        h.query_by_label("Focus").is_some(),
        "the status bar says so"
    );

    // A new selection moves the focus.
    h.get_by_label("Table d").click();
    h.run();
    assert_eq!(h.state().canvas.focus, Some(BTreeSet::from([c, d])));

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    assert!(!h.state().focus.on);
    assert_eq!(h.state().canvas.focus, None, "off: nothing is faded");
    assert!(h.query_by_label("Focus").is_none());
}

#[test]
fn the_theme_follows_the_choice_and_survives_a_new_document() {
    let mut h = harness(SchemataApp::with_sample());
    h.run();
    assert_eq!(
        h.state().theme,
        ThemeChoice::System,
        "the system decides by default"
    );
    run_from_palette(&mut h, "theme: dark");
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    run_from_palette(&mut h, "theme: system");
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::System
    );

    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Theme").hover();
    h.run();
    h.get_by_label("Light").click();
    h.run();
    assert_eq!(h.state().theme, ThemeChoice::Light);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);

    h.state_mut().queue(Command::Action(Action::New));
    h.run();
    assert!(h.state().doc().tables.is_empty(), "a new document");
    assert_eq!(h.state().theme, ThemeChoice::Light);
    assert_eq!(h.ctx.theme(), egui::Theme::Light, "the theme stays");
}
