//! Modal dialogs: unsaved changes and errors.

use std::path::PathBuf;

use super::{Action, Command};

/// What to do once unsaved changes are dealt with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingAction {
    /// Start a new project.
    New,
    /// Open this file, or ask for one.
    Open(Option<PathBuf>),
    /// Close the application.
    Quit,
}

impl PendingAction {
    fn verb(&self) -> &'static str {
        match self {
            Self::New => "starting a new project",
            Self::Open(_) => "opening another project",
            Self::Quit => "quitting",
        }
    }
}

/// A dialog on top of the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// "Save changes before …?"
    UnsavedChanges(PendingAction),
    /// Which dialect to read a SQL file as.
    Import(Box<super::import::ImportSetup>),
    /// What an import found.
    ImportReport(Box<super::import::ImportReport>),
    /// "Delete tables that others reference?"
    ConfirmDelete {
        /// The tables to delete.
        tables: Vec<String>,
        /// Tables whose foreign keys point at them (those keys go too).
        referenced_by: Vec<String>,
    },
    /// Which dialect to export, and where.
    Export(Box<super::sql_export::ExportSetup>),
    /// Which image to export, and where.
    ExportImage(Box<super::image_export::ImageExportSetup>),
    /// Something failed; the message says what and why.
    Error {
        /// One line naming what failed.
        title: String,
        /// The reason, in words a user understands.
        message: String,
    },
}

/// Shows the dialog; returns it again while it stays open. Button choices are queued as
/// commands.
pub fn dialog_ui(
    ctx: &egui::Context,
    doc: &crate::model::Document,
    mut dialog: Dialog,
    commands: &mut Vec<Command>,
) -> Option<Dialog> {
    let mut keep_open = true;
    match &mut dialog {
        Dialog::Import(setup) => {
            let response = egui::Modal::new(egui::Id::unique("import_setup"))
                .show(ctx, |ui| super::import::setup_ui(ui, setup, commands));
            keep_open = response.inner && !response.should_close();
        }
        Dialog::Export(setup) => {
            let response = egui::Modal::new(egui::Id::unique("export_setup")).show(ctx, |ui| {
                super::sql_export::setup_ui(ui, doc, setup, commands)
            });
            keep_open = response.inner && !response.should_close();
        }
        Dialog::ExportImage(setup) => {
            let response = egui::Modal::new(egui::Id::unique("image_export_setup"))
                .show(ctx, |ui| super::image_export::setup_ui(ui, setup, commands));
            keep_open = response.inner && !response.should_close();
        }
        Dialog::ImportReport(report) => {
            let response = egui::Modal::new(egui::Id::unique("import_report"))
                .show(ctx, |ui| super::import::report_ui(ui, report));
            keep_open = response.inner && !response.should_close();
        }
        Dialog::UnsavedChanges(action) => {
            let response = egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
                ui.set_max_width(420.0);
                ui.heading("Save changes?");
                ui.label(format!(
                    "The project has unsaved changes. Save them before {}?",
                    action.verb()
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        commands.push(Command::Action(Action::Save));
                        commands.push(Command::ProceedIfSaved(action.clone()));
                        keep_open = false;
                    }
                    if ui.button("Don't save").clicked() {
                        commands.push(Command::Proceed(action.clone()));
                        keep_open = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep_open = false;
                    }
                });
            });
            if response.should_close() {
                keep_open = false;
            }
        }
        Dialog::ConfirmDelete {
            tables,
            referenced_by,
        } => {
            let response = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ctx, |ui| {
                ui.set_max_width(480.0);
                ui.heading(format!("Delete {}?", tables.join(", ")));
                ui.label(format!(
                    "Foreign keys of {} point at {}. Deleting removes those foreign keys too.",
                    referenced_by.join(", "),
                    if tables.len() == 1 { "it" } else { "them" }
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Delete").clicked() {
                        commands.push(Command::DeleteSelection(true));
                        keep_open = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep_open = false;
                    }
                });
            });
            if response.should_close() {
                keep_open = false;
            }
        }
        Dialog::Error { title, message } => {
            let response = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(480.0);
                ui.heading(title.as_str());
                ui.label(message.as_str());
                ui.add_space(8.0);
                if ui.button("OK").clicked() {
                    keep_open = false;
                }
            });
            if response.should_close() {
                keep_open = false;
            }
        }
    }
    keep_open.then_some(dialog)
}
