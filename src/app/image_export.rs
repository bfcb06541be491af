//! File → Export image…: the diagram (or the selected tables) as PNG or SVG.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Command, Dialog, SchemataApp};
use crate::model::TableId;
use crate::render::image::{ImageError, ImageOptions, has_tables, to_png, to_svg};

/// Image file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Raster image.
    Png,
    /// Vector image with texts kept as text.
    Svg,
}

impl ImageFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }

    /// The format a path's extension names (PNG unless it ends in .svg).
    pub fn of(path: &Path) -> Self {
        let svg = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
        if svg { Self::Svg } else { Self::Png }
    }
}

/// The image export dialog's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageExportSetup {
    /// PNG or SVG.
    pub format: ImageFormat,
    /// Only the selected tables (when there is a selection).
    pub selection_only: bool,
    /// Pixels per diagram unit: 1 or 2.
    pub scale: u8,
    /// The dark palette.
    pub dark: bool,
    /// Where to write the image.
    pub path: String,
    /// The tables selected when the dialog opened.
    selection: BTreeSet<TableId>,
}

impl ImageExportSetup {
    /// A setup for the whole diagram as a PNG next to the project, in the editor's theme.
    pub fn new(project: Option<&Path>, untitled: &str, selection: &BTreeSet<TableId>) -> Self {
        // "shop.schemata" (a file, or the name of an unsaved copy) suggests "shop.png".
        let stem = project
            .unwrap_or(Path::new(untitled))
            .file_stem()
            .map_or_else(|| untitled.to_owned(), |s| s.to_string_lossy().into_owned());
        let file = format!("{stem}.png");
        let path = project
            .and_then(Path::parent)
            .map_or_else(|| PathBuf::from(&file), |d| d.join(&file));
        Self {
            format: ImageFormat::Png,
            selection_only: false,
            scale: 1,
            dark: false,
            path: path.display().to_string(),
            selection: selection.clone(),
        }
    }

    /// What the export draws.
    pub fn options(&self) -> ImageOptions {
        ImageOptions {
            scale: f32::from(self.scale),
            dark: self.dark,
            only: (self.selection_only && !self.selection.is_empty())
                .then(|| self.selection.clone()),
        }
    }

    /// The file to write, with the extension of the chosen format.
    pub fn destination(&self) -> PathBuf {
        PathBuf::from(self.path.trim()).with_extension(self.format.extension())
    }
}

fn pick_destination(setup: &ImageExportSetup) -> Option<PathBuf> {
    let (name, extension) = match setup.format {
        ImageFormat::Png => ("PNG image", "png"),
        ImageFormat::Svg => ("SVG image", "svg"),
    };
    rfd::FileDialog::new()
        .set_title("Export image")
        .add_filter(name, &[extension])
        .set_file_name(setup.destination().display().to_string())
        .save_file()
}

/// The dialog; returns whether it stays open.
pub fn setup_ui(
    ui: &mut egui::Ui,
    setup: &mut ImageExportSetup,
    commands: &mut Vec<Command>,
) -> bool {
    let mut keep_open = true;
    ui.set_width(520.0);
    ui.heading("Export image");
    let before = setup.format;
    ui.horizontal(|ui| {
        ui.label("Format:");
        ui.radio_value(&mut setup.format, ImageFormat::Png, "PNG");
        ui.radio_value(&mut setup.format, ImageFormat::Svg, "SVG");
    });
    if setup.format != before && !setup.path.trim().is_empty() {
        setup.path = setup.destination().display().to_string();
    }
    ui.horizontal(|ui| {
        ui.label("Tables:");
        ui.radio_value(&mut setup.selection_only, false, "Whole diagram");
        let count = setup.selection.len();
        ui.add_enabled_ui(count > 0, |ui| {
            ui.radio_value(
                &mut setup.selection_only,
                true,
                format!("Selection ({count})"),
            );
        });
    });
    ui.horizontal(|ui| {
        ui.label("Scale:");
        ui.radio_value(&mut setup.scale, 1, "1x");
        ui.radio_value(&mut setup.scale, 2, "2x");
    });
    ui.horizontal(|ui| {
        ui.label("Theme:");
        ui.radio_value(&mut setup.dark, false, "Light");
        ui.radio_value(&mut setup.dark, true, "Dark");
    });
    ui.horizontal(|ui| {
        let label = ui.label("File:");
        ui.add(
            egui::TextEdit::singleline(&mut setup.path)
                .desired_width(360.0)
                .id_salt("image_export_path"),
        )
        .labelled_by(label.id);
        if ui.button("Browse…").clicked()
            && let Some(path) = pick_destination(setup)
        {
            setup.format = ImageFormat::of(&path);
            setup.path = path.display().to_string();
        }
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ready = !setup.path.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
            commands.push(Command::ExportImageTo(setup.destination(), setup.options()));
            keep_open = false;
        }
        if ui.button("Cancel").clicked() {
            keep_open = false;
        }
    });
    keep_open
}

impl SchemataApp {
    /// Opens the image export dialog.
    pub fn start_image_export(&mut self) {
        let setup =
            ImageExportSetup::new(self.path.as_deref(), &self.untitled_name, &self.selection);
        self.dialog = Some(Dialog::ExportImage(Box::new(setup)));
    }

    /// Draws the diagram into `path` (PNG or SVG by its extension); reports the outcome in
    /// the status bar, or in an error dialog when the image cannot be made or written.
    pub fn export_image_to(&mut self, path: &Path, options: &ImageOptions) {
        let bytes = match ImageFormat::of(path) {
            _ if !has_tables(self.doc(), options) => Err(ImageError::Empty),
            ImageFormat::Png => to_png(self.doc(), options),
            ImageFormat::Svg => Ok(to_svg(self.doc(), options).into_bytes()),
        };
        let written = bytes
            .map_err(|e| e.to_string())
            .and_then(|bytes| std::fs::write(path, bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.status = format!(
                    "Exported the diagram to {}",
                    super::files::display_name(path)
                );
            }
            Err(message) => {
                self.dialog = Some(Dialog::Error {
                    title: format!("Could not export the image to {}", path.display()),
                    message,
                });
            }
        }
    }
}
