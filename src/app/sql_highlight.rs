//! Syntax colouring for SQL shown in the editor: keywords, strings, numbers, comments.

use egui::FontId;
use egui::text::{LayoutJob, TextFormat};

const KEYWORDS: &[&str] = &[
    "ADD",
    "ALTER",
    "ALWAYS",
    "AND",
    "AS",
    "ASC",
    "AUTO_INCREMENT",
    "AUTOINCREMENT",
    "BY",
    "CASCADE",
    "CHECK",
    "COLLATE",
    "COMMENT",
    "CONSTRAINT",
    "CREATE",
    "DEFAULT",
    "DEFERRABLE",
    "DEFERRED",
    "DELETE",
    "DELIMITER",
    "DESC",
    "DOMAIN",
    "ENUM",
    "EXEC",
    "EXTENSION",
    "FOREIGN",
    "FROM",
    "FULLTEXT",
    "GENERATED",
    "GO",
    "IDENTITY",
    "IN",
    "INCLUDE",
    "INDEX",
    "INHERITS",
    "INITIALLY",
    "IS",
    "KEY",
    "MATERIALIZED",
    "NO",
    "NOT",
    "NULL",
    "OF",
    "ON",
    "OR",
    "OWNED",
    "PARTITION",
    "PERSISTED",
    "PRIMARY",
    "REFERENCES",
    "RESTRICT",
    "ROWID",
    "SCHEMA",
    "SELECT",
    "SEQUENCE",
    "SET",
    "STORED",
    "STRICT",
    "TABLE",
    "TO",
    "TYPE",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VALUES",
    "VIEW",
    "VIRTUAL",
    "WHERE",
    "WITH",
    "WITHOUT",
];

/// Which colour class a span of SQL belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Identifiers, punctuation, whitespace.
    Plain,
    /// An SQL keyword.
    Keyword,
    /// A string literal.
    Str,
    /// A number.
    Number,
    /// A `--` or `/* */` comment.
    Comment,
}

/// Splits SQL into coloured spans (byte ranges with their class).
pub fn spans(text: &str) -> Vec<(usize, usize, Class)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = bytes[i];
        let class = if c == b'-' && bytes.get(i + 1) == Some(&b'-') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            Class::Comment
        } else if c == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i = text[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |e| i + 2 + e + 2);
            Class::Comment
        } else if c == b'\'' {
            i += 1;
            while i < bytes.len() {
                if bytes[i] == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
            Class::Str
        } else if c == b'"' || c == b'`' || c == b'[' {
            let close = if c == b'[' { b']' } else { c };
            i += 1;
            while i < bytes.len() && bytes[i] != close {
                i += 1;
            }
            i = (i + 1).min(bytes.len());
            Class::Plain
        } else if c.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                i += 1;
            }
            Class::Number
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let word = &text[start..i];
            if KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
                && word == word.to_ascii_uppercase()
            {
                Class::Keyword
            } else {
                Class::Plain
            }
        } else {
            // One character (whole UTF-8 sequence) of punctuation or space.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            Class::Plain
        };
        match out.last_mut() {
            Some((_, end, last)) if *last == class && *end == start => *end = i,
            _ => out.push((start, i, class)),
        }
    }
    out
}

/// The text as a coloured layout in the monospace font.
pub fn layout(text: &str, dark: bool, font: &FontId) -> LayoutJob {
    let colors = if dark {
        crate::render::Palette::DARK
    } else {
        crate::render::Palette::LIGHT
    };
    let mut job = LayoutJob::default();
    for (start, end, class) in spans(text) {
        let color = match class {
            Class::Plain => colors.sql_plain,
            Class::Keyword => colors.sql_keyword,
            Class::Str => colors.sql_string,
            Class::Number => colors.sql_number,
            Class::Comment => colors.sql_comment,
        };
        let color = super::theme::color32(color);
        job.append(
            &text[start..end],
            0.0,
            TextFormat {
                font_id: font.clone(),
                color,
                italics: class == Class::Comment,
                ..Default::default()
            },
        );
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_strings_numbers_and_comments_are_told_apart() {
        let text =
            "-- note\nCREATE TABLE \"order\" (n integer DEFAULT 42, s text DEFAULT 'it''s');";
        let classes: Vec<(&str, Class)> = spans(text)
            .into_iter()
            .map(|(s, e, c)| (&text[s..e], c))
            .filter(|(_, c)| *c != Class::Plain)
            .collect();
        assert_eq!(
            classes,
            vec![
                ("-- note", Class::Comment),
                ("CREATE", Class::Keyword),
                ("TABLE", Class::Keyword),
                ("DEFAULT", Class::Keyword),
                ("42", Class::Number),
                ("DEFAULT", Class::Keyword),
                ("'it''s'", Class::Str),
            ]
        );
    }
}
