//! Helpers shared by the type and dialect rules: retyping a column, adding a check, reading
//! a type's spelling.

use crate::model::{
    CheckConstraint, Column, ConstraintId, DataType, Dialect, Edit, Table, TableChange, TypeKind,
};
use crate::rules::Context;
use crate::sql::export::quote;

/// An edit that gives `column` another type, everything else unchanged.
pub fn retype(table: &Table, column: &Column, data_type: DataType) -> Edit {
    let mut changed = column.clone();
    changed.data_type = data_type;
    Edit::Table {
        table: table.id,
        change: TableChange::ReplaceColumn(changed),
    }
}

/// The same type (array dimensions kept) with another kind and no original spelling.
pub fn with_kind(data_type: &DataType, kind: TypeKind) -> DataType {
    DataType {
        kind,
        array_dims: data_type.array_dims,
        original: None,
    }
}

/// An edit that adds an unnamed check constraint.
pub fn add_check(table: &Table, expression: String) -> Edit {
    Edit::Table {
        table: table.id,
        change: TableChange::AddConstraint(crate::model::Constraint::Check(CheckConstraint {
            id: ConstraintId(0),
            name: None,
            expression,
        })),
    }
}

/// `char_length(column) <= n` in the target's spelling.
pub fn length_check(ctx: &Context, column: &Column, max: u32) -> String {
    let name = quote::ident(&column.name, ctx.dialect);
    let function = match ctx.dialect {
        Dialect::Postgres | Dialect::Mysql => "char_length",
        Dialect::Sqlite => "length",
        Dialect::Mssql => "len",
    };
    format!("{function}({name}) <= {max}")
}

/// The first word of a type's spelling (`int(10) unsigned` → `int`), without quotes or a
/// schema, lower-case as given.
pub fn base_word(spelled: &str) -> &str {
    let word = spelled
        .split(['(', ' '])
        .next()
        .unwrap_or("")
        .trim_matches(['"', '`', '[', ']']);
    word.rsplit('.').next().unwrap_or(word).trim_matches('"')
}

/// A type's spelling for messages: lower-case, without identifier quotes (`[nchar](3)` →
/// `nchar(3)`).
pub fn shown(data_type: &DataType) -> String {
    crate::rules::util::spelling(data_type).replace(['[', ']', '`', '"'], "")
}

/// Whether the column's own type (not through a domain) is one a fix may replace.
pub fn own_type(column: &Column) -> bool {
    !matches!(column.data_type.kind, TypeKind::Domain(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_words_drop_arguments_schemas_and_quotes() {
        assert_eq!(base_word("int(10) unsigned"), "int");
        assert_eq!(base_word("public.geometry(point, 4326)"), "geometry");
        assert_eq!(base_word("\"public\".\"citext\""), "citext");
        assert_eq!(base_word("timestamp"), "timestamp");
    }
}
