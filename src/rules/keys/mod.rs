//! Rules about primary and surrogate keys.

mod table_missing_primary_key;

use super::Rule;

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(table_missing_primary_key::TableMissingPrimaryKey));
}
