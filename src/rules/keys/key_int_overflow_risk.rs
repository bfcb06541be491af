//! `key-int-overflow-risk`: a numbered or primary-key column narrower than 64 bits, and the
//! foreign keys that reference one.

use crate::model::{Column, ColumnRef, DataType, Dialect, Edit, Table, TableChange, TypeKind};
use crate::rules::util::contains_ignore_ascii_case;
use crate::rules::util::{integer_bits, spelling};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "key-int-overflow-risk",
    category: Category::Keys,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A key or auto-numbered column is a smallint or int and may run out of values.",
    help: "Identity, serial and auto-increment columns and single-column primary keys only grow. \
           An int stops at 2,147,483,647 (a smallint at 32,767), and sequences also skip values \
           on rollbacks and failed inserts; widening the column later rewrites the table and \
           every table referencing it while the application is down. Use bigint from the start \
           (on MySQL bigint unsigned for auto-increment keys) and give the referencing \
           foreign-key columns the same type. SQLite is exempt: its integers are always 64-bit.",
    options: &[RuleOption {
        name: "allowTypes",
        default: "",
        help: "comma-separated type spellings accepted anyway, without lengths \
               (e.g. `int unsigned`)",
    }],
};

/// The rule.
pub struct KeyIntOverflowRisk;

impl Rule for KeyIntOverflowRisk {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect == Dialect::Sqlite {
            return;
        }
        for column in &table.columns {
            if table.is_foreign_key_column(column.id) {
                continue;
            }
            let Some(role) = key_role(table, column) else {
                continue;
            };
            let Some(bits) = narrow_bits(ctx, column) else {
                continue;
            };
            let message = format!(
                "{} is {} and {role}: it runs out after {} values",
                ctx.column_label(table, column),
                spelling(&column.data_type),
                capacity(bits, is_unsigned(&column.data_type))
            );
            let fix = widen(ctx, table, column, None);
            out.report(Subject::Column(table.id, column.id), message)
                .with_fix(fix);
        }
        for fk in &table.foreign_keys {
            let Some(target) = ctx.doc.referenced_table(fk) else {
                continue;
            };
            for (own, referenced) in fk.columns.iter().zip(&fk.referenced_columns) {
                let ColumnRef::Resolved(referenced) = referenced else {
                    continue;
                };
                let (Some(column), Some(key)) = (table.column(*own), target.column(*referenced))
                else {
                    continue;
                };
                if target.is_foreign_key_column(key.id)
                    || key_role(target, key).is_none()
                    || narrow_bits(ctx, key).is_none()
                    || narrow_bits(ctx, column).is_none()
                {
                    continue;
                }
                let message = format!(
                    "{} references {} ({}), which may run out of values",
                    ctx.column_label(table, column),
                    ctx.column_label(target, key),
                    spelling(&key.data_type)
                );
                let fix = widen(ctx, target, key, Some((table, column)));
                out.report(Subject::Column(table.id, column.id), message)
                    .with_fix(fix);
            }
        }
    }
}

/// Why a column only grows: it is numbered automatically or is the whole primary key.
fn key_role(table: &Table, column: &Column) -> Option<&'static str> {
    if column.identity.is_some() {
        return Some("numbered automatically");
    }
    if column
        .default
        .as_deref()
        .is_some_and(|d| contains_ignore_ascii_case(d, "nextval("))
    {
        return Some("numbered by a sequence");
    }
    match table.primary_key.as_ref() {
        Some(pk) if pk.columns == [column.id] => Some("the primary key"),
        _ => None,
    }
}

/// The width of a column's integer type when it is narrower than 64 bits and not allowed by
/// the project.
fn narrow_bits(ctx: &Context, column: &Column) -> Option<u8> {
    let bits = integer_bits(ctx.doc, &column.data_type).filter(|b| *b < 64)?;
    let allowed = ctx.option(&META, "allowTypes");
    if !allowed.trim().is_empty() {
        let spelled = bare_spelling(&spelling(&column.data_type));
        if ctx
            .option_list(&META, "allowTypes")
            .iter()
            .any(|a| bare_spelling(a) == spelled)
        {
            return None;
        }
    }
    Some(bits)
}

/// A type spelling without lengths and with single spaces: `int(10) unsigned` → `int unsigned`.
fn bare_spelling(text: &str) -> String {
    let mut bare = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_unsigned(data_type: &DataType) -> bool {
    data_type
        .original
        .as_deref()
        .is_some_and(|o| contains_ignore_ascii_case(o, "unsigned"))
}

fn capacity(bits: u8, unsigned: bool) -> &'static str {
    match (bits, unsigned) {
        (8, false) => "127",
        (8, true) => "255",
        (16, false) => "32,767",
        (16, true) => "65,535",
        (24, false) => "8,388,607",
        (24, true) => "16,777,215",
        (_, false) => "2,147,483,647",
        (_, true) => "4,294,967,295",
    }
}

/// The 64-bit type a key becomes: `bigint`, on MySQL `bigint unsigned` for unsigned or
/// auto-numbered keys.
fn wide_type(ctx: &Context, key: &Column) -> DataType {
    let mut wide = DataType::new(TypeKind::BigInt);
    if ctx.dialect == Dialect::Mysql && (is_unsigned(&key.data_type) || key.identity.is_some()) {
        wide.original = Some("bigint unsigned".into());
    }
    wide
}

/// Changes `key` of `target` to 64 bits, with the referencing columns: every one when
/// `only` is `None` (the key's own finding, whose referrers are rerun with it), else just the
/// one referencing column the finding is about.
fn widen(ctx: &Context, target: &Table, key: &Column, only: Option<(&Table, &Column)>) -> Fix {
    let wide = wide_type(ctx, key);
    let replace = |table: &Table, column: &Column| {
        let mut changed = column.clone();
        changed.data_type = wide.clone();
        Edit::Table {
            table: table.id,
            change: TableChange::ReplaceColumn(changed),
        }
    };
    let mut edits = vec![replace(target, key)];
    match only {
        Some((table, column)) => edits.push(replace(table, column)),
        None => {
            let mut seen = Vec::new();
            for referrer in ctx.facts.referrers(target.id) {
                if seen.contains(referrer) {
                    continue;
                }
                seen.push(*referrer);
                let Some(table) = ctx.table(*referrer) else {
                    continue;
                };
                for column in referencing_columns(table, target, key) {
                    if narrow_bits(ctx, column).is_some() {
                        edits.push(replace(table, column));
                    }
                }
            }
        }
    }
    let shown = wide.original.as_deref().unwrap_or("bigint");
    let label = if edits.len() == 1 {
        format!("Change {} to {shown}", key.name)
    } else {
        format!(
            "Change {} and {} referencing column(s) to {shown}",
            key.name,
            edits.len() - 1
        )
    };
    Fix::batch(label, edits)
}

/// The columns of `table` whose foreign keys point at `key` of `target`.
fn referencing_columns<'a>(
    table: &'a Table,
    target: &'a Table,
    key: &'a Column,
) -> impl Iterator<Item = &'a Column> + 'a {
    table
        .foreign_keys
        .iter()
        .filter(move |fk| fk.referenced_table == crate::model::TableRef::Resolved(target.id))
        .flat_map(|fk| fk.columns.iter().zip(&fk.referenced_columns))
        .filter(move |(_, r)| **r == ColumnRef::Resolved(key.id))
        .filter_map(move |(own, _)| table.column(*own))
}

#[cfg(test)]
#[path = "key_int_overflow_risk_tests.rs"]
mod tests;
