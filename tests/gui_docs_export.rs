//! File → Export documentation… in the editor: the menu entry, and the command it queues
//! writing HTML or Markdown of the current design (the native save dialog is left out).
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::{Command, Dialog, SchemataApp};
use schemata::model::{Edit, QualifiedName, TableChange};

fn harness(app: SchemataApp) -> Harness<'static, SchemataApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 30.0)
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut SchemataApp| app.show(ui), app)
}

#[test]
fn the_file_menu_offers_documentation_export() {
    let mut h = harness(SchemataApp::with_sample());
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export documentation…");
}

#[test]
fn export_docs_writes_html_of_the_current_design() {
    let mut h = harness(SchemataApp::with_sample());
    h.run();
    // An edit made in the editor shows in the documentation.
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
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shop.html");
    h.state_mut().queue(Command::ExportDocsTo(out.clone()));
    h.run();
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.contains("<title>ecommerce: data dictionary</title>"));
    assert!(page.contains("<h3 id=\"purchase_orders\">purchase_orders</h3>"));
    assert!(!page.contains("<h3 id=\"orders\">"));
    assert!(page.contains("<svg"));
    let status = &h.state().status;
    assert!(
        status.starts_with("Wrote HTML documentation: shop.html"),
        "{status}"
    );
    // Writing documentation changes nothing in the design.
    assert!(
        h.state()
            .history
            .undo_label()
            .is_some_and(|l| l.contains("Rename"))
    );
}

#[test]
fn export_docs_writes_markdown_with_the_diagram_beside_it() {
    let mut h = harness(SchemataApp::with_sample());
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shop.md");
    h.state_mut().queue(Command::ExportDocsTo(out.clone()));
    h.run();
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# ecommerce: data dictionary\n"));
    assert!(md.contains("![Diagram](shop.svg)"));
    assert!(md.contains("\n### order_items\n"));
    assert!(dir.path().join("shop.svg").exists());
    let status = &h.state().status;
    assert!(status.contains("shop.md, shop.svg"), "{status}");
}

#[test]
fn an_unknown_extension_or_a_missing_folder_shows_an_error() {
    let mut h = harness(SchemataApp::with_sample());
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shop.txt");
    h.state_mut().queue(Command::ExportDocsTo(out.clone()));
    h.run();
    match &h.state().dialog {
        Some(Dialog::Error { title, message }) => {
            assert!(title.contains("Could not export documentation"), "{title}");
            assert!(message.contains(".html or .md"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(!out.exists());
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().dialog.is_none());
    let out = dir.path().join("missing").join("shop.html");
    h.state_mut().queue(Command::ExportDocsTo(out));
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::Error { .. })));
}
