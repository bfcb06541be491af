//! One table's entry in the HTML dictionary.

use std::fmt::Write;

use super::dictionary::Link;
use super::escape::{html, html_lines};
use super::tables::{ColumnDoc, KeyDoc, KeyMark, TableDoc};

/// A link to an anchor, or the plain (escaped) text when there is none.
pub fn link(link: &Link) -> String {
    match &link.anchor {
        Some(anchor) => format!("<a href=\"#{}\">{}</a>", html(anchor), html(&link.text)),
        None => html(&link.text),
    }
}

/// Inline code.
pub fn code(text: &str) -> String {
    format!("<code>{}</code>", html(text))
}

/// A comma-separated list of column names as code.
pub fn code_list(names: &[String]) -> String {
    names.iter().map(|n| code(n)).collect::<Vec<_>>().join(", ")
}

fn constraint_name(name: Option<&String>) -> String {
    name.map(|n| format!(" <span class=\"cname\">{}</span>", html(n)))
        .unwrap_or_default()
}

/// Starts one block of facts (a heading and its list).
fn fact(out: &mut String, title: &str) {
    let _ = writeln!(out, "<div class=\"fact\">\n<h4>{title}</h4>\n<ul>");
}

fn key_marks(column: &ColumnDoc) -> String {
    column
        .keys
        .iter()
        .map(|mark| match mark {
            KeyMark::Foreign(target) => {
                let title = format!("references {}", target.text);
                match &target.anchor {
                    Some(anchor) => format!(
                        "<a class=\"key fk\" href=\"#{}\" title=\"{}\">FK</a>",
                        html(anchor),
                        html(&title)
                    ),
                    None => format!(
                        "<span class=\"key fk\" title=\"{}\">FK</span>",
                        html(&title)
                    ),
                }
            }
            KeyMark::Primary => "<span class=\"key pk\" title=\"primary key\">PK</span>".into(),
            KeyMark::Unique => "<span class=\"key uq\" title=\"unique\">UQ</span>".into(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn default_cell(column: &ColumnDoc) -> String {
    let mut parts = Vec::new();
    if let Some(default) = &column.default {
        parts.push(code(default));
    }
    if let Some(identity) = &column.identity {
        parts.push(format!("<span class=\"tag\">{}</span>", html(identity)));
    }
    if let Some((expression, stored)) = &column.generated {
        let kind = if *stored {
            "generated, stored"
        } else {
            "generated"
        };
        parts.push(format!(
            "<span class=\"tag\">{kind}</span> {}",
            code(expression)
        ));
    }
    parts.join(" ")
}

fn columns_table(out: &mut String, table: &TableDoc) {
    // The description column only when some column has one.
    let described = table.columns.iter().any(|c| c.comment.is_some());
    let _ = writeln!(
        out,
        "<table class=\"columns\">\n<thead><tr><th>Column</th><th>Type</th><th>Nullable</th>\
         <th>Default</th><th>Keys</th>{}</tr></thead>\n<tbody>",
        if described {
            "<th>Description</th>"
        } else {
            ""
        }
    );
    for column in &table.columns {
        let null = if column.not_null {
            "<span class=\"notnull\">NOT NULL</span>"
        } else {
            "<span class=\"muted\">null</span>"
        };
        let class = if column.keys.contains(&KeyMark::Primary) {
            " class=\"pk-row\""
        } else {
            ""
        };
        let comment = if described {
            let text = column.comment.as_deref().map(html_lines);
            format!("<td>{}</td>", text.unwrap_or_default())
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<tr{class}><td class=\"name\">{}</td><td class=\"type\">{}</td><td>{null}</td>\
             <td>{}</td><td class=\"keys\">{}</td>{comment}</tr>",
            code(&column.name),
            link(&column.data_type),
            default_cell(column),
            key_marks(column),
        );
    }
    if table.columns.is_empty() {
        out.push_str("<tr><td colspan=\"5\" class=\"muted\">No columns.</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn keys_list(out: &mut String, title: &str, keys: &[KeyDoc]) {
    if keys.is_empty() {
        return;
    }
    fact(out, title);
    for key in keys {
        let _ = writeln!(
            out,
            "<li>{}{}</li>",
            code_list(&key.columns),
            constraint_name(key.name.as_ref())
        );
    }
    out.push_str("</ul>\n</div>\n");
}

fn relationships(out: &mut String, table: &TableDoc) {
    if !table.foreign_keys.is_empty() {
        fact(out, "Foreign keys");
        for fk in &table.foreign_keys {
            let _ = writeln!(
                out,
                "<li>{} &#8594; {} ({}){} <span class=\"card\">{}</span><br />\
                 <span class=\"muted\">ON DELETE {} &#183; ON UPDATE {}</span></li>",
                code_list(&fk.columns),
                link(&fk.target),
                code_list(&fk.target_columns),
                constraint_name(fk.name.as_ref()),
                html(fk.cardinality),
                fk.on_delete,
                fk.on_update
            );
        }
        out.push_str("</ul>\n</div>\n");
    }
    if !table.incoming.is_empty() {
        fact(out, "Referenced by");
        for incoming in &table.incoming {
            let _ = writeln!(
                out,
                "<li>{} ({}) &#8594; ({}) <span class=\"card\">{}</span></li>",
                link(&incoming.from),
                code_list(&incoming.columns),
                code_list(&incoming.target_columns),
                html(incoming.cardinality)
            );
        }
        out.push_str("</ul>\n</div>\n");
    }
}

fn indexes_and_checks(out: &mut String, table: &TableDoc) {
    if !table.indexes.is_empty() {
        fact(out, "Indexes");
        for index in &table.indexes {
            let mut text = code_list(&index.parts);
            if !index.include.is_empty() {
                let _ = write!(text, " include {}", code_list(&index.include));
            }
            if let Some(predicate) = &index.predicate {
                let _ = write!(text, " where {}", code(predicate));
            }
            let mut tags = Vec::new();
            if index.unique {
                tags.push("unique".to_owned());
            }
            if let Some(method) = &index.method {
                tags.push(html(method));
            }
            let tags: String = tags
                .iter()
                .map(|t| format!(" <span class=\"tag\">{t}</span>"))
                .collect();
            let _ = writeln!(
                out,
                "<li>{text}{tags}{}</li>",
                constraint_name(index.name.as_ref())
            );
        }
        out.push_str("</ul>\n</div>\n");
    }
    if !table.checks.is_empty() {
        fact(out, "Checks");
        for check in &table.checks {
            let _ = writeln!(
                out,
                "<li>{}{}</li>",
                code(&check.expression),
                constraint_name(check.name.as_ref())
            );
        }
        out.push_str("</ul>\n</div>\n");
    }
}

/// Writes the entry of `table`.
pub fn table_entry(out: &mut String, table: &TableDoc) {
    let _ = writeln!(
        out,
        "<section class=\"entity\">\n<h3 id=\"{}\">{}</h3>",
        html(&table.anchor),
        html(&table.name)
    );
    let mut meta = Vec::new();
    if let Some(group) = &table.group {
        meta.push(format!(
            "<span class=\"label\">Group</span> {}",
            link(group)
        ));
    }
    meta.push(format!(
        "{} column{}",
        table.columns.len(),
        if table.columns.len() == 1 { "" } else { "s" }
    ));
    if let Some((count, anchor)) = &table.problems {
        meta.push(format!(
            "<a class=\"problem-count\" href=\"#{}\">{count} problem{}</a>",
            html(anchor),
            if *count == 1 { "" } else { "s" }
        ));
    }
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" &#183; "));
    if let Some(comment) = &table.comment {
        let _ = writeln!(out, "<p class=\"comment\">{}</p>", html_lines(comment));
    }
    columns_table(out, table);
    out.push_str("<div class=\"facts\">\n");
    match &table.primary_key {
        Some(pk) => keys_list(out, "Primary key", std::slice::from_ref(pk)),
        None => out.push_str(
            "<div class=\"fact\">\n<h4>Primary key</h4>\n<p class=\"muted\">None.</p>\n</div>\n",
        ),
    }
    relationships(out, table);
    keys_list(out, "Unique constraints", &table.uniques);
    indexes_and_checks(out, table);
    out.push_str("</div>\n</section>\n");
}
