//! File → Export image… in the editor: the dialog's choices reach the written file, and a
//! picture too large to rasterise is explained in the error dialog.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use std::collections::BTreeSet;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::{Command, Dialog, ImageFormat, SchemataApp};
use schemata::model::QualifiedName;
use schemata::render::image::ImageOptions;

fn harness(app: SchemataApp) -> Harness<'static, SchemataApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 30.0)
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut SchemataApp| app.show(ui), app)
}

fn open_dialog(h: &mut Harness<'static, SchemataApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export image…").click();
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::ExportImage(_))));
}

fn set_path(h: &mut Harness<'static, SchemataApp>, path: &std::path::Path) {
    if let Some(Dialog::ExportImage(setup)) = &mut h.state_mut().dialog {
        setup.path = path.display().to_string();
    }
    h.run();
}

#[test]
fn the_whole_diagram_is_written_as_a_png_at_the_chosen_scale() {
    let mut h = harness(SchemataApp::with_sample());
    h.run();
    open_dialog(&mut h);
    if let Some(Dialog::ExportImage(setup)) = &h.state().dialog {
        assert_eq!(setup.format, ImageFormat::Png);
        // The sample is an unsaved "ecommerce.schemata": its picture is "ecommerce.png".
        assert_eq!(setup.path, "ecommerce.png");
    }
    let dir = tempfile::tempdir().unwrap();
    set_path(&mut h, &dir.path().join("diagram.png"));
    h.get_by_label("2x").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    assert!(h.state().status.starts_with("Exported the diagram"));
    let image = image::open(dir.path().join("diagram.png")).unwrap();
    let one = schemata::render::image::to_png(h.state().doc(), &ImageOptions::default()).unwrap();
    let one = image::load_from_memory(&one).unwrap();
    assert!(image.width().abs_diff(2 * one.width()) <= 1);
    assert!(image.height().abs_diff(2 * one.height()) <= 1);
}

#[test]
fn the_selection_is_written_as_a_dark_svg() {
    let mut app = SchemataApp::with_sample();
    let id = |app: &SchemataApp, name: &str| {
        app.doc().table_named(&QualifiedName::new(name)).unwrap().id
    };
    let chosen = BTreeSet::from([id(&app, "orders"), id(&app, "order_items")]);
    app.queue(Command::Select(chosen));
    let mut h = harness(app);
    h.run();
    open_dialog(&mut h);
    h.get_by_label("SVG").click();
    h.run();
    h.get_by_label("Selection (2)").click();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    if let Some(Dialog::ExportImage(setup)) = &h.state().dialog {
        assert!(
            setup.path.ends_with(".svg"),
            "the extension follows the format"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    // The extension of the chosen format is put on the file.
    set_path(&mut h, &dir.path().join("ordering"));
    h.get_by_label("Export").click();
    h.run();
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    let text = std::fs::read_to_string(dir.path().join("ordering.svg")).unwrap();
    let svg = roxmltree::Document::parse(&text).unwrap();
    let tables: BTreeSet<&str> = svg
        .descendants()
        .filter(|n| n.attribute("class") == Some("table"))
        .filter_map(|n| n.attribute("data-table"))
        .collect();
    assert_eq!(tables, BTreeSet::from(["order_items", "orders"]));
    let background = svg
        .descendants()
        .find(|n| n.tag_name().name() == "rect")
        .and_then(|n| n.attribute("fill"))
        .unwrap();
    let dark = schemata::render::Palette::DARK.background;
    assert_eq!(
        background,
        format!("#{:02x}{:02x}{:02x}", dark.r, dark.g, dark.b)
    );
}

#[test]
fn a_picture_too_large_for_png_is_explained() {
    let mut h = harness(SchemataApp::with_sample());
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.png");
    let options = ImageOptions {
        scale: 16.0,
        ..ImageOptions::default()
    };
    h.state_mut()
        .queue(Command::ExportImageTo(path.clone(), options));
    h.run();
    match &h.state().dialog {
        Some(Dialog::Error { title, message }) => {
            assert!(title.contains("image"), "{title}");
            assert!(
                message.contains("SVG") && message.contains("lower scale"),
                "{message}"
            );
        }
        other => panic!("expected the error dialog, got {other:?}"),
    }
    h.get_by_label_contains("lower scale");
    assert!(!path.exists());
}

#[test]
fn an_empty_diagram_is_not_exported() {
    let mut h = harness(SchemataApp::new(schemata::model::Document::new(), None));
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.svg");
    h.state_mut().queue(Command::ExportImageTo(
        path.clone(),
        ImageOptions::default(),
    ));
    h.run();
    match &h.state().dialog {
        Some(Dialog::Error { message, .. }) => assert!(message.contains("empty"), "{message}"),
        other => panic!("expected the error dialog, got {other:?}"),
    }
    assert!(!path.exists());
}
