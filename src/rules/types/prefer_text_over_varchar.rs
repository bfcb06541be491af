//! `prefer-text-over-varchar`: PostgreSQL `varchar(n)` where `text` with a check would do.

use crate::model::{Dialect, Table, TypeKind};
use crate::rules::types::edits::{add_check, length_check, retype, with_kind};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "prefer-text-over-varchar",
    category: Category::Types,
    severity: Severity::Info,
    enabled: false,
    scope: Scope::Table,
    summary: "A PostgreSQL column is varchar(n) with an explicit length.",
    help: "On PostgreSQL, varchar(n) and text are stored the same way; the length is only a \
           check, and changing it later rewrites or locks the table. text with a \
           CHECK (char_length(c) <= n) states the same limit and can be changed cheaply. Off by \
           default: many teams use varchar(n) on purpose.",
    options: &[],
};

/// The rule.
pub struct PreferTextOverVarchar;

impl Rule for PreferTextOverVarchar {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect != Dialect::Postgres {
            return;
        }
        for column in &table.columns {
            let TypeKind::Varchar { length: Some(n) } = column.data_type.kind else {
                continue;
            };
            let edits = vec![
                retype(table, column, with_kind(&column.data_type, TypeKind::Text)),
                add_check(table, length_check(ctx, column, n)),
            ];
            out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} is varchar({n}); text with a length check is easier to change",
                    ctx.column_label(table, column)
                ),
            )
            .with_fix(Fix::batch(
                format!("Use text with a length check (at most {n})"),
                edits,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "prefer-text-over-varchar";

    #[test]
    fn off_by_default() {
        let doc = pg("CREATE TABLE t (name varchar(40));");
        assert!(
            crate::rules::validate(&doc, None)
                .iter()
                .all(|f| f.rule != RULE)
        );
    }

    #[test]
    fn fires_on_varchar_n_and_moves_the_limit_to_a_check() {
        let doc = pg("CREATE TABLE t (\"Name\" varchar(40), note text, free varchar);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "t.Name is varchar(40); text with a length check is easier to change"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns[0].data_type.kind, TypeKind::Text);
        assert_eq!(table.checks[0].expression, "char_length(\"Name\") <= 40");
    }

    #[test]
    fn silent_on_other_targets() {
        silent(
            &model("CREATE TABLE t (name VARCHAR(40));", Dialect::Mysql),
            RULE,
        );
    }
}
