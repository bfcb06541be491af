//! Reading the tables of a project file: columns first, then keys and foreign keys, so that
//! foreign keys can point at tables further down the file.

use std::sync::Arc;

use super::ProjectError;
use super::format::*;
use super::from_file::{Names, action, data_type, qualified};
use crate::model::*;

fn own_columns(table: &Table, names: &[String], what: &str) -> Result<Vec<ColumnId>, ProjectError> {
    names
        .iter()
        .map(|name| {
            table.column_named(name).map(|c| c.id).ok_or_else(|| {
                ProjectError::Invalid(format!(
                    "table {}: {what} names column \"{name}\", which the table does not have",
                    table.name
                ))
            })
        })
        .collect()
}

fn identity(file: &IdentityFile, table: &str) -> Result<Identity, ProjectError> {
    let kind = match file.kind.as_str() {
        "always" => IdentityKind::Always,
        "by_default" => IdentityKind::ByDefault,
        "serial" => IdentityKind::Serial,
        "auto_increment" => IdentityKind::AutoIncrement,
        other => {
            return Err(ProjectError::Invalid(format!(
                "table {table}: unknown identity kind \"{other}\" (use always, by_default, serial or auto_increment)"
            )));
        }
    };
    Ok(Identity {
        kind,
        start: file.start,
        increment: file.increment,
    })
}

/// Adds the tables of the file to the document.
pub(super) fn read_tables(
    doc: &mut Document,
    names: &mut Names,
    files: Vec<TableFile>,
) -> Result<(), ProjectError> {
    let mut pending = Vec::with_capacity(files.len());
    for file in files {
        let id = TableId(doc.ids.next_raw());
        let mut table = Table::new(QualifiedName {
            schema: file.schema.clone(),
            name: file.name.clone(),
        });
        table.id = id;
        table.position = Position::new(file.position.0, file.position.1);
        table.comment = file.comment.clone();
        table.collapsed = file.collapsed;
        table.options = TableOptions(file.options.clone());
        if let Some(group) = &file.group {
            table.group = Some(*names.groups.get(group).ok_or_else(|| {
                ProjectError::Invalid(format!(
                    "table {}: group \"{group}\" is not declared in groups",
                    table.name
                ))
            })?);
        }
        for c in &file.columns {
            let mut column = Column::new(
                c.name.clone(),
                data_type(names, &c.data_type, c.array, c.original_type.clone()),
            );
            column.id = ColumnId(doc.ids.next_raw());
            column.nullable = c.nullable;
            column.default.clone_from(&c.default);
            column.identity = c
                .identity
                .as_ref()
                .map(|i| identity(i, &file.name))
                .transpose()?;
            column.generated = c.generated.as_ref().map(|expression| Generated {
                expression: expression.clone(),
                stored: c.stored,
            });
            column.collation.clone_from(&c.collation);
            column.comment.clone_from(&c.comment);
            table.columns.push(column);
        }
        names.tables.entry(table.name.clone()).or_insert(id);
        doc.tables.insert(id, Arc::new(table));
        pending.push((id, file));
    }
    for (id, file) in pending {
        let Some(mut table) = doc.table(id).cloned() else {
            continue;
        };
        read_keys(doc, names, &mut table, file)?;
        doc.tables.insert(id, Arc::new(table));
    }
    Ok(())
}

fn read_keys(
    doc: &mut Document,
    names: &Names,
    table: &mut Table,
    file: TableFile,
) -> Result<(), ProjectError> {
    if let Some(pk) = file.primary_key {
        table.primary_key = Some(PrimaryKey {
            id: ConstraintId(doc.ids.next_raw()),
            name: pk.name,
            columns: own_columns(table, &pk.columns, "the primary key")?,
        });
    }
    for fk in file.foreign_keys {
        let columns = own_columns(table, &fk.columns, "a foreign key")?;
        let target_name = qualified(&fk.references);
        let target = names.tables.get(&target_name).copied();
        let referenced_columns = fk
            .referenced_columns
            .into_iter()
            .map(|name| {
                let found = target
                    .and_then(|t| {
                        if t == table.id {
                            Some(&*table)
                        } else {
                            doc.table(t)
                        }
                    })
                    .and_then(|t| t.column_named(&name));
                match found {
                    Some(column) => ColumnRef::Resolved(column.id),
                    None => ColumnRef::Unresolved(name),
                }
            })
            .collect();
        let table_name = table.name.to_string();
        table.foreign_keys.push(ForeignKey {
            id: ConstraintId(doc.ids.next_raw()),
            name: fk.name,
            columns,
            referenced_table: match target {
                Some(id) => TableRef::Resolved(id),
                None => TableRef::Unresolved(target_name),
            },
            referenced_columns,
            on_delete: action(fk.on_delete.as_deref(), &table_name)?,
            on_update: action(fk.on_update.as_deref(), &table_name)?,
            deferrable: match fk.deferrable.as_deref() {
                None => Deferrable::NotDeferrable,
                Some("deferrable") => Deferrable::InitiallyImmediate,
                Some("deferred") => Deferrable::InitiallyDeferred,
                Some(other) => {
                    return Err(ProjectError::Invalid(format!(
                        "table {table_name}: unknown deferrable value \"{other}\" (use deferrable or deferred)"
                    )));
                }
            },
            source: None,
        });
    }
    for unique in file.uniques {
        table.uniques.push(UniqueConstraint {
            id: ConstraintId(doc.ids.next_raw()),
            name: unique.name,
            columns: own_columns(table, &unique.columns, "a unique constraint")?,
        });
    }
    for check in file.checks {
        table.checks.push(CheckConstraint {
            id: ConstraintId(doc.ids.next_raw()),
            name: check.name,
            expression: check.expression,
        });
    }
    for index in file.indexes {
        let mut parts = Vec::with_capacity(index.parts.len());
        for part in index.parts {
            let column = |name: String| -> Result<IndexKey, ProjectError> {
                Ok(IndexKey::Column(
                    own_columns(table, &[name], "an index")?[0],
                ))
            };
            let (key, order, length) = match part {
                IndexPartFile::Column(name) => (column(name)?, SortOrder::Asc, None),
                IndexPartFile::ColumnDesc(name) => (column(name)?, SortOrder::Desc, None),
                IndexPartFile::Prefix(name, n) => (column(name)?, SortOrder::Asc, Some(n)),
                IndexPartFile::PrefixDesc(name, n) => (column(name)?, SortOrder::Desc, Some(n)),
                IndexPartFile::Expression(text) => {
                    (IndexKey::Expression(text), SortOrder::Asc, None)
                }
                IndexPartFile::ExpressionDesc(text) => {
                    (IndexKey::Expression(text), SortOrder::Desc, None)
                }
            };
            parts.push(IndexPart { key, order, length });
        }
        if parts.is_empty() {
            return Err(ProjectError::Invalid(format!(
                "table {}: an index has no parts",
                table.name
            )));
        }
        table.indexes.push(Index {
            id: ConstraintId(doc.ids.next_raw()),
            name: index.name,
            parts,
            unique: index.unique,
            predicate: index.predicate,
            method: index.method,
            include: own_columns(table, &index.include, "an index's INCLUDE list")?,
            source: None,
        });
    }
    Ok(())
}
