//! `identifier-needs-quoting`: a name that can only be written quoted (spaces, punctuation, a
//! leading digit, or upper case in PostgreSQL).

use crate::model::{Dialect, Table};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};
use crate::sql::export::is_reserved;

use super::rename::{rename_column, rename_constraint, rename_table};
use super::words::Style;

static META: RuleMeta = RuleMeta {
    id: "identifier-needs-quoting",
    category: Category::Naming,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A name contains characters that force quoting.",
    help: "Names with spaces or punctuation, names starting with a digit and, in PostgreSQL, \
           names with upper-case letters (unquoted names fold to lower case) have to be quoted \
           exactly the same way in every query, forever. Rename them to letters, digits and \
           underscores (in PostgreSQL, lower case).",
    options: &[],
};

/// The rule.
pub struct IdentifierNeedsQuoting;

impl Rule for IdentifierNeedsQuoting {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let dialect = ctx.dialect;
        if let Some(reason) = problem(&table.name.name, dialect) {
            let finding = out.report(
                Subject::Table(table.id),
                format!("table {} {reason}", ctx.table_label(table)),
            );
            let taken = |name: &str| {
                ctx.facts.tables_named(name).iter().any(|id| {
                    ctx.table(*id)
                        .is_some_and(|t| t.name.schema == table.name.schema)
                })
            };
            if let Some(name) = plain_name(&table.name.name, dialect).filter(|n| !taken(n)) {
                finding.with_fix(Fix::batch(
                    format!("Rename to {name}"),
                    vec![rename_table(table, &name)],
                ));
            }
        }
        for column in &table.columns {
            let Some(reason) = problem(&column.name, dialect) else {
                continue;
            };
            let finding = out.report(
                Subject::Column(table.id, column.id),
                format!("column {} {reason}", ctx.column_label(table, column)),
            );
            let taken = |name: &str| {
                table
                    .columns
                    .iter()
                    .any(|c| c.id != column.id && c.name.eq_ignore_ascii_case(name))
            };
            if let Some(name) = plain_name(&column.name, dialect).filter(|n| !taken(n)) {
                finding.with_fix(Fix::batch(
                    format!("Rename to {name}"),
                    rename_column(table, column.id, &name, dialect),
                ));
            }
        }
        for (id, _, name) in super::named_constraints(table, dialect) {
            let Some(reason) = problem(name, dialect) else {
                continue;
            };
            let finding = out.report(
                Subject::Constraint(table.id, id),
                format!("constraint {}.{name} {reason}", ctx.table_label(table)),
            );
            if let Some(edit) =
                plain_name(name, dialect).and_then(|n| rename_constraint(table, id, &n))
            {
                finding.with_fix(Fix::batch("Rename to a plain name", vec![edit]));
            }
        }
    }
}

fn allowed_inside(c: char, dialect: Dialect) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || (c == '$' && dialect != Dialect::Sqlite)
        || (matches!(c, '#' | '@') && dialect == Dialect::Mssql)
}

/// Why `name` has to be quoted in `dialect` (reserved words aside), if it has to.
fn problem(name: &str, dialect: Dialect) -> Option<String> {
    // The common case: lower-case letters, digits and underscores, not starting with a digit.
    let plain = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_';
    if name.as_bytes().first().is_none_or(|b| !b.is_ascii_digit())
        && name.as_bytes().iter().all(plain)
    {
        return None;
    }
    let first = name.chars().next()?;
    if first.is_ascii_digit() {
        return Some("starts with a digit, so it must always be quoted".into());
    }
    if let Some(bad) = name.chars().find(|c| !allowed_inside(*c, dialect)) {
        let what = match bad {
            ' ' => "a space".to_owned(),
            c if c.is_whitespace() => "white space".to_owned(),
            c => format!("'{c}'"),
        };
        return Some(format!("contains {what}, so it must always be quoted"));
    }
    if first == '$' {
        return Some("starts with '$', so it must always be quoted".into());
    }
    if dialect == Dialect::Postgres && name.chars().any(char::is_uppercase) {
        return Some(
            "has upper-case letters: PostgreSQL folds unquoted names to lower case, so it \
             must always be quoted"
                .into(),
        );
    }
    None
}

/// A name with the same words that needs no quoting, if there is one.
fn plain_name(name: &str, dialect: Dialect) -> Option<String> {
    let mut plain = if dialect == Dialect::Postgres {
        Style::Snake.convert(name)
    } else {
        let mut out = String::new();
        for c in name.chars() {
            if allowed_inside(c, dialect) && c != '$' {
                out.push(c);
            } else if !out.ends_with('_') {
                out.push('_');
            }
        }
        out.trim_matches('_').to_owned()
    };
    if plain.starts_with(|c: char| c.is_ascii_digit()) {
        plain.insert(0, '_');
    }
    let usable = !plain.is_empty()
        && plain != name
        && problem(&plain, dialect).is_none()
        && !is_reserved(&plain, dialect);
    usable.then_some(plain)
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "identifier-needs-quoting";

    #[test]
    fn spaces_and_leading_digits_need_quotes_everywhere() {
        let sql = "CREATE TABLE \"Order Details\" (id int PRIMARY KEY, \"2fa\" int);";
        let doc = model(sql, Dialect::Sqlite);
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].message,
            "table Order Details contains a space, so it must always be quoted"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.name.name, "Order_Details");
        assert_eq!(table.columns[1].name, "_2fa");
    }

    #[test]
    fn upper_case_needs_quotes_only_in_postgres() {
        let doc = pg(
            "CREATE TABLE \"OrderItems\" (id int PRIMARY KEY, \"unitPrice\" int CHECK (\"unitPrice\" > 0));",
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert!(found[1].message.contains("folds unquoted names"));
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.name.name, "order_items");
        assert_eq!(table.columns[1].name, "unit_price");
        assert!(table.checks[0].expression.contains("unit_price"));
        silent(
            &model(
                "CREATE TABLE OrderItems (id int PRIMARY KEY, UnitPrice int);",
                Dialect::Mssql,
            ),
            RULE,
        );
    }
}
