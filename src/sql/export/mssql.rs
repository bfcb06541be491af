//! SQL Server: `IDENTITY(1,1)`, computed columns, filtered indexes, descriptions through
//! `sp_addextendedproperty`, `GO` between batches.

use crate::model::{
    Column, Dialect, Domain, Index, IndexKey, Passthrough, QualifiedName, Sequence, Table, TypeKind,
};

use super::writer::{
    DdlWriter, index_name, index_object, index_parts, index_predicate, strip_parens,
};
use super::{Context, quote, types};

/// SQL Server has no boolean expressions over `bit` columns: a filter that is just a boolean
/// column (`WHERE is_default`) must compare it (`WHERE is_default = 1`).
fn boolean_test(table: &Table, predicate: &str) -> String {
    let (negated, name) = match predicate.strip_prefix("NOT ") {
        Some(rest) => (true, rest.trim()),
        None => (false, predicate),
    };
    let bare = name.trim_start_matches('[').trim_end_matches(']');
    let is_flag = table
        .column_named(bare)
        .is_some_and(|c| c.data_type.kind == TypeKind::Boolean);
    if is_flag {
        format!("{name} = {}", if negated { 0 } else { 1 })
    } else {
        predicate.to_owned()
    }
}

/// The start and end columns of a system-time period, when the table has both.
fn system_time_period(table: &Table) -> Option<(&str, &str)> {
    let (start, end) = table.options.0.get("system_time_period")?.split_once(',')?;
    let (start, end) = (start.trim(), end.trim());
    let known = |name: &str| {
        table
            .columns
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(name))
    };
    (known(start) && known(end)).then_some((start, end))
}

/// The SQL Server writer.
pub struct Mssql;

impl DdlWriter for Mssql {
    fn dialect(&self) -> Dialect {
        Dialect::Mssql
    }

    fn create_domain(&self, cx: &Context<'_>, d: &Domain) -> Option<String> {
        if !d.checks.is_empty() || d.default.is_some() {
            cx.warn(
                format!("domain {}", d.name),
                "SQL Server alias types carry no checks or defaults; left out",
            );
        }
        let holder = Table::new(d.name.clone());
        let base = Column::new(d.name.name.clone(), d.base_type.clone());
        Some(format!(
            "CREATE TYPE {} FROM {}{}",
            cx.name(&d.name),
            types::column_type(cx, &holder, &base).text,
            if d.nullable { "" } else { " NOT NULL" }
        ))
    }

    fn create_sequence(&self, cx: &Context<'_>, s: &Sequence) -> Option<String> {
        let mut sql = format!("CREATE SEQUENCE {} AS BIGINT", cx.name(&s.name));
        sql.push_str(&format!(
            " START WITH {}",
            s.start.or(s.min_value).unwrap_or(1)
        ));
        for (word, value) in [
            ("INCREMENT BY", s.increment),
            ("MINVALUE", s.min_value),
            ("MAXVALUE", s.max_value),
            ("CACHE", s.cache),
        ] {
            if let Some(value) = value {
                sql.push_str(&format!(" {word} {value}"));
            }
        }
        if s.cycle {
            sql.push_str(" CYCLE");
        }
        Some(sql)
    }

    fn identity_clause(&self, cx: &Context<'_>, table: &Table, column: &Column) -> Option<String> {
        let identity = cx.numbering(column)?;
        let first = table
            .columns
            .iter()
            .find(|c| cx.numbering(c).is_some())
            .map(|c| c.id);
        let numeric = matches!(
            column.data_type.kind,
            TypeKind::SmallInt
                | TypeKind::Integer
                | TypeKind::BigInt
                | TypeKind::Decimal {
                    scale: None | Some(0),
                    ..
                }
        );
        if first != Some(column.id) || !(numeric || cx.same) {
            cx.warn(
                format!("column {}.{}", table.name, column.name),
                "SQL Server allows one integer IDENTITY column per table; numbering left out",
            );
            return None;
        }
        Some(format!(
            "IDENTITY({},{})",
            identity.start.unwrap_or(1),
            identity.increment.unwrap_or(1)
        ))
    }

    fn wrap_default(&self, text: &str, _column: &Column) -> String {
        format!("({})", strip_parens(text))
    }

    fn generated_clause(&self, cx: &Context<'_>, table: &Table, column: &Column) -> Option<String> {
        let generated = column.generated.as_ref()?;
        match cx.translate(&generated.expression) {
            Ok(expr) => Some(format!(
                "AS ({}){}",
                strip_parens(&expr),
                if generated.stored { " PERSISTED" } else { "" }
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

    fn period_clause(&self, _cx: &Context<'_>, table: &Table, column: &Column) -> Option<String> {
        let (start, end) = system_time_period(table)?;
        if column.name.eq_ignore_ascii_case(start) {
            Some("GENERATED ALWAYS AS ROW START".into())
        } else if column.name.eq_ignore_ascii_case(end) {
            Some("GENERATED ALWAYS AS ROW END".into())
        } else {
            None
        }
    }

    fn table_items(&self, cx: &Context<'_>, table: &Table) -> Vec<String> {
        system_time_period(table)
            .map(|(start, end)| {
                format!(
                    "PERIOD FOR SYSTEM_TIME ({}, {})",
                    cx.ident(start),
                    cx.ident(end)
                )
            })
            .into_iter()
            .collect()
    }

    fn table_suffix(&self, cx: &Context<'_>, table: &Table) -> String {
        let options = &table.options.0;
        if !options
            .get("system_versioning")
            .is_some_and(|v| v.eq_ignore_ascii_case("ON"))
            || system_time_period(table).is_none()
        {
            return String::new();
        }
        match options.get("history_table") {
            Some(history) => {
                let name = match history.split_once('.') {
                    Some((schema, name)) => QualifiedName::qualified(schema, name),
                    None => QualifiedName::new(history.clone()),
                };
                let mut written = cx.name(&name);
                // SQL Server wants the history table's schema spelled out.
                if !written.contains('.') {
                    written = format!("{}.{written}", cx.ident("dbo"));
                }
                format!(" WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = {written}))")
            }
            None => " WITH (SYSTEM_VERSIONING = ON)".into(),
        }
    }

    fn computed_replaces_type(&self) -> bool {
        true
    }

    fn supports_deferrable(&self) -> bool {
        false
    }

    fn create_index(&self, cx: &Context<'_>, table: &Table, index: &Index) -> Option<String> {
        if index
            .parts
            .iter()
            .any(|p| matches!(p.key, IndexKey::Expression(_)))
        {
            cx.warn(
                index_object(table, index),
                "SQL Server indexes columns only (index a computed column instead); index left out",
            );
            return None;
        }
        let parts = index_parts(cx, table, index)?;
        let clustered = match index
            .method
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            Some("CLUSTERED") if cx.same => "CLUSTERED ",
            Some("NONCLUSTERED") if cx.same => "NONCLUSTERED ",
            _ => "",
        };
        let mut sql = format!(
            "CREATE {}{clustered}INDEX {} ON {} ({})",
            if index.unique { "UNIQUE " } else { "" },
            cx.ident(&index_name(cx, index)),
            cx.name(&table.name),
            parts.join(", ")
        );
        if !index.include.is_empty() {
            let names = super::writer::column_list(cx, table, &index.include);
            sql.push_str(&format!(" INCLUDE ({names})"));
        }
        if let Some(predicate) = index_predicate(cx, table, index)? {
            sql.push_str(&format!(" WHERE {}", boolean_test(table, &predicate)));
        }
        Some(sql)
    }

    fn comments(&self, cx: &Context<'_>, table: &Table) -> Vec<String> {
        let literal = |text: &str| format!("N{}", quote::string(text, Dialect::Postgres));
        let schema = table
            .name
            .schema
            .clone()
            .filter(|s| cx.schemas.contains(s))
            .unwrap_or_else(|| "dbo".into());
        let target = format!(
            "N'SCHEMA', {}, N'TABLE', {}",
            literal(&schema),
            literal(&table.name.name)
        );
        let mut out = Vec::new();
        if let Some(comment) = &table.comment {
            out.push(format!(
                "EXEC sp_addextendedproperty N'MS_Description', {}, {target}",
                literal(comment)
            ));
        }
        for column in &table.columns {
            if let Some(comment) = &column.comment {
                out.push(format!(
                    "EXEC sp_addextendedproperty N'MS_Description', {}, {target}, N'COLUMN', {}",
                    literal(comment),
                    literal(&column.name)
                ));
            }
        }
        out
    }

    fn passthrough(&self, _cx: &Context<'_>, p: &Passthrough) -> String {
        format!("{}\nGO", p.sql.trim().trim_end_matches(';').trim_end())
    }

    fn terminator(&self) -> &'static str {
        ";\nGO"
    }
}
