//! SQL DDL export: writes the model as a script a real engine accepts.
//!
//! One [`DdlWriter`] per dialect shares the statement shapes through the trait's default
//! methods and overrides what differs. [`script`] puts the statements in dependency order
//! (schemas, types, sequences, tables, foreign keys, indexes, views, comments, verbatim
//! statements); [`order`] sorts tables and views with petgraph and breaks foreign-key cycles.
//! Anything the target cannot express exactly becomes a [`Warning`] naming the object.

mod columns;
mod expr;
mod mssql;
mod mysql;
mod names;
mod order;
mod postgres;
pub mod quote;
mod reflow;
mod reserved;
mod script;
mod sqlite;
mod tokens;
mod types;
mod writer;

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt;

use crate::model::{
    Column, ConstraintId, Dialect, Document, Identity, IdentityKind, QualifiedName, TableId,
};

pub use reserved::is_reserved;
pub use writer::DdlWriter;

/// A portability note: something the target dialect cannot express exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The object concerned, e.g. `table orders` or `index orders.orders_open_idx`.
    pub object: String,
    /// What was changed or left out, and why.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.object, self.message)
    }
}

/// The result of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The DDL script.
    pub sql: String,
    /// Portability warnings, in script order.
    pub warnings: Vec<Warning>,
}

/// What to export.
#[derive(Debug, Clone, Default)]
pub enum Scope {
    /// The whole document.
    #[default]
    Document,
    /// Only these tables with their keys, indexes and comments (for a preview of a selection).
    Tables(Vec<TableId>),
}

/// The writer for a dialect.
pub fn writer(dialect: Dialect) -> &'static dyn DdlWriter {
    match dialect {
        Dialect::Postgres => &postgres::Postgres,
        Dialect::Mysql => &mysql::Mysql,
        Dialect::Sqlite => &sqlite::Sqlite,
        Dialect::Mssql => &mssql::Mssql,
    }
}

/// Writes the whole document as DDL for `dialect`.
pub fn export(doc: &Document, dialect: Dialect) -> Exported {
    export_scope(doc, dialect, &Scope::Document)
}

/// Writes part or all of the document as DDL for `dialect`.
pub fn export_scope(doc: &Document, dialect: Dialect, scope: &Scope) -> Exported {
    let cx = Context::new(doc, dialect);
    let sql = script::write(writer(dialect), &cx, scope);
    Exported {
        sql,
        warnings: cx.warnings.into_inner(),
    }
}

/// Everything a writer needs to know while writing one script.
pub struct Context<'a> {
    /// The document being written.
    pub doc: &'a Document,
    /// The target dialect.
    pub dialect: Dialect,
    /// Whether the document's verbatim texts (types, expressions, views) are already written
    /// in the target dialect, so they can be used as they are.
    pub same: bool,
    /// Non-default schemas the document uses.
    pub schemas: BTreeSet<String>,
    /// Whether non-default schemas become name prefixes (`sales.orders` → `sales_orders`).
    pub prefix_schemas: bool,
    /// Final names of indexes and constraints that had to be renamed (collisions, length).
    pub renamed: HashMap<ConstraintId, String>,
    /// Warnings collected while writing.
    pub warnings: RefCell<Vec<Warning>>,
}

impl<'a> Context<'a> {
    /// Prepares writing `doc` for `dialect`.
    pub fn new(doc: &'a Document, dialect: Dialect) -> Self {
        let mut schemas: BTreeSet<String> = doc
            .tables
            .values()
            .filter_map(|t| t.name.schema.clone())
            .chain(doc.namespaces.values().map(|n| n.name.clone()))
            .chain(doc.views.values().filter_map(|v| v.name.schema.clone()))
            .chain(doc.enums.values().filter_map(|e| e.name.schema.clone()))
            .chain(doc.sequences.values().filter_map(|s| s.name.schema.clone()))
            .collect();
        schemas.retain(|s| !is_default_schema(s, dialect) && !is_default_schema(s, doc.target));
        let mut cx = Self {
            doc,
            dialect,
            same: doc.target == dialect,
            schemas,
            prefix_schemas: matches!(dialect, Dialect::Mysql | Dialect::Sqlite),
            renamed: HashMap::new(),
            warnings: RefCell::new(Vec::new()),
        };
        cx.renamed = names::unique_names(&cx);
        if cx.prefix_schemas {
            for schema in &cx.schemas {
                cx.warn(
                    format!("schema {schema}"),
                    format!(
                        "{} has no schemas inside a database: objects of {schema} are written with the name prefix {schema}_",
                        dialect.display_name()
                    ),
                );
            }
        }
        cx
    }

    /// Records a warning.
    pub fn warn(&self, object: impl Into<String>, message: impl Into<String>) {
        self.warnings.borrow_mut().push(Warning {
            object: object.into(),
            message: message.into(),
        });
    }

    /// The expression context for translating text from the document's dialect.
    pub fn expr(&self) -> expr::ExprContext<'_> {
        expr::ExprContext {
            from: self.doc.target,
            to: self.dialect,
            schemas: &self.schemas,
            prefix_schemas: self.prefix_schemas,
        }
    }

    /// Translates an expression into the target, or says why it cannot be.
    pub fn translate(&self, text: &str) -> Result<String, String> {
        expr::translate(text, &self.expr())
    }

    /// A possibly qualified name as the target writes it.
    pub fn name(&self, name: &QualifiedName) -> String {
        match &name.schema {
            Some(schema) if self.schemas.contains(schema) => {
                if self.prefix_schemas {
                    quote::ident(&format!("{schema}_{}", name.name), self.dialect)
                } else {
                    format!(
                        "{}.{}",
                        quote::ident(schema, self.dialect),
                        quote::ident(&name.name, self.dialect)
                    )
                }
            }
            _ => quote::ident(&name.name, self.dialect),
        }
    }

    /// How the column is numbered in the target: its identity, or — when writing for another
    /// dialect — a default drawn from a sequence (`nextval(...)`, `NEXT VALUE FOR ...`), which
    /// becomes the target's own numbering.
    pub fn numbering(&self, column: &Column) -> Option<Identity> {
        if column.identity.is_some() || self.same {
            return column.identity;
        }
        column
            .default
            .as_deref()
            .is_some_and(is_sequence_default)
            .then_some(Identity {
                kind: IdentityKind::ByDefault,
                start: None,
                increment: None,
            })
    }

    /// Whether a sequence is the numbering behind some column default or owned by a column,
    /// so that leaving it out loses nothing where columns number themselves.
    pub fn sequence_feeds_a_column(&self, sequence: &QualifiedName) -> bool {
        let name = sequence.name.to_ascii_lowercase();
        self.doc.tables.values().any(|t| {
            t.columns.iter().any(|c| {
                c.default.as_deref().is_some_and(|d| {
                    is_sequence_default(d) && d.to_ascii_lowercase().contains(&name)
                })
            })
        })
    }

    /// A bare identifier as the target writes it.
    pub fn ident(&self, name: &str) -> String {
        quote::ident(name, self.dialect)
    }
}

/// Whether a default expression draws from a sequence.
pub fn is_sequence_default(default: &str) -> bool {
    let lower = default.to_ascii_lowercase();
    lower.contains("nextval(") || lower.contains("next value for")
}

/// Whether `schema` is the dialect's default schema (or any dialect's, for names that came
/// from another dialect).
pub fn is_default_schema(schema: &str, dialect: Dialect) -> bool {
    let lower = schema.to_ascii_lowercase();
    match dialect {
        Dialect::Postgres => lower == "public",
        Dialect::Mssql => lower == "dbo",
        Dialect::Sqlite => lower == "main",
        Dialect::Mysql => false,
    }
}

#[cfg(test)]
mod tests;
