//! Source locations of details inside a statement (a column definition, one constraint), so
//! diagnostics and lint findings point at the line that needs attention rather than at the
//! start of a long CREATE TABLE.

use sqlparser::tokenizer::Span;

use super::builder::Origin;
use crate::model::SourceLocation;

/// The file location of a byte offset inside the statement.
fn at_offset(file: &str, origin: &Origin, offset: usize) -> SourceLocation {
    let before = origin.text.get(..offset).unwrap_or("");
    let newlines = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count());
    let line = origin.line + u32::try_from(newlines).unwrap_or(0);
    let column = if newlines == 0 {
        origin.column + u32::try_from(column).unwrap_or(0)
    } else {
        u32::try_from(column + 1).unwrap_or(1)
    };
    SourceLocation {
        file: file.to_owned(),
        line,
        column,
    }
}

/// Byte offset of a 1-based line and character column inside `text`.
fn offset_of(text: &str, line: u64, column: u64) -> Option<usize> {
    let mut offset = 0;
    for _ in 1..line {
        offset += text.get(offset..)?.find('\n')? + 1;
    }
    let rest = text.get(offset..)?;
    let chars = usize::try_from(column.checked_sub(1)?).ok()?;
    let within = rest
        .char_indices()
        .nth(chars)
        .map_or(rest.len(), |(i, _)| i);
    Some(offset + within)
}

fn starts_with_name(text: &str, name: &str) -> bool {
    let text = text.trim_start_matches(['"', '`', '[']);
    text.get(..name.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(name))
}

/// Where `name` (an identifier) appears in the statement: at the parser's span when that
/// points at it, else at its first whole-word occurrence after the opening parenthesis,
/// else the statement's start.
pub fn name_location(file: &str, origin: &Origin, span: Span, name: &str) -> SourceLocation {
    if span.start.line > 0
        && let Some(offset) = offset_of(origin.text, span.start.line, span.start.column)
        && origin
            .text
            .get(offset..)
            .is_some_and(|t| starts_with_name(t, name))
    {
        return at_offset(file, origin, offset);
    }
    if let Some(offset) = find_word(origin.text, name) {
        return at_offset(file, origin, offset);
    }
    at_offset(file, origin, 0)
}

/// Where the first line satisfying `wanted` starts (its first non-blank character).
pub fn line_location(file: &str, origin: &Origin, wanted: &dyn Fn(&str) -> bool) -> SourceLocation {
    let mut offset = 0;
    for line in origin.text.split_inclusive('\n') {
        if wanted(line) {
            let indent = line.len() - line.trim_start().len();
            return at_offset(file, origin, offset + indent);
        }
        offset += line.len();
    }
    at_offset(file, origin, 0)
}

/// Points each foreign key at the line that declares it: the first line naming its first
/// column together with REFERENCES (an inline reference or a one-line FOREIGN KEY clause).
pub fn foreign_keys(file: &str, table: &mut crate::model::Table, origin: &Origin) {
    for index in 0..table.foreign_keys.len() {
        let Some(first) = table.foreign_keys[index]
            .columns
            .first()
            .and_then(|c| table.column(*c))
            .map(|c| c.name.to_ascii_lowercase())
        else {
            continue;
        };
        let at = line_location(file, origin, &|line| {
            let lower = line.to_ascii_lowercase();
            lower.contains("references") && lower.contains(&first)
        });
        if at.line != origin.line || at.column != origin.column {
            table.foreign_keys[index].source = Some(at);
        }
    }
}

fn find_word(text: &str, name: &str) -> Option<usize> {
    if name.is_empty() {
        return None;
    }
    let open = text.find('(')?;
    let lower = text.to_ascii_lowercase();
    let needle = name.to_ascii_lowercase();
    let is_word = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
    let mut from = open;
    while let Some(found) = lower.get(from..).and_then(|rest| rest.find(&needle)) {
        let at = from + found;
        let before = lower.get(..at).and_then(|s| s.chars().next_back());
        let after = lower
            .get(at + needle.len()..)
            .and_then(|s| s.chars().next());
        if is_word(before) && is_word(after) {
            return Some(at);
        }
        from = at + needle.len().max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(text: &str) -> Origin<'_> {
        Origin {
            line: 10,
            column: 5,
            text,
        }
    }

    #[test]
    fn names_are_found_on_their_own_line() {
        let text = "CREATE TABLE t (\n  id int,\n  total_id int,\n  total real\n)";
        let at = name_location("f.sql", &origin(text), Span::empty(), "total");
        assert_eq!((at.line, at.column), (13, 3));
        let first = name_location("f.sql", &origin(text), Span::empty(), "t");
        assert_eq!(first.line, 10);
    }

    #[test]
    fn parser_spans_are_used_when_they_point_at_the_name() {
        let text = "CREATE TABLE t (\n  id int,\n  total real\n)";
        let span = Span::new(
            sqlparser::tokenizer::Location::new(3, 3),
            sqlparser::tokenizer::Location::new(3, 8),
        );
        let at = name_location("f.sql", &origin(text), span, "total");
        assert_eq!((at.line, at.column), (12, 3));
    }

    #[test]
    fn lines_are_found_by_content() {
        let text = "CREATE TABLE t (\n  a int,\n  UNIQUE (a) WHERE a > 0\n)";
        let at = line_location("f.sql", &origin(text), &|l| l.contains("WHERE"));
        assert_eq!((at.line, at.column), (12, 3));
    }
}
