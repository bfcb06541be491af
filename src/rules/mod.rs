//! Design rules: the architect's checks made executable.
//!
//! Each rule lives in its own file under a folder per category and implements [`Rule`]. The
//! [`registry`] lists them all; the [`Validator`] runs them over a document, incrementally
//! after each edit, and applies the project's [`LintConfig`](crate::model::LintConfig)
//! (enabled rules, severity overrides, options, suppressions). A finding may carry a
//! [`Fix`]: model edits that resolve it as one undoable step.

mod context;
mod engine;
mod finding;
mod keyed;
mod memo;
pub mod report;
pub mod sarif;
pub mod util;

mod contexts;
mod documentation;
mod indexes;
mod keys;
pub(crate) mod naming;
mod normalization;
mod relationships;
mod types;

use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use crate::model::Severity;
pub use context::{Context, Facts, subject_label};
pub use engine::{Counts, Validator, validate};
pub use finding::{Finding, Findings, Fix, Subject};

/// What area of design a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Primary keys and surrogate keys.
    Keys,
    /// Foreign keys and links between tables.
    Relationships,
    /// Data types.
    Types,
    /// Normal forms and modelling anti-patterns.
    Normalization,
    /// Indexes and unique constraints.
    Indexes,
    /// Names of tables, columns and constraints.
    Naming,
    /// Comments.
    Documentation,
    /// Features of one SQL dialect.
    Dialect,
    /// Bounded contexts and subject areas.
    Contexts,
    /// Mandatory audit columns.
    Audit,
    /// Modelling advice.
    Modeling,
}

impl Category {
    /// The lower-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Keys => "keys",
            Self::Relationships => "relationships",
            Self::Types => "types",
            Self::Normalization => "normalization",
            Self::Indexes => "indexes",
            Self::Naming => "naming",
            Self::Documentation => "documentation",
            Self::Dialect => "dialect",
            Self::Contexts => "contexts",
            Self::Audit => "audit",
            Self::Modeling => "modeling",
        }
    }
}

/// How a rule looks at the document, which decides what the validator reruns after an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Findings about one table, from the table, the tables it references and the tables
    /// that reference it ([`Rule::check_table`]).
    Table,
    /// Findings grouped by keys that tables contribute (a column name, a name in a
    /// namespace): after an edit only the keys whose contributions changed are checked again
    /// ([`Rule::keys`], [`Rule::check_key`]).
    Keyed,
    /// Findings over the links between tables and over every name (foreign keys,
    /// reference-like column names, naming styles), rerun when a key, constraint, index,
    /// column name or table option changes ([`Rule::check_schema`]). Fixes must not carry
    /// copies of whole columns (use renames), since a type change does not rerun them.
    Graph,
    /// Findings over the whole document, rerun after every edit ([`Rule::check_schema`]);
    /// keep these cheap.
    Schema,
}

/// An option a rule reads from the project configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleOption {
    /// Option name (`maxColumns`).
    pub name: &'static str,
    /// The value used when the project sets none, as text.
    pub default: &'static str,
    /// What the option does and which values it takes.
    pub help: &'static str,
}

/// What the registry and the settings dialog know about a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// Kebab-case id (`table-missing-primary-key`).
    pub id: &'static str,
    /// Area of design.
    pub category: Category,
    /// Severity when the project does not override it (a rule may report some findings
    /// at another severity, e.g. an error for a type family mismatch, a warning for a length).
    pub severity: Severity,
    /// Whether the rule runs unless the project turns it on.
    pub enabled: bool,
    /// How the rule looks at the document.
    pub scope: Scope,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Why it matters and how to fix it.
    pub help: &'static str,
    /// Options the rule reads.
    pub options: &'static [RuleOption],
}

/// One design rule. Implementations are stateless; everything they need comes in the
/// [`Context`].
pub trait Rule: Send + Sync {
    /// The rule's description.
    fn meta(&self) -> &'static RuleMeta;

    /// Checks one table ([`Scope::Table`] rules).
    fn check_table(&self, _ctx: &Context, _table: &crate::model::Table, _out: &mut Findings) {}

    /// The keys a table contributes, each with a fingerprint of what it contributes
    /// ([`Scope::Keyed`] rules). A key is checked again when a fingerprint under it changes.
    fn keys(&self, _ctx: &Context, _table: &crate::model::Table, _out: &mut Vec<(String, u64)>) {}

    /// Checks one key, given the tables that contribute to it ([`Scope::Keyed`] rules).
    fn check_key(
        &self,
        _ctx: &Context,
        _key: &str,
        _tables: &[crate::model::TableId],
        _out: &mut Findings,
    ) {
    }

    /// Checks one key given every contribution to it, `(table, fingerprint)` sorted by table
    /// ([`Scope::Keyed`] rules). The default calls [`Rule::check_key`] with the tables;
    /// override it to skip keys whose fingerprints show there is nothing to report.
    fn check_key_contributions(
        &self,
        ctx: &Context,
        key: &str,
        contributions: &[(crate::model::TableId, u64)],
        out: &mut Findings,
    ) {
        let mut tables: Vec<crate::model::TableId> =
            contributions.iter().map(|(t, _)| *t).collect();
        tables.dedup();
        self.check_key(ctx, key, &tables, out);
    }

    /// Checks the whole document ([`Scope::Graph`] and [`Scope::Schema`] rules).
    fn check_schema(&self, _ctx: &Context, _out: &mut Findings) {}
}

/// Every rule, in a fixed order (by category, then as listed in each category).
pub fn registry() -> &'static [Box<dyn Rule>] {
    static RULES: OnceLock<Vec<Box<dyn Rule>>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules = Vec::new();
        contexts::register(&mut rules);
        keys::register(&mut rules);
        relationships::register(&mut rules);
        types::register(&mut rules);
        normalization::register(&mut rules);
        indexes::register(&mut rules);
        naming::register(&mut rules);
        documentation::register(&mut rules);
        rules
    })
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static dyn Rule> {
    registry()
        .iter()
        .find(|r| r.meta().id == id)
        .map(AsRef::as_ref)
}

/// Rule ids mapped to their position in the registry.
pub fn rule_positions() -> &'static BTreeMap<&'static str, usize> {
    static POSITIONS: OnceLock<BTreeMap<&'static str, usize>> = OnceLock::new();
    POSITIONS.get_or_init(|| {
        registry()
            .iter()
            .enumerate()
            .map(|(i, r)| (r.meta().id, i))
            .collect()
    })
}

#[cfg(test)]
pub mod testing;

#[cfg(test)]
mod tests;
