//! MySQL and MariaDB: `AUTO_INCREMENT`, inline `ENUM(...)` and `COMMENT '...'`, prefix
//! indexes, table options, `DELIMITER` around routines.

use crate::model::{Column, Dialect, Index, IndexKey, Passthrough, Table, TypeKind, View};

use super::tokens::is_literal;
use super::writer::{DdlWriter, index_name, index_object, index_parts, view_statement};
use super::{Context, quote, types};

/// The MySQL / MariaDB writer.
pub struct Mysql;

/// Whether `column` is used by any key, foreign key or index of its table.
fn is_indexed(table: &Table, column: &Column) -> bool {
    table.referenced_own_columns().any(|id| id == column.id)
}

/// The one column of the table that can carry `AUTO_INCREMENT`: the first numbered column
/// that leads some key or index.
fn auto_increment_column(cx: &Context<'_>, table: &Table) -> Option<crate::model::ColumnId> {
    let leads = |id| {
        table
            .primary_key
            .as_ref()
            .is_some_and(|pk| pk.columns.first() == Some(&id))
            || table.uniques.iter().any(|u| u.columns.first() == Some(&id))
            || table
                .indexes
                .iter()
                .any(|i| matches!(i.parts.first(), Some(p) if p.key == IndexKey::Column(id)))
    };
    table
        .columns
        .iter()
        .filter(|c| cx.numbering(c).is_some())
        .map(|c| c.id)
        .find(|&id| leads(id))
}

fn is_integer(kind: &TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::SmallInt | TypeKind::Integer | TypeKind::BigInt
    )
}

/// InnoDB's limit on the bytes of one index key.
const MAX_KEY_BYTES: u32 = 3072;

/// Characters of a string column as MySQL would store it, or `None` for other types.
fn string_length(column: &Column) -> Option<u32> {
    match column.data_type.kind {
        TypeKind::Varchar { length: Some(n) } | TypeKind::Char { length: Some(n) } => Some(n),
        TypeKind::Varchar { length: None } | TypeKind::Text => Some(255),
        _ => None,
    }
}

/// Prefix lengths that keep an index carried from another dialect within InnoDB's key size
/// (four bytes per utf8mb4 character), with a warning when a prefix is needed.
fn key_prefixes(cx: &Context<'_>, table: &Table, index: &Index) -> Vec<Option<u32>> {
    let columns: Vec<Option<&Column>> = index
        .parts
        .iter()
        .map(|p| match p.key {
            IndexKey::Column(id) => table.column(id),
            IndexKey::Expression(_) => None,
        })
        .collect();
    let strings: Vec<Option<u32>> = columns.iter().map(|c| c.and_then(string_length)).collect();
    let fixed: u32 = strings.iter().filter(|s| s.is_none()).count() as u32 * 8;
    let total: u32 = fixed + strings.iter().flatten().map(|n| n * 4).sum::<u32>();
    let count = strings.iter().flatten().count() as u32;
    if total <= MAX_KEY_BYTES || count == 0 {
        return vec![None; strings.len()];
    }
    let each = (MAX_KEY_BYTES.saturating_sub(fixed) / count / 4).max(1);
    strings
        .iter()
        .zip(&columns)
        .map(|(length, column)| match (length, column) {
            (Some(n), Some(column)) if *n > each => {
                cx.warn(
                    index_object(table, index),
                    format!(
                        "longer than InnoDB's {MAX_KEY_BYTES}-byte key limit: indexes the first {each} characters of {}",
                        column.name
                    ),
                );
                Some(each)
            }
            _ => None,
        })
        .collect()
}

/// The pieces of a MySQL index definition.
struct IndexDefinition {
    kind: &'static str,
    name: String,
    columns: String,
    using: String,
}

/// An index as MySQL can hold it, or `None` (with a warning) when it cannot.
fn index_definition(cx: &Context<'_>, table: &Table, index: &Index) -> Option<IndexDefinition> {
    let method = index.method.as_deref().map(str::to_ascii_uppercase);
    let kind = match method.as_deref() {
        Some("FULLTEXT") => "FULLTEXT ",
        Some("SPATIAL") => "SPATIAL ",
        _ if index.unique && index.predicate.is_none() => "UNIQUE ",
        _ => "",
    };
    if index.predicate.is_some() {
        cx.warn(
            index_object(table, index),
            "MySQL has no partial indexes: written without its WHERE clause, as a non-unique index",
        );
    }
    if !cx.same
        && index
            .parts
            .iter()
            .any(|p| matches!(p.key, IndexKey::Expression(_)))
    {
        cx.warn(
            index_object(table, index),
            "MariaDB has no expression indexes; index left out",
        );
        return None;
    }
    if !index.include.is_empty() {
        cx.warn(
            index_object(table, index),
            "MySQL has no INCLUDE columns; left out",
        );
    }
    let mut parts = index_parts(cx, table, index)?;
    let lengths = if cx.same {
        index.parts.iter().map(|p| p.length).collect()
    } else {
        key_prefixes(cx, table, index)
    };
    for (text, length) in parts.iter_mut().zip(lengths) {
        if let Some(length) = length {
            let (name, order) = match text.strip_suffix(" DESC") {
                Some(name) => (name.to_owned(), " DESC"),
                None => (text.clone(), ""),
            };
            *text = format!("{name}({length}){order}");
        }
    }
    let using = match method.as_deref() {
        Some(m @ ("BTREE" | "HASH")) if cx.same => format!(" USING {m}"),
        Some("FULLTEXT" | "SPATIAL" | "BTREE") | None => String::new(),
        Some(other) => {
            cx.warn(
                index_object(table, index),
                format!("index method {other} has no MySQL equivalent; written as a B-tree index"),
            );
            String::new()
        }
    };
    Some(IndexDefinition {
        kind,
        name: index_name(cx, index),
        columns: parts.join(", "),
        using,
    })
}

impl DdlWriter for Mysql {
    fn dialect(&self) -> Dialect {
        Dialect::Mysql
    }

    fn create_schema(&self, _cx: &Context<'_>, _name: &str) -> Option<String> {
        None
    }

    fn column_type(&self, cx: &Context<'_>, table: &Table, column: &Column) -> types::MappedType {
        let mut mapped = types::column_type(cx, table, column);
        if cx.same {
            return mapped;
        }
        let object = || format!("column {}.{}", table.name, column.name);
        if is_indexed(table, column) {
            let replacement = match mapped.text.as_str() {
                "LONGTEXT" | "TEXT" | "JSON" => Some("VARCHAR(255)"),
                "LONGBLOB" => Some("VARBINARY(255)"),
                _ => None,
            };
            if let Some(replacement) = replacement {
                cx.warn(
                    object(),
                    format!(
                        "{} cannot be part of a key in MySQL; written as {replacement}",
                        mapped.text
                    ),
                );
                mapped.text = replacement.into();
            }
        }
        // InnoDB wants a foreign key column of the same integer size as the column it
        // references.
        for fk in table
            .foreign_keys
            .iter()
            .filter(|fk| fk.columns.contains(&column.id))
        {
            let Some(target) = cx.doc.referenced_table(fk) else {
                continue;
            };
            let position = fk.columns.iter().position(|c| *c == column.id);
            let referenced = position
                .and_then(|i| fk.referenced_columns.get(i))
                .and_then(|r| match r {
                    crate::model::ColumnRef::Resolved(id) => target.column(*id),
                    crate::model::ColumnRef::Unresolved(_) => None,
                });
            if let Some(referenced) = referenced
                && is_integer(&column.data_type.kind)
                && is_integer(&referenced.data_type.kind)
                && referenced.data_type.kind != column.data_type.kind
            {
                let wider = types::column_type(cx, target, referenced);
                cx.warn(
                    object(),
                    format!(
                        "written as {} to match the referenced column {}.{}",
                        wider.text, target.name, referenced.name
                    ),
                );
                mapped.text = wider.text;
            }
        }
        mapped
    }

    fn identity_clause(&self, cx: &Context<'_>, table: &Table, column: &Column) -> Option<String> {
        cx.numbering(column)?;
        if auto_increment_column(cx, table) == Some(column.id)
            && (cx.same || is_integer(&column.data_type.kind))
        {
            return Some("AUTO_INCREMENT".into());
        }
        cx.warn(
            format!("column {}.{}", table.name, column.name),
            "MySQL allows AUTO_INCREMENT only on one integer column that leads a key; numbering left out",
        );
        None
    }

    fn identity_after_not_null(&self) -> bool {
        true
    }

    fn wrap_default(&self, text: &str, column: &Column) -> String {
        let blob_like = column.data_type.array_dims > 0
            || matches!(
                column.data_type.kind,
                TypeKind::Text
                    | TypeKind::Binary { length: None }
                    | TypeKind::Json
                    | TypeKind::Jsonb
                    | TypeKind::Xml
                    | TypeKind::Other(_)
            );
        let now_on_timestamp = text.eq_ignore_ascii_case("CURRENT_TIMESTAMP")
            && matches!(column.data_type.kind, TypeKind::Timestamp { .. });
        if (is_literal(text, Dialect::Mysql, &["null", "true", "false"]) && !blob_like)
            || now_on_timestamp
        {
            text.to_owned()
        } else {
            format!("({text})")
        }
    }

    fn column_suffix(&self, _cx: &Context<'_>, _table: &Table, column: &Column) -> String {
        column.comment.as_ref().map_or_else(String::new, |c| {
            format!("COMMENT {}", quote::string(c, Dialect::Mysql))
        })
    }

    fn table_suffix(&self, cx: &Context<'_>, table: &Table) -> String {
        let mut options = Vec::new();
        if cx.same {
            for (key, word) in [
                ("engine", "ENGINE"),
                ("default_charset", "DEFAULT CHARSET"),
                ("charset", "DEFAULT CHARSET"),
                ("default_character_set", "DEFAULT CHARSET"),
                ("character_set", "DEFAULT CHARSET"),
                ("collate", "COLLATE"),
                ("default_collate", "COLLATE"),
                ("row_format", "ROW_FORMAT"),
            ] {
                if let Some(value) = table.options.0.get(key) {
                    options.push(format!("{word}={value}"));
                }
            }
        }
        if let Some(comment) = &table.comment {
            options.push(format!(
                "COMMENT={}",
                quote::string(comment, Dialect::Mysql)
            ));
        }
        if options.is_empty() {
            String::new()
        } else {
            format!(" {}", options.join(" "))
        }
    }

    fn supports_deferrable(&self) -> bool {
        false
    }

    fn names_primary_key(&self) -> bool {
        false
    }

    fn create_index(&self, cx: &Context<'_>, table: &Table, index: &Index) -> Option<String> {
        let parts = index_definition(cx, table, index)?;
        Some(format!(
            "CREATE {}INDEX {} ON {} ({}){}",
            parts.kind,
            cx.ident(&parts.name),
            cx.name(&table.name),
            parts.columns,
            parts.using
        ))
    }

    fn indexes_in_table(&self) -> bool {
        true
    }

    fn inline_index(&self, cx: &Context<'_>, table: &Table, index: &Index) -> Option<String> {
        let parts = index_definition(cx, table, index)?;
        // An unnamed index stays unnamed: MySQL names it after its first column.
        let name = if index.name.is_some() {
            format!("{} ", cx.ident(&parts.name))
        } else {
            String::new()
        };
        Some(format!(
            "{}KEY {name}({}){}",
            parts.kind, parts.columns, parts.using
        ))
    }

    fn comments(&self, _cx: &Context<'_>, _table: &Table) -> Vec<String> {
        Vec::new()
    }

    fn create_view(&self, cx: &Context<'_>, view: &View) -> Option<String> {
        let sql = view_statement(cx, view)?;
        // MySQL accepts a bare `*` only as the whole select list.
        let flat = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        if !cx.same && flat.contains(", * FROM") {
            cx.warn(
                format!("view {}", view.name),
                "query selects * after other columns, which MySQL rejects; left out",
            );
            return None;
        }
        Some(sql)
    }

    fn passthrough(&self, _cx: &Context<'_>, p: &Passthrough) -> String {
        let sql = p.sql.trim().trim_end_matches(';').trim_end();
        if sql.contains(';') {
            format!("DELIMITER $$\n{sql}$$\nDELIMITER ;")
        } else {
            format!("{sql};")
        }
    }
}
