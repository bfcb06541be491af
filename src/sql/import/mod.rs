//! SQL DDL import: split the file, parse each statement, build a document, report.
//!
//! The splitter knows each dialect's lexical rules and sets data (COPY, INSERT) and session
//! noise aside; sqlparser parses the remaining statements (on all cores); the builder turns
//! them into model objects in file order. A statement that cannot be parsed or represented
//! becomes a diagnostic and is kept verbatim, so nothing is lost silently. sqlparser's AST
//! never leaves this module.

mod alter;
mod builder;
mod classify;
mod create_table;
mod detect;
mod diagnostics;
mod fallback;
mod locate;
mod names;
mod objects;
mod partial_unique;
mod partitions;
mod schema_elements;
pub mod splitter;
mod tsql;
mod tsql_apply;
mod tsql_rewrite;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use sqlparser::ast::{ObjectType, Statement};
use sqlparser::dialect::{
    Dialect as ParserDialect, MsSqlDialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect,
};
use sqlparser::parser::Parser;

pub use classify::leading_words;
pub use detect::detect;
pub use diagnostics::{Diagnostic, Severity};

use crate::model::{Dialect, Document};
use builder::{Builder, Origin};
use classify::{Disposition, classify};
use fallback::Prepared;
use splitter::StatementKind;

/// Counts of what the importer found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportStats {
    /// Statements in the file.
    pub statements: usize,
    /// Data statements (COPY blocks, INSERTs) skipped.
    pub data: usize,
    /// Statements kept verbatim.
    pub passthrough: usize,
    /// Session statements skipped quietly.
    pub skipped: usize,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The schema as read.
    pub doc: Document,
    /// The dialect the file was read as.
    pub dialect: Dialect,
    /// Why that dialect, when it was detected rather than given.
    pub detected: Option<String>,
    /// Findings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts.
    pub stats: ImportStats,
}

enum Parsed {
    Skip,
    ExtendedProperty,
    Data,
    Passthrough,
    Ast(Vec<Statement>, Vec<partial_unique::PartialUnique>),
    Failed(String),
}

fn parser_dialect(dialect: Dialect) -> Box<dyn ParserDialect> {
    match dialect {
        Dialect::Postgres => Box::new(PostgreSqlDialect {}),
        Dialect::Mysql => Box::new(MySqlDialect {}),
        Dialect::Sqlite => Box::new(SQLiteDialect {}),
        Dialect::Mssql => Box::new(MsSqlDialect {}),
    }
}

fn parse_one(
    statement: &splitter::Statement<'_>,
    dialect: Dialect,
    parser: &dyn ParserDialect,
) -> Parsed {
    match statement.kind {
        StatementKind::Data => return Parsed::Data,
        StatementKind::Meta => return Parsed::Skip,
        StatementKind::Sql => {}
    }
    match classify(&statement.text, dialect) {
        Disposition::Skip => Parsed::Skip,
        Disposition::Data => Parsed::Data,
        Disposition::Passthrough => Parsed::Passthrough,
        Disposition::ExtendedProperty => Parsed::ExtendedProperty,
        Disposition::Parse => match fallback::prepare(&statement.text, dialect) {
            Prepared::Skip => Parsed::Skip,
            Prepared::Parse(texts, partials) => {
                let mut ast = Vec::new();
                for text in texts {
                    let parsed = Parser::new(parser)
                        .with_recursion_limit(200)
                        .try_with_sql(&text)
                        .and_then(|mut p| p.parse_statements());
                    match parsed {
                        Ok(nodes) => ast.extend(nodes),
                        Err(err) => return Parsed::Failed(err.to_string()),
                    }
                }
                Parsed::Ast(ast, partials)
            }
        },
    }
}

/// Parses every statement, spreading the work over the available cores (rayon's pool, whose
/// threads live on between imports).
fn parse_all(
    statements: &[splitter::Statement<'_>],
    dialect: Dialect,
    progress: &ImportProgress,
) -> Vec<Parsed> {
    use rayon::prelude::*;
    statements
        .par_iter()
        .with_min_len(4)
        .map_init(
            || parser_dialect(dialect),
            |parser, s| {
                if progress.is_cancelled() {
                    return Parsed::Skip;
                }
                progress.advance(s.text.len());
                parse_one(s, dialect, parser.as_ref())
            },
        )
        .collect()
}

/// Progress of an import running on another thread, and the way to cancel it.
#[derive(Debug, Default)]
pub struct ImportProgress {
    total: AtomicUsize,
    done: AtomicUsize,
    cancelled: AtomicBool,
}

impl ImportProgress {
    /// A fresh progress tracker.
    pub fn new() -> Self {
        Self::default()
    }

    /// The share of the work done, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f32 / total as f32).min(1.0)
    }

    /// Asks the import to stop as soon as it can.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the import was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn advance(&self, bytes: usize) {
        self.done.fetch_add(bytes, Ordering::Relaxed);
    }
}

/// Imports SQL text. `dialect` forces the dialect; without it the dialect is detected.
pub fn import_sql(source: &str, file: &str, dialect: Option<Dialect>) -> Imported {
    let progress = ImportProgress::new();
    import_sql_with_progress(source, file, dialect, &progress).unwrap_or_else(|| Imported {
        doc: Document::new(),
        dialect: dialect.unwrap_or_default(),
        detected: None,
        diagnostics: Vec::new(),
        stats: ImportStats::default(),
    })
}

/// Imports SQL text, reporting progress (by bytes of statements parsed) and stopping when
/// cancelled, in which case nothing is returned.
pub fn import_sql_with_progress(
    source: &str,
    file: &str,
    dialect: Option<Dialect>,
    progress: &ImportProgress,
) -> Option<Imported> {
    progress.total.store(source.len().max(1), Ordering::Relaxed);
    let (dialect, detected) = match dialect {
        Some(d) => (d, None),
        None => {
            let (d, reason) = detect(source);
            (d, Some(reason))
        }
    };
    let statements = match dialect {
        Dialect::Mssql => tsql::split(source),
        _ => splitter::split(source, dialect),
    };
    // Splitting is fast; data the splitter set aside counts as done.
    let statement_bytes: usize = statements
        .iter()
        .filter(|s| s.kind == StatementKind::Sql)
        .map(|s| s.text.len())
        .sum();
    progress.advance(source.len().saturating_sub(statement_bytes));
    let parsed = parse_all(&statements, dialect, progress);
    if progress.is_cancelled() {
        return None;
    }
    let mut b = Builder::new(dialect, file);
    let mut stats = ImportStats {
        statements: statements.len(),
        ..ImportStats::default()
    };
    for (statement, parsed) in statements.iter().zip(parsed) {
        let origin = Origin {
            line: statement.line,
            column: statement.column,
            text: &statement.text,
        };
        match parsed {
            Parsed::Skip => stats.skipped += 1,
            Parsed::ExtendedProperty => {
                tsql_apply::extended_property(&mut b, &statement.text, &origin);
            }
            Parsed::Data => stats.data += 1,
            Parsed::Passthrough => {
                stats.passthrough += 1;
                b.passthrough(&statement.text, &origin);
            }
            Parsed::Ast(ast, partials) => {
                for node in &ast {
                    if !apply(&mut b, node, &statement.text, &origin) {
                        stats.passthrough += 1;
                    }
                    if let Statement::CreateTable(create) = node
                        && !partials.is_empty()
                    {
                        let name = names::qualified(&create.name, dialect);
                        partial_unique::apply(&mut b, &name, &partials, &origin);
                    }
                }
            }
            Parsed::Failed(reason) => {
                if !fallback::handle_unparsed(&mut b, &statement.text, &origin) {
                    stats.passthrough += 1;
                    b.report(
                        &origin,
                        Severity::Warning,
                        format!("could not be read ({reason}); kept verbatim"),
                    );
                    b.passthrough(&statement.text, &origin);
                }
            }
        }
    }
    let (doc, diagnostics) = b.finish();
    let mut imported = Imported {
        doc,
        dialect,
        detected,
        diagnostics,
        stats,
    };
    post::mark_serial_columns(&mut imported.doc);
    post::link_history_tables(&mut imported.doc);
    post::check_types(&mut imported);
    Some(imported)
}

mod post;

/// Applies one parsed statement; returns false when it was kept verbatim instead.
fn apply(b: &mut Builder, statement: &Statement, sql: &str, origin: &Origin) -> bool {
    match statement {
        Statement::CreateTable(create) => create_table::create_table(b, create, origin),
        Statement::AlterTable(alter) => alter::alter_table(b, alter, origin),
        Statement::CreateIndex(index) => alter::create_index(b, index, origin),
        Statement::Comment {
            object_type,
            object_name,
            comment,
            ..
        } => {
            alter::comment(b, *object_type, object_name, comment.as_ref(), origin);
        }
        Statement::CreateType {
            name,
            representation,
        } => {
            objects::create_type(b, name, representation.as_ref(), sql, origin);
        }
        Statement::CreateDomain(domain) => objects::create_domain(b, domain, origin),
        Statement::CreateVirtualTable {
            name,
            module_name,
            module_args,
            ..
        } => {
            create_table::create_virtual_table(b, name, module_name, module_args, origin);
        }
        Statement::CreateSequence {
            name,
            sequence_options,
            ..
        } => objects::create_sequence(b, name, sequence_options, origin),
        Statement::CreateView(view) => objects::create_view(b, view, origin),
        Statement::CreateSchema { schema_name, .. } => objects::create_schema(b, schema_name),
        Statement::Drop {
            object_type: ObjectType::Table,
            names,
            ..
        } => alter::drop_tables(b, names),
        Statement::Drop { .. }
        | Statement::CreateDatabase { .. }
        | Statement::AlterIndex { .. } => {}
        _ => {
            b.passthrough(sql, origin);
            return false;
        }
    }
    true
}
