//! A uniform view of a table's primary key, unique constraints and indexes, for the index
//! rules.

use crate::model::{ColumnId, ConstraintId, IndexKey, IndexPart, SortOrder, Table};

/// What kind of object a key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// The primary key.
    Primary,
    /// A unique constraint.
    Unique,
    /// An index (unique or not).
    Index,
}

/// The key parts of a key: plain columns, or an index's parts.
#[derive(Debug, Clone, Copy)]
pub enum Parts<'a> {
    /// Columns in key order, ascending.
    Columns(&'a [ColumnId]),
    /// An index's parts.
    Index(&'a [IndexPart]),
}

/// What one key part indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKey<'a> {
    /// A column.
    Column(ColumnId),
    /// An expression, as written.
    Expression(&'a str),
}

/// One key part: what it indexes, its order and its MySQL prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    /// Column or expression.
    pub key: PartKey<'a>,
    /// Sort direction.
    pub order: SortOrder,
    /// Prefix length.
    pub length: Option<u32>,
}

impl<'a> Parts<'a> {
    /// Number of parts.
    pub fn len(self) -> usize {
        match self {
            Self::Columns(c) => c.len(),
            Self::Index(p) => p.len(),
        }
    }

    /// The part at `i`.
    pub fn get(self, i: usize) -> Option<Part<'a>> {
        match self {
            Self::Columns(c) => c.get(i).map(|&c| Part {
                key: PartKey::Column(c),
                order: SortOrder::Asc,
                length: None,
            }),
            Self::Index(p) => p.get(i).map(|p| Part {
                key: match &p.key {
                    IndexKey::Column(c) => PartKey::Column(*c),
                    IndexKey::Expression(e) => PartKey::Expression(e),
                },
                order: p.order,
                length: p.length,
            }),
        }
    }

    /// Whether a plain column is one of the parts.
    pub fn has_column(self, column: ColumnId) -> bool {
        (0..self.len()).any(|i| {
            self.get(i)
                .is_some_and(|p| p.key == PartKey::Column(column))
        })
    }
}

/// A primary key, unique constraint or index seen the same way.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    /// Its id.
    pub id: ConstraintId,
    /// What it is.
    pub kind: KeyKind,
    /// Its name, when it has one.
    pub name: Option<&'a str>,
    /// Key parts.
    pub parts: Parts<'a>,
    /// Whether it enforces uniqueness.
    pub unique: bool,
    /// Access method as written (`None` is the default b-tree).
    pub method: Option<&'a str>,
    /// Partial-index predicate.
    pub predicate: Option<&'a str>,
    /// Columns carried with `INCLUDE`.
    pub include: &'a [ColumnId],
}

impl Key<'_> {
    /// Whether the access method is a b-tree, the only one whose leading columns can serve
    /// a narrower search.
    pub fn is_btree(&self) -> bool {
        self.method.is_none_or(|m| m.eq_ignore_ascii_case("btree"))
    }

    /// Whether two keys use the same access method.
    pub fn same_method(&self, other: &Key) -> bool {
        match (self.is_btree(), other.is_btree()) {
            (true, true) => true,
            (false, false) => self
                .method
                .zip(other.method)
                .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b)),
            _ => false,
        }
    }

    /// Whether a plain column is a key part or an included column.
    pub fn carries(&self, column: ColumnId) -> bool {
        self.include.contains(&column) || self.parts.has_column(column)
    }
}

/// Number of keys of a table (primary key, unique constraints, indexes).
pub fn key_count(table: &Table) -> usize {
    usize::from(table.primary_key.is_some()) + table.uniques.len() + table.indexes.len()
}

/// The key at position `i`: the primary key first, then unique constraints, then indexes.
pub fn key_at(table: &Table, i: usize) -> Option<Key<'_>> {
    let mut i = i;
    if let Some(pk) = &table.primary_key {
        if i == 0 {
            return Some(Key {
                id: pk.id,
                kind: KeyKind::Primary,
                name: pk.name.as_deref(),
                parts: Parts::Columns(&pk.columns),
                unique: true,
                method: None,
                predicate: None,
                include: &[],
            });
        }
        i -= 1;
    }
    if let Some(unique) = table.uniques.get(i) {
        return Some(Key {
            id: unique.id,
            kind: KeyKind::Unique,
            name: unique.name.as_deref(),
            parts: Parts::Columns(&unique.columns),
            unique: true,
            method: None,
            predicate: None,
            include: &[],
        });
    }
    let index = table.indexes.get(i - table.uniques.len())?;
    Some(Key {
        id: index.id,
        kind: KeyKind::Index,
        name: index.name.as_deref(),
        parts: Parts::Index(&index.parts),
        unique: index.unique,
        method: index.method.as_deref(),
        predicate: index.predicate.as_deref(),
        include: &index.include,
    })
}

/// The parts of a key for messages: `(a, b)`, expressions as written.
pub fn describe_parts(table: &Table, parts: Parts) -> String {
    let names: Vec<String> = (0..parts.len())
        .filter_map(|i| parts.get(i))
        .map(|part| {
            let mut text = match part.key {
                PartKey::Column(c) => table
                    .column(c)
                    .map_or_else(|| c.to_string(), |c| c.name.clone()),
                PartKey::Expression(e) => e.to_owned(),
            };
            if part.order == SortOrder::Desc {
                text.push_str(" DESC");
            }
            text
        })
        .collect();
    format!("({})", names.join(", "))
}

/// A key for messages: `the primary key`, `index orders_idx`, `an unnamed unique constraint`.
pub fn describe_key(key: &Key) -> String {
    let kind = match (key.kind, key.unique) {
        (KeyKind::Primary, _) => return "the primary key".to_owned(),
        (KeyKind::Unique, _) => "unique constraint",
        (KeyKind::Index, true) => "unique index",
        (KeyKind::Index, false) => "index",
    };
    match key.name {
        Some(name) => format!("{kind} {name}"),
        None => format!("an unnamed {kind}"),
    }
}
