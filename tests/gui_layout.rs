//! Auto-layout from the editor: Arrange → Auto layout arranges every table (or the
//! selection) without overlaps, as one undo step.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemata::app::SchemataApp;
use schemata::model::{Document, Position};

fn harness(doc: Document) -> Harness<'static, SchemataApp> {
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

/// The sample with every table piled up at one spot.
fn piled_sample() -> Document {
    let mut doc = schemata::samples::ecommerce().unwrap();
    for table in doc.tables.values_mut() {
        Arc::make_mut(table).position = Position::new(100.0, 100.0);
    }
    doc
}

#[test]
fn auto_layout_untangles_a_pile_in_one_undoable_step() {
    let mut h = harness(piled_sample());
    assert!(schemata::layout::quality(h.state().doc()).overlaps > 0);
    h.get_by_label("Arrange").click();
    h.run();
    h.get_by_label_contains("Auto layout").click();
    h.run();
    assert_eq!(schemata::layout::quality(h.state().doc()).overlaps, 0);
    assert_eq!(h.state().history.undo_label(), Some("Auto layout"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(
        h.state()
            .doc()
            .tables
            .values()
            .all(|t| t.position == Position::new(100.0, 100.0))
    );
}

#[test]
fn auto_layout_of_a_selection_moves_only_the_selection() {
    let mut h = harness(piled_sample());
    let ids: Vec<_> = h.state().doc().tables.keys().copied().take(2).collect();
    h.state_mut().selection = ids.iter().copied().collect();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::L,
    );
    h.run();
    let doc = h.state().doc();
    let moved: Vec<bool> = doc
        .tables
        .values()
        .map(|t| t.position != Position::new(100.0, 100.0))
        .collect();
    assert!(moved.iter().filter(|m| **m).count() <= 2);
    let (a, b) = (doc.table(ids[0]).unwrap(), doc.table(ids[1]).unwrap());
    let metrics = schemata::render::Metrics::default();
    let (ra, rb) = (
        schemata::render::table_rect(doc, a, &metrics),
        schemata::render::table_rect(doc, b, &metrics),
    );
    assert!(
        !ra.intersects(&rb),
        "the two selected tables no longer overlap"
    );
}
