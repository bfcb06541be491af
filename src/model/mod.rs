//! The schema document: everything a project holds, independent of GUI and SQL parser.
//!
//! Objects are stored in `BTreeMap`s keyed by their typed id, so iteration order is creation
//! order and deterministic. Tables sit behind [`Arc`] so that snapshots for undo share every
//! table an edit did not touch.

mod cardinality;
mod dialect;
pub mod edit;
mod ids;
mod lint_config;
mod objects;
mod table;
mod types;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

pub use cardinality::Cardinality;
pub use dialect::{Dialect, UnknownDialect};
pub use edit::{Applied, Constraint, Edit, EditError, Object, ObjectId, TableChange, apply};
pub use ids::*;
pub use lint_config::{LintConfig, RuleSetting, Severity, Suppression};
pub use objects::*;
pub use table::*;
pub use types::*;

/// A possibly schema-qualified object name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct QualifiedName {
    /// Schema (namespace); `None` is the dialect's default schema.
    pub schema: Option<String>,
    /// Object name.
    pub name: String,
}

impl QualifiedName {
    /// A name in the default schema.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            schema: None,
            name: name.into(),
        }
    }

    /// A name in the given schema.
    pub fn qualified(schema: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            schema: Some(schema.into()),
            name: name.into(),
        }
    }

    /// Parses `name` or `schema.name` (no quoting rules: the first dot separates).
    pub fn parse(text: &str) -> Self {
        match text.split_once('.') {
            Some((schema, name)) => Self::qualified(schema, name),
            None => Self::new(text),
        }
    }
}

impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.schema {
            Some(schema) => write!(f, "{schema}.{}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// Where an object was read from: file, 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceLocation {
    /// The file name as the user gave it.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

impl fmt::Display for SourceLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// A point on the canvas, in world units (1 unit = 1 logical pixel at 100% zoom).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Position {
    /// Horizontal, growing to the right.
    pub x: f32,
    /// Vertical, growing downwards.
    pub y: f32,
}

impl Position {
    /// A position from coordinates.
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// The whole schema design.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The dialect DDL is written for by default.
    pub target: Dialect,
    /// Declared schemas (namespaces).
    pub namespaces: BTreeMap<NamespaceId, Namespace>,
    /// Tables, shared with undo snapshots until changed.
    pub tables: BTreeMap<TableId, Arc<Table>>,
    /// Enum types.
    pub enums: BTreeMap<EnumId, EnumType>,
    /// Domain types.
    pub domains: BTreeMap<DomainId, Domain>,
    /// Sequences.
    pub sequences: BTreeMap<SequenceId, Sequence>,
    /// Views.
    pub views: BTreeMap<ViewId, View>,
    /// Statements kept verbatim, in the order they were read.
    pub passthrough: BTreeMap<PassthroughId, Passthrough>,
    /// Groups (subject areas, bounded contexts).
    pub groups: BTreeMap<GroupId, Group>,
    /// Sticky notes.
    pub notes: BTreeMap<NoteId, Note>,
    /// Design-rule configuration (enabled rules, severities, options, suppressions).
    pub lint: LintConfig,
    /// Source of fresh ids.
    pub ids: IdAllocator,
}

impl Document {
    /// An empty document targeting PostgreSQL.
    pub fn new() -> Self {
        Self::default()
    }

    /// Looks a table up by id.
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.get(&id).map(Arc::as_ref)
    }

    /// Finds the first table with exactly this schema and name.
    pub fn table_named(&self, name: &QualifiedName) -> Option<&Table> {
        self.tables
            .values()
            .map(Arc::as_ref)
            .find(|t| &t.name == name)
    }

    /// Finds the first enum with exactly this schema and name.
    pub fn enum_named(&self, name: &QualifiedName) -> Option<&EnumType> {
        self.enums.values().find(|e| &e.name == name)
    }

    /// Finds the first domain with exactly this schema and name.
    pub fn domain_named(&self, name: &QualifiedName) -> Option<&Domain> {
        self.domains.values().find(|d| &d.name == name)
    }

    /// The table a foreign key points at, when it resolved.
    pub fn referenced_table(&self, fk: &ForeignKey) -> Option<&Table> {
        match &fk.referenced_table {
            TableRef::Resolved(id) => self.table(*id),
            TableRef::Unresolved(_) => None,
        }
    }

    /// The display name of a data type, with enum and domain names resolved.
    pub fn type_display(&self, data_type: &DataType) -> String {
        let base = match &data_type.kind {
            TypeKind::Enum(TypeRef::Resolved(id)) => self
                .enums
                .get(id)
                .map_or_else(|| id.to_string(), |e| e.name.to_string()),
            TypeKind::Domain(TypeRef::Resolved(id)) => self
                .domains
                .get(id)
                .map_or_else(|| id.to_string(), |d| d.name.to_string()),
            _ => return data_type.display(),
        };
        let mut text = base;
        for _ in 0..data_type.array_dims {
            text.push_str("[]");
        }
        text
    }

    /// Number of columns over all tables.
    pub fn column_count(&self) -> usize {
        self.tables.values().map(|t| t.columns.len()).sum()
    }

    /// Number of foreign keys over all tables.
    pub fn foreign_key_count(&self) -> usize {
        self.tables.values().map(|t| t.foreign_keys.len()).sum()
    }
}
