//! Rules about indexes.

mod index_redundant;
mod keys;
mod table_no_index;
mod table_too_many_indexes;
mod unique_nullable_columns;

use super::Rule;

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(index_redundant::IndexRedundant));
    rules.push(Box::new(table_no_index::TableNoIndex));
    rules.push(Box::new(unique_nullable_columns::UniqueNullableColumns));
    rules.push(Box::new(table_too_many_indexes::TableTooManyIndexes));
}
