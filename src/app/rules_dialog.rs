//! The design-rule settings window: turn rules on and off, change their severity, set their
//! options, and review suppressions. Every change is an undoable edit of the project.

use super::Command;
use super::problems::Problems;
use crate::model::{Document, Edit, LintConfig, Severity};
use crate::rules::{Category, RuleMeta, registry};

impl Problems {
    /// Shows the settings window while it is open.
    pub fn rules_window(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        commands: &mut Vec<Command>,
    ) {
        let mut open = self.rules_open;
        egui::Window::new("Design rules")
            .open(&mut open)
            .default_size([720.0, 560.0])
            .vscroll(false)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("Filter:");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.rules_filter)
                            .hint_text("rule id or words")
                            .desired_width(220.0),
                    )
                    .labelled_by(label.id);
                    ui.label(format!("Checked for {}", doc.target.display_name()));
                    if ui
                        .add_enabled(!doc.lint.is_default(), egui::Button::new("Reset all"))
                        .clicked()
                    {
                        commands.push(Command::Apply(Box::new(Edit::SetLintConfig(
                            LintConfig::default(),
                        ))));
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        rules_list_ui(ui, doc, &self.rules_filter, commands);
                        suppressions_ui(ui, doc, commands);
                    });
            });
        self.rules_open = open;
    }
}

fn rules_list_ui(ui: &mut egui::Ui, doc: &Document, filter: &str, commands: &mut Vec<Command>) {
    let filter = filter.trim().to_lowercase();
    let mut categories: Vec<Category> = registry().iter().map(|r| r.meta().category).collect();
    categories.sort();
    categories.dedup();
    for category in categories {
        let metas: Vec<&RuleMeta> = registry()
            .iter()
            .map(|r| r.meta())
            .filter(|m| m.category == category)
            .filter(|m| {
                filter.is_empty()
                    || m.id.contains(&filter)
                    || m.summary.to_lowercase().contains(&filter)
            })
            .collect();
        if metas.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(format!("{} ({})", category.name(), metas.len()))
            .id_salt(("rules-category", category.name()))
            .default_open(true)
            .show(ui, |ui| {
                for meta in metas {
                    rule_ui(ui, doc, meta, commands);
                }
            });
    }
}

fn rule_ui(ui: &mut egui::Ui, doc: &Document, meta: &RuleMeta, commands: &mut Vec<Command>) {
    let setting = doc.lint.rule(meta.id).cloned().unwrap_or_default();
    let enabled = setting.enabled.unwrap_or(meta.enabled);
    let severity = setting.severity.unwrap_or(meta.severity);
    let change = |f: &dyn Fn(&mut LintConfig)| {
        let mut config = doc.lint.clone();
        f(&mut config);
        Edit::SetLintConfig(config)
    };
    ui.horizontal(|ui| {
        let mut on = enabled;
        let toggle = ui
            .checkbox(&mut on, meta.id)
            .on_hover_text(format!("{}\n\n{}", meta.summary, meta.help));
        if toggle.changed() {
            let edit = change(&|c: &mut LintConfig| {
                c.rule_mut(meta.id).enabled = (on != meta.enabled).then_some(on);
            });
            commands.push(Command::Apply(Box::new(edit)));
        }
        let mut chosen = severity;
        egui::ComboBox::new(("severity", meta.id), "severity")
            .selected_text(chosen.name())
            .show_ui(ui, |ui| {
                for level in Severity::ALL {
                    ui.selectable_value(&mut chosen, level, level.name());
                }
            });
        if chosen != severity {
            let edit = change(&|c: &mut LintConfig| {
                c.rule_mut(meta.id).severity = (chosen != meta.severity).then_some(chosen);
            });
            commands.push(Command::Apply(Box::new(edit)));
        }
        ui.weak(meta.summary);
    });
    for option in meta.options {
        ui.horizontal(|ui| {
            ui.add_space(24.0);
            let current = setting
                .options
                .get(option.name)
                .cloned()
                .unwrap_or_else(|| option.default.to_owned());
            let mut text = current.clone();
            let label = ui.label(option.name).on_hover_text(option.help);
            ui.add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text(option.default)
                    .desired_width(260.0),
            )
            .labelled_by(label.id)
            .on_hover_text(option.help);
            if text != current {
                let edit = change(&|c: &mut LintConfig| {
                    let options = &mut c.rule_mut(meta.id).options;
                    if text == option.default {
                        options.remove(option.name);
                    } else {
                        options.insert(option.name.to_owned(), text.clone());
                    }
                });
                let key = format!("lint-option {} {}", meta.id, option.name);
                commands.push(Command::ApplyCoalescing(Box::new(edit), key));
            }
        });
    }
}

fn suppressions_ui(ui: &mut egui::Ui, doc: &Document, commands: &mut Vec<Command>) {
    let suppressions = &doc.lint.suppressions;
    egui::CollapsingHeader::new(format!("Suppressions ({})", suppressions.len()))
        .id_salt("rules-suppressions")
        .default_open(!suppressions.is_empty())
        .show(ui, |ui| {
            if suppressions.is_empty() {
                ui.weak("None. Use \"Suppress…\" on a problem to silence a rule on one object.");
            }
            for (index, s) in suppressions.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(format!("{} on {}: {}", s.rule, s.object, s.reason));
                    if ui.small_button("Remove").clicked() {
                        let mut config = doc.lint.clone();
                        config.suppressions.remove(index);
                        commands.push(Command::Apply(Box::new(Edit::SetLintConfig(config))));
                    }
                });
            }
        });
}
