//! A child table that takes over values a table kept in several columns or in one list
//! column: `(owner key…, [seq,] value)`, keyed by the owner's key plus `seq` or the value,
//! with a foreign key to the owner that cascades deletes.

use crate::model::{
    Column, ColumnId, ColumnRef, ConstraintId, DataType, Deferrable, Edit, ForeignKey, PrimaryKey,
    QualifiedName, ReferentialAction, Table, TableChange, TableRef, TypeKind,
};
use crate::rules::Context;
use crate::rules::naming::inflect::{plural, singular_name, with_last_word};
use crate::rules::util::contains_ignore_ascii_case;

/// What the child table holds.
pub struct Child<'a> {
    /// The table the values come from.
    pub owner: &'a Table,
    /// The words the child's name ends with (`phone`, `tag`), pluralised in the name.
    pub subject: &'a str,
    /// The value column's name.
    pub value_name: String,
    /// The value column's type.
    pub value_type: DataType,
    /// Whether rows are numbered (`seq`), rather than keyed by their value.
    pub numbered: bool,
}

/// The owner's key as a plain type for a referencing column (no serial, no identity).
fn plain(data_type: &DataType) -> DataType {
    let mut plain = data_type.clone();
    let serial = plain
        .original
        .as_deref()
        .is_some_and(|o| contains_ignore_ascii_case(o, "serial"));
    if serial {
        plain.original = None;
    }
    plain
}

/// A free table name in the owner's schema, based on `wanted`.
fn free_name(ctx: &Context, owner: &Table, wanted: &str) -> String {
    let taken = |name: &str| {
        ctx.facts.tables_named(name).iter().any(|id| {
            ctx.table(*id)
                .is_some_and(|t| t.name.schema == owner.name.schema)
        })
    };
    if !taken(wanted) {
        return wanted.to_owned();
    }
    (2..)
        .map(|n| format!("{wanted}_{n}"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| wanted.to_owned())
}

/// The table to add, or `None` when the owner has no primary key to point at.
pub fn child_table(ctx: &Context, child: &Child) -> Option<Table> {
    let owner = child.owner;
    let pk = owner.primary_key.as_ref()?;
    let owner_one = singular_name(&owner.name.name);
    let wanted = format!(
        "{owner_one}_{}",
        with_last_word(child.subject, |w| plural(w, &[]))
    );
    let mut table = Table::new(QualifiedName {
        schema: owner.name.schema.clone(),
        name: free_name(ctx, owner, &wanted),
    });
    table.group = owner.group;
    table.position = crate::model::Position::new(owner.position.x + 320.0, owner.position.y);
    let mut next = 0u64;
    let mut placeholder = || {
        next += 1;
        ColumnId(next)
    };
    let mut key = Vec::new();
    let mut referenced = Vec::new();
    for id in &pk.columns {
        let column = owner.column(*id)?;
        let name = if pk.columns.len() == 1 && !column.name.starts_with(&owner_one) {
            format!("{owner_one}_{}", column.name)
        } else {
            column.name.clone()
        };
        let mut new = Column::new(name, plain(&column.data_type));
        new.nullable = false;
        new.id = placeholder();
        key.push(new.id);
        referenced.push(ColumnRef::Resolved(*id));
        table.columns.push(new);
    }
    let owner_columns = key.clone();
    if child.numbered {
        let mut seq = Column::new("seq", DataType::new(TypeKind::SmallInt));
        seq.nullable = false;
        seq.id = placeholder();
        key.push(seq.id);
        table.columns.push(seq);
    }
    let mut value = Column::new(child.value_name.clone(), child.value_type.clone());
    value.nullable = false;
    value.id = placeholder();
    if !child.numbered {
        key.push(value.id);
    }
    table.columns.push(value);
    table.primary_key = Some(PrimaryKey {
        id: ConstraintId(0),
        name: None,
        columns: key,
    });
    table.foreign_keys.push(ForeignKey {
        id: ConstraintId(0),
        name: None,
        columns: owner_columns,
        referenced_table: TableRef::Resolved(owner.id),
        referenced_columns: referenced,
        on_delete: ReferentialAction::Cascade,
        on_update: ReferentialAction::NoAction,
        deferrable: Deferrable::NotDeferrable,
        source: None,
    });
    Some(table)
}

/// Whether a column can be removed: no key, index or foreign key uses it and no expression
/// of its table mentions it.
pub fn removable(ctx: &Context, table: &Table, column: &Column) -> bool {
    if table.referenced_own_columns().any(|c| c == column.id) {
        return false;
    }
    let mentions = |sql: &str| {
        sql.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|w| w.eq_ignore_ascii_case(&column.name))
    };
    let in_expression = table.checks.iter().any(|c| mentions(&c.expression))
        || table.columns.iter().any(|c| {
            c.generated
                .as_ref()
                .is_some_and(|g| mentions(&g.expression))
        })
        || table.indexes.iter().any(|i| {
            i.predicate.as_deref().is_some_and(mentions)
                || i.parts
                    .iter()
                    .any(|p| matches!(&p.key, crate::model::IndexKey::Expression(e) if mentions(e)))
        });
    if in_expression {
        return false;
    }
    !ctx.facts.referrers(table.id).iter().any(|id| {
        ctx.table(*id).is_some_and(|other| {
            other.foreign_keys.iter().any(|fk| {
                fk.referenced_table == TableRef::Resolved(table.id)
                    && fk
                        .referenced_columns
                        .contains(&ColumnRef::Resolved(column.id))
            })
        })
    })
}

/// Edits that add the child table and remove the columns it replaces.
pub fn move_to_child(table: &Table, child: Table, columns: &[ColumnId]) -> Vec<Edit> {
    let mut edits = vec![Edit::AddTable(child)];
    edits.extend(columns.iter().map(|c| Edit::Table {
        table: table.id,
        change: TableChange::RemoveColumn(*c),
    }));
    edits
}
