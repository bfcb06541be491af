//! `fk-action-policy`: foreign-key actions outside the project's policy (off by default).

use crate::model::{Constraint, Edit, ReferentialAction, Table, TableChange};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::fk_target_not_unique::fk_label;

static META: RuleMeta = RuleMeta {
    id: "fk-action-policy",
    category: Category::Relationships,
    severity: Severity::Info,
    enabled: false,
    scope: Scope::Table,
    summary: "A foreign key's ON DELETE or ON UPDATE action is not one the project allows.",
    help: "Teams often agree on what deleting a parent may do: ON DELETE CASCADE silently \
           removes whole trees of rows, SET NULL leaves orphans that look valid. This rule \
           compares every foreign key with the allowed actions and offers the first allowed \
           one as the fix. Actions: no action, restrict, cascade, set null, set default.",
    options: &[
        RuleOption {
            name: "onDelete",
            default: "no action, restrict, set null",
            help: "comma-separated ON DELETE actions that are allowed (empty: any)",
        },
        RuleOption {
            name: "onUpdate",
            default: "no action, restrict, cascade",
            help: "comma-separated ON UPDATE actions that are allowed (empty: any)",
        },
    ],
};

/// The rule.
pub struct FkActionPolicy;

fn parse(word: &str) -> Option<ReferentialAction> {
    let letters: String = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Some(match letters.as_str() {
        "noaction" => ReferentialAction::NoAction,
        "restrict" => ReferentialAction::Restrict,
        "cascade" => ReferentialAction::Cascade,
        "setnull" => ReferentialAction::SetNull,
        "setdefault" => ReferentialAction::SetDefault,
        _ => return None,
    })
}

fn allowed(ctx: &Context, option: &'static str) -> Vec<ReferentialAction> {
    ctx.option_list(&META, option)
        .iter()
        .filter_map(|w| parse(w))
        .collect()
}

impl Rule for FkActionPolicy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if table.foreign_keys.is_empty() {
            return;
        }
        let on_delete = allowed(ctx, "onDelete");
        let on_update = allowed(ctx, "onUpdate");
        let breaks =
            |list: &[ReferentialAction], action| !list.is_empty() && !list.contains(&action);
        for fk in &table.foreign_keys {
            let mut problems = Vec::new();
            let mut changed = fk.clone();
            if breaks(&on_delete, fk.on_delete) {
                problems.push(format!("ON DELETE {}", fk.on_delete.sql()));
                changed.on_delete = on_delete[0];
            }
            if breaks(&on_update, fk.on_update) {
                problems.push(format!("ON UPDATE {}", fk.on_update.sql()));
                changed.on_update = on_update[0];
            }
            if problems.is_empty() {
                continue;
            }
            let message = format!(
                "{} uses {}, which the project's policy does not allow",
                fk_label(ctx, table, fk),
                problems.join(" and ")
            );
            let mut label = Vec::new();
            if changed.on_delete != fk.on_delete {
                label.push(format!("ON DELETE {}", changed.on_delete.sql()));
            }
            if changed.on_update != fk.on_update {
                label.push(format!("ON UPDATE {}", changed.on_update.sql()));
            }
            out.report(Subject::Constraint(table.id, fk.id), message)
                .with_fix(Fix::batch(
                    format!("Use {}", label.join(" and ")),
                    vec![Edit::Table {
                        table: table.id,
                        change: TableChange::ReplaceConstraint(Constraint::ForeignKey(changed)),
                    }],
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ReferentialAction;
    use crate::rules::testing::*;

    const RULE: &str = "fk-action-policy";

    const SQL: &str = "CREATE TABLE customer (id bigint PRIMARY KEY);
        CREATE TABLE orders (customer_id bigint REFERENCES customer(id) ON DELETE CASCADE);";

    #[test]
    fn cascade_deletes_break_the_default_policy() {
        let doc = pg(SQL);
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "orders(customer_id) uses ON DELETE CASCADE, which the project's policy does not allow"
        );
        let fixed = fix_silences(&doc, RULE);
        let fk = &fixed.tables.values().nth(1).unwrap().foreign_keys[0];
        assert_eq!(fk.on_delete, ReferentialAction::NoAction);
    }

    #[test]
    fn the_policy_is_configurable() {
        let mut doc = pg(SQL);
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("onDelete".into(), "cascade, restrict".into());
        silent(&doc, RULE);
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("onUpdate".into(), "RESTRICT".into());
        let found = fires(&doc, RULE);
        assert!(found[0].message.contains("ON UPDATE NO ACTION"));
        let fixed = fix_silences(&doc, RULE);
        let fk = &fixed.tables.values().nth(1).unwrap().foreign_keys[0];
        assert_eq!(fk.on_update, ReferentialAction::Restrict);
    }
}
