//! The Markdown dictionary, GitHub-flavoured: headings whose anchors GitHub generates (the
//! contents and every cross-reference link to them), pipe tables for columns and problems,
//! the diagram linked as an image. Model text is escaped; names are code spans.

use std::fmt::Write;

use super::dictionary::{AreaKind, Dictionary, Link};
use super::escape::{markdown as text, markdown_block, markdown_code, url_path};
use super::html::problem_summary;
use super::tables::{ColumnDoc, KeyMark, TableDoc};

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn link(link: &Link) -> String {
    match &link.anchor {
        Some(anchor) => format!("[{}](#{anchor})", text(&link.text)),
        None => text(&link.text),
    }
}

fn code(s: &str) -> String {
    markdown_code(s, false)
}

fn cell_code(s: &str) -> String {
    markdown_code(s, true)
}

fn code_list(names: &[String]) -> String {
    names.iter().map(|n| code(n)).collect::<Vec<_>>().join(", ")
}

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

fn table_entry(out: &mut String, table: &TableDoc) {
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

/// `table.column` links for the columns of a type.
fn columns_of(columns: &[(Link, String)]) -> String {
    let items: Vec<String> = columns
        .iter()
        .map(|(table, column)| format!("{}.{}", link(table), code(column)))
        .collect();
    items.join(", ")
}

fn contents(out: &mut String, dict: &Dictionary) {
    out.push_str("## Contents\n\n");
    if let Some(anchor) = &dict.diagram_anchor {
        let _ = writeln!(out, "- [Diagram](#{anchor})");
    }
    for area in &dict.areas {
        let marker = if area.kind == AreaKind::BoundedContext {
            " (bounded context)"
        } else {
            ""
        };
        let _ = writeln!(out, "- [{}](#{}){marker}", text(&area.name), area.anchor);
        for table in &area.tables {
            let _ = writeln!(out, "  - [{}](#{})", text(&table.name), table.anchor);
        }
    }
    let sections = [
        ("Enums", &dict.enums.0, dict.enums.1.len()),
        ("Domains", &dict.domains.0, dict.domains.1.len()),
        ("Sequences", &dict.sequences.0, dict.sequences.1.len()),
        ("Views", &dict.views.0, dict.views.1.len()),
        ("Notes", &dict.notes.0, dict.notes.1.len()),
    ];
    for (title, anchor, count) in sections {
        if count > 0 {
            let _ = writeln!(out, "- [{title}](#{anchor})");
        }
    }
    let _ = writeln!(out, "- [Problems](#{})\n", dict.problems_anchor);
}

fn objects(out: &mut String, dict: &Dictionary) {
    if !dict.enums.1.is_empty() {
        out.push_str("## Enums\n\n");
        for e in &dict.enums.1 {
            let _ = writeln!(out, "### {}\n", text(&e.name));
            if let Some(comment) = &e.comment {
                let _ = writeln!(out, "{}\n", text(comment));
            }
            let labels: Vec<String> = e.labels.iter().map(|l| code(l)).collect();
            let _ = writeln!(out, "Labels: {}\n", labels.join(", "));
            if !e.used_by.is_empty() {
                let _ = writeln!(out, "Used by: {}\n", columns_of(&e.used_by));
            }
        }
    }
    if !dict.domains.1.is_empty() {
        out.push_str("## Domains\n\n");
        for d in &dict.domains.1 {
            let _ = writeln!(out, "### {}\n", text(&d.name));
            if let Some(comment) = &d.comment {
                let _ = writeln!(out, "{}\n", text(comment));
            }
            let _ = writeln!(out, "- Base type: {}", text(&d.base_type));
            let _ = writeln!(
                out,
                "- Nullable: {}",
                if d.not_null { "NOT NULL" } else { "null" }
            );
            if let Some(default) = &d.default {
                let _ = writeln!(out, "- Default: {}", code(default));
            }
            for check in &d.checks {
                let _ = writeln!(out, "- Check: {}", code(check));
            }
            if !d.used_by.is_empty() {
                let _ = writeln!(out, "- Used by: {}", columns_of(&d.used_by));
            }
            out.push('\n');
        }
    }
    if !dict.sequences.1.is_empty() {
        out.push_str("## Sequences\n\n| Sequence | Start | Step | Minimum | Maximum | Cache | Cycle | Owned by |\n");
        out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for s in &dict.sequences.1 {
            let owner = s
                .owned_by
                .as_ref()
                .map(|(table, column)| format!("{}.{}", link(table), cell_code(column)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {owner} |",
                cell_code(&s.name),
                s.numbers.join(" | "),
                if s.cycle { "yes" } else { "no" }
            );
        }
        out.push('\n');
    }
    if !dict.views.1.is_empty() {
        out.push_str("## Views\n\n");
        for v in &dict.views.1 {
            let _ = writeln!(out, "### {}\n", text(&v.name));
            let mut meta = vec![
                if v.materialized {
                    "Materialized view"
                } else {
                    "View"
                }
                .to_owned(),
            ];
            if !v.reads.is_empty() {
                let reads: Vec<String> = v.reads.iter().map(link).collect();
                meta.push(format!("reads {}", reads.join(", ")));
            }
            let _ = writeln!(out, "{}\n", meta.join(" · "));
            if let Some(comment) = &v.comment {
                let _ = writeln!(out, "{}\n", text(comment));
            }
            let _ = writeln!(out, "{}", markdown_block(&v.query, "sql"));
        }
    }
    if !dict.notes.1.is_empty() {
        out.push_str("## Notes\n\n");
        for note in &dict.notes.1 {
            let on = note
                .table
                .as_ref()
                .map(|t| format!(" (on {})", link(t)))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{on}", text(&note.text));
        }
        out.push('\n');
    }
}

fn problems(out: &mut String, dict: &Dictionary) {
    out.push_str("## Problems\n\n");
    if dict.problems.is_empty() {
        out.push_str("The design rules found no problems.\n");
        return;
    }
    let _ = writeln!(
        out,
        "The design rules report {}.\n",
        problem_summary(dict.counts.problems)
    );
    for group in &dict.problems {
        let _ = writeln!(out, "### {}\n", text(&group.heading));
        if let Some(table) = &group.table {
            let _ = writeln!(out, "About the table {}.\n", link(table));
        }
        out.push_str("| Severity | Rule | Object | Message |\n| --- | --- | --- | --- |\n");
        for item in &group.items {
            let fix = item
                .fix
                .as_deref()
                .map(|f| format!("<br>*Fix:* {}", text(f)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {}{fix} |",
                item.severity.name(),
                cell_code(&item.rule),
                cell_code(&item.object),
                text(&item.message)
            );
        }
        out.push('\n');
    }
}

/// Writes the document. `diagram_link` is the image's path relative to the document.
pub fn render(dict: &Dictionary, diagram_link: Option<&str>) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let c = &dict.counts;
    let _ = writeln!(
        out,
        "# {}\n\n{}, {}, {}; the design rules report [{}](#{}). Types and design rules for {}. \
         Generated by {}.\n",
        text(&dict.heading),
        plural(c.tables, "table"),
        plural(c.columns, "column"),
        plural(c.relationships, "relationship"),
        problem_summary(c.problems),
        dict.problems_anchor,
        dict.dialect.display_name(),
        dict.generator
    );
    contents(&mut out, dict);
    if let (Some(_), Some(path)) = (&dict.diagram_anchor, diagram_link) {
        let _ = writeln!(out, "## Diagram\n\n![Diagram]({})\n", url_path(path));
    }
    for area in &dict.areas {
        let _ = writeln!(out, "## {}\n", text(&area.heading));
        if let Some(comment) = &area.comment {
            let _ = writeln!(out, "{}\n", text(comment));
        }
        if area.kind == AreaKind::BoundedContext {
            out.push_str("A bounded context: its tables should not share foreign keys with tables of other contexts.\n\n");
        }
        for table in &area.tables {
            table_entry(&mut out, table);
        }
    }
    objects(&mut out, dict);
    problems(&mut out, dict);
    out
}
