//! `table-too-wide`: more columns than the configured maximum.

use crate::model::Table;
use crate::rules::{
    Category, Context, Findings, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "table-too-wide",
    category: Category::Normalization,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "The table has more columns than the configured maximum.",
    help: "A very wide table usually mixes several things: groups of optional attributes, \
           data of another entity, or history. Every row pays for all of it and every change \
           touches it. Split it vertically: move groups of columns that belong together (and \
           are often NULL together) into tables sharing its primary key.",
    options: &[RuleOption {
        name: "maxColumns",
        default: "30",
        help: "the largest number of columns a table may have",
    }],
};

/// The rule.
pub struct TableTooWide;

impl Rule for TableTooWide {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let max = ctx.option_number(&META, "maxColumns");
        if table.columns.len() <= max || super::is_partition(table) {
            return;
        }
        out.report(
            Subject::Table(table.id),
            format!(
                "{} has {} columns, more than {max}: consider splitting it",
                ctx.table_label(table),
                table.columns.len()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "table-too-wide";

    fn table(columns: usize) -> String {
        let list: Vec<String> = (0..columns).map(|i| format!("c{i} int")).collect();
        format!("CREATE TABLE wide ({});", list.join(", "))
    }

    #[test]
    fn more_than_the_maximum_is_reported() {
        let found = fires(&pg(&table(31)), RULE);
        assert_eq!(
            found[0].message,
            "wide has 31 columns, more than 30: consider splitting it"
        );
        silent(&pg(&table(30)), RULE);
        let mut doc = pg(&table(12));
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("maxColumns".into(), "10".into());
        fires(&doc, RULE);
    }
}
