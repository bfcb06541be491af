//! The Markdown dictionary, GitHub-flavoured: headings whose anchors GitHub generates (the
//! contents and every cross-reference link to them), pipe tables for columns and problems,
//! the diagram linked as an image. Model text is escaped; names are code spans.

use std::fmt::Write;

use super::dictionary::{AreaKind, Dictionary, Link};
use super::escape::{markdown as text, markdown_block, url_path};
use super::html::problem_summary;
use super::markdown_table::{cell_code, code, link, plural, table_entry};

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
