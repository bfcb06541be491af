//! Column types as each target writes them.
//!
//! A type whose verbatim text was written in the target dialect (imported from it) is used
//! as it is. Otherwise the logical kind is mapped: uuid → `uuid` / `CHAR(36)` / `TEXT` /
//! `UNIQUEIDENTIFIER`, jsonb → `jsonb` / `JSON` / `TEXT` / `NVARCHAR(MAX)`, and so on; enums
//! become `CREATE TYPE` references, inline `ENUM(...)`, or text with a `CHECK (... IN ...)`.
//! A mapping that loses something is reported as a warning naming the column.

use crate::model::{Column, DataType, Dialect, Table, TypeKind, TypeRef};

use super::{Context, quote};

/// A column's type in the target, plus a check that carries an enum's labels where the
/// target has no enum type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedType {
    /// The type as written in the column definition.
    pub text: String,
    /// `CHECK` expression to add to the table, if any.
    pub check: Option<String>,
}

fn sized(base: &str, length: Option<u32>) -> String {
    length.map_or_else(|| base.to_owned(), |n| format!("{base}({n})"))
}

/// Maps a type written for another dialect (kept as text) to a logical kind, when it is a
/// well-known name.
fn reinterpret(text: &str) -> Option<TypeKind> {
    let lower = text.trim().to_ascii_lowercase();
    let base = lower.split('(').next().unwrap_or("").trim();
    Some(match base {
        "tinytext" | "mediumtext" | "longtext" | "citext" | "ntext" | "tsvector" | "tsquery"
        | "sql_variant" | "hstore" => TypeKind::Text,
        "tinyblob" | "mediumblob" | "longblob" | "image" => TypeKind::Binary { length: None },
        "rowversion" => TypeKind::Binary { length: Some(8) },
        "inet" | "cidr" => TypeKind::Varchar { length: Some(43) },
        "macaddr" | "macaddr8" => TypeKind::Varchar { length: Some(23) },
        "name" => TypeKind::Varchar { length: Some(63) },
        "money" => TypeKind::Decimal {
            precision: Some(19),
            scale: Some(4),
        },
        "smallmoney" => TypeKind::Decimal {
            precision: Some(10),
            scale: Some(4),
        },
        "year" => TypeKind::SmallInt,
        "oid" => TypeKind::BigInt,
        "\"char\"" => TypeKind::Char { length: Some(1) },
        "smalldatetime" => TypeKind::Timestamp {
            precision: Some(0),
            with_time_zone: false,
        },
        "bit" if lower == "bit" || lower == "bit(1)" => TypeKind::Boolean,
        _ => return None,
    })
}

/// Labels of a MySQL-style inline `enum('a','b')` / `set(...)` type.
fn inline_enum_labels(text: &str) -> Option<Vec<String>> {
    let lower = text.trim_start().to_ascii_lowercase();
    if !(lower.starts_with("enum") || lower.starts_with("set")) {
        return None;
    }
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let inner = text.get(open + 1..close)?;
    let tokens = super::tokens::tokenize(inner, Dialect::Mysql).ok()?;
    Some(
        tokens
            .into_iter()
            .filter_map(|t| match t {
                super::tokens::Token::Str(s) => Some(s),
                _ => None,
            })
            .collect(),
    )
}

/// The column's type in the target dialect.
pub fn column_type(cx: &Context<'_>, table: &Table, column: &Column) -> MappedType {
    let object = || format!("column {}.{}", table.name, column.name);
    let data_type = &column.data_type;
    if cx.same {
        if let Some(original) = &data_type.original {
            return plain(with_dims(
                original.clone(),
                data_type.array_dims,
                cx.dialect,
            ));
        }
        if let TypeKind::Other(text) = &data_type.kind {
            return plain(with_dims(text.clone(), data_type.array_dims, cx.dialect));
        }
    }
    if data_type.array_dims > 0 && cx.dialect != Dialect::Postgres {
        let text = match cx.dialect {
            Dialect::Mysql => "JSON",
            Dialect::Mssql => "NVARCHAR(MAX)",
            _ => "TEXT",
        };
        cx.warn(
            object(),
            format!(
                "array type {} has no {} equivalent; written as {text}",
                cx.doc.type_display(data_type),
                cx.dialect.display_name()
            ),
        );
        return plain(text.to_owned());
    }
    let mut kind = data_type.kind.clone();
    let unsigned = !cx.same
        && data_type
            .original
            .as_deref()
            .is_some_and(|o| o.to_ascii_lowercase().contains("unsigned"));
    if unsigned {
        kind = match kind {
            TypeKind::SmallInt => TypeKind::Integer,
            TypeKind::Integer => TypeKind::BigInt,
            // A numbered column must stay an integer; bigint holds any id in practice.
            TypeKind::BigInt if column.identity.is_some() => TypeKind::BigInt,
            TypeKind::BigInt => TypeKind::Decimal {
                precision: Some(20),
                scale: Some(0),
            },
            other => other,
        };
    }
    match &kind {
        TypeKind::Enum(reference) => return enum_type(cx, column, reference, &object()),
        TypeKind::Domain(TypeRef::Resolved(id))
            if !matches!(cx.dialect, Dialect::Postgres | Dialect::Mssql) =>
        {
            if let Some(domain) = cx.doc.domains.get(id) {
                cx.warn(
                    object(),
                    format!(
                        "domain {} is written as its base type; its checks are not carried",
                        domain.name
                    ),
                );
                let base = Column::new(column.name.clone(), domain.base_type.clone());
                return column_type(cx, table, &base);
            }
        }
        TypeKind::Domain(reference) => {
            let name = match reference {
                TypeRef::Resolved(id) => cx.doc.domains.get(id).map(|d| cx.name(&d.name)),
                TypeRef::Unresolved(name) => Some(cx.name(name)),
            };
            if let Some(name) = name {
                return plain(with_dims(name, data_type.array_dims, cx.dialect));
            }
        }
        TypeKind::Other(text) => {
            if let Some(labels) = inline_enum_labels(text) {
                return labels_as_check(cx, column, &labels);
            }
            match reinterpret(text) {
                Some(known) => kind = known,
                None => return unknown(cx, data_type, text, &object()),
            }
        }
        _ => {}
    }
    let text = logical(cx, &kind, &object());
    plain(with_dims(text, data_type.array_dims, cx.dialect))
}

fn plain(text: String) -> MappedType {
    MappedType { text, check: None }
}

fn with_dims(mut text: String, dims: u8, dialect: Dialect) -> String {
    if dialect == Dialect::Postgres {
        for _ in 0..dims {
            text.push_str("[]");
        }
    }
    text
}

/// A type kept as text from another dialect that we know nothing about.
fn unknown(cx: &Context<'_>, data_type: &DataType, text: &str, object: &str) -> MappedType {
    let fallback = match cx.dialect {
        Dialect::Postgres => "text",
        Dialect::Mysql => "LONGTEXT",
        Dialect::Sqlite => "TEXT",
        Dialect::Mssql => "NVARCHAR(MAX)",
    };
    cx.warn(
        object,
        format!(
            "type {text} has no known {} equivalent; written as {fallback}",
            cx.dialect.display_name()
        ),
    );
    plain(with_dims(
        fallback.to_owned(),
        data_type.array_dims,
        cx.dialect,
    ))
}

fn enum_type(
    cx: &Context<'_>,
    column: &Column,
    reference: &TypeRef<crate::model::EnumId>,
    object: &str,
) -> MappedType {
    let found = match reference {
        TypeRef::Resolved(id) => cx.doc.enums.get(id),
        TypeRef::Unresolved(_) => None,
    };
    let dims = column.data_type.array_dims;
    match (found, cx.dialect) {
        (Some(e), Dialect::Postgres) => plain(with_dims(cx.name(&e.name), dims, cx.dialect)),
        (None, Dialect::Postgres) => {
            let TypeRef::Unresolved(name) = reference else {
                return plain("text".into());
            };
            plain(with_dims(cx.name(name), dims, cx.dialect))
        }
        (Some(e), Dialect::Mysql) => {
            let labels: Vec<String> = e
                .values
                .iter()
                .map(|v| quote::string(v, Dialect::Mysql))
                .collect();
            plain(format!("ENUM({})", labels.join(", ")))
        }
        (Some(e), _) => labels_as_check(cx, column, &e.values),
        (None, _) => {
            let TypeRef::Unresolved(name) = reference else {
                return plain("TEXT".into());
            };
            unknown(cx, &column.data_type, &name.to_string(), object)
        }
    }
}

/// An enum as a string column with a check listing its labels.
fn labels_as_check(cx: &Context<'_>, column: &Column, labels: &[String]) -> MappedType {
    let longest = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1)
        .max(1);
    let text = match cx.dialect {
        Dialect::Postgres => format!("varchar({longest})"),
        Dialect::Mysql => format!("VARCHAR({longest})"),
        Dialect::Sqlite => "TEXT".into(),
        Dialect::Mssql => format!("NVARCHAR({longest})"),
    };
    let list: Vec<String> = labels
        .iter()
        .map(|l| quote::string(l, cx.dialect))
        .collect();
    MappedType {
        text,
        check: Some(format!(
            "{} IN ({})",
            cx.ident(&column.name),
            list.join(", ")
        )),
    }
}

/// A logical kind in the target.
fn logical(cx: &Context<'_>, kind: &TypeKind, object: &str) -> String {
    match cx.dialect {
        Dialect::Postgres => postgres(kind),
        Dialect::Mysql => mysql(cx, kind, object),
        Dialect::Sqlite => sqlite(cx, kind, object),
        Dialect::Mssql => mssql(cx, kind, object),
    }
}

fn postgres(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Double => "double precision".into(),
        TypeKind::Binary { .. } => "bytea".into(),
        TypeKind::Time {
            precision,
            with_time_zone,
        } => sized(if *with_time_zone { "timetz" } else { "time" }, *precision),
        other => other.display(),
    }
}

fn warn_lossy(cx: &Context<'_>, object: &str, what: &str, written: &str) {
    cx.warn(
        object,
        format!(
            "{what} has no exact {} equivalent; written as {written}",
            cx.dialect.display_name()
        ),
    );
}

fn decimal(cx: &Context<'_>, object: &str, p: Option<u32>, s: Option<u32>, max: u32) -> String {
    match (p, s) {
        (Some(p), Some(s)) => format!("DECIMAL({},{})", p.min(max), s.min(p.min(max))),
        (Some(p), None) => format!("DECIMAL({},0)", p.min(max)),
        _ => {
            let written = if max == 65 {
                "DECIMAL(65,30)"
            } else {
                "DECIMAL(38,10)"
            };
            warn_lossy(cx, object, "numeric without precision", written);
            written.into()
        }
    }
}

fn mysql(cx: &Context<'_>, kind: &TypeKind, object: &str) -> String {
    match kind {
        TypeKind::SmallInt => "SMALLINT".into(),
        TypeKind::Integer => "INT".into(),
        TypeKind::BigInt => "BIGINT".into(),
        TypeKind::Decimal { precision, scale } => decimal(cx, object, *precision, *scale, 65),
        TypeKind::Real => "FLOAT".into(),
        TypeKind::Double => "DOUBLE".into(),
        TypeKind::Boolean => "TINYINT(1)".into(),
        TypeKind::Char { length } if length.is_none_or(|n| n <= 255) => sized("CHAR", *length),
        TypeKind::Varchar { length: Some(n) } | TypeKind::Char { length: Some(n) }
            if *n <= 16383 =>
        {
            format!("VARCHAR({n})")
        }
        TypeKind::Text if cx.same => "TEXT".into(),
        TypeKind::Char { .. } | TypeKind::Varchar { .. } | TypeKind::Text => "LONGTEXT".into(),
        TypeKind::Binary { length: Some(n) } if *n <= 65535 => format!("VARBINARY({n})"),
        TypeKind::Binary { .. } => "LONGBLOB".into(),
        TypeKind::Date => "DATE".into(),
        TypeKind::Time {
            precision,
            with_time_zone,
        } => {
            let text = sized("TIME", precision.map(|p| p.min(6)));
            if *with_time_zone {
                warn_lossy(cx, object, "time with time zone", &text);
            }
            text
        }
        TypeKind::Timestamp {
            precision,
            with_time_zone,
        } => {
            let precision = if cx.same {
                *precision
            } else {
                precision.or(Some(6))
            };
            let text = sized("DATETIME", precision.map(|p| p.min(6)));
            if *with_time_zone {
                warn_lossy(cx, object, "timestamp with time zone (store UTC)", &text);
            }
            text
        }
        TypeKind::Interval => {
            warn_lossy(cx, object, "interval", "VARCHAR(64)");
            "VARCHAR(64)".into()
        }
        TypeKind::Uuid => "CHAR(36)".into(),
        TypeKind::Json | TypeKind::Jsonb => "JSON".into(),
        TypeKind::Xml => {
            warn_lossy(cx, object, "xml", "LONGTEXT");
            "LONGTEXT".into()
        }
        other => other.display(),
    }
}

fn sqlite(cx: &Context<'_>, kind: &TypeKind, object: &str) -> String {
    match kind {
        TypeKind::SmallInt => "SMALLINT".into(),
        // SQLite stores booleans as the integers 0 and 1.
        TypeKind::Integer | TypeKind::Boolean => "INTEGER".into(),
        TypeKind::BigInt => "BIGINT".into(),
        TypeKind::Decimal { precision, scale } => match (precision, scale) {
            (Some(p), Some(s)) => format!("NUMERIC({p},{s})"),
            (Some(p), None) => format!("NUMERIC({p})"),
            _ => "NUMERIC".into(),
        },
        TypeKind::Real => "REAL".into(),
        TypeKind::Double => "DOUBLE".into(),
        TypeKind::Char { length } => sized("CHAR", *length),
        TypeKind::Varchar { length } => sized("VARCHAR", *length),
        TypeKind::Text | TypeKind::Uuid | TypeKind::Json | TypeKind::Jsonb | TypeKind::Xml => {
            "TEXT".into()
        }
        TypeKind::Binary { .. } => "BLOB".into(),
        TypeKind::Date => "DATE".into(),
        TypeKind::Time {
            with_time_zone: false,
            ..
        } => "TIME".into(),
        TypeKind::Timestamp {
            with_time_zone: false,
            ..
        } => "TIMESTAMP".into(),
        TypeKind::Time { .. } | TypeKind::Timestamp { .. } | TypeKind::Interval => {
            warn_lossy(cx, object, &kind.display(), "TEXT");
            "TEXT".into()
        }
        other => other.display(),
    }
}

fn mssql(cx: &Context<'_>, kind: &TypeKind, object: &str) -> String {
    let national = !cx.same;
    match kind {
        TypeKind::SmallInt => "SMALLINT".into(),
        TypeKind::Integer => "INT".into(),
        TypeKind::BigInt => "BIGINT".into(),
        TypeKind::Decimal { precision, scale } => decimal(cx, object, *precision, *scale, 38),
        TypeKind::Real => "REAL".into(),
        TypeKind::Double => "FLOAT".into(),
        TypeKind::Boolean => "BIT".into(),
        TypeKind::Char { length } if length.is_none_or(|n| n <= 4000) => {
            sized(if national { "NCHAR" } else { "CHAR" }, *length)
        }
        TypeKind::Varchar { length: Some(n) } | TypeKind::Char { length: Some(n) }
            if *n <= 4000 =>
        {
            format!("{}({n})", if national { "NVARCHAR" } else { "VARCHAR" })
        }
        TypeKind::Text if !national => "TEXT".into(),
        TypeKind::Char { .. }
        | TypeKind::Varchar { .. }
        | TypeKind::Text
        | TypeKind::Json
        | TypeKind::Jsonb => "NVARCHAR(MAX)".into(),
        TypeKind::Binary { length: Some(n) } if *n <= 8000 => format!("VARBINARY({n})"),
        TypeKind::Binary { .. } => "VARBINARY(MAX)".into(),
        TypeKind::Date => "DATE".into(),
        TypeKind::Time { precision, .. } => {
            let text = sized("TIME", precision.map(|p| p.min(7)));
            if matches!(
                kind,
                TypeKind::Time {
                    with_time_zone: true,
                    ..
                }
            ) {
                warn_lossy(cx, object, "time with time zone", &text);
            }
            text
        }
        TypeKind::Timestamp {
            precision,
            with_time_zone,
        } => sized(
            if *with_time_zone {
                "DATETIMEOFFSET"
            } else {
                "DATETIME2"
            },
            precision.map(|p| p.min(7)),
        ),
        TypeKind::Interval => {
            warn_lossy(cx, object, "interval", "NVARCHAR(64)");
            "NVARCHAR(64)".into()
        }
        TypeKind::Uuid => "UNIQUEIDENTIFIER".into(),
        TypeKind::Xml => "XML".into(),
        other => other.display(),
    }
}
