//! Rules about bounded contexts, plus the audit and modelling rules that come with the
//! architect's brief (mandatory audit columns, snapshot columns on order lines).

mod context_unassigned;
mod cross_context_reference;
mod mandatory_columns;
mod snapshot_columns_hint;

use crate::model::{Group, Table};

use super::{Context, Rule};

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(cross_context_reference::CrossContextReference));
    rules.push(Box::new(context_unassigned::ContextUnassigned));
    rules.push(Box::new(mandatory_columns::MandatoryColumns));
    rules.push(Box::new(snapshot_columns_hint::SnapshotColumnsHint));
}

/// The bounded context a table belongs to: its group, when that group is marked as one.
fn context_of<'a>(ctx: &Context<'a>, table: &Table) -> Option<&'a Group> {
    ctx.doc
        .groups
        .get(&table.group?)
        .filter(|g| g.bounded_context)
}

/// Partitions and inheritance children follow their parent.
fn is_partition(table: &Table) -> bool {
    table.options.0.contains_key("partition_of") || table.options.0.contains_key("inherits")
}

#[cfg(test)]
pub(crate) mod testing {
    //! Documents with groups, for the tests of this category.
    #![allow(clippy::unwrap_used)]

    use std::sync::Arc;

    use crate::model::{Color, Document, Group, GroupId};

    /// Adds a group and puts the named tables in it; returns its id.
    pub fn group(doc: &mut Document, name: &str, context: bool, tables: &[&str]) -> GroupId {
        let id = GroupId(doc.ids.next_raw());
        doc.groups.insert(
            id,
            Group {
                id,
                name: name.to_owned(),
                color: Color::rgb(200, 200, 255),
                bounded_context: context,
                comment: None,
            },
        );
        for table in doc.tables.values_mut() {
            if tables.contains(&table.name.name.as_str()) {
                Arc::make_mut(table).group = Some(id);
            }
        }
        id
    }
}
