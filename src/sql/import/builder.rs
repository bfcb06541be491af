//! The semantic pass: builds a document from parsed statements, in file order.
//!
//! Tables are looked up case-insensitively by name. Foreign keys are recorded with the
//! referenced table and columns as names and resolved once the whole file is read, so a key
//! may point at a table created further down; names that still match nothing stay
//! unresolved for the validator.

use std::collections::HashMap;
use std::sync::Arc;

use super::diagnostics::{Diagnostic, Severity};
use super::names;
use crate::model::*;

/// Where the statement being applied came from.
#[derive(Debug, Clone)]
pub struct Origin<'a> {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// The statement's text.
    pub text: &'a str,
}

/// Longest statement text kept in a diagnostic.
const STATEMENT_LIMIT: usize = 4000;

/// The statement text for a diagnostic, cut at a sensible length.
fn statement_excerpt(text: &str) -> String {
    if text.len() <= STATEMENT_LIMIT {
        return text.to_owned();
    }
    let mut end = STATEMENT_LIMIT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", text.get(..end).unwrap_or(""))
}

/// The document under construction and what was said about it.
pub struct Builder {
    /// The dialect being read.
    pub dialect: Dialect,
    /// The file name used in diagnostics and source locations.
    pub file: String,
    /// The document being built.
    pub doc: Document,
    /// Findings so far.
    pub diagnostics: Vec<Diagnostic>,
    tables: HashMap<String, TableId>,
    enums: HashMap<String, EnumId>,
    domains: HashMap<String, DomainId>,
    sequences: HashMap<String, SequenceId>,
}

impl Builder {
    /// An empty builder for one file.
    pub fn new(dialect: Dialect, file: &str) -> Self {
        let mut doc = Document::new();
        doc.target = dialect;
        Self {
            dialect,
            file: file.to_owned(),
            doc,
            diagnostics: Vec::new(),
            tables: HashMap::new(),
            enums: HashMap::new(),
            domains: HashMap::new(),
            sequences: HashMap::new(),
        }
    }

    /// A source location for an object defined by the current statement.
    pub fn source(&self, origin: &Origin) -> SourceLocation {
        SourceLocation {
            file: self.file.clone(),
            line: origin.line,
            column: origin.column,
        }
    }

    /// Records a finding about the current statement.
    pub fn report(&mut self, origin: &Origin, severity: Severity, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            severity,
            file: self.file.clone(),
            line: origin.line,
            column: origin.column,
            statement: statement_excerpt(origin.text),
            message: message.into(),
        });
    }

    /// A fresh id.
    pub fn next_id(&mut self) -> u64 {
        self.doc.ids.next_raw()
    }

    /// The table with this name, if it was created.
    pub fn table_id(&self, name: &QualifiedName) -> Option<TableId> {
        self.tables.get(&names::key(name)).copied().or_else(|| {
            // An unqualified reference finds a table in another schema when the name is unique
            // enough to be unambiguous (search_path is rarely just "public" in dumps).
            if name.schema.is_none() {
                None
            } else {
                self.tables.get(&name.name.to_lowercase()).copied()
            }
        })
    }

    /// Adds a table; a second table with the same name is reported and ignored.
    pub fn add_table(&mut self, mut table: Table, origin: &Origin) -> Option<TableId> {
        let key = names::key(&table.name);
        if self.tables.contains_key(&key) {
            self.report(
                origin,
                Severity::Warning,
                format!(
                    "table {} is created a second time; the first definition is kept",
                    table.name
                ),
            );
            return None;
        }
        let id = TableId(self.next_id());
        table.id = id;
        self.tables.insert(key, id);
        self.doc.tables.insert(id, Arc::new(table));
        Some(id)
    }

    /// Changes a table in place.
    pub fn table_mut(&mut self, id: TableId) -> Option<&mut Table> {
        self.doc.tables.get_mut(&id).map(Arc::make_mut)
    }

    /// The column `column` (matched case-insensitively) of the table named `table`.
    pub fn column_mut(&mut self, table: &QualifiedName, column: &str) -> Option<&mut Column> {
        let id = self.table_id(table)?;
        self.table_mut(id)?
            .columns
            .iter_mut()
            .find(|c| c.name.eq_ignore_ascii_case(column))
    }

    /// Removes a table (DROP TABLE).
    pub fn remove_table(&mut self, name: &QualifiedName) -> bool {
        match self.tables.remove(&names::key(name)) {
            Some(id) => {
                self.doc.tables.remove(&id);
                true
            }
            None => false,
        }
    }

    /// Registers an enum type.
    pub fn add_enum(&mut self, mut e: EnumType) {
        let id = EnumId(self.next_id());
        e.id = id;
        self.enums.entry(names::key(&e.name)).or_insert(id);
        self.doc.enums.insert(id, e);
    }

    /// Registers a domain.
    pub fn add_domain(&mut self, mut d: Domain) {
        let id = DomainId(self.next_id());
        d.id = id;
        self.domains.entry(names::key(&d.name)).or_insert(id);
        self.doc.domains.insert(id, d);
    }

    /// Registers a sequence.
    pub fn add_sequence(&mut self, mut s: Sequence) {
        let id = SequenceId(self.next_id());
        s.id = id;
        self.sequences.entry(names::key(&s.name)).or_insert(id);
        self.doc.sequences.insert(id, s);
    }

    /// The sequence with this name.
    pub fn sequence_mut(&mut self, name: &QualifiedName) -> Option<&mut Sequence> {
        let id = self.sequences.get(&names::key(name)).copied()?;
        self.doc.sequences.get_mut(&id)
    }

    /// Keeps a statement verbatim.
    pub fn passthrough(&mut self, sql: &str, origin: &Origin) {
        let id = PassthroughId(self.next_id());
        let source = Some(self.source(origin));
        let statement = Passthrough {
            id,
            dialect: self.dialect,
            sql: sql.to_owned(),
            source,
        };
        self.doc.passthrough.insert(id, statement);
    }

    /// A type written in the file, with enum and domain names resolved against what has been
    /// declared so far (and again at the end).
    pub fn data_type(&self, text: &str) -> DataType {
        let mut data_type = crate::sql::types::parse_type(text, self.dialect);
        self.resolve_type(&mut data_type);
        data_type
    }

    fn resolve_type(&self, data_type: &mut DataType) {
        let TypeKind::Other(text) = &data_type.kind else {
            return;
        };
        let name = names::qualified_from_text(text, self.dialect);
        let key = names::key(&name);
        if let Some(id) = self.enums.get(&key) {
            data_type.kind = TypeKind::Enum(TypeRef::Resolved(*id));
        } else if let Some(id) = self.domains.get(&key) {
            data_type.kind = TypeKind::Domain(TypeRef::Resolved(*id));
        }
    }

    /// Finishes the document: resolves foreign keys and late type references, marks primary
    /// key columns NOT NULL (as the engines do), and reports what stays unresolved.
    pub fn finish(mut self) -> (Document, Vec<Diagnostic>) {
        super::partitions::inherit_partition_keys(&mut self);
        let ids: Vec<TableId> = self.doc.tables.keys().copied().collect();
        for id in ids {
            let Some(mut table) = self.doc.table(id).cloned() else {
                continue;
            };
            for column in &mut table.columns {
                self.resolve_type(&mut column.data_type);
                // SQLite primary keys were settled with the table (they may hold NULL).
                if self.dialect != Dialect::Sqlite
                    && table
                        .primary_key
                        .as_ref()
                        .is_some_and(|pk| pk.columns.contains(&column.id))
                {
                    column.nullable = false;
                }
            }
            for fk in &mut table.foreign_keys {
                self.resolve_foreign_key(fk, &table.name, id);
            }
            self.doc.tables.insert(id, Arc::new(table));
        }
        (self.doc, self.diagnostics)
    }

    fn resolve_foreign_key(&mut self, fk: &mut ForeignKey, table: &QualifiedName, own: TableId) {
        let TableRef::Unresolved(target_name) = &fk.referenced_table else {
            return;
        };
        let Some(target_id) = self.table_id(target_name) else {
            let location = fk.source.clone();
            self.diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                file: self.file.clone(),
                line: location.as_ref().map_or(0, |l| l.line),
                column: location.as_ref().map_or(0, |l| l.column),
                statement: String::new(),
                message: format!(
                    "foreign key of {table} references table {target_name}, which is not in the file"
                ),
            });
            return;
        };
        let target = if target_id == own {
            None
        } else {
            self.doc.table(target_id)
        };
        let columns_of = |name: &str| -> Option<ColumnId> {
            let table = match target {
                Some(t) => t,
                None => self.doc.table(own)?,
            };
            table
                .columns
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(name))
                .map(|c| c.id)
        };
        let mut referenced: Vec<ColumnRef> = fk
            .referenced_columns
            .iter()
            .map(|c| match c {
                ColumnRef::Unresolved(name) => {
                    columns_of(name).map_or_else(|| c.clone(), ColumnRef::Resolved)
                }
                ColumnRef::Resolved(_) => c.clone(),
            })
            .collect();
        if referenced.is_empty() {
            // `REFERENCES t` without columns means t's primary key.
            let pk = match target {
                Some(t) => t.primary_key.clone(),
                None => self.doc.table(own).and_then(|t| t.primary_key.clone()),
            };
            referenced = pk
                .map(|pk| pk.columns.into_iter().map(ColumnRef::Resolved).collect())
                .unwrap_or_default();
        }
        fk.referenced_columns = referenced;
        fk.referenced_table = TableRef::Resolved(target_id);
    }
}
