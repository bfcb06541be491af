//! `fk-target-not-unique`: a foreign key that references columns which are not a key.

use crate::model::{
    ColumnId, ColumnRef, Constraint, ConstraintId, Edit, Table, TableChange, UniqueConstraint,
};
use crate::rules::util::is_unique_set;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "fk-target-not-unique",
    category: Category::Relationships,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Table,
    summary: "A foreign key references columns that are not a primary key or unique.",
    help: "A foreign key must point at exactly one parent row, so the referenced columns must be \
           the parent's primary key or carry a UNIQUE constraint (or a non-partial unique index) \
           over exactly those columns. PostgreSQL and SQL Server reject the DDL, SQLite fails on \
           the first insert, MySQL accepts it only as a deprecated extension. Reference the \
           primary key, or make the referenced columns UNIQUE.",
    options: &[],
};

/// The rule.
pub struct FkTargetNotUnique;

impl Rule for FkTargetNotUnique {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        for fk in &table.foreign_keys {
            let Some(target) = ctx.doc.referenced_table(fk) else {
                continue;
            };
            let referenced: Option<Vec<ColumnId>> = fk
                .referenced_columns
                .iter()
                .map(|c| match c {
                    ColumnRef::Resolved(id) => target.column(*id).map(|c| c.id),
                    ColumnRef::Unresolved(_) => None,
                })
                .collect();
            let Some(referenced) = referenced else {
                continue;
            };
            if referenced.is_empty()
                || referenced.len() != fk.columns.len()
                || is_unique_set(target, &referenced)
            {
                continue;
            }
            let names: Vec<&str> = referenced
                .iter()
                .filter_map(|c| target.column(*c).map(|c| c.name.as_str()))
                .collect();
            let list = names.join(", ");
            let message = format!(
                "{} references {}({list}), which is neither its primary key nor unique",
                fk_label(ctx, table, fk),
                ctx.table_label(target)
            );
            let unique = UniqueConstraint {
                id: ConstraintId(0),
                name: None,
                columns: referenced,
            };
            out.report(Subject::Constraint(table.id, fk.id), message)
                .with_fix(Fix::batch(
                    format!("Make {}({list}) unique", ctx.table_label(target)),
                    vec![Edit::Table {
                        table: target.id,
                        change: TableChange::AddConstraint(Constraint::Unique(unique)),
                    }],
                ));
        }
    }
}

/// `table(col, ...)` for a foreign key's own columns.
pub(super) fn fk_label(ctx: &Context, table: &Table, fk: &crate::model::ForeignKey) -> String {
    let names: Vec<&str> = fk
        .columns
        .iter()
        .filter_map(|c| table.column(*c).map(|c| c.name.as_str()))
        .collect();
    format!("{}({})", ctx.table_label(table), names.join(", "))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "fk-target-not-unique";

    #[test]
    fn fires_on_a_non_unique_target_and_makes_it_unique() {
        let doc = pg("CREATE TABLE customer (id bigint PRIMARY KEY, code text);
                      CREATE TABLE orders (id bigint PRIMARY KEY,
                        customer_code text REFERENCES customer(code));");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "orders(customer_code) references customer(code), which is neither its primary key \
             nor unique"
        );
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(fixed.tables.values().next().unwrap().uniques.len(), 1);
    }

    #[test]
    fn silent_on_keys_uniques_and_unique_indexes_in_any_order() {
        silent(
            &pg(
                "CREATE TABLE a (x int, y int, z int, PRIMARY KEY (x, y), UNIQUE (z));
                 CREATE UNIQUE INDEX ON a (z, y);
                 CREATE TABLE b (x int, y int, z int,
                   FOREIGN KEY (y, x) REFERENCES a (y, x),
                   FOREIGN KEY (z) REFERENCES a (z),
                   FOREIGN KEY (y, z) REFERENCES a (y, z));",
            ),
            RULE,
        );
    }

    #[test]
    fn partial_unique_indexes_do_not_count() {
        fires(
            &pg(
                "CREATE TABLE a (id int PRIMARY KEY, code text, live boolean);
                 CREATE UNIQUE INDEX ON a (code) WHERE live;
                 CREATE TABLE b (code text REFERENCES a (code));",
            ),
            RULE,
        );
    }
}
