//! The inspector's column rows: name, type with a picker, NOT NULL, primary key, unique,
//! identity, order, removal, default and comment.

use super::Command;
use super::inspector::{change, parse_type, text_field};
use crate::model::{
    Column, ColumnId, Constraint, Document, Edit, Identity, IdentityKind, PrimaryKey, Table,
    TableChange, UniqueConstraint,
};

/// One column: its fields on two lines.
pub(super) fn column_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    table: &Table,
    column: &Column,
    index: usize,
    types: &[String],
    commands: &mut Vec<Command>,
) {
    let key = |what: &str| format!("{what}:{}:{}", table.id, column.id);
    let replace = |edited: Column| change(table, TableChange::ReplaceColumn(edited));
    ui.horizontal(|ui| {
        let edited = column.clone();
        text_field(
            ui,
            &format!("Name of column {}", column.name),
            &column.name,
            key("col-name"),
            130.0,
            commands,
            |text| {
                replace(Column {
                    name: text,
                    ..edited
                })
            },
        );
        let shown = doc.type_display(&column.data_type);
        let edited = column.clone();
        text_field(
            ui,
            &format!("Type of column {}", column.name),
            &shown,
            key("col-type"),
            110.0,
            commands,
            |text| {
                replace(Column {
                    data_type: parse_type(doc, &text),
                    ..edited
                })
            },
        );
        egui::ComboBox::from_id_salt(key("type-picker"))
            .selected_text("")
            .width(18.0)
            .show_ui(ui, |ui| {
                for name in types {
                    if ui.selectable_label(*name == shown, name).clicked() {
                        let edited = Column {
                            data_type: parse_type(doc, name),
                            ..column.clone()
                        };
                        commands.push(Command::Apply(replace(edited)));
                    }
                }
            })
            .response
            .on_hover_text("Pick a type");
        flags_ui(ui, table, column, commands);
    });
    ui.horizontal(|ui| {
        ui.add_space(12.0);
        let edited = column.clone();
        ui.label("default");
        let default = column.default.clone().unwrap_or_default();
        text_field(
            ui,
            &format!("Default of column {}", column.name),
            &default,
            key("col-default"),
            110.0,
            commands,
            |text| {
                replace(Column {
                    default: (!text.is_empty()).then_some(text),
                    ..edited
                })
            },
        );
        let edited = column.clone();
        ui.label("comment");
        let comment = column.comment.clone().unwrap_or_default();
        text_field(
            ui,
            &format!("Comment of column {}", column.name),
            &comment,
            key("col-comment"),
            110.0,
            commands,
            |text| {
                replace(Column {
                    comment: (!text.is_empty()).then_some(text),
                    ..edited
                })
            },
        );
        let last = table.columns.len().saturating_sub(1);
        if ui
            .add_enabled(index > 0, egui::Button::new("Up").small())
            .on_hover_text("Move up")
            .clicked()
        {
            commands.push(Command::Apply(change(
                table,
                TableChange::MoveColumn {
                    column: column.id,
                    to: index - 1,
                },
            )));
        }
        if ui
            .add_enabled(index < last, egui::Button::new("Down").small())
            .on_hover_text("Move down")
            .clicked()
        {
            commands.push(Command::Apply(change(
                table,
                TableChange::MoveColumn {
                    column: column.id,
                    to: index + 1,
                },
            )));
        }
        let remove = ui
            .small_button("Remove")
            .on_hover_text(format!("Remove column {}", column.name));
        remove.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("Remove column {}", column.name),
            )
        });
        if remove.clicked() {
            commands.push(Command::Apply(remove_column(table, column.id)));
        }
    });
    ui.add_space(4.0);
}

/// Check boxes: not null, primary key, unique, numbered.
fn flags_ui(ui: &mut egui::Ui, table: &Table, column: &Column, commands: &mut Vec<Command>) {
    let mut not_null = !column.nullable;
    if ui
        .checkbox(&mut not_null, "NN")
        .on_hover_text("NOT NULL")
        .changed()
    {
        let edited = Column {
            nullable: !not_null,
            ..column.clone()
        };
        commands.push(Command::Apply(change(
            table,
            TableChange::ReplaceColumn(edited),
        )));
    }
    let mut in_key = table.is_primary_key_column(column.id);
    if ui
        .checkbox(&mut in_key, "PK")
        .on_hover_text("Part of the primary key")
        .changed()
    {
        commands.push(Command::Apply(toggle_primary_key(table, column.id, in_key)));
    }
    let single_unique = table.uniques.iter().find(|u| u.columns == [column.id]);
    let mut unique = single_unique.is_some();
    if ui
        .checkbox(&mut unique, "UQ")
        .on_hover_text("Unique")
        .changed()
    {
        let edit = match single_unique {
            Some(u) => TableChange::RemoveConstraint(u.id),
            None => TableChange::AddConstraint(Constraint::Unique(UniqueConstraint {
                id: crate::model::ConstraintId(0),
                name: None,
                columns: vec![column.id],
            })),
        };
        commands.push(Command::Apply(change(table, edit)));
    }
    let mut numbered = column.identity.is_some();
    if ui
        .checkbox(&mut numbered, "ID")
        .on_hover_text("Numbered automatically (identity)")
        .changed()
    {
        let identity = numbered.then_some(Identity {
            kind: IdentityKind::ByDefault,
            start: None,
            increment: None,
        });
        let edited = Column {
            identity,
            ..column.clone()
        };
        commands.push(Command::Apply(change(
            table,
            TableChange::ReplaceColumn(edited),
        )));
    }
}

/// Adds the column to the primary key or takes it out (making the column NOT NULL when added).
fn toggle_primary_key(table: &Table, column: ColumnId, add: bool) -> Box<Edit> {
    let mut columns = table
        .primary_key
        .as_ref()
        .map(|pk| pk.columns.clone())
        .unwrap_or_default();
    columns.retain(|c| *c != column);
    if add {
        columns.push(column);
    }
    let key = (!columns.is_empty()).then(|| PrimaryKey {
        id: table
            .primary_key
            .as_ref()
            .map_or(crate::model::ConstraintId(0), |pk| pk.id),
        name: table.primary_key.as_ref().and_then(|pk| pk.name.clone()),
        columns,
    });
    let mut edits = vec![Edit::Table {
        table: table.id,
        change: TableChange::SetPrimaryKey(key),
    }];
    if add && let Some(c) = table.column(column).filter(|c| c.nullable) {
        edits.push(Edit::Table {
            table: table.id,
            change: TableChange::ReplaceColumn(Column {
                nullable: false,
                ..c.clone()
            }),
        });
    }
    Box::new(Edit::Batch {
        label: format!("Change primary key of {}", table.name),
        edits,
    })
}

/// Removes a column together with the keys and indexes of its own table that use it.
fn remove_column(table: &Table, column: ColumnId) -> Box<Edit> {
    let mut edits = Vec::new();
    if let Some(pk) = &table.primary_key
        && pk.columns.contains(&column)
    {
        let rest: Vec<ColumnId> = pk
            .columns
            .iter()
            .copied()
            .filter(|c| *c != column)
            .collect();
        let key = (!rest.is_empty()).then(|| PrimaryKey {
            columns: rest,
            ..pk.clone()
        });
        edits.push(TableChange::SetPrimaryKey(key));
    }
    let uses = |ids: &[ColumnId]| ids.contains(&column);
    for fk in table.foreign_keys.iter().filter(|fk| uses(&fk.columns)) {
        edits.push(TableChange::RemoveConstraint(fk.id));
    }
    for unique in table.uniques.iter().filter(|u| uses(&u.columns)) {
        edits.push(TableChange::RemoveConstraint(unique.id));
    }
    for index in table.indexes.iter().filter(|i| {
        i.include.contains(&column)
            || i.parts
                .iter()
                .any(|p| p.key == crate::model::IndexKey::Column(column))
    }) {
        edits.push(TableChange::RemoveConstraint(index.id));
    }
    edits.push(TableChange::RemoveColumn(column));
    let name = table
        .column(column)
        .map_or_else(String::new, |c| c.name.clone());
    Box::new(Edit::Batch {
        label: format!("Remove column {}.{name}", table.name),
        edits: edits
            .into_iter()
            .map(|change| Edit::Table {
                table: table.id,
                change,
            })
            .collect(),
    })
}
