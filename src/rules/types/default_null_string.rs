//! `default-null-string`: a default that is the string `'NULL'` instead of NULL.

use crate::model::{Edit, Table, TableChange};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "default-null-string",
    category: Category::Types,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A column's default is the string 'NULL', not NULL.",
    help: "DEFAULT 'NULL' stores the four letters N-U-L-L, which look like a missing value in \
           most tools but are not: IS NULL does not find them, and they turn up in reports and \
           exports. It usually comes from a generator quoting every default. Write DEFAULT NULL \
           or drop the default.",
    options: &[],
};

/// The rule.
pub struct DefaultNullString;

impl Rule for DefaultNullString {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        for column in &table.columns {
            if !column.default.as_deref().is_some_and(is_null_string) {
                continue;
            }
            let mut changed = column.clone();
            changed.default = None;
            out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} defaults to the string 'NULL', not to NULL",
                    ctx.column_label(table, column)
                ),
            )
            .with_fix(Fix::batch(
                "Drop the default",
                vec![Edit::Table {
                    table: table.id,
                    change: TableChange::ReplaceColumn(changed),
                }],
            ));
        }
    }
}

/// Whether a default expression is the literal `'NULL'` (any case), possibly in
/// parentheses, with an `N` prefix or a cast.
fn is_null_string(default: &str) -> bool {
    let mut text = default.trim();
    while let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        text = inner.trim();
    }
    let text = text
        .strip_prefix(['N', 'n'])
        .filter(|t| t.starts_with('\''))
        .unwrap_or(text);
    let Some(rest) = text.strip_prefix('\'') else {
        return false;
    };
    let Some(word) = rest.get(..4) else {
        return false;
    };
    let after = rest.get(4..).unwrap_or("");
    word.eq_ignore_ascii_case("null")
        && after
            .strip_prefix('\'')
            .is_some_and(|tail| tail.trim_start().chars().next().is_none_or(|c| c == ':'))
}

#[cfg(test)]
mod tests {
    use super::is_null_string;
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "default-null-string";

    #[test]
    fn recognises_the_spellings() {
        for text in [
            "'NULL'",
            "'null'",
            "('NULL')",
            "N'NULL'",
            "'NULL'::character varying",
        ] {
            assert!(is_null_string(text), "{text}");
        }
        for text in ["NULL", "'NULLABLE'", "''", "'N'", "'null' || 'x'"] {
            assert!(!is_null_string(text), "{text}");
        }
    }

    #[test]
    fn fires_and_drops_the_default() {
        let doc = model(
            "CREATE TABLE t (id int PRIMARY KEY, note varchar(20) DEFAULT 'NULL', \
             other varchar(20) DEFAULT NULL);",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "t.note defaults to the string 'NULL', not to NULL"
        );
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(
            fixed.tables.values().next().unwrap().columns[1].default,
            None
        );
    }

    #[test]
    fn silent_on_real_defaults() {
        silent(
            &pg("CREATE TABLE t (a text DEFAULT 'none', b text DEFAULT NULL);"),
            RULE,
        );
    }
}
