//! Format version 1, the first draft of the project file, and its migration to the current
//! version.
//!
//! Version 1 kept canvas positions apart from the tables, in a top-level `layout` map keyed by
//! `"schema.table"` (or `"table"`), and spelled nullability the other way round
//! (`not_null: true`). Version 2 stores `position` on each table and writes `nullable: false`
//! only for NOT NULL columns, so moving a table changes only that table's lines.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::format::*;

/// A version 1 file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectFileV1 {
    format_version: u32,
    target: String,
    #[serde(default)]
    schemas: Vec<SchemaFile>,
    #[serde(default)]
    groups: Vec<GroupFile>,
    #[serde(default)]
    enums: Vec<EnumFile>,
    #[serde(default)]
    domains: Vec<DomainFile>,
    #[serde(default)]
    sequences: Vec<SequenceFile>,
    #[serde(default)]
    tables: Vec<TableV1>,
    #[serde(default)]
    views: Vec<ViewFile>,
    #[serde(default)]
    statements: Vec<StatementFile>,
    #[serde(default)]
    notes: Vec<NoteFile>,
    #[serde(default)]
    layout: BTreeMap<String, (f32, f32)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableV1 {
    name: String,
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    comment: Option<String>,
    columns: Vec<ColumnV1>,
    #[serde(default)]
    primary_key: Option<KeyFile>,
    #[serde(default)]
    foreign_keys: Vec<ForeignKeyFile>,
    #[serde(default)]
    uniques: Vec<KeyFile>,
    #[serde(default)]
    checks: Vec<CheckFile>,
    #[serde(default)]
    indexes: Vec<IndexFile>,
    #[serde(default)]
    options: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnV1 {
    name: String,
    #[serde(rename = "type")]
    data_type: TypeFile,
    #[serde(default)]
    array: u8,
    #[serde(default)]
    original_type: Option<String>,
    #[serde(default)]
    not_null: bool,
    #[serde(default)]
    default: Option<String>,
    #[serde(default)]
    identity: Option<IdentityFile>,
    #[serde(default)]
    generated: Option<String>,
    #[serde(default)]
    stored: bool,
    #[serde(default)]
    collation: Option<String>,
    #[serde(default)]
    comment: Option<String>,
}

/// Converts a version 1 file to the current format.
pub fn migrate(old: ProjectFileV1) -> ProjectFile {
    debug_assert_eq!(old.format_version, 1);
    let layout = old.layout;
    let tables = old
        .tables
        .into_iter()
        .map(|t| {
            let key = match &t.schema {
                Some(schema) => format!("{schema}.{}", t.name),
                None => t.name.clone(),
            };
            TableFile {
                position: layout.get(&key).copied().unwrap_or((0.0, 0.0)),
                name: t.name,
                schema: t.schema,
                group: t.group,
                comment: t.comment,
                collapsed: false,
                columns: t
                    .columns
                    .into_iter()
                    .map(|c| ColumnFile {
                        name: c.name,
                        data_type: c.data_type,
                        array: c.array,
                        original_type: c.original_type,
                        nullable: !c.not_null,
                        default: c.default,
                        identity: c.identity,
                        generated: c.generated,
                        stored: c.stored,
                        collation: c.collation,
                        comment: c.comment,
                    })
                    .collect(),
                primary_key: t.primary_key,
                foreign_keys: t.foreign_keys,
                uniques: t.uniques,
                checks: t.checks,
                indexes: t.indexes,
                options: t.options,
            }
        })
        .collect();
    ProjectFile {
        format_version: CURRENT_VERSION,
        target: old.target,
        schemas: old.schemas,
        groups: old.groups,
        enums: old.enums,
        domains: old.domains,
        sequences: old.sequences,
        tables,
        views: old.views,
        statements: old.statements,
        notes: old.notes,
        lint: None,
    }
}
