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

/// Partitions and inheritance children are documented on their parent.
fn is_partition(table: &Table) -> bool {
    table.options.0.contains_key("partition_of") || table.options.0.contains_key("inherits")
}
