//! `context-unassigned`: when bounded contexts are in use, a table that belongs to none.

use std::collections::BTreeMap;

use crate::model::{Edit, GroupId, Table, TableChange};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

use super::context_of;

static META: RuleMeta = RuleMeta {
    id: "context-unassigned",
    category: Category::Contexts,
    severity: Severity::Info,
    enabled: false,
    scope: Scope::Table,
    summary: "Bounded contexts are in use, but the table belongs to none.",
    help: "Once a design is divided into bounded contexts, a table outside all of them has no \
           owner: nobody is responsible for its data and the cross-context rule cannot check \
           its links. Put it into the context that owns it. The fix picks the context most of \
           its foreign-key neighbours belong to. Off by default.",
    options: &[],
};

/// The rule.
pub struct ContextUnassigned;

impl Rule for ContextUnassigned {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if context_of(ctx, table).is_some()
            || super::is_partition(table)
            || !ctx.doc.groups.values().any(|g| g.bounded_context)
        {
            return;
        }
        let finding = out.report(
            Subject::Table(table.id),
            format!("{} belongs to no bounded context", ctx.table_label(table)),
        );
        // Votes of the neighbours in the foreign-key graph.
        let mut votes: BTreeMap<GroupId, usize> = BTreeMap::new();
        let referenced = table
            .foreign_keys
            .iter()
            .filter_map(|fk| ctx.doc.referenced_table(fk));
        let referrers = ctx
            .facts
            .referrers(table.id)
            .iter()
            .filter_map(|id| ctx.table(*id));
        for neighbour in referenced.chain(referrers) {
            if let Some(group) = context_of(ctx, neighbour) {
                *votes.entry(group.id).or_default() += 1;
            }
        }
        let best = votes
            .iter()
            .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)));
        if let Some((id, _)) = best
            && let Some(group) = ctx.doc.groups.get(id)
        {
            finding.with_fix(Fix::batch(
                format!("Assign to context {}", group.name),
                vec![Edit::Table {
                    table: table.id,
                    change: TableChange::SetGroup(Some(*id)),
                }],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::group;
    use crate::rules::testing::*;

    const RULE: &str = "context-unassigned";
    const SQL: &str = "CREATE TABLE customers (id int PRIMARY KEY);
        CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));
        CREATE TABLE notes (id int PRIMARY KEY);";

    #[test]
    fn tables_outside_every_context_are_assigned_by_their_neighbours() {
        let mut doc = pg(SQL);
        let sales = group(&mut doc, "Sales", true, &["customers"]);
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].message, "orders belongs to no bounded context");
        assert!(found[1].fix.is_none(), "notes has no neighbours");
        let fixed = fixed(&doc, &found[0]);
        let orders = fixed
            .tables
            .values()
            .find(|t| t.name.name == "orders")
            .unwrap();
        assert_eq!(orders.group, Some(sales));
    }

    #[test]
    fn silent_without_contexts() {
        let mut doc = pg(SQL);
        group(&mut doc, "Sales", false, &["customers"]);
        silent(&doc, RULE);
    }
}
