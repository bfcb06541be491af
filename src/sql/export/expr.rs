//! Carries SQL expressions kept as text (defaults, checks, generated columns, index parts,
//! view queries) from the dialect they were written in to another one.
//!
//! The translation is deliberately conservative: casts (`::text`) are dropped, identifiers
//! and literals are re-quoted for the target, a known set of portable functions and
//! PostgreSQL idioms (`= ANY (ARRAY[...])`, `~~`) are rewritten, and anything else that is
//! specific to the source dialect makes the translation fail with a reason, so the caller can
//! leave the expression out with a warning instead of writing SQL the target rejects.

use std::collections::BTreeSet;

use crate::model::Dialect;

use super::quote;
use super::tokens::{Token, tokenize};

/// How qualified names are written in the target.
#[derive(Debug, Clone, Copy)]
pub struct ExprContext<'a> {
    /// Dialect the expression is written in.
    pub from: Dialect,
    /// Dialect to write it in.
    pub to: Dialect,
    /// Non-default schemas of the document; `schema.table` becomes `schema_table` when the
    /// target keeps schemas as name prefixes.
    pub schemas: &'a BTreeSet<String>,
    /// Whether non-default schemas become name prefixes in the target.
    pub prefix_schemas: bool,
}

const KEYWORDS: &[&str] = &[
    "and",
    "or",
    "not",
    "in",
    "is",
    "null",
    "like",
    "between",
    "case",
    "when",
    "then",
    "else",
    "end",
    "escape",
    "distinct",
    "asc",
    "desc",
    "true",
    "false",
    "unknown",
    "current_date",
    "current_time",
    "current_timestamp",
    "current_user",
    "select",
    "from",
    "where",
    "join",
    "left",
    "right",
    "inner",
    "outer",
    "full",
    "cross",
    "on",
    "as",
    "group",
    "by",
    "order",
    "having",
    "union",
    "all",
    "exists",
    "using",
    "nulls",
    "first",
    "last",
];

const DEFAULT_SCHEMAS: &[&str] = &["public", "dbo", "main", "pg_catalog"];

/// Translates `text` from `cx.from` to `cx.to`; the same dialect gets the text unchanged.
pub fn translate(text: &str, cx: &ExprContext<'_>) -> Result<String, String> {
    if cx.from == cx.to {
        return Ok(text.to_owned());
    }
    let tokens = tokenize(text, cx.from)?;
    let mut out = String::with_capacity(text.len());
    Translator {
        cx,
        tokens: &tokens,
    }
    .run(0, tokens.len(), &mut out)?;
    Ok(out.trim().to_owned())
}

struct Translator<'a, 'b> {
    cx: &'a ExprContext<'b>,
    tokens: &'a [Token],
}

impl Translator<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    fn skip_space(&self, mut i: usize) -> usize {
        while matches!(self.tok(i), Some(Token::Space)) {
            i += 1;
        }
        i
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        matches!(self.tok(i), Some(Token::Punct(x)) if x == p)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        matches!(self.tok(i), Some(Token::Word(x)) if x.eq_ignore_ascii_case(w))
    }

    /// Index of the `)` matching the `(` at `open`.
    fn matching(&self, open: usize, left: &str, right: &str) -> Result<usize, String> {
        let mut depth = 0usize;
        for i in open..self.tokens.len() {
            if self.is_punct(i, left) {
                depth += 1;
            } else if self.is_punct(i, right) {
                depth -= 1;
                if depth == 0 {
                    return Ok(i);
                }
            }
        }
        Err("unbalanced parentheses".into())
    }

    fn run(&self, mut i: usize, end: usize, out: &mut String) -> Result<(), String> {
        while i < end {
            i = self.step(i, out)?;
        }
        Ok(())
    }

    fn step(&self, i: usize, out: &mut String) -> Result<usize, String> {
        let to = self.cx.to;
        match &self.tokens[i] {
            Token::Space => {
                if !out.ends_with([' ', '(']) && !out.is_empty() {
                    out.push(' ');
                }
                Ok(i + 1)
            }
            Token::Str(text) => {
                match self.special_date(i, text) {
                    Some(keyword) => out.push_str(keyword),
                    None => out.push_str(&quote::string(text, to)),
                }
                Ok(i + 1)
            }
            Token::Number(n) => {
                out.push_str(n);
                Ok(i + 1)
            }
            Token::Quoted(name) => Ok(self.name(i, name, out)),
            Token::Word(word) => self.word(i, word, out),
            Token::Punct(p) => self.punct(i, p, out),
        }
    }

    /// PostgreSQL's `'now'::date` / `'now'::timestamp`: the current date or time, which a
    /// plain literal would lose once the cast is dropped.
    fn special_date(&self, i: usize, text: &str) -> Option<&'static str> {
        if self.cx.from != Dialect::Postgres || !text.eq_ignore_ascii_case("now") {
            return None;
        }
        let mut found = None;
        for j in i + 1..(i + 10).min(self.tokens.len()) {
            if self.is_punct(j, "::") {
                let k = self.skip_space(j + 1);
                if let Some(Token::Word(w)) = self.tok(k) {
                    let lower = w.to_ascii_lowercase();
                    if lower == "date" {
                        found = Some("CURRENT_DATE");
                    } else if lower.starts_with("timestamp") {
                        found = Some("CURRENT_TIMESTAMP");
                    }
                }
            }
        }
        found
    }

    fn word(&self, i: usize, word: &str, out: &mut String) -> Result<usize, String> {
        let lower = word.to_ascii_lowercase();
        // A MySQL charset introducer (`_utf8mb4 'text'`) only labels the literal after it.
        if lower.starts_with('_')
            && matches!(self.tok(i + 1), Some(Token::Space))
            && matches!(self.tok(i + 2), Some(Token::Str(_)))
        {
            return Ok(i + 2);
        }
        if matches!(self.tok(i + 1), Some(Token::Str(_))) {
            return match lower.as_str() {
                "n" => Ok(i + 1),
                w if w.starts_with('_') => Ok(i + 1),
                _ => Err(format!("the literal prefix {word} has no equivalent")),
            };
        }
        let next = self.skip_space(i + 1);
        if self.is_punct(next, "(") {
            return self.function(&lower, next, out);
        }
        // `schema.function(...)`: a function of the default schema, or one we cannot know.
        if self.is_punct(i + 1, ".")
            && let Some(Token::Word(second)) = self.tok(i + 2)
            && self.is_punct(self.skip_space(i + 3), "(")
        {
            if DEFAULT_SCHEMAS.contains(&lower.as_str()) {
                let open = self.skip_space(i + 3);
                return self.function(&second.to_ascii_lowercase(), open, out);
            }
            return Err(format!(
                "function {word}.{second}() has no known equivalent"
            ));
        }
        let after_dot = i > 0 && self.is_punct(i - 1, ".");
        if KEYWORDS.contains(&lower.as_str()) && !after_dot {
            out.push_str(&self.keyword(&lower)?);
            return Ok(i + 1);
        }
        if matches!(
            lower.as_str(),
            "any"
                | "some"
                | "array"
                | "interval"
                | "ilike"
                | "similar"
                | "cast"
                | "limit"
                | "straight_join"
                | "top"
                | "regexp"
                | "rlike"
                | "div"
        ) {
            return Err(format!("{} has no direct equivalent", word.to_uppercase()));
        }
        let name = if self.cx.from == Dialect::Postgres {
            lower
        } else {
            word.to_owned()
        };
        Ok(self.name(i, &name, out))
    }

    fn keyword(&self, lower: &str) -> Result<String, String> {
        Ok(match (lower, self.cx.to) {
            ("true", Dialect::Mssql) => "1".into(),
            ("false", Dialect::Mssql) => "0".into(),
            ("current_date", Dialect::Mssql) => "CAST(GETDATE() AS date)".into(),
            ("current_time", Dialect::Mssql) => "CAST(GETDATE() AS time)".into(),
            ("nulls" | "first" | "last", Dialect::Mysql | Dialect::Mssql) => {
                return Err("NULLS FIRST / LAST is not supported".into());
            }
            (word, _) => word.to_ascii_uppercase(),
        })
    }

    /// An identifier, possibly `schema.table`: default schemas are dropped and other schemas
    /// become prefixes when the target needs that.
    fn name(&self, i: usize, name: &str, out: &mut String) -> usize {
        let to = self.cx.to;
        if self.is_punct(i + 1, ".") {
            let second = match self.tok(i + 2) {
                Some(Token::Word(w)) if self.cx.from == Dialect::Postgres => {
                    Some(w.to_ascii_lowercase())
                }
                Some(Token::Word(w) | Token::Quoted(w)) => Some(w.clone()),
                _ => None,
            };
            if let Some(second) = second {
                if DEFAULT_SCHEMAS.contains(&name.to_ascii_lowercase().as_str()) {
                    out.push_str(&quote::ident(&second, to));
                    return i + 3;
                }
                if self.cx.prefix_schemas && self.cx.schemas.contains(name) {
                    out.push_str(&quote::ident(&format!("{name}_{second}"), to));
                    return i + 3;
                }
            }
        }
        out.push_str(&quote::ident(name, to));
        i + 1
    }

    fn function(&self, name: &str, open: usize, out: &mut String) -> Result<usize, String> {
        let to = self.cx.to;
        let close = self.matching(open, "(", ")")?;
        let now = matches!(
            name,
            "now"
                | "getdate"
                | "sysdatetime"
                | "current_timestamp"
                | "localtimestamp"
                | "transaction_timestamp"
                | "statement_timestamp"
        );
        if now {
            out.push_str("CURRENT_TIMESTAMP");
            return Ok(close + 1);
        }
        if matches!(
            name,
            "gen_random_uuid" | "uuid_generate_v4" | "newid" | "uuid" | "newsequentialid"
        ) {
            out.push_str(match to {
                Dialect::Postgres => "gen_random_uuid()",
                Dialect::Mysql => "uuid()",
                Dialect::Mssql => "newid()",
                Dialect::Sqlite => return Err("SQLite has no UUID function".into()),
            });
            return Ok(close + 1);
        }
        let mapped = match (name, to) {
            ("length" | "char_length" | "len", Dialect::Mssql) => "len",
            ("length" | "char_length" | "len", Dialect::Mysql) => "char_length",
            ("length" | "char_length" | "len", _) => "length",
            ("substring" | "substr", Dialect::Mssql) => "substring",
            ("substring" | "substr", _) => "substr",
            ("ceil" | "ceiling", Dialect::Mssql) => "ceiling",
            ("ceil" | "ceiling", Dialect::Postgres | Dialect::Mysql) => "ceil",
            ("concat", Dialect::Postgres | Dialect::Mysql | Dialect::Mssql) => "concat",
            ("greatest", Dialect::Sqlite) => "max",
            ("least", Dialect::Sqlite) => "min",
            (
                "lower" | "upper" | "coalesce" | "abs" | "round" | "replace" | "nullif" | "trim"
                | "ltrim" | "rtrim" | "floor" | "sum" | "count" | "min" | "max" | "avg",
                _,
            )
            | ("greatest" | "least", Dialect::Postgres | Dialect::Mysql) => name,
            _ => return Err(format!("function {name}() has no known equivalent")),
        };
        out.push_str(mapped);
        out.push('(');
        self.run(open + 1, close, out)?;
        out.push(')');
        Ok(close + 1)
    }

    fn punct(&self, i: usize, p: &str, out: &mut String) -> Result<usize, String> {
        let to = self.cx.to;
        match p {
            "::" => self.skip_cast(i + 1),
            "=" | "<>" | "!=" => {
                if let Some(next) = self.in_list(i, p == "=", out)? {
                    return Ok(next);
                }
                out.push_str(if p == "=" { "=" } else { "<>" });
                Ok(i + 1)
            }
            "||" => match to {
                Dialect::Mysql => Err("|| concatenation has no MySQL equivalent here".into()),
                Dialect::Mssql => {
                    out.push('+');
                    Ok(i + 1)
                }
                _ => {
                    out.push_str("||");
                    Ok(i + 1)
                }
            },
            "~~" => {
                out.push_str("LIKE");
                Ok(i + 1)
            }
            "!~~" => {
                out.push_str("NOT LIKE");
                Ok(i + 1)
            }
            "(" | ")" | "," | "." | "+" | "-" | "*" | "/" | "%" | "<" | ">" | "<=" | ">=" => {
                out.push_str(p);
                Ok(i + 1)
            }
            other => Err(format!("operator {other} has no equivalent")),
        }
    }

    /// Skips a cast's type name after `::` (multi-word, qualified, with parameters or `[]`).
    fn skip_cast(&self, from: usize) -> Result<usize, String> {
        let mut i = self.skip_space(from);
        if !matches!(self.tok(i), Some(Token::Word(_) | Token::Quoted(_))) {
            return Err("malformed cast".into());
        }
        i += 1;
        loop {
            let next = self.skip_space(i);
            let continues = ["varying", "precision", "without", "with", "time", "zone"]
                .iter()
                .any(|w| self.is_word(next, w));
            if continues {
                i = next + 1;
            } else if self.is_punct(i, ".") {
                i += 2;
            } else if self.is_punct(next, "(") {
                i = self.matching(next, "(", ")")? + 1;
            } else if self.is_punct(i, "[") && self.is_punct(i + 1, "]") {
                i += 2;
            } else {
                return Ok(i);
            }
        }
    }

    /// `= ANY (ARRAY[a, b])` → `IN (a, b)`, `<> ALL (ARRAY[...])` → `NOT IN (...)`, also in
    /// pg_dump's form with an extra parenthesis and a cast around the array.
    fn in_list(&self, at: usize, equal: bool, out: &mut String) -> Result<Option<usize>, String> {
        let mut i = self.skip_space(at + 1);
        let quantifier = if equal { "any" } else { "all" };
        if !self.is_word(i, quantifier) {
            return Ok(None);
        }
        i = self.skip_space(i + 1);
        if !self.is_punct(i, "(") {
            return Ok(None);
        }
        let outer_close = self.matching(i, "(", ")")?;
        i = self.skip_space(i + 1);
        if self.is_punct(i, "(") {
            i = self.skip_space(i + 1);
        }
        if !self.is_word(i, "array") || !self.is_punct(i + 1, "[") {
            return Ok(None);
        }
        let close = self.matching(i + 1, "[", "]")?;
        out.push_str(if equal { "IN (" } else { "NOT IN (" });
        self.run(i + 2, close, out)?;
        out.push(')');
        Ok(Some(outer_close + 1))
    }
}

#[cfg(test)]
#[path = "expr_tests.rs"]
mod tests;
