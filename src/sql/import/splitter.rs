//! Splits a SQL dump into statements, following each dialect's lexical rules.
//!
//! The splitter works on bytes in a single forward pass (no regex, no per-character
//! allocation): quotes, comments, dollar quotes, MySQL executable comments, `DELIMITER`
//! lines, psql meta-commands and `COPY ... FROM stdin` data blocks are recognised so that a
//! `;` inside them never ends a statement. Line and column are tracked incrementally.

use std::borrow::Cow;

use crate::model::Dialect;

/// What kind of statement the splitter found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    /// SQL to be parsed (DDL, SET, SELECT set_config, anything else).
    Sql,
    /// Row data: a `COPY ... FROM stdin;` statement together with its data lines up to and
    /// including the `\.` line (PostgreSQL), or an INSERT/REPLACE statement (detected by the
    /// first keyword, case-insensitive). Not to be parsed further.
    Data,
    /// A psql meta-command line such as `\connect db`, `\restrict ...`, `\unrestrict ...`,
    /// `\set ON_ERROR_STOP on` (a line whose first non-blank char is a backslash, outside any
    /// statement), or a MySQL `DELIMITER x` line.
    Meta,
}

/// One statement of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement<'a> {
    /// The statement text without the terminating delimiter, trimmed of surrounding
    /// whitespace; leading comments before the first token are NOT part of it (they are
    /// skipped). Borrowed from the source when possible; owned when it had to be rewritten
    /// (MySQL conditional comments unwrapped). For a `COPY ... FROM stdin` block it spans the
    /// statement, its `;`, the data lines and the closing `\.` line.
    pub text: Cow<'a, str>,
    /// Byte offset in the source of the statement's first character.
    pub offset: usize,
    /// 1-based line of the first character.
    pub line: u32,
    /// 1-based column (in characters) of the first character.
    pub column: u32,
    /// The kind.
    pub kind: StatementKind,
}

/// Splits `source` into statements.
pub fn split(source: &str, dialect: Dialect) -> Vec<Statement<'_>> {
    Splitter::new(source, dialect).run()
}

/// Identifier bytes (non-ASCII bytes count, as UTF-8 letters may appear in identifiers).
fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// First occurrence of `needle` (non-empty) in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut from = 0;
    while let Some(k) = hay.get(from..)?.iter().position(|&b| b == first) {
        let at = from + k;
        if hay.get(at..at + needle.len()) == Some(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Does `text` contain the word pair `FROM STDIN` (case-insensitive)?
fn copies_from_stdin(text: &str) -> bool {
    let mut after_from = false;
    for word in text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
    {
        if after_from && word.eq_ignore_ascii_case("stdin") {
            return true;
        }
        after_from = word.eq_ignore_ascii_case("from");
    }
    false
}

fn first_word(text: &str) -> &str {
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(text.len());
    text.get(..end).unwrap_or("")
}

struct Splitter<'a> {
    src: &'a str,
    b: &'a [u8],
    dialect: Dialect,
    /// Current statement delimiter (MySQL `DELIMITER` can change it).
    delim: &'a [u8],
    /// Bytes at which the statement scanner must stop and look.
    special: [bool; 256],
    /// Inside a MySQL `/*! ... */` executable comment (may span statements).
    in_exec: bool,
    /// Byte ranges of executable-comment markers to cut from the current statement.
    cuts: Vec<(usize, usize)>,
    /// Incremental position: byte offset, line and column reached so far.
    at: (usize, u32, u32),
    out: Vec<Statement<'a>>,
}

impl<'a> Splitter<'a> {
    fn new(src: &'a str, dialect: Dialect) -> Self {
        let mut s = Splitter {
            src,
            b: src.as_bytes(),
            dialect,
            delim: b";",
            special: [false; 256],
            in_exec: false,
            cuts: Vec::new(),
            at: (0, 1, 1),
            out: Vec::new(),
        };
        s.build_special();
        s
    }

    fn build_special(&mut self) {
        let mut t = [false; 256];
        for &c in b"'\"-/" {
            t[usize::from(c)] = true;
        }
        let extra: &[u8] = match self.dialect {
            Dialect::Postgres => b"$",
            Dialect::Mysql => b"`#*",
            Dialect::Sqlite => b"`[",
            Dialect::Mssql => b"[",
        };
        for &c in extra {
            t[usize::from(c)] = true;
        }
        if let Some(&c) = self.delim.first() {
            t[usize::from(c)] = true;
        }
        self.special = t;
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn pg(&self) -> bool {
        self.dialect == Dialect::Postgres
    }

    fn mysql(&self) -> bool {
        self.dialect == Dialect::Mysql
    }

    fn at_delim(&self, p: usize) -> bool {
        !self.delim.is_empty() && self.b.get(p..p + self.delim.len()) == Some(self.delim)
    }

    /// Index of the next `\n` at or after `p`, or the end of input.
    fn line_end(&self, p: usize) -> usize {
        let rest = self.b.get(p..).unwrap_or(&[]);
        rest.iter()
            .position(|&c| c == b'\n')
            .map_or(self.b.len(), |k| p + k)
    }

    /// Line and column of `to` (must not be before the previous call's offset).
    fn locate(&mut self, to: usize) -> (u32, u32) {
        let (from, mut line, mut col) = self.at;
        if let Some(seg) = self.b.get(from..to) {
            match seg.iter().rposition(|&c| c == b'\n') {
                Some(nl) => {
                    let lines = seg.iter().filter(|&&c| c == b'\n').count();
                    line = line.saturating_add(to_u32(lines));
                    col = to_u32(count_chars(seg.get(nl + 1..).unwrap_or(&[]))).saturating_add(1);
                }
                None => col = col.saturating_add(to_u32(count_chars(seg))),
            }
            self.at = (to, line, col);
        }
        (line, col)
    }

    /// Is `p` at a `--` comment (MySQL wants whitespace or a control char after it)?
    fn dash_comment(&self, p: usize) -> bool {
        self.byte(p) == Some(b'-')
            && self.byte(p + 1) == Some(b'-')
            && (!self.mysql() || self.byte(p + 2).is_none_or(|c| c <= b' '))
    }

    /// Is `p` at a MySQL `#` comment (not inside a token)?
    fn hash_comment(&self, p: usize) -> bool {
        self.mysql()
            && self.byte(p) == Some(b'#')
            && (p == 0 || self.byte(p - 1).is_none_or(|c| !is_ident(c)))
    }

    /// Length of a MySQL executable-comment opener (`/*!NNNNN`, `/*M!NNNNNN`) at `p`.
    fn exec_opener(&self, p: usize) -> Option<usize> {
        if !self.mysql() || self.b.get(p..p + 2) != Some(b"/*") {
            return None;
        }
        let bang = match (self.byte(p + 2), self.byte(p + 3)) {
            (Some(b'!'), _) => p + 3,
            (Some(b'M'), Some(b'!')) => p + 4,
            _ => return None,
        };
        let digits = self
            .b
            .get(bang..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit());
        Some(bang + digits.count() - p)
    }

    /// End of the block comment starting at `p` (`/*`); nested for PostgreSQL and T-SQL.
    fn skip_block_comment(&self, p: usize) -> usize {
        let nests = matches!(self.dialect, Dialect::Postgres | Dialect::Mssql);
        let mut depth = 1usize;
        let mut i = p + 2;
        while let Some(k) = self
            .b
            .get(i..)
            .and_then(|r| r.iter().position(|&c| c == b'*' || c == b'/'))
        {
            i += k;
            if self.b.get(i..i + 2) == Some(b"*/") {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            } else if nests && self.b.get(i..i + 2) == Some(b"/*") {
                depth += 1;
                i += 2;
            } else {
                i += 1;
            }
        }
        self.b.len()
    }

    /// End of the quoted token opened at `p`, closed by `close` (doubled `close` escapes it).
    fn skip_quoted(&self, p: usize, close: u8, backslash: bool) -> usize {
        let mut i = p + 1;
        while let Some(k) = self.b.get(i..).and_then(|r| {
            r.iter()
                .position(|&c| c == close || (backslash && c == b'\\'))
        }) {
            i += k;
            // A backslash escapes the next byte; a doubled closing quote stands for itself.
            if self.byte(i) == Some(b'\\') || self.byte(i + 1) == Some(close) {
                i += 2;
            } else {
                return i + 1;
            }
        }
        self.b.len()
    }

    /// End of the PostgreSQL dollar-quoted string at `p`, or `p + 1` if it is not one.
    fn skip_dollar(&self, p: usize) -> usize {
        if p > 0 && self.byte(p - 1).is_some_and(is_ident) {
            return p + 1;
        }
        let mut j = p + 1;
        if self
            .byte(j)
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_' || c >= 0x80)
        {
            while self.byte(j).is_some_and(|c| is_ident(c) && c != b'$') {
                j += 1;
            }
        }
        if self.byte(j) != Some(b'$') {
            return p + 1;
        }
        let tag = self.b.get(p..=j).unwrap_or(&[]);
        let body = self.b.get(j + 1..).unwrap_or(&[]);
        find(body, tag).map_or(self.b.len(), |k| j + 1 + k + tag.len())
    }

    /// Byte length of the non-ASCII whitespace character at `p`, or 0.
    fn unicode_space(&self, p: usize) -> usize {
        let ch = self.src.get(p..).and_then(|s| s.chars().next());
        ch.filter(|ch| ch.is_whitespace()).map_or(0, char::len_utf8)
    }

    /// Skips whitespace, comments, stray executable-comment closers; returns the next token.
    fn skip_gap(&mut self, mut p: usize) -> usize {
        loop {
            while let Some(c) = self.byte(p) {
                let width = match c {
                    b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => 1,
                    0x80.. => self.unicode_space(p),
                    _ => 0,
                };
                if width == 0 {
                    break;
                }
                p += width;
            }
            if self.dash_comment(p) || self.hash_comment(p) {
                p = self.line_end(p);
            } else if self.b.get(p..p + 2) == Some(b"/*") && self.exec_opener(p).is_none() {
                p = self.skip_block_comment(p);
            } else if self.in_exec && self.b.get(p..p + 2) == Some(b"*/") {
                self.in_exec = false;
                p += 2;
            } else {
                return p;
            }
        }
    }

    fn run(mut self) -> Vec<Statement<'a>> {
        let mut p = 0;
        if self.b.starts_with(b"\xEF\xBB\xBF") {
            p = 3;
            self.at = (3, 1, 1);
        }
        loop {
            p = self.skip_gap(p);
            let Some(c) = self.byte(p) else { break };
            p = if self.at_delim(p) {
                p + self.delim.len()
            } else if c == b'\\' && self.pg() {
                let end = self.line_end(p);
                self.push(p, end, StatementKind::Meta);
                end
            } else if let Some(end) = self.delimiter_command(p) {
                end
            } else {
                self.statement(p)
            };
        }
        self.out
    }

    fn push(&mut self, start: usize, end: usize, kind: StatementKind) {
        let text = self.src.get(start..end).unwrap_or("").trim();
        if !text.is_empty() {
            let (line, column) = self.locate(start);
            let text = Cow::Borrowed(text);
            self.out.push(Statement {
                text,
                offset: start,
                line,
                column,
                kind,
            });
        }
    }

    /// A MySQL `DELIMITER xx` line at `p`: switches the delimiter, returns the line's end.
    fn delimiter_command(&mut self, p: usize) -> Option<usize> {
        let word = self.b.get(p..p + 9)?;
        if !self.mysql()
            || !word.eq_ignore_ascii_case(b"delimiter")
            || !matches!(self.byte(p + 9), Some(b' ' | b'\t'))
        {
            return None;
        }
        let end = self.line_end(p);
        let rest = self.b.get(p + 9..end).unwrap_or(&[]).trim_ascii();
        let token = match rest.first() {
            Some(&q @ (b'\'' | b'"' | b'`')) => {
                let inner = rest.get(1..).unwrap_or(&[]);
                inner.get(..inner.iter().position(|&c| c == q).unwrap_or(inner.len()))
            }
            _ => rest.get(
                ..rest
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .unwrap_or(rest.len()),
            ),
        };
        if let Some(token) = token.filter(|t| !t.is_empty()) {
            self.delim = token;
            self.build_special();
        }
        self.push(p, end, StatementKind::Meta);
        Some(end)
    }

    /// Scans the statement starting at `start`; returns where scanning resumes.
    fn statement(&mut self, start: usize) -> usize {
        self.cuts.clear();
        let len = self.b.len();
        let mut p = start;
        let (end, term) = loop {
            let Some(k) = self
                .b
                .get(p..)
                .and_then(|r| r.iter().position(|&c| self.special[usize::from(c)]))
            else {
                break (len, 0);
            };
            p += k;
            if self.at_delim(p) {
                if self.dialect == Dialect::Sqlite && self.inside_trigger_body(start, p) {
                    p += self.delim.len();
                    continue;
                }
                break (p, self.delim.len());
            }
            let c = self.byte(p).unwrap_or(0);
            p = match c {
                b'\'' => {
                    let e_string = self.pg()
                        && p > 0
                        && matches!(self.byte(p - 1), Some(b'E' | b'e'))
                        && (p < 2 || self.byte(p - 2).is_none_or(|c| !is_ident(c)));
                    self.skip_quoted(p, b'\'', self.mysql() || e_string)
                }
                b'"' => self.skip_quoted(p, b'"', self.mysql()),
                b'`' if matches!(self.dialect, Dialect::Mysql | Dialect::Sqlite) => {
                    self.skip_quoted(p, b'`', false)
                }
                b'[' if matches!(self.dialect, Dialect::Sqlite | Dialect::Mssql) => {
                    self.skip_quoted(p, b']', false)
                }
                b'$' if self.pg() => self.skip_dollar(p),
                b'-' | b'#' if self.dash_comment(p) || self.hash_comment(p) => self.line_end(p),
                b'/' if self.byte(p + 1) == Some(b'*') => match self.exec_opener(p) {
                    Some(n) => {
                        self.cuts.push((p, p + n));
                        self.in_exec = true;
                        p + n
                    }
                    None => self.skip_block_comment(p),
                },
                b'*' if self.in_exec && self.byte(p + 1) == Some(b'/') => {
                    self.cuts.push((p, p + 2));
                    self.in_exec = false;
                    p + 2
                }
                _ => p + 1,
            };
        };
        let raw = self.src.get(start..end).unwrap_or("");
        let text = if self.cuts.is_empty() {
            Cow::Borrowed(raw.trim_end())
        } else {
            Cow::Owned(self.unwrap_exec(start, end))
        };
        if text.is_empty() {
            return end + term;
        }
        let word = first_word(&text);
        if word.eq_ignore_ascii_case("insert") || word.eq_ignore_ascii_case("replace") {
            self.emit(start, text, StatementKind::Data);
        } else if self.pg() && word.eq_ignore_ascii_case("copy") && copies_from_stdin(&text) {
            let data_end = if term == 0 {
                len
            } else {
                self.copy_data_end(end + term)
            };
            self.push(start, data_end, StatementKind::Data);
            return data_end;
        } else {
            self.emit(start, text, StatementKind::Sql);
        }
        end + term
    }

    /// Whether `start..p` is an SQLite `CREATE TRIGGER` whose `BEGIN ... END` body is still
    /// open, so the `;` at `p` ends a statement of the body, not the trigger.
    fn inside_trigger_body(&self, start: usize, p: usize) -> bool {
        let text = self.src.get(start..p).unwrap_or("");
        let mut words = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty());
        let head: Vec<&str> = words.by_ref().take(4).collect();
        let is_trigger = head
            .first()
            .is_some_and(|w| w.eq_ignore_ascii_case("create"))
            && head.iter().any(|w| w.eq_ignore_ascii_case("trigger"));
        if !is_trigger {
            return false;
        }
        let mut depth = 0i32;
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            if word.eq_ignore_ascii_case("begin") || word.eq_ignore_ascii_case("case") {
                depth += 1;
            } else if word.eq_ignore_ascii_case("end") {
                depth -= 1;
            }
        }
        depth > 0
    }

    fn emit(&mut self, start: usize, text: Cow<'a, str>, kind: StatementKind) {
        let (line, column) = self.locate(start);
        self.out.push(Statement {
            text,
            offset: start,
            line,
            column,
            kind,
        });
    }

    /// The statement text with executable-comment markers removed, trimmed.
    fn unwrap_exec(&self, start: usize, end: usize) -> String {
        let mut s = String::with_capacity(end.saturating_sub(start));
        let mut last = start;
        for &(a, b) in &self.cuts {
            s.push_str(self.src.get(last..a.min(end)).unwrap_or(""));
            last = b.min(end);
            let before_blank = s.as_bytes().last().is_none_or(u8::is_ascii_whitespace);
            match self.byte(last) {
                Some(b' ' | b'\t') if before_blank && last < end => last += 1,
                Some(c) if !before_blank && !c.is_ascii_whitespace() && last < end => s.push(' '),
                _ => {}
            }
        }
        s.push_str(self.src.get(last..end).unwrap_or(""));
        s.trim().to_owned()
    }

    /// End of the `COPY ... FROM stdin` data starting after the `;` at `p`: the end of the
    /// `\.` line, or the end of input.
    fn copy_data_end(&self, p: usize) -> usize {
        let len = self.b.len();
        let mut line = self.line_end(p) + 1;
        while line < len {
            let end = self.line_end(line);
            let text = self.b.get(line..end).unwrap_or(&[]);
            if text.strip_suffix(b"\r").unwrap_or(text) == b"\\." {
                return end;
            }
            line = end + 1;
        }
        len
    }
}

#[cfg(test)]
#[path = "splitter_tests.rs"]
mod tests;
