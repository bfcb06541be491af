//! Which names share a namespace in each dialect.
//!
//! - PostgreSQL: tables, views, sequences, indexes and primary-key/unique constraints (which
//!   are indexes) share one namespace per schema, and types (enums, domains, and the row type
//!   of every table) another that tables take part in; constraint names are unique per table.
//! - MySQL: tables and views per database; foreign-key names and check names per database,
//!   each kind on its own; index names (unique keys included) per table.
//! - SQLite: tables, views and indexes share one namespace per database.
//! - SQL Server: tables, views and every constraint share one namespace per schema; index
//!   names are unique per table.
//!
//! Column names are unique per table everywhere. Names compare case-insensitively; in
//! PostgreSQL names that differ only in case are distinct while quoted.

use crate::model::{ColumnId, ConstraintId, Dialect, Table};
use crate::rules::{Context, Subject};
use crate::sql::export::is_default_schema;

/// A namespace shared by several tables of a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// Tables, views and what the dialect puts beside them.
    Relation,
    /// MySQL foreign-key names.
    ForeignKey,
    /// MySQL check-constraint names.
    Check,
}

impl Shared {
    /// The key prefix.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Relation => "rel",
            Self::ForeignKey => "fk",
            Self::Check => "ck",
        }
    }

    /// Reads a key prefix.
    pub fn from_tag(tag: &str) -> Option<Self> {
        [Self::Relation, Self::ForeignKey, Self::Check]
            .into_iter()
            .find(|s| s.tag() == tag)
    }

    /// Why two names in this namespace collide.
    pub fn reason(self, dialect: Dialect) -> &'static str {
        match (self, dialect) {
            (Self::Relation, Dialect::Postgres) => {
                "PostgreSQL keeps tables, views, sequences, indexes and primary-key and unique \
                 constraints in one namespace per schema"
            }
            (Self::Relation, Dialect::Sqlite) => {
                "SQLite keeps tables, views and indexes in one namespace"
            }
            (Self::Relation, Dialect::Mssql) => {
                "SQL Server keeps tables, views and constraints in one namespace per schema"
            }
            (Self::Relation, Dialect::Mysql) => "MySQL needs unique table names per database",
            (Self::ForeignKey, _) => "MySQL needs unique foreign-key names per database",
            (Self::Check, _) => "MySQL needs unique check-constraint names per database",
        }
    }
}

/// An object with a name.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    /// What it is (`table`, `index`, ...).
    pub kind: &'static str,
    /// Its name.
    pub name: &'a str,
    /// The object.
    pub subject: Subject,
}

/// The schema part of a key: lower case, empty for the dialect's default schema.
pub fn schema_key(table: &Table, dialect: Dialect) -> String {
    match &table.name.schema {
        Some(s) if !is_default_schema(s, dialect) => s.to_lowercase(),
        _ => String::new(),
    }
}

/// The names a table puts into namespaces it shares with other tables.
pub fn shared_names(table: &Table, dialect: Dialect) -> Vec<(Shared, Named<'_>)> {
    let mut all = vec![(
        Shared::Relation,
        Named {
            kind: "table",
            name: &table.name.name,
            subject: Subject::Table(table.id),
        },
    )];
    for (id, kind, name) in super::named_constraints(table, dialect) {
        let space = match (dialect, kind) {
            (Dialect::Postgres, "primary key" | "unique constraint" | "index")
            | (Dialect::Sqlite, "index")
            | (
                Dialect::Mssql,
                "primary key" | "unique constraint" | "foreign key" | "check constraint",
            ) => Shared::Relation,
            (Dialect::Mysql, "foreign key") => Shared::ForeignKey,
            (Dialect::Mysql, "check constraint") => Shared::Check,
            _ => continue,
        };
        all.push((space, constraint(table, id, kind, name)));
    }
    all
}

fn constraint<'a>(table: &Table, id: ConstraintId, kind: &'static str, name: &'a str) -> Named<'a> {
    Named {
        kind,
        name,
        subject: Subject::Constraint(table.id, id),
    }
}

/// Names unique within one table: columns (0) and the per-table constraint or index
/// namespace of the dialect (1).
fn local_names(table: &Table, dialect: Dialect) -> Vec<(u8, Named<'_>)> {
    let mut all: Vec<(u8, Named)> = table
        .columns
        .iter()
        .map(|c| (0, column(table, c.id, &c.name)))
        .collect();
    for (id, kind, name) in super::named_constraints(table, dialect) {
        let local = match dialect {
            Dialect::Postgres => kind != "index",
            Dialect::Mysql => matches!(kind, "unique constraint" | "index"),
            Dialect::Mssql => matches!(kind, "primary key" | "unique constraint" | "index"),
            Dialect::Sqlite => false,
        };
        if local {
            all.push((1, constraint(table, id, kind, name)));
        }
    }
    all
}

fn column<'a>(table: &Table, id: ColumnId, name: &'a str) -> Named<'a> {
    Named {
        kind: "column",
        name,
        subject: Subject::Column(table.id, id),
    }
}

fn cmp_folded(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// Whether [`local_collisions`] finds anything, without sorting when no two columns share a
/// name and the table has fewer than two named constraints.
pub fn has_local_collisions(table: &Table, dialect: Dialect) -> bool {
    let columns = &table.columns;
    let same_column_names = columns.iter().enumerate().any(|(i, a)| {
        columns[i + 1..]
            .iter()
            .any(|b| a.name.eq_ignore_ascii_case(&b.name))
    });
    let named = usize::from(
        table
            .primary_key
            .as_ref()
            .is_some_and(|pk| pk.name.is_some()),
    ) + table
        .foreign_keys
        .iter()
        .filter(|c| c.name.is_some())
        .count()
        + table.uniques.iter().filter(|c| c.name.is_some()).count()
        + table.checks.iter().filter(|c| c.name.is_some()).count()
        + table.indexes.iter().filter(|c| c.name.is_some()).count();
    (same_column_names || named >= 2) && !local_collisions(table, dialect).is_empty()
}

/// Groups of names that collide inside one table, each in declaration order. A group that a
/// shared namespace reports already (two PostgreSQL unique constraints, two SQL Server keys)
/// is left out.
pub fn local_collisions(table: &Table, dialect: Dialect) -> Vec<Vec<Named<'_>>> {
    let mut names = local_names(table, dialect);
    names.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| cmp_folded(a.1.name, b.1.name)));
    let mut groups: Vec<Vec<Named>> = Vec::new();
    let mut i = 0;
    while i < names.len() {
        let mut j = i + 1;
        while j < names.len()
            && names[j].0 == names[i].0
            && names[j].1.name.eq_ignore_ascii_case(names[i].1.name)
        {
            j += 1;
        }
        if j - i > 1 {
            let group: Vec<Named> = names[i..j].iter().map(|(_, n)| *n).collect();
            let reported_elsewhere = match dialect {
                Dialect::Postgres => group
                    .iter()
                    .all(|n| matches!(n.kind, "primary key" | "unique constraint")),
                Dialect::Mssql => group.iter().all(|n| n.kind != "index"),
                _ => false,
            };
            if names[i].0 == 0 || !reported_elsewhere {
                groups.push(group);
            }
        }
        i = j;
    }
    groups
}

/// Views, sequences and (PostgreSQL) types with this name in this schema: (description, name).
pub fn other_objects(ctx: &Context, schema: &str, name: &str) -> Vec<(String, String)> {
    let doc = ctx.doc;
    let in_schema = |s: &Option<String>| match s {
        Some(s) if !crate::sql::export::is_default_schema(s, ctx.dialect) => {
            s.eq_ignore_ascii_case(schema)
        }
        _ => schema.is_empty(),
    };
    let mut found = Vec::new();
    let mut add = |kind: &str, n: &crate::model::QualifiedName| {
        if n.name.eq_ignore_ascii_case(name) && in_schema(&n.schema) {
            found.push((format!("{kind} {}", n.name), n.name.clone()));
        }
    };
    for view in doc.views.values() {
        add("view", &view.name);
    }
    if ctx.dialect != Dialect::Mysql {
        for sequence in doc.sequences.values() {
            add("sequence", &sequence.name);
        }
    }
    if ctx.dialect == Dialect::Postgres {
        for e in doc.enums.values() {
            add("type", &e.name);
        }
        for d in doc.domains.values() {
            add("domain", &d.name);
        }
    }
    found
}
