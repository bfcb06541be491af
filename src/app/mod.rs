//! The desktop editor (feature `gui`): an eframe application over the core.
//!
//! Each frame the UI reads the state and queues [`Command`]s; they are executed after the UI
//! pass in [`SchemataApp::show`], so no widget changes the document in the middle of a frame.

mod actions;
mod canvas;
mod canvas_badges;
mod canvas_columns;
mod canvas_connect;
mod canvas_groups;
mod canvas_paint;
mod canvas_relationships;
mod canvas_rename;
mod command;
mod command_palette;
mod dialogs;
mod dispatch;
mod docs_export;
mod editing;
mod editing_groups;
mod editing_relationships;
mod files;
mod focus;
mod image_export;
mod import;
mod inspector;
mod inspector_columns;
mod inspector_group;
mod inspector_keys;
mod inspector_relationship;
mod menus;
mod minimap;
mod problems;
mod problems_panel;
mod rules_dialog;
mod search;
mod search_window;
mod sql_export;
mod sql_highlight;
mod sql_preview;
mod status_bar;
mod theme;
mod viewport;

use std::collections::BTreeSet;
use std::path::PathBuf;

pub use actions::Action;
pub use canvas::Canvas;
pub use command::{Command, Picked};
pub use command_palette::CommandPalette;
pub use dialogs::{Dialog, PendingAction};
pub use editing_relationships::ConnectTarget;
pub use focus::Focus;
pub use image_export::{ImageExportSetup, ImageFormat};
pub use import::{ImportJob, ImportReport, ImportSetup};
pub use minimap::Minimap;
pub use problems::Problems;
pub use search::Hit;
pub use search_window::Find;
pub use sql_export::ExportSetup;
pub use sql_preview::SqlPreview;
pub use theme::ThemeChoice;
pub use viewport::Viewport;

use crate::history::History;
use crate::model::{Document, TableId};

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
    /// A selected relationship, group or note.
    pub picked: Option<Picked>,
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
    /// Live design-rule findings, the Problems panel and the rule settings.
    pub problems: Problems,
    /// Whether the inspector panel is shown.
    pub inspector_open: bool,
    /// For how many more frames to give the keyboard focus to the inspector's name field
    /// (after creating a table, or on F2); a field shown for the first time takes the focus
    /// only from its second frame on.
    pub focus_table_name: u8,
    /// The command palette (Ctrl+K).
    pub palette: CommandPalette,
    /// The Find window (Ctrl+F).
    pub find: Find,
    /// Focus mode: fade all but the selection and its neighbours.
    pub focus: Focus,
    /// Light, dark, or as the system says; kept between runs.
    pub theme: ThemeChoice,
    commands: Vec<Command>,
    sent_title: String,
}

impl SchemataApp {
    /// An editor showing `doc`, loaded from `path` (if any).
    pub fn new(doc: Document, path: Option<PathBuf>) -> Self {
        let mut canvas = Canvas::default();
        canvas.fit_pending = true;
        canvas.snap = true;
        Self {
            history: History::new(doc),
            path,
            untitled_name: "Untitled".into(),
            selection: BTreeSet::new(),
            picked: None,
            canvas,
            dialog: None,
            recent: Vec::new(),
            status: String::new(),
            quit_confirmed: false,
            quit_requested: false,
            import_job: None,
            preview: SqlPreview::default(),
            problems: Problems::default(),
            focus_table_name: 0,
            inspector_open: true,
            palette: CommandPalette::default(),
            find: Find::default(),
            focus: Focus::default(),
            theme: ThemeChoice::default(),
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
        let navigating = self.palette.open || self.find.open;
        if self.dialog.is_none() && !self.import_running() && !navigating {
            // While a text field has the keyboard, its keys (Delete, Ctrl+A, Ctrl+Z, arrows,
            // pasting) belong to the text.
            let typing = ctx.egui_wants_keyboard_input() || self.canvas.renaming.is_some();
            for action in actions::triggered(&ctx, typing) {
                if !(typing && action.is_text_editing()) {
                    self.commands.push(Command::Action(action));
                }
            }
            if !typing {
                self.keyboard_editing(&ctx);
            }
        }
        self.problems
            .refresh(self.history.doc(), self.history.changes());
        egui::Panel::top("menu_bar").show(ui, |ui| menus::menu_bar_ui(self, ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        if self.problems.open {
            let mut queued = Vec::new();
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(220.0)
                .min_size(80.0)
                .show(ui, |ui| {
                    self.problems.panel_ui(ui, self.history.doc(), &mut queued);
                });
            self.commands.extend(queued);
        }
        if self.problems.rules_open {
            let mut queued = Vec::new();
            self.problems
                .rules_window(&ctx, self.history.doc(), &mut queued);
            self.commands.extend(queued);
        }
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
                let changes = self.history.changes();
                self.canvas.badges = self.problems.badges.clone();
                self.canvas.picked = self.picked;
                self.focus.refresh(
                    self.history.doc(),
                    changes,
                    &self.selection,
                    &mut self.canvas.focus,
                );
                self.canvas.ui(
                    ui,
                    self.history.doc(),
                    changes,
                    &self.selection,
                    &mut queued,
                );
                self.commands.extend(queued);
            });
        self.palette.ui(&ctx, &mut self.commands);
        self.find.ui(
            &ctx,
            self.history.doc(),
            self.history.changes(),
            &mut self.commands,
        );
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
                app.theme = theme::load_theme(storage);
            }
            app.theme.apply(&cc.egui_ctx);
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
        theme::save_theme(storage, self.theme);
    }
}
