//! Helpers for rule tests: build a model from SQL, run one rule, apply its quick fix.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::model::{Dialect, Document, apply};
use crate::sql::import_sql;

use super::{Finding, validate};

/// Imports SQL written in `dialect`; the document targets that dialect.
pub fn model(sql: &str, dialect: Dialect) -> Document {
    let mut doc = import_sql(sql, "test.sql", Some(dialect)).doc;
    doc.target = dialect;
    doc
}

/// Imports PostgreSQL.
pub fn pg(sql: &str) -> Document {
    model(sql, Dialect::Postgres)
}

/// The findings of one rule (turned on even when it is off by default).
pub fn run(doc: &Document, rule: &str) -> Vec<Finding> {
    let mut doc = doc.clone();
    let setting = doc.lint.rule_mut(rule);
    if setting.enabled.is_none() {
        setting.enabled = Some(true);
    }
    assert!(super::rule(rule).is_some(), "no rule {rule}");
    validate(&doc, None)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// Asserts that the rule reports something and returns the findings.
pub fn fires(doc: &Document, rule: &str) -> Vec<Finding> {
    let found = run(doc, rule);
    assert!(!found.is_empty(), "{rule} did not fire");
    found
}

/// Asserts that the rule reports nothing.
pub fn silent(doc: &Document, rule: &str) {
    let found = run(doc, rule);
    assert!(
        found.is_empty(),
        "{rule} fired: {:?}",
        found.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
}

/// Applies a finding's quick fix and returns the changed document.
pub fn fixed(doc: &Document, finding: &Finding) -> Document {
    let fix = finding
        .fix
        .clone()
        .unwrap_or_else(|| panic!("{} has no fix: {}", finding.rule, finding.message));
    let mut doc = doc.clone();
    apply(&mut doc, fix.edit).unwrap_or_else(|e| panic!("fix of {} failed: {e}", finding.rule));
    doc
}

/// Asserts that the rule fires, applies the fix of every finding one after the other
/// (re-validating in between), and asserts that the rule is silent at the end.
pub fn fix_silences(doc: &Document, rule: &str) -> Document {
    let mut doc = doc.clone();
    fires(&doc, rule);
    for _ in 0..50 {
        let found = run(&doc, rule);
        let Some(first) = found.first() else {
            return doc;
        };
        doc = fixed(&doc, first);
    }
    silent(&doc, rule);
    doc
}
