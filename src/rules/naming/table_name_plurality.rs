//! `table-name-plurality`: a table name is plural where singular names are wanted, or the
//! other way round.

use crate::model::{Table, TableId};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::fingerprint;
use super::inflect::{
    Number, extra_pairs, last_word_start, number, plural, singular, with_last_word,
};
use super::keywords::is_reserved_name;
use super::rename::rename_table;

static META: RuleMeta = RuleMeta {
    id: "table-name-plurality",
    category: Category::Naming,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Keyed,
    summary: "A table name is singular where plural names are used, or the other way round.",
    help: "Whether tables are named customer or customers matters less than sticking to one \
           choice. By default the rule expects the form most tables already use (when at \
           least two thirds do) and reports the others; set `style` to singular or plural to impose one. Only the last word of \
           a name counts (order_items is plural), and words without a clear number (data, \
           status, news) are never reported.",
    options: &[
        RuleOption {
            name: "style",
            default: "consistent",
            help: "singular, plural, consistent (the form most tables use) or off",
        },
        RuleOption {
            name: "irregular",
            default: "",
            help: "extra irregular words as singular:plural pairs, e.g. cactus:cacti",
        },
    ],
};

/// The rule.
pub struct TableNamePlurality;

impl Rule for TableNamePlurality {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn keys(&self, ctx: &Context, table: &Table, out: &mut Vec<(String, u64)>) {
        if !ctx
            .option(&META, "style")
            .trim()
            .eq_ignore_ascii_case("off")
        {
            // Table names are global: every rename checks all tables again anyway.
            out.push(("all".to_owned(), fingerprint::text(&table.name.name)));
        }
    }

    fn check_key(&self, ctx: &Context, _key: &str, tables: &[TableId], out: &mut Findings) {
        let extra = extra_pairs(ctx.option_list(&META, "irregular"));
        let numbered: Vec<(&Table, Number)> = tables
            .iter()
            .filter_map(|id| ctx.table(*id))
            .filter(|t| !t.options.0.contains_key("partition_of"))
            .filter_map(|t| Some((t, number(&last_word(&t.name.name), &extra)?)))
            .collect();
        let style = ctx.option(&META, "style").trim().to_ascii_lowercase();
        let (wanted, consistent) = match style.as_str() {
            "singular" => (Number::Singular, false),
            "plural" => (Number::Plural, false),
            _ => {
                let plurals = numbered
                    .iter()
                    .filter(|(_, n)| *n == Number::Plural)
                    .count();
                let singulars = numbered.len() - plurals;
                // Only a clear majority (two to one) makes a convention.
                if plurals >= 2 * singulars.max(1) {
                    (Number::Plural, true)
                } else if singulars >= 2 * plurals.max(1) {
                    (Number::Singular, true)
                } else {
                    return;
                }
            }
        };
        let form = match wanted {
            Number::Singular => "singular",
            Number::Plural => "plural",
        };
        for (table, _) in numbered.iter().filter(|(_, n)| *n != wanted) {
            let tail = if consistent {
                format!(", like most tables ({form})")
            } else {
                String::new()
            };
            let finding = out.report(
                Subject::Table(table.id),
                format!("table name {} is not {form}{tail}", ctx.table_label(table)),
            );
            let name = proposal(&table.name.name, wanted, &extra);
            let taken = ctx.facts.tables_named(&name).iter().any(|id| {
                ctx.table(*id)
                    .is_some_and(|t| t.name.schema == table.name.schema)
            });
            // `users` → `user` would trade this finding for a reserved word.
            if name != table.name.name && !taken && !is_reserved_name(&name, ctx.dialect) {
                finding.with_fix(Fix::batch(
                    format!("Rename to {name}"),
                    vec![rename_table(table, &name)],
                ));
            }
        }
    }
}

/// The name in the wanted form. Only the last word carries the number (`order_items` →
/// `order_item`), except in a name made of plural words only, where each word names the
/// entities linked (`hosts_templates` → `host_template`).
fn proposal(name: &str, wanted: Number, extra: &[(String, String)]) -> String {
    let inflect = |w: &str| match wanted {
        Number::Singular => singular(w, extra),
        Number::Plural => plural(w, extra),
    };
    let parts: Vec<&str> = name.split('_').collect();
    let all_plural = wanted == Number::Singular
        && parts.len() > 1
        && parts.iter().all(|p| {
            let lower = p.to_lowercase();
            !KEEP.contains(&lower.as_str()) && number(&lower, extra) == Some(Number::Plural)
        });
    if all_plural {
        parts
            .iter()
            .map(|p| with_last_word(p, inflect))
            .collect::<Vec<_>>()
            .join("_")
    } else {
        with_last_word(name, inflect)
    }
}

/// Plural-looking words that stay as they are in front of another word (`sales_orders`).
const KEEP: &[&str] = &["sales", "goods", "terms", "arms", "means", "savings"];

fn last_word(name: &str) -> String {
    name[last_word_start(name)..]
        .trim_end_matches('_')
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "table-name-plurality";

    #[test]
    fn the_minority_form_is_reported_by_default() {
        let doc = pg("CREATE TABLE customers (id int PRIMARY KEY);
                      CREATE TABLE order_items (id int PRIMARY KEY);
                      CREATE TABLE category (id int PRIMARY KEY);
                      CREATE TABLE metadata (id int PRIMARY KEY);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "table name category is not plural, like most tables (plural)"
        );
        let fixed = fix_silences(&doc, RULE);
        assert!(fixed.tables.values().any(|t| t.name.name == "categories"));
        // A tie decides nothing.
        silent(
            &pg(
                "CREATE TABLE customer (id int PRIMARY KEY); CREATE TABLE orders (id int PRIMARY KEY);",
            ),
            RULE,
        );
    }

    #[test]
    fn a_configured_form_applies_to_every_table() {
        let mut doc = pg(
            "CREATE TABLE people (id int PRIMARY KEY); CREATE TABLE \"OrderItems\" (id int PRIMARY KEY);",
        );
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("style".into(), "singular".into());
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        let fixed = fix_silences(&doc, RULE);
        let mut names: Vec<_> = fixed.tables.values().map(|t| t.name.name.clone()).collect();
        names.sort();
        assert_eq!(names, ["OrderItem", "person"]);
    }

    #[test]
    fn renames_avoid_reserved_words_and_taken_names() {
        let doc = pg("CREATE TABLE users (id int PRIMARY KEY);
                      CREATE TABLE rights (id int PRIMARY KEY);
                      CREATE TABLE hosts_templates (id int PRIMARY KEY);
                      CREATE TABLE items (id int PRIMARY KEY);
                      CREATE TABLE item (id int PRIMARY KEY);
                      CREATE TABLE sales_orders (id int PRIMARY KEY);");
        let mut doc = doc;
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("style".into(), "singular".into());
        let found = fires(&doc, RULE);
        let fixes: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|f| {
                let table = f.message.split_whitespace().nth(2).unwrap();
                (table, f.fix.as_ref().map(|x| x.label.as_str()))
            })
            .collect();
        assert!(fixes.contains(&("users", None)), "{fixes:?}");
        assert!(fixes.contains(&("rights", None)), "{fixes:?}");
        assert!(fixes.contains(&("items", None)), "{fixes:?}");
        assert!(
            fixes.contains(&("hosts_templates", Some("Rename to host_template"))),
            "{fixes:?}"
        );
        assert!(
            fixes.contains(&("sales_orders", Some("Rename to sales_order"))),
            "{fixes:?}"
        );
    }
}
