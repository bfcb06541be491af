//! `column-type-inconsistent`: the same column name with different types in different tables.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use crate::model::{DataType, Edit, Table, TableChange, TableId};
use crate::rules::util::glob_match;
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "column-type-inconsistent",
    category: Category::Types,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Keyed,
    summary: "The same column name has different types in different tables.",
    help: "A column that means the same thing everywhere (an email, a status, a customer_id) \
           should have the same type everywhere; otherwise joins need casts and values get \
           truncated when copied. The columns whose type differs from the most common one are \
           reported; the fix gives them the common type.",
    options: &[RuleOption {
        name: "ignore",
        default: "",
        help: "comma-separated column names (or * patterns) that may differ in type",
    }],
};

/// The rule.
pub struct ColumnTypeInconsistent;

impl Rule for ColumnTypeInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn keys(&self, _ctx: &Context, table: &Table, out: &mut Vec<(String, u64)>) {
        for column in &table.columns {
            let mut hasher = crate::rules::naming::fingerprint::Fast::default();
            column.data_type.kind.hash(&mut hasher);
            column.data_type.array_dims.hash(&mut hasher);
            out.push((column.name.to_ascii_lowercase(), hasher.finish()));
        }
    }

    fn check_key_contributions(
        &self,
        ctx: &Context,
        key: &str,
        contributions: &[(TableId, u64)],
        out: &mut Findings,
    ) {
        // One fingerprint means one type: nothing to report, no column to look at.
        let Some((_, first)) = contributions.first() else {
            return;
        };
        if contributions.iter().all(|(_, f)| f == first) {
            return;
        }
        let mut tables: Vec<TableId> = contributions.iter().map(|(t, _)| *t).collect();
        tables.dedup();
        self.check_key(ctx, key, &tables, out);
    }

    fn check_key(&self, ctx: &Context, key: &str, tables: &[TableId], out: &mut Findings) {
        if tables.len() < 2 {
            return;
        }
        let ignore = ctx.option_list(&META, "ignore");
        if ignore.iter().any(|pattern| glob_match(pattern, key)) {
            return;
        }
        // Distinct types first (usually one, so nothing is rendered), then by display.
        let mut distinct: Vec<(&DataType, Vec<(&Table, usize)>)> = Vec::new();
        for table in tables.iter().filter_map(|id| ctx.table(*id)) {
            for (index, column) in table.columns.iter().enumerate() {
                if !column.name.eq_ignore_ascii_case(key) {
                    continue;
                }
                let same = |t: &DataType| {
                    t.kind == column.data_type.kind && t.array_dims == column.data_type.array_dims
                };
                match distinct.iter_mut().find(|(t, _)| same(t)) {
                    Some((_, holders)) => holders.push((table, index)),
                    None => distinct.push((&column.data_type, vec![(table, index)])),
                }
            }
        }
        if distinct.len() < 2 {
            return;
        }
        let mut by_type: BTreeMap<String, Vec<(&Table, usize)>> = BTreeMap::new();
        for (data_type, holders) in distinct {
            by_type
                .entry(ctx.doc.type_display(data_type))
                .or_default()
                .extend(holders);
        }
        if by_type.len() < 2 {
            return;
        }
        let Some((common, holders)) = by_type.iter().max_by_key(|(_, v)| v.len()) else {
            return;
        };
        let Some(&(model_table, model_index)) = holders.first() else {
            return;
        };
        let common_type = model_table.columns[model_index].data_type.clone();
        for (shown, columns) in by_type.iter().filter(|(shown, _)| *shown != common) {
            for &(table, index) in columns {
                let column = &table.columns[index];
                let mut changed = column.clone();
                changed.data_type = common_type.clone();
                let message = format!(
                    "{} is {shown}, but {} other table(s) have {} as {common}",
                    ctx.column_label(table, column),
                    holders.len(),
                    column.name
                );
                out.report(Subject::Column(table.id, column.id), message)
                    .with_fix(Fix::batch(
                        format!("Change the type to {common}"),
                        vec![Edit::Table {
                            table: table.id,
                            change: TableChange::ReplaceColumn(changed),
                        }],
                    ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "column-type-inconsistent";

    #[test]
    fn fires_on_the_odd_type_out_and_unifies_it() {
        let doc = pg("CREATE TABLE a (email varchar(255));
                      CREATE TABLE b (email varchar(255));
                      CREATE TABLE c (\"Email\" varchar(100));");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.starts_with("c.Email is varchar(100)"),
            "{}",
            found[0].message
        );
        fix_silences(&doc, RULE);
    }

    #[test]
    fn silent_when_types_agree_or_the_name_is_ignored() {
        silent(
            &pg("CREATE TABLE a (email text); CREATE TABLE b (email text);"),
            RULE,
        );
        let mut doc = pg("CREATE TABLE a (code text); CREATE TABLE b (code int);");
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("ignore".into(), "co*".into());
        silent(&doc, RULE);
    }
}
