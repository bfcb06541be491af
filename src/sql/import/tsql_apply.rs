//! Applying the T-SQL statements read by hand: descriptions from `sp_addextendedproperty` and
//! `DEFAULT x FOR column` constraints; and the pre-parse rewrites for SQL Server.

use std::borrow::Cow;

use super::Severity;
use super::builder::{Builder, Origin};
use super::fallback::find_ci;
use super::names;
use super::tsql_rewrite;

/// What to do with a SQL Server statement before parsing: `None` to skip it, else the texts
/// to parse (`ALTER TABLE t ADD a, b` becomes one statement per constraint).
pub fn prepare(text: &str) -> Option<Vec<Cow<'_, str>>> {
    let text = tsql_rewrite::normalize(text);
    let upper_start: String = text
        .chars()
        .take(40)
        .collect::<String>()
        .to_ascii_uppercase();
    if upper_start.starts_with("ALTER TABLE")
        && (find_ci(&text, " CHECK CONSTRAINT ").is_some()
            || find_ci(&text, " NOCHECK CONSTRAINT ").is_some())
    {
        return None;
    }
    if upper_start.starts_with("CREATE FULLTEXT")
        || (upper_start.starts_with("CREATE") && upper_start.contains("COLUMNSTORE"))
    {
        return None;
    }
    if upper_start.starts_with("ALTER TABLE")
        && let Some(parts) = split_additions(&text)
    {
        return Some(parts.into_iter().map(Cow::Owned).collect());
    }
    if upper_start.starts_with("CREATE TABLE")
        && let Some((table, indexes)) = tsql_rewrite::inline_indexes(&text)
    {
        return Some(
            std::iter::once(table)
                .chain(indexes)
                .map(Cow::Owned)
                .collect(),
        );
    }
    Some(vec![text])
}

/// `ALTER TABLE t ADD CONSTRAINT a ..., CONSTRAINT b ...` → one ALTER TABLE per addition.
fn split_additions(text: &str) -> Option<Vec<String>> {
    let add = find_ci(text, " ADD")?;
    let head = text.get(..add + " ADD".len())?;
    let body = text.get(add + " ADD".len()..)?;
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in body.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, '[') => quote = Some(']'),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(body.get(start..i)?.trim().to_owned());
                start = i + 1;
            }
            _ => {}
        }
    }
    if parts.is_empty() {
        return None;
    }
    parts.push(body.get(start..)?.trim().to_owned());
    Some(
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(|p| format!("{head} {p}"))
            .collect(),
    )
}

/// `CREATE TYPE [Name] FROM nvarchar(50) [NOT] NULL`: an alias type, kept as a domain.
pub fn alias_type(b: &mut Builder, text: &str, origin: &Origin) -> bool {
    let Some(from) = find_ci(text, " FROM ") else {
        return false;
    };
    let name = text.get("CREATE TYPE".len()..from).unwrap_or("").trim();
    let mut base = text
        .get(from + " FROM ".len()..)
        .unwrap_or("")
        .trim()
        .trim_end_matches(';')
        .trim()
        .to_owned();
    let mut nullable = true;
    let upper = base.to_ascii_uppercase();
    if let Some(cut) = upper.strip_suffix(" NOT NULL").map(str::len) {
        nullable = false;
        base.truncate(cut);
    } else if let Some(cut) = upper.strip_suffix(" NULL").map(str::len) {
        base.truncate(cut);
    }
    let source = Some(b.source(origin));
    let base_type = b.data_type(&base);
    b.add_domain(crate::model::Domain {
        id: crate::model::DomainId(0),
        name: names::qualified_from_text(name, b.dialect),
        base_type,
        nullable,
        default: None,
        checks: Vec::new(),
        comment: None,
        source,
    });
    true
}

/// `sp_addextendedproperty 'MS_Description'` (or `'Description'`) on a table or column: its
/// comment.
pub fn extended_property(b: &mut Builder, text: &str, origin: &Origin) {
    let Some(property) = tsql_rewrite::extended_property(text) else {
        b.report(
            origin,
            Severity::Warning,
            "could not read the arguments of sp_addextendedproperty",
        );
        return;
    };
    if !property.name.eq_ignore_ascii_case("MS_Description")
        && !property.name.eq_ignore_ascii_case("Description")
    {
        return;
    }
    let level = |kind: &str| {
        property
            .levels
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, n)| n.clone())
    };
    let (Some(table), schema) = (level("TABLE"), level("SCHEMA")) else {
        return;
    };
    let mut parts: Vec<String> = schema.into_iter().collect();
    parts.push(table);
    let name = names::qualified_from_parts(parts, b.dialect);
    let Some(target) = b.table_id(&name).and_then(|id| b.table_mut(id)) else {
        return;
    };
    match level("COLUMN") {
        Some(column) => {
            if let Some(c) = target
                .columns
                .iter_mut()
                .find(|c| c.name.eq_ignore_ascii_case(&column))
            {
                c.comment = Some(property.value);
            }
        }
        None if level("INDEX").is_none() && level("CONSTRAINT").is_none() => {
            target.comment = Some(property.value);
        }
        None => {}
    }
}

/// `ALTER TABLE t ADD CONSTRAINT d DEFAULT (x) FOR c`: sets the column default. Returns whether
/// the statement had that form.
pub fn default_for(b: &mut Builder, text: &str, origin: &Origin) -> bool {
    let Some((table, expression, column)) = tsql_rewrite::default_for(text) else {
        return false;
    };
    let table_name = names::qualified_from_text(&table, b.dialect);
    let column_name = names::unquote(&column, b.dialect);
    match b.column_mut(&table_name, &column_name) {
        Some(c) => c.default = Some(expression),
        None => b.report(
            origin,
            Severity::Error,
            format!("DEFAULT ... FOR: {table_name}.{column_name} is not defined"),
        ),
    }
    true
}
