//! `table-series`: tables that differ only by a number or year at the end of their name
//! (`sales_2023`, `sales_2024`).

use crate::model::{Table, TableId};
use crate::rules::naming::fingerprint;
use crate::rules::{Category, Context, Findings, Rule, RuleMeta, Scope, Severity, Subject};
use crate::sql::export::is_default_schema;

static META: RuleMeta = RuleMeta {
    id: "table-series",
    category: Category::Normalization,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Keyed,
    summary: "Several tables share a name stem and differ by a number or year.",
    help: "Tables such as sales_2023, sales_2024 (\"metadata tribbles\") split one entity by \
           a value: every query over several years needs a UNION, every new year a new table \
           and new code, and keys are unique per table only. Use one table with a column for \
           the year or number, declared as partitioned when it is large. Declared partitions \
           (PARTITION OF, INHERITS) are not reported.",
    options: &[],
};

/// The rule.
pub struct TableSeries;

/// `sales_2024_01` → `sales`: the name without its trailing numbers and separators, when it
/// ends with a number.
fn stem(name: &str) -> Option<&str> {
    let stem = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_');
    let ends_in_number = name.ends_with(|c: char| c.is_ascii_digit());
    (ends_in_number && !stem.is_empty()).then_some(stem)
}

impl Rule for TableSeries {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn keys(&self, ctx: &Context, table: &Table, out: &mut Vec<(String, u64)>) {
        if super::is_partition(table) {
            return;
        }
        let Some(stem) = stem(&table.name.name) else {
            return;
        };
        let schema = match &table.name.schema {
            Some(s) if !is_default_schema(s, ctx.dialect) => s.to_lowercase(),
            _ => String::new(),
        };
        out.push((
            format!("{schema}\u{1f}{}", stem.to_lowercase()),
            fingerprint::text(&table.name.name),
        ));
    }

    fn check_key(&self, ctx: &Context, _key: &str, tables: &[TableId], out: &mut Findings) {
        if tables.len() < 2 {
            return;
        }
        let members: Vec<&Table> = tables.iter().filter_map(|id| ctx.table(*id)).collect();
        let mut names: Vec<String> = members.iter().map(|t| ctx.table_label(t)).collect();
        names.sort();
        let Some(stem) = members.first().and_then(|t| stem(&t.name.name)) else {
            return;
        };
        for table in &members {
            out.report(
                Subject::Table(table.id),
                format!(
                    "{} is one of {} tables named {stem} plus a number ({}): one table with \
                     a column for the number, partitioned if large, is easier to query",
                    ctx.table_label(table),
                    members.len(),
                    names.join(", ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "table-series";

    #[test]
    fn numbered_tables_form_a_series() {
        let doc = pg("CREATE TABLE sales_2023 (id int PRIMARY KEY);
                      CREATE TABLE sales_2024 (id int PRIMARY KEY);
                      CREATE TABLE oauth2_tokens (id int PRIMARY KEY);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].message,
            "sales_2023 is one of 2 tables named sales plus a number (sales_2023, \
             sales_2024): one table with a column for the number, partitioned if large, is \
             easier to query"
        );
        silent(
            &pg(
                "CREATE TABLE sales_2024 (id int PRIMARY KEY); CREATE TABLE sales (id int PRIMARY KEY);",
            ),
            RULE,
        );
    }

    #[test]
    fn declared_partitions_are_skipped() {
        silent(
            &pg("CREATE TABLE sales (id int, y int) PARTITION BY LIST (y);
                 CREATE TABLE sales_2023 PARTITION OF sales FOR VALUES IN (2023);
                 CREATE TABLE sales_2024 PARTITION OF sales FOR VALUES IN (2024);"),
            RULE,
        );
    }
}
