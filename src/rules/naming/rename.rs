//! Edits that rename a table, a column or a constraint. Renaming a column also rewrites the
//! table's own SQL expressions (checks, index expressions and predicates, generated
//! columns) that mention it.

use crate::model::{
    ColumnId, Constraint, ConstraintId, Dialect, Edit, IndexKey, QualifiedName, Table, TableChange,
};
use crate::sql::export::quote;

/// Renames the table, keeping its schema.
pub fn rename_table(table: &Table, name: &str) -> Edit {
    Edit::Table {
        table: table.id,
        change: TableChange::Rename(QualifiedName {
            schema: table.name.schema.clone(),
            name: name.to_owned(),
        }),
    }
}

/// Renames a column and rewrites the table's expressions that mention it.
pub fn rename_column(table: &Table, column: ColumnId, name: &str, dialect: Dialect) -> Vec<Edit> {
    let Some(old) = table.column(column) else {
        return Vec::new();
    };
    let edit = |change| Edit::Table {
        table: table.id,
        change,
    };
    let rewrite = |sql: &str| replace_identifier(sql, &old.name, name, dialect);
    let mut edits = vec![edit(TableChange::RenameColumn {
        column,
        name: name.to_owned(),
    })];
    for other in &table.columns {
        if let Some(generated) = &other.generated
            && let Some(expression) = rewrite(&generated.expression)
        {
            let mut changed = other.clone();
            if let Some(g) = &mut changed.generated {
                g.expression = expression;
            }
            edits.push(edit(TableChange::ReplaceColumn(changed)));
        }
    }
    for check in &table.checks {
        if let Some(expression) = rewrite(&check.expression) {
            let mut changed = check.clone();
            changed.expression = expression;
            edits.push(edit(TableChange::ReplaceConstraint(Constraint::Check(
                changed,
            ))));
        }
    }
    for index in &table.indexes {
        let mut changed = index.clone();
        let mut touched = false;
        for part in &mut changed.parts {
            if let IndexKey::Expression(text) = &mut part.key
                && let Some(expression) = rewrite(text)
            {
                *text = expression;
                touched = true;
            }
        }
        if let Some(predicate) = changed.predicate.as_deref().and_then(rewrite) {
            changed.predicate = Some(predicate);
            touched = true;
        }
        if touched {
            edits.push(edit(TableChange::ReplaceConstraint(Constraint::Index(
                changed,
            ))));
        }
    }
    edits
}

/// Gives a key, constraint or index of the table a new name; `None` when another key,
/// constraint or index of the table already has that name (compared case-insensitively).
pub fn rename_constraint(table: &Table, id: ConstraintId, name: &str) -> Option<Edit> {
    let taken = |other: ConstraintId, existing: Option<&String>| {
        other != id && existing.is_some_and(|n| n.eq_ignore_ascii_case(name))
    };
    if table
        .primary_key
        .as_ref()
        .is_some_and(|pk| taken(pk.id, pk.name.as_ref()))
        || table
            .foreign_keys
            .iter()
            .any(|c| taken(c.id, c.name.as_ref()))
        || table.uniques.iter().any(|c| taken(c.id, c.name.as_ref()))
        || table.checks.iter().any(|c| taken(c.id, c.name.as_ref()))
        || table.indexes.iter().any(|c| taken(c.id, c.name.as_ref()))
    {
        return None;
    }
    let change = if let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.id == id) {
        let mut pk = pk.clone();
        pk.name = Some(name.to_owned());
        TableChange::SetPrimaryKey(Some(pk))
    } else if let Some(fk) = table.foreign_keys.iter().find(|c| c.id == id) {
        let mut fk = fk.clone();
        fk.name = Some(name.to_owned());
        TableChange::ReplaceConstraint(Constraint::ForeignKey(fk))
    } else if let Some(unique) = table.uniques.iter().find(|c| c.id == id) {
        let mut unique = unique.clone();
        unique.name = Some(name.to_owned());
        TableChange::ReplaceConstraint(Constraint::Unique(unique))
    } else if let Some(check) = table.checks.iter().find(|c| c.id == id) {
        let mut check = check.clone();
        check.name = Some(name.to_owned());
        TableChange::ReplaceConstraint(Constraint::Check(check))
    } else {
        let mut index = table.indexes.iter().find(|c| c.id == id)?.clone();
        index.name = Some(name.to_owned());
        TableChange::ReplaceConstraint(Constraint::Index(index))
    };
    Some(Edit::Table {
        table: table.id,
        change,
    })
}

/// `sql` with every mention of the identifier `old` (bare, case-insensitive, or quoted)
/// replaced by `new`, quoted as the dialect needs; `None` when `old` does not occur. String
/// literals are left alone.
pub fn replace_identifier(sql: &str, old: &str, new: &str, dialect: Dialect) -> Option<String> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = String::with_capacity(sql.len());
    let mut found = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let close = match c {
            '\'' => Some('\''),
            '"' => Some('"'),
            '`' => Some('`'),
            '[' if dialect == Dialect::Mssql => Some(']'),
            _ => None,
        };
        if let Some(close) = close {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != close {
                j += 1;
            }
            let inner: String = chars[(i + 1).min(chars.len())..j.min(chars.len())]
                .iter()
                .collect();
            if c != '\'' && inner.eq_ignore_ascii_case(old) {
                out.push(c);
                out.push_str(new);
                out.push(close);
                found = true;
            } else {
                out.push(c);
                out.push_str(&inner);
                if j < chars.len() {
                    out.push(close);
                }
            }
            i = j + 1;
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            if word.eq_ignore_ascii_case(old) {
                out.push_str(&quote::ident(new, dialect));
                found = true;
            } else {
                out.push_str(&word);
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    found.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_replaced_outside_string_literals() {
        let pg = Dialect::Postgres;
        assert_eq!(
            replace_identifier("firstname <> 'firstname'", "firstname", "first_name", pg)
                .as_deref(),
            Some("first_name <> 'firstname'")
        );
        assert_eq!(
            replace_identifier("\"Total\" > 0", "Total", "total", pg).as_deref(),
            Some("\"total\" > 0")
        );
        assert_eq!(
            replace_identifier("total > 0", "total", "Total", pg).as_deref(),
            Some("\"Total\" > 0")
        );
        assert_eq!(replace_identifier("totals > 0", "total", "x", pg), None);
        assert_eq!(
            replace_identifier("[Qty] > 0", "qty", "quantity", Dialect::Mssql).as_deref(),
            Some("[quantity] > 0")
        );
    }
}
