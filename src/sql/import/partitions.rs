//! A partition has the keys of its partitioned parent: PostgreSQL creates the parent's
//! primary key, unique constraints, unique indexes and foreign keys on every partition.

use std::sync::Arc;

use super::builder::Builder;
use crate::model::*;

/// Copies the parent's keys to every partition that lacks them (matching columns by name).
pub fn inherit_partition_keys(b: &mut Builder) {
    let children: Vec<(TableId, QualifiedName)> = b
        .doc
        .tables
        .values()
        .filter_map(|t| Some((t.id, QualifiedName::parse(t.options.0.get("partition_of")?))))
        .collect();
    for (child_id, parent_name) in children {
        let Some(parent) = b
            .table_id(&parent_name)
            .and_then(|id| b.doc.table(id))
            .cloned()
        else {
            continue;
        };
        let Some(mut child) = b.doc.table(child_id).cloned() else {
            continue;
        };
        let by_name = |ids: &[ColumnId]| -> Option<Vec<ColumnId>> {
            ids.iter()
                .map(|id| {
                    let name = &parent.column(*id)?.name;
                    child
                        .columns
                        .iter()
                        .find(|c| c.name.eq_ignore_ascii_case(name))
                        .map(|c| c.id)
                })
                .collect()
        };
        let pk = match (&child.primary_key, &parent.primary_key) {
            (None, Some(pk)) => by_name(&pk.columns).map(|columns| PrimaryKey {
                id: pk.id,
                name: None,
                columns,
            }),
            _ => None,
        };
        let uniques: Vec<UniqueConstraint> = parent
            .uniques
            .iter()
            .filter_map(|u| {
                Some(UniqueConstraint {
                    id: u.id,
                    name: None,
                    columns: by_name(&u.columns)?,
                })
            })
            .filter(|u| !child.uniques.iter().any(|c| c.columns == u.columns))
            .collect();
        let indexes: Vec<Index> = parent
            .indexes
            .iter()
            .filter(|i| i.unique)
            .filter_map(|i| {
                let mut parts = Vec::new();
                for part in &i.parts {
                    let key = match &part.key {
                        IndexKey::Column(c) => IndexKey::Column(*by_name(&[*c])?.first()?),
                        IndexKey::Expression(e) => IndexKey::Expression(e.clone()),
                    };
                    parts.push(IndexPart {
                        key,
                        order: part.order,
                        length: part.length,
                    });
                }
                Some(Index {
                    name: None,
                    parts,
                    include: Vec::new(),
                    ..i.clone()
                })
            })
            .filter(|i| !child.indexes.iter().any(|c| c.unique && c.parts == i.parts))
            .collect();
        let foreign_keys: Vec<ForeignKey> = parent
            .foreign_keys
            .iter()
            .filter_map(|fk| {
                Some(ForeignKey {
                    columns: by_name(&fk.columns)?,
                    name: None,
                    ..fk.clone()
                })
            })
            .filter(|fk| {
                !child
                    .foreign_keys
                    .iter()
                    .any(|c| c.columns == fk.columns && c.referenced_table == fk.referenced_table)
            })
            .collect();
        if let Some(pk) = pk {
            child.primary_key = Some(PrimaryKey {
                id: ConstraintId(b.next_id()),
                ..pk
            });
        }
        for mut unique in uniques {
            unique.id = ConstraintId(b.next_id());
            child.uniques.push(unique);
        }
        for mut index in indexes {
            index.id = ConstraintId(b.next_id());
            child.indexes.push(index);
        }
        for mut fk in foreign_keys {
            fk.id = ConstraintId(b.next_id());
            child.foreign_keys.push(fk);
        }
        b.doc.tables.insert(child_id, Arc::new(child));
    }
}
