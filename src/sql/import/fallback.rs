//! Targeted handling for forms real dumps use that the SQL parser does not accept, applied
//! before parsing (rewrites) or after a parse failure (small hand-written readers).

use std::borrow::Cow;

use super::builder::{Builder, Origin};
use super::classify::leading_words;
use super::names;
use super::objects::owned_by;
use super::partial_unique::{self, PartialUnique};
use crate::model::{Dialect, Identity, IdentityKind};

/// What to do with a statement before parsing it.
pub enum Prepared<'a> {
    /// Nothing to model: skip quietly.
    Skip,
    /// Parse these (possibly rewritten) texts; add these partial unique indexes afterwards.
    Parse(Vec<Cow<'a, str>>, Vec<PartialUnique>),
}

/// Byte offset of `needle` (upper case ASCII) in `haystack`, ignoring ASCII case; no allocation.
pub(super) fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let first = *needle.first()?;
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| {
            window
                .first()
                .is_some_and(|b| b.to_ascii_uppercase() == first)
                && window.eq_ignore_ascii_case(needle)
        })
}

/// Rewrites a statement into a form the parser accepts, or says to skip it.
pub fn prepare(text: &str, dialect: Dialect) -> Prepared<'_> {
    let words = leading_words(text, 4);
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    // Index partitions are attached to their parent's index: nothing for the design.
    if word(0) == "ALTER" && word(1) == "INDEX" {
        return Prepared::Skip;
    }
    let ends_with_ci = |suffix: &str| {
        text.len() >= suffix.len()
            && text
                .get(text.len() - suffix.len()..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
    };
    if dialect == Dialect::Mysql
        && word(0) == "ALTER"
        && (ends_with_ci("DISABLE KEYS") || ends_with_ci("ENABLE KEYS"))
    {
        return Prepared::Skip;
    }
    // Planner statistics and storage settings of a column do not change the design.
    if word(0) == "ALTER"
        && word(1) == "TABLE"
        && [
            " SET STATISTICS ",
            " SET STORAGE ",
            " SET COMPRESSION ",
            " SET (",
            " RESET (",
        ]
        .iter()
        .any(|s| find_ci(text, s).is_some())
        && find_ci(text, " ADD ").is_none()
    {
        return Prepared::Skip;
    }
    if dialect == Dialect::Postgres
        && word(0) == "CREATE"
        && word(1) == "SCHEMA"
        && let Some(parts) = super::schema_elements::split(text)
    {
        return Prepared::Parse(parts.into_iter().map(Cow::Owned).collect(), Vec::new());
    }
    let mut text: Cow<'_, str> = Cow::Borrowed(text);
    if dialect == Dialect::Mssql {
        return match super::tsql_apply::prepare(&text) {
            Some(texts) => Prepared::Parse(
                texts
                    .into_iter()
                    .map(|t| Cow::Owned(t.into_owned()))
                    .collect(),
                Vec::new(),
            ),
            None => Prepared::Skip,
        };
    }
    // CREATE INDEX ... ON ONLY parent: the index of a partitioned table.
    if word(0) == "CREATE"
        && let Some(at) = find_ci(&text, " ON ONLY ")
    {
        let mut owned = text.into_owned();
        owned.replace_range(at..at + " ON ONLY ".len(), " ON ");
        text = Cow::Owned(owned);
    }
    // MySQL `varchar(40) BINARY` (a binary collation): the type is what matters.
    if dialect == Dialect::Mysql && find_ci(&text, ") BINARY").is_some() {
        text = Cow::Owned(strip_binary_attribute(&text));
    }
    // CREATE DOMAIN name type (PostgreSQL accepts AS as optional).
    if word(0) == "CREATE" && word(1) == "DOMAIN" && word(3) != "AS" {
        text = Cow::Owned(insert_domain_as(&text));
    }
    // CREATE DOMAIN ... [NOT] NULL: the parser reads only CHECK constraints on a domain.
    if word(0) == "CREATE" && word(1) == "DOMAIN" && find_ci(&text, "NULL").is_some() {
        text = Cow::Owned(domain_null_as_check(&text));
    }
    // PostgreSQL 18 virtual generated columns: the parser knows only STORED (which is how
    // PostgreSQL 15 loads them too).
    if dialect == Dialect::Postgres && find_ci(&text, ") VIRTUAL").is_some() {
        text = Cow::Owned(
            text.replace(") VIRTUAL", ") STORED")
                .replace(") virtual", ") STORED"),
        );
    }
    // A materialized view created empty is still the same view.
    if word(0) == "CREATE" && word(1) == "MATERIALIZED" {
        let trimmed = text.trim_end().trim_end_matches(';');
        if trimmed.to_ascii_uppercase().ends_with("WITH NO DATA")
            || trimmed.to_ascii_uppercase().ends_with("WITH DATA")
        {
            let cut = trimmed
                .to_ascii_uppercase()
                .rfind("WITH")
                .unwrap_or(trimmed.len());
            text = Cow::Owned(trimmed.get(..cut).unwrap_or(trimmed).to_owned());
        }
    }
    // Firebird-style `BLOB SUB_TYPE TEXT` (SQLite accepts any words as a type).
    if dialect == Dialect::Sqlite && find_ci(&text, " SUB_TYPE ").is_some() {
        text = Cow::Owned(strip_sub_type(&text));
    }
    let mut partials = Vec::new();
    if dialect == Dialect::Postgres
        && word(0) == "CREATE"
        && word(1) == "TABLE"
        && find_ci(&text, " WHERE ").is_some()
        && let Some((rewritten, found)) = partial_unique::extract(&text)
    {
        text = Cow::Owned(rewritten);
        partials = found;
    }
    Prepared::Parse(vec![text], partials)
}

fn strip_sub_type(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_ci(rest, " SUB_TYPE ") {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + " SUB_TYPE ".len()..).unwrap_or("");
        let word_end = after
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .unwrap_or(after.len());
        rest = after.get(word_end..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// `CREATE DOMAIN name type ...` → `CREATE DOMAIN name AS type ...`.
fn insert_domain_as(text: &str) -> String {
    let mut words = 0;
    let mut in_word = false;
    let mut quote = false;
    for (i, c) in text.char_indices() {
        if c == '"' {
            quote = !quote;
        }
        let space = c.is_whitespace() && !quote;
        if !space && !in_word {
            words += 1;
            in_word = true;
        } else if space && in_word {
            in_word = false;
            if words == 3 {
                let (head, tail) = text.split_at(i);
                return format!("{head} AS{tail}");
            }
        }
    }
    text.to_owned()
}

/// The constraint a domain's `NOT NULL` is read as (and recognised by on import).
pub(super) const DOMAIN_NOT_NULL: &str = "VALUE IS NOT NULL";

/// `CREATE DOMAIN d AS t [CONSTRAINT c] NOT NULL` → `... CHECK (VALUE IS NOT NULL)`; a plain
/// `NULL` (the default) is dropped. Words inside parentheses, strings and quoted names, and
/// `DEFAULT NULL`, stay as written.
fn domain_null_as_check(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut previous_word = String::new();
    let mut pending_not: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(q), _) => {
                if c == q {
                    quote = None;
                }
                out.push(c);
            }
            (None, '\'' | '"') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '(') => {
                depth += 1;
                out.push(c);
            }
            (None, ')') => {
                depth -= 1;
                out.push(c);
            }
            (None, c) if c.is_alphanumeric() || c == '_' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '$' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let word = text.get(i..end).unwrap_or("");
                let upper = word.to_ascii_uppercase();
                if depth == 0 && upper == "NULL" && !previous_word.eq_ignore_ascii_case("DEFAULT") {
                    match pending_not.take() {
                        Some(at) => {
                            out.truncate(at);
                            out.push_str(&format!("CHECK ({DOMAIN_NOT_NULL})"));
                        }
                        None => {
                            let trimmed = out.trim_end().len();
                            out.truncate(trimmed);
                        }
                    }
                } else {
                    pending_not = (depth == 0 && upper == "NOT").then_some(out.len());
                    out.push_str(word);
                }
                previous_word = upper;
                continue;
            }
            _ => out.push(c),
        }
        if !c.is_whitespace() {
            pending_not = None;
            previous_word.clear();
        }
    }
    out
}

fn strip_binary_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_ci(rest, ") BINARY") {
        let after = at + ") BINARY".len();
        let boundary = rest
            .get(after..)
            .and_then(|s| s.chars().next())
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        out.push_str(rest.get(..at + 1).unwrap_or(""));
        if !boundary {
            out.push_str(rest.get(at + 1..after).unwrap_or(""));
        }
        rest = rest.get(after..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Tries the hand-written readers on a statement the parser rejected. Returns whether the
/// statement was understood.
pub fn handle_unparsed(b: &mut Builder, text: &str, origin: &Origin) -> bool {
    let words = leading_words(text, 3);
    if words.first().map(String::as_str) == Some("CREATE")
        && words.get(1).map(String::as_str) == Some("TYPE")
        && b.dialect == Dialect::Mssql
    {
        return super::tsql_apply::alias_type(b, text, origin);
    }
    if words.first().map(String::as_str) == Some("CREATE")
        && words.get(1).map(String::as_str) == Some("VIEW")
    {
        return super::objects::view_from_text(b, text, origin);
    }
    if words.first().map(String::as_str) == Some("ALTER")
        && words.get(1).map(String::as_str) == Some("SEQUENCE")
    {
        return alter_sequence(b, text);
    }
    if words.first().map(String::as_str) == Some("ALTER")
        && words.get(1).map(String::as_str) == Some("TABLE")
    {
        return super::tsql_apply::default_for(b, text, origin)
            || add_generated_identity(b, text, origin);
    }
    false
}

/// `ALTER SEQUENCE s OWNED BY t.c` (and other ALTER SEQUENCE options, which do not change the
/// design).
fn alter_sequence(b: &mut Builder, text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let Some(name) = tokens.get(2) else {
        return false;
    };
    let name = names::qualified_from_text(name, b.dialect);
    let owned = tokens
        .windows(3)
        .find(|w| {
            w.first().is_some_and(|t| t.eq_ignore_ascii_case("OWNED"))
                && w.get(1).is_some_and(|t| t.eq_ignore_ascii_case("BY"))
        })
        .and_then(|w| w.get(2));
    if let Some(owner) = owned
        && !owner.eq_ignore_ascii_case("NONE")
    {
        let parts: Vec<String> = names::split_dotted(owner.trim_end_matches(';'))
            .iter()
            .map(|p| names::unquote(p, b.dialect))
            .collect();
        let dialect = b.dialect;
        if let Some(sequence) = b.sequence_mut(&name) {
            sequence.owned_by = owned_by(&parts, dialect);
        }
    }
    true
}

/// pg_dump's `ALTER TABLE t ALTER COLUMN c ADD GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME ...)`.
fn add_generated_identity(b: &mut Builder, text: &str, origin: &Origin) -> bool {
    let upper = text.to_ascii_uppercase();
    let Some(generated) = upper.find(" ADD GENERATED ") else {
        return false;
    };
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let table_at = if tokens
        .get(2)
        .is_some_and(|t| t.eq_ignore_ascii_case("ONLY"))
    {
        3
    } else {
        2
    };
    let (Some(table), Some(column_at)) = (
        tokens.get(table_at),
        tokens.iter().position(|t| t.eq_ignore_ascii_case("COLUMN")),
    ) else {
        return false;
    };
    let Some(column) = tokens.get(column_at + 1) else {
        return false;
    };
    let kind = if upper
        .get(generated..)
        .is_some_and(|s| s.contains("BY DEFAULT"))
    {
        IdentityKind::ByDefault
    } else {
        IdentityKind::Always
    };
    let table_name = names::qualified_from_text(table, b.dialect);
    let column_name = names::unquote(column, b.dialect);
    match b.column_mut(&table_name, &column_name) {
        Some(column) => {
            column.identity = Some(Identity {
                kind,
                start: None,
                increment: None,
            });
            column.nullable = false;
        }
        None => b.report(
            origin,
            super::Severity::Error,
            format!("ALTER TABLE: {table_name}.{column_name} is not defined"),
        ),
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(text: &str, dialect: Dialect) -> String {
        match prepare(text, dialect) {
            Prepared::Parse(texts, _) => texts.join(";\n"),
            Prepared::Skip => "<skip>".into(),
        }
    }

    #[test]
    fn domain_null_constraints_become_checks() {
        assert_eq!(
            domain_null_as_check("CREATE DOMAIN \"Flag\" AS boolean NOT NULL"),
            "CREATE DOMAIN \"Flag\" AS boolean CHECK (VALUE IS NOT NULL)"
        );
        assert_eq!(
            domain_null_as_check("CREATE DOMAIN \"Name\" AS varchar(50) NULL"),
            "CREATE DOMAIN \"Name\" AS varchar(50)"
        );
        assert_eq!(
            domain_null_as_check(
                "CREATE DOMAIN d AS text COLLATE \"C\" DEFAULT NULL CONSTRAINT d_nn NOT NULL CHECK (VALUE <> 'NOT NULL' AND VALUE IS NOT NULL)"
            ),
            "CREATE DOMAIN d AS text COLLATE \"C\" DEFAULT NULL CONSTRAINT d_nn CHECK (VALUE IS NOT NULL) CHECK (VALUE <> 'NOT NULL' AND VALUE IS NOT NULL)"
        );
        assert_eq!(
            domain_null_as_check("CREATE DOMAIN \"NULL\" AS int"),
            "CREATE DOMAIN \"NULL\" AS int"
        );
    }

    #[test]
    fn rewrites_forms_the_parser_lacks() {
        assert_eq!(
            rewritten(
                "CREATE INDEX i ON ONLY public.t USING btree (a)",
                Dialect::Postgres
            ),
            "CREATE INDEX i ON public.t USING btree (a)"
        );
        assert_eq!(
            rewritten("ALTER INDEX p ATTACH PARTITION c", Dialect::Postgres),
            "<skip>"
        );
        assert_eq!(
            rewritten("ALTER TABLE `t` DISABLE KEYS", Dialect::Mysql),
            "<skip>"
        );
        assert_eq!(
            rewritten(
                "CREATE TABLE t (a varchar(40) BINARY NOT NULL, b char(2) binary)",
                Dialect::Mysql
            ),
            "CREATE TABLE t (a varchar(40) NOT NULL, b char(2))"
        );
    }
}
