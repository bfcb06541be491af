//! Helpers shared by the rules: type families, key coverage, name patterns and ids for
//! quick fixes.

use crate::model::{
    ColumnId, ConstraintId, DataType, Document, IdAllocator, IndexKey, Table, TypeKind, TypeRef,
};

/// A broad family of data types, for comparisons that ignore length and precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypeFamily {
    /// Whole numbers.
    Integer,
    /// Exact decimals.
    Decimal,
    /// Floating point.
    Float,
    /// Currency types (`money`, `smallmoney`).
    Money,
    /// True/false.
    Boolean,
    /// Character strings.
    String,
    /// Byte strings.
    Binary,
    /// Calendar dates.
    Date,
    /// Times of day.
    Time,
    /// Date and time.
    Timestamp,
    /// Spans of time.
    Interval,
    /// UUIDs.
    Uuid,
    /// JSON.
    Json,
    /// XML.
    Xml,
    /// A user-defined enum.
    Enum,
    /// Anything else (spatial, network, ranges, ...).
    Other,
}

/// The lower-case spelling a type was written with, or its logical rendering.
pub fn spelling(data_type: &DataType) -> String {
    data_type
        .original
        .as_deref()
        .map_or_else(|| data_type.display(), str::to_owned)
        .to_lowercase()
}

/// The type a column really has: a domain's base type instead of the domain.
pub fn resolved<'a>(doc: &'a Document, data_type: &'a DataType) -> &'a DataType {
    match &data_type.kind {
        TypeKind::Domain(TypeRef::Resolved(id)) => doc
            .domains
            .get(id)
            .map_or(data_type, |domain| &domain.base_type),
        _ => data_type,
    }
}

/// The family of a type (domains resolved to their base type).
pub fn family(doc: &Document, data_type: &DataType) -> TypeFamily {
    let data_type = resolved(doc, data_type);
    match &data_type.kind {
        TypeKind::SmallInt | TypeKind::Integer | TypeKind::BigInt => TypeFamily::Integer,
        TypeKind::Decimal { .. } => TypeFamily::Decimal,
        TypeKind::Real | TypeKind::Double => TypeFamily::Float,
        TypeKind::Boolean => TypeFamily::Boolean,
        TypeKind::Char { .. } | TypeKind::Varchar { .. } | TypeKind::Text => TypeFamily::String,
        TypeKind::Binary { .. } => TypeFamily::Binary,
        TypeKind::Date => TypeFamily::Date,
        TypeKind::Time { .. } => TypeFamily::Time,
        TypeKind::Timestamp { .. } => TypeFamily::Timestamp,
        TypeKind::Interval => TypeFamily::Interval,
        TypeKind::Uuid => TypeFamily::Uuid,
        TypeKind::Json | TypeKind::Jsonb => TypeFamily::Json,
        TypeKind::Xml => TypeFamily::Xml,
        TypeKind::Enum(_) => TypeFamily::Enum,
        TypeKind::Domain(_) => TypeFamily::Other,
        TypeKind::Other(text) => family_of_name(text),
    }
}

fn family_of_name(text: &str) -> TypeFamily {
    let lower = text.to_lowercase();
    let base = lower
        .split(['(', ' '])
        .next()
        .unwrap_or("")
        .trim_matches(['"', '`', '[', ']']);
    match base {
        "money" | "smallmoney" => TypeFamily::Money,
        "tinyint" | "mediumint" | "int1" | "int3" | "integer" | "int" | "bigint" | "smallint"
        | "serial" | "bigserial" | "smallserial" | "oid" | "year" => TypeFamily::Integer,
        "tinytext" | "mediumtext" | "longtext" | "ntext" | "citext" | "nvarchar" | "varchar"
        | "nchar" | "char" | "string" | "name" | "set" => TypeFamily::String,
        "tinyblob" | "mediumblob" | "longblob" | "image" | "varbinary" | "binary" | "bytea"
        | "blob" => TypeFamily::Binary,
        "datetime" | "datetime2" | "smalldatetime" | "datetimeoffset" | "timestamp" => {
            TypeFamily::Timestamp
        }
        "uniqueidentifier" => TypeFamily::Uuid,
        "enum" => TypeFamily::Enum,
        "float" | "double" | "real" => TypeFamily::Float,
        "decimal" | "numeric" | "number" => TypeFamily::Decimal,
        _ => TypeFamily::Other,
    }
}

/// Bits of an integer type (8, 16, 24, 32, 64), when it is one.
pub fn integer_bits(doc: &Document, data_type: &DataType) -> Option<u8> {
    let data_type = resolved(doc, data_type);
    let by_kind = match data_type.kind {
        TypeKind::SmallInt => Some(16),
        TypeKind::Integer => Some(32),
        TypeKind::BigInt => Some(64),
        _ => None,
    };
    let by_base = |base: &str| match base {
        "tinyint" | "int1" => Some(Some(8)),
        "mediumint" | "int3" => Some(Some(24)),
        _ => None,
    };
    match (data_type.original.as_deref(), &data_type.kind) {
        // The logical spelling of these kinds is a fixed name, never a MySQL width.
        (None, kind)
            if !matches!(
                kind,
                TypeKind::Other(_) | TypeKind::Enum(_) | TypeKind::Domain(_)
            ) =>
        {
            by_kind
        }
        (Some(text), _) if text.is_ascii() => {
            let base = text.split(['(', ' ']).next().unwrap_or("");
            let is = |word: &str| base.eq_ignore_ascii_case(word);
            if is("tinyint") || is("int1") {
                Some(8)
            } else if is("mediumint") || is("int3") {
                Some(24)
            } else {
                by_kind
            }
        }
        _ => {
            let spelled = spelling(data_type);
            by_base(spelled.split(['(', ' ']).next().unwrap_or("")).unwrap_or(by_kind)
        }
    }
}

/// Whether `text` contains `part` (lower-case ASCII) when ASCII letters are compared without
/// case: `text.to_ascii_lowercase().contains(part)` without the copy.
pub fn contains_ignore_ascii_case(text: &str, part: &str) -> bool {
    part.is_empty()
        || text
            .as_bytes()
            .windows(part.len())
            .any(|w| w.eq_ignore_ascii_case(part.as_bytes()))
}

/// Whether the lower-case spelling of a type ([`spelling`]) contains one of `words` (lower
/// case), without allocating when the type was written in ASCII.
pub fn spelling_contains_any(data_type: &DataType, words: &[&str]) -> bool {
    match data_type.original.as_deref() {
        Some(text) if text.is_ascii() => words
            .iter()
            .any(|word| contains_ignore_ascii_case(text, word)),
        _ => {
            let spelled = spelling(data_type);
            words.iter().any(|word| spelled.contains(word))
        }
    }
}

/// Whether a type is a large object: unbounded text or binary (`text`, `blob`, `bytea`,
/// `clob`, `(max)` types) or an XML document.
pub fn is_lob(doc: &Document, data_type: &DataType) -> bool {
    let data_type = resolved(doc, data_type);
    match data_type.kind {
        TypeKind::Text | TypeKind::Xml | TypeKind::Binary { length: None } => true,
        TypeKind::Varchar { .. } | TypeKind::Char { .. } | TypeKind::Binary { .. } => false,
        _ => spelling_contains_any(
            data_type,
            &["blob", "clob", "text", "bytea", "image", "(max)"],
        ),
    }
}

/// The columns of a table's keys and indexes that `columns` lead, in order: whether
/// `columns` are the first columns (same order) of the primary key, a unique constraint or an
/// index with plain column parts.
pub fn leading_columns_indexed(table: &Table, columns: &[ColumnId]) -> bool {
    if columns.is_empty() {
        return false;
    }
    let leads = |key: &[ColumnId]| key.len() >= columns.len() && key[..columns.len()] == *columns;
    if table
        .primary_key
        .as_ref()
        .is_some_and(|pk| leads(&pk.columns))
    {
        return true;
    }
    if table.uniques.iter().any(|u| leads(&u.columns)) {
        return true;
    }
    table.indexes.iter().any(|index| {
        let parts: Vec<ColumnId> = index
            .parts
            .iter()
            .map_while(|p| match p.key {
                IndexKey::Column(c) => Some(c),
                IndexKey::Expression(_) => None,
            })
            .collect();
        leads(&parts)
    })
}

/// Whether `columns` are, as a set, exactly the primary key, a unique constraint or a
/// non-partial unique index of the table.
pub fn is_unique_set(table: &Table, columns: &[ColumnId]) -> bool {
    let same_set =
        |key: &[ColumnId]| key.len() == columns.len() && key.iter().all(|c| columns.contains(c));
    if table
        .primary_key
        .as_ref()
        .is_some_and(|pk| same_set(&pk.columns))
    {
        return true;
    }
    if table.uniques.iter().any(|u| same_set(&u.columns)) {
        return true;
    }
    table.indexes.iter().any(|index| {
        if !index.unique || index.predicate.is_some() {
            return false;
        }
        let parts: Option<Vec<ColumnId>> = index
            .parts
            .iter()
            .map(|p| match p.key {
                IndexKey::Column(c) => Some(c),
                IndexKey::Expression(_) => None,
            })
            .collect();
        parts.is_some_and(|parts| same_set(&parts))
    })
}

/// Whether a table derives from another or cannot be changed on its own: a partition
/// (`partition_of`), an inheritance child (`inherits`), a system-versioned history table
/// (`history_of`) or a virtual table (`virtual`, e.g. SQLite FTS). Findings about its keys,
/// column types and indexes belong to the parent, or cannot be acted on.
pub fn is_derived(table: &Table) -> bool {
    let options = &table.options.0;
    !options.is_empty()
        && ["partition_of", "inherits", "history_of", "virtual"]
            .iter()
            .any(|key| options.contains_key(*key))
}

/// Matches a name against a pattern with `*` (any run of characters) and `?` (one
/// character), case-insensitively.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.to_lowercase().chars().collect();
    let text: Vec<char> = text.to_lowercase().chars().collect();
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == '?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// Predicts the ids the next edits will create, so a quick fix can add a column and then
/// an index on it in one batch. Edits hand out ids in order from the document's allocator:
/// one per added column or constraint.
#[derive(Debug, Clone)]
pub struct NewIds(IdAllocator);

impl NewIds {
    /// Predictions for edits applied to `doc`, in the order they are created here.
    pub fn new(doc: &Document) -> Self {
        Self(doc.ids.clone())
    }

    /// The id the next added column will get.
    pub fn column(&mut self) -> ColumnId {
        ColumnId(self.0.next_raw())
    }

    /// The id the next added constraint, index or new primary key will get.
    pub fn constraint(&mut self) -> ConstraintId {
        ConstraintId(self.0.next_raw())
    }
}

/// A new surrogate key column for `dialect`: `bigint` numbered by the dialect's identity
/// mechanism (`INTEGER` on SQLite, where only that spelling aliases the rowid), NOT NULL.
pub fn identity_column(dialect: crate::model::Dialect, name: &str) -> crate::model::Column {
    use crate::model::{Column, Dialect, Identity, IdentityKind};
    let (kind, identity) = match dialect {
        Dialect::Postgres => (TypeKind::BigInt, IdentityKind::ByDefault),
        Dialect::Sqlite => (TypeKind::Integer, IdentityKind::AutoIncrement),
        Dialect::Mysql | Dialect::Mssql => (TypeKind::BigInt, IdentityKind::AutoIncrement),
    };
    let mut column = Column::new(name, DataType::new(kind));
    column.nullable = false;
    column.identity = Some(Identity {
        kind: identity,
        start: None,
        increment: None,
    });
    column
}

/// A column with NOT NULL set, as a replace edit (for fixes).
pub fn set_not_null(table: &Table, column: ColumnId) -> Option<crate::model::Edit> {
    let mut column = table.column(column)?.clone();
    column.nullable = false;
    Some(crate::model::Edit::Table {
        table: table.id,
        change: crate::model::TableChange::ReplaceColumn(column),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_names() {
        assert!(glob_match("*_id", "customer_id"));
        assert!(glob_match("data", "DATA"));
        assert!(glob_match("fl?g", "flag"));
        assert!(!glob_match("*_id", "identity"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("a*b", "a_c"));
    }

    #[test]
    fn families_read_dialect_names() {
        let doc = Document::new();
        let other = |text: &str| DataType::new(TypeKind::Other(text.into()));
        assert_eq!(family(&doc, &other("money")), TypeFamily::Money);
        assert_eq!(family(&doc, &other("LONGTEXT")), TypeFamily::String);
        assert_eq!(
            family(&doc, &other("datetimeoffset(7)")),
            TypeFamily::Timestamp
        );
        assert_eq!(
            family(&doc, &DataType::new(TypeKind::Jsonb)),
            TypeFamily::Json
        );
        assert_eq!(family(&doc, &other("geometry")), TypeFamily::Other);
    }

    #[test]
    fn integer_widths_come_from_the_spelling_first() {
        let doc = Document::new();
        let mut tiny = DataType::new(TypeKind::SmallInt);
        tiny.original = Some("TINYINT(4)".into());
        assert_eq!(integer_bits(&doc, &tiny), Some(8));
        assert_eq!(
            integer_bits(&doc, &DataType::new(TypeKind::BigInt)),
            Some(64)
        );
        assert_eq!(integer_bits(&doc, &DataType::new(TypeKind::Text)), None);
    }
}
