//! What a rule sees: the document, the target dialect, the project's options, and facts
//! about the whole schema computed once per validation run.

use std::any::Any;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::model::{Column, Dialect, Document, LintConfig, Table, TableId, TableRef};
use crate::sql::export::is_default_schema;

use super::memo::Memo;
use super::naming::fingerprint::Fast;
use super::naming::glob::Patterns;
use super::{RuleMeta, Subject};

/// Facts about the whole document that per-table rules need, rebuilt on every run (cheap:
/// one pass over tables and foreign keys).
#[derive(Debug, Default)]
pub struct Facts {
    /// Tables by lower-case name (without schema).
    pub tables_by_name: HashMap<String, Vec<TableId>, BuildHasherDefault<Fast>>,
    /// For each table, the tables whose foreign keys point at it (once per key).
    pub referenced_by: HashMap<TableId, Vec<TableId>, BuildHasherDefault<Fast>>,
    /// Values derived from the configuration, computed once per run.
    memo: Memo,
}

impl Facts {
    /// Computes the facts of a document.
    pub fn of(doc: &Document) -> Self {
        let mut facts = Self::default();
        facts.tables_by_name.reserve(doc.tables.len());
        facts.referenced_by.reserve(doc.tables.len());
        for table in doc.tables.values() {
            facts
                .tables_by_name
                .entry(table.name.name.to_lowercase())
                .or_default()
                .push(table.id);
            for fk in &table.foreign_keys {
                if let TableRef::Resolved(target) = fk.referenced_table {
                    facts
                        .referenced_by
                        .entry(target)
                        .or_default()
                        .push(table.id);
                }
            }
        }
        facts
    }

    /// The tables whose foreign keys point at `table` (with repeats for several keys).
    pub fn referrers(&self, table: TableId) -> &[TableId] {
        self.referenced_by.get(&table).map_or(&[], Vec::as_slice)
    }

    /// Tables with this name, compared case-insensitively, in any schema.
    pub fn tables_named(&self, name: &str) -> &[TableId] {
        const SHORT: usize = 64;
        let found = if name.is_ascii() && name.len() <= SHORT {
            let mut buffer = [0u8; SHORT];
            let lower = &mut buffer[..name.len()];
            lower.copy_from_slice(name.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower)
                .ok()
                .and_then(|lower| self.tables_by_name.get(lower))
        } else {
            self.tables_by_name.get(&name.to_lowercase())
        };
        found.map_or(&[], Vec::as_slice)
    }
}

/// A parsed list option, as stored in the memo.
struct OptionList(Vec<String>);

/// A compiled pattern option, as stored in the memo.
struct OptionPatterns(Patterns);

/// Everything a rule may read while it checks.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The design.
    pub doc: &'a Document,
    /// The dialect DDL is meant for (the project's target, or `--to`).
    pub dialect: Dialect,
    /// Whole-schema facts.
    pub facts: &'a Facts,
    config: &'a LintConfig,
}

impl<'a> Context<'a> {
    /// A context for checking `doc` against `dialect`.
    pub fn new(doc: &'a Document, dialect: Dialect, facts: &'a Facts) -> Self {
        Self {
            doc,
            dialect,
            facts,
            config: &doc.lint,
        }
    }

    /// The value of a rule option: the project's, or the rule's default (empty when the rule
    /// declares no such option).
    pub fn option(&self, meta: &RuleMeta, name: &str) -> &'a str {
        if let Some(value) = self
            .config
            .rule(meta.id)
            .and_then(|setting| setting.options.get(name))
        {
            return value.as_str();
        }
        meta.options
            .iter()
            .find(|o| o.name == name)
            .map_or("", |o| o.default)
    }

    /// A numeric option; the default when the project's value is not a number.
    pub fn option_number(&self, meta: &RuleMeta, name: &str) -> usize {
        let default = || {
            meta.options
                .iter()
                .find(|o| o.name == name)
                .and_then(|o| o.default.trim().parse().ok())
                .unwrap_or(0)
        };
        self.option(meta, name)
            .trim()
            .parse()
            .unwrap_or_else(|_| default())
    }

    /// A value derived only from the project's configuration and the dialect (a parsed
    /// option, a compiled pattern list), computed on first use and shared for the rest of the
    /// run. `name` tells apart the values of one rule; so does the type.
    pub fn memo<T: Any + Send + Sync>(
        &self,
        meta: &RuleMeta,
        name: &'static str,
        make: impl FnOnce() -> T,
    ) -> &'a T {
        self.facts.memo.get(meta.id, name, make)
    }

    /// A list option (comma-separated), trimmed, lower-case, empty items left out; parsed
    /// once per run.
    pub fn option_list(&self, meta: &RuleMeta, name: &'static str) -> &'a [String] {
        let list = self.memo(meta, name, || {
            OptionList(
                self.option(meta, name)
                    .split(',')
                    .map(|item| item.trim().to_lowercase())
                    .filter(|item| !item.is_empty())
                    .collect(),
            )
        });
        &list.0
    }

    /// A list option of name patterns (`*` and `?`), compiled once per run.
    pub fn option_patterns(&self, meta: &RuleMeta, name: &'static str) -> &'a Patterns {
        &self
            .memo(meta, name, || {
                OptionPatterns(Patterns::new(self.option_list(meta, name)))
            })
            .0
    }

    /// A yes/no option (`true`, `yes`, `on`, `1` are yes).
    pub fn option_flag(&self, meta: &RuleMeta, name: &str) -> bool {
        matches!(
            self.option(meta, name).trim().to_ascii_lowercase().as_str(),
            "true" | "yes" | "on" | "1"
        )
    }

    /// Whether a rule runs under the project's configuration.
    pub fn rule_enabled(&self, meta: &RuleMeta) -> bool {
        super::engine::is_enabled(self.doc, meta)
    }

    /// A table's name for messages: `name`, or `schema.name` when the schema is not the
    /// dialect's default.
    pub fn table_label(&self, table: &Table) -> String {
        match &table.name.schema {
            Some(schema) if !is_default_schema(schema, self.dialect) => {
                format!("{schema}.{}", table.name.name)
            }
            _ => table.name.name.clone(),
        }
    }

    /// A column's name for messages: `table.column`.
    pub fn column_label(&self, table: &Table, column: &Column) -> String {
        format!("{}.{}", self.table_label(table), column.name)
    }

    /// The object a subject names, as written in messages and suppressions.
    pub fn subject_label(&self, subject: Subject) -> String {
        subject_label(self.doc, self.dialect, subject)
    }

    /// The table with this id.
    pub fn table(&self, id: TableId) -> Option<&'a Table> {
        self.doc.table(id)
    }
}

/// The object a subject names: `table`, `schema.table`, `table.column`,
/// `table.constraint_name`, or the name of an enum, domain or view.
pub fn subject_label(doc: &Document, dialect: Dialect, subject: Subject) -> String {
    let table_label = |table: &Table| match &table.name.schema {
        Some(schema) if !is_default_schema(schema, dialect) => {
            format!("{schema}.{}", table.name.name)
        }
        _ => table.name.name.clone(),
    };
    match subject {
        Subject::Document => String::new(),
        Subject::Table(t) => doc.table(t).map(table_label).unwrap_or_default(),
        Subject::Column(t, c) => doc
            .table(t)
            .and_then(|table| {
                let column = table.column(c)?;
                Some(format!("{}.{}", table_label(table), column.name))
            })
            .unwrap_or_default(),
        Subject::Constraint(t, c) => doc
            .table(t)
            .map(|table| {
                let name = constraint_name(table, c).unwrap_or_default();
                if name.is_empty() {
                    table_label(table)
                } else {
                    format!("{}.{name}", table_label(table))
                }
            })
            .unwrap_or_default(),
        Subject::Enum(e) => doc
            .enums
            .get(&e)
            .map(|e| e.name.to_string())
            .unwrap_or_default(),
        Subject::Domain(d) => doc
            .domains
            .get(&d)
            .map(|d| d.name.to_string())
            .unwrap_or_default(),
        Subject::View(v) => doc
            .views
            .get(&v)
            .map(|v| v.name.to_string())
            .unwrap_or_default(),
    }
}

/// The name of a key, constraint or index of a table, when it has one.
pub fn constraint_name(table: &Table, id: crate::model::ConstraintId) -> Option<String> {
    if let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.id == id) {
        return pk.name.clone();
    }
    let named = |name: &Option<String>| name.clone();
    table
        .foreign_keys
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| named(&c.name))
        .or_else(|| {
            table
                .uniques
                .iter()
                .find(|c| c.id == id)
                .and_then(|c| named(&c.name))
        })
        .or_else(|| {
            table
                .checks
                .iter()
                .find(|c| c.id == id)
                .and_then(|c| named(&c.name))
        })
        .or_else(|| {
            table
                .indexes
                .iter()
                .find(|c| c.id == id)
                .and_then(|c| named(&c.name))
        })
}
