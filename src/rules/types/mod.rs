//! Rules about data types.

mod column_type_inconsistent;

use super::Rule;

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(column_type_inconsistent::ColumnTypeInconsistent));
}
