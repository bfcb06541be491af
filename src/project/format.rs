//! The on-disk structs of a `.schemata` project file (RON), separate from the model.
//!
//! References between objects are written as names, not ids, so files read well and merge
//! well: a foreign key says `references: "customers"`. Optional fields are left out when
//! empty, and every list is written in a deterministic order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The format version this build writes.
pub const CURRENT_VERSION: u32 = 2;

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_true(value: &bool) -> bool {
    *value
}

fn yes() -> bool {
    true
}

fn is_zero(value: &u8) -> bool {
    *value == 0
}

/// A possibly schema-qualified name: `"customers"` or `("sales", "customers")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NameFile {
    /// A name in the default schema.
    Plain(String),
    /// Schema and name.
    Qualified(String, String),
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    /// Format version; see [`CURRENT_VERSION`].
    pub format_version: u32,
    /// Target dialect name (`postgres`, `mysql`, `sqlite`, `mssql`).
    pub target: String,
    /// Declared schemas, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemas: Vec<SchemaFile>,
    /// Groups, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupFile>,
    /// Enum types, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enums: Vec<EnumFile>,
    /// Domains, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<DomainFile>,
    /// Sequences, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sequences: Vec<SequenceFile>,
    /// Tables, by schema and name.
    #[serde(default)]
    pub tables: Vec<TableFile>,
    /// Views, by schema and name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<ViewFile>,
    /// Verbatim statements, in source order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<StatementFile>,
    /// Sticky notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteFile>,
    /// Design-rule configuration, when anything differs from the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lint: Option<super::lint_file::LintFile>,
}

/// A schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemaFile {
    /// Name.
    pub name: String,
    /// Comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupFile {
    /// Label.
    pub name: String,
    /// `#rrggbb` or `#rrggbbaa`.
    pub color: String,
    /// Marked as a bounded context.
    #[serde(default, skip_serializing_if = "is_false")]
    pub bounded_context: bool,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// An enum type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumFile {
    /// Name.
    pub name: NameFile,
    /// Labels in order.
    pub values: Vec<String>,
    /// Comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainFile {
    /// Name.
    pub name: NameFile,
    /// Base type.
    #[serde(rename = "type")]
    pub base_type: TypeFile,
    /// Array dimensions of the base type.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub array: u8,
    /// NULL allowed.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub nullable: bool,
    /// Default expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Check expressions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
    /// Comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A sequence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SequenceFile {
    /// Name.
    pub name: NameFile,
    /// First value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<i64>,
    /// Step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increment: Option<i64>,
    /// Lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_value: Option<i64>,
    /// Upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_value: Option<i64>,
    /// Cached values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache: Option<i64>,
    /// Wraps around.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cycle: bool,
    /// Owning table and column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owned_by: Option<(NameFile, String)>,
}

/// A logical data type; enum and domain types are referenced by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)] // The variants mirror `model::TypeKind`.
pub enum TypeFile {
    SmallInt,
    Integer,
    BigInt,
    Decimal(Option<u32>, Option<u32>),
    Real,
    Double,
    Boolean,
    Char(Option<u32>),
    Varchar(Option<u32>),
    Text,
    Binary(Option<u32>),
    Date,
    Time(Option<u32>),
    TimeTz(Option<u32>),
    Timestamp(Option<u32>),
    TimestampTz(Option<u32>),
    Interval,
    Uuid,
    Json,
    Jsonb,
    Xml,
    Enum(NameFile),
    Domain(NameFile),
    Other(String),
}

/// A table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableFile {
    /// Name.
    pub name: String,
    /// Schema, when not the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Canvas position (x, y).
    pub position: (f32, f32),
    /// Group name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Shown collapsed (header only) on the canvas.
    #[serde(default, skip_serializing_if = "is_false")]
    pub collapsed: bool,
    /// Columns in order.
    pub columns: Vec<ColumnFile>,
    /// Primary key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<KeyFile>,
    /// Foreign keys.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign_keys: Vec<ForeignKeyFile>,
    /// Unique constraints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uniques: Vec<KeyFile>,
    /// Check constraints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckFile>,
    /// Indexes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<IndexFile>,
    /// Dialect options.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
}

/// A column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnFile {
    /// Name.
    pub name: String,
    /// Logical type.
    #[serde(rename = "type")]
    pub data_type: TypeFile,
    /// Array dimensions.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub array: u8,
    /// The type as the source dialect wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_type: Option<String>,
    /// NULL allowed.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub nullable: bool,
    /// Default expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Identity: `always`, `by_default`, `serial` or `auto_increment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<IdentityFile>,
    /// Generated expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<String>,
    /// Generated column is stored.
    #[serde(default, skip_serializing_if = "is_false")]
    pub stored: bool,
    /// Collation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<String>,
    /// Comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Automatic numbering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityFile {
    /// `always`, `by_default`, `serial` or `auto_increment`.
    pub kind: String,
    /// First value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<i64>,
    /// Step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increment: Option<i64>,
}

/// A primary key or unique constraint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    /// Constraint name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Column names.
    pub columns: Vec<String>,
}

/// A foreign key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignKeyFile {
    /// Constraint name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Referencing column names.
    pub columns: Vec<String>,
    /// Referenced table.
    pub references: NameFile,
    /// Referenced column names.
    pub referenced_columns: Vec<String>,
    /// `cascade`, `restrict`, `set_null`, `set_default` (absent: no action).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_delete: Option<String>,
    /// As `on_delete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_update: Option<String>,
    /// `deferrable` or `deferred` (absent: not deferrable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<String>,
}

/// A check constraint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckFile {
    /// Constraint name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Boolean expression.
    pub expression: String,
}

/// An index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexFile {
    /// Index name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Key parts.
    pub parts: Vec<IndexPartFile>,
    /// Unique index.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unique: bool,
    /// Partial-index predicate.
    #[serde(default, rename = "where", skip_serializing_if = "Option::is_none")]
    pub predicate: Option<String>,
    /// Access method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Included columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
}

/// One index key part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndexPartFile {
    /// Column, ascending.
    Column(String),
    /// Column, descending.
    ColumnDesc(String),
    /// Expression, ascending.
    Expression(String),
    /// Expression, descending.
    ExpressionDesc(String),
    /// The first `n` characters of a column, ascending (MySQL prefix index).
    Prefix(String, u32),
    /// The first `n` characters of a column, descending.
    PrefixDesc(String, u32),
}

/// A view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewFile {
    /// Name.
    pub name: NameFile,
    /// Query text.
    pub query: String,
    /// Materialized.
    #[serde(default, skip_serializing_if = "is_false")]
    pub materialized: bool,
    /// Tables read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<NameFile>,
    /// Comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A verbatim statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    /// Dialect name.
    pub dialect: String,
    /// SQL text.
    pub sql: String,
}

/// A sticky note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteFile {
    /// Text.
    pub text: String,
    /// Canvas position (x, y).
    pub position: (f32, f32),
    /// Table the note is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached_to: Option<NameFile>,
}
