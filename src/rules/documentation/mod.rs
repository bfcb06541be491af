//! Rules about documentation.

mod missing_column_comment;
mod missing_table_comment;

use crate::model::Table;

use super::Rule;

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(missing_table_comment::MissingTableComment));
    rules.push(Box::new(missing_column_comment::MissingColumnComment));
}

/// Whether a comment says something.
fn is_blank(comment: Option<&String>) -> bool {
    comment.is_none_or(|c| c.trim().is_empty())
}

/// Partitions and inheritance children are documented on their parent, a system-versioned
/// history table (`history_of`) on its current table, and a virtual table (SQLite FTS) is an
/// index over other tables.
fn is_partition(table: &Table) -> bool {
    let options = &table.options.0;
    options.contains_key("partition_of")
        || options.contains_key("inherits")
        || options.contains_key("history_of")
        || options.contains_key("virtual")
}
