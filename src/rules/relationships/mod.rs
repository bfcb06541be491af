//! Rules about relationships.

mod check_columns;
mod dangling_reference;
mod dangling_types;
mod fk_action_policy;
mod fk_cycle;
mod fk_missing_index;
mod fk_self_reference_same_column;
mod fk_set_null_on_not_null;
mod fk_target_not_unique;
mod fk_type_mismatch;
mod implied_fk_missing;
pub(in crate::rules) mod names;
mod polymorphic_association;
mod table_isolated;

use super::Rule;

/// Adds this category's rules to the registry.
pub fn register(rules: &mut Vec<Box<dyn Rule>>) {
    rules.push(Box::new(dangling_reference::DanglingReference));
    rules.push(Box::new(fk_target_not_unique::FkTargetNotUnique));
    rules.push(Box::new(fk_type_mismatch::FkTypeMismatch));
    rules.push(Box::new(fk_missing_index::FkMissingIndex));
    rules.push(Box::new(implied_fk_missing::ImpliedFkMissing));
    rules.push(Box::new(
        fk_self_reference_same_column::FkSelfReferenceSameColumn,
    ));
    rules.push(Box::new(fk_set_null_on_not_null::FkSetNullOnNotNull));
    rules.push(Box::new(fk_cycle::FkCycle));
    rules.push(Box::new(fk_action_policy::FkActionPolicy));
    rules.push(Box::new(table_isolated::TableIsolated));
    rules.push(Box::new(polymorphic_association::PolymorphicAssociation));
}
