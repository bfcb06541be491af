//! A few small image snapshots of the sample diagram, rendered headless with wgpu (lavapipe,
//! Debian's mesa-vulkan-drivers, on machines without a GPU). `UPDATE_SNAPSHOTS=1 cargo test
//! --test gui_snapshots` writes new reference images to tests/snapshots/.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use schemata::app::SchemataApp;

fn snapshot(name: &str, theme: egui::Theme) {
    let mut app = SchemataApp::with_sample();
    app.inspector_open = false;
    let mut h = Harness::builder()
        .with_size(egui::vec2(960.0, 600.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut SchemataApp| app.show(ui), app);
    h.ctx.set_theme(theme);
    h.run();
    // Without a Vulkan driver (lavapipe) nothing can be rendered: say so, fail under CI.
    if let Err(why) = h.render() {
        let message = format!(
            "\n\n*** IMAGE SNAPSHOT {name} NOT CHECKED: {why} (apt-get install mesa-vulkan-drivers) ***\n"
        );
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("{message}");
        return;
    }
    h.snapshot(name);
}

#[test]
fn sample_diagram_light() {
    snapshot("sample_light", egui::Theme::Light);
}

#[test]
fn sample_diagram_dark() {
    snapshot("sample_dark", egui::Theme::Dark);
}
