//! Schema objects other than tables, and diagram-only objects (groups, notes).

use super::{
    DataType, Dialect, DomainId, EnumId, GroupId, NamespaceId, NoteId, PassthroughId, Position,
    QualifiedName, SequenceId, SourceLocation, TableId, ViewId,
};

/// A database schema (namespace), e.g. from `CREATE SCHEMA`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namespace {
    /// Stable id.
    pub id: NamespaceId,
    /// Schema name.
    pub name: String,
    /// Free-text comment.
    pub comment: Option<String>,
}

/// An enum type (`CREATE TYPE ... AS ENUM`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumType {
    /// Stable id.
    pub id: EnumId,
    /// Schema and name.
    pub name: QualifiedName,
    /// Labels in declared order.
    pub values: Vec<String>,
    /// Free-text comment.
    pub comment: Option<String>,
    /// Where it was defined in imported SQL.
    pub source: Option<SourceLocation>,
}

/// A domain: a named base type with optional constraints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    /// Stable id.
    pub id: DomainId,
    /// Schema and name.
    pub name: QualifiedName,
    /// Underlying type.
    pub base_type: DataType,
    /// Whether NULL is allowed.
    pub nullable: bool,
    /// Default expression.
    pub default: Option<String>,
    /// Check expressions (`VALUE > 0`).
    pub checks: Vec<String>,
    /// Free-text comment.
    pub comment: Option<String>,
    /// Where it was defined in imported SQL.
    pub source: Option<SourceLocation>,
}

/// A sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequence {
    /// Stable id.
    pub id: SequenceId,
    /// Schema and name.
    pub name: QualifiedName,
    /// First value.
    pub start: Option<i64>,
    /// Step.
    pub increment: Option<i64>,
    /// Lower bound.
    pub min_value: Option<i64>,
    /// Upper bound.
    pub max_value: Option<i64>,
    /// Number of values cached.
    pub cache: Option<i64>,
    /// Whether it wraps around.
    pub cycle: bool,
    /// `OWNED BY table.column`, as names (resolved by the consumer).
    pub owned_by: Option<(QualifiedName, String)>,
    /// Where it was defined in imported SQL.
    pub source: Option<SourceLocation>,
}

/// A view or materialized view, kept as SQL text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Stable id.
    pub id: ViewId,
    /// Schema and name.
    pub name: QualifiedName,
    /// The query (`SELECT ...`) as written.
    pub query: String,
    /// Materialized view.
    pub materialized: bool,
    /// Tables the query reads, as names (resolved against the document when needed).
    pub depends_on: Vec<QualifiedName>,
    /// Free-text comment.
    pub comment: Option<String>,
    /// Where it was defined in imported SQL.
    pub source: Option<SourceLocation>,
}

/// A statement the model cannot represent (function, trigger, grant, ...), kept verbatim so
/// export can emit it again for the same dialect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passthrough {
    /// Stable id.
    pub id: PassthroughId,
    /// The dialect the statement is written in.
    pub dialect: Dialect,
    /// The statement text, verbatim.
    pub sql: String,
    /// Where it was read from.
    pub source: Option<SourceLocation>,
}

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Alpha (255 is opaque).
    pub a: u8,
}

impl Color {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    /// `#rrggbb` or `#rrggbbaa`.
    pub fn to_hex(self) -> String {
        if self.a == 255 {
            format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            format!("#{:02x}{:02x}{:02x}{:02x}", self.r, self.g, self.b, self.a)
        }
    }

    /// Parses `#rrggbb` or `#rrggbbaa`.
    pub fn from_hex(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        match hex.len() {
            6 => Some(Self::rgb(byte(0)?, byte(2)?, byte(4)?)),
            8 => Some(Self {
                r: byte(0)?,
                g: byte(2)?,
                b: byte(4)?,
                a: byte(6)?,
            }),
            _ => None,
        }
    }
}

/// A subject area on the canvas, optionally a bounded context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Stable id.
    pub id: GroupId,
    /// Label shown on the canvas.
    pub name: String,
    /// Fill colour of the region.
    pub color: Color,
    /// Whether the group is a bounded context (tables in different contexts should not share
    /// foreign keys).
    pub bounded_context: bool,
    /// Free-text description.
    pub comment: Option<String>,
}

/// A sticky note on the canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Stable id.
    pub id: NoteId,
    /// The note's text.
    pub text: String,
    /// Top-left corner in world units.
    pub position: Position,
    /// Optional table the note is about.
    pub attached_to: Option<TableId>,
}
