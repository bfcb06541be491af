//! The inspector for a picked group (name, colour, bounded context, comment, members) or
//! note (text, attached table). Typing in a field is one undo step per field; a click is one
//! step.

use std::collections::BTreeSet;

use super::inspector::{field_id, text_field};
use super::inspector_keys::remove_button;
use super::theme::color32;
use super::{Command, Picked};
use crate::model::{Color, Document, Edit, Group, Note, Object, ObjectId, TableChange, TableId};
use crate::render::theme::GROUP_COLORS;

fn replace_group(group: &Group, change: impl FnOnce(&mut Group)) -> Box<Edit> {
    let mut next = group.clone();
    change(&mut next);
    Box::new(Edit::ReplaceObject(Object::Group(next)))
}

fn replace_note(note: &Note, change: impl FnOnce(&mut Note)) -> Box<Edit> {
    let mut next = note.clone();
    change(&mut next);
    Box::new(Edit::ReplaceObject(Object::Note(next)))
}

fn set_group(table: TableId, group: Option<crate::model::GroupId>) -> Box<Edit> {
    Box::new(Edit::Table {
        table,
        change: TableChange::SetGroup(group),
    })
}

/// Shows the inspector for a picked group or note; `false` when nothing of the kind is
/// picked (or it no longer exists), so the caller shows its own content. With `focus`, the
/// name (or text) field takes the keyboard.
pub fn picked_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    picked: Option<Picked>,
    focus: bool,
    commands: &mut Vec<Command>,
) -> bool {
    enum Shown<'a> {
        Group(&'a Group),
        Note(&'a Note),
    }
    let shown = match picked {
        Some(Picked::Group(id)) => doc.groups.get(&id).map(Shown::Group),
        Some(Picked::Note(id)) => doc.notes.get(&id).map(Shown::Note),
        _ => None,
    };
    let Some(shown) = shown else {
        return false;
    };
    if focus {
        let key = match shown {
            Shown::Group(group) => format!("group-name:{}", group.id),
            Shown::Note(note) => format!("note-text:{}", note.id),
        };
        ui.memory_mut(|m| m.request_focus(field_id(&key)));
    }
    egui::ScrollArea::both()
        .id_salt("inspector_picked_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match shown {
            Shown::Group(group) => group_ui(ui, doc, group, commands),
            Shown::Note(note) => note_ui(ui, doc, note, commands),
        });
    true
}

fn swatch(ui: &mut egui::Ui, color: Color, selected: bool) -> bool {
    let stroke = if selected {
        egui::Stroke::new(2.0, ui.visuals().strong_text_color())
    } else {
        egui::Stroke::NONE
    };
    let response = ui.add(
        egui::Button::new("")
            .fill(color32(color))
            .stroke(stroke)
            .min_size(egui::vec2(18.0, 18.0)),
    );
    let name = color.to_hex();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response.on_hover_text(name).clicked()
}

/// The fields of one group.
pub fn group_ui(ui: &mut egui::Ui, doc: &Document, group: &Group, commands: &mut Vec<Command>) {
    ui.heading(if group.bounded_context {
        "Group (a bounded context)"
    } else {
        "Group"
    });
    egui::Grid::new("group_fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Name");
            text_field(
                ui,
                "Group name",
                &group.name,
                format!("group-name:{}", group.id),
                220.0,
                commands,
                |text| replace_group(group, |g| g.name = text),
            );
            ui.end_row();
            ui.label("Colour");
            ui.horizontal(|ui| {
                let mut rgb = [group.color.r, group.color.g, group.color.b];
                let picker = egui::color_picker::color_edit_button_srgb(ui, &mut rgb);
                picker.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, "Group colour")
                });
                if picker.changed() {
                    let color = Color::rgb(rgb[0], rgb[1], rgb[2]);
                    commands.push(Command::ApplyCoalescing(
                        replace_group(group, |g| g.color = color),
                        format!("group-color:{}", group.id),
                    ));
                }
                for color in GROUP_COLORS {
                    if swatch(ui, color, group.color == color) {
                        commands.push(Command::Apply(replace_group(group, |g| g.color = color)));
                    }
                }
            });
            ui.end_row();
            ui.label("Context");
            let mut context = group.bounded_context;
            if ui.checkbox(&mut context, "Bounded context").changed() {
                commands.push(Command::Apply(replace_group(group, |g| {
                    g.bounded_context = context;
                })));
            }
            ui.end_row();
            ui.label("");
            ui.label(
                egui::RichText::new(
                    "Tables in different contexts should not reference each other; \
                     the cross-context design rule checks it.",
                )
                .small()
                .weak(),
            );
            ui.end_row();
            ui.label("Comment");
            let comment = group.comment.clone().unwrap_or_default();
            text_field(
                ui,
                "Group comment",
                &comment,
                format!("group-comment:{}", group.id),
                220.0,
                commands,
                |text| replace_group(group, |g| g.comment = (!text.is_empty()).then_some(text)),
            );
            ui.end_row();
        });
    ui.separator();
    members_ui(ui, doc, group, commands);
    ui.separator();
    if ui.button("Delete group").clicked() {
        commands.push(Command::Apply(Box::new(Edit::RemoveObject(
            ObjectId::Group(group.id),
        ))));
        commands.push(Command::Pick(None));
    }
    ui.label(egui::RichText::new("Deleting a group keeps its tables.").weak());
}

/// The group's tables (click one to select it), removing and adding members.
fn members_ui(ui: &mut egui::Ui, doc: &Document, group: &Group, commands: &mut Vec<Command>) {
    let members: Vec<_> = doc
        .tables
        .values()
        .filter(|t| t.group == Some(group.id))
        .collect();
    ui.heading(format!("Tables ({})", members.len()));
    for table in &members {
        let name = table.name.to_string();
        ui.horizontal(|ui| {
            if ui.link(&name).clicked() {
                commands.push(Command::Select(BTreeSet::from([table.id])));
            }
            if remove_button(ui, &format!("Remove {name} from the group")) {
                commands.push(Command::Apply(set_group(table.id, None)));
            }
        });
    }
    egui::ComboBox::new(("group_add_table", group.id.0), "add a table")
        .selected_text("Add table")
        .show_ui(ui, |ui| {
            for table in doc.tables.values().filter(|t| t.group != Some(group.id)) {
                if ui.selectable_label(false, table.name.to_string()).clicked() {
                    commands.push(Command::Apply(set_group(table.id, Some(group.id))));
                }
            }
        });
}

/// The fields of one note.
pub fn note_ui(ui: &mut egui::Ui, doc: &Document, note: &Note, commands: &mut Vec<Command>) {
    ui.heading("Note");
    let mut text = note.text.clone();
    let response = ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_width(f32::INFINITY)
            .desired_rows(6)
            .hint_text("Write the note here")
            .id(field_id(&format!("note-text:{}", note.id))),
    );
    response.widget_info(|| egui::WidgetInfo {
        label: Some("Note text".to_owned()),
        ..egui::WidgetInfo::text_edit(true, &note.text, &text, "")
    });
    if response.changed() {
        commands.push(Command::ApplyCoalescing(
            replace_note(note, |n| n.text = text),
            format!("note-text:{}", note.id),
        ));
    }
    ui.horizontal(|ui| {
        ui.label("Attached to");
        let current = note
            .attached_to
            .and_then(|t| doc.table(t))
            .map_or_else(|| "(none)".to_owned(), |t| t.name.to_string());
        egui::ComboBox::new(("note_attached", note.id.0), "table")
            .selected_text(current)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(note.attached_to.is_none(), "(none)")
                    .clicked()
                {
                    commands.push(Command::Apply(replace_note(note, |n| n.attached_to = None)));
                }
                for table in doc.tables.values() {
                    let chosen = note.attached_to == Some(table.id);
                    if ui
                        .selectable_label(chosen, table.name.to_string())
                        .clicked()
                    {
                        let id = table.id;
                        commands.push(Command::Apply(replace_note(note, |n| {
                            n.attached_to = Some(id);
                        })));
                    }
                }
            });
    });
    ui.separator();
    if ui.button("Delete note").clicked() {
        commands.push(Command::Apply(Box::new(Edit::RemoveObject(
            ObjectId::Note(note.id),
        ))));
        commands.push(Command::Pick(None));
    }
}
