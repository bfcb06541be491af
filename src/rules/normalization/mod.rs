//! Rules about normalization.

mod child_table;
mod eav_table;
mod multivalue_column;
mod repeating_column_group;
mod table_all_nullable;
mod table_series;
mod table_single_column;
mod table_too_wide;
mod transitive_dependency_hint;

use crate::model::Table;

use super::Rule;

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(repeating_column_group::RepeatingColumnGroup));
    rules.push(Box::new(multivalue_column::MultivalueColumn));
    rules.push(Box::new(eav_table::EavTable));
    rules.push(Box::new(table_series::TableSeries));
    rules.push(Box::new(
        transitive_dependency_hint::TransitiveDependencyHint,
    ));
    rules.push(Box::new(table_all_nullable::TableAllNullable));
    rules.push(Box::new(table_single_column::TableSingleColumn));
    rules.push(Box::new(table_too_wide::TableTooWide));
}

/// Whether the table's shape is decided elsewhere, so design findings belong there: a
/// partition or an inheritance child (columns and keys come from the parent), a SQL Server
/// system-versioned history table (`history_of`: it mirrors its current table and may have
/// no keys), or a virtual table such as SQLite FTS (typeless columns laid out by the module).
fn is_partition(table: &Table) -> bool {
    let options = &table.options.0;
    options.contains_key("partition_of")
        || options.contains_key("inherits")
        || options.contains_key("history_of")
        || options.contains_key("virtual")
}
