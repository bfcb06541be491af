//! Rules about naming.

mod column_name_blocklist;
mod constraint_naming_pattern;
pub(crate) mod fingerprint;
pub(crate) mod glob;
mod identifier_needs_quoting;
mod identifier_too_long;
pub(crate) mod inflect;
mod keywords;
pub(crate) mod limits;
mod name_collision;
mod namespaces;
mod naming_case;
pub(crate) mod rename;
mod reserved_word_identifier;
mod table_name_plurality;
pub(crate) mod words;

use crate::model::{ConstraintId, Dialect, Table};

use super::Rule;

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(identifier_too_long::IdentifierTooLong));
    rules.push(Box::new(name_collision::NameCollision));
    rules.push(Box::new(reserved_word_identifier::ReservedWordIdentifier));
    rules.push(Box::new(identifier_needs_quoting::IdentifierNeedsQuoting));
    rules.push(Box::new(naming_case::NamingCase));
    rules.push(Box::new(table_name_plurality::TableNamePlurality));
    rules.push(Box::new(constraint_naming_pattern::ConstraintNamingPattern));
    rules.push(Box::new(column_name_blocklist::ColumnNameBlocklist));
}

/// Names SQL Server generates itself (`PK__Customer__A4AE64D8...`), which scripts of an
/// existing database spell out.
pub(crate) fn is_system_generated(name: &str, dialect: Dialect) -> bool {
    dialect == Dialect::Mssql
        && ["PK__", "UQ__", "FK__", "CK__", "DF__"]
            .iter()
            .any(|p| name.len() > p.len() && name[..p.len()].eq_ignore_ascii_case(p))
}

/// The keys, constraints and indexes of a table that carry an explicit name the dialect
/// keeps, with a word for their kind. MySQL always calls the primary key PRIMARY, so its
/// name is left out there, as are names SQL Server generated.
pub(crate) fn named_constraints(
    table: &Table,
    dialect: Dialect,
) -> Vec<(ConstraintId, &'static str, &str)> {
    let mut all = Vec::new();
    if let Some(pk) = &table.primary_key
        && dialect != Dialect::Mysql
        && let Some(name) = &pk.name
    {
        all.push((pk.id, "primary key", name.as_str()));
    }
    for fk in &table.foreign_keys {
        if let Some(name) = &fk.name {
            all.push((fk.id, "foreign key", name.as_str()));
        }
    }
    for unique in &table.uniques {
        if let Some(name) = &unique.name {
            all.push((unique.id, "unique constraint", name.as_str()));
        }
    }
    for check in &table.checks {
        if let Some(name) = &check.name {
            all.push((check.id, "check constraint", name.as_str()));
        }
    }
    for index in &table.indexes {
        if let Some(name) = &index.name {
            all.push((index.id, "index", name.as_str()));
        }
    }
    all.retain(|(_, _, name)| !is_system_generated(name, dialect));
    all
}
