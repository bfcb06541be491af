//! One table's entry in the Markdown dictionary, and the helpers every part uses.

use std::fmt::Write;

use super::dictionary::Link;
use super::escape::{markdown as text, markdown_code};
use super::tables::{ColumnDoc, KeyMark, TableDoc};

/// "1 table", "2 tables".
pub fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// A link to an anchor, or the escaped text when there is none.
pub fn link(link: &Link) -> String {
    match &link.anchor {
        Some(anchor) => format!("[{}](#{anchor})", text(&link.text)),
        None => text(&link.text),
    }
}

/// Inline code outside a table.
pub fn code(s: &str) -> String {
    markdown_code(s, false)
}

/// Inline code inside a table cell.
pub fn cell_code(s: &str) -> String {
    markdown_code(s, true)
}

/// Column names as code, comma-separated.
pub fn code_list(names: &[String]) -> String {
    names.iter().map(|n| code(n)).collect::<Vec<_>>().join(", ")
}

/// A constraint name in parentheses, when there is one.
fn named(name: Option<&String>) -> String {
    name.map(|n| format!(" ({})", code(n))).unwrap_or_default()
}

fn column_row(column: &ColumnDoc, described: bool) -> String {
    let mut default = Vec::new();
    if let Some(value) = &column.default {
        default.push(cell_code(value));
    }
    if let Some(identity) = &column.identity {
        default.push(format!("*{}*", text(identity)));
    }
    if let Some((expression, stored)) = &column.generated {
        let kind = if *stored {
            "generated, stored"
        } else {
            "generated"
        };
        default.push(format!("*{kind}:* {}", cell_code(expression)));
    }
    let keys: Vec<String> = column
        .keys
        .iter()
        .map(|mark| match mark {
            KeyMark::Foreign(target) => format!("FK → {}", link(target)),
            other => other.label().to_owned(),
        })
        .collect();
    let comment = if described {
        let comment = column.comment.as_deref().map(text).unwrap_or_default();
        format!(" {comment} |")
    } else {
        String::new()
    };
    format!(
        "| {} | {} | {} | {} | {} |{comment}",
        cell_code(&column.name),
        link(&column.data_type),
        if column.not_null { "NOT NULL" } else { "null" },
        default.join(" "),
        keys.join(", "),
    )
}

/// Writes the entry of `table`.
pub fn table_entry(out: &mut String, table: &TableDoc) {
    let _ = writeln!(out, "### {}\n", text(&table.name));
    let mut meta = Vec::new();
    if let Some(group) = &table.group {
        meta.push(format!("Group: {}", link(group)));
    }
    meta.push(plural(table.columns.len(), "column"));
    if let Some((count, anchor)) = &table.problems {
        meta.push(format!("[{}](#{anchor})", plural(*count, "problem")));
    }
    let _ = writeln!(out, "{}\n", meta.join(" · "));
    if let Some(comment) = &table.comment {
        let _ = writeln!(out, "{}\n", text(comment));
    }
    // The description column only when some column has one.
    let described = table.columns.iter().any(|c| c.comment.is_some());
    if described {
        out.push_str("| Column | Type | Nullable | Default | Keys | Description |\n");
        out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    } else {
        out.push_str("| Column | Type | Nullable | Default | Keys |\n");
        out.push_str("| --- | --- | --- | --- | --- |\n");
    }
    for column in &table.columns {
        out.push_str(&column_row(column, described));
        out.push('\n');
    }
    out.push('\n');
    match &table.primary_key {
        Some(pk) => {
            let _ = writeln!(
                out,
                "**Primary key:** {}{}\n",
                code_list(&pk.columns),
                named(pk.name.as_ref())
            );
        }
        None => out.push_str("**Primary key:** none\n\n"),
    }
    if !table.foreign_keys.is_empty() {
        out.push_str("**Foreign keys**\n\n");
        for fk in &table.foreign_keys {
            let _ = writeln!(
                out,
                "- {} → {} ({}){}: ON DELETE {}, ON UPDATE {}; {}",
                code_list(&fk.columns),
                link(&fk.target),
                code_list(&fk.target_columns),
                named(fk.name.as_ref()),
                fk.on_delete,
                fk.on_update,
                fk.cardinality
            );
        }
        out.push('\n');
    }
    if !table.incoming.is_empty() {
        out.push_str("**Referenced by**\n\n");
        for incoming in &table.incoming {
            let _ = writeln!(
                out,
                "- {} ({}) → ({}); {}",
                link(&incoming.from),
                code_list(&incoming.columns),
                code_list(&incoming.target_columns),
                incoming.cardinality
            );
        }
        out.push('\n');
    }
    if !table.uniques.is_empty() {
        out.push_str("**Unique constraints**\n\n");
        for unique in &table.uniques {
            let _ = writeln!(
                out,
                "- {}{}",
                code_list(&unique.columns),
                named(unique.name.as_ref())
            );
        }
        out.push('\n');
    }
    if !table.indexes.is_empty() {
        out.push_str("**Indexes**\n\n");
        for index in &table.indexes {
            let mut line = format!("- {}", code_list(&index.parts));
            if !index.include.is_empty() {
                let _ = write!(line, " include {}", code_list(&index.include));
            }
            if let Some(predicate) = &index.predicate {
                let _ = write!(line, " where {}", code(predicate));
            }
            let mut tags = Vec::new();
            if index.unique {
                tags.push("unique".to_owned());
            }
            if let Some(method) = &index.method {
                tags.push(text(method));
            }
            if !tags.is_empty() {
                let _ = write!(line, "; {}", tags.join(", "));
            }
            let _ = writeln!(out, "{line}{}", named(index.name.as_ref()));
        }
        out.push('\n');
    }
    if !table.checks.is_empty() {
        out.push_str("**Checks**\n\n");
        for check in &table.checks {
            let _ = writeln!(
                out,
                "- {}{}",
                code(&check.expression),
                named(check.name.as_ref())
            );
        }
        out.push('\n');
    }
}
