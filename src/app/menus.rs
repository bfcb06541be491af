//! The menu bar, built from the action list.

use super::{Action, Command, SchemataApp, ThemeChoice};

fn action_button(
    ui: &mut egui::Ui,
    app: &mut SchemataApp,
    action: Action,
    text: &str,
    enabled: bool,
) {
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        app.queue(Command::Action(action));
        ui.close();
    }
}

/// The menu bar: File, Edit, View.
pub fn menu_bar_ui(app: &mut SchemataApp, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for action in [Action::New, Action::Open] {
                action_button(ui, app, action, action.label(), true);
            }
            ui.menu_button("Open recent", |ui| {
                if app.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in app.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        app.queue(Command::OpenPath(path));
                        ui.close();
                    }
                }
            });
            ui.separator();
            action_button(ui, app, Action::ImportSql, Action::ImportSql.label(), true);
            action_button(ui, app, Action::ExportSql, Action::ExportSql.label(), true);
            let drawable = !app.doc().tables.is_empty();
            action_button(
                ui,
                app,
                Action::ExportImage,
                Action::ExportImage.label(),
                drawable,
            );
            action_button(
                ui,
                app,
                Action::ExportDocs,
                Action::ExportDocs.label(),
                true,
            );
            ui.separator();
            for action in [Action::Save, Action::SaveAs] {
                action_button(ui, app, action, action.label(), true);
            }
            ui.separator();
            action_button(ui, app, Action::Quit, Action::Quit.label(), true);
        });
        ui.menu_button("Edit", |ui| {
            let undo = app
                .history
                .undo_label()
                .map_or_else(|| "Undo".to_owned(), |l| format!("Undo {l}"));
            let redo = app
                .history
                .redo_label()
                .map_or_else(|| "Redo".to_owned(), |l| format!("Redo {l}"));
            let can_undo = app.history.undo_label().is_some();
            let can_redo = app.history.redo_label().is_some();
            action_button(ui, app, Action::Undo, &undo, can_undo);
            action_button(ui, app, Action::Redo, &redo, can_redo);
            ui.separator();
            let some = !app.selection.is_empty();
            for action in [Action::Cut, Action::Copy, Action::Duplicate] {
                action_button(ui, app, action, action.label(), some);
            }
            // Delete also removes a picked relationship, group or note.
            let deletable = some || app.picked.is_some();
            action_button(ui, app, Action::Delete, Action::Delete.label(), deletable);
            action_button(
                ui,
                app,
                Action::Rename,
                Action::Rename.label(),
                app.selection.len() == 1,
            );
            action_button(
                ui,
                app,
                Action::ToggleCollapse,
                Action::ToggleCollapse.label(),
                some,
            );
            action_button(
                ui,
                app,
                Action::ManyToMany,
                Action::ManyToMany.label(),
                matches!(app.selection.len(), 1 | 2),
            );
            ui.separator();
            action_button(ui, app, Action::SelectAll, Action::SelectAll.label(), true);
            action_button(
                ui,
                app,
                Action::ClearSelection,
                Action::ClearSelection.label(),
                true,
            );
        });
        ui.menu_button("Arrange", |ui| {
            let some = !app.selection.is_empty();
            let layout = if some {
                "Auto layout selection"
            } else {
                "Auto layout"
            };
            action_button(
                ui,
                app,
                Action::AutoLayout,
                layout,
                !app.doc().tables.is_empty(),
            );
            ui.separator();
            let can_ungroup = app.can_ungroup();
            action_button(ui, app, Action::GroupSelection, "Group selection", some);
            action_button(ui, app, Action::Ungroup, "Ungroup", can_ungroup);
            action_button(ui, app, Action::AddNote, "Add note", true);
        });
        ui.menu_button("View", |ui| {
            for action in [Action::Find, Action::CommandPalette] {
                action_button(ui, app, action, action.label(), true);
            }
            ui.separator();
            for action in [
                Action::ZoomIn,
                Action::ZoomOut,
                Action::ZoomToFit,
                Action::ZoomReset,
            ] {
                action_button(ui, app, action, action.label(), true);
            }
            ui.separator();
            let preview = if app.preview.open {
                "Hide SQL preview"
            } else {
                "Show SQL preview"
            };
            action_button(ui, app, Action::ToggleSqlPreview, preview, true);
            let problems = if app.problems.open {
                "Hide problems"
            } else {
                "Show problems"
            };
            action_button(ui, app, Action::ToggleProblems, problems, true);
            action_button(
                ui,
                app,
                Action::DesignRules,
                Action::DesignRules.label(),
                true,
            );
            let mut snap = app.canvas.snap;
            if ui.checkbox(&mut snap, "Snap to grid").clicked() {
                app.canvas.snap = snap;
                ui.close();
            }
            let mut open = app.inspector_open;
            if ui.checkbox(&mut open, "Inspector").clicked() {
                app.inspector_open = open;
                ui.close();
            }
            navigation_items(ui, app);
        });
    });
}

/// The View menu's minimap, focus and theme entries.
fn navigation_items(ui: &mut egui::Ui, app: &mut SchemataApp) {
    let mut minimap = app.canvas.minimap.shown;
    if ui
        .checkbox(&mut minimap, Action::ToggleMinimap.label())
        .clicked()
    {
        app.queue(Command::Action(Action::ToggleMinimap));
        ui.close();
    }
    let mut focus = app.focus.on;
    let shortcut = Action::ToggleFocus
        .shortcut()
        .map(|s| ui.ctx().format_shortcut(&s))
        .unwrap_or_default();
    if ui
        .checkbox(&mut focus, Action::ToggleFocus.label())
        .on_hover_text(shortcut)
        .clicked()
    {
        app.queue(Command::Action(Action::ToggleFocus));
        ui.close();
    }
    ui.separator();
    ui.menu_button("Theme", |ui| {
        for choice in ThemeChoice::ALL {
            if ui.radio(app.theme == choice, choice.label()).clicked() {
                app.queue(Command::Action(choice.action()));
                ui.close();
            }
        }
    });
}
