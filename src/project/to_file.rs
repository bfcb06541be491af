//! Model → on-disk structs, in deterministic order.

use super::format::*;
use crate::model::{
    Deferrable, Document, IdentityKind, IndexKey, QualifiedName, ReferentialAction, SortOrder,
    Table, TableRef, TypeKind, TypeRef,
};

/// Writes a name as `"name"` or `("schema", "name")`.
pub fn name_file(name: &QualifiedName) -> NameFile {
    match &name.schema {
        Some(schema) => NameFile::Qualified(schema.clone(), name.name.clone()),
        None => NameFile::Plain(name.name.clone()),
    }
}

fn action(action: ReferentialAction) -> Option<String> {
    match action {
        ReferentialAction::NoAction => None,
        ReferentialAction::Restrict => Some("restrict".into()),
        ReferentialAction::Cascade => Some("cascade".into()),
        ReferentialAction::SetNull => Some("set_null".into()),
        ReferentialAction::SetDefault => Some("set_default".into()),
    }
}

fn type_file(doc: &Document, kind: &TypeKind) -> TypeFile {
    match kind {
        TypeKind::SmallInt => TypeFile::SmallInt,
        TypeKind::Integer => TypeFile::Integer,
        TypeKind::BigInt => TypeFile::BigInt,
        TypeKind::Decimal { precision, scale } => TypeFile::Decimal(*precision, *scale),
        TypeKind::Real => TypeFile::Real,
        TypeKind::Double => TypeFile::Double,
        TypeKind::Boolean => TypeFile::Boolean,
        TypeKind::Char { length } => TypeFile::Char(*length),
        TypeKind::Varchar { length } => TypeFile::Varchar(*length),
        TypeKind::Text => TypeFile::Text,
        TypeKind::Binary { length } => TypeFile::Binary(*length),
        TypeKind::Date => TypeFile::Date,
        TypeKind::Time {
            precision,
            with_time_zone: false,
        } => TypeFile::Time(*precision),
        TypeKind::Time { precision, .. } => TypeFile::TimeTz(*precision),
        TypeKind::Timestamp {
            precision,
            with_time_zone: false,
        } => TypeFile::Timestamp(*precision),
        TypeKind::Timestamp { precision, .. } => TypeFile::TimestampTz(*precision),
        TypeKind::Interval => TypeFile::Interval,
        TypeKind::Uuid => TypeFile::Uuid,
        TypeKind::Json => TypeFile::Json,
        TypeKind::Jsonb => TypeFile::Jsonb,
        TypeKind::Xml => TypeFile::Xml,
        TypeKind::Enum(TypeRef::Resolved(id)) => TypeFile::Enum(
            doc.enums
                .get(id)
                .map_or_else(|| NameFile::Plain(id.to_string()), |e| name_file(&e.name)),
        ),
        TypeKind::Enum(TypeRef::Unresolved(name)) => TypeFile::Enum(name_file(name)),
        TypeKind::Domain(TypeRef::Resolved(id)) => TypeFile::Domain(
            doc.domains
                .get(id)
                .map_or_else(|| NameFile::Plain(id.to_string()), |d| name_file(&d.name)),
        ),
        TypeKind::Domain(TypeRef::Unresolved(name)) => TypeFile::Domain(name_file(name)),
        TypeKind::Other(text) => TypeFile::Other(text.clone()),
    }
}

fn table_file(doc: &Document, table: &Table) -> TableFile {
    let columns = table
        .columns
        .iter()
        .map(|c| ColumnFile {
            name: c.name.clone(),
            data_type: type_file(doc, &c.data_type.kind),
            array: c.data_type.array_dims,
            original_type: c.data_type.original.clone(),
            nullable: c.nullable,
            default: c.default.clone(),
            identity: c.identity.map(|identity| IdentityFile {
                kind: match identity.kind {
                    IdentityKind::Always => "always",
                    IdentityKind::ByDefault => "by_default",
                    IdentityKind::Serial => "serial",
                    IdentityKind::AutoIncrement => "auto_increment",
                }
                .into(),
                start: identity.start,
                increment: identity.increment,
            }),
            generated: c.generated.as_ref().map(|g| g.expression.clone()),
            stored: c.generated.as_ref().is_some_and(|g| g.stored),
            collation: c.collation.clone(),
            comment: c.comment.clone(),
        })
        .collect();
    let foreign_keys = table
        .foreign_keys
        .iter()
        .map(|fk| {
            let target = doc.referenced_table(fk);
            ForeignKeyFile {
                name: fk.name.clone(),
                columns: table.column_names(&fk.columns),
                references: match &fk.referenced_table {
                    TableRef::Resolved(id) => target
                        .map_or_else(|| NameFile::Plain(id.to_string()), |t| name_file(&t.name)),
                    TableRef::Unresolved(name) => name_file(name),
                },
                referenced_columns: fk.referenced_names(target),
                on_delete: action(fk.on_delete),
                on_update: action(fk.on_update),
                deferrable: match fk.deferrable {
                    Deferrable::NotDeferrable => None,
                    Deferrable::InitiallyImmediate => Some("deferrable".into()),
                    Deferrable::InitiallyDeferred => Some("deferred".into()),
                },
            }
        })
        .collect();
    let indexes = table
        .indexes
        .iter()
        .map(|index| IndexFile {
            name: index.name.clone(),
            parts: index
                .parts
                .iter()
                .map(|part| match (&part.key, part.order) {
                    (IndexKey::Column(id), order) => {
                        let name = table.column_names(&[*id]).concat();
                        match (order, part.length) {
                            (SortOrder::Asc, None) => IndexPartFile::Column(name),
                            (SortOrder::Desc, None) => IndexPartFile::ColumnDesc(name),
                            (SortOrder::Asc, Some(n)) => IndexPartFile::Prefix(name, n),
                            (SortOrder::Desc, Some(n)) => IndexPartFile::PrefixDesc(name, n),
                        }
                    }
                    (IndexKey::Expression(text), SortOrder::Asc) => {
                        IndexPartFile::Expression(text.clone())
                    }
                    (IndexKey::Expression(text), SortOrder::Desc) => {
                        IndexPartFile::ExpressionDesc(text.clone())
                    }
                })
                .collect(),
            unique: index.unique,
            predicate: index.predicate.clone(),
            method: index.method.clone(),
            include: table.column_names(&index.include),
        })
        .collect();
    TableFile {
        name: table.name.name.clone(),
        schema: table.name.schema.clone(),
        position: (table.position.x, table.position.y),
        group: table
            .group
            .and_then(|g| doc.groups.get(&g))
            .map(|g| g.name.clone()),
        comment: table.comment.clone(),
        collapsed: table.collapsed,
        columns,
        primary_key: table.primary_key.as_ref().map(|pk| KeyFile {
            name: pk.name.clone(),
            columns: table.column_names(&pk.columns),
        }),
        foreign_keys,
        uniques: table
            .uniques
            .iter()
            .map(|u| KeyFile {
                name: u.name.clone(),
                columns: table.column_names(&u.columns),
            })
            .collect(),
        checks: table
            .checks
            .iter()
            .map(|c| CheckFile {
                name: c.name.clone(),
                expression: c.expression.clone(),
            })
            .collect(),
        indexes,
        options: table.options.0.clone(),
    }
}

/// Converts a document to its on-disk form. Named objects are sorted by name (ties keep
/// creation order); columns, constraints and verbatim statements keep their order.
pub fn to_file(doc: &Document) -> ProjectFile {
    let mut tables: Vec<&Table> = doc.tables.values().map(AsRef::as_ref).collect();
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    let mut schemas: Vec<SchemaFile> = doc
        .namespaces
        .values()
        .map(|n| SchemaFile {
            name: n.name.clone(),
            comment: n.comment.clone(),
        })
        .collect();
    schemas.sort_by(|a, b| a.name.cmp(&b.name));
    let mut groups: Vec<GroupFile> = doc
        .groups
        .values()
        .map(|g| GroupFile {
            name: g.name.clone(),
            color: g.color.to_hex(),
            bounded_context: g.bounded_context,
            comment: g.comment.clone(),
        })
        .collect();
    groups.sort_by(|a, b| a.name.cmp(&b.name));
    let mut enums: Vec<_> = doc.enums.values().collect();
    enums.sort_by(|a, b| a.name.cmp(&b.name));
    let mut domains: Vec<_> = doc.domains.values().collect();
    domains.sort_by(|a, b| a.name.cmp(&b.name));
    let mut sequences: Vec<_> = doc.sequences.values().collect();
    sequences.sort_by(|a, b| a.name.cmp(&b.name));
    let mut views: Vec<_> = doc.views.values().collect();
    views.sort_by(|a, b| a.name.cmp(&b.name));
    ProjectFile {
        format_version: CURRENT_VERSION,
        target: doc.target.name().into(),
        schemas,
        groups,
        enums: enums
            .into_iter()
            .map(|e| EnumFile {
                name: name_file(&e.name),
                values: e.values.clone(),
                comment: e.comment.clone(),
            })
            .collect(),
        domains: domains
            .into_iter()
            .map(|d| DomainFile {
                name: name_file(&d.name),
                base_type: type_file(doc, &d.base_type.kind),
                array: d.base_type.array_dims,
                nullable: d.nullable,
                default: d.default.clone(),
                checks: d.checks.clone(),
                comment: d.comment.clone(),
            })
            .collect(),
        sequences: sequences
            .into_iter()
            .map(|s| SequenceFile {
                name: name_file(&s.name),
                start: s.start,
                increment: s.increment,
                min_value: s.min_value,
                max_value: s.max_value,
                cache: s.cache,
                cycle: s.cycle,
                owned_by: s
                    .owned_by
                    .as_ref()
                    .map(|(table, column)| (name_file(table), column.clone())),
            })
            .collect(),
        tables: tables.into_iter().map(|t| table_file(doc, t)).collect(),
        views: views
            .into_iter()
            .map(|v| ViewFile {
                name: name_file(&v.name),
                query: v.query.clone(),
                materialized: v.materialized,
                depends_on: v.depends_on.iter().map(name_file).collect(),
                comment: v.comment.clone(),
            })
            .collect(),
        statements: doc
            .passthrough
            .values()
            .map(|p| StatementFile {
                dialect: p.dialect.name().into(),
                sql: p.sql.clone(),
            })
            .collect(),
        notes: doc
            .notes
            .values()
            .map(|n| NoteFile {
                text: n.text.clone(),
                position: (n.position.x, n.position.y),
                attached_to: n
                    .attached_to
                    .and_then(|id| doc.table(id))
                    .map(|t| name_file(&t.name)),
            })
            .collect(),
        lint: super::lint_file::lint_file(&doc.lint),
    }
}
