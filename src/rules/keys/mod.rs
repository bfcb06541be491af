//! Rules about primary and surrogate keys.

mod junction_table_missing_unique;
mod key_int_overflow_risk;
mod primary_key_composite;
mod primary_key_nullable;
mod primary_key_type;
mod table_missing_primary_key;
mod uuid_key_without_default;

use super::Rule;

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(table_missing_primary_key::TableMissingPrimaryKey));
    rules.push(Box::new(primary_key_nullable::PrimaryKeyNullable));
    rules.push(Box::new(key_int_overflow_risk::KeyIntOverflowRisk));
    rules.push(Box::new(primary_key_type::PrimaryKeyType));
    rules.push(Box::new(
        junction_table_missing_unique::JunctionTableMissingUnique,
    ));
    rules.push(Box::new(primary_key_composite::PrimaryKeyComposite));
    rules.push(Box::new(uuid_key_without_default::UuidKeyWithoutDefault));
}
