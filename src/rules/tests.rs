//! Registry-wide checks and the incremental validator against full runs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use super::*;

#[test]
fn rule_ids_are_unique_kebab_case_with_help() {
    let mut seen = BTreeSet::new();
    for rule in registry() {
        let meta = rule.meta();
        assert!(seen.insert(meta.id), "duplicate rule {}", meta.id);
        assert!(
            meta.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} is not kebab-case",
            meta.id
        );
        assert!(
            !meta.summary.is_empty() && !meta.help.is_empty(),
            "{}",
            meta.id
        );
    }
}
