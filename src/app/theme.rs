//! Colours of the editor: converts the diagram palette to egui colours, and the theme choice
//! (follow the system, light or dark), kept between runs.

use crate::model::Color;
use crate::render::Palette;

const THEME_KEY: &str = "theme";

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

/// The diagram palette matching a set of visuals (dark or light).
pub fn palette_for(visuals: &egui::Visuals) -> Palette {
    if visuals.dark_mode {
        Palette::DARK
    } else {
        Palette::LIGHT
    }
}

/// Which theme the editor uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Light or dark as the operating system says.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    /// The menu text.
    pub fn label(self) -> &'static str {
        match self {
            Self::System => "System",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }

    /// egui's theme preference for this choice.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }

    /// The action that picks this theme.
    pub fn action(self) -> super::Action {
        match self {
            Self::System => super::Action::ThemeSystem,
            Self::Light => super::Action::ThemeLight,
            Self::Dark => super::Action::ThemeDark,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    /// Makes the context use this theme (only when it does not already).
    pub fn apply(self, ctx: &egui::Context) {
        let wanted = self.preference();
        if ctx.options(|o| o.theme_preference) != wanted {
            ctx.set_theme(wanted);
        }
    }
}

/// Reads the theme choice from eframe's storage (the system theme when none was saved).
pub fn load_theme(storage: &dyn eframe::Storage) -> ThemeChoice {
    let saved = eframe::get_value::<String>(storage, THEME_KEY).unwrap_or_default();
    ThemeChoice::ALL
        .into_iter()
        .find(|c| c.key() == saved)
        .unwrap_or_default()
}

/// Writes the theme choice to eframe's storage.
pub fn save_theme(storage: &mut dyn eframe::Storage, choice: ThemeChoice) {
    eframe::set_value(storage, THEME_KEY, &choice.key());
}
