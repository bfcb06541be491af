//! Checks and touches after the whole file is read.

use super::{Diagnostic, Imported, Severity};
use crate::model::{Dialect, Document, Identity, IdentityKind, TypeKind};

/// A column whose default draws from a sequence the column owns is a serial column.
pub fn mark_serial_columns(doc: &mut Document) {
    let owned: Vec<_> = doc
        .sequences
        .values()
        .filter_map(|s| s.owned_by.clone())
        .collect();
    for (table_name, column_name) in owned {
        let Some(id) = doc
            .tables
            .values()
            .find(|t| {
                t.name.name.eq_ignore_ascii_case(&table_name.name)
                    && t.name.schema == table_name.schema
            })
            .map(|t| t.id)
        else {
            continue;
        };
        let Some(table) = doc.tables.get_mut(&id) else {
            continue;
        };
        let table = std::sync::Arc::make_mut(table);
        if let Some(column) = table
            .columns
            .iter_mut()
            .find(|c| c.name.eq_ignore_ascii_case(&column_name))
            && column.identity.is_none()
            && column
                .default
                .as_deref()
                .is_some_and(|d| d.to_ascii_lowercase().contains("nextval"))
        {
            column.identity = Some(Identity {
                kind: IdentityKind::Serial,
                start: None,
                increment: None,
            });
        }
    }
}

/// A system-versioned table names its history table (`history_table`); the history table,
/// when the file defines it, gets `history_of` naming the current table. Done once the whole
/// file is read, since the history table may come before or after the current one.
pub fn link_history_tables(doc: &mut Document) {
    let links: Vec<(String, String)> = doc
        .tables
        .values()
        .filter_map(|t| {
            let history = t.options.0.get("history_table")?;
            Some((history.clone(), t.name.to_string()))
        })
        .collect();
    for (history, current) in links {
        let Some(id) = doc
            .tables
            .values()
            .find(|t| t.name.to_string().eq_ignore_ascii_case(&history))
            .map(|t| t.id)
        else {
            continue;
        };
        if let Some(table) = doc.tables.get_mut(&id) {
            std::sync::Arc::make_mut(table)
                .options
                .0
                .insert("history_of".into(), current);
        }
    }
}

/// PostgreSQL types that have no logical equivalent in the model but exist in every database.
const POSTGRES_BUILTINS: &[&str] = &[
    "inet",
    "cidr",
    "macaddr",
    "macaddr8",
    "money",
    "tsvector",
    "tsquery",
    "point",
    "line",
    "lseg",
    "box",
    "path",
    "polygon",
    "circle",
    "bit",
    "bit varying",
    "varbit",
    "oid",
    "regclass",
    "regproc",
    "regtype",
    "name",
    "\"char\"",
    "char",
    "int4range",
    "int8range",
    "numrange",
    "tsrange",
    "tstzrange",
    "daterange",
    "int4multirange",
    "int8multirange",
    "nummultirange",
    "tsmultirange",
    "tstzmultirange",
    "datemultirange",
    "pg_lsn",
    "txid_snapshot",
    "pg_snapshot",
    "record",
    "void",
    "anyelement",
    "smallserial",
    "xid",
    "cid",
    "tid",
];

fn is_plain_name(text: &str) -> bool {
    !text.is_empty()
        && !text.contains('(')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '"' | ' '))
}

/// Reports columns typed with a name that is neither built in nor declared in the file.
pub fn check_types(imported: &mut Imported) {
    if imported.dialect != Dialect::Postgres {
        return;
    }
    let declared_elsewhere: Vec<String> = imported
        .doc
        .passthrough
        .values()
        .map(|p| p.sql.to_ascii_lowercase())
        .filter(|sql| sql.starts_with("create type") || sql.starts_with("create extension"))
        .collect();
    let mut found = Vec::new();
    for table in imported.doc.tables.values() {
        for column in &table.columns {
            let TypeKind::Other(text) = &column.data_type.kind else {
                continue;
            };
            let lower = text.to_ascii_lowercase();
            let bare = lower
                .rsplit('.')
                .next()
                .unwrap_or(&lower)
                .trim_matches('"')
                .to_owned();
            if !is_plain_name(&lower) || POSTGRES_BUILTINS.contains(&bare.as_str()) {
                continue;
            }
            if declared_elsewhere.iter().any(|sql| sql.contains(&bare)) {
                continue;
            }
            let source = column.source.clone().or_else(|| table.source.clone());
            found.push(Diagnostic {
                severity: Severity::Error,
                file: source.as_ref().map_or_else(String::new, |s| s.file.clone()),
                line: source.as_ref().map_or(0, |s| s.line),
                column: source.as_ref().map_or(0, |s| s.column),
                statement: format!("CREATE TABLE {}", table.name),
                message: format!(
                    "column {}.{} has type {text}, which is not defined in the file",
                    table.name, column.name
                ),
            });
        }
    }
    imported.diagnostics.extend(found);
    imported.diagnostics.sort_by_key(|d| (d.line, d.column));
}
