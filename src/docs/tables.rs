//! One table's entry in the dictionary: columns, keys, references both ways, constraints and
//! indexes, as plain text with links.

use crate::model::{
    Cardinality, DataType, Dialect, Document, IdentityKind, IndexKey, SortOrder, Table, TableRef,
    TypeKind, TypeRef,
};
use crate::rules::Finding;
use crate::sql::types::dialect_spelling;

use super::dictionary::{Anchors, Link, display_name};

/// A key a column takes part in, as its marker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyMark {
    /// Part of the primary key.
    Primary,
    /// Part of a foreign key to this table.
    Foreign(Link),
    /// Unique by itself.
    Unique,
}

impl KeyMark {
    /// The short marker: `PK`, `FK`, `UQ`.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Primary => "PK",
            Self::Foreign(_) => "FK",
            Self::Unique => "UQ",
        }
    }
}

/// A column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnDoc {
    /// Name.
    pub name: String,
    /// The type as the dialect spells it, linked to its enum or domain.
    pub data_type: Link,
    /// Whether NULL is refused (declared NOT NULL or part of the primary key).
    pub not_null: bool,
    /// Default expression.
    pub default: Option<String>,
    /// How the column is numbered ("identity, always", "auto-increment, from 1000").
    pub identity: Option<String>,
    /// The computed-column expression and whether it is stored.
    pub generated: Option<(String, bool)>,
    /// Keys it takes part in.
    pub keys: Vec<KeyMark>,
    /// Comment.
    pub comment: Option<String>,
}

/// A named list of columns: a primary key or a unique constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyDoc {
    /// Constraint name, when given.
    pub name: Option<String>,
    /// Column names.
    pub columns: Vec<String>,
}

/// A foreign key of this table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKeyDoc {
    /// Constraint name, when given.
    pub name: Option<String>,
    /// Referencing columns.
    pub columns: Vec<String>,
    /// The referenced table (no anchor when it is not in the design).
    pub target: Link,
    /// Referenced columns.
    pub target_columns: Vec<String>,
    /// `ON DELETE` action.
    pub on_delete: &'static str,
    /// `ON UPDATE` action.
    pub on_update: &'static str,
    /// "many-to-one, mandatory" and the like.
    pub cardinality: &'static str,
}

/// A foreign key of another table (or this one) that references this table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingDoc {
    /// The referencing table.
    pub from: Link,
    /// Its referencing columns.
    pub columns: Vec<String>,
    /// The columns of this table they reference.
    pub target_columns: Vec<String>,
    /// Cardinality, from the referencing side.
    pub cardinality: &'static str,
}

/// An index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexDoc {
    /// Index name, when given.
    pub name: Option<String>,
    /// Key parts: column names or expressions, with `DESC` and prefix lengths.
    pub parts: Vec<String>,
    /// Whether it enforces uniqueness.
    pub unique: bool,
    /// Partial-index predicate.
    pub predicate: Option<String>,
    /// Access method.
    pub method: Option<String>,
    /// Non-key columns carried (`INCLUDE`).
    pub include: Vec<String>,
}

/// A check constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckDoc {
    /// Constraint name, when given.
    pub name: Option<String>,
    /// The boolean expression.
    pub expression: String,
}

/// A table's entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDoc {
    /// Name, schema-qualified when the schema is not the dialect's default.
    pub name: String,
    /// The heading's anchor.
    pub anchor: String,
    /// Comment.
    pub comment: Option<String>,
    /// Its group, linked to the group's section.
    pub group: Option<Link>,
    /// Columns in declared order.
    pub columns: Vec<ColumnDoc>,
    /// Primary key.
    pub primary_key: Option<KeyDoc>,
    /// Its foreign keys.
    pub foreign_keys: Vec<ForeignKeyDoc>,
    /// Foreign keys that reference it.
    pub incoming: Vec<IncomingDoc>,
    /// Unique constraints.
    pub uniques: Vec<KeyDoc>,
    /// Indexes.
    pub indexes: Vec<IndexDoc>,
    /// Check constraints.
    pub checks: Vec<CheckDoc>,
    /// Number of problems about it and the anchor of their list.
    pub problems: Option<(usize, String)>,
}

/// The type of a column as `dialect` spells it. A type kept verbatim from SQL is shown as
/// written when the dialect is the design's own; for another dialect the logical type is
/// spelled instead.
pub fn type_text(doc: &Document, data_type: &DataType, dialect: Dialect) -> String {
    let named = match &data_type.kind {
        TypeKind::Enum(TypeRef::Resolved(id)) => {
            doc.enums.get(id).map(|e| display_name(&e.name, dialect))
        }
        TypeKind::Domain(TypeRef::Resolved(id)) => {
            doc.domains.get(id).map(|d| display_name(&d.name, dialect))
        }
        TypeKind::Enum(TypeRef::Unresolved(name)) | TypeKind::Domain(TypeRef::Unresolved(name)) => {
            Some(display_name(name, dialect))
        }
        _ => None,
    }
    .unwrap_or_default();
    if dialect != doc.target && !matches!(data_type.kind, TypeKind::Other(_)) {
        let logical = DataType {
            original: None,
            ..data_type.clone()
        };
        return dialect_spelling(&logical, dialect, &named);
    }
    dialect_spelling(data_type, dialect, &named)
}

fn type_link(doc: &Document, data_type: &DataType, dialect: Dialect, anchors: &Anchors) -> Link {
    let anchor = match &data_type.kind {
        TypeKind::Enum(TypeRef::Resolved(id)) => anchors.enums.get(id).cloned(),
        TypeKind::Domain(TypeRef::Resolved(id)) => anchors.domains.get(id).cloned(),
        _ => None,
    };
    Link {
        text: type_text(doc, data_type, dialect),
        anchor,
    }
}

fn identity_text(kind: IdentityKind, start: Option<i64>, increment: Option<i64>) -> String {
    let mut text = match kind {
        IdentityKind::Always => "identity, always",
        IdentityKind::ByDefault => "identity, by default",
        IdentityKind::Serial => "serial",
        IdentityKind::AutoIncrement => "auto-increment",
    }
    .to_owned();
    if let Some(start) = start {
        text.push_str(&format!(", from {start}"));
    }
    if let Some(step) = increment {
        text.push_str(&format!(", step {step}"));
    }
    text
}

fn table_link(doc: &Document, dialect: Dialect, anchors: &Anchors, target: &TableRef) -> Link {
    match target {
        TableRef::Resolved(id) => Link {
            text: doc
                .table(*id)
                .map(|t| display_name(&t.name, dialect))
                .unwrap_or_else(|| id.to_string()),
            anchor: anchors.tables.get(id).cloned(),
        },
        TableRef::Unresolved(name) => Link {
            text: display_name(name, dialect),
            anchor: None,
        },
    }
}

fn columns(doc: &Document, dialect: Dialect, table: &Table, anchors: &Anchors) -> Vec<ColumnDoc> {
    table
        .columns
        .iter()
        .map(|column| {
            let mut keys = Vec::new();
            let primary = table.is_primary_key_column(column.id);
            if primary {
                keys.push(KeyMark::Primary);
            }
            for fk in table
                .foreign_keys
                .iter()
                .filter(|fk| fk.columns.contains(&column.id))
            {
                let link = table_link(doc, dialect, anchors, &fk.referenced_table);
                if !keys.contains(&KeyMark::Foreign(link.clone())) {
                    keys.push(KeyMark::Foreign(link));
                }
            }
            if table.is_unique_column(column.id) {
                keys.push(KeyMark::Unique);
            }
            ColumnDoc {
                name: column.name.clone(),
                data_type: type_link(doc, &column.data_type, dialect, anchors),
                not_null: !column.nullable || primary,
                default: column.default.clone(),
                identity: column
                    .identity
                    .map(|i| identity_text(i.kind, i.start, i.increment)),
                generated: column
                    .generated
                    .as_ref()
                    .map(|g| (g.expression.clone(), g.stored)),
                keys,
                comment: column.comment.clone(),
            }
        })
        .collect()
}

fn indexes(table: &Table) -> Vec<IndexDoc> {
    table
        .indexes
        .iter()
        .map(|index| IndexDoc {
            name: index.name.clone(),
            parts: index
                .parts
                .iter()
                .map(|part| {
                    let mut text = match &part.key {
                        IndexKey::Column(id) => table
                            .column(*id)
                            .map_or_else(|| id.to_string(), |c| c.name.clone()),
                        IndexKey::Expression(expression) => format!("({expression})"),
                    };
                    if let Some(length) = part.length {
                        text.push_str(&format!("({length})"));
                    }
                    if part.order == SortOrder::Desc {
                        text.push_str(" DESC");
                    }
                    text
                })
                .collect(),
            unique: index.unique,
            predicate: index.predicate.clone(),
            method: index.method.clone(),
            include: table.column_names(&index.include),
        })
        .collect()
}

/// Builds the entry of `table`. `findings` are the document's unsuppressed findings.
pub fn table_doc(
    doc: &Document,
    dialect: Dialect,
    table: &Table,
    anchors: &Anchors,
    findings: &[&Finding],
) -> TableDoc {
    let foreign_keys = table
        .foreign_keys
        .iter()
        .map(|fk| ForeignKeyDoc {
            name: fk.name.clone(),
            columns: table.column_names(&fk.columns),
            target: table_link(doc, dialect, anchors, &fk.referenced_table),
            target_columns: fk.referenced_names(doc.referenced_table(fk)),
            on_delete: fk.on_delete.sql(),
            on_update: fk.on_update.sql(),
            cardinality: Cardinality::of(table, fk).label(),
        })
        .collect();
    let mut incoming: Vec<IncomingDoc> = doc
        .tables
        .values()
        .flat_map(|other| other.foreign_keys.iter().map(move |fk| (other, fk)))
        .filter(|(_, fk)| fk.referenced_table == TableRef::Resolved(table.id))
        .map(|(other, fk)| IncomingDoc {
            from: table_link(doc, dialect, anchors, &TableRef::Resolved(other.id)),
            columns: other.column_names(&fk.columns),
            target_columns: fk.referenced_names(Some(table)),
            cardinality: Cardinality::of(other, fk).label(),
        })
        .collect();
    incoming.sort_by(|a, b| a.from.text.cmp(&b.from.text));
    let count = findings
        .iter()
        .filter(|f| f.subject.table() == Some(table.id))
        .count();
    TableDoc {
        name: display_name(&table.name, dialect),
        anchor: anchors.tables.get(&table.id).cloned().unwrap_or_default(),
        comment: table.comment.clone(),
        group: table.group.and_then(|g| {
            Some(Link {
                text: doc.groups.get(&g)?.name.clone(),
                anchor: anchors.groups.get(&g).cloned(),
            })
        }),
        columns: columns(doc, dialect, table, anchors),
        primary_key: table.primary_key.as_ref().map(|pk| KeyDoc {
            name: pk.name.clone(),
            columns: table.column_names(&pk.columns),
        }),
        foreign_keys,
        incoming,
        uniques: table
            .uniques
            .iter()
            .map(|u| KeyDoc {
                name: u.name.clone(),
                columns: table.column_names(&u.columns),
            })
            .collect(),
        indexes: indexes(table),
        checks: table
            .checks
            .iter()
            .map(|c| CheckDoc {
                name: c.name.clone(),
                expression: c.expression.clone(),
            })
            .collect(),
        problems: anchors
            .problems
            .get(&table.id)
            .filter(|_| count > 0)
            .map(|anchor| (count, anchor.clone())),
    }
}
