//! The desktop editor (feature `gui`): an eframe application over the core.
//!
//! Each frame the UI reads the state and queues [`Command`]s; they are executed after the UI
//! pass in [`SchemataApp::show`], so no widget changes the document in the middle of a frame.

mod actions;
mod canvas;
mod dialogs;
mod editing;
mod files;
mod import;
mod inspector;
mod menus;
mod sql_export;
mod sql_highlight;
mod sql_preview;
mod theme;
mod viewport;

use std::collections::BTreeSet;
use std::path::PathBuf;

pub use actions::Action;
pub use canvas::Canvas;
pub use dialogs::{Dialog, PendingAction};
pub use import::{ImportJob, ImportReport, ImportSetup};
pub use sql_export::ExportSetup;
pub use sql_preview::SqlPreview;
pub use viewport::Viewport;

use crate::history::History;
use crate::model::{Document, Edit, TableId};

/// Something the UI asks for; executed after the UI pass.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A menu or shortcut action.
    Action(Action),
    /// Open this project file (asking about unsaved changes first).
    OpenPath(PathBuf),
    /// Save to this path and make it the document's file.
    SaveTo(PathBuf),
    /// Import this SQL file (asks for the dialect first).
    ImportPath(PathBuf),
    /// Run a confirmed import.
    RunImport(Box<ImportSetup>),
    /// Write the DDL for a dialect to a file.
    ExportTo(PathBuf, crate::model::Dialect),
    /// Replace the selection.
    Select(BTreeSet<TableId>),
    /// Start an undo transaction (a drag).
    Begin(String),
    /// Close the undo transaction as one step.
    Commit,
    /// Roll the undo transaction back.
    Abort,
    /// Apply an edit to the document.
    Apply(Box<Edit>),
    /// Apply an edit, merged into the previous step when that had the same key (typing in
    /// one field, repeated nudges).
    ApplyCoalescing(Box<Edit>, String),
    /// Create a table at this world position.
    CreateTable(crate::model::Position),
    /// Delete the selected tables; `true` when the user already confirmed.
    DeleteSelection(bool),
    /// Add the tables described by this SQL (a paste).
    PasteSql(String),
    /// Carry out an action the user confirmed in the unsaved-changes dialog, without asking
    /// again.
    Proceed(PendingAction),
    /// Carry out the action if the document is saved now (the user chose "Save" and the save
    /// went through).
    ProceedIfSaved(PendingAction),
}

/// The editor: the open document, its history, selection, canvas and dialogs.
pub struct SchemataApp {
    /// Document and undo history.
    pub history: History,
    /// The file the document was loaded from or saved to.
    pub path: Option<PathBuf>,
    /// The name shown in the title when there is no path.
    pub untitled_name: String,
    /// Selected tables (not part of the document or of undo).
    pub selection: BTreeSet<TableId>,
    /// Pan, zoom and drag state.
    pub canvas: Canvas,
    /// The dialog on top, if any.
    pub dialog: Option<Dialog>,
    /// Recently opened files, most recent first.
    pub recent: Vec<PathBuf>,
    /// A short message for the status bar.
    pub status: String,
    /// Set once the user agreed to quit; lets the window close.
    pub quit_confirmed: bool,
    /// Whether the app was asked to close the window this frame.
    pub quit_requested: bool,
    /// The import running in the background, if any.
    pub import_job: Option<ImportJob>,
    /// The SQL preview panel.
    pub preview: SqlPreview,
    /// Whether the inspector panel is shown.
    pub inspector_open: bool,
    /// For how many more frames to give the keyboard focus to the inspector's name field
    /// (after creating a table, or on F2); a field shown for the first time takes the focus
    /// only from its second frame on.
    pub focus_table_name: u8,
    commands: Vec<Command>,
    sent_title: String,
}

impl SchemataApp {
    /// An editor showing `doc`, loaded from `path` (if any).
    pub fn new(doc: Document, path: Option<PathBuf>) -> Self {
        let mut canvas = Canvas::default();
        canvas.fit_pending = true;
        Self {
            history: History::new(doc),
            path,
            untitled_name: "Untitled".into(),
            selection: BTreeSet::new(),
            canvas,
            dialog: None,
            recent: Vec::new(),
            status: String::new(),
            quit_confirmed: false,
            quit_requested: false,
            import_job: None,
            preview: SqlPreview::default(),
            focus_table_name: 0,
            inspector_open: true,
            commands: Vec::new(),
            sent_title: String::new(),
        }
    }

    /// An editor on the bundled e-commerce sample, as an unsaved copy.
    pub fn with_sample() -> Self {
        match crate::samples::ecommerce() {
            Ok(doc) => {
                let mut app = Self::new(doc, None);
                app.untitled_name = crate::samples::ECOMMERCE_NAME.into();
                app
            }
            Err(err) => {
                let mut app = Self::new(Document::new(), None);
                app.dialog = Some(Dialog::Error {
                    title: "The bundled sample could not be read".into(),
                    message: err.to_string(),
                });
                app
            }
        }
    }

    /// The document being edited.
    pub fn doc(&self) -> &Document {
        self.history.doc()
    }

    /// Queues a command for the end of this frame.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The window title: file name, a `*` when there are unsaved changes, and the app name.
    pub fn title(&self) -> String {
        let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || self.untitled_name.clone(),
            |n| n.to_string_lossy().into_owned(),
        );
        let dirty = if self.history.is_dirty() { "*" } else { "" };
        format!("{dirty}{name} — Schemata")
    }

    /// Builds one frame of the editor and then executes the queued commands.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.accept_dropped_files(&ctx);
        if self.dialog.is_none() && !self.import_running() {
            // While a text field has the keyboard, its keys (Delete, Ctrl+A, Ctrl+Z, arrows,
            // pasting) belong to the text.
            let typing = ctx.egui_wants_keyboard_input();
            for action in actions::triggered(&ctx) {
                if !(typing && action.is_text_editing()) {
                    self.commands.push(Command::Action(action));
                }
            }
            if !typing {
                self.keyboard_editing(&ctx);
            }
        }
        egui::Panel::top("menu_bar").show(ui, |ui| menus::menu_bar_ui(self, ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        self.inspector_panel(ui);
        if self.preview.open {
            let changes = self.history.changes();
            self.preview
                .refresh(self.history.doc(), changes, &self.selection);
            let target = self.history.doc().target;
            egui::Panel::right("sql_preview")
                .resizable(true)
                .default_size(460.0)
                .min_size(240.0)
                .show(ui, |ui| self.preview.ui(ui, target));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let mut queued = Vec::new();
                self.canvas
                    .ui(ui, self.history.doc(), &self.selection, &mut queued);
                self.commands.extend(queued);
            });
        if let Some(dialog) = self.dialog.take() {
            self.dialog = dialogs::dialog_ui(&ctx, self.history.doc(), dialog, &mut self.commands);
        }
        self.poll_import(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.commands.push(Command::Action(Action::Quit));
        }
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // What the commands changed is shown in the next frame, without waiting for input.
            ctx.request_repaint();
        }
        for command in commands {
            self.execute(&ctx, command);
        }
        let title = self.title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
    }

    /// Arrow keys nudge the selection (Shift: by ten); a paste adds the tables it describes.
    fn keyboard_editing(&mut self, ctx: &egui::Context) {
        let (events, shift) = ctx.input(|i| (i.events.clone(), i.modifiers.shift));
        let step = if shift { 10.0 } else { 1.0 };
        for event in events {
            match event {
                egui::Event::Paste(text) => self.commands.push(Command::PasteSql(text)),
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if !modifiers.command && !self.selection.is_empty() => {
                    let delta = match key {
                        egui::Key::ArrowLeft => (-step, 0.0),
                        egui::Key::ArrowRight => (step, 0.0),
                        egui::Key::ArrowUp => (0.0, -step),
                        egui::Key::ArrowDown => (0.0, step),
                        _ => continue,
                    };
                    self.nudge(delta.0, delta.1);
                }
                _ => {}
            }
        }
    }

    /// The inspector on the right: the selected table's fields, or a hint. It stays in place
    /// whatever the selection, so the diagram never jumps.
    fn inspector_panel(&mut self, ui: &mut egui::Ui) {
        if !self.inspector_open {
            return;
        }
        let focus = self.focus_table_name > 0 && self.selection.len() == 1;
        self.focus_table_name = self.focus_table_name.saturating_sub(1);
        let mut queued = Vec::new();
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(470.0)
            .min_size(300.0)
            .show(ui, |ui| {
                let doc = self.history.doc();
                match self.selection.iter().next().and_then(|id| doc.table(*id)) {
                    Some(table) if self.selection.len() == 1 => {
                        if focus {
                            let id = inspector::field_id(&format!("name:{}", table.id));
                            ui.memory_mut(|m| m.request_focus(id));
                        }
                        // Scrolls instead of widening the panel, so the canvas keeps its size.
                        egui::ScrollArea::both()
                            .id_salt("inspector_scroll")
                            .auto_shrink([false, false])
                            .show(ui, |ui| inspector::table_ui(ui, doc, table, &mut queued));
                    }
                    _ if self.selection.is_empty() => {
                        ui.heading("Inspector");
                        ui.label(
                            "Select a table to edit it. Double-click the canvas to create one.",
                        );
                    }
                    _ => {
                        ui.heading(format!("{} tables selected", self.selection.len()));
                        ui.label("Select one table to edit it.");
                    }
                }
            });
        self.commands.extend(queued);
    }

    /// Files dropped on the window: SQL is imported, project files are opened.
    fn accept_dropped_files(&mut self, ctx: &egui::Context) {
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

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
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
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
            }
        });
    }

    /// Executes one command.
    pub fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Action(action) => self.run_action(ctx, action),
            Command::OpenPath(path) => self.guard(ctx, PendingAction::Open(Some(path))),
            Command::SaveTo(path) => {
                self.save_to(path);
            }
            Command::ImportPath(path) => self.start_import(&path),
            Command::RunImport(setup) => self.run_import(&setup),
            Command::ExportTo(path, dialect) => self.export_to(&path, dialect),
            Command::Select(selection) => {
                self.selection = selection
                    .into_iter()
                    .filter(|id| self.doc().tables.contains_key(id))
                    .collect();
            }
            Command::Begin(label) => self.history.begin(label),
            Command::Commit => self.history.commit(),
            Command::Abort => self.history.abort(),
            Command::Apply(edit) => {
                if let Err(err) = self.history.apply(*edit) {
                    self.status = format!("Not possible: {err}");
                }
            }
            Command::ApplyCoalescing(edit, key) => {
                if let Err(err) = self.history.apply_coalescing(*edit, &key) {
                    self.status = format!("Not possible: {err}");
                }
            }
            Command::CreateTable(position) => self.create_table_at(position),
            Command::DeleteSelection(confirmed) => self.delete_selection(confirmed),
            Command::PasteSql(text) => self.paste_sql(&text),
            Command::Proceed(action) => self.proceed(ctx, action),
            Command::ProceedIfSaved(action) => {
                if !self.history.is_dirty() {
                    self.proceed(ctx, action);
                }
            }
        }
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => self.guard(ctx, PendingAction::New),
            Action::Open => self.guard(ctx, PendingAction::Open(None)),
            Action::Quit => self.guard(ctx, PendingAction::Quit),
            Action::Save => {
                self.save();
            }
            Action::ImportSql => {
                if let Some(path) = import::pick_sql() {
                    self.start_import(&path);
                }
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::ExportSql => self.start_export(),
            Action::ToggleSqlPreview => self.preview.open = !self.preview.open,
            Action::Undo => {
                if let Some(label) = self.history.undo() {
                    self.status = format!("Undid: {label}");
                }
                self.retain_existing_selection();
            }
            Action::Redo => {
                if let Some(label) = self.history.redo() {
                    self.status = format!("Redid: {label}");
                }
                self.retain_existing_selection();
            }
            Action::SelectAll => self.selection = self.doc().tables.keys().copied().collect(),
            Action::ClearSelection => {
                if self.history.in_transaction() {
                    self.history.abort();
                }
                self.selection.clear();
            }
            Action::Delete => self.delete_selection(false),
            Action::Copy => {
                if let Some(sql) = self.selection_as_sql() {
                    ctx.copy_text(sql);
                    self.status = format!("Copied {} table(s) as SQL", self.selection.len());
                }
            }
            Action::Cut => {
                if let Some(sql) = self.selection_as_sql() {
                    ctx.copy_text(sql);
                    self.delete_selection(true);
                }
            }
            Action::Duplicate => {
                if let Some(sql) = self.selection_as_sql() {
                    self.paste_sql(&sql);
                }
            }
            Action::Rename => self.focus_table_name = 2,
            Action::ZoomIn => self.canvas.zoom_centered(1.25),
            Action::ZoomOut => self.canvas.zoom_centered(0.8),
            Action::ZoomToFit => {
                self.canvas.zoom_to_fit(self.history.doc());
            }
            Action::ZoomReset => self.canvas.zoom_centered(1.0 / self.canvas.viewport.zoom),
        }
    }

    fn retain_existing_selection(&mut self) {
        let tables = &self.history.doc().tables;
        self.selection.retain(|id| tables.contains_key(id));
    }

    /// Runs `action` now, or first asks what to do with unsaved changes.
    fn guard(&mut self, ctx: &egui::Context, action: PendingAction) {
        if self.history.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges(action));
        } else {
            self.proceed(ctx, action);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, action: PendingAction) {
        let quitting = action == PendingAction::Quit;
        self.proceed_unchecked(action);
        if quitting {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn proceed_unchecked(&mut self, action: PendingAction) {
        match action {
            PendingAction::New => {
                *self = Self {
                    recent: std::mem::take(&mut self.recent),
                    ..Self::new(Document::new(), None)
                };
            }
            PendingAction::Open(Some(path)) => self.open(&path),
            PendingAction::Open(None) => {
                if let Some(path) = files::pick_open() {
                    self.open(&path);
                }
            }
            PendingAction::Quit => {
                self.quit_confirmed = true;
                self.quit_requested = true;
            }
        }
    }
}

/// Opens the editor window and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Schemata")
        .with_app_id("schemata")
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([640.0, 400.0]);
    if let Some(icon) = files::app_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "schemata",
        options,
        Box::new(move |cc| {
            let mut app = match file {
                Some(path)
                    if path
                        .extension()
                        .is_some_and(|e| !e.eq_ignore_ascii_case(crate::project::EXTENSION)) =>
                {
                    let mut app = SchemataApp::new(Document::new(), None);
                    app.start_import(&path);
                    app
                }
                Some(path) => {
                    let mut app = SchemataApp::new(Document::new(), None);
                    app.open(&path);
                    app
                }
                None => SchemataApp::with_sample(),
            };
            if let Some(storage) = cc.storage {
                app.recent = files::load_recent(storage);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow::anyhow!("could not open the window: {err}"))
}

impl eframe::App for SchemataApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        files::save_recent(storage, &self.recent);
    }
}
