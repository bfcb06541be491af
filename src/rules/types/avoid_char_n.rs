//! `avoid-char-n`: fixed-length `char(n)` / `character` / `bpchar` columns.

use crate::model::{Dialect, Table, TypeKind};
use crate::rules::types::edits::{add_check, length_check, retype, shown, with_kind};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "avoid-char-n",
    category: Category::Types,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A column is char(n): blank-padded fixed length.",
    help: "char(n) pads shorter values with spaces, and the padding is ignored in some \
           comparisons and kept in others, which surprises applications; it does not enforce \
           the length either, since shorter values are simply padded. On PostgreSQL it is \
           never faster than text. Use text or varchar(n), and a CHECK on the length where a \
           value really has a fixed length (country or currency codes). Reported as a warning \
           on PostgreSQL and as advice elsewhere; SQLite ignores the declaration and is not \
           checked.",
    options: &[],
};

/// The rule.
pub struct AvoidCharN;

impl Rule for AvoidCharN {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect == Dialect::Sqlite {
            return;
        }
        for column in &table.columns {
            let TypeKind::Char { length } = column.data_type.kind else {
                continue;
            };
            let spelled = shown(&column.data_type);
            let national = spelled.starts_with("nchar") || spelled.starts_with("national");
            // PostgreSQL's bare `character` is char(1); bpchar without length is unbounded.
            let length = match length {
                Some(n) => Some(n),
                None if spelled.starts_with("bpchar") => None,
                None => Some(1),
            };
            let (label, mut edits) = match (ctx.dialect, length) {
                (Dialect::Postgres, Some(n)) => (
                    format!("Use text with a length check (at most {n})"),
                    vec![add_check(table, length_check(ctx, column, n))],
                ),
                (Dialect::Postgres, None) => ("Use text".to_owned(), Vec::new()),
                (_, n) => {
                    let base = if national { "nvarchar" } else { "varchar" };
                    let n = n.unwrap_or(1);
                    (format!("Use {base}({n})"), Vec::new())
                }
            };
            let kind = match (ctx.dialect, length) {
                (Dialect::Postgres, _) => TypeKind::Text,
                (_, n) => TypeKind::Varchar {
                    length: Some(n.unwrap_or(1)),
                },
            };
            let mut data_type = with_kind(&column.data_type, kind);
            if national && ctx.dialect == Dialect::Mssql {
                data_type.original = Some(format!("nvarchar({})", length.unwrap_or(1)));
            }
            edits.insert(0, retype(table, column, data_type));
            let finding = out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} is {spelled}, a blank-padded fixed-length string",
                    ctx.column_label(table, column)
                ),
            );
            if ctx.dialect != Dialect::Postgres {
                finding.with_severity(Severity::Info);
            }
            finding.with_fix(Fix::batch(label, edits));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, Severity, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "avoid-char-n";

    #[test]
    fn fires_on_postgres_char_as_a_warning_and_uses_text_with_a_check() {
        let doc = pg("CREATE TABLE country (id int PRIMARY KEY, code character(2), name text);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[0].message,
            "country.code is char(2), a blank-padded fixed-length string"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns[1].data_type.kind, TypeKind::Text);
        assert_eq!(table.checks[0].expression, "char_length(code) <= 2");
    }

    #[test]
    fn advice_elsewhere_and_silent_on_sqlite() {
        let doc = model(
            "CREATE TABLE t (a CHAR(36), b VARCHAR(10));",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(
            fixed.tables.values().next().unwrap().columns[0]
                .data_type
                .kind,
            TypeKind::Varchar { length: Some(36) }
        );
        let mssql = model("CREATE TABLE t (a [nchar](3));", Dialect::Mssql);
        let fixed = fix_silences(&mssql, RULE);
        let column = &fixed.tables.values().next().unwrap().columns[0];
        assert_eq!(column.data_type.original.as_deref(), Some("nvarchar(3)"));
        silent(&model("CREATE TABLE t (a CHAR(2));", Dialect::Sqlite), RULE);
    }

    #[test]
    fn silent_on_varchar_and_text() {
        silent(&pg("CREATE TABLE t (a varchar(2), b text);"), RULE);
    }
}
