//! File → Import SQL…: choose a file, confirm the dialect, merge the result into the
//! document as one undoable step, and show what the importer had to say.

use std::path::{Path, PathBuf};

use super::{Command, Dialog, SchemataApp};
use crate::model::{Dialect, Edit, TableId};
use std::sync::{Arc, mpsc};

use crate::sql::{Diagnostic, ImportProgress, import_sql_with_progress};

/// An import waiting for the user to confirm the dialect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSetup {
    /// The SQL file.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// The detected dialect and why.
    pub detected: (Dialect, String),
    /// The dialect the user picked (the detected one unless changed).
    pub chosen: Dialect,
    /// A warning from decoding the file, if any.
    pub decoding: Option<String>,
}

/// What an import found, shown after it ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The file name.
    pub file: String,
    /// One line: tables, columns, keys, statements.
    pub summary: String,
    /// Findings in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The finding whose statement is shown.
    pub selected: Option<usize>,
}

/// Asks for a SQL file. `None` when cancelled or when no dialog is available.
pub fn pick_sql() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Import SQL")
        .add_filter("SQL", &["sql", "ddl", "txt"])
        .add_filter("All files", &["*"])
        .pick_file()
}

impl SchemataApp {
    /// Reads a SQL file and asks which dialect to read it as.
    pub fn start_import(&mut self, path: &Path) {
        match crate::sql::decode::read_file(path) {
            Ok(crate::sql::decode::Decoded {
                text,
                warning: decoding,
                ..
            }) => {
                let detected = crate::sql::import::detect(&text);
                self.dialog = Some(Dialog::Import(Box::new(ImportSetup {
                    path: path.to_path_buf(),
                    chosen: detected.0,
                    text,
                    detected,
                    decoding,
                })));
            }
            Err(err) => {
                self.dialog = Some(Dialog::Error {
                    title: format!("Could not import {}", super::files::display_name(path)),
                    message: err.to_string(),
                });
            }
        }
    }

    /// Starts the import on a worker thread; [`poll_import`](Self::poll_import) merges the
    /// result when it is ready.
    pub fn run_import(&mut self, setup: &ImportSetup) {
        let name = super::files::display_name(&setup.path);
        let progress = Arc::new(ImportProgress::new());
        let (sender, receiver) = mpsc::channel();
        let existing = self.history.doc().clone();
        let text = setup.text.clone();
        let dialect = setup.chosen;
        let worker_progress = Arc::clone(&progress);
        let worker_name = name.clone();
        std::thread::spawn(move || {
            let result =
                import_sql_with_progress(&text, &worker_name, Some(dialect), &worker_progress).map(
                    |mut imported| {
                        crate::layout::place_below(&existing, &mut imported.doc);
                        Box::new(imported)
                    },
                );
            // The editor may have been closed meanwhile; then nobody listens.
            let _ = sender.send(result);
        });
        self.import_job = Some(ImportJob {
            name,
            dialect,
            detected: setup.detected.clone(),
            decoding: setup.decoding.clone(),
            progress,
            receiver,
        });
    }

    /// Shows the progress of a running import and merges its result once it arrives.
    pub fn poll_import(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.import_job else { return };
        match job.receiver.try_recv() {
            Ok(result) => {
                ctx.request_repaint();
                if let Some(job) = self.import_job.take() {
                    match result {
                        Some(imported) => self.finish_import(&job, *imported),
                        None => self.status = format!("Import of {} cancelled", job.name),
                    }
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                let name = job.name.clone();
                self.import_job = None;
                self.dialog = Some(Dialog::Error {
                    title: format!("Could not import {name}"),
                    message: "the import stopped unexpectedly".into(),
                });
            }
            Err(mpsc::TryRecvError::Empty) => {
                let fraction = job.progress.fraction();
                let cancelled = job.progress.is_cancelled();
                let title = format!("Importing {}", job.name);
                let mut cancel = false;
                egui::Modal::new(egui::Id::unique("import_progress")).show(ctx, |ui| {
                    ui.set_min_width(360.0);
                    ui.heading(title);
                    ui.add(egui::ProgressBar::new(fraction).show_percentage());
                    if cancelled {
                        ui.label("Cancelling…");
                    } else if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
                if cancel {
                    job.progress.cancel();
                }
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
        }
    }

    /// Whether an import is running.
    pub fn import_running(&self) -> bool {
        self.import_job.is_some()
    }

    /// Merges a finished import into the document as one undoable step and shows the report.
    fn finish_import(&mut self, job: &ImportJob, imported: crate::sql::Imported) {
        let name = job.name.clone();
        let summary = format!(
            "{} tables, {} columns, {} foreign keys read as {}{}; {} statements ({} data skipped, {} kept verbatim)",
            imported.doc.tables.len(),
            imported.doc.column_count(),
            imported.doc.foreign_key_count(),
            job.dialect.display_name(),
            if job.detected.0 == job.dialect {
                format!(" (detected: {})", job.detected.1)
            } else {
                format!(
                    " (chosen instead of the detected {})",
                    job.detected.0.display_name()
                )
            },
            imported.stats.statements,
            imported.stats.data,
            imported.stats.passthrough
        );
        let mut diagnostics = imported.diagnostics;
        if let Some(warning) = &job.decoding {
            diagnostics.insert(
                0,
                Diagnostic {
                    severity: crate::sql::Severity::Warning,
                    file: name.clone(),
                    line: 1,
                    column: 1,
                    statement: String::new(),
                    message: warning.clone(),
                },
            );
        }
        self.history.commit();
        match self.history.apply(Edit::Merge(Box::new(imported.doc))) {
            Ok(applied) => {
                self.selection = applied.created.into_iter().map(TableId).collect();
                self.canvas.zoom_to_fit(self.history.doc());
                self.status = format!("Imported {name}");
                self.remember_import_notes(&name, &diagnostics);
                self.dialog = Some(Dialog::ImportReport(Box::new(ImportReport {
                    file: name,
                    summary,
                    diagnostics,
                    selected: None,
                })));
            }
            Err(err) => {
                self.dialog = Some(Dialog::Error {
                    title: format!("Could not import {name}"),
                    message: err.to_string(),
                });
            }
        }
    }
}

/// An import running on a worker thread.
#[derive(Debug)]
pub struct ImportJob {
    /// The file name.
    pub name: String,
    /// The dialect it is read as.
    pub dialect: Dialect,
    /// The dialect detection suggested, and why.
    pub detected: (Dialect, String),
    /// A warning from decoding the file.
    pub decoding: Option<String>,
    /// Progress and cancellation, shared with the worker.
    pub progress: Arc<ImportProgress>,
    receiver: mpsc::Receiver<Option<Box<crate::sql::Imported>>>,
}

/// The dialect question before an import.
pub fn setup_ui(ui: &mut egui::Ui, setup: &mut ImportSetup, commands: &mut Vec<Command>) -> bool {
    let mut keep_open = true;
    ui.set_max_width(520.0);
    ui.heading("Import SQL");
    ui.label(super::files::display_name(&setup.path));
    ui.label(format!(
        "Detected {} ({})",
        setup.detected.0.display_name(),
        setup.detected.1
    ));
    if let Some(warning) = &setup.decoding {
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
    egui::ComboBox::from_label("Read as")
        .selected_text(setup.chosen.display_name())
        .show_ui(ui, |ui| {
            for dialect in Dialect::ALL {
                ui.selectable_value(&mut setup.chosen, dialect, dialect.display_name());
            }
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("Import").clicked() {
            commands.push(Command::RunImport(Box::new(setup.clone())));
            keep_open = false;
        }
        if ui.button("Cancel").clicked() {
            keep_open = false;
        }
    });
    keep_open
}

/// The list of findings after an import; clicking one shows its statement.
pub fn report_ui(ui: &mut egui::Ui, report: &mut ImportReport) -> bool {
    let mut keep_open = true;
    ui.set_max_width(760.0);
    ui.heading(format!("Imported {}", report.file));
    ui.label(&report.summary);
    if report.diagnostics.is_empty() {
        ui.label("No problems found.");
    } else {
        ui.label(format!(
            "{} findings — click one to see its statement",
            report.diagnostics.len()
        ));
        egui::ScrollArea::vertical()
            .id_salt("findings")
            .max_height(240.0)
            .show(ui, |ui| {
                for (index, diagnostic) in report.diagnostics.iter().enumerate() {
                    let text = format!(
                        "{}:{} {}: {}",
                        diagnostic.line, diagnostic.column, diagnostic.severity, diagnostic.message
                    );
                    if ui
                        .selectable_label(report.selected == Some(index), text)
                        .clicked()
                    {
                        report.selected = Some(index);
                    }
                }
            });
        if let Some(diagnostic) = report.selected.and_then(|i| report.diagnostics.get(i)) {
            ui.separator();
            ui.label(format!("Statement at line {}", diagnostic.line));
            egui::ScrollArea::vertical()
                .id_salt("statement")
                .max_height(200.0)
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(egui::RichText::new(&diagnostic.statement).monospace())
                            .selectable(true),
                    );
                });
        }
    }
    ui.add_space(8.0);
    if ui.button("Close").clicked() {
        keep_open = false;
    }
    keep_open
}
