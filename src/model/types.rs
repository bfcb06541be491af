//! Logical data types, independent of any SQL dialect.

use super::{EnumId, QualifiedName};

/// A column's data type: a logical kind with its parameters, array dimensions and, when the
/// type came from SQL, the original text as the dialect wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DataType {
    /// The logical kind and its parameters.
    pub kind: TypeKind,
    /// Number of array dimensions (`int[]` is 1, `int[][]` is 2); 0 for a scalar.
    pub array_dims: u8,
    /// The type exactly as the source dialect wrote it, kept when it has no logical mapping
    /// (then `kind` is [`TypeKind::Other`]) or when the mapping is lossy (`MEDIUMTEXT`).
    pub original: Option<String>,
}

impl DataType {
    /// A scalar of the given kind with no original text.
    pub fn new(kind: TypeKind) -> Self {
        Self {
            kind,
            array_dims: 0,
            original: None,
        }
    }

    /// The same type as an array with `dims` dimensions.
    #[must_use]
    pub fn array(mut self, dims: u8) -> Self {
        self.array_dims = dims;
        self
    }

    /// A short human-readable rendering, PostgreSQL-flavoured, for the canvas and messages.
    pub fn display(&self) -> String {
        let mut text = match &self.kind {
            TypeKind::Other(text) => text.clone(),
            kind => kind.display(),
        };
        for _ in 0..self.array_dims {
            text.push_str("[]");
        }
        text
    }
}

/// Whether an enum or domain reference points at a known object or is a name that did not
/// resolve (kept so the validator can report it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef<Id> {
    /// Points at an object of the document.
    Resolved(Id),
    /// A name that matched no object when it was read.
    Unresolved(QualifiedName),
}

/// The logical kind of a data type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeKind {
    /// 16-bit integer.
    SmallInt,
    /// 32-bit integer.
    Integer,
    /// 64-bit integer.
    BigInt,
    /// Exact decimal with optional precision and scale.
    Decimal {
        /// Total number of digits.
        precision: Option<u32>,
        /// Digits after the decimal point.
        scale: Option<u32>,
    },
    /// Single-precision floating point.
    Real,
    /// Double-precision floating point.
    Double,
    /// True or false.
    Boolean,
    /// Fixed-length character string.
    Char {
        /// Length in characters.
        length: Option<u32>,
    },
    /// Variable-length character string with an optional limit.
    Varchar {
        /// Maximum length in characters.
        length: Option<u32>,
    },
    /// Unbounded character string.
    Text,
    /// Binary string, optionally bounded.
    Binary {
        /// Maximum length in bytes.
        length: Option<u32>,
    },
    /// Calendar date.
    Date,
    /// Time of day.
    Time {
        /// Fractional-second digits.
        precision: Option<u32>,
        /// Whether the value carries a time zone.
        with_time_zone: bool,
    },
    /// Date and time.
    Timestamp {
        /// Fractional-second digits.
        precision: Option<u32>,
        /// Whether the value carries a time zone.
        with_time_zone: bool,
    },
    /// A span of time.
    Interval,
    /// Universally unique identifier.
    Uuid,
    /// JSON text.
    Json,
    /// Binary JSON (PostgreSQL `jsonb`).
    Jsonb,
    /// XML document.
    Xml,
    /// A user-defined enum type.
    Enum(TypeRef<EnumId>),
    /// A user-defined domain type.
    Domain(TypeRef<super::DomainId>),
    /// A type with no logical mapping: the dialect's text, verbatim.
    Other(String),
}

fn with_length(base: &str, length: Option<u32>) -> String {
    match length {
        Some(length) => format!("{base}({length})"),
        None => base.to_owned(),
    }
}

impl TypeKind {
    /// A short human-readable rendering, PostgreSQL-flavoured.
    pub fn display(&self) -> String {
        match self {
            Self::SmallInt => "smallint".into(),
            Self::Integer => "integer".into(),
            Self::BigInt => "bigint".into(),
            Self::Decimal { precision, scale } => match (precision, scale) {
                (Some(p), Some(s)) => format!("numeric({p},{s})"),
                (Some(p), None) => format!("numeric({p})"),
                _ => "numeric".into(),
            },
            Self::Real => "real".into(),
            Self::Double => "double".into(),
            Self::Boolean => "boolean".into(),
            Self::Char { length } => with_length("char", *length),
            Self::Varchar { length } => with_length("varchar", *length),
            Self::Text => "text".into(),
            Self::Binary { length } => with_length("binary", *length),
            Self::Date => "date".into(),
            Self::Time {
                precision,
                with_time_zone,
            } => with_length(if *with_time_zone { "timetz" } else { "time" }, *precision),
            Self::Timestamp {
                precision,
                with_time_zone,
            } => {
                let base = if *with_time_zone {
                    "timestamptz"
                } else {
                    "timestamp"
                };
                with_length(base, *precision)
            }
            Self::Interval => "interval".into(),
            Self::Uuid => "uuid".into(),
            Self::Json => "json".into(),
            Self::Jsonb => "jsonb".into(),
            Self::Xml => "xml".into(),
            Self::Enum(TypeRef::Unresolved(name)) | Self::Domain(TypeRef::Unresolved(name)) => {
                name.to_string()
            }
            Self::Enum(TypeRef::Resolved(id)) => id.to_string(),
            Self::Domain(TypeRef::Resolved(id)) => id.to_string(),
            Self::Other(text) => text.clone(),
        }
    }
}
