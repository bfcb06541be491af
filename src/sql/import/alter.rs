//! ALTER TABLE, CREATE INDEX, COMMENT ON and DROP.

use sqlparser::ast::{
    AlterColumnOperation, AlterTable, AlterTableOperation, CommentObject, CreateIndex, ObjectName,
};

use super::builder::{Builder, Origin};
use super::create_table::{add_column_constraints, add_constraint, column, index_parts};
use super::diagnostics::Severity;
use super::names;
use crate::model::*;

fn missing_table(b: &mut Builder, name: &QualifiedName, origin: &Origin, what: &str) {
    b.report(
        origin,
        Severity::Error,
        format!("{what}: table {name} is not defined (earlier in the file)"),
    );
}

/// ALTER TABLE.
pub fn alter_table(b: &mut Builder, alter: &AlterTable, origin: &Origin) {
    let name = names::qualified(&alter.name, b.dialect);
    let Some(id) = b.table_id(&name) else {
        // `ALTER TABLE` also changes the owner of views and sequences: nothing to report.
        // Nor do drop scripts that remove constraints before the tables exist.
        let drops_only = alter.operations.iter().all(|op| {
            matches!(
                op,
                AlterTableOperation::DropConstraint { .. }
                    | AlterTableOperation::DropForeignKey { .. }
                    | AlterTableOperation::DropPrimaryKey { .. }
                    | AlterTableOperation::DropIndex { .. }
                    | AlterTableOperation::DropColumn { .. }
            )
        });
        if !drops_only && !alter.operations.iter().all(is_ignorable) {
            missing_table(b, &name, origin, "ALTER TABLE");
        }
        return;
    };
    let Some(mut table) = b.doc.table(id).cloned() else {
        return;
    };
    for operation in &alter.operations {
        alter_operation(b, &mut table, operation, origin);
    }
    if let Some(slot) = b.table_mut(id) {
        *slot = table;
    }
}

fn find(table: &mut Table, name: &str) -> Option<usize> {
    table
        .columns
        .iter()
        .position(|c| c.name.eq_ignore_ascii_case(name))
}

fn alter_operation(
    b: &mut Builder,
    table: &mut Table,
    operation: &AlterTableOperation,
    origin: &Origin,
) {
    let dialect = b.dialect;
    match operation {
        AlterTableOperation::AddConstraint { constraint, .. } => {
            add_constraint(b, table, constraint, origin);
        }
        AlterTableOperation::AddColumn { column_def, .. } => {
            let (column, options) = column(b, column_def);
            let id = column.id;
            if find(table, &column.name).is_some() {
                b.report(
                    origin,
                    Severity::Warning,
                    format!("column {}.{} already exists", table.name, column.name),
                );
                return;
            }
            table.columns.push(column);
            add_column_constraints(b, table, id, options, origin);
        }
        AlterTableOperation::AlterColumn { column_name, op } => {
            let name = names::ident(column_name, dialect);
            let Some(index) = find(table, &name) else {
                b.report(
                    origin,
                    Severity::Error,
                    format!("table {} has no column \"{name}\"", table.name),
                );
                return;
            };
            let new_type = match op {
                AlterColumnOperation::SetDataType { data_type, .. } => {
                    Some(b.data_type(&data_type.to_string()))
                }
                _ => None,
            };
            let Some(column) = table.columns.get_mut(index) else {
                return;
            };
            match op {
                AlterColumnOperation::SetNotNull => column.nullable = false,
                AlterColumnOperation::DropNotNull => column.nullable = true,
                AlterColumnOperation::SetDefault { value } => {
                    column.default = Some(value.to_string());
                }
                AlterColumnOperation::DropDefault => column.default = None,
                AlterColumnOperation::SetDataType { .. } => {
                    if let Some(data_type) = new_type {
                        column.data_type = data_type;
                    }
                }
                AlterColumnOperation::AddGenerated { generated_as, .. } => {
                    let kind = match generated_as {
                        Some(sqlparser::ast::GeneratedAs::ByDefault) => IdentityKind::ByDefault,
                        _ => IdentityKind::Always,
                    };
                    column.identity = Some(Identity {
                        kind,
                        start: None,
                        increment: None,
                    });
                    column.nullable = false;
                }
                other => b.report(
                    origin,
                    Severity::Note,
                    format!("ALTER COLUMN {other} is not represented; ignored"),
                ),
            }
        }
        AlterTableOperation::DropConstraint { name, .. } => {
            let name = names::ident(name, dialect);
            let matches =
                |n: &Option<String>| n.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&name));
            if table
                .primary_key
                .as_ref()
                .is_some_and(|pk| matches(&pk.name))
            {
                table.primary_key = None;
            }
            table.foreign_keys.retain(|c| !matches(&c.name));
            table.uniques.retain(|c| !matches(&c.name));
            table.checks.retain(|c| !matches(&c.name));
        }
        AlterTableOperation::DropColumn { column_names, .. } => {
            for name in column_names {
                let name = names::ident(name, dialect);
                if let Some(index) = find(table, &name) {
                    let removed = table.columns.remove(index);
                    strip_column(table, removed.id);
                }
            }
        }
        AlterTableOperation::RenameColumn {
            old_column_name,
            new_column_name,
        } => {
            let old = names::ident(old_column_name, dialect);
            if let Some(index) = find(table, &old)
                && let Some(column) = table.columns.get_mut(index)
            {
                column.name = names::ident(new_column_name, dialect);
            }
        }
        AlterTableOperation::DropPrimaryKey { .. } => table.primary_key = None,
        AlterTableOperation::AttachPartitionOf {
            partition,
            for_values,
        } => {
            let child = names::qualified(partition, dialect);
            match b.table_id(&child).and_then(|id| b.table_mut(id)) {
                Some(child) => {
                    child
                        .options
                        .0
                        .insert("partition_of".into(), table.name.to_string());
                    child
                        .options
                        .0
                        .insert("partition_bound".into(), for_values.to_string());
                }
                None => missing_table(b, &child, origin, "ATTACH PARTITION"),
            }
        }
        op if is_ignorable(op) => {}
        other => b.report(
            origin,
            Severity::Note,
            format!(
                "ALTER TABLE {} {other}: not represented; ignored",
                table.name
            ),
        ),
    }
}

/// Ownership, triggers, row security, replica identity and the like do not change the design.
fn is_ignorable(operation: &AlterTableOperation) -> bool {
    matches!(
        operation,
        AlterTableOperation::OwnerTo { .. }
            | AlterTableOperation::EnableTrigger { .. }
            | AlterTableOperation::DisableTrigger { .. }
            | AlterTableOperation::EnableRowLevelSecurity
            | AlterTableOperation::DisableRowLevelSecurity
            | AlterTableOperation::ForceRowLevelSecurity
            | AlterTableOperation::NoForceRowLevelSecurity
            | AlterTableOperation::ReplicaIdentity { .. }
            | AlterTableOperation::SetTblProperties { .. }
            | AlterTableOperation::Algorithm { .. }
            | AlterTableOperation::AttachPartition { .. }
    )
}

/// Removes a dropped column from every key and index of its table.
fn strip_column(table: &mut Table, column: ColumnId) {
    if let Some(pk) = &mut table.primary_key {
        pk.columns.retain(|c| *c != column);
    }
    table
        .foreign_keys
        .retain(|fk| !fk.columns.contains(&column));
    table.uniques.retain(|u| !u.columns.contains(&column));
    table.indexes.retain(|i| {
        !i.parts.iter().any(|p| p.key == IndexKey::Column(column)) && !i.include.contains(&column)
    });
}

/// CREATE [UNIQUE] INDEX.
pub fn create_index(b: &mut Builder, index: &CreateIndex, origin: &Origin) {
    let name = names::qualified(&index.table_name, b.dialect);
    let Some(id) = b.table_id(&name) else {
        // Indexes on materialized views are not part of the model.
        if !b
            .doc
            .views
            .values()
            .any(|v| names::key(&v.name) == names::key(&name))
        {
            missing_table(b, &name, origin, "CREATE INDEX");
        }
        return;
    };
    let Some(mut table) = b.doc.table(id).cloned() else {
        return;
    };
    let parts = index_parts(b, &table, &index.columns, origin);
    if parts.is_empty() {
        return;
    }
    let mut include = Vec::new();
    for column in &index.include {
        let column_name = names::ident(column, b.dialect);
        match table
            .columns
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(&column_name))
        {
            Some(c) => include.push(c.id),
            None => b.report(
                origin,
                Severity::Error,
                format!("INCLUDE names unknown column \"{column_name}\""),
            ),
        }
    }
    let index_name = index
        .name
        .as_ref()
        .map(|n| names::qualified(n, b.dialect).name);
    let source = Some(b.source(origin));
    table.indexes.push(Index {
        id: ConstraintId(b.next_id()),
        name: index_name,
        parts,
        unique: index.unique,
        predicate: index.predicate.as_ref().map(ToString::to_string),
        method: index.using.as_ref().map(|m| m.to_string().to_lowercase()),
        include,
        source,
    });
    if let Some(slot) = b.table_mut(id) {
        *slot = table;
    }
}

/// COMMENT ON TABLE / COLUMN.
pub fn comment(
    b: &mut Builder,
    object: CommentObject,
    name: &ObjectName,
    text: Option<&String>,
    origin: &Origin,
) {
    let text = text.cloned();
    match object {
        CommentObject::Table => {
            let table_name = names::qualified(name, b.dialect);
            match b.table_id(&table_name).and_then(|id| b.table_mut(id)) {
                Some(table) => table.comment = text,
                None => missing_table(b, &table_name, origin, "COMMENT ON TABLE"),
            }
        }
        CommentObject::Column => {
            let mut parts = names::parts(name, b.dialect);
            let column = parts.pop().unwrap_or_default();
            let table_name = names::qualified_from_parts(parts, b.dialect);
            match b.column_mut(&table_name, &column) {
                Some(c) => c.comment = text,
                None => b.report(
                    origin,
                    Severity::Error,
                    format!("COMMENT ON COLUMN: {table_name}.{column} is not defined"),
                ),
            }
        }
        _ => {}
    }
}

/// DROP TABLE (dumps drop before they create; a table not yet defined is fine).
pub fn drop_tables(b: &mut Builder, names_list: &[ObjectName]) {
    for name in names_list {
        let name = names::qualified(name, b.dialect);
        b.remove_table(&name);
    }
}
