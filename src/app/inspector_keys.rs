//! The inspector's sections for foreign keys, indexes and checks of the selected table.

use super::Command;
use super::inspector::{change, text_field};
use crate::model::{
    CheckConstraint, ColumnId, ColumnRef, Constraint, ConstraintId, Document, Index, IndexKey,
    IndexPart, ReferentialAction, SortOrder, Table, TableChange, TableRef,
};

const ACTIONS: [ReferentialAction; 5] = [
    ReferentialAction::NoAction,
    ReferentialAction::Restrict,
    ReferentialAction::Cascade,
    ReferentialAction::SetNull,
    ReferentialAction::SetDefault,
];

fn names(table: &Table, ids: &[ColumnId]) -> String {
    table.column_names(ids).join(", ")
}

pub(super) fn remove_button(ui: &mut egui::Ui, what: &str) -> bool {
    let response = ui.small_button("Remove");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, what));
    response.on_hover_text(what).clicked()
}

/// Foreign keys: where each points, its actions; add one to another table.
pub fn foreign_keys_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    table: &Table,
    commands: &mut Vec<Command>,
) {
    ui.heading("Foreign keys");
    for fk in &table.foreign_keys {
        let target = doc.referenced_table(fk);
        let target_name = match (&fk.referenced_table, target) {
            (_, Some(t)) => t.name.to_string(),
            (TableRef::Unresolved(name), None) => format!("{name} (missing)"),
            (TableRef::Resolved(_), None) => "?".into(),
        };
        let referenced = fk.referenced_names(target);
        ui.horizontal(|ui| {
            ui.label(format!(
                "({}) references {target_name} ({})",
                names(table, &fk.columns),
                referenced.join(", ")
            ));
            let label = format!(
                "Remove foreign key ({}) to {target_name}",
                names(table, &fk.columns)
            );
            if remove_button(ui, &label) {
                commands.push(Command::Apply(change(
                    table,
                    TableChange::RemoveConstraint(fk.id),
                )));
            }
        });
        retarget_ui(ui, doc, table, fk, &target_name, commands);
        if let Some(target) = target {
            pairs_ui(ui, table, target, fk, commands);
        }
        actions_ui(ui, table, fk, commands);
    }
    egui::ComboBox::from_label("Add a reference to a table")
        .selected_text("choose…")
        .show_ui(ui, |ui| {
            for target in doc.tables.values() {
                if ui
                    .selectable_label(false, target.name.to_string())
                    .clicked()
                {
                    commands.push(Command::AddReference(table.id, target.id));
                }
            }
        });
}

/// The key's ON DELETE and ON UPDATE actions, each chosen from a list.
pub(super) fn actions_ui(
    ui: &mut egui::Ui,
    table: &Table,
    fk: &crate::model::ForeignKey,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        for (word, current, on_delete) in [
            ("on delete", fk.on_delete, true),
            ("on update", fk.on_update, false),
        ] {
            egui::ComboBox::new(("fk_action", fk.id.0, on_delete), word)
                .selected_text(current.sql())
                .show_ui(ui, |ui| {
                    for action in ACTIONS {
                        if ui
                            .selectable_label(action == current, action.sql())
                            .clicked()
                        {
                            let mut edited = fk.clone();
                            if on_delete {
                                edited.on_delete = action;
                            } else {
                                edited.on_update = action;
                            }
                            commands.push(Command::Apply(change(
                                table,
                                TableChange::ReplaceConstraint(Constraint::ForeignKey(edited)),
                            )));
                        }
                    }
                });
        }
    });
}

/// Points the key at another table: its referenced columns become that table's primary key.
pub(super) fn retarget_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    table: &Table,
    fk: &crate::model::ForeignKey,
    current: &str,
    commands: &mut Vec<Command>,
) {
    egui::ComboBox::new(("fk_target", fk.id.0), "target table")
        .selected_text(current)
        .show_ui(ui, |ui| {
            for candidate in doc.tables.values() {
                let chosen = fk.referenced_table == TableRef::Resolved(candidate.id);
                if ui
                    .selectable_label(chosen, candidate.name.to_string())
                    .clicked()
                    && !chosen
                {
                    let key: Vec<ColumnRef> = candidate
                        .primary_key
                        .as_ref()
                        .map(|pk| pk.columns.iter().map(|c| ColumnRef::Resolved(*c)).collect())
                        .unwrap_or_default();
                    let mut edited = fk.clone();
                    edited.referenced_table = TableRef::Resolved(candidate.id);
                    // Pair the key's columns with the referencing ones, as many as both have.
                    let pairs = key.len().min(edited.columns.len()).max(1);
                    edited.columns.truncate(pairs);
                    edited.referenced_columns = key.into_iter().take(pairs).collect();
                    commands.push(Command::Apply(change(
                        table,
                        TableChange::ReplaceConstraint(Constraint::ForeignKey(edited)),
                    )));
                }
            }
        });
}

/// The key's column pairs, each column chosen from a list: this table's column and the target
/// column it references.
pub(super) fn pairs_ui(
    ui: &mut egui::Ui,
    table: &Table,
    target: &Table,
    fk: &crate::model::ForeignKey,
    commands: &mut Vec<Command>,
) {
    let replace = |edited: crate::model::ForeignKey| {
        Command::Apply(change(
            table,
            TableChange::ReplaceConstraint(Constraint::ForeignKey(edited)),
        ))
    };
    for (i, column) in fk.columns.iter().enumerate() {
        let referenced = match fk.referenced_columns.get(i) {
            Some(ColumnRef::Resolved(id)) => target.column(*id).map(|c| c.name.clone()),
            Some(ColumnRef::Unresolved(name)) => Some(name.clone()),
            None => None,
        }
        .unwrap_or_default();
        ui.horizontal(|ui| {
            let own = table.column(*column).map_or("?", |c| c.name.as_str());
            egui::ComboBox::new(("fk_from", fk.id.0, i), "references")
                .selected_text(own)
                .show_ui(ui, |ui| {
                    for candidate in &table.columns {
                        if ui
                            .selectable_label(candidate.id == *column, &candidate.name)
                            .clicked()
                        {
                            let mut edited = fk.clone();
                            edited.columns[i] = candidate.id;
                            commands.push(replace(edited));
                        }
                    }
                });
            egui::ComboBox::new(("fk_to", fk.id.0, i), format!("of {}", target.name))
                .selected_text(referenced.as_str())
                .show_ui(ui, |ui| {
                    for candidate in &target.columns {
                        if ui
                            .selectable_label(candidate.name == referenced, &candidate.name)
                            .clicked()
                        {
                            let mut edited = fk.clone();
                            if let Some(slot) = edited.referenced_columns.get_mut(i) {
                                *slot = ColumnRef::Resolved(candidate.id);
                            }
                            commands.push(replace(edited));
                        }
                    }
                });
        });
    }
    let pair = ui.small_button("Add column pair");
    pair.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Add column pair to {}", target.name),
        )
    });
    if pair.clicked()
        && let (Some(own), Some(other)) = (table.columns.first(), target.columns.first())
    {
        let mut edited = fk.clone();
        edited.columns.push(own.id);
        edited
            .referenced_columns
            .push(ColumnRef::Resolved(other.id));
        commands.push(replace(edited));
    }
}

/// Indexes: their columns and uniqueness; add one on a column.
pub fn indexes_ui(ui: &mut egui::Ui, table: &Table, commands: &mut Vec<Command>) {
    ui.heading("Indexes");
    for index in &table.indexes {
        let parts: Vec<String> = index
            .parts
            .iter()
            .map(|p| match &p.key {
                IndexKey::Column(id) => table
                    .column(*id)
                    .map_or_else(|| "?".into(), |c| c.name.clone()),
                IndexKey::Expression(e) => format!("({e})"),
            })
            .collect();
        let name = index.name.clone().unwrap_or_default();
        ui.horizontal(|ui| {
            ui.label(format!("{name} ({})", parts.join(", ")));
            if index.predicate.is_some() {
                ui.weak("partial");
            }
            let mut unique = index.unique;
            if ui.checkbox(&mut unique, "unique").changed() {
                let edited = Index {
                    unique,
                    ..index.clone()
                };
                commands.push(Command::Apply(change(
                    table,
                    TableChange::ReplaceConstraint(Constraint::Index(edited)),
                )));
            }
            if remove_button(ui, &format!("Remove index {name}")) {
                commands.push(Command::Apply(change(
                    table,
                    TableChange::RemoveConstraint(index.id),
                )));
            }
        });
        // More columns: an index over several columns is built one column at a time.
        egui::ComboBox::new(("index_more", index.id.0), format!("add to {name}"))
            .selected_text("column…")
            .show_ui(ui, |ui| {
                for column in &table.columns {
                    if ui.selectable_label(false, column.name.as_str()).clicked() {
                        let mut edited = index.clone();
                        edited.parts.push(IndexPart {
                            key: IndexKey::Column(column.id),
                            order: SortOrder::Asc,
                            length: None,
                        });
                        commands.push(Command::Apply(change(
                            table,
                            TableChange::ReplaceConstraint(Constraint::Index(edited)),
                        )));
                    }
                }
            });
    }
    egui::ComboBox::from_label("Add an index on a column")
        .selected_text("choose…")
        .show_ui(ui, |ui| {
            for column in &table.columns {
                if ui.selectable_label(false, column.name.as_str()).clicked() {
                    let index = Index {
                        id: ConstraintId(0),
                        name: Some(format!("{}_{}_idx", table.name.name, column.name)),
                        parts: vec![IndexPart {
                            key: IndexKey::Column(column.id),
                            order: SortOrder::Asc,
                            length: None,
                        }],
                        unique: false,
                        predicate: None,
                        method: None,
                        include: Vec::new(),
                        source: None,
                    };
                    commands.push(Command::Apply(change(
                        table,
                        TableChange::AddConstraint(Constraint::Index(index)),
                    )));
                }
            }
        });
}

/// Check constraints: name and expression, editable; add and remove.
pub fn checks_ui(ui: &mut egui::Ui, table: &Table, commands: &mut Vec<Command>) {
    ui.heading("Checks");
    for check in &table.checks {
        ui.horizontal(|ui| {
            let edited = check.clone();
            let label = format!("Check {}", check.name.as_deref().unwrap_or("expression"));
            text_field(
                ui,
                &label,
                &check.expression,
                format!("check:{}:{}", table.id, check.id),
                260.0,
                commands,
                |text| {
                    change(
                        table,
                        TableChange::ReplaceConstraint(Constraint::Check(CheckConstraint {
                            expression: text,
                            ..edited
                        })),
                    )
                },
            );
            if remove_button(ui, &format!("Remove {label}")) {
                commands.push(Command::Apply(change(
                    table,
                    TableChange::RemoveConstraint(check.id),
                )));
            }
        });
    }
    if ui.button("Add check").clicked() {
        let expression = table
            .columns
            .last()
            .map_or_else(|| "true".to_owned(), |c| format!("{} IS NOT NULL", c.name));
        let check = CheckConstraint {
            id: ConstraintId(0),
            name: None,
            expression,
        };
        commands.push(Command::Apply(change(
            table,
            TableChange::AddConstraint(Constraint::Check(check)),
        )));
    }
}
