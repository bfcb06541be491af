//! A small SQL tokenizer for expressions kept as text in the model (defaults, checks,
//! generated columns, index expressions, view queries), so they can be carried from one
//! dialect to another.

use crate::model::Dialect;

/// One lexical token of an SQL expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A string literal's content (quotes removed, escapes resolved).
    Str(String),
    /// A quoted identifier's name (quotes removed).
    Quoted(String),
    /// A bare word: keyword, function or identifier.
    Word(String),
    /// A number.
    Number(String),
    /// An operator or punctuation, e.g. `::`, `||`, `(`, `,`.
    Punct(String),
    /// Whitespace or a comment, collapsed.
    Space,
}

const OPERATORS: &[&str] = &[
    "!~~*", "~~*", "!~~", "->>", "::", "||", "<=", ">=", "<>", "!=", "~~", "!~*", "~*", "!~", "->",
    "@>", "<@", "&&", "#>", "<<", ">>",
];

/// Splits `text` into tokens as `dialect` reads it. Fails on an unterminated literal.
pub fn tokenize(text: &str, dialect: Dialect) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            while chars.get(i).is_some_and(|c| c.is_whitespace()) {
                i += 1;
            }
            tokens.push(Token::Space);
        } else if c == '-' && chars.get(i + 1) == Some(&'-') {
            while chars.get(i).is_some_and(|&c| c != '\n') {
                i += 1;
            }
            tokens.push(Token::Space);
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            let end = find_from(&chars, i + 2, &['*', '/']).ok_or("unterminated comment")?;
            i = end + 2;
            tokens.push(Token::Space);
        } else if c == '\'' || (c == '"' && dialect == Dialect::Mysql) {
            let (content, next) = quoted(&chars, i, c, dialect == Dialect::Mysql)?;
            tokens.push(Token::Str(content));
            i = next;
        } else if c == '"' || c == '`' {
            let (content, next) = quoted(&chars, i, c, false)?;
            tokens.push(Token::Quoted(content));
            i = next;
        } else if c == '[' && dialect == Dialect::Mssql {
            let (content, next) = quoted(&chars, i, ']', false)?;
            tokens.push(Token::Quoted(content));
            i = next;
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.')
            {
                i += 1;
            }
            tokens.push(Token::Number(chars[start..i].iter().collect()));
        } else if c.is_alphanumeric() || c == '_' || c == '$' || c == '@' || c == '#' {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '@' | '#'))
            {
                i += 1;
            }
            tokens.push(Token::Word(chars[start..i].iter().collect()));
        } else {
            let rest: String = chars[i..chars.len().min(i + 4)].iter().collect();
            let op = OPERATORS
                .iter()
                .find(|op| rest.starts_with(**op))
                .map_or_else(|| c.to_string(), |op| (*op).to_owned());
            i += op.chars().count();
            tokens.push(Token::Punct(op));
        }
    }
    Ok(tokens)
}

/// Whether `text` is one plain literal: a string, a (signed) number, or one of `words`
/// (compared case-insensitively, e.g. `null`, `true`, `current_timestamp`).
pub fn is_literal(text: &str, dialect: Dialect, words: &[&str]) -> bool {
    let Ok(tokens) = tokenize(text, dialect) else {
        return false;
    };
    let tokens: Vec<&Token> = tokens.iter().filter(|t| **t != Token::Space).collect();
    match tokens.as_slice() {
        [Token::Str(_) | Token::Number(_)] => true,
        [Token::Punct(sign), Token::Number(_)] => sign == "-" || sign == "+",
        [Token::Word(w)] => words.iter().any(|k| k.eq_ignore_ascii_case(w)),
        _ => false,
    }
}

fn find_from(chars: &[char], from: usize, pattern: &[char]) -> Option<usize> {
    (from..chars.len()).find(|&i| chars[i..].starts_with(pattern))
}

/// Reads a literal opened at `start` and closed by `close` (doubled to escape it), returning
/// its content and the index after it.
fn quoted(
    chars: &[char],
    start: usize,
    close: char,
    backslash: bool,
) -> Result<(String, usize), String> {
    let mut content = String::new();
    let mut i = start + 1;
    loop {
        match chars.get(i) {
            None => return Err("unterminated quoted text".into()),
            Some('\\') if backslash => {
                let escaped = chars.get(i + 1).ok_or("unterminated quoted text")?;
                content.push(match escaped {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    other => *other,
                });
                i += 2;
            }
            Some(&c) if c == close => {
                if chars.get(i + 1) == Some(&close) {
                    content.push(c);
                    i += 2;
                } else {
                    return Ok((content, i + 1));
                }
            }
            Some(&c) => {
                content.push(c);
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_identifiers_and_operators() {
        let tokens = tokenize("(\"Status\")::text = 'it''s' || x", Dialect::Postgres).unwrap();
        assert_eq!(
            tokens,
            vec![
                Token::Punct("(".into()),
                Token::Quoted("Status".into()),
                Token::Punct(")".into()),
                Token::Punct("::".into()),
                Token::Word("text".into()),
                Token::Space,
                Token::Punct("=".into()),
                Token::Space,
                Token::Str("it's".into()),
                Token::Space,
                Token::Punct("||".into()),
                Token::Space,
                Token::Word("x".into()),
            ]
        );
    }

    #[test]
    fn dialect_specific_quotes() {
        assert_eq!(
            tokenize("\"a\\\"b\"", Dialect::Mysql).unwrap(),
            vec![Token::Str("a\"b".into())]
        );
        assert_eq!(
            tokenize("[my col]", Dialect::Mssql).unwrap(),
            vec![Token::Quoted("my col".into())]
        );
        assert!(tokenize("'open", Dialect::Postgres).is_err());
    }
}
