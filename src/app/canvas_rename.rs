//! Renaming a table in place: a text field over the table's header (F2 or a double-click).
//! Enter or clicking elsewhere renames, Escape leaves the name as it was; the rename is one
//! undo step.

use super::Command;
use super::canvas::Canvas;
use crate::model::{Document, Edit, QualifiedName, TableChange, TableId};
use crate::render::{Metrics, Rect};

/// A rename in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renaming {
    /// The table being renamed.
    pub table: TableId,
    /// The text typed so far.
    pub text: String,
}

impl Canvas {
    /// Starts renaming `table` in place.
    pub fn start_rename(&mut self, doc: &Document, table: TableId) {
        if let Some(t) = doc.table(table) {
            self.renaming = Some(Renaming {
                table,
                text: t.name.name.clone(),
            });
        }
    }

    /// Shows the rename field over the table's header, if a rename is in progress.
    pub(super) fn rename_ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        origin: egui::Pos2,
        tables: &[(TableId, Rect)],
        commands: &mut Vec<Command>,
    ) {
        let Some(renaming) = self.renaming.as_mut() else {
            return;
        };
        let (Some(table), Some((_, world))) = (
            doc.table(renaming.table),
            tables.iter().find(|(id, _)| *id == renaming.table),
        ) else {
            // The table left the view or the document.
            self.renaming = None;
            return;
        };
        let metrics = Metrics::default();
        let header = Rect::from_min_size(world.min, world.width(), metrics.header_height);
        let screen = self.viewport.screen_rect(origin, &header).shrink(2.0);
        let id = egui::Id::unique(("rename_table", renaming.table.0));
        // Keys and clicks are read before the field takes them for itself.
        let (enter, escape, clicked_at) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
                i.pointer.press_origin().filter(|_| i.pointer.any_pressed()),
            )
        });
        let response = ui.put(
            screen,
            egui::TextEdit::singleline(&mut renaming.text)
                .id(id)
                .font(egui::TextStyle::Body),
        );
        let label = format!("New name of table {}", table.name);
        response.widget_info(|| egui::WidgetInfo {
            label: Some(label.clone()),
            ..egui::WidgetInfo::text_edit(true, &table.name.name, &renaming.text, "")
        });
        let clicked_elsewhere = clicked_at.is_some_and(|p| !screen.contains(p));
        if escape {
            self.renaming = None;
        } else if enter || clicked_elsewhere {
            let name = renaming.text.trim().to_owned();
            if !name.is_empty() && name != table.name.name {
                commands.push(Command::Apply(Box::new(Edit::Table {
                    table: renaming.table,
                    change: TableChange::Rename(QualifiedName {
                        schema: table.name.schema.clone(),
                        name,
                    }),
                })));
            }
            self.renaming = None;
        } else {
            // The field keeps the keyboard until the rename ends.
            response.request_focus();
        }
    }
}
