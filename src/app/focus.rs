//! Focus mode: the selected tables and the tables one foreign key away (in either direction)
//! stay at full strength, the rest of the diagram fades. The set is computed when the
//! selection or the document changes, not every frame.

use std::collections::BTreeSet;

use crate::model::{Document, TableId, TableRef};

/// Whether focus mode is on, and the selection and document change the set was computed for.
#[derive(Debug, Default)]
pub struct Focus {
    /// Focus mode is on.
    pub on: bool,
    computed_for: Option<(u64, BTreeSet<TableId>)>,
}

impl Focus {
    /// Turns focus mode on or off.
    pub fn toggle(&mut self) {
        self.on = !self.on;
    }

    /// Brings the canvas's focus set up to date: `None` when focus mode is off or nothing is
    /// selected, else the selection and its direct neighbours (recomputed only when the
    /// selection or the history's change counter moved).
    pub fn refresh(
        &mut self,
        doc: &Document,
        changes: u64,
        selection: &BTreeSet<TableId>,
        target: &mut Option<BTreeSet<TableId>>,
    ) {
        if !self.on || selection.is_empty() {
            self.computed_for = None;
            *target = None;
            return;
        }
        let current = self
            .computed_for
            .as_ref()
            .is_some_and(|(at, selected)| *at == changes && selected == selection);
        if !current || target.is_none() {
            *target = Some(neighbourhood(doc, selection));
            self.computed_for = Some((changes, selection.clone()));
        }
    }
}

/// The tables in `selection` and every table a foreign key connects to one of them, either
/// way.
pub fn neighbourhood(doc: &Document, selection: &BTreeSet<TableId>) -> BTreeSet<TableId> {
    let mut set: BTreeSet<TableId> = selection
        .iter()
        .copied()
        .filter(|id| doc.tables.contains_key(id))
        .collect();
    for table in doc.tables.values() {
        let from_selected = selection.contains(&table.id);
        for fk in &table.foreign_keys {
            let TableRef::Resolved(target) = fk.referenced_table else {
                continue;
            };
            if from_selected {
                set.insert(target);
            } else if selection.contains(&target) {
                set.insert(table.id);
            }
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dialect, QualifiedName};

    const SQL: &str = "CREATE TABLE a (id int PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
        CREATE TABLE c (id int PRIMARY KEY, b_id int REFERENCES b (id));
        CREATE TABLE d (id int PRIMARY KEY, c_id int REFERENCES c (id));
        CREATE TABLE e (id int PRIMARY KEY);";

    fn id(doc: &Document, name: &str) -> TableId {
        doc.table_named(&QualifiedName::new(name))
            .map_or(TableId(u64::MAX), |t| t.id)
    }

    #[test]
    fn neighbours_in_both_directions_only_one_step_away() {
        let doc = crate::sql::import_sql(SQL, "t.sql", Some(Dialect::Postgres)).doc;
        let set = neighbourhood(&doc, &BTreeSet::from([id(&doc, "b")]));
        let expected: BTreeSet<TableId> = ["a", "b", "c"].iter().map(|n| id(&doc, n)).collect();
        assert_eq!(set, expected);
    }

    #[test]
    fn the_set_follows_the_mode_and_the_selection() {
        let doc = crate::sql::import_sql(SQL, "t.sql", Some(Dialect::Postgres)).doc;
        let mut focus = Focus::default();
        let mut target = None;
        let selection = BTreeSet::from([id(&doc, "e")]);
        focus.refresh(&doc, 1, &selection, &mut target);
        assert_eq!(target, None, "off");
        focus.toggle();
        focus.refresh(&doc, 1, &selection, &mut target);
        assert_eq!(target, Some(selection.clone()), "an isolated table alone");
        let selection = BTreeSet::from([id(&doc, "d")]);
        focus.refresh(&doc, 1, &selection, &mut target);
        assert_eq!(target.map(|s| s.len()), Some(2));
        let mut target = None;
        focus.refresh(&doc, 1, &BTreeSet::new(), &mut target);
        assert_eq!(target, None, "nothing selected: nothing faded");
    }
}
