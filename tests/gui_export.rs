//! Export from the editor: File → Export SQL… and the live SQL preview, driven through the
//! accessibility tree.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::{Command, Dialog, SchemataApp};
use schemata::model::{Edit, QualifiedName, TableChange};

fn harness(app: SchemataApp) -> Harness<'static, SchemataApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut SchemataApp| app.show(ui), app)
}

#[test]
fn export_dialog_writes_the_chosen_dialect_and_lists_warnings() {
    let mut h = harness(SchemataApp::with_sample());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export SQL…").click();
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::Export(_))));
    h.get_by_label("MySQL / MariaDB").click();
    h.run();
    // The sample's regular-expression checks and partial index do not carry to MySQL.
    h.get_by_label_contains("portability warning");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shop.sql");
    if let Some(Dialog::Export(setup)) = &mut h.state_mut().dialog {
        assert!(setup.path.ends_with(".mysql.sql"), "{}", setup.path);
        assert!(!setup.warnings.is_empty());
        setup.path = out.display().to_string();
    }
    h.run();
    h.get_by_label("Export").click();
    h.run();
    assert!(
        h.state().dialog.is_none(),
        "{:?} {}",
        h.state().dialog,
        h.state().status
    );
    let sql = std::fs::read_to_string(&out).unwrap();
    assert!(sql.contains("CREATE TABLE orders"), "{sql}");
    assert!(sql.contains("ENUM('pending'"), "{sql}");
    assert!(h.state().status.starts_with("Exported MySQL / MariaDB DDL"));
}

#[test]
fn sql_preview_follows_selection_dialect_and_edits() {
    let mut h = harness(SchemataApp::with_sample());
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::E,
    );
    h.run();
    assert!(h.state().preview.open);
    assert_eq!(h.state().preview.subject, "Whole schema");
    assert!(
        h.state()
            .preview
            .sql
            .contains("CREATE TYPE order_status AS ENUM")
    );
    h.get_by_label_contains("CREATE TABLE customers");

    // With both side panels open the table may sit behind them: select it by its label.
    h.get_by_label("Table orders").click_accesskit();
    h.run();
    assert_eq!(h.state().preview.subject, "Table orders");
    let sql = h.state().preview.sql.clone();
    assert!(sql.contains("CREATE TABLE orders") && !sql.contains("CREATE TABLE customers"));

    // Renaming the table shows at once.
    let orders = h
        .state()
        .doc()
        .table_named(&QualifiedName::new("orders"))
        .unwrap()
        .id;
    h.state_mut().queue(Command::Apply(Box::new(Edit::Table {
        table: orders,
        change: TableChange::Rename(QualifiedName::new("purchase_orders")),
    })));
    h.run();
    assert!(
        h.state()
            .preview
            .sql
            .contains("CREATE TABLE purchase_orders")
    );

    // Another dialect from the panel's picker.
    h.get_by_label("dialect").click();
    h.run();
    h.get_by_label("SQL Server").click();
    h.run();
    assert!(h.state().preview.sql.contains("UNIQUEIDENTIFIER"));
    assert!(h.state().preview.sql.contains("\nGO"));
}
