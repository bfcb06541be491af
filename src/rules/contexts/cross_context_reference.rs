//! `cross-context-reference`: a foreign key between tables of two different bounded contexts.

use crate::model::{ColumnRef, Edit, Table, TableChange};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

use super::context_of;

static META: RuleMeta = RuleMeta {
    id: "cross-context-reference",
    category: Category::Contexts,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A foreign key joins tables of two different bounded contexts.",
    help: "Bounded contexts own their data: a foreign key from one context into another ties \
           their schemas, deployments and transactions together (the \"shared database\" \
           anti-pattern) and makes splitting them into services impossible. Keep the id column \
           as a plain reference, drop the foreign key, and keep the copy in sync with \
           integration events (customer.created, customer.deleted). The fix does that and \
           notes it in the column's comment. Only groups marked as bounded contexts count.",
    options: &[],
};

/// The rule.
pub struct CrossContextReference;

impl Rule for CrossContextReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let Some(own) = context_of(ctx, table) else {
            return;
        };
        for fk in &table.foreign_keys {
            let Some(target) = ctx.doc.referenced_table(fk) else {
                continue;
            };
            let Some(other) = context_of(ctx, target).filter(|g| g.id != own.id) else {
                continue;
            };
            let columns: Vec<&str> = fk
                .columns
                .iter()
                .filter_map(|c| table.column(*c).map(|col| col.name.as_str()))
                .collect();
            let finding = out.report(
                Subject::Constraint(table.id, fk.id),
                format!(
                    "the foreign key {}({}) → {} reaches from context {} into context {}: keep \
                     the id, drop the foreign key and sync through integration events",
                    ctx.table_label(table),
                    columns.join(", "),
                    ctx.table_label(target),
                    own.name,
                    other.name
                ),
            );
            let mut edits = vec![Edit::Table {
                table: table.id,
                change: TableChange::RemoveConstraint(fk.id),
            }];
            for (column, referenced) in fk.columns.iter().zip(&fk.referenced_columns) {
                let Some(col) = table.column(*column) else {
                    continue;
                };
                let referenced = match referenced {
                    ColumnRef::Resolved(id) => target.column(*id).map(|c| c.name.clone()),
                    ColumnRef::Unresolved(name) => Some(name.clone()),
                }
                .unwrap_or_else(|| "its key".to_owned());
                let note = format!(
                    "References {}.{referenced} in context {}; kept in sync by integration \
                     events",
                    ctx.table_label(target),
                    other.name
                );
                let mut changed = col.clone();
                changed.comment = Some(match col.comment.as_deref().map(str::trim) {
                    Some(existing) if !existing.is_empty() => format!("{existing}\n{note}"),
                    _ => note,
                });
                edits.push(Edit::Table {
                    table: table.id,
                    change: TableChange::ReplaceColumn(changed),
                });
            }
            finding.with_fix(Fix::batch(
                format!(
                    "Drop the foreign key to {}, keep {}",
                    ctx.table_label(target),
                    columns.join(", ")
                ),
                edits,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::group;
    use crate::rules::testing::*;

    const RULE: &str = "cross-context-reference";
    const SQL: &str = "CREATE TABLE customers (id uuid PRIMARY KEY);
        CREATE TABLE orders (id uuid PRIMARY KEY, customer_id uuid NOT NULL REFERENCES customers (id));";

    #[test]
    fn foreign_keys_between_contexts_are_dropped_and_noted() {
        let mut doc = pg(SQL);
        group(&mut doc, "Customers", true, &["customers"]);
        group(&mut doc, "Sales", true, &["orders"]);
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "the foreign key orders(customer_id) → customers reaches from context Sales into \
             context Customers: keep the id, drop the foreign key and sync through integration \
             events"
        );
        let fixed = fix_silences(&doc, RULE);
        let orders = fixed
            .tables
            .values()
            .find(|t| t.name.name == "orders")
            .unwrap();
        assert!(orders.foreign_keys.is_empty());
        assert_eq!(
            orders.columns[1].comment.as_deref(),
            Some(
                "References customers.id in context Customers; kept in sync by integration \
                 events"
            )
        );
    }

    #[test]
    fn plain_groups_and_one_context_are_fine() {
        let mut doc = pg(SQL);
        group(&mut doc, "Customers", false, &["customers"]);
        group(&mut doc, "Sales", true, &["orders"]);
        silent(&doc, RULE);
        let mut doc = pg(SQL);
        group(&mut doc, "Shop", true, &["customers", "orders"]);
        silent(&doc, RULE);
    }
}
