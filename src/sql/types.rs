//! Logical types ↔ dialect type text.
//!
//! [`parse_type`] reads a type as a dialect writes it (`character varying(255)`,
//! `int(11) unsigned`, `timestamp(6) with time zone`, `text[]`) into the model's logical
//! [`DataType`]; what has no logical equivalent — or loses detail in the mapping — keeps its
//! original spelling. [`dialect_spelling`] writes a logical type the way a dialect's catalog
//! reports it.

use crate::model::{DataType, Dialect, TypeKind};

/// Splits `name(args)` into the lower-cased base name and its numeric arguments.
fn split_params(text: &str) -> (String, Vec<u32>, bool) {
    let (base, args) = match text.find('(') {
        Some(open) => {
            let close = text.rfind(')').unwrap_or(text.len());
            let inner = text.get(open + 1..close).unwrap_or("");
            let rest = text.get(close + 1..).unwrap_or("");
            (
                format!("{} {}", text.get(..open).unwrap_or(""), rest),
                inner.to_owned(),
            )
        }
        None => (text.to_owned(), String::new()),
    };
    let mut numeric = true;
    let params = args
        .split(',')
        .filter(|a| !a.trim().is_empty())
        .filter_map(|a| {
            let parsed = a.trim().parse::<u32>().ok();
            numeric &= parsed.is_some();
            parsed
        })
        .collect();
    let base = base
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    (base, params, numeric)
}

/// Reads a type as written in `dialect`. Enum and domain names are not resolved here: any
/// unknown name comes back as [`TypeKind::Other`] for the caller to resolve.
pub fn parse_type(text: &str, dialect: Dialect) -> DataType {
    let mut text = text.trim();
    let mut array_dims = 0u8;
    while let Some(stripped) = text.strip_suffix("[]") {
        text = stripped.trim_end();
        array_dims = array_dims.saturating_add(1);
    }
    if let Some(stripped) = text
        .strip_suffix(" ARRAY")
        .or_else(|| text.strip_suffix(" array"))
    {
        text = stripped.trim_end();
        array_dims = array_dims.max(1);
    }
    let (base, params, numeric) = split_params(text);
    let unquoted = base.replace(['"', '`', '[', ']'], "");
    let base = unquoted
        .strip_prefix("pg_catalog.")
        .or_else(|| unquoted.strip_prefix("public."))
        .unwrap_or(&unquoted);
    let first = params.first().copied();
    let second = params.get(1).copied();
    let unsigned = base.contains("unsigned") || base.contains("zerofill");
    let base_word = base
        .replace(" unsigned", "")
        .replace(" zerofill", "")
        .replace(" signed", "")
        .replace(" binary", "");
    let lossless = numeric && !unsigned;
    let unbounded = dialect == Dialect::Mssql && text.to_ascii_lowercase().contains("(max)");
    let kind = match base_word.as_str() {
        "tinyint" if dialect == Dialect::Mysql && first == Some(1) => Some(TypeKind::Boolean),
        "smallint" | "int2" | "smallserial" | "serial2" | "tinyint" => Some(TypeKind::SmallInt),
        "integer" | "int" | "int4" | "serial" | "serial4" | "mediumint" => Some(TypeKind::Integer),
        "bigint" | "int8" | "bigserial" | "serial8" => Some(TypeKind::BigInt),
        "decimal" | "numeric" | "dec" | "number" => Some(TypeKind::Decimal {
            precision: first,
            scale: second,
        }),
        "real" | "float4" => Some(TypeKind::Real),
        "float" if first.is_some_and(|p| p <= 24) => Some(TypeKind::Real),
        "double precision" | "double" | "float8" | "float" => Some(TypeKind::Double),
        "boolean" | "bool" => Some(TypeKind::Boolean),
        "bit" if dialect == Dialect::Mssql => Some(TypeKind::Boolean),
        "char" | "character" | "bpchar" | "nchar" => Some(TypeKind::Char { length: first }),
        "varchar" | "nvarchar" if unbounded => Some(TypeKind::Text),
        "varchar" | "character varying" | "nvarchar" | "varchar2" | "nvarchar2" => {
            Some(TypeKind::Varchar { length: first })
        }
        "text" | "clob" | "string" => Some(TypeKind::Text),
        "bytea" | "blob" | "varbinary" | "binary" => Some(TypeKind::Binary { length: first }),
        "date" => Some(TypeKind::Date),
        "time" | "time without time zone" => Some(TypeKind::Time {
            precision: first,
            with_time_zone: false,
        }),
        "timetz" | "time with time zone" => Some(TypeKind::Time {
            precision: first,
            with_time_zone: true,
        }),
        "timestamp" | "timestamp without time zone" | "datetime" | "datetime2" => {
            Some(TypeKind::Timestamp {
                precision: first,
                with_time_zone: false,
            })
        }
        "timestamptz" | "timestamp with time zone" | "datetimeoffset" => {
            Some(TypeKind::Timestamp {
                precision: first,
                with_time_zone: true,
            })
        }
        "interval" => Some(TypeKind::Interval),
        "uuid" | "uniqueidentifier" => Some(TypeKind::Uuid),
        "json" => Some(TypeKind::Json),
        "jsonb" => Some(TypeKind::Jsonb),
        "xml" => Some(TypeKind::Xml),
        _ => None,
    };
    // A type the mapping would change (unsigned, a MySQL timestamp, float(p), a length on a
    // type whose text we can't read) keeps its original text next to the logical kind.
    let keep_original = !lossless
        || matches!(
            base_word.as_str(),
            "mediumint"
                | "tinyint"
                | "float"
                | "datetime2"
                | "string"
                | "clob"
                | "number"
                | "nvarchar2"
                | "varchar2"
        )
        || (dialect == Dialect::Mysql && base_word == "timestamp")
        || (dialect == Dialect::Mssql
            && matches!(
                base_word.as_str(),
                "nchar" | "nvarchar" | "datetime" | "binary"
            ))
        || (dialect == Dialect::Mysql && matches!(base_word.as_str(), "binary" | "blob"));
    // SQLite keeps a column's declared type as text and nothing else: keep it as written.
    let keep_original = keep_original || dialect == Dialect::Sqlite;
    match kind {
        Some(kind) => DataType {
            kind,
            array_dims,
            original: keep_original.then(|| text.to_owned()),
        },
        None => DataType {
            kind: TypeKind::Other(text.to_owned()),
            array_dims,
            original: None,
        },
    }
}

fn sized(base: &str, length: Option<u32>) -> String {
    match length {
        Some(n) => format!("{base}({n})"),
        None => base.to_owned(),
    }
}

/// How `dialect`'s catalog spells a logical type (enum and domain names are passed in
/// resolved by the caller through `named`).
pub fn dialect_spelling(data_type: &DataType, dialect: Dialect, named: &str) -> String {
    if let Some(original) = &data_type.original {
        return with_dims(original.clone(), data_type.array_dims);
    }
    let pg = dialect == Dialect::Postgres;
    let text = match &data_type.kind {
        TypeKind::SmallInt => "smallint".into(),
        TypeKind::Integer => if dialect == Dialect::Mysql {
            "int"
        } else {
            "integer"
        }
        .into(),
        TypeKind::BigInt => "bigint".into(),
        TypeKind::Decimal { precision, scale } => match (precision, scale) {
            (Some(p), Some(s)) => format!("numeric({p},{s})"),
            (Some(p), None) => format!("numeric({p})"),
            _ => "numeric".into(),
        },
        TypeKind::Real => "real".into(),
        TypeKind::Double => if pg { "double precision" } else { "double" }.into(),
        TypeKind::Boolean => match dialect {
            Dialect::Mysql => "tinyint(1)".into(),
            Dialect::Mssql => "bit".into(),
            _ => "boolean".into(),
        },
        TypeKind::Char { length } => sized(if pg { "character" } else { "char" }, *length),
        TypeKind::Varchar { length } => {
            sized(if pg { "character varying" } else { "varchar" }, *length)
        }
        TypeKind::Text => "text".into(),
        TypeKind::Binary { length } => match dialect {
            Dialect::Postgres => "bytea".into(),
            Dialect::Sqlite => "blob".into(),
            _ => sized("varbinary", *length),
        },
        TypeKind::Date => "date".into(),
        TypeKind::Time {
            precision,
            with_time_zone,
        } => {
            let base = sized("time", *precision);
            if *with_time_zone && pg {
                format!("{base} with time zone")
            } else if pg {
                format!("{base} without time zone")
            } else {
                base
            }
        }
        TypeKind::Timestamp {
            precision,
            with_time_zone,
        } => match dialect {
            Dialect::Postgres => {
                let zone = if *with_time_zone { "with" } else { "without" };
                format!("{} {zone} time zone", sized("timestamp", *precision))
            }
            Dialect::Mysql => sized(
                if *with_time_zone {
                    "timestamp"
                } else {
                    "datetime"
                },
                *precision,
            ),
            Dialect::Mssql => if *with_time_zone {
                "datetimeoffset"
            } else {
                "datetime2"
            }
            .into(),
            Dialect::Sqlite => sized("timestamp", *precision),
        },
        TypeKind::Interval => "interval".into(),
        TypeKind::Uuid => if dialect == Dialect::Mssql {
            "uniqueidentifier"
        } else {
            "uuid"
        }
        .into(),
        TypeKind::Json => "json".into(),
        TypeKind::Jsonb => "jsonb".into(),
        TypeKind::Xml => "xml".into(),
        TypeKind::Enum(_) | TypeKind::Domain(_) => named.to_owned(),
        TypeKind::Other(text) => text.clone(),
    };
    with_dims(text, data_type.array_dims)
}

fn with_dims(mut text: String, dims: u8) -> String {
    for _ in 0..dims {
        text.push_str("[]");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str, dialect: Dialect) -> TypeKind {
        parse_type(text, dialect).kind
    }

    #[test]
    fn common_spellings_map_to_logical_kinds() {
        let pg = Dialect::Postgres;
        assert_eq!(
            kind("character varying(255)", pg),
            TypeKind::Varchar { length: Some(255) }
        );
        assert_eq!(
            kind("VARCHAR(20)", pg),
            TypeKind::Varchar { length: Some(20) }
        );
        assert_eq!(kind("int4", pg), TypeKind::Integer);
        assert_eq!(kind("serial", pg), TypeKind::Integer);
        assert_eq!(
            kind("DECIMAL(10,2)", pg),
            TypeKind::Decimal {
                precision: Some(10),
                scale: Some(2)
            }
        );
        assert_eq!(
            kind("timestamp(6) with time zone", pg),
            TypeKind::Timestamp {
                precision: Some(6),
                with_time_zone: true
            }
        );
        assert_eq!(
            kind("TIMESTAMPTZ", pg),
            TypeKind::Timestamp {
                precision: None,
                with_time_zone: true
            }
        );
        assert_eq!(kind("pg_catalog.int8", pg), TypeKind::BigInt);
        assert_eq!(kind("tinyint(1)", Dialect::Mysql), TypeKind::Boolean);
        assert_eq!(kind("UNIQUEIDENTIFIER", Dialect::Mssql), TypeKind::Uuid);
    }

    #[test]
    fn arrays_and_unknown_types() {
        let t = parse_type("text[]", Dialect::Postgres);
        assert_eq!((t.kind, t.array_dims), (TypeKind::Text, 1));
        let t = parse_type("integer[][]", Dialect::Postgres);
        assert_eq!(t.array_dims, 2);
        let t = parse_type("geometry(Point,4326)", Dialect::Postgres);
        assert_eq!(t.kind, TypeKind::Other("geometry(Point,4326)".into()));
        let t = parse_type("mpaa_rating", Dialect::Postgres);
        assert_eq!(t.kind, TypeKind::Other("mpaa_rating".into()));
    }

    #[test]
    fn lossy_mappings_keep_the_original_text() {
        let t = parse_type("int(10) unsigned", Dialect::Mysql);
        assert_eq!(t.kind, TypeKind::Integer);
        assert_eq!(t.original.as_deref(), Some("int(10) unsigned"));
        assert_eq!(parse_type("varchar(40)", Dialect::Postgres).original, None);
        assert_eq!(
            dialect_spelling(
                &parse_type("int(10) unsigned", Dialect::Mysql),
                Dialect::Mysql,
                ""
            ),
            "int(10) unsigned"
        );
    }

    #[test]
    fn spelling_follows_the_dialect() {
        let t = DataType::new(TypeKind::Timestamp {
            precision: None,
            with_time_zone: true,
        });
        assert_eq!(
            dialect_spelling(&t, Dialect::Postgres, ""),
            "timestamp with time zone"
        );
        assert_eq!(dialect_spelling(&t, Dialect::Mssql, ""), "datetimeoffset");
        let t = DataType::new(TypeKind::Boolean);
        assert_eq!(dialect_spelling(&t, Dialect::Mysql, ""), "tinyint(1)");
    }
}
