//! `enum-policy`: enums, ENUM/SET columns and `CHECK (c IN (...))` lists that contradict the
//! project's preference.

use crate::model::{Column, Dialect, Table, TypeKind, TypeRef};
use crate::rules::types::edits::{add_check, retype, with_kind};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};
use crate::sql::export::quote;

static META: RuleMeta = RuleMeta {
    id: "enum-policy",
    category: Category::Types,
    severity: Severity::Info,
    enabled: false,
    scope: Scope::Table,
    summary: "A list of allowed values is modelled differently from the project's preference.",
    help: "A closed list of values can be an enum type (PostgreSQL CREATE TYPE, MySQL ENUM), a \
           CHECK (c IN (...)) or a lookup table referenced by a foreign key. Enums are compact \
           but adding or removing a value is DDL (and MySQL rewrites the table); checks are \
           portable but as hard to change; a lookup table is changed with plain INSERTs and can \
           carry labels and sort order. Pick one style per project. With the preference \
           `check`, the fix turns an enum column into text with a CHECK.",
    options: &[RuleOption {
        name: "preference",
        default: "lookup-table",
        help: "lookup-table, enum or check: the style the project uses for value lists",
    }],
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    LookupTable,
    Enum,
    Check,
}

impl Style {
    fn words(self) -> &'static str {
        match self {
            Self::LookupTable => "lookup tables referenced by a foreign key",
            Self::Enum => "enum types",
            Self::Check => "CHECK constraints",
        }
    }
}

/// The rule.
pub struct EnumPolicy;

impl Rule for EnumPolicy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let style = match ctx
            .option(&META, "preference")
            .trim()
            .to_ascii_lowercase()
            .as_str()
        {
            "enum" => Style::Enum,
            "check" => Style::Check,
            _ => Style::LookupTable,
        };
        if style != Style::Enum {
            for column in &table.columns {
                let Some(labels) = enum_labels(ctx, column) else {
                    continue;
                };
                let finding = out.report(
                    Subject::Column(table.id, column.id),
                    format!(
                        "{} is an enum; the project prefers {}",
                        ctx.column_label(table, column),
                        style.words()
                    ),
                );
                if style == Style::Check
                    && let Some(labels) = labels
                {
                    finding.with_fix(to_check(ctx, table, column, &labels));
                }
            }
        }
        let enums_exist = matches!(ctx.dialect, Dialect::Postgres | Dialect::Mysql);
        if style == Style::Check || (style == Style::Enum && !enums_exist) {
            return;
        }
        for check in &table.checks {
            if !lists_values(&check.expression) {
                continue;
            }
            let what = check
                .name
                .as_deref()
                .map_or_else(|| format!("CHECK ({})", check.expression), str::to_owned);
            out.report(
                Subject::Constraint(table.id, check.id),
                format!(
                    "{}: {what} lists allowed values; the project prefers {}",
                    ctx.table_label(table),
                    style.words()
                ),
            );
        }
    }
}

/// For an enum-typed column, its labels when they are known (`Some(None)` when not).
fn enum_labels(ctx: &Context, column: &Column) -> Option<Option<Vec<String>>> {
    match &column.data_type.kind {
        TypeKind::Enum(TypeRef::Resolved(id)) => {
            Some(ctx.doc.enums.get(id).map(|e| e.values.clone()))
        }
        TypeKind::Enum(TypeRef::Unresolved(_)) => Some(None),
        TypeKind::Other(text) => {
            let text = text.trim_start();
            let called = |word: &str| {
                text.get(..word.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(word))
                    && text[word.len()..].trim_start().starts_with('(')
            };
            if called("enum") {
                Some(inline_labels(text))
            } else if called("set") {
                Some(None)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The quoted labels of `ENUM('a', 'b')`.
fn inline_labels(text: &str) -> Option<Vec<String>> {
    let inner = text.get(text.find('(')? + 1..text.rfind(')')?)?;
    let mut labels = Vec::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\'' {
            continue;
        }
        let mut label = String::new();
        loop {
            match chars.next()? {
                '\\' => label.push(chars.next()?),
                '\'' if chars.peek() == Some(&'\'') => {
                    chars.next();
                    label.push('\'');
                }
                '\'' => break,
                other => label.push(other),
            }
        }
        labels.push(label);
    }
    Some(labels)
}

/// Whether a check expression restricts a value to a list of strings.
fn lists_values(expression: &str) -> bool {
    let lower = expression.to_ascii_lowercase();
    lower.contains('\'')
        && !lower.contains(" not in")
        && (lower.contains(" in (") || lower.contains(" in(") || lower.contains("= any"))
}

fn to_check(ctx: &Context, table: &Table, column: &Column, labels: &[String]) -> Fix {
    let longest = labels
        .iter()
        .map(|l| u32::try_from(l.chars().count()).unwrap_or(u32::MAX))
        .max()
        .unwrap_or(1)
        .max(1);
    let kind = match ctx.dialect {
        Dialect::Postgres | Dialect::Sqlite => TypeKind::Text,
        Dialect::Mysql | Dialect::Mssql => TypeKind::Varchar {
            length: Some(longest),
        },
    };
    let list: Vec<String> = labels
        .iter()
        .map(|l| quote::string(l, ctx.dialect))
        .collect();
    let expression = format!(
        "{} IN ({})",
        quote::ident(&column.name, ctx.dialect),
        list.join(", ")
    );
    Fix::batch(
        "Use text with a CHECK of the values",
        vec![
            retype(table, column, with_kind(&column.data_type, kind)),
            add_check(table, expression),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::{inline_labels, lists_values};
    use crate::model::{Dialect, Document, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "enum-policy";

    fn prefer(mut doc: Document, style: &str) -> Document {
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("preference".into(), style.into());
        doc
    }

    const SQL: &str = "CREATE TYPE mood AS ENUM ('happy', 'sad');
        CREATE TABLE person (id int PRIMARY KEY, mood mood,
            status text CONSTRAINT person_status CHECK (status IN ('new', 'done')),
            age int CHECK (age > 0));";

    #[test]
    fn parses_labels_and_value_lists() {
        assert_eq!(
            inline_labels("ENUM('a', 'it''s', 'b\\'c')").unwrap(),
            ["a", "it's", "b'c"]
        );
        assert!(lists_values(
            "((status)::text = ANY ((ARRAY['a'::character varying])::text[]))"
        ));
        assert!(!lists_values("status NOT IN ('x')"));
        assert!(!lists_values("age > 0"));
    }

    #[test]
    fn lookup_tables_flag_enums_and_checks() {
        let found = fires(&pg(SQL), RULE);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].message,
            "person.mood is an enum; the project prefers lookup tables referenced by a foreign key"
        );
        assert_eq!(
            found[1].message,
            "person: person_status lists allowed values; the project prefers lookup tables \
             referenced by a foreign key"
        );
    }

    #[test]
    fn check_preference_converts_enums() {
        let doc = prefer(pg(SQL), "check");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns[1].data_type.kind, TypeKind::Text);
        assert!(
            table
                .checks
                .iter()
                .any(|c| c.expression == "mood IN ('happy', 'sad')")
        );
        let mysql = prefer(
            model(
                "CREATE TABLE t (size ENUM('s','xl') NOT NULL);",
                Dialect::Mysql,
            ),
            "check",
        );
        let fixed = fix_silences(&mysql, RULE);
        assert_eq!(
            fixed.tables.values().next().unwrap().columns[0]
                .data_type
                .kind,
            TypeKind::Varchar { length: Some(2) }
        );
    }

    #[test]
    fn enum_preference_flags_only_checks() {
        let found = fires(&prefer(pg(SQL), "enum"), RULE);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("prefers enum types"));
        silent(
            &prefer(
                model(
                    "CREATE TABLE t (s varchar(9) CHECK (s IN ('a','b')));",
                    Dialect::Sqlite,
                ),
                "enum",
            ),
            RULE,
        );
    }
}
