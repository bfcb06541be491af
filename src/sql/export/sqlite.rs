//! SQLite: `INTEGER PRIMARY KEY AUTOINCREMENT`, every foreign key inline (SQLite cannot add
//! one later and checks them only when rows arrive), `WITHOUT ROWID` / `STRICT`, virtual
//! tables, comments as `--` lines.

use crate::model::{Column, Dialect, Index, Table};

use super::tokens::is_literal;
use super::writer::{
    DdlWriter, index_name, index_object, index_parts, index_predicate, strip_parens,
};
use super::{Context, types};

/// The SQLite writer.
pub struct Sqlite;

/// Whether the table's primary key is one numbered column (written inline so it can carry
/// `AUTOINCREMENT`).
fn numbered_key<'t>(cx: &Context<'_>, table: &'t Table) -> Option<&'t Column> {
    let pk = table.primary_key.as_ref()?;
    let [id] = pk.columns.as_slice() else {
        return None;
    };
    table.column(*id).filter(|c| cx.numbering(c).is_some())
}

impl DdlWriter for Sqlite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn create_schema(&self, _cx: &Context<'_>, _name: &str) -> Option<String> {
        None
    }

    fn column_type(&self, cx: &Context<'_>, table: &Table, column: &Column) -> types::MappedType {
        if numbered_key(cx, table).is_some_and(|c| c.id == column.id) {
            return types::MappedType {
                text: "INTEGER".into(),
                check: None,
            };
        }
        types::column_type(cx, table, column)
    }

    fn identity_clause(&self, cx: &Context<'_>, table: &Table, column: &Column) -> Option<String> {
        cx.numbering(column)?;
        if numbered_key(cx, table).is_some_and(|c| c.id == column.id) {
            return Some("AUTOINCREMENT".into());
        }
        cx.warn(
            format!("column {}.{}", table.name, column.name),
            "SQLite numbers only a single-column INTEGER PRIMARY KEY; numbering left out",
        );
        None
    }

    fn inline_primary_key(&self, cx: &Context<'_>, table: &Table) -> bool {
        numbered_key(cx, table).is_some()
    }

    fn wrap_default(&self, text: &str, _column: &Column) -> String {
        let plain = is_literal(
            text,
            Dialect::Sqlite,
            &[
                "null",
                "true",
                "false",
                "current_timestamp",
                "current_date",
                "current_time",
            ],
        );
        if plain {
            text.to_owned()
        } else {
            format!("({})", strip_parens(text))
        }
    }

    fn special_create_table(&self, cx: &Context<'_>, table: &Table) -> Option<String> {
        let module = table.options.0.get("virtual")?;
        if !cx.same {
            return None;
        }
        let columns: Vec<String> = table.columns.iter().map(|c| cx.ident(&c.name)).collect();
        Some(format!(
            "CREATE VIRTUAL TABLE {} USING {module}({})",
            cx.name(&table.name),
            columns.join(", ")
        ))
    }

    fn table_suffix(&self, cx: &Context<'_>, table: &Table) -> String {
        if !cx.same {
            return String::new();
        }
        let mut options = Vec::new();
        if table.options.0.contains_key("without_rowid") {
            options.push("WITHOUT ROWID");
        }
        if table.options.0.contains_key("strict") {
            options.push("STRICT");
        }
        if options.is_empty() {
            String::new()
        } else {
            format!(" {}", options.join(", "))
        }
    }

    fn inline_comments(&self) -> bool {
        true
    }

    fn add_foreign_key(
        &self,
        _cx: &Context<'_>,
        _table: &Table,
        _fk: &crate::model::ForeignKey,
    ) -> Option<String> {
        None
    }

    fn inline_all_foreign_keys(&self) -> bool {
        true
    }

    fn create_index(&self, cx: &Context<'_>, table: &Table, index: &Index) -> Option<String> {
        let parts = index_parts(cx, table, index)?;
        if !index.include.is_empty() {
            cx.warn(
                index_object(table, index),
                "SQLite has no INCLUDE columns; left out",
            );
        }
        let mut sql = format!(
            "CREATE {}INDEX {} ON {} ({})",
            if index.unique { "UNIQUE " } else { "" },
            cx.ident(&index_name(cx, index)),
            cx.name(&table.name),
            parts.join(", ")
        );
        if let Some(predicate) = index_predicate(cx, table, index)? {
            sql.push_str(&format!(" WHERE {predicate}"));
        }
        Some(sql)
    }

    fn comments(&self, _cx: &Context<'_>, _table: &Table) -> Vec<String> {
        Vec::new()
    }
}
