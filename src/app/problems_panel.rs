//! The Problems panel: findings grouped by severity and rule, filterable; clicking one
//! selects and centres its table, a button applies its quick fix, another silences it.

use std::collections::BTreeSet;

use super::Command;
use super::problems::Problems;
use crate::model::{Document, Edit, Severity, Suppression};
use crate::rules::{Finding, subject_label};

/// Rows shown per rule before "… and N more".
const ROWS_PER_RULE: usize = 100;

/// What a click in the list asked for, carried out after the list is drawn.
enum RowAction {
    Show(crate::model::TableId),
    Fix(Box<Edit>),
    StartSuppress(String, String),
}

impl Problems {
    /// The panel's contents.
    pub fn panel_ui(&mut self, ui: &mut egui::Ui, doc: &Document, commands: &mut Vec<Command>) {
        ui.set_min_width(ui.available_width());
        self.header_ui(ui);
        ui.separator();
        let mut actions = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.import_ui(ui, &mut actions);
                self.findings_ui(ui, doc, &mut actions);
                if self.rows.is_empty() && self.import_notes.is_none() {
                    ui.label("No problems found.");
                }
            });
        self.suppress_ui(ui, doc, commands);
        for action in actions {
            match action {
                RowAction::Show(table) => {
                    commands.push(Command::Select(BTreeSet::from([table])));
                    commands.push(Command::CenterOn(table));
                }
                RowAction::Fix(edit) => commands.push(Command::Apply(edit)),
                RowAction::StartSuppress(rule, object) => {
                    self.suppressing = Some((rule, object, String::new()));
                }
            }
        }
    }

    fn header_ui(&mut self, ui: &mut egui::Ui) {
        let counts = self.counts;
        ui.horizontal(|ui| {
            ui.strong("Problems");
            ui.checkbox(&mut self.show[0], format!("Errors ({})", counts.errors));
            ui.checkbox(&mut self.show[1], format!("Warnings ({})", counts.warnings));
            ui.checkbox(&mut self.show[2], format!("Infos ({})", counts.infos));
            let label = ui.label("Filter:");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text("rule, table or words")
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
            if ui.button("Design rules…").clicked() {
                self.rules_open = true;
            }
            if counts.suppressed > 0 {
                ui.label(format!("{} suppressed", counts.suppressed));
            }
        });
    }

    fn import_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<RowAction>) {
        let Some((file, notes)) = &self.import_notes else {
            return;
        };
        if notes.is_empty() {
            return;
        }
        egui::CollapsingHeader::new(format!("Import of {file} ({})", notes.len()))
            .id_salt("problems-import")
            .default_open(true)
            .show(ui, |ui| {
                for (diagnostic, table) in notes {
                    ui.horizontal(|ui| {
                        let text = format!(
                            "{}:{} {}: {}",
                            diagnostic.line,
                            diagnostic.column,
                            diagnostic.severity,
                            diagnostic.message
                        );
                        let row = ui.selectable_label(false, text);
                        if let Some(table) = table
                            && row.clicked()
                        {
                            actions.push(RowAction::Show(*table));
                        }
                    });
                }
            });
    }

    fn visible(&self, finding: &Finding, doc: &Document, filter: &str) -> bool {
        let shown = match finding.severity {
            Severity::Error => self.show[0],
            Severity::Warning => self.show[1],
            Severity::Info => self.show[2],
        };
        if !shown {
            return false;
        }
        if filter.is_empty() {
            return true;
        }
        finding.rule.contains(filter)
            || finding.message.to_lowercase().contains(filter)
            || subject_label(doc, doc.target, finding.subject)
                .to_lowercase()
                .contains(filter)
    }

    fn findings_ui(&self, ui: &mut egui::Ui, doc: &Document, actions: &mut Vec<RowAction>) {
        let filter = self.filter.trim().to_lowercase();
        let visible: Vec<&Finding> = self
            .rows
            .iter()
            .filter(|f| self.visible(f, doc, &filter))
            .collect();
        // Rows are sorted by severity, then rule: each run of one (severity, rule) is a group.
        let mut start = 0;
        while start < visible.len() {
            let Some(first) = visible.get(start) else {
                break;
            };
            let end = visible[start..]
                .iter()
                .position(|f| f.rule != first.rule || f.severity != first.severity)
                .map_or(visible.len(), |n| start + n);
            let group = &visible[start..end];
            let summary = crate::rules::rule(first.rule).map_or("", |r| r.meta().summary);
            let help = crate::rules::rule(first.rule).map_or("", |r| r.meta().help);
            let header = egui::CollapsingHeader::new(format!(
                "{} · {} ({}) — {summary}",
                first.severity,
                first.rule,
                group.len()
            ))
            .id_salt(("problems", first.rule, first.severity))
            .default_open(group.len() <= 30)
            .show(ui, |ui| {
                for finding in group.iter().take(ROWS_PER_RULE) {
                    row_ui(ui, doc, finding, actions);
                }
                if group.len() > ROWS_PER_RULE {
                    ui.weak(format!(
                        "… and {} more (use the filter to narrow the list)",
                        group.len() - ROWS_PER_RULE
                    ));
                }
            });
            header.header_response.on_hover_text(help);
            start = end;
        }
    }

    fn suppress_ui(&mut self, ui: &mut egui::Ui, doc: &Document, commands: &mut Vec<Command>) {
        let Some((rule, object, reason)) = &mut self.suppressing else {
            return;
        };
        let mut done = false;
        ui.separator();
        ui.horizontal(|ui| {
            let label = ui.label(format!("Suppress {rule} on {object} because:"));
            ui.add(
                egui::TextEdit::singleline(reason)
                    .hint_text("the reason reviewers will read")
                    .desired_width(300.0),
            )
            .labelled_by(label.id);
            let ready = !reason.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new("Suppress"))
                .clicked()
            {
                let mut config = doc.lint.clone();
                config.suppressions.push(Suppression {
                    rule: rule.clone(),
                    object: object.clone(),
                    reason: reason.trim().to_owned(),
                });
                commands.push(Command::Apply(Box::new(Edit::SetLintConfig(config))));
                done = true;
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
        if done {
            self.suppressing = None;
        }
    }
}

fn row_ui(ui: &mut egui::Ui, doc: &Document, finding: &Finding, actions: &mut Vec<RowAction>) {
    ui.horizontal(|ui| {
        let row = ui.selectable_label(false, &finding.message);
        if row.clicked()
            && let Some(table) = finding.subject.table()
        {
            actions.push(RowAction::Show(table));
        }
        if let Some(fix) = &finding.fix
            && ui
                .small_button(format!("Fix: {}", fix.label))
                .on_hover_text("Apply the quick fix (one undoable step)")
                .clicked()
        {
            actions.push(RowAction::Fix(Box::new(fix.edit.clone())));
        }
        if ui
            .small_button("Suppress…")
            .on_hover_text("Silence this rule on this object, with a reason")
            .clicked()
        {
            let object = subject_label(doc, doc.target, finding.subject);
            actions.push(RowAction::StartSuppress(finding.rule.to_owned(), object));
        }
    });
}
