//! Editing the design from the canvas: create, delete, nudge, copy, paste and duplicate
//! tables. Copies go to the clipboard as SQL DDL, so a paste into another window of the app
//! recreates the tables and a paste into a text editor gives the DDL.

use std::collections::BTreeSet;

use super::{Command, Dialog, SchemataApp};
use crate::model::{
    Column, DataType, Document, Edit, Identity, IdentityKind, Position, PrimaryKey, QualifiedName,
    Table, TableChange, TableId, TableRef, TypeKind,
};
use crate::sql::export::{Scope, export_scope};

/// How far pasted copies are moved from their originals, in world units.
const PASTE_OFFSET: f32 = 40.0;

/// A name not used by any table of `doc` (nor listed in `taken`), based on `base`.
fn free_name(doc: &Document, taken: &BTreeSet<String>, base: &QualifiedName) -> QualifiedName {
    let used = |name: &QualifiedName| {
        doc.table_named(name).is_some() || taken.contains(&name.to_string().to_lowercase())
    };
    if !used(base) {
        return base.clone();
    }
    // A copy of `orders_2` is `orders_3`, not `orders_2_2`.
    let (stem, first) = match base.name.rsplit_once('_') {
        Some((stem, n)) if !stem.is_empty() => match n.parse::<u32>() {
            Ok(n) => (stem.to_owned(), n + 1),
            Err(_) => (base.name.clone(), 2),
        },
        _ => (base.name.clone(), 2),
    };
    (first..)
        .map(|n| QualifiedName {
            schema: base.schema.clone(),
            name: format!("{stem}_{n}"),
        })
        .find(|name| !used(name))
        .unwrap_or_else(|| base.clone())
}

/// Every foreign key (table, constraint) that points at one of `tables`.
fn references_to(
    doc: &Document,
    tables: &BTreeSet<TableId>,
) -> Vec<(TableId, crate::model::ConstraintId)> {
    doc.tables
        .values()
        .flat_map(|t| {
            t.foreign_keys
                .iter()
                .filter_map(|fk| match fk.referenced_table {
                    TableRef::Resolved(target) if tables.contains(&target) => Some((t.id, fk.id)),
                    _ => None,
                })
        })
        .collect()
}

impl SchemataApp {
    /// Creates a table with an `id` key at `position` and selects it.
    pub fn create_table_at(&mut self, position: Position) {
        let name = free_name(self.doc(), &BTreeSet::new(), &QualifiedName::new("table"));
        let mut table = Table::new(name);
        table.position = Position::new(position.x.round(), position.y.round());
        let mut id = Column::new("id", DataType::new(TypeKind::BigInt));
        id.id = crate::model::ColumnId(1);
        id.nullable = false;
        id.identity = Some(Identity {
            kind: IdentityKind::ByDefault,
            start: None,
            increment: None,
        });
        table.columns.push(id);
        table.primary_key = Some(PrimaryKey {
            id: crate::model::ConstraintId(2),
            name: None,
            columns: vec![crate::model::ColumnId(1)],
        });
        match self.history.apply(Edit::AddTable(table)) {
            Ok(applied) => {
                if let Some(&raw) = applied.created.first() {
                    self.selection = BTreeSet::from([TableId(raw)]);
                    self.focus_table_name = 2;
                }
            }
            Err(err) => self.status = format!("Not possible: {err}"),
        }
    }

    /// Deletes the selected tables, asking first when other tables reference them.
    pub fn delete_selection(&mut self, confirmed: bool) {
        if self.selection.is_empty() {
            return;
        }
        let references = references_to(self.doc(), &self.selection);
        let outside: Vec<String> = references
            .iter()
            .filter(|(t, _)| !self.selection.contains(t))
            .filter_map(|(t, _)| self.doc().table(*t).map(|t| t.name.to_string()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if !outside.is_empty() && !confirmed {
            let names: Vec<String> = self
                .selection
                .iter()
                .filter_map(|id| self.doc().table(*id).map(|t| t.name.to_string()))
                .collect();
            self.dialog = Some(Dialog::ConfirmDelete {
                tables: names,
                referenced_by: outside,
            });
            return;
        }
        let mut edits: Vec<Edit> = references
            .iter()
            .filter(|(t, _)| !self.selection.contains(t))
            .map(|(table, fk)| Edit::Table {
                table: *table,
                change: TableChange::RemoveConstraint(*fk),
            })
            .collect();
        // Keys among the deleted tables go first, so no table is removed while referenced.
        edits.extend(
            references
                .iter()
                .filter(|(t, _)| self.selection.contains(t))
                .map(|(table, fk)| Edit::Table {
                    table: *table,
                    change: TableChange::RemoveConstraint(*fk),
                }),
        );
        edits.extend(self.selection.iter().map(|id| Edit::RemoveTable(*id)));
        let label = match self.selection.len() {
            1 => format!(
                "Delete table {}",
                self.selection
                    .first()
                    .and_then(|id| self.doc().table(*id))
                    .map(|t| t.name.to_string())
                    .unwrap_or_default()
            ),
            n => format!("Delete {n} tables"),
        };
        match self.history.apply(Edit::Batch { label, edits }) {
            Ok(_) => self.selection.clear(),
            Err(err) => self.status = format!("Not possible: {err}"),
        }
    }

    /// Adds to `table` a column `<target>_id` typed like the target's one-column primary key
    /// and a foreign key from it to that key, as one undo step.
    pub fn add_reference(&mut self, table: TableId, target: TableId) {
        let Some(to) = self.doc().table(target) else {
            return;
        };
        match to.primary_key.as_ref().map(|pk| pk.columns.as_slice()) {
            Some(&[key]) => {
                self.add_reference_to(table, target, key);
            }
            _ => {
                self.status = format!(
                    "{} needs a one-column primary key to be referenced",
                    to.name
                );
            }
        }
    }

    /// Arranges the selected tables (all when none is selected) with the layered layout, as
    /// one undo step, and fits the result into view.
    pub fn auto_layout(&mut self) {
        let only = (!self.selection.is_empty()).then_some(&self.selection);
        let moves = crate::layout::auto_layout(self.doc(), only);
        if moves.is_empty() {
            return;
        }
        let label = match only {
            Some(_) => format!("Auto layout of {} tables", moves.len()),
            None => "Auto layout".to_owned(),
        };
        let edit = Edit::Batch {
            label,
            edits: vec![Edit::MoveTables(moves)],
        };
        match self.history.apply(edit) {
            Ok(_) => {
                if only.is_none() {
                    self.canvas.zoom_to_fit(self.history.doc());
                }
            }
            Err(err) => self.status = format!("Not possible: {err}"),
        }
    }

    /// Collapses the selected tables (or expands them when all are collapsed), one step.
    pub fn toggle_collapse(&mut self) {
        let tables: Vec<&Table> = self
            .selection
            .iter()
            .filter_map(|id| self.doc().table(*id))
            .collect();
        if tables.is_empty() {
            return;
        }
        let collapse = tables.iter().any(|t| !t.collapsed);
        let edits = tables
            .iter()
            .map(|t| Edit::Table {
                table: t.id,
                change: TableChange::SetCollapsed(collapse),
            })
            .collect();
        let label = if collapse {
            "Collapse tables"
        } else {
            "Expand tables"
        }
        .to_owned();
        if let Err(err) = self.history.apply(Edit::Batch { label, edits }) {
            self.status = format!("Not possible: {err}");
        }
    }

    /// Moves the selection by `(dx, dy)`; repeated nudges form one undo step.
    pub fn nudge(&mut self, dx: f32, dy: f32) {
        let moves: Vec<(TableId, Position)> = self
            .selection
            .iter()
            .filter_map(|id| self.doc().table(*id))
            .map(|t| (t.id, Position::new(t.position.x + dx, t.position.y + dy)))
            .collect();
        if !moves.is_empty() {
            let _ = self
                .history
                .apply_coalescing(Edit::MoveTables(moves), "nudge");
        }
    }

    /// The DDL of the selected tables in the project's dialect, or `None` with no selection.
    pub fn selection_as_sql(&self) -> Option<String> {
        if self.selection.is_empty() {
            return None;
        }
        let scope = Scope::Tables(self.selection.iter().copied().collect());
        Some(export_scope(self.doc(), self.doc().target, &scope).sql)
    }

    /// Adds the tables described by SQL text (a copy from this or another window), renamed
    /// where their names are taken and placed next to where they came from; selects them.
    pub fn paste_sql(&mut self, text: &str) {
        let imported = crate::sql::import_sql(text, "clipboard", None);
        let mut pasted = imported.doc;
        if pasted.tables.is_empty() {
            self.status = "The clipboard holds no table definitions".into();
            return;
        }
        let mut taken = BTreeSet::new();
        let originals: Vec<Position> = pasted
            .tables
            .values()
            .filter_map(|t| self.doc().table_named(&t.name).map(|o| o.position))
            .collect();
        for table in pasted.tables.values_mut() {
            let table = std::sync::Arc::make_mut(table);
            table.name = free_name(self.doc(), &taken, &table.name);
            taken.insert(table.name.to_string().to_lowercase());
        }
        // Place the copies beside the originals, or in a row below the diagram.
        let anchor = originals
            .iter()
            .copied()
            .reduce(|a, b| Position::new(a.x.min(b.x), a.y.min(b.y)));
        match anchor {
            Some(anchor) => {
                for (i, table) in pasted.tables.values_mut().enumerate() {
                    let table = std::sync::Arc::make_mut(table);
                    let offset = PASTE_OFFSET * (1.0 + i as f32 * 0.25);
                    table.position = Position::new(anchor.x + offset, anchor.y + offset);
                }
            }
            None => crate::layout::place_below(self.doc(), &mut pasted),
        }
        pasted.target = self.doc().target;
        match self.history.apply(Edit::Merge(Box::new(pasted))) {
            Ok(applied) => {
                self.selection = applied
                    .created
                    .iter()
                    .map(|raw| TableId(*raw))
                    .filter(|id| self.doc().tables.contains_key(id))
                    .collect();
                self.status = format!("Pasted {} table(s)", self.selection.len());
            }
            Err(err) => self.status = format!("Not possible: {err}"),
        }
    }

    /// Arrow keys nudge the selection (Shift: by ten); a paste adds the tables it describes.
    pub(super) fn keyboard_editing(&mut self, ctx: &egui::Context) {
        let (events, shift) = ctx.input(|i| (i.events.clone(), i.modifiers.shift));
        let step = if shift { 10.0 } else { 1.0 };
        for event in events {
            match event {
                egui::Event::Paste(text) => self.commands.push(Command::PasteSql(text)),
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if !modifiers.command && !self.selection.is_empty() => {
                    let delta = match key {
                        egui::Key::ArrowLeft => (-step, 0.0),
                        egui::Key::ArrowRight => (step, 0.0),
                        egui::Key::ArrowUp => (0.0, -step),
                        egui::Key::ArrowDown => (0.0, step),
                        _ => continue,
                    };
                    self.nudge(delta.0, delta.1);
                }
                _ => {}
            }
        }
    }
}
