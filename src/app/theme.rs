//! Colours of the editor: converts the diagram palette to egui colours and picks light or
//! dark following the system (egui's default theme preference).

use crate::model::Color;
use crate::render::Palette;

/// An egui colour from a model colour.
pub fn color32(color: Color) -> egui::Color32 {
    egui::Color32::from_rgba_unmultiplied(color.r, color.g, color.b, color.a)
}

/// The diagram palette for the context's current theme.
pub fn palette(ctx: &egui::Context) -> Palette {
    match ctx.theme() {
        egui::Theme::Dark => Palette::DARK,
        egui::Theme::Light => Palette::LIGHT,
    }
}
