//! `key-int-overflow-risk`: a numbered or primary-key column narrower than 64 bits, and the
//! foreign keys that reference one.

use crate::model::{Column, ColumnRef, DataType, Dialect, Table, TypeKind};
use crate::rules::types::edits::retype;
use crate::rules::util::{integer_bits, is_derived, spelling};
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
           foreign-key columns the same type. A key is reported once, with the number of \
           foreign-key columns that reference it; the fix widens the key and all of them. \
           On MySQL `int unsigned` is accepted by default (option `allowTypes`), as Skeema's \
           `auto-inc` check does. SQLite is exempt: its integers are always 64-bit. \
           Partitions, inheritance children, history and virtual tables are left to their \
           parent table.",
    options: &[RuleOption {
        name: "allowTypes",
        default: "int unsigned",
        help: "comma-separated type spellings accepted anyway, without lengths; the default \
               accepts MySQL's `int unsigned` (4,294,967,295 values), the only spelling it \
               matches; set it empty to flag every int",
    }],
};

/// The rule.
pub struct KeyIntOverflowRisk;

impl Rule for KeyIntOverflowRisk {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect == Dialect::Sqlite || is_derived(table) {
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
            let referrers = narrow_referrers(ctx, table, column);
            let mut message = format!(
                "{} is {} and {role}: it runs out after {} values",
                ctx.column_label(table, column),
                spelling(&column.data_type),
                capacity(bits, is_unsigned(&column.data_type))
            );
            if !referrers.is_empty() {
                message.push_str(&format!(
                    " ({} foreign-key column(s) reference it)",
                    referrers.len()
                ));
            }
            let fix = widen(ctx, table, column, &referrers);
            out.report(Subject::Column(table.id, column.id), message)
                .with_fix(fix);
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
        .is_some_and(|d| d.to_ascii_lowercase().contains("nextval("))
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
    if ctx.option(&META, "allowTypes").trim().is_empty() {
        return Some(bits);
    }
    let allowed = ctx.option_list(&META, "allowTypes");
    let is_allowed = |spelled: &str| allowed.iter().any(|a| bare_eq(a, spelled));
    let accepted = match column.data_type.original.as_deref() {
        Some(original) => is_allowed(original),
        None => is_allowed(&column.data_type.display()),
    };
    (!accepted).then_some(bits)
}

/// Whether two type spellings are the same without lengths, case and extra spaces:
/// `INT(10)  unsigned` matches `int unsigned`.
fn bare_eq(a: &str, b: &str) -> bool {
    bare_chars(a).eq(bare_chars(b))
}

/// The characters of a type spelling outside parentheses, lower case, with runs of spaces
/// made one and no spaces at the ends.
fn bare_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut depth = 0usize;
    let mut pending_space = false;
    let mut started = false;
    text.chars()
        .filter_map(move |c| match c {
            '(' => {
                depth += 1;
                pending_space = started;
                None
            }
            ')' => {
                depth = depth.saturating_sub(1);
                None
            }
            _ if depth > 0 => None,
            _ if c.is_whitespace() => {
                pending_space = started;
                None
            }
            _ => {
                let space = std::mem::take(&mut pending_space);
                started = true;
                Some((space, c.to_ascii_lowercase()))
            }
        })
        .flat_map(|(space, c)| space.then_some(' ').into_iter().chain(std::iter::once(c)))
}

fn is_unsigned(data_type: &DataType) -> bool {
    data_type
        .original
        .as_deref()
        .is_some_and(|o| o.to_ascii_lowercase().contains("unsigned"))
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

/// The narrow columns whose foreign keys reference `key` of `target`, each once, as
/// `(table, column)`.
fn narrow_referrers<'a>(
    ctx: &Context<'a>,
    target: &Table,
    key: &Column,
) -> Vec<(&'a Table, &'a Column)> {
    let mut found = Vec::new();
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
            if narrow_bits(ctx, column).is_some()
                && !found
                    .iter()
                    .any(|(t, c): &(&Table, &Column)| t.id == table.id && c.id == column.id)
            {
                found.push((table, column));
            }
        }
    }
    found
}

/// Changes `key` of `target` to 64 bits, with every narrow column referencing it, so no
/// foreign key is left with a type different from its key.
fn widen(ctx: &Context, target: &Table, key: &Column, referrers: &[(&Table, &Column)]) -> Fix {
    let wide = wide_type(ctx, key);
    let replace = |table: &Table, column: &Column| retype(table, column, wide.clone());
    let mut edits = vec![replace(target, key)];
    for (table, column) in referrers {
        edits.push(replace(table, column));
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
    target: &Table,
    key: &Column,
) -> impl Iterator<Item = &'a Column> + 'a {
    let (target, key) = (target.id, key.id);
    table
        .foreign_keys
        .iter()
        .filter(move |fk| fk.referenced_table == crate::model::TableRef::Resolved(target))
        .flat_map(|fk| fk.columns.iter().zip(&fk.referenced_columns))
        .filter(move |(_, r)| **r == ColumnRef::Resolved(key))
        .filter_map(move |(own, _)| table.column(*own))
}

#[cfg(test)]
#[path = "key_int_overflow_risk_tests.rs"]
mod tests;
