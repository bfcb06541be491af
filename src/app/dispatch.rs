//! Carrying out commands and menu actions after the UI pass.

use super::{
    Action, Command, Dialog, PendingAction, Picked, SchemataApp, ThemeChoice, files, import,
};
use crate::model::Document;

impl SchemataApp {
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
            Command::ExportImageTo(path, options) => self.export_image_to(&path, &options),
            Command::ExportDocsTo(path) => self.export_docs_to(&path),
            Command::Select(selection) => {
                self.selection = selection
                    .into_iter()
                    .filter(|id| self.doc().tables.contains_key(id))
                    .collect();
                if !self.selection.is_empty() {
                    self.picked = None;
                }
            }
            Command::Pick(picked) => {
                self.picked = picked;
                if picked.is_some() {
                    self.selection.clear();
                }
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
            Command::AddReference(table, target) => self.add_reference(table, target),
            Command::Connect(from, target) => self.connect(from, target),
            Command::CenterOn(table) => self.center_on(table),
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
            Action::ExportImage => self.start_image_export(),
            Action::ExportDocs => self.start_docs_export(),
            Action::ToggleSqlPreview => self.preview.open = !self.preview.open,
            Action::ToggleProblems => self.problems.open = !self.problems.open,
            Action::DesignRules => self.problems.rules_open = true,
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
                self.picked = None;
            }
            Action::Delete => {
                if !self.delete_picked() && !self.delete_picked_relationship() {
                    self.delete_selection(false);
                }
            }
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
            Action::Rename => {
                if let Some(&table) = self.selection.first().filter(|_| self.selection.len() == 1) {
                    self.canvas.start_rename(self.history.doc(), table);
                } else if matches!(self.picked, Some(Picked::Group(_) | Picked::Note(_))) {
                    // The inspector's name (or text) field takes the keyboard.
                    self.focus_table_name = 2;
                }
            }
            Action::ToggleCollapse => self.toggle_collapse(),
            Action::ManyToMany => self.create_many_to_many(),
            Action::AutoLayout => self.auto_layout(),
            Action::GroupSelection => self.group_selection(),
            Action::Ungroup => self.ungroup(),
            Action::AddNote => self.add_note(),
            Action::ZoomIn => self.canvas.zoom_centered(1.25),
            Action::ZoomOut => self.canvas.zoom_centered(0.8),
            Action::ZoomToFit => {
                self.canvas.zoom_to_fit(self.history.doc());
            }
            Action::ZoomReset => self.canvas.zoom_centered(1.0 / self.canvas.viewport.zoom),
            Action::CommandPalette => self.palette.show(),
            Action::Find => self.find.show(),
            Action::ToggleMinimap => self.canvas.minimap.toggle(),
            Action::ToggleFocus => self.focus.toggle(),
            Action::ThemeSystem => self.set_theme(ctx, ThemeChoice::System),
            Action::ThemeLight => self.set_theme(ctx, ThemeChoice::Light),
            Action::ThemeDark => self.set_theme(ctx, ThemeChoice::Dark),
        }
    }

    fn set_theme(&mut self, ctx: &egui::Context, choice: ThemeChoice) {
        self.theme = choice;
        choice.apply(ctx);
    }

    fn retain_existing_selection(&mut self) {
        let doc = self.history.doc();
        self.selection.retain(|id| doc.tables.contains_key(id));
        self.picked = self.picked.filter(|p| p.exists(doc));
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
                    theme: self.theme,
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
