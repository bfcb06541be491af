//! The writer trait: statement shapes shared by every dialect, overridden where one differs.
//!
//! Every method returns text without the statement terminator; [`super::script`] joins the
//! statements and ends each one the way the target wants (`;`, or `;` plus `GO`).

use crate::model::{
    Column, Deferrable, Domain, EnumType, ForeignKey, Index, IndexKey, Passthrough, Sequence,
    SortOrder, Table, View,
};

use super::{Context, types};

/// How a dialect writes each kind of statement.
pub trait DdlWriter: Sync {
    /// The dialect written.
    fn dialect(&self) -> crate::model::Dialect;

    /// `CREATE SCHEMA`, when the target has schemas.
    fn create_schema(&self, cx: &Context<'_>, name: &str) -> Option<String> {
        Some(format!("CREATE SCHEMA {}", cx.ident(name)))
    }

    /// `CREATE TYPE ... AS ENUM`, when the target has enum types (otherwise enums are
    /// written into the columns that use them).
    fn create_enum(&self, _cx: &Context<'_>, _e: &EnumType) -> Option<String> {
        None
    }

    /// `CREATE DOMAIN`, when the target has domains.
    fn create_domain(&self, _cx: &Context<'_>, _d: &Domain) -> Option<String> {
        None
    }

    /// `CREATE SEQUENCE`, when the target has sequences.
    fn create_sequence(&self, cx: &Context<'_>, s: &Sequence) -> Option<String> {
        if cx.sequence_feeds_a_column(&s.name) {
            return None;
        }
        cx.warn(
            format!("sequence {}", s.name),
            format!(
                "{} has no sequences; left out (identity columns number rows instead)",
                cx.dialect.display_name()
            ),
        );
        None
    }

    /// The type written for a column, and a check carrying enum labels if needed.
    fn column_type(&self, cx: &Context<'_>, table: &Table, column: &Column) -> types::MappedType {
        types::column_type(cx, table, column)
    }

    /// The automatic-numbering clause of a column (`GENERATED ... AS IDENTITY`,
    /// `AUTO_INCREMENT`, `IDENTITY(1,1)`), if it keeps one.
    fn identity_clause(&self, cx: &Context<'_>, table: &Table, column: &Column) -> Option<String>;

    /// The `DEFAULT ...` expression of a column in the target, if it keeps one.
    fn default_value(&self, cx: &Context<'_>, table: &Table, column: &Column) -> Option<String> {
        let default = column.default.as_deref()?;
        if cx.same {
            return Some(default.to_owned());
        }
        if super::is_sequence_default(default) {
            // The target's own numbering replaces the sequence (see `Context::numbering`).
            return None;
        }
        if default.contains("0000-00-00") && cx.dialect != crate::model::Dialect::Mysql {
            cx.warn(
                format!("column {}.{}", table.name, column.name),
                format!(
                    "default {default} is not a valid date in {}; left out",
                    cx.dialect.display_name()
                ),
            );
            return None;
        }
        match cx.translate(default) {
            Ok(text) => Some(self.wrap_default(&text, column)),
            Err(reason) => {
                cx.warn(
                    format!("column {}.{}", table.name, column.name),
                    format!("default {default} left out: {reason}"),
                );
                None
            }
        }
    }

    /// A translated default expression in the form the target accepts.
    fn wrap_default(&self, text: &str, _column: &Column) -> String {
        text.to_owned()
    }

    /// The computed-column clause, if the target keeps it.
    fn generated_clause(&self, cx: &Context<'_>, table: &Table, column: &Column) -> Option<String> {
        let generated = column.generated.as_ref()?;
        match cx.translate(&generated.expression) {
            Ok(expr) => Some(format!(
                "GENERATED ALWAYS AS ({}) {}",
                strip_parens(&expr),
                if generated.stored {
                    "STORED"
                } else {
                    "VIRTUAL"
                }
            )),
            Err(reason) => {
                cx.warn(
                    format!("column {}.{}", table.name, column.name),
                    format!("computed expression left out: {reason}"),
                );
                None
            }
        }
    }

    /// `COLLATE ...` for a column, when the collation belongs to the target.
    fn collation(&self, cx: &Context<'_>, table: &Table, column: &Column) -> Option<String> {
        let collation = column.collation.as_deref()?;
        if cx.same {
            return Some(format!("COLLATE {collation}"));
        }
        cx.warn(
            format!("column {}.{}", table.name, column.name),
            format!("collation {collation} is specific to the source dialect; left out"),
        );
        None
    }

    /// A clause before `NULL`/`NOT NULL` that marks a period column (SQL Server
    /// `GENERATED ALWAYS AS ROW START`).
    fn period_clause(&self, _cx: &Context<'_>, _table: &Table, _column: &Column) -> Option<String> {
        None
    }

    /// Items after the constraints inside `CREATE TABLE` (SQL Server
    /// `PERIOD FOR SYSTEM_TIME (...)`).
    fn table_items(&self, _cx: &Context<'_>, _table: &Table) -> Vec<String> {
        Vec::new()
    }

    /// Extra words at the end of a column definition (MySQL `COMMENT '...'`).
    fn column_suffix(&self, _cx: &Context<'_>, _table: &Table, _column: &Column) -> String {
        String::new()
    }

    /// Whether the numbering clause follows `NOT NULL` (MySQL's `NOT NULL AUTO_INCREMENT`).
    fn identity_after_not_null(&self) -> bool {
        false
    }

    /// Whether the primary key is written inline on its single column (SQLite
    /// `INTEGER PRIMARY KEY AUTOINCREMENT`).
    fn inline_primary_key(&self, _cx: &Context<'_>, _table: &Table) -> bool {
        false
    }

    /// Words after the closing parenthesis of `CREATE TABLE` (engine, `WITHOUT ROWID`, ...).
    fn table_suffix(&self, _cx: &Context<'_>, _table: &Table) -> String {
        String::new()
    }

    /// Whether the target keeps deferrable constraints.
    fn supports_deferrable(&self) -> bool {
        true
    }

    /// Whether every foreign key is written inside `CREATE TABLE`, even one that closes a
    /// cycle (SQLite, which cannot add them later and checks them only when rows arrive).
    fn inline_all_foreign_keys(&self) -> bool {
        false
    }

    /// `ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY`, for keys that close a cycle.
    fn add_foreign_key(&self, cx: &Context<'_>, table: &Table, fk: &ForeignKey) -> Option<String> {
        let clause = foreign_key_clause(self, cx, table, fk)?;
        Some(format!(
            "ALTER TABLE {}\n    ADD {clause}",
            cx.name(&table.name)
        ))
    }

    /// `CREATE INDEX`, or `None` when the target cannot keep the index.
    fn create_index(&self, cx: &Context<'_>, table: &Table, index: &Index) -> Option<String> {
        let parts = index_parts(cx, table, index)?;
        let mut sql = format!(
            "CREATE {}INDEX {} ON {}",
            if index.unique { "UNIQUE " } else { "" },
            cx.ident(&index_name(cx, index)),
            cx.name(&table.name)
        );
        if let Some(method) = &index.method
            && cx.same
        {
            sql.push_str(&format!(" USING {method}"));
        }
        sql.push_str(&format!(" ({})", parts.join(", ")));
        if !index.include.is_empty() {
            let names = column_list(cx, table, &index.include);
            sql.push_str(&format!(" INCLUDE ({names})"));
        }
        if let Some(predicate) = index_predicate(cx, table, index)? {
            sql.push_str(&format!(" WHERE {predicate}"));
        }
        Some(sql)
    }

    /// Whether indexes are declared inside `CREATE TABLE` through [`Self::inline_index`].
    fn indexes_in_table(&self) -> bool {
        false
    }

    /// The index as a clause inside `CREATE TABLE` (MySQL `KEY name (...)`), for targets
    /// that declare indexes with the table; `None` writes it as `CREATE INDEX` instead.
    fn inline_index(&self, _cx: &Context<'_>, _table: &Table, _index: &Index) -> Option<String> {
        None
    }

    /// Statements that attach comments to a table and its columns (PostgreSQL and SQLite
    /// styles differ; MySQL writes comments inline).
    fn comments(&self, cx: &Context<'_>, table: &Table) -> Vec<String>;

    /// `CREATE VIEW`, carried from the document's dialect when possible.
    fn create_view(&self, cx: &Context<'_>, view: &View) -> Option<String> {
        view_statement(cx, view)
    }

    /// A statement kept verbatim, as the target's client needs it (MySQL routines need a
    /// `DELIMITER` around them).
    fn passthrough(&self, _cx: &Context<'_>, p: &Passthrough) -> String {
        format!(
            "{}{}",
            p.sql.trim().trim_end_matches(';'),
            self.terminator()
        )
    }

    /// A table written in a form of its own (a PostgreSQL partition, an SQLite virtual
    /// table) instead of a column list, if this one is such a table.
    fn special_create_table(&self, _cx: &Context<'_>, _table: &Table) -> Option<String> {
        None
    }

    /// `CREATE TABLE`, or a variant (`CREATE UNLOGGED TABLE`).
    fn create_table_keyword(&self, _cx: &Context<'_>, _table: &Table) -> String {
        "CREATE TABLE".into()
    }

    /// Whether comments are written as `--` lines inside `CREATE TABLE` (targets without a
    /// comment statement).
    fn inline_comments(&self) -> bool {
        false
    }

    /// Whether the primary key constraint carries its name.
    fn names_primary_key(&self) -> bool {
        true
    }

    /// Whether a computed column is written without a type (`c AS (a + b)` in SQL Server).
    fn computed_replaces_type(&self) -> bool {
        false
    }

    /// The statement terminator (SQL Server adds a `GO` batch separator).
    fn terminator(&self) -> &'static str {
        ";"
    }
}

/// `CREATE [MATERIALIZED] VIEW name AS query`, with the query carried into the target, or
/// `None` (with a warning) when it cannot be.
pub fn view_statement(cx: &Context<'_>, view: &View) -> Option<String> {
    let postgres = cx.dialect == crate::model::Dialect::Postgres;
    if view.materialized && !postgres {
        cx.warn(
            format!("view {}", view.name),
            "materialized view written as a plain view",
        );
    }
    let keyword = if view.materialized && postgres {
        "MATERIALIZED VIEW"
    } else {
        "VIEW"
    };
    match cx.translate(&view.query) {
        Ok(query) => Some(format!(
            "CREATE {keyword} {} AS\n{}",
            cx.name(&view.name),
            super::reflow::reflow(query.trim().trim_end_matches(';').trim_end())
        )),
        Err(reason) => {
            cx.warn(
                format!("view {}", view.name),
                format!("query cannot be carried ({reason}); left out"),
            );
            None
        }
    }
}

/// Removes one pair of parentheses around a whole expression.
pub fn strip_parens(text: &str) -> &str {
    let trimmed = text.trim();
    if let Some(inner) = trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        let mut depth = 0i32;
        for c in inner.chars() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth < 0 {
                        return trimmed;
                    }
                }
                _ => {}
            }
        }
        if depth == 0 {
            return inner;
        }
    }
    trimmed
}

/// The index's final name (renamed, generated, or its own).
pub fn index_name(cx: &Context<'_>, index: &Index) -> String {
    cx.renamed
        .get(&index.id)
        .cloned()
        .or_else(|| index.name.clone())
        .unwrap_or_default()
}

/// A constraint's final name, if it has one.
pub fn constraint_name(
    cx: &Context<'_>,
    id: crate::model::ConstraintId,
    name: Option<&String>,
) -> Option<String> {
    cx.renamed.get(&id).cloned().or_else(|| name.cloned())
}

/// `CONSTRAINT name ` when the constraint has a name, else nothing.
pub fn constraint_prefix(
    cx: &Context<'_>,
    id: crate::model::ConstraintId,
    name: Option<&String>,
) -> String {
    constraint_name(cx, id, name)
        .map_or_else(String::new, |n| format!("CONSTRAINT {} ", cx.ident(&n)))
}

/// A partial index's predicate carried into the target: `Some(None)` for a full index,
/// `None` (with a warning) when the predicate cannot be carried and the index is left out.
pub fn index_predicate(cx: &Context<'_>, table: &Table, index: &Index) -> Option<Option<String>> {
    let Some(predicate) = &index.predicate else {
        return Some(None);
    };
    match cx.translate(predicate) {
        Ok(text) => Some(Some(strip_parens(&text).to_owned())),
        Err(reason) => {
            cx.warn(
                index_object(table, index),
                format!("partial index predicate cannot be carried ({reason}); index left out"),
            );
            None
        }
    }
}

/// How an index is named in messages.
pub fn index_object(table: &Table, index: &Index) -> String {
    format!(
        "index {}.{}",
        table.name,
        index.name.as_deref().unwrap_or("(unnamed)")
    )
}

/// Column names of `ids`, quoted and comma-separated.
pub fn column_list(cx: &Context<'_>, table: &Table, ids: &[crate::model::ColumnId]) -> String {
    ids.iter()
        .filter_map(|id| table.column(*id))
        .map(|c| cx.ident(&c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The index's key parts in the target, or `None` (with a warning) when an expression
/// cannot be carried.
pub fn index_parts(cx: &Context<'_>, table: &Table, index: &Index) -> Option<Vec<String>> {
    let mut parts = Vec::with_capacity(index.parts.len());
    for part in &index.parts {
        let mut text = match &part.key {
            IndexKey::Column(id) => cx.ident(&table.column(*id)?.name),
            IndexKey::Expression(expr) => match cx.translate(expr) {
                Ok(text) => format!("({})", strip_parens(&text)),
                Err(reason) => {
                    cx.warn(
                        index_object(table, index),
                        format!("expression cannot be carried ({reason}); index left out"),
                    );
                    return None;
                }
            },
        };
        if part.order == SortOrder::Desc {
            text.push_str(" DESC");
        }
        parts.push(text);
    }
    Some(parts)
}

/// `CONSTRAINT n FOREIGN KEY (...) REFERENCES t (...) ON ...`, or `None` when the referenced
/// table is not in the document (with a warning).
pub fn foreign_key_clause<W: DdlWriter + ?Sized>(
    writer: &W,
    cx: &Context<'_>,
    table: &Table,
    fk: &ForeignKey,
) -> Option<String> {
    let target = cx.doc.referenced_table(fk);
    let target_name = match (&fk.referenced_table, target) {
        (_, Some(t)) => cx.name(&t.name),
        (crate::model::TableRef::Unresolved(name), None) => {
            cx.warn(
                format!(
                    "foreign key {}.{}",
                    table.name,
                    fk.name.as_deref().unwrap_or("")
                ),
                format!("references {name}, which is not in the design; left out"),
            );
            return None;
        }
        (crate::model::TableRef::Resolved(_), None) => return None,
    };
    let referenced: Vec<String> = fk
        .referenced_columns
        .iter()
        .filter_map(|c| match c {
            crate::model::ColumnRef::Resolved(id) => target
                .and_then(|t| t.column(*id))
                .map(|c| cx.ident(&c.name)),
            crate::model::ColumnRef::Unresolved(name) => Some(cx.ident(name)),
        })
        .collect();
    let mut sql = format!(
        "{}FOREIGN KEY ({}) REFERENCES {target_name}",
        constraint_prefix(cx, fk.id, fk.name.as_ref()),
        column_list(cx, table, &fk.columns)
    );
    if !referenced.is_empty() {
        sql.push_str(&format!(" ({})", referenced.join(", ")));
    }
    let strict = matches!(
        cx.dialect,
        crate::model::Dialect::Mysql | crate::model::Dialect::Mssql
    );
    let not_null = fk
        .columns
        .iter()
        .filter_map(|id| table.column(*id))
        .any(|c| !c.nullable);
    for (word, mut action) in [("DELETE", fk.on_delete), ("UPDATE", fk.on_update)] {
        if strict && not_null && action == crate::model::ReferentialAction::SetNull {
            cx.warn(
                format!("foreign key {}.{}", table.name, fk.name.as_deref().unwrap_or("")),
                format!(
                    "ON {word} SET NULL on a NOT NULL column is rejected by {}; written as NO ACTION (the source engine would fail at that point too)",
                    cx.dialect.display_name()
                ),
            );
            action = crate::model::ReferentialAction::NoAction;
        }
        if cx.dialect == crate::model::Dialect::Mssql
            && action == crate::model::ReferentialAction::Restrict
        {
            // SQL Server's NO ACTION is checked immediately, which is what RESTRICT means.
            action = crate::model::ReferentialAction::NoAction;
        }
        if action != crate::model::ReferentialAction::NoAction {
            sql.push_str(&format!(" ON {word} {}", action.sql()));
        }
    }
    match fk.deferrable {
        Deferrable::NotDeferrable => {}
        _ if !writer.supports_deferrable() => cx.warn(
            format!(
                "foreign key {}.{}",
                table.name,
                fk.name.as_deref().unwrap_or("")
            ),
            format!(
                "{} checks foreign keys immediately; DEFERRABLE left out",
                cx.dialect.display_name()
            ),
        ),
        Deferrable::InitiallyImmediate => sql.push_str(" DEFERRABLE"),
        Deferrable::InitiallyDeferred => sql.push_str(" DEFERRABLE INITIALLY DEFERRED"),
    }
    Some(sql)
}
