//! The status bar and files dropped on the window.

use std::path::PathBuf;

use super::{Command, SchemataApp, problems};

impl SchemataApp {
    /// Files dropped on the window: SQL is imported, project files are opened.
    pub(super) fn accept_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            let is_project = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(crate::project::EXTENSION));
            self.commands.push(if is_project {
                Command::OpenPath(path)
            } else {
                Command::ImportPath(path)
            });
        }
    }

    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if problems::counts_button(ui, &self.problems).clicked() {
                self.problems.open = !self.problems.open;
            }
            ui.separator();
            let doc = self.doc();
            ui.label(format!(
                "{} tables · {} columns · {} relationships",
                doc.tables.len(),
                doc.column_count(),
                doc.foreign_key_count()
            ));
            ui.separator();
            ui.label(format!("Zoom {:.0} %", self.canvas.viewport.zoom * 100.0));
            if !self.selection.is_empty() {
                ui.separator();
                ui.label(format!("{} selected", self.selection.len()));
            }
            if self.focus.on {
                ui.separator();
                ui.label("Focus")
                    .on_hover_text("Focus on selection is on (Ctrl+Shift+F turns it off)");
            }
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
            }
        });
    }
}
