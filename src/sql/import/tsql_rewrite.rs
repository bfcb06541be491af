//! T-SQL forms the SQL parser does not read, rewritten or read by hand: storage clauses
//! (`ON [PRIMARY]`, `TEXTIMAGE_ON`, `WITH (PAD_INDEX = OFF, ...)`), `CLUSTERED`,
//! `ROWGUIDCOL`, `NOT FOR REPLICATION`, `WITH CHECK ADD`, `DEFAULT x FOR col` constraints,
//! and `sp_addextendedproperty 'MS_Description'` comments.

use std::borrow::Cow;

/// Words dropped wherever they appear outside strings: they change storage, not the design.
const DROPPED_WORDS: &[&str] = &[
    "CLUSTERED",
    "NONCLUSTERED",
    "ROWGUIDCOL",
    "PERSISTED",
    "SPARSE",
    "HASH",
];

/// Index and table options inside `WITH (...)`.
const STORAGE_OPTIONS: &[&str] = &[
    "PAD_INDEX",
    "STATISTICS_NORECOMPUTE",
    "IGNORE_DUP_KEY",
    "ALLOW_ROW_LOCKS",
    "ALLOW_PAGE_LOCKS",
    "FILLFACTOR",
    "DATA_COMPRESSION",
    "ONLINE",
    "SORT_IN_TEMPDB",
    "DROP_EXISTING",
    "OPTIMIZE_FOR_SEQUENTIAL_KEY",
    "MEMORY_OPTIMIZED",
    "DURABILITY",
    "SYSTEM_VERSIONING",
    "BUCKET_COUNT",
    "MAXDOP",
    "RESUMABLE",
    "XML_COMPRESSION",
    "LEDGER",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Quoted,
    Str,
    Punct(u8),
    Comment,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    kind: Kind,
}

fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        let start = i;
        let closing = |i: &mut usize, close: u8| {
            *i += 1;
            while let Some(&b) = bytes.get(*i) {
                *i += 1;
                if b == close {
                    if bytes.get(*i) == Some(&close) {
                        *i += 1;
                        continue;
                    }
                    break;
                }
            }
        };
        let kind = match c {
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while bytes.get(i).is_some_and(|b| *b != b'\n') {
                    i += 1;
                }
                Kind::Comment
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while bytes.get(i).is_some()
                    && !(bytes.get(i) == Some(&b'*') && bytes.get(i + 1) == Some(&b'/'))
                {
                    i += 1;
                }
                i = (i + 2).min(bytes.len());
                Kind::Comment
            }
            b'\'' => {
                closing(&mut i, b'\'');
                Kind::Str
            }
            b'N' | b'n' if bytes.get(i + 1) == Some(&b'\'') => {
                i += 1;
                closing(&mut i, b'\'');
                Kind::Str
            }
            b'[' => {
                closing(&mut i, b']');
                Kind::Quoted
            }
            b'"' => {
                closing(&mut i, b'"');
                Kind::Quoted
            }
            b if b.is_ascii_alphanumeric() || b == b'_' || b == b'@' || b == b'#' || b >= 0x80 => {
                while bytes.get(i).is_some_and(|b| {
                    b.is_ascii_alphanumeric()
                        || matches!(b, b'_' | b'@' | b'#' | b'$')
                        || *b >= 0x80
                }) {
                    i += 1;
                }
                Kind::Word
            }
            other => {
                i += 1;
                Kind::Punct(other)
            }
        };
        out.push(Token {
            start,
            end: i.min(bytes.len()),
            kind,
        });
    }
    out
}

fn word<'a>(text: &'a str, token: Option<&Token>) -> &'a str {
    match token {
        Some(t) if t.kind == Kind::Word => text.get(t.start..t.end).unwrap_or(""),
        _ => "",
    }
}

/// The index of the token closing the parenthesis group that starts at `open`.
fn group_end(list: &[Token], open: usize) -> usize {
    let mut depth = 0;
    for (i, token) in list.iter().enumerate().skip(open) {
        match token.kind {
            Kind::Punct(b'(') => depth += 1,
            Kind::Punct(b')') => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    list.len().saturating_sub(1)
}

/// The placeholder type a computed column without a type is read with.
pub const COMPUTED_TYPE: &str = "__computed";

/// The placeholder function `NEXT VALUE FOR seq` is read as; turned back on import.
pub const NEXT_VALUE_FOR: &str = "__next_value_for";

/// Turns the placeholder back: `__next_value_for([s].[x])` → `NEXT VALUE FOR [s].[x]`.
pub fn restore_next_value_for(text: &str) -> Cow<'_, str> {
    let Some(at) = text.find(NEXT_VALUE_FOR) else {
        return Cow::Borrowed(text);
    };
    let after = text.get(at + NEXT_VALUE_FOR.len()..).unwrap_or("");
    let Some(inner) = after.strip_prefix('(') else {
        return Cow::Borrowed(text);
    };
    let close = inner.find(')').unwrap_or(inner.len());
    let restored = format!(
        "{}NEXT VALUE FOR {}{}",
        text.get(..at).unwrap_or(""),
        inner.get(..close).unwrap_or("").trim(),
        inner.get(close + 1..).unwrap_or("")
    );
    Cow::Owned(restore_next_value_for(&restored).into_owned())
}

/// What happens to one token when the statement is rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
enum EditKind {
    Keep,
    Drop,
    Replace(String),
}

/// Sets the edits of tokens `start..end` (clamped to the token list).
fn fill(edits: &mut [EditKind], start: usize, end: usize, kind: EditKind) {
    let end = end.min(edits.len());
    if let Some(range) = edits.get_mut(start.min(end)..end) {
        range.fill(kind);
    }
}

/// The edit of token `i`, or a scratch slot when `i` is past the end.
fn slot(edits: &mut Vec<EditKind>, i: usize) -> &mut EditKind {
    if i >= edits.len() {
        edits.resize(i + 1, EditKind::Keep);
    }
    let last = edits.len() - 1;
    &mut edits[i.min(last)]
}

/// Rewrites a T-SQL statement into a form the parser reads; borrowed when nothing changed.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let list: Vec<Token> = tokens(text)
        .into_iter()
        .filter(|t| t.kind != Kind::Comment)
        .collect();
    let mut edits = vec![EditKind::Keep; list.len()];
    let is = |i: usize, w: &str| word(text, list.get(i)).eq_ignore_ascii_case(w);
    let raw = |i: usize| {
        list.get(i)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("")
    };
    let punct = |i: usize, p: u8| list.get(i).is_some_and(|t| t.kind == Kind::Punct(p));
    let creates_index = is(0, "CREATE") && (1..4).any(|i| is(i, "INDEX"));
    let creates_table = is(0, "CREATE") && is(1, "TABLE");
    let mut top_level_ons = 0;
    let mut depth = 0i32;
    let mut item_start = false;
    let mut i = 0;
    while i < list.len() {
        let at_item_start = item_start;
        item_start = false;
        match list.get(i).map(|t| t.kind) {
            Some(Kind::Punct(b'(')) => {
                depth += 1;
                item_start = creates_table && depth == 1;
            }
            Some(Kind::Punct(b')')) => depth -= 1,
            Some(Kind::Punct(b',')) => item_start = creates_table && depth == 1,
            _ => {}
        }
        let current = word(text, list.get(i));
        let storage_on =
            is(i, "ON") && depth == 0 && !is(i + 1, "DELETE") && !is(i + 1, "UPDATE") && {
                top_level_ons += 1;
                !(creates_index && top_level_ons == 1)
            };
        if creates_table && depth == 1 && is(i, "COLUMNSTORE") {
            // An inline columnstore index has no key columns: storage only. Drop the item.
            let start = (0..i).rev().find(|&k| punct(k, b',')).unwrap_or(i);
            let mut end = i;
            while list.get(end + 1).is_some() && !punct(end + 1, b',') && !punct(end + 1, b')') {
                end += 1;
            }
            fill(&mut edits, start, end + 1, EditKind::Drop);
            i = end;
        } else if DROPPED_WORDS
            .iter()
            .any(|w| current.eq_ignore_ascii_case(w))
        {
            *slot(&mut edits, i) = EditKind::Drop;
        } else if punct(i, b',') && punct(i + 1, b')') {
            // T-SQL accepts a trailing comma in a column list.
            *slot(&mut edits, i) = EditKind::Drop;
        } else if is(i, "NOT") && is(i + 1, "FOR") && is(i + 2, "REPLICATION") {
            fill(&mut edits, i, i + 3, EditKind::Drop);
            i += 2;
        } else if is(i, "GENERATED") && is(i + 1, "ALWAYS") && is(i + 2, "AS") && is(i + 3, "ROW") {
            // System-versioning period columns: ordinary columns for the design.
            let end = if is(i + 5, "HIDDEN") { i + 5 } else { i + 4 };
            fill(&mut edits, i, end + 1, EditKind::Drop);
            i = end;
        } else if punct(i, b',')
            && is(i + 1, "PERIOD")
            && is(i + 2, "FOR")
            && is(i + 3, "SYSTEM_TIME")
            && punct(i + 4, b'(')
        {
            let end = group_end(&list, i + 4);
            fill(&mut edits, i, end + 1, EditKind::Drop);
            i = end;
        } else if is(i, "NEXT") && is(i + 1, "VALUE") && is(i + 2, "FOR") {
            *slot(&mut edits, i) = EditKind::Replace(format!("{NEXT_VALUE_FOR}("));
            fill(&mut edits, i + 1, i + 3, EditKind::Drop);
            let mut last = i + 3;
            while punct(last + 1, b'.') && list.get(last + 2).is_some() {
                last += 2;
            }
            *slot(&mut edits, last) = EditKind::Replace(format!("{})", raw(last)));
            i = last;
        } else if at_item_start
            && matches!(list.get(i).map(|t| t.kind), Some(Kind::Word | Kind::Quoted))
            && is(i + 1, "AS")
            && punct(i + 2, b'(')
        {
            *slot(&mut edits, i + 1) =
                EditKind::Replace(format!("{COMPUTED_TYPE} GENERATED ALWAYS AS"));
            i += 1;
        } else if is(i, "MASKED") && is(i + 1, "WITH") && punct(i + 2, b'(') {
            // Dynamic data masking: how values are shown, not what they are.
            let end = group_end(&list, i + 2);
            fill(&mut edits, i, end + 1, EditKind::Drop);
            i = end;
        } else if at_item_start
            && matches!(list.get(i).map(|t| t.kind), Some(Kind::Word | Kind::Quoted))
            && is(i + 1, "AS")
            && !punct(i + 2, b'(')
        {
            // A computed column `c AS expr`: the parser wants `c AS (expr)`.
            let mut end = i + 2;
            let mut inner = 0i32;
            while let Some(token) = list.get(end + 1) {
                let ends_expression = inner == 0
                    && (["PERSISTED", "CONSTRAINT", "NULL"]
                        .iter()
                        .any(|w| is(end + 1, w))
                        || (is(end + 1, "NOT") && is(end + 2, "NULL")));
                let closes = matches!(token.kind, Kind::Punct(b')' | b',')) && inner == 0;
                if ends_expression || closes {
                    break;
                }
                match token.kind {
                    Kind::Punct(b'(') => inner += 1,
                    Kind::Punct(b')') => inner -= 1,
                    _ => {}
                }
                end += 1;
            }
            *slot(&mut edits, i + 1) =
                EditKind::Replace(format!("{COMPUTED_TYPE} GENERATED ALWAYS AS"));
            *slot(&mut edits, i + 2) = EditKind::Replace(format!("({}", raw(i + 2)));
            let closing = match edits.get(end) {
                Some(EditKind::Replace(r)) => format!("{r})"),
                _ => format!("{})", raw(end)),
            };
            *slot(&mut edits, end) = EditKind::Replace(closing);
            i = end;
        } else if (unquote_token(current).eq_ignore_ascii_case("XML")
            || unquote_token(raw(i)).eq_ignore_ascii_case("XML"))
            && punct(i + 1, b'(')
            && !is(0, "SELECT")
        {
            // Typed XML `xml(schema collection)`: the type is what matters.
            let end = group_end(&list, i + 1);
            fill(&mut edits, i + 1, end + 1, EditKind::Drop);
            i = end;
        } else if is(i, "WITH")
            && (is(i + 1, "CHECK") || is(i + 1, "NOCHECK"))
            && (is(i + 2, "ADD") || is(i + 2, "CHECK"))
        {
            fill(&mut edits, i, i + 2, EditKind::Drop);
            i += 1;
        } else if is(i, "WITH") && punct(i + 1, b'(') {
            let end = group_end(&list, i + 1);
            let options = list.get(i + 1..end).unwrap_or(&[]);
            if options.iter().any(|t| {
                STORAGE_OPTIONS.iter().any(|o| {
                    text.get(t.start..t.end)
                        .is_some_and(|w| w.eq_ignore_ascii_case(o))
                })
            }) {
                fill(&mut edits, i, end + 1, EditKind::Drop);
                i = end;
            }
        } else if (is(i, "TEXTIMAGE_ON") || is(i, "FILESTREAM_ON")) && list.get(i + 1).is_some() {
            fill(&mut edits, i, i + 2, EditKind::Drop);
            i += 1;
        } else if (storage_on || (is(i, "ON") && i > 0 && punct(i - 1, b')')))
            && list
                .get(i + 1)
                .is_some_and(|t| matches!(t.kind, Kind::Quoted | Kind::Word))
            && !is(i + 1, "DELETE")
            && !is(i + 1, "UPDATE")
        {
            // `) ON [PRIMARY]` or `) ON [scheme]([column])`: the filegroup or partition scheme.
            let mut end = i + 1;
            if punct(end + 1, b'(') {
                end = group_end(&list, end + 1);
            }
            fill(&mut edits, i, end + 1, EditKind::Drop);
            i = end;
        }
        i += 1;
    }
    if edits.iter().all(|e| *e == EditKind::Keep) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut previous_end = 0;
    for (token, edit) in list.iter().zip(&edits) {
        match edit {
            EditKind::Keep => {}
            EditKind::Drop => {
                // Drop the blank before the token too.
                out.push_str(text.get(copied..previous_end.max(copied)).unwrap_or(""));
                copied = token.end;
            }
            EditKind::Replace(with) => {
                out.push_str(text.get(copied..token.start).unwrap_or(""));
                out.push_str(with);
                copied = token.end;
            }
        }
        previous_end = token.end;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

fn unquote_token(text: &str) -> String {
    let t = text.trim();
    let t = t
        .strip_prefix('N')
        .or_else(|| t.strip_prefix('n'))
        .filter(|r| r.starts_with('\''))
        .unwrap_or(t);
    if let Some(inner) = t.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    if let Some(inner) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return inner.replace("]]", "]");
    }
    if let Some(inner) = t.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        return inner.replace("\"\"", "\"");
    }
    t.to_owned()
}

/// Inline indexes of a CREATE TABLE (`INDEX ix [UNIQUE] (a, b) [INCLUDE (c)] [WHERE ...]`,
/// already without storage words), which the parser reads only for MySQL: the table without
/// them, and one `CREATE INDEX` per index. `None` when the table declares none.
pub fn inline_indexes(text: &str) -> Option<(String, Vec<String>)> {
    super::fallback::find_ci(text, "INDEX")?;
    let list: Vec<Token> = tokens(text)
        .into_iter()
        .filter(|t| t.kind != Kind::Comment)
        .collect();
    let is = |i: usize, w: &str| word(text, list.get(i)).eq_ignore_ascii_case(w);
    let punct = |i: usize, p: u8| list.get(i).is_some_and(|t| t.kind == Kind::Punct(p));
    let span = |from: usize, to: usize| -> &str {
        match (list.get(from), list.get(to)) {
            (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or(""),
            _ => "",
        }
    };
    if !(is(0, "CREATE") && is(1, "TABLE")) {
        return None;
    }
    let open = (2..list.len()).find(|&i| punct(i, b'('))?;
    let close = group_end(&list, open);
    let table = span(2, open.checked_sub(1)?);
    // Items at depth 1: (first token, last token, the separator before it).
    let mut items: Vec<(usize, usize, Option<usize>)> = Vec::new();
    let mut depth = 0i32;
    let mut start = open + 1;
    let mut separator = None;
    for i in open + 1..=close {
        match list.get(i).map(|t| t.kind) {
            Some(Kind::Punct(b'(')) => depth += 1,
            Some(Kind::Punct(b')')) if depth > 0 => depth -= 1,
            Some(Kind::Punct(b',' | b')')) if depth == 0 => {
                if i > start {
                    items.push((start, i - 1, separator));
                }
                separator = Some(i);
                start = i + 1;
            }
            _ => {}
        }
    }
    let mut indexes = Vec::new();
    let mut cut: Vec<(usize, usize)> = Vec::new();
    for (n, &(first, last, before)) in items.iter().enumerate() {
        let named = list
            .get(first + 1)
            .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Quoted));
        if !(is(first, "INDEX") && named) {
            continue;
        }
        let unique = is(first + 2, "UNIQUE");
        let columns_at = if unique { first + 3 } else { first + 2 };
        if !punct(columns_at, b'(') {
            continue;
        }
        indexes.push(format!(
            "CREATE {}INDEX {} ON {table} {}",
            if unique { "UNIQUE " } else { "" },
            span(first + 1, first + 1),
            span(columns_at, last)
        ));
        // Drop the item with the comma before it, or after it when it comes first.
        let after = items.get(n + 1).map(|&(next, _, _)| next);
        let range = match before.filter(|&b| b > open) {
            Some(comma) => (comma, last + 1),
            None => (first, after.unwrap_or(last + 1)),
        };
        cut.push(range);
    }
    if indexes.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (from, to) in cut {
        let (Some(a), Some(b)) = (list.get(from), list.get(to)) else {
            continue;
        };
        out.push_str(text.get(copied..a.start).unwrap_or(""));
        copied = b.start;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Some((out, indexes))
}

/// System versioning declared in a SQL Server CREATE TABLE.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SystemVersioning {
    /// `SYSTEM_VERSIONING = ON` was written.
    pub on: bool,
    /// The history table of `HISTORY_TABLE = [s].[t]`, as written (quotes kept).
    pub history_table: Option<String>,
    /// The start and end columns of `PERIOD FOR SYSTEM_TIME (start, end)`, unquoted.
    pub period: Option<(String, String)>,
}

/// Reads `PERIOD FOR SYSTEM_TIME (start, end)` and
/// `WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = [s].[t], ...))` from a CREATE TABLE;
/// `None` when the statement has neither.
pub fn system_versioning(text: &str) -> Option<SystemVersioning> {
    super::fallback::find_ci(text, "SYSTEM_")?;
    let list: Vec<Token> = tokens(text)
        .into_iter()
        .filter(|t| t.kind != Kind::Comment)
        .collect();
    let is = |i: usize, w: &str| word(text, list.get(i)).eq_ignore_ascii_case(w);
    let punct = |i: usize, p: u8| list.get(i).is_some_and(|t| t.kind == Kind::Punct(p));
    let raw = |i: usize| {
        list.get(i)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("")
    };
    let mut found = SystemVersioning::default();
    let mut any = false;
    for i in 0..list.len() {
        if is(i, "PERIOD") && is(i + 1, "FOR") && is(i + 2, "SYSTEM_TIME") && punct(i + 3, b'(') {
            let (start, end) = (raw(i + 4), raw(i + 6));
            if punct(i + 5, b',') && !start.is_empty() && !end.is_empty() {
                found.period = Some((unquote_token(start), unquote_token(end)));
                any = true;
            }
        } else if is(i, "SYSTEM_VERSIONING") && punct(i + 1, b'=') {
            any = true;
            found.on = is(i + 2, "ON");
            if !(found.on && punct(i + 3, b'(')) {
                continue;
            }
            let close = group_end(&list, i + 3);
            let Some(at) = (i + 4..close).find(|&k| is(k, "HISTORY_TABLE") && punct(k + 1, b'='))
            else {
                continue;
            };
            let mut name = raw(at + 2).to_owned();
            let mut k = at + 2;
            while punct(k + 1, b'.') && k + 2 < close {
                name.push('.');
                name.push_str(raw(k + 2));
                k += 2;
            }
            if !name.is_empty() {
                found.history_table = Some(name);
            }
        }
    }
    any.then_some(found)
}

/// A description attached with `sp_addextendedproperty`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtendedProperty {
    /// The property name (`MS_Description`, `Description`, ...).
    pub name: String,
    /// Its value.
    pub value: String,
    /// `(level type, level name)` pairs: SCHEMA, TABLE, COLUMN, ...
    pub levels: Vec<(String, String)>,
}

/// Reads `EXEC sp_addextendedproperty` with positional or named (`@name = ...`) arguments.
pub fn extended_property(text: &str) -> Option<ExtendedProperty> {
    let list = tokens(text);
    let at = list.iter().position(|t| {
        text.get(t.start..t.end)
            .is_some_and(|w| w.to_ascii_lowercase().ends_with("sp_addextendedproperty"))
            || text
                .get(t.start..t.end)
                .is_some_and(|w| w.eq_ignore_ascii_case("[sp_addextendedproperty]"))
    })?;
    let mut args: Vec<(Option<String>, String)> = Vec::new();
    let mut name: Option<String> = None;
    let mut value = String::new();
    for token in list.iter().skip(at + 1) {
        let piece = text.get(token.start..token.end).unwrap_or("");
        match token.kind {
            Kind::Punct(b',' | b';') => {
                args.push((name.take(), std::mem::take(&mut value)));
                if token.kind == Kind::Punct(b';') {
                    break;
                }
            }
            Kind::Punct(b'=') | Kind::Comment => {}
            Kind::Word if piece.starts_with('@') => {
                name = Some(piece.trim_start_matches('@').to_ascii_lowercase());
            }
            _ => value.push_str(piece),
        }
    }
    if !value.is_empty() || name.is_some() {
        args.push((name, value));
    }
    let positional = [
        "name",
        "value",
        "level0type",
        "level0name",
        "level1type",
        "level1name",
        "level2type",
        "level2name",
    ];
    let get = |key: &str| -> Option<String> {
        args.iter()
            .find(|(n, _)| n.as_deref() == Some(key))
            .or_else(|| {
                positional
                    .iter()
                    .position(|p| *p == key)
                    .and_then(|i| args.get(i))
                    .filter(|(n, _)| n.is_none())
            })
            .map(|(_, v)| unquote_token(v))
            .filter(|v| !v.eq_ignore_ascii_case("NULL"))
    };
    let mut levels = Vec::new();
    for level in 0..3 {
        if let (Some(kind), Some(name)) = (
            get(&format!("level{level}type")),
            get(&format!("level{level}name")),
        ) {
            levels.push((kind.to_ascii_uppercase(), name));
        }
    }
    Some(ExtendedProperty {
        name: get("name")?,
        value: get("value").unwrap_or_default(),
        levels,
    })
}

/// `ALTER TABLE t ADD [CONSTRAINT c] DEFAULT (expr) FOR col`: the table text, expression and
/// column.
pub fn default_for(text: &str) -> Option<(String, String, String)> {
    let list = tokens(text);
    let w = |i: usize| text.get(list.get(i)?.start..list.get(i)?.end);
    if !w(0)?.eq_ignore_ascii_case("ALTER") || !w(1)?.eq_ignore_ascii_case("TABLE") {
        return None;
    }
    let default_at = list.iter().position(|t| {
        text.get(t.start..t.end)
            .is_some_and(|s| s.eq_ignore_ascii_case("DEFAULT"))
    })?;
    let for_at = list.iter().rposition(|t| {
        text.get(t.start..t.end)
            .is_some_and(|s| s.eq_ignore_ascii_case("FOR"))
    })?;
    let add_at = list.iter().position(|t| {
        text.get(t.start..t.end)
            .is_some_and(|s| s.eq_ignore_ascii_case("ADD"))
    })?;
    let table = text
        .get(list.get(2)?.start..list.get(add_at.checked_sub(1)?)?.end)?
        .to_owned();
    let expression = text
        .get(list.get(default_at + 1)?.start..list.get(for_at.checked_sub(1)?)?.end)?
        .trim()
        .to_owned();
    let column = text
        .get(list.get(for_at + 1)?.start..list.get(for_at + 1)?.end)?
        .to_owned();
    Some((table, expression, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_clauses_and_modifiers_are_dropped() {
        let sql = "CREATE TABLE [dbo].[t](\n [id] [int] NOT NULL,\n [g] uniqueidentifier ROWGUIDCOL NOT NULL,\n CONSTRAINT [PK_t] PRIMARY KEY CLUSTERED ([id] ASC) WITH (PAD_INDEX = OFF, FILLFACTOR = 90) ON [PRIMARY]\n) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]";
        assert_eq!(
            normalize(sql),
            "CREATE TABLE [dbo].[t](\n [id] [int] NOT NULL,\n [g] uniqueidentifier NOT NULL,\n CONSTRAINT [PK_t] PRIMARY KEY ([id] ASC)\n)"
        );
        assert_eq!(
            normalize(
                "ALTER TABLE [a] WITH CHECK ADD CONSTRAINT [FK] FOREIGN KEY([b]) REFERENCES [c] ([d]) ON DELETE CASCADE"
            ),
            "ALTER TABLE [a] ADD CONSTRAINT [FK] FOREIGN KEY([b]) REFERENCES [c] ([d]) ON DELETE CASCADE"
        );
        assert_eq!(
            normalize(
                "CREATE NONCLUSTERED INDEX [ix] ON [t]([a]) INCLUDE ([b]) WHERE [a] > 0 ON [ps]([a])"
            ),
            "CREATE INDEX [ix] ON [t]([a]) INCLUDE ([b]) WHERE [a] > 0"
        );
        assert!(matches!(
            normalize("CREATE TABLE t (a int)"),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            normalize(
                "CREATE TABLE t ([id] INT DEFAULT (NEXT VALUE FOR [Sequences].[Id]) NOT NULL, [c] AS ISNULL([a], 0) PERSISTED NOT NULL, [x] [XML]([s].[coll]) NULL, INDEX [cc] CLUSTERED COLUMNSTORE,)"
            ),
            "CREATE TABLE t ([id] INT DEFAULT (__next_value_for( [Sequences].[Id])) NOT NULL, [c] __computed GENERATED ALWAYS AS (ISNULL([a], 0)) NOT NULL, [x] [XML] NULL)"
        );
    }

    #[test]
    fn extended_properties_in_both_argument_styles() {
        let named = "EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'It''s the city', @level0type = N'SCHEMA', @level0name = N'Application', @level1type = N'TABLE', @level1name = N'Cities';";
        let p = extended_property(named).unwrap();
        assert_eq!(
            (p.name.as_str(), p.value.as_str()),
            ("MS_Description", "It's the city")
        );
        assert_eq!(
            p.levels,
            vec![
                ("SCHEMA".into(), "Application".into()),
                ("TABLE".into(), "Cities".into())
            ]
        );
        let positional = "EXECUTE [sys].[sp_addextendedproperty] N'MS_Description', N'Primary key.', N'SCHEMA', [Sales], N'TABLE', [Store], N'COLUMN', [BusinessEntityID];";
        let p = extended_property(positional).unwrap();
        assert_eq!(p.levels.len(), 3);
        assert_eq!(p.levels[2], ("COLUMN".into(), "BusinessEntityID".into()));
    }

    /// Inputs cut off in the middle of a rewritten form; the fuzzer found that these indexed
    /// past the end of the token list.
    #[test]
    fn truncated_forms_do_not_panic() {
        for text in [
            "CREATE TABLE t (a int DEFAULT NEXT VALUE FOR",
            "CREATE TABLE t (a int DEFAULT NEXT VALUE FOR [s].",
            "CREATE TABLE t (a AS",
            "CREATE TABLE t (a AS (",
            "CREATE TABLE t (a AS b PERSISTED",
            "CREATE TABLE t (a int NOT FOR REPLICATION",
            "CREATE TABLE t (a datetime2 GENERATED ALWAYS AS ROW",
            "CREATE TABLE t (a int, PERIOD FOR SYSTEM_TIME (",
            "CREATE TABLE t (a int, INDEX i CLUSTERED COLUMNSTORE",
            "ALTER TABLE t WITH CHECK",
            "CREATE TABLE t (a int) ON",
            "CREATE TABLE t (a xml(",
            "CREATE INDEX i ON t (a) WITH (",
            "CREATE TABLE t (a int MASKED WITH (",
        ] {
            let _ = normalize(text);
        }
    }

    #[test]
    fn inline_indexes_become_create_index() {
        let sql = "CREATE TABLE [W].[T] (\n [a] INT NOT NULL,\n [b] INT,\n INDEX [IX_T_b] ([b] ASC, [a]),\n [c] INT\n)";
        let (table, indexes) = inline_indexes(sql).unwrap();
        assert_eq!(
            table,
            "CREATE TABLE [W].[T] (\n [a] INT NOT NULL,\n [b] INT,\n [c] INT\n)"
        );
        assert_eq!(indexes, ["CREATE INDEX [IX_T_b] ON [W].[T] ([b] ASC, [a])"]);
        let (table, indexes) =
            inline_indexes("CREATE TABLE t (INDEX ix UNIQUE (a) WHERE a > 0, a int, INDEX iy (a))")
                .unwrap();
        assert_eq!(table, "CREATE TABLE t (a int)");
        assert_eq!(
            indexes,
            [
                "CREATE UNIQUE INDEX ix ON t (a) WHERE a > 0",
                "CREATE INDEX iy ON t (a)"
            ]
        );
        assert!(inline_indexes("CREATE TABLE t ([INDEX] int, a int)").is_none());
        assert!(inline_indexes("CREATE INDEX i ON t (a)").is_none());
        for truncated in [
            "CREATE TABLE t (a int, INDEX",
            "CREATE TABLE t (a int, INDEX i (",
            "CREATE TABLE t (",
        ] {
            let _ = inline_indexes(truncated);
        }
    }

    #[test]
    fn system_versioning_is_read() {
        let sql = "CREATE TABLE [Application].[Cities] (\n [ValidFrom] DATETIME2 (7) GENERATED ALWAYS AS ROW START NOT NULL,\n [ValidTo] DATETIME2 (7) GENERATED ALWAYS AS ROW END NOT NULL,\n PERIOD FOR SYSTEM_TIME ([ValidFrom], [ValidTo])\n)\nWITH (MEMORY_OPTIMIZED = ON, SYSTEM_VERSIONING = ON (HISTORY_TABLE=[Application].[Cities_Archive], DATA_CONSISTENCY_CHECK=ON));";
        let found = system_versioning(sql).unwrap();
        assert!(found.on);
        assert_eq!(
            found.history_table.as_deref(),
            Some("[Application].[Cities_Archive]")
        );
        assert_eq!(
            found.period,
            Some(("ValidFrom".to_owned(), "ValidTo".to_owned()))
        );
        let bare =
            system_versioning("CREATE TABLE t (a int) WITH (SYSTEM_VERSIONING = ON)").unwrap();
        assert!(bare.on && bare.history_table.is_none() && bare.period.is_none());
        assert!(system_versioning("CREATE TABLE t (a int)").is_none());
        for truncated in [
            "CREATE TABLE t (a int) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE =",
            "CREATE TABLE t (a int, PERIOD FOR SYSTEM_TIME (a",
            "CREATE TABLE t (a int) WITH (SYSTEM_VERSIONING =",
        ] {
            let _ = system_versioning(truncated);
        }
    }

    #[test]
    fn next_value_for_is_restored() {
        assert_eq!(
            restore_next_value_for("(__next_value_for([Sequences].[Id]))"),
            "(NEXT VALUE FOR [Sequences].[Id])"
        );
        assert_eq!(restore_next_value_for("0"), "0");
    }

    #[test]
    fn default_for_column() {
        let (table, expression, column) =
            default_for("ALTER TABLE [dbo].[t] ADD CONSTRAINT [DF_t_x] DEFAULT ((0)) FOR [x]")
                .unwrap();
        assert_eq!(
            (table.as_str(), expression.as_str(), column.as_str()),
            ("[dbo].[t]", "((0))", "[x]")
        );
    }
}
