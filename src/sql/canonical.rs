//! The canonical JSON description of an imported schema, as the fidelity scorer reads it:
//! tables keyed by name (schema-qualified outside the default schema), their columns, keys,
//! unique constraints and indexes, plus enums and views.

use serde_json::{Map, Value, json};

use crate::model::{
    ColumnRef, Dialect, Document, IndexKey, QualifiedName, Table, TableRef, TypeKind, TypeRef,
};
use crate::sql::types::dialect_spelling;

fn key(name: &QualifiedName) -> String {
    name.to_string()
}

fn column_names(table: &Table, ids: &[crate::model::ColumnId]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| table.column(*id).map(|c| c.name.clone()))
        .collect()
}

fn table_json(doc: &Document, table: &Table, dialect: Dialect) -> Value {
    let mut columns = Map::new();
    for column in &table.columns {
        let named = match &column.data_type.kind {
            TypeKind::Enum(TypeRef::Resolved(id)) => doc.enums.get(id).map(|e| e.name.to_string()),
            TypeKind::Domain(TypeRef::Resolved(id)) => {
                doc.domains.get(id).map(|d| d.name.to_string())
            }
            TypeKind::Enum(TypeRef::Unresolved(n)) | TypeKind::Domain(TypeRef::Unresolved(n)) => {
                Some(n.to_string())
            }
            _ => None,
        }
        .unwrap_or_default();
        let mut entry = Map::new();
        entry.insert(
            "type".into(),
            json!(dialect_spelling(&column.data_type, dialect, &named)),
        );
        entry.insert(
            "nullable".into(),
            json!(column.nullable && !table.is_primary_key_column(column.id)),
        );
        let serial = column
            .identity
            .is_some_and(|i| i.kind == crate::model::IdentityKind::Serial);
        entry.insert(
            "has_default".into(),
            json!(column.default.is_some() || serial),
        );
        if let Some(comment) = &column.comment {
            entry.insert("comment".into(), json!(comment));
        }
        if let Some(identity) = column.identity {
            entry.insert(
                "identity".into(),
                json!(format!("{:?}", identity.kind).to_lowercase()),
            );
        }
        if let Some(generated) = &column.generated {
            entry.insert("generated".into(), json!(generated.expression));
        }
        columns.insert(column.name.clone(), Value::Object(entry));
    }
    let foreign_keys: Vec<Value> = table
        .foreign_keys
        .iter()
        .map(|fk| {
            let target = doc.referenced_table(fk);
            let ref_table = match &fk.referenced_table {
                TableRef::Resolved(_) => target.map(|t| key(&t.name)).unwrap_or_default(),
                TableRef::Unresolved(name) => key(name),
            };
            let ref_columns: Vec<String> = fk
                .referenced_columns
                .iter()
                .map(|c| match c {
                    ColumnRef::Resolved(id) => target
                        .and_then(|t| t.column(*id))
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    ColumnRef::Unresolved(name) => name.clone(),
                })
                .collect();
            json!({
                "columns": column_names(table, &fk.columns),
                "ref_table": ref_table,
                "ref_columns": ref_columns,
                "on_delete": fk.on_delete.sql(),
                "on_update": fk.on_update.sql(),
                "name": fk.name,
            })
        })
        .collect();
    let indexes: Vec<Value> = table
        .indexes
        .iter()
        .map(|index| {
            let columns: Vec<String> = index
                .parts
                .iter()
                .map(|p| match &p.key {
                    IndexKey::Column(id) => table
                        .column(*id)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    IndexKey::Expression(text) => format!("({text})"),
                })
                .collect();
            json!({ "name": index.name, "columns": columns, "unique": index.unique })
        })
        .collect();
    let mut value = json!({
        "columns": Value::Object(columns),
        "primary_key": table.primary_key.as_ref().map(|pk| column_names(table, &pk.columns)).unwrap_or_default(),
        "foreign_keys": foreign_keys,
        "unique": table.uniques.iter().map(|u| column_names(table, &u.columns)).collect::<Vec<_>>(),
        "indexes": indexes,
        "check_count": table.checks.len(),
    });
    if let (Some(comment), Value::Object(map)) = (&table.comment, &mut value) {
        map.insert("comment".into(), json!(comment));
    }
    value
}

/// The canonical JSON of a document read from `file` in `dialect`.
pub fn to_json(doc: &Document, dialect: Dialect, file: &str) -> Value {
    let mut tables = Map::new();
    for table in doc.tables.values() {
        tables.insert(key(&table.name), table_json(doc, table, dialect));
    }
    let enums: Map<String, Value> = doc
        .enums
        .values()
        .map(|e| (key(&e.name), json!(e.values)))
        .collect();
    let views: Vec<String> = doc
        .views
        .values()
        .filter(|v| !v.materialized)
        .map(|v| key(&v.name))
        .collect();
    let materialized: Vec<String> = doc
        .views
        .values()
        .filter(|v| v.materialized)
        .map(|v| key(&v.name))
        .collect();
    json!({
        "dialect": dialect.name(),
        "file": file,
        "tables": Value::Object(tables),
        "enums": Value::Object(enums),
        "views": views,
        "materialized_views": materialized,
    })
}
