//! State of one [`Scope::Keyed`](super::Scope::Keyed) rule: what every table contributes,
//! the contributions per key, and the findings per key, built once and kept up to date
//! after edits by checking only the keys whose contributions changed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::BuildHasherDefault;

use rayon::prelude::*;

use crate::model::TableId;

use super::engine::configured;
use super::naming::fingerprint::Fast;
use super::{Context, Finding, Findings, Rule};

/// A hash map with a fast hasher (keys are names and ids from the design, not untrusted
/// input).
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fast>>;

/// The contributions and findings of one keyed rule.
#[derive(Debug, Default)]
pub(super) struct KeyedState {
    contributions: FastMap<TableId, Vec<(String, u64)>>,
    /// Contributions per key, sorted by table.
    members: FastMap<String, Vec<(TableId, u64)>>,
    /// Findings per key (only keys with findings).
    pub(super) findings: BTreeMap<String, Vec<Finding>>,
}

impl KeyedState {
    /// Collects every table's contributions and checks every key.
    pub(super) fn build(ctx: &Context, rule: &dyn Rule) -> Self {
        let contributions: Vec<(TableId, Vec<(String, u64)>)> = ctx
            .doc
            .tables
            .par_iter()
            .map(|(id, table)| {
                let mut keys = Vec::new();
                rule.keys(ctx, table, &mut keys);
                (*id, keys)
            })
            .collect();
        let mut state = Self::default();
        state.contributions.reserve(contributions.len());
        for (id, keys) in contributions {
            // Tables come in id order, so pushing keeps each list sorted.
            for (key, fingerprint) in &keys {
                match state.members.get_mut(key.as_str()) {
                    Some(members) => members.push((id, *fingerprint)),
                    None => {
                        state.members.insert(key.clone(), vec![(id, *fingerprint)]);
                    }
                }
            }
            state.contributions.insert(id, keys);
        }
        let keys: Vec<(&String, &Vec<(TableId, u64)>)> = state.members.iter().collect();
        let found: Vec<(String, Vec<Finding>)> = keys
            .par_iter()
            .filter_map(|(key, members)| {
                let found = check(ctx, rule, key, members);
                (!found.is_empty()).then(|| ((*key).clone(), found))
            })
            .collect();
        state.findings = found.into_iter().collect();
        state
    }

    /// Takes in the new contributions of the `changed` tables and checks the keys whose
    /// contributions changed.
    pub(super) fn update(&mut self, ctx: &Context, rule: &dyn Rule, changed: &[TableId]) {
        let mut dirty_keys: BTreeSet<String> = BTreeSet::new();
        for id in changed {
            let mut keys = Vec::new();
            if let Some(table) = ctx.doc.table(*id) {
                rule.keys(ctx, table, &mut keys);
            }
            let old = self.contributions.remove(id).unwrap_or_default();
            for entry in &old {
                if !keys.contains(entry) {
                    dirty_keys.insert(entry.0.clone());
                }
            }
            for entry in &keys {
                if !old.contains(entry) {
                    dirty_keys.insert(entry.0.clone());
                }
            }
            for (key, _) in &old {
                if let Some(members) = self.members.get_mut(key) {
                    members.retain(|(t, _)| t != id);
                }
            }
            for (key, fingerprint) in &keys {
                let members = self.members.entry(key.clone()).or_default();
                let at = members.partition_point(|m| *m < (*id, *fingerprint));
                members.insert(at, (*id, *fingerprint));
            }
            self.contributions.insert(*id, keys);
        }
        for key in dirty_keys {
            self.check_again(ctx, rule, &key);
        }
    }

    fn check_again(&mut self, ctx: &Context, rule: &dyn Rule, key: &str) {
        let members = self.members.get(key).map_or(&[][..], Vec::as_slice);
        if members.is_empty() {
            self.members.remove(key);
            self.findings.remove(key);
            return;
        }
        let found = check(ctx, rule, key, members);
        if found.is_empty() {
            self.findings.remove(key);
        } else {
            self.findings.insert(key.to_owned(), found);
        }
    }
}

/// The findings of one key, configured.
fn check(ctx: &Context, rule: &dyn Rule, key: &str, members: &[(TableId, u64)]) -> Vec<Finding> {
    let mut out = Findings::new(rule.meta());
    rule.check_key_contributions(ctx, key, members, &mut out);
    configured(ctx, rule.meta(), out.into_items())
}
