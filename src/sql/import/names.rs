//! Identifiers and object names as the database sees them.

use sqlparser::ast::{Ident, ObjectName, ObjectNamePart};

use crate::model::{Dialect, QualifiedName};

/// An identifier as stored by the engine: PostgreSQL folds unquoted names to lower case;
/// the other dialects keep them as written (their lookups are case-insensitive anyway).
pub fn ident(ident: &Ident, dialect: Dialect) -> String {
    if ident.quote_style.is_none() && dialect == Dialect::Postgres {
        ident.value.to_lowercase()
    } else {
        ident.value.clone()
    }
}

/// The default schema of a dialect, which table keys leave out.
fn is_default_schema(schema: &str, dialect: Dialect) -> bool {
    match dialect {
        Dialect::Postgres => schema.eq_ignore_ascii_case("public"),
        Dialect::Sqlite => schema.eq_ignore_ascii_case("main"),
        Dialect::Mssql => schema.eq_ignore_ascii_case("dbo"),
        // MySQL qualifiers are database names, never kept.
        Dialect::Mysql => true,
    }
}

/// The identifier parts of a possibly qualified name.
pub fn parts(name: &ObjectName, dialect: Dialect) -> Vec<String> {
    name.0
        .iter()
        .map(|part| match part {
            ObjectNamePart::Identifier(id) => ident(id, dialect),
            ObjectNamePart::Function(f) => f.to_string(),
        })
        .collect()
}

/// A table-like name: the last part is the name, the one before it the schema (dropped when
/// it is the dialect's default schema).
pub fn qualified(name: &ObjectName, dialect: Dialect) -> QualifiedName {
    let mut parts = parts(name, dialect);
    let last = parts.pop().unwrap_or_default();
    let schema = parts.pop().filter(|s| !is_default_schema(s, dialect));
    QualifiedName { schema, name: last }
}

/// A table-like name from already split parts.
pub fn qualified_from_parts(mut parts: Vec<String>, dialect: Dialect) -> QualifiedName {
    let last = parts.pop().unwrap_or_default();
    let schema = parts.pop().filter(|s| !is_default_schema(s, dialect));
    QualifiedName { schema, name: last }
}

/// A name from raw text (fallback parsing): strips quotes, folds unquoted PostgreSQL names.
pub fn qualified_from_text(text: &str, dialect: Dialect) -> QualifiedName {
    let parts: Vec<String> = split_dotted(text)
        .into_iter()
        .map(|part| unquote(&part, dialect))
        .collect();
    let mut parts = parts;
    let last = parts.pop().unwrap_or_default();
    let schema = parts.pop().filter(|s| !is_default_schema(s, dialect));
    QualifiedName { schema, name: last }
}

/// Splits `a."b.c".d` at dots outside quotes.
pub fn split_dotted(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in text.trim().chars() {
        match (quote, c) {
            (None, '"' | '`' | '[') => {
                quote = Some(if c == '[' { ']' } else { c });
                current.push(c);
            }
            (Some(q), _) if c == q => {
                quote = None;
                current.push(c);
            }
            (None, '.') => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
}

/// Removes identifier quotes; folds an unquoted PostgreSQL identifier to lower case.
pub fn unquote(part: &str, dialect: Dialect) -> String {
    let part = part.trim();
    for (open, close) in [('"', '"'), ('`', '`'), ('[', ']')] {
        if let Some(inner) = part.strip_prefix(open).and_then(|p| p.strip_suffix(close)) {
            return inner.to_owned();
        }
    }
    if dialect == Dialect::Postgres {
        part.to_lowercase()
    } else {
        part.to_owned()
    }
}

/// A lookup key: names compare case-insensitively.
pub fn key(name: &QualifiedName) -> String {
    match &name.schema {
        Some(schema) => format!("{}.{}", schema.to_lowercase(), name.name.to_lowercase()),
        None => name.name.to_lowercase(),
    }
}
