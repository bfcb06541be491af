//! How many rows a foreign key relates on each side, read from the keys and nullability of
//! the referencing table.

use super::{ColumnId, ForeignKey, IndexKey, Table};

/// The cardinality of a foreign key in crow's foot terms.
///
/// The referencing (child) table holds the foreign key; the referenced (parent) table holds
/// the key it points at. A parent row may always exist without children, so the child side
/// is "zero or many" (or "zero or one" for one-to-one); the parent side is "exactly one", or
/// "zero or one" when the foreign key may be NULL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cardinality {
    /// Many child rows may reference one parent row.
    pub child_many: bool,
    /// A child row may reference no parent (some foreign-key column is nullable).
    pub parent_optional: bool,
    /// At most one child row per parent row (the foreign-key columns are unique).
    pub one_to_one: bool,
}

impl Cardinality {
    /// The cardinality of `fk`, a foreign key of `table`.
    ///
    /// The relationship is one-to-one when the primary key, a unique constraint or a unique
    /// index without a predicate consists only of foreign-key columns (so the foreign-key
    /// values cannot repeat); otherwise it is many-to-one. The parent is optional when any
    /// foreign-key column is nullable.
    pub fn of(table: &Table, fk: &ForeignKey) -> Self {
        let within_fk = |key: &[ColumnId]| -> bool {
            !key.is_empty() && key.iter().all(|c| fk.columns.contains(c))
        };
        let by_primary_key = table
            .primary_key
            .as_ref()
            .is_some_and(|pk| within_fk(&pk.columns));
        let by_unique = table.uniques.iter().any(|u| within_fk(&u.columns));
        let by_index = table.indexes.iter().any(|index| {
            index.unique
                && index.predicate.is_none()
                && index
                    .parts
                    .iter()
                    .map(|p| match p.key {
                        IndexKey::Column(c) => Some(c),
                        IndexKey::Expression(_) => None,
                    })
                    .collect::<Option<Vec<_>>>()
                    .is_some_and(|columns| within_fk(&columns))
        });
        let one_to_one = by_primary_key || by_unique || by_index;
        let parent_optional = fk
            .columns
            .iter()
            .any(|c| table.column(*c).is_some_and(|col| col.nullable));
        Self {
            child_many: !one_to_one,
            parent_optional,
            one_to_one,
        }
    }

    /// A short description, such as "many-to-one, optional" or "one-to-one, mandatory".
    pub fn label(&self) -> &'static str {
        match (self.one_to_one, self.parent_optional) {
            (false, true) => "many-to-one, optional",
            (false, false) => "many-to-one, mandatory",
            (true, true) => "one-to-one, optional",
            (true, false) => "one-to-one, mandatory",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cardinality;
    use crate::model::{
        Column, ColumnId, ColumnRef, ConstraintId, DataType, ForeignKey, Index, IndexKey,
        IndexPart, PrimaryKey, QualifiedName, Table, TableId, TableRef, TypeKind, UniqueConstraint,
    };

    /// A table with columns 1 (`id`), 2 (`a`, not null) and 3 (`b`, nullable) and a foreign
    /// key over `columns`.
    fn child(columns: &[u64]) -> (Table, ForeignKey) {
        let mut table = Table::new(QualifiedName::new("child"));
        for (id, name, nullable) in [(1, "id", false), (2, "a", false), (3, "b", true)] {
            let mut column = Column::new(name, DataType::new(TypeKind::BigInt));
            column.id = ColumnId(id);
            column.nullable = nullable;
            table.columns.push(column);
        }
        table.primary_key = Some(PrimaryKey {
            id: ConstraintId(10),
            name: None,
            columns: vec![ColumnId(1)],
        });
        let fk = ForeignKey {
            id: ConstraintId(11),
            name: None,
            columns: columns.iter().map(|c| ColumnId(*c)).collect(),
            referenced_table: TableRef::Resolved(TableId(99)),
            referenced_columns: columns
                .iter()
                .map(|c| ColumnRef::Unresolved(format!("p{c}")))
                .collect(),
            on_delete: Default::default(),
            on_update: Default::default(),
            deferrable: Default::default(),
            source: None,
        };
        (table, fk)
    }

    #[test]
    fn a_plain_not_null_reference_is_many_to_one_mandatory() {
        let (table, fk) = child(&[2]);
        let c = Cardinality::of(&table, &fk);
        assert!(c.child_many && !c.one_to_one && !c.parent_optional);
        assert_eq!(c.label(), "many-to-one, mandatory");
    }

    #[test]
    fn a_nullable_column_makes_the_parent_optional() {
        let (table, fk) = child(&[2, 3]);
        let c = Cardinality::of(&table, &fk);
        assert!(c.child_many && c.parent_optional);
        assert_eq!(c.label(), "many-to-one, optional");
    }

    #[test]
    fn a_foreign_key_over_the_primary_key_is_one_to_one() {
        let (table, fk) = child(&[1]);
        let c = Cardinality::of(&table, &fk);
        assert!(c.one_to_one && !c.child_many && !c.parent_optional);
        assert_eq!(c.label(), "one-to-one, mandatory");
        // The key is unique even when the foreign key has more columns than it.
        let (table, fk) = child(&[1, 3]);
        assert_eq!(Cardinality::of(&table, &fk).label(), "one-to-one, optional");
    }

    #[test]
    fn unique_constraints_and_indexes_make_it_one_to_one() {
        let (mut table, fk) = child(&[3]);
        table.uniques.push(UniqueConstraint {
            id: ConstraintId(12),
            name: None,
            columns: vec![ColumnId(3)],
        });
        assert_eq!(Cardinality::of(&table, &fk).label(), "one-to-one, optional");

        let (mut table, fk) = child(&[2]);
        let index = |predicate: Option<&str>, unique: bool| Index {
            id: ConstraintId(13),
            name: None,
            parts: vec![IndexPart {
                key: IndexKey::Column(ColumnId(2)),
                order: Default::default(),
                length: None,
            }],
            unique,
            predicate: predicate.map(Into::into),
            method: None,
            include: Vec::new(),
            source: None,
        };
        table.indexes.push(index(None, false));
        assert!(Cardinality::of(&table, &fk).child_many, "not unique");
        table.indexes[0] = index(Some("a > 0"), true);
        assert!(Cardinality::of(&table, &fk).child_many, "partial");
        table.indexes[0] = index(None, true);
        assert_eq!(
            Cardinality::of(&table, &fk).label(),
            "one-to-one, mandatory"
        );
    }

    #[test]
    fn a_unique_key_wider_than_the_foreign_key_does_not_count() {
        let (mut table, fk) = child(&[2]);
        table.uniques.push(UniqueConstraint {
            id: ConstraintId(12),
            name: None,
            columns: vec![ColumnId(2), ColumnId(3)],
        });
        assert!(Cardinality::of(&table, &fk).child_many);
    }
}
