//! Which names in a CHECK expression are column references, and which of those a table lacks.
//!
//! A light scanner rather than a parser: string literals, numbers, function names, type names
//! after `::`, `AS` or before a literal (`DATE '2024-01-01'`), collations and SQL words are
//! skipped; what is left, quoted or bare, must be a column of the table.

use crate::model::Table;

/// Words that are never column references in a CHECK expression (lower case): SQL words,
/// date parts (EXTRACT, DATEPART, DATEDIFF) and type names (CONVERT(int, x)).
const WORDS: &str = "\
    all and any array as asc asymmetric at between binary both by case cast collate \
     current_date current_role current_schema current_time current_timestamp current_user day \
     default desc distinct div document else end escape exists false filter for from glob \
     hour ilike in interval is isnull json leading like localtime localtimestamp match minute \
     mod month normalized not notnull null nulls of on or over placing regexp rlike second \
     session_user similar some symmetric then to trailing true unknown user using value when \
     with within without xor year zone century d dd decade dow doy dw dy epoch hh iso_week \
     isodow isowk isoww isoyear m mcs mi microsecond microseconds millennium millisecond \
     milliseconds mm ms n nanosecond ns q qq quarter s ss timezone timezone_hour \
     timezone_minute tz tzoffset w week weekday wk ww y yy yyyy dayofyear bigint bit bool \
     boolean bytea char character date datetime datetime2 datetimeoffset dec decimal double \
     float int integer json jsonb money nchar ntext numeric nvarchar precision real smallint \
     text time timestamp timestamptz tinyint uniqueidentifier uuid varbinary varchar varying \
     xml";

/// Whether `word` is one of the space-separated words of `list`.
pub fn is_word(list: &str, word: &str) -> bool {
    list.split_ascii_whitespace().any(|w| w == word)
}

/// Names the expression uses as columns that are not columns of `table`, in order, once each.
pub fn missing_columns(table: &Table, expression: &str) -> Vec<String> {
    let mut missing: Vec<String> = Vec::new();
    let mut note = |name: &str| {
        let known = table
            .columns
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(name));
        if !known && !missing.iter().any(|m| m.eq_ignore_ascii_case(name)) {
            missing.push(name.to_owned());
        }
    };
    let chars: Vec<char> = expression.chars().collect();
    let mut i = 0;
    // Skip the next name: set after `::`, AS and COLLATE.
    let mut skip_next = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\'' => i = skip_quoted(&chars, i, '\''),
            '"' | '`' | '[' => {
                let close = match c {
                    '[' => ']',
                    other => other,
                };
                let end = skip_quoted(&chars, i, close);
                let name: String = chars[i + 1..end.saturating_sub(1).max(i + 1)]
                    .iter()
                    .collect();
                let after = next_significant(&chars, end);
                let reference = !skip_next
                    && after != Some('(')
                    && after != Some('.')
                    && name.starts_with(|c: char| c.is_alphabetic() || c == '_');
                if reference {
                    note(&name);
                }
                skip_next = false;
                i = end;
            }
            ':' if chars.get(i + 1) == Some(&':') => {
                skip_next = true;
                i += 2;
            }
            c if c.is_ascii_digit() => {
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.') {
                    i += 1;
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '$'))
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let lower = word.to_lowercase();
                let after = next_significant(&chars, i);
                let typed_literal = after == Some('\'') || chars.get(i) == Some(&'&');
                let qualifier = chars.get(i) == Some(&'.');
                if skip_next {
                    // A type name: multi-word ones go on (`double precision`).
                    skip_next = TYPE_WORDS.contains(&lower.as_str());
                } else if lower == "as" || lower == "collate" {
                    skip_next = true;
                } else if !(qualifier
                    || typed_literal
                    || after == Some('(')
                    || is_word(WORDS, &lower))
                {
                    note(&word);
                }
            }
            _ => {
                if !c.is_whitespace() && c != '(' {
                    skip_next = false;
                }
                i += 1;
            }
        }
    }
    missing
}

/// Words of multi-word type names (`double precision`, `timestamp with time zone`).
const TYPE_WORDS: &[&str] = &[
    "bit",
    "character",
    "double",
    "national",
    "precision",
    "time",
    "timestamp",
    "varying",
    "with",
    "without",
    "zone",
];

/// The index just past a quoted run that opens at `start` and closes with `close` (a doubled
/// closing character is an escaped one).
fn skip_quoted(chars: &[char], start: usize, close: char) -> usize {
    let mut i = start + 1;
    while i < chars.len() {
        if chars[i] == close {
            if chars.get(i + 1) == Some(&close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    chars.len()
}

fn next_significant(chars: &[char], from: usize) -> Option<char> {
    chars[from.min(chars.len())..]
        .iter()
        .copied()
        .find(|c| !c.is_whitespace())
}

#[cfg(test)]
#[path = "check_columns_tests.rs"]
mod tests;
