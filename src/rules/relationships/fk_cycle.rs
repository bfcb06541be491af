//! `fk-cycle`: tables that reference each other in a cycle of foreign keys.

use std::collections::HashMap;

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{
    Constraint, Deferrable, Dialect, Edit, ForeignKey, Table, TableChange, TableId, TableRef,
};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "fk-cycle",
    category: Category::Relationships,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Graph,
    summary: "Tables reference each other in a cycle of foreign keys.",
    help: "When a references b and b references a (directly or through other tables), one of \
           them must be inserted first with its reference still empty, or checked only at \
           commit. If every key in the cycle is NOT NULL and checked immediately, no row can \
           ever be inserted (a warning); otherwise inserts need two steps and deletes need care \
           (a note). Make one foreign key nullable, or DEFERRABLE INITIALLY DEFERRED where the \
           dialect supports it (PostgreSQL, SQLite; the quick fix does this). Self-references \
           are not cycles here.",
    options: &[],
};

/// The rule.
pub struct FkCycle;

/// A foreign key that blocks inserts: all columns NOT NULL, checked immediately.
fn is_hard(table: &Table, fk: &ForeignKey) -> bool {
    fk.deferrable == Deferrable::NotDeferrable
        && fk
            .columns
            .iter()
            .all(|c| table.column(*c).is_some_and(|c| !c.nullable))
}

/// Strongly connected groups of more than one table, each sorted by table id.
fn cycles(ctx: &Context, only_hard: bool) -> Vec<Vec<TableId>> {
    let mut graph: DiGraph<TableId, ()> = DiGraph::new();
    let mut nodes: HashMap<TableId, NodeIndex> = HashMap::new();
    for id in ctx.doc.tables.keys() {
        nodes.insert(*id, graph.add_node(*id));
    }
    for table in ctx.doc.tables.values() {
        for fk in &table.foreign_keys {
            let TableRef::Resolved(target) = fk.referenced_table else {
                continue;
            };
            if target == table.id || (only_hard && !is_hard(table, fk)) {
                continue;
            }
            if let (Some(from), Some(to)) = (nodes.get(&table.id), nodes.get(&target)) {
                graph.update_edge(*from, *to, ());
            }
        }
    }
    let mut groups: Vec<Vec<TableId>> = tarjan_scc(&graph)
        .into_iter()
        .filter(|scc| scc.len() > 1)
        .map(|scc| {
            let mut ids: Vec<TableId> = scc
                .iter()
                .filter_map(|n| graph.node_weight(*n))
                .copied()
                .collect();
            ids.sort();
            ids
        })
        .collect();
    groups.sort();
    groups
}

impl Rule for FkCycle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_schema(&self, ctx: &Context, out: &mut Findings) {
        let all = cycles(ctx, false);
        if all.is_empty() {
            return;
        }
        let hard = cycles(ctx, true);
        for group in &hard {
            let message = format!(
                "{} reference each other through NOT NULL, non-deferrable foreign keys: no row \
                 can be inserted first",
                names(ctx, group)
            );
            let finding = out.report(Subject::Table(group[0]), message);
            if let Some(fix) = fix(ctx, group) {
                finding.with_fix(fix);
            }
        }
        for group in &all {
            if hard.iter().any(|h| h.iter().all(|t| group.contains(t))) {
                continue;
            }
            let message = format!(
                "{} reference each other in a foreign-key cycle: inserts and deletes need two \
                 steps",
                names(ctx, group)
            );
            out.report(Subject::Table(group[0]), message)
                .with_severity(Severity::Info);
        }
    }
}

fn names(ctx: &Context, group: &[TableId]) -> String {
    let labels: Vec<String> = group
        .iter()
        .filter_map(|id| ctx.table(*id).map(|t| ctx.table_label(t)))
        .collect();
    match labels.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => labels.join(""),
    }
}

/// Breaks the cycle at its first hard key by deferring its check, where the dialect can.
/// (Making columns nullable would need copies of them, which go stale: this rule only reruns
/// when foreign keys or their nullability change.)
fn fix(ctx: &Context, group: &[TableId]) -> Option<Fix> {
    if !matches!(ctx.dialect, Dialect::Postgres | Dialect::Sqlite) {
        return None;
    }
    for table in group.iter().filter_map(|id| ctx.table(*id)) {
        for fk in &table.foreign_keys {
            let inside = match fk.referenced_table {
                TableRef::Resolved(t) => t != table.id && group.contains(&t),
                TableRef::Unresolved(_) => false,
            };
            if !inside || !is_hard(table, fk) {
                continue;
            }
            let label = super::fk_target_not_unique::fk_label(ctx, table, fk);
            let mut changed = fk.clone();
            changed.deferrable = Deferrable::InitiallyDeferred;
            return Some(Fix::batch(
                format!("Make {label} DEFERRABLE INITIALLY DEFERRED"),
                vec![Edit::Table {
                    table: table.id,
                    change: TableChange::ReplaceConstraint(Constraint::ForeignKey(changed)),
                }],
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, Severity};
    use crate::rules::testing::*;

    const RULE: &str = "fk-cycle";

    const HARD: &str = "CREATE TABLE a (id int PRIMARY KEY, b_id int NOT NULL);
        CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a(id));
        ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b(id);";

    #[test]
    fn a_hard_cycle_is_a_warning_and_the_fix_defers_one_key() {
        let doc = pg(HARD);
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[0].message,
            "a and b reference each other through NOT NULL, non-deferrable foreign keys: no row \
             can be inserted first"
        );
        let fixed = fixed(&doc, &found[0]);
        let after = run(&fixed, RULE);
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].severity, Severity::Info);
    }

    #[test]
    fn dialects_without_deferred_checks_get_no_fix() {
        let mut doc = pg(HARD);
        doc.target = Dialect::Mysql;
        let found = fires(&doc, RULE);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn a_soft_cycle_is_info_and_self_references_are_not_cycles() {
        let doc = pg("CREATE TABLE a (id int PRIMARY KEY, b_id int);
            CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a(id));
            ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b(id);");
        let found = fires(&doc, RULE);
        assert_eq!(found[0].severity, Severity::Info);
        silent(
            &pg("CREATE TABLE node (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES node(id));
                 CREATE TABLE leaf (id int PRIMARY KEY, node_id int REFERENCES node(id));"),
            RULE,
        );
    }
}
