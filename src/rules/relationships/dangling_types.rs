//! The type half of `dangling-reference`: enum and domain names that point at nothing.

use crate::model::{
    Column, DataType, Dialect, Edit, EnumId, EnumType, Object, QualifiedName, Table, TypeKind,
    TypeRef,
};
use crate::rules::types::edits::{retype, with_kind};
use crate::rules::{Context, Findings, Fix, Subject};

use super::check_columns::is_word;

/// Type names PostgreSQL, MySQL, SQL Server, SQLite or a common extension (PostGIS, citext,
/// hstore, ltree, pgvector) know without a declaration, lower case; names the importer does
/// not map to a logical type end up here.
const BUILT_IN: &str = "\
    inet cidr macaddr macaddr8 money tsvector tsquery point line lseg box path polygon \
     circle bit bit varying varbit oid regclass regproc regtype regconfig name char int4range \
     int8range numrange tsrange tstzrange daterange int4multirange int8multirange \
     nummultirange tsmultirange tstzmultirange datemultirange pg_lsn txid_snapshot \
     pg_snapshot record void xid xid8 cid tid smallserial serial bigserial citext hstore \
     ltree lquery cube geometry geography raster vector halfvec sparsevec tinytext mediumtext \
     longtext tinyblob mediumblob longblob year linestring multipoint multilinestring \
     multipolygon geometrycollection geomcollection fixed inet4 inet6 smallmoney image ntext \
     sysname hierarchyid sql_variant rowversion smalldatetime datetimeoffset computed numeric \
     string clob none any";

/// The unresolved type name of a column, when its type is an enum or domain reference that
/// did not resolve, or a plain name no engine knows and nothing in the model declares.
pub fn unresolved_name(ctx: &Context, column: &Column) -> Option<(QualifiedName, bool)> {
    match &column.data_type.kind {
        TypeKind::Enum(TypeRef::Unresolved(name)) => Some((name.clone(), true)),
        TypeKind::Domain(TypeRef::Unresolved(name)) => Some((name.clone(), false)),
        // SQLite accepts any type name; SQL Server alias types (sp_addtype) may come from
        // outside the script.
        TypeKind::Other(text)
            if column.generated.is_none()
                && !matches!(ctx.dialect, Dialect::Sqlite | Dialect::Mssql) =>
        {
            let name = plain_name(text)?;
            let bare = name.name.to_lowercase();
            if is_word(BUILT_IN, &bare) || declared(ctx, &name) {
                return None;
            }
            Some((name, false))
        }
        _ => None,
    }
}

/// `name` or `schema.name`, quotes removed, when the text is nothing more than that.
fn plain_name(text: &str) -> Option<QualifiedName> {
    let trimmed = text.trim();
    let plain = !trimmed.is_empty()
        && trimmed
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '"' | '`' | '[' | ']' | '$'))
        && trimmed.starts_with(|c: char| c.is_alphabetic() || matches!(c, '_' | '"' | '`' | '['));
    if !plain {
        return None;
    }
    let unquoted = trimmed.replace(['"', '`', '[', ']'], "");
    let name = QualifiedName::parse(&unquoted);
    (!name.name.is_empty()).then_some(name)
}

/// Whether an enum, a domain or a kept statement (CREATE TYPE, CREATE DOMAIN, CREATE
/// EXTENSION, sp_addtype) declares the name.
fn declared(ctx: &Context, name: &QualifiedName) -> bool {
    let same = |other: &QualifiedName| other.name.eq_ignore_ascii_case(&name.name);
    if ctx.doc.enums.values().any(|e| same(&e.name))
        || ctx.doc.domains.values().any(|d| same(&d.name))
    {
        return true;
    }
    let bare = name.name.to_lowercase();
    ctx.doc.passthrough.values().any(|p| {
        let sql = p.sql.to_lowercase();
        [
            "create type",
            "create domain",
            "create extension",
            "sp_addtype",
        ]
        .iter()
        .any(|kw| sql.contains(kw))
            && sql.contains(&bare)
    })
}

/// Reports a column with an unresolved type, with a fix that binds it to a same-named enum or
/// domain, or creates the enum (labels from the column's default and CHECK literals).
pub fn report(ctx: &Context, table: &Table, column: &Column, out: &mut Findings) {
    let Some((name, is_enum)) = unresolved_name(ctx, column) else {
        return;
    };
    let what = match &column.data_type.kind {
        TypeKind::Domain(_) => "domain",
        TypeKind::Enum(_) => "enum type",
        _ => "type",
    };
    let message = format!(
        "{} has {what} {name}, which is not defined",
        ctx.column_label(table, column)
    );
    let finding = out.report(Subject::Column(table.id, column.id), message);
    let same = |other: &QualifiedName| other.name.eq_ignore_ascii_case(&name.name);
    let existing = match &column.data_type.kind {
        TypeKind::Enum(_) => ctx
            .doc
            .enums
            .values()
            .find(|e| same(&e.name))
            .map(|e| (TypeKind::Enum(TypeRef::Resolved(e.id)), e.name.to_string())),
        TypeKind::Domain(_) => ctx.doc.domains.values().find(|d| same(&d.name)).map(|d| {
            (
                TypeKind::Domain(TypeRef::Resolved(d.id)),
                d.name.to_string(),
            )
        }),
        _ => None,
    };
    if let Some((kind, shown)) = existing {
        let edits = rebind(table, &column.data_type, &kind);
        finding.with_fix(Fix::batch(format!("Use the existing {shown}"), edits));
        return;
    }
    let labels = labels(table, &column.data_type);
    let looks_enum = is_enum || name.name.to_lowercase().contains("enum");
    if labels.is_empty() && !looks_enum {
        return;
    }
    if matches!(column.data_type.kind, TypeKind::Domain(_)) {
        return;
    }
    let id = EnumId(ctx.doc.ids.clone().next_raw());
    let mut edits = vec![Edit::AddObject(Object::Enum(EnumType {
        id: EnumId(0),
        name: name.clone(),
        values: labels.clone(),
        comment: None,
        source: None,
    }))];
    edits.extend(rebind(
        table,
        &column.data_type,
        &TypeKind::Enum(TypeRef::Resolved(id)),
    ));
    let shown = if labels.is_empty() {
        String::new()
    } else {
        format!(" ({})", labels.join(", "))
    };
    finding.with_fix(Fix::batch(format!("Create enum {name}{shown}"), edits));
}

/// Gives every column of the table typed `old` the type `kind`.
fn rebind(table: &Table, old: &DataType, kind: &TypeKind) -> Vec<Edit> {
    table
        .columns
        .iter()
        .filter(|c| c.data_type.kind == old.kind)
        .map(|c| retype(table, c, with_kind(&c.data_type, kind.clone())))
        .collect()
}

/// String literals the table's columns of this type use: CHECK constraints that mention only
/// such a column, then defaults.
fn labels(table: &Table, data_type: &DataType) -> Vec<String> {
    let typed: Vec<&Column> = table
        .columns
        .iter()
        .filter(|c| c.data_type.kind == data_type.kind)
        .collect();
    let mut labels: Vec<String> = Vec::new();
    let mut add = |label: String| {
        if !labels.contains(&label) {
            labels.push(label);
        }
    };
    for check in &table.checks {
        let mentions = |c: &Column| contains_word(&check.expression, &c.name);
        if typed.iter().any(|c| mentions(c))
            && !table
                .columns
                .iter()
                .any(|c| !typed.iter().any(|t| t.id == c.id) && mentions(c))
        {
            literals(&check.expression).into_iter().for_each(&mut add);
        }
    }
    for column in &typed {
        let default = column
            .default
            .as_deref()
            .unwrap_or("")
            .trim_start_matches(['(', ' ']);
        if default.starts_with('\'')
            && let Some(first) = literals(default).into_iter().next()
        {
            add(first);
        }
    }
    labels
}

fn contains_word(text: &str, word: &str) -> bool {
    let lower = text.to_lowercase();
    let word = word.to_lowercase();
    lower.match_indices(&word).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        boundary(before) && boundary(after)
    })
}

/// The single-quoted literals of an expression, unescaped.
fn literals(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\'' {
            continue;
        }
        let mut literal = String::new();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    literal.push('\'');
                    continue;
                }
                break;
            }
            literal.push(c);
        }
        found.push(literal);
    }
    found
}
