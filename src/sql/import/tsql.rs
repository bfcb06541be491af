//! T-SQL scripts: `GO` batch separators, SQLCMD lines (`:setvar`, `:on error`) with `$(var)`
//! substitution, and statements that end without a semicolon.
//!
//! The script is cut into batches at `GO` lines. A batch that creates a procedure, function,
//! trigger or view is one statement (T-SQL requires it to be alone in its batch). Other
//! batches are split by the common splitter and then, since T-SQL needs no semicolons, again
//! at lines that start a new statement outside parentheses, strings and comments.

use std::borrow::Cow;
use std::collections::HashMap;

use super::splitter::{self, Statement, StatementKind};
use crate::model::Dialect;

/// Words that begin a statement when they start a line at the top level of a batch.
const STATEMENT_STARTS: &[&str] = &[
    "CREATE",
    "ALTER",
    "DROP",
    "INSERT",
    "EXEC",
    "EXECUTE",
    "SET",
    "USE",
    "PRINT",
    "IF",
    "DECLARE",
    "GRANT",
    "DENY",
    "REVOKE",
    "RAISERROR",
    "TRUNCATE",
    "DBCC",
    "BACKUP",
    "RESTORE",
];

fn is_go_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    let first = first.trim_end_matches(';');
    first.eq_ignore_ascii_case("GO")
        && (rest.is_empty()
            || (rest.len() == 1
                && rest
                    .iter()
                    .all(|w| w.trim_end_matches(';').chars().all(|c| c.is_ascii_digit()))))
}

fn first_word_upper(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '(' || c == '[' || c == '"')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_ascii_uppercase()
}

fn creates_module(batch: &str) -> bool {
    let body = skip_comments(batch);
    let words: Vec<String> = body
        .split_whitespace()
        .take(4)
        .map(str::to_ascii_uppercase)
        .collect();
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !matches!(*w, "OR" | "ALTER"))
        .collect();
    words.first() == Some(&"CREATE")
        && matches!(
            words.get(1),
            Some(&("PROC" | "PROCEDURE" | "FUNCTION" | "TRIGGER" | "VIEW"))
        )
}

/// The text after leading blanks and comments.
fn skip_comments(text: &str) -> &str {
    let mut rest = text.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("--") {
            rest = after
                .split_once('\n')
                .map_or("", |(_, tail)| tail)
                .trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after
                .split_once("*/")
                .map_or("", |(_, tail)| tail)
                .trim_start();
        } else {
            return rest;
        }
    }
}

/// Splits a T-SQL script into statements.
pub fn split(source: &str) -> Vec<Statement<'_>> {
    let mut out = Vec::new();
    let mut variables: HashMap<String, String> = HashMap::new();
    let mut batch_start = 0usize;
    let mut batch_line = 1u32;
    let mut offset = 0usize;
    for (line_number, line) in (1u32..).zip(source.split_inclusive('\n')) {
        let trimmed = line.trim();
        let is_go = is_go_line(trimmed);
        let is_sqlcmd = trimmed.starts_with(':') && trimmed.len() > 1;
        if is_go || is_sqlcmd {
            emit_batch(
                source,
                batch_start,
                offset,
                batch_line,
                &variables,
                &mut out,
            );
            if is_sqlcmd {
                remember_variable(trimmed, &mut variables);
                out.push(Statement {
                    text: Cow::Borrowed(trimmed),
                    offset,
                    line: line_number,
                    column: 1,
                    kind: StatementKind::Meta,
                });
            }
            batch_start = offset + line.len();
            batch_line = line_number + 1;
        }
        offset += line.len();
    }
    emit_batch(
        source,
        batch_start,
        source.len(),
        batch_line,
        &variables,
        &mut out,
    );
    out
}

fn remember_variable(line: &str, variables: &mut HashMap<String, String>) {
    let mut words = line.splitn(3, char::is_whitespace);
    if words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case(":setvar"))
        && let (Some(name), Some(value)) = (words.next(), words.next())
    {
        variables.insert(name.to_owned(), value.trim().trim_matches('"').to_owned());
    }
}

fn substitute<'a>(text: Cow<'a, str>, variables: &HashMap<String, String>) -> Cow<'a, str> {
    if !text.contains("$(") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    while let Some(at) = rest.find("$(") {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 2..).unwrap_or("");
        match after.find(')') {
            Some(close) => {
                let name = after.get(..close).unwrap_or("");
                match variables.get(name) {
                    Some(value) => out.push_str(value),
                    None => out.push_str(rest.get(at..at + 3 + close).unwrap_or("")),
                }
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(rest.get(at..).unwrap_or(""));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn emit_batch<'a>(
    source: &'a str,
    start: usize,
    end: usize,
    first_line: u32,
    variables: &HashMap<String, String>,
    out: &mut Vec<Statement<'a>>,
) {
    let Some(batch) = source.get(start..end) else {
        return;
    };
    if skip_comments(batch).is_empty() {
        return;
    }
    if creates_module(batch) {
        // The module starts after any comments that open the batch.
        let body = skip_comments(batch);
        let leading = batch.len() - body.len();
        let line = first_line + count_newlines(batch.get(..leading).unwrap_or(""));
        out.push(Statement {
            text: substitute(Cow::Borrowed(body.trim_end()), variables),
            offset: start + leading,
            line,
            column: 1,
            kind: StatementKind::Sql,
        });
        return;
    }
    for statement in splitter::split(batch, Dialect::Mssql) {
        let line = statement.line + first_line - 1;
        let offset = statement.offset + start;
        if statement.kind != StatementKind::Sql {
            out.push(Statement {
                line,
                offset,
                ..statement
            });
            continue;
        }
        for (text, line_delta, byte_delta) in split_on_statement_starts(&statement.text) {
            out.push(Statement {
                text: substitute(text, variables),
                offset: offset + byte_delta,
                line: line + line_delta,
                column: if line_delta == 0 { statement.column } else { 1 },
                kind: StatementKind::Sql,
            });
        }
    }
}

fn count_newlines(text: &str) -> u32 {
    u32::try_from(text.bytes().filter(|b| *b == b'\n').count()).unwrap_or(u32::MAX)
}

/// Cuts a statement at lines that begin a new statement at the top level; returns the pieces
/// with their line and byte offsets within the statement.
fn split_on_statement_starts<'a>(text: &Cow<'a, str>) -> Vec<(Cow<'a, str>, u32, usize)> {
    let mut cuts = vec![0usize];
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut block_comment = false;
    let mut at_line_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        if at_line_start && quote.is_none() && !block_comment && depth == 0 && i > 0 {
            let rest = text.get(i..).unwrap_or("");
            let indent = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            let word = first_word_upper(rest.get(indent..).unwrap_or(""));
            if STATEMENT_STARTS.contains(&word.as_str()) {
                cuts.push(i + indent);
            }
        }
        at_line_start = c == b'\n';
        match (quote, c) {
            (Some(b']'), b']') | (Some(b'\''), b'\'') | (Some(b'"'), b'"') => quote = None,
            (Some(_), _) => {}
            _ if block_comment && c == b'*' && bytes.get(i + 1) == Some(&b'/') => {
                block_comment = false;
                i += 1;
            }
            _ if block_comment => {}
            (None, b'\'' | b'"') => quote = Some(c),
            (None, b'[') => quote = Some(b']'),
            (None, b'(') => depth += 1,
            (None, b')') => depth -= 1,
            (None, b'-') if bytes.get(i + 1) == Some(&b'-') => {
                while bytes.get(i + 1).is_some_and(|b| *b != b'\n') {
                    i += 1;
                }
            }
            (None, b'/') if bytes.get(i + 1) == Some(&b'*') => {
                block_comment = true;
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    if cuts.len() == 1 {
        return vec![(text.clone(), 0, 0)];
    }
    cuts.push(text.len());
    cuts.windows(2)
        .filter_map(|w| {
            let (start, end) = (*w.first()?, *w.get(1)?);
            let piece = text
                .get(start..end)?
                .trim_end()
                .trim_end_matches(';')
                .trim_end();
            if piece.is_empty() {
                return None;
            }
            let line_delta = count_newlines(text.get(..start)?);
            let owned: Cow<'a, str> = match text {
                Cow::Borrowed(b) => Cow::Borrowed(b.get(start..start + piece.len())?),
                Cow::Owned(_) => Cow::Owned(piece.to_owned()),
            };
            Some((owned, line_delta, start))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<(String, u32, StatementKind)> {
        split(source)
            .into_iter()
            .map(|s| (s.text.into_owned(), s.line, s.kind))
            .collect()
    }

    #[test]
    fn go_lines_end_batches_and_sqlcmd_variables_are_substituted() {
        let source = ":setvar Db \"Shop\"\nUSE [$(Db)]\nGO\nCREATE TABLE [dbo].[a] (id int)\nALTER TABLE [dbo].[a] ADD CONSTRAINT pk PRIMARY KEY (id)\ngo 2\nCREATE PROCEDURE p AS\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND\nGO\n";
        let found = texts(source);
        assert_eq!(
            found[0],
            (":setvar Db \"Shop\"".to_owned(), 1, StatementKind::Meta)
        );
        assert_eq!(found[1], ("USE [Shop]".to_owned(), 2, StatementKind::Sql));
        assert_eq!(
            found[2],
            (
                "CREATE TABLE [dbo].[a] (id int)".to_owned(),
                4,
                StatementKind::Sql
            )
        );
        assert_eq!(found[3].1, 5);
        assert!(found[3].0.starts_with("ALTER TABLE"));
        assert_eq!(found[4].1, 7);
        assert!(found[4].0.starts_with("CREATE PROCEDURE p AS") && found[4].0.ends_with("END"));
        assert_eq!(found.len(), 5);
    }

    #[test]
    fn keywords_inside_parentheses_strings_and_comments_do_not_split() {
        let source = "CREATE TABLE t (\n  a int,\n  b varchar(10) DEFAULT 'x\nSET y'\n)\n/* \nCREATE nothing */\nGO";
        let found = texts(source);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
