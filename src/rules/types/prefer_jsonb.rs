//! `prefer-jsonb`: a PostgreSQL `json` column.

use crate::model::{Dialect, Table, TypeKind};
use crate::rules::types::edits::{retype, with_kind};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "prefer-jsonb",
    category: Category::Types,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A PostgreSQL column is json rather than jsonb.",
    help: "json keeps the input text and re-parses it on every access; it cannot be indexed \
           with GIN and has no equality operator, so DISTINCT, GROUP BY and UNIQUE fail. jsonb \
           stores a parsed form, is indexable and compares by value. Keep json only when the \
           exact text (key order, duplicate keys, whitespace) must be preserved.",
    options: &[],
};

/// The rule.
pub struct PreferJsonb;

impl Rule for PreferJsonb {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect != Dialect::Postgres {
            return;
        }
        for column in &table.columns {
            if column.data_type.kind != TypeKind::Json {
                continue;
            }
            out.report(
                Subject::Column(table.id, column.id),
                format!("{} is json; use jsonb", ctx.column_label(table, column)),
            )
            .with_fix(Fix::batch(
                "Use jsonb",
                vec![retype(
                    table,
                    column,
                    with_kind(&column.data_type, TypeKind::Jsonb),
                )],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "prefer-jsonb";

    #[test]
    fn fires_on_json_and_switches_to_jsonb() {
        let doc = pg("CREATE TABLE t (id int PRIMARY KEY, payload json, tags json[], doc jsonb);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].message, "t.payload is json; use jsonb");
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns[1].data_type.kind, TypeKind::Jsonb);
        assert_eq!(table.columns[2].data_type.array_dims, 1);
    }

    #[test]
    fn silent_on_mysql_json() {
        silent(
            &model("CREATE TABLE t (payload JSON);", Dialect::Mysql),
            RULE,
        );
    }
}
