//! `reserved-word-identifier`: a table or column named like a reserved word of the target.

use crate::model::{Column, Dialect, Table};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::identifier_needs_quoting::{plain_name, problem};
use super::inflect::{plural, with_last_word};
use super::keywords::is_reserved_name;
use super::rename::{rename_column, rename_table};
use super::words::Style;

static META: RuleMeta = RuleMeta {
    id: "reserved-word-identifier",
    category: Category::Naming,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A table or column is named like a reserved word of the target dialect.",
    help: "A name such as user, order or group must be quoted in every statement that uses it; \
           hand-written queries, ORMs and tools that forget the quotes fail with puzzling \
           syntax errors. Only words the dialect really reserves count (PostgreSQL accepts \
           timestamp or key as bare names, SQLite action, no or user, MySQL user or function, \
           SQL Server limit or offset). Rename it: a table to its plural or with a prefix (app_user), a \
           column with a qualifier (sort_order, order_date).",
    options: &[RuleOption {
        name: "extraWords",
        default: "",
        help: "comma-separated words to treat as reserved as well",
    }],
};

/// The rule.
pub struct ReservedWordIdentifier;

impl Rule for ReservedWordIdentifier {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let extra = ctx.option(&META, "extraWords");
        let reserved = |name: &str| {
            is_reserved_name(name, ctx.dialect)
                || (!extra.is_empty()
                    && extra
                        .split(',')
                        .any(|w| w.trim().eq_ignore_ascii_case(name)))
        };
        let dialect = ctx.dialect.display_name();
        if reserved(&table.name.name) {
            let finding = out.report(
                Subject::Table(table.id),
                format!(
                    "table {} is named like a reserved word of {dialect}",
                    ctx.table_label(table)
                ),
            );
            let taken = |name: &str| {
                reserved(name)
                    || ctx.facts.tables_named(name).iter().any(|id| {
                        ctx.table(*id)
                            .is_some_and(|t| t.name.schema == table.name.schema)
                    })
            };
            if let Some(name) = table_candidates(&table.name.name)
                .into_iter()
                .filter_map(|n| plain(n, ctx.dialect))
                .find(|n| !taken(n))
            {
                finding.with_fix(Fix::batch(
                    format!("Rename to {name}"),
                    vec![rename_table(table, &name)],
                ));
            }
        }
        for column in table.columns.iter().filter(|c| reserved(&c.name)) {
            let finding = out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "column {} is named like a reserved word of {dialect}",
                    ctx.column_label(table, column)
                ),
            );
            let taken = |name: &str| {
                reserved(name)
                    || table
                        .columns
                        .iter()
                        .any(|c| c.name.eq_ignore_ascii_case(name))
            };
            if let Some(name) = column_candidates(table, column)
                .into_iter()
                .filter_map(|n| plain(n, ctx.dialect))
                .find(|n| !taken(n))
            {
                finding.with_fix(Fix::batch(
                    format!("Rename to {name}"),
                    rename_column(table, column.id, &name, ctx.dialect),
                ));
            }
        }
    }
}

/// A candidate name as it can be written bare: as it is, or with the characters that force
/// quoting replaced; `None` when that is not possible.
fn plain(name: String, dialect: Dialect) -> Option<String> {
    if problem(&name, dialect).is_none() {
        Some(name)
    } else {
        plain_name(&name, dialect)
    }
}

/// Writes `word` in the case of `like` (upper case when `like` is all upper case).
fn cased(word: &str, like: &str) -> String {
    if like.chars().any(char::is_uppercase) && !like.chars().any(char::is_lowercase) {
        word.to_uppercase()
    } else {
        word.to_owned()
    }
}

fn table_candidates(name: &str) -> Vec<String> {
    vec![
        with_last_word(name, |w| plural(w, &[])),
        format!("{}{name}", cased("app_", name)),
    ]
}

fn column_candidates(table: &Table, column: &Column) -> Vec<String> {
    let name = &column.name;
    let lower = name.to_lowercase();
    let mut all = Vec::new();
    if matches!(lower.as_str(), "order" | "position" | "rank") {
        all.push(format!("{}{name}", cased("sort_", name)));
    }
    if matches!(
        lower.as_str(),
        "user" | "group" | "role" | "key" | "table" | "column"
    ) {
        all.push(format!("{name}{}", cased("_name", name)));
    }
    // The table name as a prefix, in the column's style: `delayed-post` gives
    // `delayed_post_delayed`, not a name that needs quoting again.
    let owner = super::inflect::singular_name(&table.name.name);
    let owner = if !name.chars().any(char::is_uppercase) {
        Style::Snake.convert(&owner)
    } else if !name.chars().any(char::is_lowercase) {
        Style::UpperSnake.convert(&owner)
    } else {
        owner
    };
    all.push(format!("{owner}_{name}"));
    all.push(format!("{name}{}", cased("_value", name)));
    all
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "reserved-word-identifier";

    #[test]
    fn reserved_table_and_column_names_are_renamed() {
        let doc = pg("CREATE TABLE \"user\" (id int PRIMARY KEY, \"order\" int, \"date\" date);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].message,
            "table user is named like a reserved word of PostgreSQL"
        );
        assert_eq!(
            found[1].message,
            "column user.order is named like a reserved word of PostgreSQL"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.name.name, "users");
        assert_eq!(table.columns[1].name, "sort_order");
    }

    #[test]
    fn words_are_reserved_per_dialect_and_by_option() {
        let sql = "CREATE TABLE t (id int PRIMARY KEY, identity int);";
        silent(&model(sql, Dialect::Postgres), RULE);
        fires(&model(sql, Dialect::Mssql), RULE);
        let mut doc = pg("CREATE TABLE t (id int PRIMARY KEY, payload text);");
        silent(&doc, RULE);
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("extraWords".into(), "payload, blob".into());
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "column t.payload is named like a reserved word of PostgreSQL"
        );
        fix_silences(&doc, RULE);
    }

    #[test]
    fn non_reserved_keywords_and_plain_fix_names() {
        // MySQL does not reserve user or function, SQLite user, SQL Server limit or offset.
        silent(
            &model(
                "CREATE TABLE user (uid int PRIMARY KEY, function text, offset int);",
                Dialect::Mysql,
            ),
            RULE,
        );
        silent(
            &model(
                "CREATE TABLE user (id integer PRIMARY KEY);",
                Dialect::Sqlite,
            ),
            RULE,
        );
        silent(
            &model(
                "CREATE TABLE t (id int PRIMARY KEY, limit int, offset int, [true] bit);",
                Dialect::Mssql,
            ),
            RULE,
        );
        // The table prefix of a fix name is made plain like the rest.
        let doc = model(
            "CREATE TABLE `delayed-post` (id int PRIMARY KEY, `delayed` int, `read` int);",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        let labels: Vec<&str> = found
            .iter()
            .filter_map(|f| f.fix.as_ref().map(|x| x.label.as_str()))
            .collect();
        assert_eq!(
            labels,
            [
                "Rename to delayed_post_delayed",
                "Rename to delayed_post_read"
            ]
        );
    }
}
