//! Live validation in the editor: the Problems panel, quick fixes, suppressions, rule
//! settings and canvas badges, driven through the UI as a user would.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::SchemataApp;
use schemata::model::{Dialect, QualifiedName};

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

fn has_primary_key(app: &SchemataApp, table: &str) -> bool {
    app.doc()
        .table_named(&QualifiedName::new(table))
        .is_some_and(|t| t.primary_key.is_some())
}

const SQL: &str = "CREATE TABLE event_log (message text NOT NULL);";

#[test]
fn a_problem_is_listed_selected_and_fixed_in_one_undoable_step() {
    let mut h = harness(app_with(SQL));
    h.run();
    // The status bar counts the findings; clicking it opens the panel.
    h.get_by_label_contains("warnings").click();
    h.run();
    assert!(h.state().problems.open);
    let row = h.get_by_label("event_log has no primary key");
    row.click();
    h.run();
    let id = h.state().doc().tables.keys().next().copied().unwrap();
    assert!(
        h.state().selection.contains(&id),
        "clicking selects the table"
    );
    h.get_by_label("Fix: Add a bigint identity primary key id")
        .click();
    h.run();
    assert!(has_primary_key(h.state(), "event_log"));
    assert!(h.query_by_label("event_log has no primary key").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(!has_primary_key(h.state(), "event_log"), "one undo step");
    assert!(h.query_by_label("event_log has no primary key").is_some());
}

#[test]
fn a_problem_can_be_suppressed_with_a_reason() {
    let mut h = harness(app_with(SQL));
    h.state_mut().problems.open = true;
    h.run();
    let before = h.state().problems.validator.counts();
    // The row of the missing key: its Suppress button.
    let buttons = h.get_all_by_label("Suppress…").count();
    assert!(buttons >= 1);
    h.get_all_by_label("Suppress…").next().unwrap().click();
    h.run();
    assert!(h.state().problems.suppressing.is_some());
    h.get_by_label_contains("because:").focus();
    h.run();
    h.get_by_label_contains("because:")
        .type_text("append-only log, rows are never referenced");
    h.run();
    h.get_by_label("Suppress").click_accesskit();
    h.run();
    let lint = &h.state().doc().lint;
    assert_eq!(lint.suppressions.len(), 1);
    assert_eq!(
        lint.suppressions[0].reason,
        "append-only log, rows are never referenced"
    );
    let after = h.state().problems.validator.counts();
    assert_eq!(after.suppressed, before.suppressed + 1);
}

#[test]
fn rules_can_be_turned_off_in_the_settings_window() {
    let mut h = harness(app_with(SQL));
    h.state_mut().problems.rules_open = true;
    h.run();
    let rule = h.get_by_label("table-missing-primary-key");
    rule.scroll_to_me();
    h.run();
    h.get_by_label("table-missing-primary-key").click();
    h.run();
    let setting = h
        .state()
        .doc()
        .lint
        .rule("table-missing-primary-key")
        .cloned()
        .unwrap();
    assert_eq!(setting.enabled, Some(false));
    assert!(
        !h.state()
            .problems
            .validator
            .findings()
            .any(|f| f.rule == "table-missing-primary-key")
    );
}

#[test]
fn badges_follow_edits_live() {
    let mut h = harness(app_with(
        "CREATE TABLE account (id bigint PRIMARY KEY, balance numeric(12,2));",
    ));
    h.run();
    assert!(
        h.query_by_label_contains("Problems of table event_log")
            .is_none()
    );
    let before = h.state().problems.validator.counts();
    // Pasting a table without a key adds a problem, badged on the new table.
    h.state_mut()
        .queue(schemata::app::Command::PasteSql(SQL.to_owned()));
    h.run();
    let after = h.state().problems.validator.counts();
    assert!(after.warnings > before.warnings);
    assert!(
        h.query_by_label_contains("Problems of table event_log")
            .is_some()
    );
}

/// The seed SQL imported through the editor: its import notes are listed in the Problems
/// panel by line, and the undefined enum type is fixed from there.
#[test]
fn import_notes_and_the_seed_s_missing_enum_are_fixed_from_the_panel() {
    use schemata::app::{Command, Dialog};
    let mut h = harness(SchemataApp::new(schemata::model::Document::new(), None));
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/ecommerce.sql");
    h.state_mut().queue(Command::ImportPath(seed));
    h.run();
    h.get_by_label("Import").click();
    h.step();
    for _ in 0..2000 {
        if !h.state().import_running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::ImportReport(_))));
    h.get_by_label("Close").click();
    h.run();
    h.state_mut().problems.open = true;
    h.state_mut().selection.clear();
    h.run();
    assert!(h.state().problems.validator.counts().errors >= 1);
    // The inline partial UNIQUE, by its own line; clicking it selects the table.
    h.get_by_label_contains("35:5 note: UNIQUE (customer_id, address_type, is_default)")
        .click();
    h.run();
    let addresses = h
        .state()
        .doc()
        .table_named(&QualifiedName::new("addresses"))
        .unwrap()
        .id;
    assert!(h.state().selection.contains(&addresses));
    h.get_by_label("Fix: Create enum address_type_enum (shipping)")
        .click();
    h.run();
    assert_eq!(h.state().problems.validator.counts().errors, 0);
    let created = h
        .state()
        .doc()
        .enum_named(&QualifiedName::new("address_type_enum"))
        .unwrap();
    assert_eq!(created.values, vec!["shipping".to_owned()]);
}
