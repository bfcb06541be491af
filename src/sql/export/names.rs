//! Names of indexes and constraints that the target requires to be unique, or short.
//!
//! Each dialect has its own name spaces: PostgreSQL and SQLite share one per schema between
//! tables, views, sequences and indexes (and, in PostgreSQL, primary-key and unique
//! constraints, which are indexes); MySQL keeps index names per table but foreign-key and
//! check names per database; SQL Server keeps every constraint name per schema and index
//! names per table. Names that collide there (a MySQL design reusing `idx_name` on two
//! tables, say) get a numeric suffix, names beyond the target's length limit are shortened,
//! and unnamed indexes get the name PostgreSQL would give them. Each rename is a warning.

use std::collections::{HashMap, HashSet};

use crate::model::{ConstraintId, Dialect, IndexKey, Table};

use super::Context;

/// Identifier length limit of a dialect, if any.
pub fn max_len(dialect: Dialect) -> Option<usize> {
    match dialect {
        Dialect::Postgres => Some(63),
        Dialect::Mysql => Some(64),
        Dialect::Mssql => Some(128),
        Dialect::Sqlite => None,
    }
}

/// Cuts `name` to at most `limit` bytes on a character boundary.
fn shorten(name: &str, limit: usize) -> String {
    let mut end = limit.min(name.len());
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    name[..end].to_owned()
}

struct Namer {
    taken: HashSet<String>,
    limit: Option<usize>,
}

impl Namer {
    fn reserve(&mut self, scope: &str, name: &str) {
        self.taken
            .insert(format!("{scope}\u{1f}{}", name.to_lowercase()));
    }

    /// The first free name in `scope` based on `wanted`.
    fn claim(&mut self, scope: &str, wanted: &str) -> String {
        let base = self
            .limit
            .map_or_else(|| wanted.to_owned(), |l| shorten(wanted, l));
        let mut candidate = base.clone();
        let mut n = 2;
        while self
            .taken
            .contains(&format!("{scope}\u{1f}{}", candidate.to_lowercase()))
        {
            let suffix = format!("_{n}");
            let room = self.limit.map_or(base.len(), |l| l - suffix.len());
            candidate = format!("{}{suffix}", shorten(&base, room));
            n += 1;
        }
        self.reserve(scope, &candidate);
        candidate
    }
}

/// The name the engine would give an unnamed index: MySQL names it after its first column,
/// PostgreSQL (and so every other target) after the table and columns with `_idx`.
fn generated_index_name(table: &Table, parts: &[IndexKey], dialect: Dialect) -> String {
    if dialect == Dialect::Mysql
        && let Some(IndexKey::Column(id)) = parts.first()
        && let Some(column) = table.column(*id)
    {
        return column.name.clone();
    }
    let mut name = table.name.name.clone();
    for key in parts {
        name.push('_');
        match key {
            IndexKey::Column(id) => {
                name.push_str(table.column(*id).map_or("col", |c| c.name.as_str()));
            }
            IndexKey::Expression(_) => name.push_str("expr"),
        }
    }
    name.push_str("_idx");
    name
}

/// Which name spaces a dialect uses for constraint kinds.
struct Scopes {
    key_constraints_global: bool,
    references_global: bool,
    indexes_global: bool,
}

fn scopes(dialect: Dialect) -> Scopes {
    match dialect {
        Dialect::Postgres => Scopes {
            key_constraints_global: true,
            references_global: false,
            indexes_global: true,
        },
        Dialect::Mysql => Scopes {
            key_constraints_global: false,
            references_global: true,
            indexes_global: false,
        },
        Dialect::Sqlite => Scopes {
            key_constraints_global: false,
            references_global: false,
            indexes_global: true,
        },
        Dialect::Mssql => Scopes {
            key_constraints_global: true,
            references_global: true,
            indexes_global: false,
        },
    }
}

/// Final names for every index and for constraints that had to change.
pub fn unique_names(cx: &Context<'_>) -> HashMap<ConstraintId, String> {
    let dialect = cx.dialect;
    let scopes = scopes(dialect);
    let mut namer = Namer {
        taken: HashSet::new(),
        limit: max_len(dialect),
    };
    let schema_scope = |schema: &Option<String>| match schema {
        Some(s) if cx.schemas.contains(s) && !cx.prefix_schemas => s.clone(),
        _ => String::new(),
    };
    for table in cx.doc.tables.values() {
        namer.reserve(&schema_scope(&table.name.schema), &prefixed(cx, table));
    }
    for view in cx.doc.views.values() {
        namer.reserve(&schema_scope(&view.name.schema), &view.name.name);
    }
    let mut renamed = HashMap::new();
    for table in cx.doc.tables.values() {
        let global = schema_scope(&table.name.schema);
        let local = format!("{global}.{}", table.id);
        let mut rename = |id: ConstraintId, name: &Option<String>, scope: &str| {
            let Some(wanted) = name.clone() else {
                return;
            };
            let got = namer.claim(scope, &wanted);
            if got != wanted {
                cx.warn(
                    format!("constraint {}.{wanted}", table.name),
                    format!(
                        "renamed to {got}: the name is taken or too long in {}",
                        dialect.display_name()
                    ),
                );
                renamed.insert(id, got);
            }
        };
        let key_scope = if scopes.key_constraints_global {
            &global
        } else {
            &local
        };
        let ref_scope = if scopes.references_global {
            &global
        } else {
            &local
        };
        if let Some(pk) = &table.primary_key
            && dialect != Dialect::Mysql
        {
            rename(pk.id, &pk.name, key_scope);
        }
        for unique in &table.uniques {
            rename(unique.id, &unique.name, key_scope);
        }
        for fk in &table.foreign_keys {
            rename(fk.id, &fk.name, ref_scope);
        }
        for check in &table.checks {
            rename(check.id, &check.name, ref_scope);
        }
        let index_scope = if scopes.indexes_global {
            &global
        } else {
            &local
        };
        for index in &table.indexes {
            let keys: Vec<IndexKey> = index.parts.iter().map(|p| p.key.clone()).collect();
            let wanted = index
                .name
                .clone()
                .unwrap_or_else(|| generated_index_name(table, &keys, dialect));
            let got = namer.claim(index_scope, &wanted);
            if index.name.is_some() && got != wanted {
                cx.warn(
                    format!("index {}.{wanted}", table.name),
                    format!(
                        "renamed to {got}: the name is taken or too long in {}",
                        dialect.display_name()
                    ),
                );
            }
            if index.name.as_deref() != Some(got.as_str()) {
                renamed.insert(index.id, got);
            }
        }
    }
    renamed
}

/// The table's name as it appears in the target's name space (with a schema prefix when
/// schemas become prefixes).
fn prefixed(cx: &Context<'_>, table: &Table) -> String {
    match &table.name.schema {
        Some(schema) if cx.prefix_schemas && cx.schemas.contains(schema) => {
            format!("{schema}_{}", table.name.name)
        }
        _ => table.name.name.clone(),
    }
}
