//! `column-name-blocklist`: a column name that says nothing about its content.

use super::glob;
use crate::model::Table;
use crate::rules::{
    Category, Context, Findings, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "column-name-blocklist",
    category: Category::Naming,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "A column name is on the project's list of names to avoid.",
    help: "Names like data, flag, info or temp tell the reader nothing: what data, which flag? \
           Rename the column after what it holds (payload_json, is_archived). Patterns use * \
           and ? and compare case-insensitively; a pattern with a dot matches table.column \
           (orders.*_old). There is no automatic fix: only you know what the column means.",
    options: &[RuleOption {
        name: "patterns",
        default: "data,flag,info,misc,temp,tmp,foo,bar,baz,dummy,unnamed*,col?,field?",
        help: "comma-separated column names or * / ? patterns to avoid",
    }],
};

/// The rule.
pub struct ColumnNameBlocklist;

impl Rule for ColumnNameBlocklist {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let compiled = ctx.memo(&META, "patterns", || {
            let list = ctx.option_list(&META, "patterns").to_vec();
            let plain: Vec<String> = list.iter().filter(|p| !p.contains('.')).cloned().collect();
            let dotted = plain.len() < list.len();
            (list, glob::Patterns::new(&plain), dotted)
        });
        let (patterns, plain, dotted) = compiled;
        if patterns.is_empty() {
            return;
        }
        for column in &table.columns {
            // Most names match nothing: rule them out with the compiled plain patterns first.
            if !dotted && !plain.matches(&column.name) {
                continue;
            }
            let hit = patterns.iter().find(|pattern| {
                if pattern.contains('.') {
                    glob::matches(pattern, &format!("{}.{}", table.name.name, column.name))
                } else {
                    glob::matches(pattern, &column.name)
                }
            });
            if let Some(pattern) = hit {
                out.report(
                    Subject::Column(table.id, column.id),
                    format!(
                        "column {} matches the blocked name {pattern}: name it after what it holds",
                        ctx.column_label(table, column)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "column-name-blocklist";

    #[test]
    fn blocked_names_are_reported() {
        let doc =
            pg("CREATE TABLE events (id int PRIMARY KEY, data jsonb, Flag boolean, col1 int);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0].message,
            "column events.data matches the blocked name data: name it after what it holds"
        );
        silent(
            &pg("CREATE TABLE events (id int PRIMARY KEY, payload jsonb);"),
            RULE,
        );
    }

    #[test]
    fn patterns_can_name_the_table() {
        let mut doc = pg("CREATE TABLE orders (id int PRIMARY KEY, total_old int);
                          CREATE TABLE archive (id int PRIMARY KEY, total_old int);");
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("patterns".into(), "orders.*_old".into());
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.starts_with("column orders.total_old"));
    }
}
