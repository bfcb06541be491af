//! File → Export SQL…: pick a dialect, see the portability warnings, write the script.

use std::path::{Path, PathBuf};

use super::{Command, Dialog, SchemataApp};
use crate::model::{Dialect, Document};
use crate::sql::export::{Warning, export};

/// The export dialog's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSetup {
    /// The dialect to write.
    pub dialect: Dialect,
    /// Where to write the script.
    pub path: String,
    /// Warnings of an export to `dialect`, computed when the dialect is chosen.
    pub warnings: Vec<Warning>,
    /// The dialect `warnings` belong to.
    warned_for: Option<Dialect>,
}

impl ExportSetup {
    /// A setup for the project's target dialect, suggesting a file next to the project.
    pub fn new(doc: &Document, project: Option<&Path>, untitled: &str) -> Self {
        let stem = project
            .and_then(|p| p.file_stem())
            .map_or_else(|| untitled.to_owned(), |s| s.to_string_lossy().into_owned());
        let dir = project.and_then(Path::parent).map(Path::to_path_buf);
        let file = format!("{stem}.{}.sql", doc.target.name());
        let path = dir.map_or_else(|| PathBuf::from(&file), |d| d.join(&file));
        Self {
            dialect: doc.target,
            path: path.display().to_string(),
            warnings: Vec::new(),
            warned_for: None,
        }
    }

    /// Recomputes the warnings when the dialect changed.
    fn refresh(&mut self, doc: &Document) {
        if self.warned_for != Some(self.dialect) {
            self.warnings = export(doc, self.dialect).warnings;
            self.warned_for = Some(self.dialect);
        }
    }
}

fn pick_destination(suggested: &str) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Export SQL")
        .add_filter("SQL", &["sql"])
        .set_file_name(suggested)
        .save_file()
}

/// The dialog; returns whether it stays open.
pub fn setup_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    setup: &mut ExportSetup,
    commands: &mut Vec<Command>,
) -> bool {
    let mut keep_open = true;
    ui.set_width(640.0);
    ui.heading("Export SQL");
    let before = setup.dialect;
    ui.horizontal(|ui| {
        ui.label("Dialect:");
        for dialect in Dialect::ALL {
            ui.radio_value(&mut setup.dialect, dialect, dialect.display_name());
        }
    });
    if setup.dialect != before {
        // Keep the suggested file name in step with the dialect.
        let old = format!(".{}.sql", before.name());
        if let Some(stem) = setup.path.strip_suffix(&old) {
            setup.path = format!("{stem}.{}.sql", setup.dialect.name());
        }
    }
    setup.refresh(doc);
    ui.horizontal(|ui| {
        let label = ui.label("File:");
        ui.add(
            egui::TextEdit::singleline(&mut setup.path)
                .desired_width(420.0)
                .id_salt("export_path"),
        )
        .labelled_by(label.id);
        if ui.button("Browse…").clicked()
            && let Some(path) = pick_destination(&setup.path)
        {
            setup.path = path.display().to_string();
        }
    });
    ui.add_space(6.0);
    // A fixed-size list, so the dialog keeps its size and place when the dialect changes.
    let summary = if setup.warnings.is_empty() {
        egui::RichText::new(format!(
            "Everything in the design can be written for {}.",
            setup.dialect.display_name()
        ))
    } else {
        egui::RichText::new(format!(
            "{} portability warning{}:",
            setup.warnings.len(),
            if setup.warnings.len() == 1 { "" } else { "s" }
        ))
        .color(ui.visuals().warn_fg_color)
    };
    ui.label(summary);
    egui::ScrollArea::vertical()
        .max_height(240.0)
        .min_scrolled_height(240.0)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for warning in &setup.warnings {
                ui.label(format!("{}: {}", warning.object, warning.message));
            }
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ready = !setup.path.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
            commands.push(Command::ExportTo(
                PathBuf::from(setup.path.trim()),
                setup.dialect,
            ));
            keep_open = false;
        }
        if ui.button("Cancel").clicked() {
            keep_open = false;
        }
    });
    keep_open
}

impl SchemataApp {
    /// Opens the export dialog.
    pub fn start_export(&mut self) {
        let setup = ExportSetup::new(self.doc(), self.path.as_deref(), &self.untitled_name);
        self.dialog = Some(Dialog::Export(Box::new(setup)));
    }

    /// Writes the DDL for `dialect` to `path`; reports the outcome in the status bar, or in an
    /// error dialog when the file cannot be written.
    pub fn export_to(&mut self, path: &Path, dialect: Dialect) {
        let exported = export(self.doc(), dialect);
        match std::fs::write(path, &exported.sql) {
            Ok(()) => {
                self.status = format!(
                    "Exported {} DDL to {} ({} warning{})",
                    dialect.display_name(),
                    super::files::display_name(path),
                    exported.warnings.len(),
                    if exported.warnings.len() == 1 {
                        ""
                    } else {
                        "s"
                    }
                );
            }
            Err(err) => {
                self.dialog = Some(Dialog::Error {
                    title: format!("Could not export to {}", path.display()),
                    message: err.to_string(),
                });
            }
        }
    }
}
