//! The SQL preview panel: the DDL of the selected tables (or of the whole schema) in a chosen
//! dialect, coloured, read-only, with a copy button. It follows every change of the model.

use std::collections::BTreeSet;

use crate::model::{Dialect, Document, TableId};
use crate::sql::export::{Scope, export_scope};

/// Beyond this many tables the whole-schema preview shows only the first ones; File → Export
/// SQL writes everything.
pub const PREVIEW_TABLE_LIMIT: usize = 300;

/// What the preview was computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    changes: u64,
    selection: BTreeSet<TableId>,
    dialect: Dialect,
}

/// State of the preview panel.
#[derive(Debug, Clone, Default)]
pub struct SqlPreview {
    /// Whether the panel is shown.
    pub open: bool,
    /// The dialect shown; `None` follows the project's target.
    pub dialect: Option<Dialect>,
    key: Option<Key>,
    /// The DDL shown.
    pub sql: String,
    /// Portability warnings of the shown DDL.
    pub warnings: usize,
    /// What the DDL covers, in words.
    pub subject: String,
}

impl SqlPreview {
    /// Recomputes the DDL when the model, the selection or the dialect changed.
    pub fn refresh(&mut self, doc: &Document, changes: u64, selection: &BTreeSet<TableId>) {
        let dialect = self.dialect.unwrap_or(doc.target);
        let key = Key {
            changes,
            selection: selection.clone(),
            dialect,
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let (scope, subject) = if selection.is_empty() {
            if doc.tables.len() > PREVIEW_TABLE_LIMIT {
                let first: Vec<TableId> = doc
                    .tables
                    .keys()
                    .take(PREVIEW_TABLE_LIMIT)
                    .copied()
                    .collect();
                (
                    Scope::Tables(first),
                    format!(
                        "First {PREVIEW_TABLE_LIMIT} of {} tables (File → Export SQL… writes all)",
                        doc.tables.len()
                    ),
                )
            } else {
                (Scope::Document, "Whole schema".to_owned())
            }
        } else {
            let names: Vec<String> = selection
                .iter()
                .filter_map(|id| doc.table(*id))
                .map(|t| t.name.to_string())
                .collect();
            let subject = match names.as_slice() {
                [one] => format!("Table {one}"),
                _ => format!("{} selected tables", names.len()),
            };
            (Scope::Tables(selection.iter().copied().collect()), subject)
        };
        let exported = export_scope(doc, dialect, &scope);
        self.sql = exported.sql;
        self.warnings = exported.warnings.len();
        self.subject = subject;
        self.key = Some(key);
    }

    /// The panel's contents.
    pub fn ui(&mut self, ui: &mut egui::Ui, target: Dialect) {
        ui.horizontal(|ui| {
            ui.strong("SQL");
            let current = self.dialect.unwrap_or(target);
            egui::ComboBox::from_label("dialect")
                .selected_text(current.display_name())
                .show_ui(ui, |ui| {
                    for dialect in Dialect::ALL {
                        if ui
                            .selectable_label(current == dialect, dialect.display_name())
                            .clicked()
                        {
                            self.dialect = Some(dialect);
                        }
                    }
                });
            if ui
                .button("Copy")
                .on_hover_text("Copy the SQL to the clipboard")
                .clicked()
            {
                ui.ctx().copy_text(self.sql.clone());
            }
        });
        ui.label(egui::RichText::new(&self.subject).weak());
        if self.warnings > 0 {
            ui.label(
                egui::RichText::new(format!(
                    "{} portability warning{} (File → Export SQL… lists them)",
                    self.warnings,
                    if self.warnings == 1 { "" } else { "s" }
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
        ui.separator();
        let font = egui::TextStyle::Monospace.resolve(ui.style());
        let job = super::sql_highlight::layout(&self.sql, ui.visuals().dark_mode, &font);
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add(egui::Label::new(job).selectable(true).extend());
            });
    }
}
