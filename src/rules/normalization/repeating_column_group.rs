//! `repeating-column-group`: numbered columns (`phone1`, `phone2`, or `phone` and `phone2`)
//! that hold several values of one attribute.

use crate::model::{Column, Table};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::child_table::{Child, child_table, move_to_child, removable};

static META: RuleMeta = RuleMeta {
    id: "repeating-column-group",
    category: Category::Normalization,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "Numbered columns hold several values of one attribute.",
    help: "Columns like phone1, phone2, phone3 (or phone and phone2) are a repeating group: \
           the number of values is fixed by the schema, searching needs one condition per \
           column, and the last slot always runs out. Store the values as rows of a child \
           table (owner key, seq, value). When the columns share one type the fix creates \
           that table and removes the columns. Address lines are exempt by default.",
    options: &[RuleOption {
        name: "ignore",
        default: "*line,address",
        help: "comma-separated stems (the name without its number, e.g. street_line) or * \
               patterns that may repeat",
    }],
};

/// The rule.
pub struct RepeatingColumnGroup;

/// `phone2` → (`phone`, 2): the name without its trailing number, and the number.
fn split(name: &str) -> Option<(&str, u32)> {
    let stem = name.trim_end_matches(|c: char| c.is_ascii_digit());
    if stem.is_empty() || stem.len() == name.len() || name.len() - stem.len() > 4 {
        return None;
    }
    Some((stem, name[stem.len()..].parse().ok()?))
}

/// A stem without the separator before its number (`street_line_` → `street_line`).
fn bare(stem: &str) -> &str {
    stem.trim_end_matches(['_', '-', ' '])
}

impl Rule for RepeatingColumnGroup {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if super::is_partition(table) || !table.columns.iter().any(|c| split(&c.name).is_some()) {
            return;
        }
        let ignore = ctx.option_patterns(&META, "ignore");
        let mut done: Vec<&str> = Vec::new();
        for column in &table.columns {
            let Some((stem, _)) = split(&column.name) else {
                continue;
            };
            if done.iter().any(|d| d.eq_ignore_ascii_case(stem)) {
                continue;
            }
            done.push(stem);
            if ignore.matches(bare(stem)) {
                continue;
            }
            let group = group(table, stem);
            if group.len() >= 2 {
                report(ctx, table, stem, &group, out);
            }
        }
    }
}

/// The columns numbered after `stem`, by number; a column named like the bare stem counts as
/// number 1 when there is no 1. Empty unless two numbers are consecutive.
fn group<'a>(table: &'a Table, stem: &str) -> Vec<(u32, &'a Column)> {
    let mut members: Vec<(u32, &Column)> = table
        .columns
        .iter()
        .filter_map(|c| {
            let (s, n) = split(&c.name)?;
            s.eq_ignore_ascii_case(stem).then_some((n, c))
        })
        .collect();
    if !members.iter().any(|(n, _)| *n == 1)
        && let Some(plain) = table
            .columns
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(bare(stem)))
    {
        members.push((1, plain));
    }
    members.sort_by_key(|(n, _)| *n);
    let consecutive = members.windows(2).any(|w| w[1].0 == w[0].0 + 1);
    if consecutive { members } else { Vec::new() }
}

fn report(ctx: &Context, table: &Table, stem: &str, group: &[(u32, &Column)], out: &mut Findings) {
    let names: Vec<&str> = group.iter().map(|(_, c)| c.name.as_str()).collect();
    let first = group[0].1;
    let types: Vec<String> = group
        .iter()
        .map(|(_, c)| ctx.doc.type_display(&c.data_type))
        .collect();
    let same_type = types.windows(2).all(|w| w[0] == w[1]);
    let mut message = format!(
        "{}.{} form a repeating group: one attribute ({}) spread over numbered columns",
        ctx.table_label(table),
        names.join(", "),
        bare(stem)
    );
    if !same_type {
        message.push_str(&format!(" with different types ({})", types.join(", ")));
    }
    let finding = out.report(Subject::Column(table.id, first.id), message);
    if !same_type || !group.iter().all(|(_, c)| removable(ctx, table, c)) {
        return;
    }
    let child = Child {
        owner: table,
        subject: bare(stem),
        value_name: bare(stem).to_owned(),
        value_type: first.data_type.clone(),
        numbered: true,
    };
    if let Some(new) = child_table(ctx, &child) {
        let label = format!(
            "Move {} into child table {}",
            names.join(", "),
            new.name.name
        );
        let columns: Vec<_> = group.iter().map(|(_, c)| c.id).collect();
        finding.with_fix(Fix::batch(label, move_to_child(table, new, &columns)));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "repeating-column-group";

    #[test]
    fn numbered_columns_move_to_a_child_table() {
        let doc = pg(
            "CREATE TABLE customers (id bigserial PRIMARY KEY, name text,
                        phone varchar(20), phone2 varchar(20), phone3 varchar(20));",
        );
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "customers.phone, phone2, phone3 form a repeating group: one attribute (phone) \
             spread over numbered columns"
        );
        let fixed = fix_silences(&doc, RULE);
        let owner = fixed
            .tables
            .values()
            .find(|t| t.name.name == "customers")
            .unwrap();
        assert_eq!(owner.columns.len(), 2);
        let child = fixed
            .tables
            .values()
            .find(|t| t.name.name == "customer_phones")
            .unwrap();
        let names: Vec<&str> = child.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["customer_id", "seq", "phone"]);
        assert_eq!(child.primary_key.as_ref().unwrap().columns.len(), 2);
        assert_eq!(child.foreign_keys.len(), 1);
        assert_eq!(child.columns[0].data_type.original, None);
    }

    #[test]
    fn different_types_are_reported_without_fix() {
        let doc = pg("CREATE TABLE t (id int PRIMARY KEY, x1 int, x2 numeric);");
        let found = fires(&doc, RULE);
        assert!(
            found[0]
                .message
                .ends_with("with different types (integer, numeric)")
        );
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn silent_without_consecutive_numbers_or_for_address_lines() {
        silent(
            &pg(
                "CREATE TABLE t (id int PRIMARY KEY, sha1 text, sha256 text, ipv4 text, ipv6 text);",
            ),
            RULE,
        );
        let doc = pg("CREATE TABLE a (id int PRIMARY KEY, street_line1 text, street_line2 text);");
        silent(&doc, RULE);
        let mut strict = doc.clone();
        strict
            .lint
            .rule_mut(RULE)
            .options
            .insert("ignore".into(), String::new());
        fires(&strict, RULE);
    }
}
