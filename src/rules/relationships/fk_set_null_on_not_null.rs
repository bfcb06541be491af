//! `fk-set-null-on-not-null`: SET NULL on NOT NULL columns, SET DEFAULT without defaults.

use crate::model::{
    Column, Constraint, Dialect, Edit, ForeignKey, ReferentialAction, Table, TableChange,
};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

use super::fk_target_not_unique::fk_label;

static META: RuleMeta = RuleMeta {
    id: "fk-set-null-on-not-null",
    category: Category::Relationships,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Table,
    summary: "ON DELETE/UPDATE SET NULL on a NOT NULL column, or SET DEFAULT without a default.",
    help: "The action runs when a parent row is deleted or re-keyed, long after the schema was \
           accepted: SET NULL on a NOT NULL column and SET DEFAULT on a NOT NULL column without \
           a default then fail, and the parent row cannot be deleted at all. MySQL's InnoDB \
           does not support SET DEFAULT. Make the column nullable (or give it a default), or \
           choose another action.",
    options: &[],
};

/// The rule.
pub struct FkSetNullOnNotNull;

impl Rule for FkSetNullOnNotNull {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        for fk in &table.foreign_keys {
            let actions = [fk.on_delete, fk.on_update];
            if actions.contains(&ReferentialAction::SetNull) {
                let blocking: Vec<&Column> = columns(table, fk).filter(|c| !c.nullable).collect();
                if !blocking.is_empty() {
                    let message = format!(
                        "{} sets NULL when the parent changes, but {} NOT NULL",
                        fk_label(ctx, table, fk),
                        described(&blocking)
                    );
                    let fix = if blocking.iter().any(|c| table.is_primary_key_column(c.id)) {
                        change_action(table, fk, ReferentialAction::SetNull)
                    } else {
                        make_nullable(table, &blocking)
                    };
                    out.report(Subject::Constraint(table.id, fk.id), message)
                        .with_fix(fix);
                }
            }
            if actions.contains(&ReferentialAction::SetDefault) {
                let blocking: Vec<&Column> = columns(table, fk)
                    .filter(|c| !c.nullable && c.default.is_none())
                    .collect();
                let message = if ctx.dialect == Dialect::Mysql {
                    format!(
                        "{} uses SET DEFAULT, which MySQL's InnoDB does not support",
                        fk_label(ctx, table, fk)
                    )
                } else if blocking.is_empty() {
                    continue;
                } else {
                    format!(
                        "{} sets defaults when the parent changes, but {} NOT NULL without a \
                         default",
                        fk_label(ctx, table, fk),
                        described(&blocking)
                    )
                };
                out.report(Subject::Constraint(table.id, fk.id), message)
                    .with_fix(change_action(table, fk, ReferentialAction::SetDefault));
            }
        }
    }
}

fn columns<'a>(table: &'a Table, fk: &'a ForeignKey) -> impl Iterator<Item = &'a Column> + 'a {
    fk.columns.iter().filter_map(|c| table.column(*c))
}

fn described(columns: &[&Column]) -> String {
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    match names.as_slice() {
        [one] => format!("{one} is"),
        _ => format!("{} are", names.join(", ")),
    }
}

fn make_nullable(table: &Table, columns: &[&Column]) -> Fix {
    let edits = columns
        .iter()
        .map(|c| {
            let mut changed = (*c).clone();
            changed.nullable = true;
            Edit::Table {
                table: table.id,
                change: TableChange::ReplaceColumn(changed),
            }
        })
        .collect();
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    Fix::batch(format!("Make {} nullable", names.join(", ")), edits)
}

/// Replaces `action` with NO ACTION wherever the key uses it.
fn change_action(table: &Table, fk: &ForeignKey, action: ReferentialAction) -> Fix {
    let mut changed = fk.clone();
    for slot in [&mut changed.on_delete, &mut changed.on_update] {
        if *slot == action {
            *slot = ReferentialAction::NoAction;
        }
    }
    Fix::batch(
        format!("Use NO ACTION instead of {}", action.sql()),
        vec![Edit::Table {
            table: table.id,
            change: TableChange::ReplaceConstraint(Constraint::ForeignKey(changed)),
        }],
    )
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, ReferentialAction};
    use crate::rules::testing::*;

    const RULE: &str = "fk-set-null-on-not-null";

    const PARENT: &str = "CREATE TABLE customer (id bigint PRIMARY KEY);";

    #[test]
    fn set_null_on_not_null_fires_and_the_fix_makes_it_nullable() {
        let doc = pg(&format!(
            "{PARENT} CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL
               REFERENCES customer(id) ON DELETE SET NULL);"
        ));
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "orders(customer_id) sets NULL when the parent changes, but customer_id is NOT NULL"
        );
        let fixed = fix_silences(&doc, RULE);
        assert!(fixed.tables.values().nth(1).unwrap().columns[1].nullable);
    }

    #[test]
    fn key_columns_change_the_action_instead() {
        let doc = pg(&format!(
            "{PARENT} CREATE TABLE profile (customer_id bigint PRIMARY KEY
               REFERENCES customer(id) ON DELETE SET NULL);"
        ));
        let fixed = fix_silences(&doc, RULE);
        let fk = &fixed.tables.values().nth(1).unwrap().foreign_keys[0];
        assert_eq!(fk.on_delete, ReferentialAction::NoAction);
    }

    #[test]
    fn set_default_needs_a_default_and_is_refused_by_mysql() {
        let sql = format!(
            "{PARENT} CREATE TABLE orders (customer_id bigint NOT NULL
               REFERENCES customer(id) ON DELETE SET DEFAULT);"
        );
        let found = fires(&pg(&sql), RULE);
        assert!(found[0].message.contains("NOT NULL without a default"));
        fix_silences(&pg(&sql), RULE);
        let with_default = format!(
            "{PARENT} CREATE TABLE orders (customer_id bigint NOT NULL DEFAULT 0
               REFERENCES customer(id) ON DELETE SET DEFAULT);"
        );
        silent(&pg(&with_default), RULE);
        let mut mysql = pg(&with_default);
        mysql.target = Dialect::Mysql;
        assert!(fires(&mysql, RULE)[0].message.contains("InnoDB"));
    }

    #[test]
    fn silent_on_nullable_columns() {
        silent(
            &pg(&format!(
                "{PARENT} CREATE TABLE orders (customer_id bigint
                   REFERENCES customer(id) ON DELETE SET NULL);"
            )),
            RULE,
        );
    }
}
