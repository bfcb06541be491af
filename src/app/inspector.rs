//! The inspector: edit the selected table — name, schema, comment, columns (name, type,
//! nullability, key, uniqueness, default, numbering, comment, order) — without writing SQL.
//!
//! Every field turns into an [`Edit`] queued as a command; typing in one field merges into one
//! undo step (a coalescing key per field), a click is one step.

use super::Command;
use crate::model::{
    Column, DataType, Document, Edit, QualifiedName, Table, TableChange, TypeKind, TypeRef,
};

/// Type names offered by the type picker, per target dialect.
fn common_types(doc: &Document) -> Vec<String> {
    let mut types: Vec<String> = match doc.target {
        crate::model::Dialect::Postgres => vec![
            "bigint",
            "integer",
            "smallint",
            "numeric(12,2)",
            "double precision",
            "boolean",
            "text",
            "varchar(255)",
            "char(2)",
            "date",
            "timestamptz",
            "timestamp",
            "uuid",
            "jsonb",
            "bytea",
        ],
        crate::model::Dialect::Mysql => vec![
            "bigint",
            "int",
            "smallint",
            "decimal(12,2)",
            "double",
            "tinyint(1)",
            "text",
            "varchar(255)",
            "char(2)",
            "date",
            "datetime(6)",
            "timestamp",
            "json",
            "blob",
        ],
        crate::model::Dialect::Sqlite => vec![
            "INTEGER",
            "REAL",
            "NUMERIC",
            "TEXT",
            "BLOB",
            "DATE",
            "TIMESTAMP",
        ],
        crate::model::Dialect::Mssql => vec![
            "bigint",
            "int",
            "smallint",
            "decimal(12,2)",
            "float",
            "bit",
            "nvarchar(255)",
            "nvarchar(max)",
            "char(2)",
            "date",
            "datetime2",
            "datetimeoffset",
            "uniqueidentifier",
            "varbinary(max)",
        ],
    }
    .into_iter()
    .map(str::to_owned)
    .collect();
    types.extend(doc.enums.values().map(|e| e.name.to_string()));
    types
}

/// A type typed by the user, read in the project's dialect; enum and domain names resolve.
pub(super) fn parse_type(doc: &Document, text: &str) -> DataType {
    let mut data_type = crate::sql::types::parse_type(text, doc.target);
    if let TypeKind::Other(name) = &data_type.kind {
        let name = QualifiedName::parse(name);
        if let Some(e) = doc.enum_named(&name) {
            data_type = DataType::new(TypeKind::Enum(TypeRef::Resolved(e.id)));
        } else if let Some(d) = doc.domain_named(&name) {
            data_type = DataType::new(TypeKind::Domain(TypeRef::Resolved(d.id)));
        }
    }
    data_type
}

pub(super) fn change(table: &Table, change: TableChange) -> Box<Edit> {
    Box::new(Edit::Table {
        table: table.id,
        change,
    })
}

/// The id of the inspector's text field with this key (for focusing it).
pub fn field_id(key: &str) -> egui::Id {
    egui::Id::unique(("inspector", key))
}

/// A text field that queues `make(new_text)` as one coalescing step per field.
pub(super) fn text_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &str,
    key: String,
    width: f32,
    commands: &mut Vec<Command>,
    make: impl FnOnce(String) -> Box<Edit>,
) {
    let mut text = value.to_owned();
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .desired_width(width)
            .id(field_id(&key)),
    );
    let response = response.on_hover_text(label);
    response.widget_info(|| egui::WidgetInfo {
        label: Some(label.to_owned()),
        ..egui::WidgetInfo::text_edit(true, value, &text, "")
    });
    if response.changed() {
        commands.push(Command::ApplyCoalescing(make(text), key));
    }
}

/// The inspector for one table.
pub fn table_ui(ui: &mut egui::Ui, doc: &Document, table: &Table, commands: &mut Vec<Command>) {
    ui.heading("Table");
    egui::Grid::new("table_fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Name");
            let schema = table.name.schema.clone();
            text_field(
                ui,
                "Table name",
                &table.name.name,
                format!("name:{}", table.id),
                200.0,
                commands,
                |text| {
                    change(
                        table,
                        TableChange::Rename(QualifiedName { schema, name: text }),
                    )
                },
            );
            ui.end_row();
            ui.label("Schema");
            let name = table.name.name.clone();
            let schema = table.name.schema.clone().unwrap_or_default();
            text_field(
                ui,
                "Table schema",
                &schema,
                format!("schema:{}", table.id),
                200.0,
                commands,
                |text| {
                    let schema = (!text.trim().is_empty()).then_some(text);
                    change(table, TableChange::Rename(QualifiedName { schema, name }))
                },
            );
            ui.end_row();
            ui.label("Columns");
            let mut collapsed = table.collapsed;
            if ui
                .checkbox(&mut collapsed, "collapsed on the canvas")
                .changed()
            {
                commands.push(Command::Apply(change(
                    table,
                    TableChange::SetCollapsed(collapsed),
                )));
            }
            ui.end_row();
            ui.label("Comment");
            let comment = table.comment.clone().unwrap_or_default();
            text_field(
                ui,
                "Table comment",
                &comment,
                format!("comment:{}", table.id),
                200.0,
                commands,
                |text| {
                    change(
                        table,
                        TableChange::SetComment((!text.is_empty()).then_some(text)),
                    )
                },
            );
            ui.end_row();
            ui.label("Group");
            group_ui(ui, doc, table, commands);
            ui.end_row();
        });
    options_ui(ui, table, commands);
    ui.separator();
    ui.horizontal(|ui| {
        ui.heading("Columns");
        if ui.button("Add column").clicked() {
            let mut n = table.columns.len() + 1;
            while table.column_named(&format!("column_{n}")).is_some() {
                n += 1;
            }
            let column = Column::new(
                format!("column_{n}"),
                DataType::new(TypeKind::Varchar { length: Some(255) }),
            );
            commands.push(Command::Apply(change(
                table,
                TableChange::AddColumn {
                    column,
                    index: None,
                },
            )));
        }
    });
    let types = common_types(doc);
    let keys = |ui: &mut egui::Ui, commands: &mut Vec<Command>| {
        ui.separator();
        super::inspector_keys::foreign_keys_ui(ui, doc, table, commands);
        ui.separator();
        super::inspector_keys::indexes_ui(ui, table, commands);
        ui.separator();
        super::inspector_keys::checks_ui(ui, table, commands);
    };
    for (index, column) in table.columns.iter().enumerate() {
        super::inspector_columns::column_ui(ui, doc, table, column, index, &types, commands);
    }
    keys(ui, commands);
}

/// The table's group (subject area), chosen among the design's groups.
pub fn group_ui(ui: &mut egui::Ui, doc: &Document, table: &Table, commands: &mut Vec<Command>) {
    let current = table
        .group
        .and_then(|g| doc.groups.get(&g))
        .map_or("(none)", |g| g.name.as_str());
    egui::ComboBox::new(("table_group", table.id.0), "subject area")
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(table.group.is_none(), "(none)")
                .clicked()
            {
                commands.push(Command::Apply(change(table, TableChange::SetGroup(None))));
            }
            for group in doc.groups.values() {
                if ui
                    .selectable_label(table.group == Some(group.id), group.name.as_str())
                    .clicked()
                {
                    commands.push(Command::Apply(change(
                        table,
                        TableChange::SetGroup(Some(group.id)),
                    )));
                }
            }
        });
}

/// Dialect options of the table (`engine`, `without_rowid`, `partition_by`, ...) as editable
/// key / value pairs.
pub fn options_ui(ui: &mut egui::Ui, table: &Table, commands: &mut Vec<Command>) {
    let options = &table.options.0;
    ui.horizontal(|ui| {
        ui.label(format!("Options ({})", options.len()));
        if ui.small_button("Add option").clicked() {
            let mut next = options.clone();
            let mut n = next.len() + 1;
            while next.contains_key(&format!("option_{n}")) {
                n += 1;
            }
            next.insert(format!("option_{n}"), String::new());
            commands.push(Command::Apply(change(
                table,
                TableChange::SetOptions(crate::model::TableOptions(next)),
            )));
        }
    });
    for (key, value) in options {
        ui.horizontal(|ui| {
            let label = format!("Value of option {key}");
            let (k, all) = (key.clone(), options.clone());
            text_field(
                ui,
                &label,
                value,
                format!("option:{}:{key}", table.id),
                200.0,
                commands,
                |text| {
                    let mut next = all;
                    next.insert(k, text);
                    change(
                        table,
                        TableChange::SetOptions(crate::model::TableOptions(next)),
                    )
                },
            );
            ui.label(key.as_str());
            if super::inspector_keys::remove_button(ui, &format!("Remove option {key}")) {
                let mut next = options.clone();
                next.remove(key);
                commands.push(Command::Apply(change(
                    table,
                    TableChange::SetOptions(crate::model::TableOptions(next)),
                )));
            }
        });
    }
}

impl super::SchemataApp {
    /// The inspector on the right: the selected table's fields, or a hint. It stays in place
    /// whatever the selection, so the diagram never jumps.
    pub(super) fn inspector_panel(&mut self, ui: &mut egui::Ui) {
        if !self.inspector_open {
            return;
        }
        let focus = self.focus_table_name > 0 && self.selection.len() == 1;
        let focus_picked = self.focus_table_name > 0 && self.picked.is_some();
        self.focus_table_name = self.focus_table_name.saturating_sub(1);
        let mut queued = Vec::new();
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(560.0)
            .min_size(300.0)
            .show(ui, |ui| {
                // The panel keeps the width it is given instead of shrinking to its text.
                ui.set_min_width(ui.available_width());
                if self.picked_relationship_ui(ui, &mut queued) {
                    return;
                }
                let doc = self.history.doc();
                let picked = self.picked;
                if super::inspector_group::picked_ui(ui, doc, picked, focus_picked, &mut queued) {
                    return;
                }
                match self.selection.iter().next().and_then(|id| doc.table(*id)) {
                    Some(table) if self.selection.len() == 1 => {
                        if focus {
                            let id = field_id(&format!("name:{}", table.id));
                            ui.memory_mut(|m| m.request_focus(id));
                        }
                        // Scrolls instead of widening the panel, so the canvas keeps its size.
                        egui::ScrollArea::both()
                            .id_salt("inspector_scroll")
                            .auto_shrink([false, false])
                            .show(ui, |ui| table_ui(ui, doc, table, &mut queued));
                    }
                    _ if self.selection.is_empty() => {
                        ui.heading("Inspector");
                        ui.label(
                            "Select a table or a relationship to edit it. Double-click the canvas to \
                             create a table; drag from the dot at the right end of a column to \
                             another table to relate them.",
                        );
                    }
                    _ => {
                        ui.heading(format!("{} tables selected", self.selection.len()));
                        ui.label("Select one table to edit it.");
                    }
                }
            });
        self.commands.extend(queued);
    }
}
