//! Puts a whole script together in dependency order.

use std::collections::BTreeSet;

use crate::model::{Dialect, Passthrough, Table, TableId};

use super::writer::{DdlWriter, column_list, constraint_prefix, foreign_key_clause, strip_parens};
use super::{Context, Scope, order};

/// A titled group of statements.
struct Section {
    title: &'static str,
    statements: Vec<String>,
}

/// Writes the script for `scope`.
pub fn write(w: &dyn DdlWriter, cx: &Context<'_>, scope: &Scope) -> String {
    let doc = cx.doc;
    let whole = matches!(scope, Scope::Document);
    let ids: Vec<TableId> = match scope {
        Scope::Document => doc.tables.keys().copied().collect(),
        Scope::Tables(ids) => ids
            .iter()
            .copied()
            .filter(|id| doc.tables.contains_key(id))
            .collect(),
    };
    let mut order = order::tables(doc, &ids);
    if w.inline_all_foreign_keys() {
        order.deferred.clear();
    } else {
        order.deferred.extend(needs_unique_index(cx, &ids));
    }
    let end = w.terminator();
    let terminated = |s: String| format!("{s}{end}");
    let mut sections = Vec::new();
    let (early, late) = if whole {
        passthrough_groups(cx)
    } else {
        (Vec::new(), Vec::new())
    };
    if whole {
        let schemas = cx
            .schemas
            .iter()
            .filter(|_| !cx.prefix_schemas)
            .filter_map(|s| w.create_schema(cx, s))
            .map(terminated)
            .collect();
        sections.push(Section {
            title: "Schemas",
            statements: schemas,
        });
        let mut prelude: Vec<String> = Vec::new();
        if cx.dialect == Dialect::Postgres && !early.is_empty() {
            prelude.push(terminated("SET check_function_bodies = false".into()));
        }
        prelude.extend(early.iter().map(|p| w.passthrough(cx, p)));
        sections.push(Section {
            title: "Extensions and functions",
            statements: prelude,
        });
        let mut types: Vec<String> = doc
            .enums
            .values()
            .filter_map(|e| w.create_enum(cx, e))
            .map(terminated)
            .collect();
        types.extend(
            doc.domains
                .values()
                .filter_map(|d| w.create_domain(cx, d))
                .map(terminated),
        );
        sections.push(Section {
            title: "Types",
            statements: types,
        });
        let sequences = doc
            .sequences
            .values()
            .filter_map(|s| w.create_sequence(cx, s))
            .map(terminated)
            .collect();
        sections.push(Section {
            title: "Sequences",
            statements: sequences,
        });
    }
    let tables: Vec<&Table> = order
        .tables
        .iter()
        .filter_map(|id| doc.table(*id))
        .collect();
    sections.push(Section {
        title: "Tables",
        statements: tables
            .iter()
            .map(|t| create_table(w, cx, t, &order.deferred))
            .map(terminated)
            .collect(),
    });
    if whole && cx.dialect == Dialect::Postgres {
        sections.push(Section {
            title: "Sequence ownership",
            statements: super::postgres::sequence_ownership(cx)
                .into_iter()
                .map(terminated)
                .collect(),
        });
    }
    // Partitions first, so a partitioned parent's index adopts the partitions' own indexes.
    let mut by_partition: Vec<&&Table> = tables.iter().collect();
    by_partition.sort_by_key(|t| !t.options.0.contains_key("partition_of"));
    let indexes = by_partition
        .iter()
        .flat_map(|t| t.indexes.iter().map(move |i| (**t, i)))
        .filter(|_| !w.indexes_in_table())
        .filter_map(|(t, i)| w.create_index(cx, t, i))
        .map(terminated)
        .collect();
    sections.push(Section {
        title: "Indexes",
        statements: indexes,
    });
    let mut deferred = Vec::new();
    for table in &tables {
        for fk in &table.foreign_keys {
            if order.deferred.contains(&(table.id, fk.id))
                && let Some(sql) = w.add_foreign_key(cx, table, fk)
            {
                deferred.push(terminated(sql));
            }
        }
    }
    sections.push(Section {
        title: "Foreign keys added after the tables and indexes they need",
        statements: deferred,
    });
    if whole {
        let views = order::views(doc)
            .iter()
            .filter_map(|id| doc.views.get(id))
            .filter_map(|v| w.create_view(cx, v))
            .map(terminated)
            .collect();
        sections.push(Section {
            title: "Views",
            statements: views,
        });
    }
    let comments = tables
        .iter()
        .flat_map(|t| w.comments(cx, t))
        .map(terminated)
        .collect();
    sections.push(Section {
        title: "Comments",
        statements: comments,
    });
    sections.push(Section {
        title: "Functions, triggers and other statements kept verbatim",
        statements: late.iter().map(|p| w.passthrough(cx, p)).collect(),
    });
    render(cx, scope, &sections)
}

fn render(cx: &Context<'_>, scope: &Scope, sections: &[Section]) -> String {
    let mut out = String::new();
    if matches!(scope, Scope::Document) {
        out.push_str(&format!(
            "-- {} DDL written by Schemata {}\n-- {} tables, {} views\n",
            cx.dialect.display_name(),
            env!("CARGO_PKG_VERSION"),
            cx.doc.tables.len(),
            cx.doc.views.len()
        ));
    }
    for section in sections.iter().filter(|s| !s.statements.is_empty()) {
        if matches!(scope, Scope::Document) {
            out.push_str(&format!("\n-- {}\n\n", section.title));
        } else if !out.is_empty() {
            out.push('\n');
        }
        let multiline = section
            .statements
            .iter()
            .any(|s| s.trim_end().contains('\n'));
        let separator = if multiline { "\n\n" } else { "\n" };
        out.push_str(&section.statements.join(separator));
        out.push('\n');
    }
    out
}

/// The document's verbatim statements written in the target dialect, split into those that
/// must precede the tables (extensions, functions, types) and the rest.
fn passthrough_groups<'a>(cx: &Context<'a>) -> (Vec<&'a Passthrough>, Vec<&'a Passthrough>) {
    let own: Vec<&Passthrough> = cx
        .doc
        .passthrough
        .values()
        .filter(|p| p.dialect == cx.dialect)
        .collect();
    let foreign = cx.doc.passthrough.len() - own.len();
    if foreign > 0 {
        cx.warn(
            "statements kept verbatim",
            format!(
                "{foreign} statement(s) (functions, triggers, grants, ...) are written in another dialect and were left out"
            ),
        );
    }
    let table_names: BTreeSet<String> = cx
        .doc
        .tables
        .values()
        .map(|t| t.name.name.to_ascii_lowercase())
        .collect();
    own.into_iter()
        .partition(|p| is_prerequisite(&p.sql, &table_names))
}

/// Whether a verbatim statement has to run before the tables: extensions, types, collations,
/// and functions whose signature does not mention a table (those that do come after).
fn is_prerequisite(sql: &str, tables: &BTreeSet<String>) -> bool {
    let words = crate::sql::import::leading_words(sql, 3);
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    if word(0) != "CREATE" {
        return false;
    }
    match word(1) {
        "EXTENSION" | "TYPE" | "DOMAIN" | "SEQUENCE" | "SCHEMA" | "COLLATION" | "LANGUAGE"
        | "TEXT" | "CAST" | "OPERATOR" | "SERVER" | "FOREIGN" => true,
        "FUNCTION" | "PROCEDURE" | "AGGREGATE" => {
            // The signature after the function's own name, up to its body.
            let lower = sql.to_ascii_lowercase();
            let signature = lower.split_once('(').map_or("", |(_, rest)| rest);
            let header = [" as ", " language ", "$"]
                .iter()
                .filter_map(|stop| signature.find(stop))
                .min()
                .map_or(signature, |end| &signature[..end]);
            !header
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|w| tables.contains(w))
        }
        _ => false,
    }
}

/// Foreign keys whose referenced columns are unique only through a unique index, which
/// exists only once the indexes are created: they are added afterwards.
fn needs_unique_index(
    cx: &Context<'_>,
    ids: &[TableId],
) -> Vec<(TableId, crate::model::ConstraintId)> {
    let mut out = Vec::new();
    for table in ids.iter().filter_map(|id| cx.doc.table(*id)) {
        for fk in &table.foreign_keys {
            let Some(target) = cx.doc.referenced_table(fk) else {
                continue;
            };
            let columns: Option<Vec<_>> = fk
                .referenced_columns
                .iter()
                .map(|c| match c {
                    crate::model::ColumnRef::Resolved(id) => Some(*id),
                    crate::model::ColumnRef::Unresolved(_) => None,
                })
                .collect();
            let Some(columns) = columns.filter(|c| !c.is_empty()) else {
                continue;
            };
            let same_set = |other: &[crate::model::ColumnId]| {
                other.len() == columns.len() && columns.iter().all(|c| other.contains(c))
            };
            let constrained = target
                .primary_key
                .as_ref()
                .is_some_and(|pk| same_set(&pk.columns))
                || target.uniques.iter().any(|u| same_set(&u.columns));
            if !constrained {
                out.push((table.id, fk.id));
            }
        }
    }
    out
}

/// `CREATE TABLE` with columns, keys, checks and the foreign keys that can be inline.
fn create_table(
    w: &dyn DdlWriter,
    cx: &Context<'_>,
    table: &Table,
    deferred: &BTreeSet<(TableId, crate::model::ConstraintId)>,
) -> String {
    if let Some(sql) = w.special_create_table(cx, table) {
        return sql;
    }
    let inline_pk = w.inline_primary_key(cx, table);
    let mut checks = Vec::new();
    let width = table
        .columns
        .iter()
        .map(|c| cx.ident(&c.name).chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<(String, Option<String>)> = table
        .columns
        .iter()
        .map(|c| {
            let def = super::columns::definition(w, cx, table, c, inline_pk, &mut checks, width);
            let note = if w.inline_comments() {
                c.comment.clone()
            } else {
                None
            };
            (def, note)
        })
        .collect();
    if let Some(pk) = &table.primary_key
        && !inline_pk
        && !pk.columns.is_empty()
    {
        let prefix = if w.names_primary_key() {
            constraint_prefix(cx, pk.id, pk.name.as_ref())
        } else {
            String::new()
        };
        lines.push((
            format!(
                "{prefix}PRIMARY KEY ({})",
                column_list(cx, table, &pk.columns)
            ),
            None,
        ));
    }
    for unique in &table.uniques {
        lines.push((
            format!(
                "{}UNIQUE ({})",
                constraint_prefix(cx, unique.id, unique.name.as_ref()),
                column_list(cx, table, &unique.columns)
            ),
            None,
        ));
    }
    if w.indexes_in_table() {
        lines.extend(
            table
                .indexes
                .iter()
                .filter_map(|index| w.inline_index(cx, table, index))
                .map(|clause| (clause, None)),
        );
    }
    for check in &table.checks {
        match cx.translate(&check.expression) {
            Ok(expr) => lines.push((
                format!(
                    "{}CHECK ({})",
                    constraint_prefix(cx, check.id, check.name.as_ref()),
                    strip_parens(&expr)
                ),
                None,
            )),
            Err(reason) => cx.warn(
                format!(
                    "check {}.{}",
                    table.name,
                    check.name.as_deref().unwrap_or("")
                ),
                format!(
                    "expression {} cannot be carried ({reason}); left out",
                    check.expression
                ),
            ),
        }
    }
    for check in checks {
        lines.push((format!("CHECK ({check})"), None));
    }
    for fk in &table.foreign_keys {
        if !deferred.contains(&(table.id, fk.id))
            && let Some(clause) = foreign_key_clause(w, cx, table, fk)
        {
            lines.push((clause, None));
        }
    }
    lines.extend(
        w.table_items(cx, table)
            .into_iter()
            .map(|item| (item, None)),
    );
    if w.dialect() != crate::model::Dialect::Mssql
        && ["system_versioning", "system_time_period"]
            .iter()
            .any(|key| table.options.0.contains_key(*key))
    {
        cx.warn(
            format!("table {}", table.name),
            "system versioning (a SQL Server temporal table) has no equivalent; the table is \
             written without it",
        );
    }
    let mut sql = String::new();
    if w.inline_comments()
        && let Some(comment) = &table.comment
    {
        sql.push_str(&format!("-- {}\n", one_line(comment)));
    }
    sql.push_str(&format!(
        "{} {} (\n",
        w.create_table_keyword(cx, table),
        cx.name(&table.name)
    ));
    let count = lines.len();
    for (i, (line, note)) in lines.into_iter().enumerate() {
        sql.push_str("    ");
        sql.push_str(&line);
        if i + 1 < count {
            sql.push(',');
        }
        if let Some(note) = note {
            sql.push_str(&format!(" -- {}", one_line(&note)));
        }
        sql.push('\n');
    }
    sql.push(')');
    sql.push_str(&w.table_suffix(cx, table));
    sql
}

/// A comment's text on one line, safe inside a `--` comment.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
