//! The inspector for a selected relationship: its two ends, column pairs, cardinality,
//! whether it is required, its ON DELETE / ON UPDATE actions, name, and removal.

use std::collections::BTreeSet;

use super::inspector::{change, text_field};
use super::inspector_keys::{actions_ui, pairs_ui, retarget_ui};
use super::{Command, Picked};
use crate::model::{Column, Constraint, Document, Edit, ForeignKey, Table, TableChange};

/// A link-like button that selects a table.
fn table_link(ui: &mut egui::Ui, table: &Table, commands: &mut Vec<Command>) {
    let name = table.name.to_string();
    let response = ui.link(&name);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Link, true, format!("Select table {name}"))
    });
    if response.clicked() {
        commands.push(Command::Select(BTreeSet::from([table.id])));
        commands.push(Command::CenterOn(table.id));
    }
}

/// Makes every referencing column NOT NULL (`required`) or nullable, as one step.
fn set_required(table: &Table, fk: &ForeignKey, required: bool) -> Box<Edit> {
    let edits = fk
        .columns
        .iter()
        .filter_map(|id| table.column(*id))
        .map(|column| Edit::Table {
            table: table.id,
            change: TableChange::ReplaceColumn(Column {
                nullable: !required,
                ..column.clone()
            }),
        })
        .collect();
    let word = if required { "Require" } else { "Make optional" };
    Box::new(Edit::Batch {
        label: format!("{word} reference from {}", table.name),
        edits,
    })
}

/// The inspector for the relationship `fk` of `table`.
pub fn relationship_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    table: &Table,
    fk: &ForeignKey,
    commands: &mut Vec<Command>,
) {
    let target = doc.referenced_table(fk);
    ui.heading("Relationship");
    egui::Grid::new("relationship_ends")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label("From");
            ui.horizontal(|ui| {
                table_link(ui, table, commands);
                ui.label(format!("({})", table.column_names(&fk.columns).join(", ")));
            });
            ui.end_row();
            ui.label("To");
            ui.horizontal(|ui| {
                match target {
                    Some(t) => table_link(ui, t, commands),
                    None => {
                        ui.label("(missing table)");
                    }
                }
                ui.label(format!("({})", fk.referenced_names(target).join(", ")));
            });
            ui.end_row();
            ui.label("Cardinality");
            ui.label(crate::model::Cardinality::of(table, fk).label());
            ui.end_row();
            ui.label("Name");
            let key = format!("fk_name:{}:{}", table.id, fk.id.0);
            text_field(
                ui,
                "Relationship name",
                fk.name.as_deref().unwrap_or(""),
                key,
                220.0,
                commands,
                |text| {
                    let mut edited = fk.clone();
                    edited.name = Some(text).filter(|t| !t.trim().is_empty());
                    change(
                        table,
                        TableChange::ReplaceConstraint(Constraint::ForeignKey(edited)),
                    )
                },
            );
            ui.end_row();
        });
    let required = fk
        .columns
        .iter()
        .filter_map(|id| table.column(*id))
        .all(|c| !c.nullable);
    let mut checked = required;
    let response = ui.checkbox(&mut checked, "Required (referencing columns NOT NULL)");
    if response.changed() {
        commands.push(Command::Apply(set_required(table, fk, checked)));
    }
    ui.separator();
    actions_ui(ui, table, fk, commands);
    let target_name = target.map_or_else(|| "(missing)".to_owned(), |t| t.name.to_string());
    retarget_ui(ui, doc, table, fk, &target_name, commands);
    if let Some(target) = target {
        pairs_ui(ui, table, target, fk, commands);
    }
    ui.separator();
    let remove = ui.button("Delete relationship");
    if remove.clicked() {
        commands.push(Command::Apply(change(
            table,
            TableChange::RemoveConstraint(fk.id),
        )));
        commands.push(Command::Pick(None));
    }
}

impl super::SchemataApp {
    /// Shows the picked relationship in the inspector; returns false when nothing relevant is
    /// picked.
    pub(super) fn picked_relationship_ui(
        &self,
        ui: &mut egui::Ui,
        commands: &mut Vec<Command>,
    ) -> bool {
        let Some(Picked::Relationship((table, constraint))) = self.picked else {
            return false;
        };
        let doc = self.history.doc();
        let Some(holder) = doc.table(table) else {
            return false;
        };
        let Some(fk) = holder.foreign_keys.iter().find(|f| f.id == constraint) else {
            return false;
        };
        egui::ScrollArea::vertical()
            .id_salt("relationship_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| relationship_ui(ui, doc, holder, fk, commands));
        true
    }
}
