//! `UNIQUE (a, b) WHERE cond` written inside CREATE TABLE is not valid PostgreSQL (a partial
//! unique constraint must be a unique index), but it says clearly what is meant. It is taken
//! out of the table definition before parsing and added back as a partial unique index, with
//! a note.

use super::builder::{Builder, Origin};
use super::diagnostics::Severity;
use super::names;
use crate::model::*;

/// A partial unique constraint found inside a CREATE TABLE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialUnique {
    /// Column names, as written.
    pub columns: Vec<String>,
    /// The WHERE condition.
    pub predicate: String,
}

/// Finds top-level `UNIQUE (...) WHERE ...` items in a CREATE TABLE body and returns the text
/// without them.
pub fn extract(text: &str) -> Option<(String, Vec<PartialUnique>)> {
    let open = text.find('(')?;
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut item_start = open + 1;
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut quote: Option<u8> = None;
    let mut end = None;
    for (i, &c) in bytes.iter().enumerate().skip(open) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (None, b'\'' | b'"') => quote = Some(c),
            (None, b'(') => depth += 1,
            (None, b')') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    items.push((item_start, i));
                    end = Some(i);
                    break;
                }
            }
            (None, b',') if depth == 1 => {
                items.push((item_start, i));
                item_start = i + 1;
            }
            _ => {}
        }
    }
    end?;
    let mut found = Vec::new();
    let mut removed: Vec<(usize, usize)> = Vec::new();
    for (index, (start, stop)) in items.iter().enumerate() {
        let item = strip_leading_comments(text.get(*start..*stop)?);
        let upper = item.to_ascii_uppercase();
        let Some(rest) = upper.strip_prefix("UNIQUE") else {
            continue;
        };
        let Some(where_at) = rest.find(" WHERE ") else {
            continue;
        };
        let offset = item.len() - rest.len();
        let columns_text = item.get(offset..offset + where_at)?.trim();
        let columns = columns_text
            .trim_start_matches('(')
            .trim_end_matches(')')
            .split(',')
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect();
        let predicate = item
            .get(offset + where_at + " WHERE ".len()..)?
            .trim()
            .to_owned();
        found.push(PartialUnique { columns, predicate });
        // Remove the item together with the comma before it (or after it, for the first item).
        let cut = if index == 0 {
            (*start, items.get(1).map_or(*stop, |next| next.0))
        } else {
            (items.get(index - 1).map_or(*start, |prev| prev.1), *stop)
        };
        removed.push(cut);
    }
    if found.is_empty() {
        return None;
    }
    let mut out = text.to_owned();
    for (start, stop) in removed.into_iter().rev() {
        out.replace_range(start..stop, "");
    }
    Some((out, found))
}

/// The item without the `--` comment lines in front of it.
fn strip_leading_comments(item: &str) -> &str {
    let mut rest = item.trim();
    while rest.starts_with("--") {
        rest = rest.split_once('\n').map_or("", |(_, tail)| tail).trim();
    }
    rest
}

/// Adds the partial unique indexes to the table just created.
pub fn apply(b: &mut Builder, table: &QualifiedName, partials: &[PartialUnique], origin: &Origin) {
    let Some(id) = b.table_id(table) else { return };
    for partial in partials {
        let Some(current) = b.doc.table(id) else {
            return;
        };
        let mut parts = Vec::new();
        for name in &partial.columns {
            let name = names::unquote(name, b.dialect);
            match current
                .columns
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(&name))
            {
                Some(c) => parts.push(IndexPart {
                    key: IndexKey::Column(c.id),
                    order: SortOrder::Asc,
                    length: None,
                }),
                None => {
                    b.report(
                        origin,
                        Severity::Error,
                        format!("UNIQUE ... WHERE names unknown column \"{name}\""),
                    );
                    return;
                }
            }
        }
        let index_name = format!("{}_{}_key", table.name, partial.columns.join("_"));
        let at = super::locate::line_location(&b.file, origin, &|line| {
            let upper = line.to_ascii_uppercase();
            upper.contains("UNIQUE") && upper.contains(" WHERE ")
        });
        let detail = Origin {
            line: at.line,
            column: at.column,
            text: origin.text,
        };
        b.report(
            &detail,
            Severity::Note,
            format!(
                "UNIQUE ({}) WHERE {} is not valid inside CREATE TABLE; imported as the partial unique index {index_name}",
                partial.columns.join(", "),
                partial.predicate
            ),
        );
        let index = Index {
            id: ConstraintId(b.next_id()),
            name: Some(index_name),
            parts,
            unique: true,
            predicate: Some(partial.predicate.clone()),
            method: None,
            include: Vec::new(),
            source: Some(b.source(origin)),
        };
        if let Some(table) = b.table_mut(id) {
            table.indexes.push(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_partial_unique_is_taken_out() {
        let sql = "CREATE TABLE a (\n  id int,\n  is_default boolean,\n  UNIQUE(id, is_default) WHERE is_default = true\n)";
        let (text, found) = extract(sql).unwrap();
        assert_eq!(text, "CREATE TABLE a (\n  id int,\n  is_default boolean)");
        assert_eq!(
            found,
            vec![PartialUnique {
                columns: vec!["id".into(), "is_default".into()],
                predicate: "is_default = true".into()
            }]
        );
        assert!(extract("CREATE TABLE b (id int, UNIQUE (id))").is_none());
    }
}
