//! One column definition inside `CREATE TABLE`.

use crate::model::{Column, Table};

use super::Context;
use super::writer::DdlWriter;

/// `name type [COLLATE] [GENERATED | DEFAULT] [identity] [NOT NULL] [PRIMARY KEY] [suffix]`,
/// with the name padded to `width` so the types line up. Enum labels the target has to check
/// by hand are pushed to `checks`.
pub fn definition(
    w: &dyn DdlWriter,
    cx: &Context<'_>,
    table: &Table,
    column: &Column,
    inline_pk: bool,
    checks: &mut Vec<String>,
    width: usize,
) -> String {
    let mapped = w.column_type(cx, table, column);
    checks.extend(mapped.check);
    let generated = w.generated_clause(cx, table, column);
    let mut parts = Vec::new();
    if generated.is_none() || !w.computed_replaces_type() {
        parts.push(mapped.text);
    }
    if let Some(collation) = w.collation(cx, table, column) {
        parts.push(collation);
    }
    let identity = if generated.is_some() {
        None
    } else {
        w.identity_clause(cx, table, column)
    };
    match generated {
        Some(clause) => parts.push(clause),
        None => {
            if let Some(default) = w.default_value(cx, table, column)
                && identity.is_none()
            {
                parts.push(format!("DEFAULT {default}"));
            }
        }
    }
    // The numbering clause goes before NOT NULL, after it (MySQL), or after an inline
    // PRIMARY KEY (SQLite's AUTOINCREMENT).
    let inline = inline_pk && table.is_primary_key_column(column.id);
    let late = w.identity_after_not_null() || inline;
    if let Some(identity) = identity.clone().filter(|_| !late) {
        parts.push(identity);
    }
    if let Some(period) = w.period_clause(cx, table, column) {
        parts.push(period);
    }
    if !column.nullable {
        parts.push("NOT NULL".into());
    }
    if inline {
        parts.push("PRIMARY KEY".into());
    }
    if let Some(identity) = identity.filter(|_| late) {
        parts.push(identity);
    }
    let suffix = w.column_suffix(cx, table, column);
    if !suffix.is_empty() {
        parts.push(suffix);
    }
    let name = cx.ident(&column.name);
    let pad = width.saturating_sub(name.chars().count());
    format!("{name}{} {}", " ".repeat(pad), parts.join(" "))
}
