//! On-disk structs → model. Names are resolved to ids; a name that matches nothing is kept
//! as an unresolved reference (for the validator), except inside a table, where a key naming
//! a column the table does not have makes the file invalid.

use super::ProjectError;
use super::format::*;
use crate::model::*;
use std::collections::BTreeMap;

/// Reads a name written as `"name"` or `("schema", "name")`.
pub fn qualified(name: &NameFile) -> QualifiedName {
    match name {
        NameFile::Plain(name) => QualifiedName::new(name.clone()),
        NameFile::Qualified(schema, name) => QualifiedName::qualified(schema.clone(), name.clone()),
    }
}

fn dialect(text: &str) -> Result<Dialect, ProjectError> {
    text.parse()
        .map_err(|err: UnknownDialect| ProjectError::Invalid(err.to_string()))
}

pub(super) fn action(text: Option<&str>, table: &str) -> Result<ReferentialAction, ProjectError> {
    Ok(match text {
        None | Some("no_action") => ReferentialAction::NoAction,
        Some("restrict") => ReferentialAction::Restrict,
        Some("cascade") => ReferentialAction::Cascade,
        Some("set_null") => ReferentialAction::SetNull,
        Some("set_default") => ReferentialAction::SetDefault,
        Some(other) => {
            return Err(ProjectError::Invalid(format!(
                "table {table}: unknown foreign key action \"{other}\" (use cascade, restrict, set_null or set_default)"
            )));
        }
    })
}

pub(super) struct Names {
    pub(super) enums: BTreeMap<QualifiedName, EnumId>,
    pub(super) domains: BTreeMap<QualifiedName, DomainId>,
    pub(super) tables: BTreeMap<QualifiedName, TableId>,
    pub(super) groups: BTreeMap<String, GroupId>,
}

pub(super) fn data_type(
    names: &Names,
    file: &TypeFile,
    array: u8,
    original: Option<String>,
) -> DataType {
    let kind = match file {
        TypeFile::SmallInt => TypeKind::SmallInt,
        TypeFile::Integer => TypeKind::Integer,
        TypeFile::BigInt => TypeKind::BigInt,
        TypeFile::Decimal(precision, scale) => TypeKind::Decimal {
            precision: *precision,
            scale: *scale,
        },
        TypeFile::Real => TypeKind::Real,
        TypeFile::Double => TypeKind::Double,
        TypeFile::Boolean => TypeKind::Boolean,
        TypeFile::Char(length) => TypeKind::Char { length: *length },
        TypeFile::Varchar(length) => TypeKind::Varchar { length: *length },
        TypeFile::Text => TypeKind::Text,
        TypeFile::Binary(length) => TypeKind::Binary { length: *length },
        TypeFile::Date => TypeKind::Date,
        TypeFile::Time(precision) | TypeFile::TimeTz(precision) => TypeKind::Time {
            precision: *precision,
            with_time_zone: matches!(file, TypeFile::TimeTz(_)),
        },
        TypeFile::Timestamp(precision) | TypeFile::TimestampTz(precision) => TypeKind::Timestamp {
            precision: *precision,
            with_time_zone: matches!(file, TypeFile::TimestampTz(_)),
        },
        TypeFile::Interval => TypeKind::Interval,
        TypeFile::Uuid => TypeKind::Uuid,
        TypeFile::Json => TypeKind::Json,
        TypeFile::Jsonb => TypeKind::Jsonb,
        TypeFile::Xml => TypeKind::Xml,
        TypeFile::Enum(name) => {
            let name = qualified(name);
            TypeKind::Enum(match names.enums.get(&name) {
                Some(id) => TypeRef::Resolved(*id),
                None => TypeRef::Unresolved(name),
            })
        }
        TypeFile::Domain(name) => {
            let name = qualified(name);
            TypeKind::Domain(match names.domains.get(&name) {
                Some(id) => TypeRef::Resolved(*id),
                None => TypeRef::Unresolved(name),
            })
        }
        TypeFile::Other(text) => TypeKind::Other(text.clone()),
    };
    DataType {
        kind,
        array_dims: array,
        original,
    }
}

/// Builds a document from its on-disk form.
pub fn from_file(file: ProjectFile) -> Result<Document, ProjectError> {
    let mut doc = Document::new();
    doc.target = dialect(&file.target)?;
    let mut names = Names {
        enums: BTreeMap::new(),
        domains: BTreeMap::new(),
        tables: BTreeMap::new(),
        groups: BTreeMap::new(),
    };
    for schema in file.schemas {
        let id = NamespaceId(doc.ids.next_raw());
        let namespace = Namespace {
            id,
            name: schema.name,
            comment: schema.comment,
        };
        doc.namespaces.insert(id, namespace);
    }
    for group in file.groups {
        let id = GroupId(doc.ids.next_raw());
        let color = Color::from_hex(&group.color).ok_or_else(|| {
            ProjectError::Invalid(format!(
                "group {}: colour \"{}\" is not #rrggbb",
                group.name, group.color
            ))
        })?;
        names.groups.entry(group.name.clone()).or_insert(id);
        let group = Group {
            id,
            name: group.name,
            color,
            bounded_context: group.bounded_context,
            comment: group.comment,
        };
        doc.groups.insert(id, group);
    }
    for e in file.enums {
        let id = EnumId(doc.ids.next_raw());
        let name = qualified(&e.name);
        names.enums.entry(name.clone()).or_insert(id);
        let e = EnumType {
            id,
            name,
            values: e.values,
            comment: e.comment,
            source: None,
        };
        doc.enums.insert(id, e);
    }
    // Domains may be based on enums (and, rarely, other domains): name them all first.
    let domain_ids: Vec<DomainId> = file
        .domains
        .iter()
        .map(|d| {
            let id = DomainId(doc.ids.next_raw());
            names.domains.entry(qualified(&d.name)).or_insert(id);
            id
        })
        .collect();
    for (d, id) in file.domains.into_iter().zip(domain_ids) {
        let domain = Domain {
            id,
            name: qualified(&d.name),
            base_type: data_type(&names, &d.base_type, d.array, None),
            nullable: d.nullable,
            default: d.default,
            checks: d.checks,
            comment: d.comment,
            source: None,
        };
        doc.domains.insert(id, domain);
    }
    for s in file.sequences {
        let id = SequenceId(doc.ids.next_raw());
        let sequence = Sequence {
            id,
            name: qualified(&s.name),
            start: s.start,
            increment: s.increment,
            min_value: s.min_value,
            max_value: s.max_value,
            cache: s.cache,
            cycle: s.cycle,
            owned_by: s.owned_by.map(|(t, c)| (qualified(&t), c)),
            source: None,
        };
        doc.sequences.insert(id, sequence);
    }
    super::from_file_tables::read_tables(&mut doc, &mut names, file.tables)?;
    for v in file.views {
        let id = ViewId(doc.ids.next_raw());
        let view = View {
            id,
            name: qualified(&v.name),
            query: v.query,
            materialized: v.materialized,
            depends_on: v.depends_on.iter().map(qualified).collect(),
            comment: v.comment,
            source: None,
        };
        doc.views.insert(id, view);
    }
    for statement in file.statements {
        let id = PassthroughId(doc.ids.next_raw());
        let passthrough = Passthrough {
            id,
            dialect: dialect(&statement.dialect)?,
            sql: statement.sql,
            source: None,
        };
        doc.passthrough.insert(id, passthrough);
    }
    for note in file.notes {
        let id = NoteId(doc.ids.next_raw());
        let note = Note {
            id,
            text: note.text,
            position: Position::new(note.position.0, note.position.1),
            attached_to: note
                .attached_to
                .and_then(|name| names.tables.get(&qualified(&name)).copied()),
        };
        doc.notes.insert(id, note);
    }
    if let Some(lint) = file.lint {
        doc.lint = super::lint_file::lint_config(lint)?;
    }
    Ok(doc)
}
