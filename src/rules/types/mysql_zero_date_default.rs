//! `mysql-zero-date-default`: a MySQL column defaulting to a zero date (`'0000-00-00'`).

use crate::model::{Dialect, Edit, Table, TableChange};
use crate::rules::util::{TypeFamily, family};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "mysql-zero-date-default",
    category: Category::Dialect,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A MySQL column defaults to the zero date '0000-00-00'.",
    help: "The zero date is not a date: the default SQL mode (NO_ZERO_DATE, strict) rejects it, \
           so the CREATE TABLE fails on a current server, and client libraries turn it into \
           errors or nulls. No other database accepts it. Use NULL for \"no date\" (the fix \
           makes the column nullable and drops the default), or a real default such as \
           CURRENT_TIMESTAMP. Only date, datetime and timestamp columns are checked: a string \
           column may hold the text '0000-00-00'.",
    options: &[],
};

/// The rule.
pub struct MysqlZeroDateDefault;

impl Rule for MysqlZeroDateDefault {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect != Dialect::Mysql {
            return;
        }
        for column in &table.columns {
            if !column.default.as_deref().is_some_and(is_zero_date)
                || !matches!(
                    family(ctx.doc, &column.data_type),
                    TypeFamily::Date | TypeFamily::Timestamp
                )
            {
                continue;
            }
            let finding = out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} defaults to the zero date, which strict SQL modes reject",
                    ctx.column_label(table, column)
                ),
            );
            if table.is_primary_key_column(column.id) {
                continue;
            }
            let mut changed = column.clone();
            changed.default = None;
            changed.nullable = true;
            finding.with_fix(Fix::batch(
                "Allow NULL instead of the zero date",
                vec![Edit::Table {
                    table: table.id,
                    change: TableChange::ReplaceColumn(changed),
                }],
            ));
        }
    }
}

/// Whether a default is a zero date or date-time literal.
fn is_zero_date(default: &str) -> bool {
    let text = default.trim().trim_start_matches('(').trim_start();
    let text = text.strip_prefix(['\'', '"']).unwrap_or(text);
    text.starts_with("0000-00-00")
}

#[cfg(test)]
mod tests {
    use super::is_zero_date;
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "mysql-zero-date-default";

    #[test]
    fn recognises_zero_dates() {
        assert!(is_zero_date("'0000-00-00 00:00:00'"));
        assert!(is_zero_date("'0000-00-00'"));
        assert!(!is_zero_date("'2000-01-01'"));
        assert!(!is_zero_date("CURRENT_TIMESTAMP"));
    }

    #[test]
    fn fires_and_allows_null_instead() {
        let doc = model(
            "CREATE TABLE t (id int PRIMARY KEY, \
             changed datetime NOT NULL DEFAULT '0000-00-00 00:00:00', \
             born date DEFAULT '0000-00-00', made datetime DEFAULT CURRENT_TIMESTAMP);",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].message,
            "t.changed defaults to the zero date, which strict SQL modes reject"
        );
        let fixed = fix_silences(&doc, RULE);
        let column = &fixed.tables.values().next().unwrap().columns[1];
        assert!(column.nullable);
        assert_eq!(column.default, None);
    }

    #[test]
    fn silent_on_other_targets() {
        let mut doc = model(
            "CREATE TABLE t (d date DEFAULT '0000-00-00');",
            Dialect::Mysql,
        );
        doc.target = Dialect::Postgres;
        silent(&doc, RULE);
    }

    #[test]
    fn silent_on_string_columns_holding_the_text() {
        silent(
            &model(
                "CREATE TABLE profile (id int PRIMARY KEY, \
                 dob varchar(32) NOT NULL DEFAULT '0000-00-00');",
                Dialect::Mysql,
            ),
            RULE,
        );
    }
}
