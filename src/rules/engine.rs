//! Runs the rules: once over a whole document, or incrementally after an edit.
//!
//! After an edit only what can have changed is checked again: per-table rules for the tables
//! that changed and their neighbours in the foreign-key graph, keyed rules for the keys whose
//! contributions changed, graph rules when a link changed (a foreign key, a key, a column
//! name). A change to anything
//! global (target dialect, rule configuration, enums, domains, views, the set or names of
//! tables) reruns everything.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::model::{Dialect, Document, Severity, Table, TableId};

use super::context::subject_label;
use super::keyed::KeyedState;
use super::{Context, Facts, Finding, Findings, Rule, RuleMeta, Scope, registry};

/// Whether a rule runs under the project's configuration.
pub fn is_enabled(doc: &Document, meta: &RuleMeta) -> bool {
    doc.lint
        .rule(meta.id)
        .and_then(|s| s.enabled)
        .unwrap_or(meta.enabled)
}

/// Checks a whole document against `dialect` (the project's target when `None`) and returns
/// every finding, most serious first.
pub fn validate(doc: &Document, dialect: Option<Dialect>) -> Vec<Finding> {
    let mut validator = Validator::new(dialect);
    validator.update(doc);
    validator.sorted().into_iter().cloned().collect()
}

/// Keeps the findings of a document up to date as it is edited.
#[derive(Debug, Default)]
pub struct Validator {
    dialect: Option<Dialect>,
    previous: Option<Document>,
    tables: BTreeMap<TableId, Vec<Finding>>,
    keyed: BTreeMap<usize, KeyedState>,
    whole: Vec<Finding>,
    graph: Vec<Finding>,
    revision: u64,
}

impl Validator {
    /// A validator checking against `dialect`, or the document's target when `None`.
    pub fn new(dialect: Option<Dialect>) -> Self {
        Self {
            dialect,
            ..Self::default()
        }
    }

    /// Increases whenever the findings change (after an update that did any work).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Brings the findings up to date with `doc`; returns whether anything was checked.
    pub fn update(&mut self, doc: &Document) -> bool {
        let Some(previous) = self.previous.take() else {
            self.full(doc);
            return true;
        };
        if global_change(&previous, doc) {
            self.full(doc);
            return true;
        }
        let mut replaced = false;
        let changed: Vec<TableId> = doc
            .tables
            .iter()
            .filter(|(id, table)| match previous.tables.get(id) {
                None => true,
                Some(old) if Arc::ptr_eq(old, table) => false,
                Some(old) => {
                    replaced = true;
                    !same_design(old, table)
                }
            })
            .map(|(id, _)| *id)
            .collect();
        if changed.is_empty() {
            // Only positions or collapsed states changed (a drag): no rule reads them, so the
            // previous document is kept and nothing is checked.
            self.previous = Some(if replaced { previous } else { doc.clone() });
            return false;
        }
        self.incremental(&previous, doc, &changed);
        self.previous = Some(doc.clone());
        self.revision += 1;
        true
    }

    /// Every current finding (suppressed ones included), in no particular order.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.tables
            .values()
            .flatten()
            .chain(
                self.keyed
                    .values()
                    .flat_map(|k| k.findings.values().flatten()),
            )
            .chain(self.graph.iter())
            .chain(self.whole.iter())
    }

    /// The findings that are not suppressed, most serious first, then by rule and object.
    pub fn sorted(&self) -> Vec<&Finding> {
        let positions = super::rule_positions();
        let mut all: Vec<&Finding> = self.findings().filter(|f| f.suppressed.is_none()).collect();
        all.sort_by_key(|f| {
            (
                f.severity,
                positions.get(f.rule).copied().unwrap_or(usize::MAX),
                f.subject,
            )
        });
        all
    }

    /// Numbers of findings that are not suppressed, by severity (error, warning, info), and
    /// the number of suppressed ones.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for finding in self.findings() {
            match (&finding.suppressed, finding.severity) {
                (Some(_), _) => counts.suppressed += 1,
                (None, Severity::Error) => counts.errors += 1,
                (None, Severity::Warning) => counts.warnings += 1,
                (None, Severity::Info) => counts.infos += 1,
            }
        }
        counts
    }

    fn dialect_for(&self, doc: &Document) -> Dialect {
        self.dialect.unwrap_or(doc.target)
    }

    fn full(&mut self, doc: &Document) {
        let facts = Facts::of(doc);
        let ctx = Context::new(doc, self.dialect_for(doc), &facts);
        let rules = enabled_rules(doc);
        let table_rules: Vec<&dyn Rule> = by_scope(&rules, Scope::Table);
        let keyed_rules: Vec<(usize, &dyn Rule)> = registry()
            .iter()
            .enumerate()
            .map(|(index, rule)| (index, rule.as_ref()))
            .filter(|(_, rule)| {
                rule.meta().scope == Scope::Keyed && rules.iter().any(|r| same(*r, *rule))
            })
            .collect();
        let graph_rules = by_scope(&rules, Scope::Graph);
        let schema_rules = by_scope(&rules, Scope::Schema);
        // Rules are independent: table rules run over the tables in parallel, alongside the
        // keyed rules and the whole-document rules.
        let ((tables, keyed), (graph, whole)) = rayon::join(
            || {
                rayon::join(
                    || {
                        doc.tables
                            .par_iter()
                            .map(|(id, table)| (*id, check_table(&ctx, &table_rules, table)))
                            .collect::<BTreeMap<_, _>>()
                    },
                    || {
                        keyed_rules
                            .par_iter()
                            .map(|(index, rule)| (*index, KeyedState::build(&ctx, *rule)))
                            .collect::<BTreeMap<_, _>>()
                    },
                )
            },
            || {
                rayon::join(
                    || check_whole(&ctx, &graph_rules),
                    || check_whole(&ctx, &schema_rules),
                )
            },
        );
        self.tables = tables;
        self.keyed = keyed;
        self.graph = graph;
        self.whole = whole;
        self.previous = Some(doc.clone());
        self.revision += 1;
    }

    fn incremental(&mut self, previous: &Document, doc: &Document, changed: &[TableId]) {
        let facts = Facts::of(doc);
        let ctx = Context::new(doc, self.dialect_for(doc), &facts);
        let rules = enabled_rules(doc);
        // Per-table rules: the changed tables and their neighbours, before and after.
        let mut dirty: BTreeSet<TableId> = BTreeSet::new();
        let mut graph_changed = false;
        for id in changed {
            dirty.insert(*id);
            dirty.extend(facts.referrers(*id).iter().copied());
            let old = previous.table(*id);
            let new = doc.table(*id);
            for table in old.into_iter().chain(new) {
                dirty.extend(table.foreign_keys.iter().filter_map(
                    |fk| match fk.referenced_table {
                        crate::model::TableRef::Resolved(t) => Some(t),
                        crate::model::TableRef::Unresolved(_) => None,
                    },
                ));
            }
            graph_changed |= match (old, new) {
                (Some(old), Some(new)) => links_differ(old, new),
                _ => true,
            };
        }
        let table_rules = by_scope(&rules, Scope::Table);
        for id in dirty {
            match doc.table(id) {
                Some(table) => {
                    self.tables
                        .insert(id, check_table(&ctx, &table_rules, table));
                }
                None => {
                    self.tables.remove(&id);
                }
            }
        }
        // Keyed rules: only keys whose contributions changed.
        for (index, state) in &mut self.keyed {
            if let Some(rule) = registry().get(*index) {
                state.update(&ctx, rule.as_ref(), changed);
            }
        }
        if graph_changed {
            self.graph = check_whole(&ctx, &by_scope(&rules, Scope::Graph));
        }
        self.whole = check_whole(&ctx, &by_scope(&rules, Scope::Schema));
    }
}

/// Finding counts by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// Silenced by a suppression.
    pub suppressed: usize,
}

fn same(a: &dyn Rule, b: &dyn Rule) -> bool {
    a.meta().id == b.meta().id
}

fn enabled_rules(doc: &Document) -> Vec<&'static dyn Rule> {
    registry()
        .iter()
        .map(AsRef::as_ref)
        .filter(|r| is_enabled(doc, r.meta()))
        .collect()
}

fn by_scope(rules: &[&'static dyn Rule], scope: Scope) -> Vec<&'static dyn Rule> {
    rules
        .iter()
        .copied()
        .filter(|r| r.meta().scope == scope)
        .collect()
}

fn check_table(ctx: &Context, rules: &[&'static dyn Rule], table: &Table) -> Vec<Finding> {
    let mut all = Vec::new();
    for rule in rules {
        let mut out = Findings::new(rule.meta());
        rule.check_table(ctx, table, &mut out);
        all.extend(configured(ctx, rule.meta(), out.into_items()));
    }
    all
}

fn check_whole(ctx: &Context, rules: &[&'static dyn Rule]) -> Vec<Finding> {
    let found: Vec<Vec<Finding>> = rules
        .par_iter()
        .map(|rule| {
            let mut out = Findings::new(rule.meta());
            rule.check_schema(ctx, &mut out);
            configured(ctx, rule.meta(), out.into_items())
        })
        .collect();
    found.into_iter().flatten().collect()
}

/// Applies the project's severity override and suppressions to a rule's findings.
pub(super) fn configured(ctx: &Context, meta: &RuleMeta, mut found: Vec<Finding>) -> Vec<Finding> {
    if found.is_empty() {
        return found;
    }
    let config = &ctx.doc.lint;
    if let Some(severity) = config.rule(meta.id).and_then(|s| s.severity) {
        for finding in &mut found {
            finding.severity = severity;
        }
    }
    let suppressions: Vec<_> = config
        .suppressions
        .iter()
        .filter(|s| s.rule == meta.id)
        .collect();
    if suppressions.is_empty() {
        return found;
    }
    for finding in &mut found {
        let label = subject_label(ctx.doc, ctx.dialect, finding.subject);
        let table_label = finding
            .subject
            .table()
            .map(|t| subject_label(ctx.doc, ctx.dialect, super::Subject::Table(t)));
        let matching = suppressions.iter().find(|s| {
            s.object.eq_ignore_ascii_case(&label)
                || table_label
                    .as_deref()
                    .is_some_and(|t| s.object.eq_ignore_ascii_case(t))
        });
        if let Some(s) = matching {
            finding.suppressed = Some(s.reason.clone());
        }
    }
    found
}

/// Whether anything a [`Scope::Graph`] rule reads changed: keys, constraints and indexes,
/// column names (reference-like names are links too, and naming rules read every name),
/// computed columns, table options, or the nullability of foreign-key columns (which decides
/// whether a cycle can be filled).
fn links_differ(old: &Table, new: &Table) -> bool {
    if old.foreign_keys != new.foreign_keys
        || old.primary_key != new.primary_key
        || old.uniques != new.uniques
        || old.checks != new.checks
        || old.indexes != new.indexes
        || old.options != new.options
        || old.columns.len() != new.columns.len()
    {
        return true;
    }
    // Computed columns are compared whole: a rename fix rewrites their expressions.
    if old.columns.iter().zip(&new.columns).any(|(a, b)| {
        a.id != b.id
            || a.name != b.name
            || ((a.generated.is_some() || b.generated.is_some()) && a != b)
    }) {
        return true;
    }
    new.foreign_keys
        .iter()
        .flat_map(|fk| &fk.columns)
        .any(|c| old.column(*c).map(|col| col.nullable) != new.column(*c).map(|col| col.nullable))
}

/// Whether two versions of a table differ at most in where and how they are drawn (position,
/// collapsed), which no design rule reads.
fn same_design(a: &Table, b: &Table) -> bool {
    let Table {
        id,
        name,
        columns,
        primary_key,
        foreign_keys,
        uniques,
        checks,
        indexes,
        options,
        comment,
        position: _,
        group,
        collapsed: _,
        source,
    } = a;
    *id == b.id
        && *name == b.name
        && *columns == b.columns
        && *primary_key == b.primary_key
        && *foreign_keys == b.foreign_keys
        && *uniques == b.uniques
        && *checks == b.checks
        && *indexes == b.indexes
        && *options == b.options
        && *comment == b.comment
        && *group == b.group
        && *source == b.source
}

/// Whether something changed that every rule may depend on.
fn global_change(previous: &Document, doc: &Document) -> bool {
    if previous.target != doc.target
        || previous.lint != doc.lint
        || previous.tables.len() != doc.tables.len()
        || previous.enums != doc.enums
        || previous.domains != doc.domains
        || previous.namespaces != doc.namespaces
        || previous.groups != doc.groups
        || previous.sequences != doc.sequences
        || previous.views != doc.views
        || previous.passthrough != doc.passthrough
    {
        return true;
    }
    doc.tables
        .iter()
        .any(|(id, table)| match previous.tables.get(id) {
            None => true,
            Some(old) => !Arc::ptr_eq(old, table) && old.name != table.name,
        })
}
