//! `column-type-inconsistent`: the same column name with different types in different tables.

use std::hash::{Hash, Hasher};

use crate::model::{Column, DataType, Dialect, Table, TableId, TypeKind};
use crate::rules::naming::glob::Patterns;
use crate::rules::types::edits::retype;
use crate::rules::util::{integer_bits, is_derived};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "column-type-inconsistent",
    category: Category::Types,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Keyed,
    summary: "The same column name has different types in different tables.",
    help: "A column that means the same thing everywhere (an email, a customer_id) should have \
           the same type everywhere; otherwise joins need casts and values get truncated when \
           copied. The columns whose type differs from the most common one are reported; the \
           fix gives them the common type, only when that loses nothing (a longer length, a \
           wider integer), never a shorter one. Types are compared as the database sees them: \
           PostgreSQL timestamp(6) is timestamp, and on SQLite only the type affinity counts. \
           Generic names (name, value, status, ...; option `ignore`, also matched without \
           leading or trailing underscores), computed and typeless columns, and partitions, \
           inheritance children, history and virtual tables are left out.",
    options: &[RuleOption {
        name: "ignore",
        default: "name,value,data,description,title,type,status,content,expression,version,\
                  key,comment,comments,note,notes,label,text,message,body,summary,details,\
                  code,kind,state",
        help: "comma-separated column names (or * patterns) that may differ in type",
    }],
};

/// The rule.
pub struct ColumnTypeInconsistent;

impl Rule for ColumnTypeInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn keys(&self, ctx: &Context, table: &Table, out: &mut Vec<(String, u64)>) {
        if is_derived(table) {
            return;
        }
        let ignore = ctx.option_patterns(&META, "ignore");
        for column in &table.columns {
            if left_out(column) || ignored(ignore, &column.name) {
                continue;
            }
            let mut hasher = crate::rules::naming::fingerprint::Fast::default();
            normal(ctx.dialect, &column.data_type).hash(&mut hasher);
            out.push((column.name.to_ascii_lowercase(), hasher.finish()));
        }
    }

    fn check_key_contributions(
        &self,
        ctx: &Context,
        key: &str,
        contributions: &[(TableId, u64)],
        out: &mut Findings,
    ) {
        // One fingerprint means one type: nothing to report, no column to look at.
        let Some((_, first)) = contributions.first() else {
            return;
        };
        if contributions.iter().all(|(_, f)| f == first) {
            return;
        }
        let mut tables: Vec<TableId> = contributions.iter().map(|(t, _)| *t).collect();
        tables.dedup();
        self.check_key(ctx, key, &tables, out);
    }

    fn check_key(&self, ctx: &Context, key: &str, tables: &[TableId], out: &mut Findings) {
        if tables.len() < 2 || ignored(ctx.option_patterns(&META, "ignore"), key) {
            return;
        }
        // Groups of columns whose types the database treats alike.
        let mut groups: Vec<(Normal, Vec<(&Table, &Column)>)> = Vec::new();
        for table in tables.iter().filter_map(|id| ctx.table(*id)) {
            if is_derived(table) {
                continue;
            }
            for column in &table.columns {
                if !column.name.eq_ignore_ascii_case(key) || left_out(column) {
                    continue;
                }
                let normal = normal(ctx.dialect, &column.data_type);
                match groups.iter_mut().find(|(n, _)| *n == normal) {
                    Some((_, holders)) => holders.push((table, column)),
                    None => groups.push((normal, vec![(table, column)])),
                }
            }
        }
        if groups.len() < 2 {
            return;
        }
        // The most common type; on a tie, the one the others fit in.
        let mut common = 0;
        for (index, (_, holders)) in groups.iter().enumerate().skip(1) {
            let best = &groups[common].1;
            let wider = fits(ctx, &best[0].1.data_type, &holders[0].1.data_type)
                && !fits(ctx, &holders[0].1.data_type, &best[0].1.data_type);
            if holders.len() > best.len() || (holders.len() == best.len() && wider) {
                common = index;
            }
        }
        let holders = &groups[common].1;
        let common_type = &holders[0].1.data_type;
        let common_shown = shown(ctx, common_type);
        for (index, (_, columns)) in groups.iter().enumerate() {
            if index == common {
                continue;
            }
            for &(table, column) in columns {
                let message = format!(
                    "{} is {}, but {} other table(s) have {} as {common_shown}",
                    ctx.column_label(table, column),
                    shown(ctx, &column.data_type),
                    holders.len(),
                    column.name
                );
                let finding = out.report(Subject::Column(table.id, column.id), message);
                if fits(ctx, &column.data_type, common_type) {
                    finding.with_fix(Fix::batch(
                        format!("Change the type to {common_shown}"),
                        vec![retype(table, column, common_type.clone())],
                    ));
                }
            }
        }
    }
}

/// Columns whose type is not theirs to choose: computed columns and columns without a type
/// (SQLite, virtual tables).
fn left_out(column: &Column) -> bool {
    column.generated.is_some()
        || matches!(&column.data_type.kind,
            TypeKind::Other(text) if text.trim().is_empty() || text == "computed")
}

/// Whether a column name is in the ignore list, as written or without leading and trailing
/// underscores (`NAME_`).
fn ignored(ignore: &Patterns, name: &str) -> bool {
    if ignore.is_empty() {
        return false;
    }
    let bare = name.trim_matches('_');
    ignore.matches(name) || (bare.len() != name.len() && ignore.matches(bare))
}

/// A type as the database compares it: on SQLite its affinity; elsewhere its kind, with a
/// fractional-second precision equal to the dialect's default written as no precision.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Normal<'a> {
    /// SQLite affinity: `I`nteger, `T`ext, `B`lob, `R`eal or `N`umeric.
    Affinity(u8),
    /// A time or timestamp.
    Temporal {
        time: bool,
        precision: Option<u32>,
        with_time_zone: bool,
        array_dims: u8,
    },
    /// Any other kind, as it is.
    Kind(&'a TypeKind, u8),
}

fn normal(dialect: Dialect, data_type: &DataType) -> Normal<'_> {
    if dialect == Dialect::Sqlite {
        return Normal::Affinity(affinity(data_type));
    }
    let temporal = |time, precision: &Option<u32>, with_time_zone: &bool| Normal::Temporal {
        time,
        precision: precision.filter(|p| Some(*p) != default_precision(dialect)),
        with_time_zone: *with_time_zone,
        array_dims: data_type.array_dims,
    };
    match &data_type.kind {
        TypeKind::Timestamp {
            precision,
            with_time_zone,
        } => temporal(false, precision, with_time_zone),
        TypeKind::Time {
            precision,
            with_time_zone,
        } => temporal(true, precision, with_time_zone),
        kind => Normal::Kind(kind, data_type.array_dims),
    }
}

/// Fractional-second digits a time or timestamp has when none are written.
fn default_precision(dialect: Dialect) -> Option<u32> {
    match dialect {
        Dialect::Postgres => Some(6),
        Dialect::Mysql => Some(0),
        Dialect::Mssql => Some(7),
        Dialect::Sqlite => None,
    }
}

/// SQLite's type affinity of a declared type (the rules of section 3.1 of its datatype page).
fn affinity(data_type: &DataType) -> u8 {
    let text = match (&data_type.original, &data_type.kind) {
        (Some(original), _) => original.as_str(),
        (None, TypeKind::Other(text)) => text.as_str(),
        (None, kind) => {
            return match kind {
                TypeKind::SmallInt | TypeKind::Integer | TypeKind::BigInt => b'I',
                TypeKind::Char { .. } | TypeKind::Varchar { .. } | TypeKind::Text => b'T',
                TypeKind::Binary { .. } => b'B',
                TypeKind::Real | TypeKind::Double => b'R',
                _ => b'N',
            };
        }
    };
    let has = |word: &str| {
        text.as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    if has("int") {
        b'I'
    } else if has("char") || has("clob") || has("text") {
        b'T'
    } else if has("blob") || text.trim().is_empty() {
        b'B'
    } else if has("real") || has("floa") || has("doub") {
        b'R'
    } else {
        b'N'
    }
}

/// Whether every value of type `from` fits in type `to` unchanged: a longer or unbounded
/// string, a wider integer, more digits, more fractional seconds, a date in a timestamp.
fn fits(ctx: &Context, from: &DataType, to: &DataType) -> bool {
    use TypeKind as K;
    if from.array_dims != to.array_dims {
        return false;
    }
    let limit = |length: &Option<u32>| length.unwrap_or(u32::MAX);
    let precision = |p: &Option<u32>| p.or(default_precision(ctx.dialect)).unwrap_or(0);
    match (&from.kind, &to.kind) {
        (K::SmallInt | K::Integer | K::BigInt, K::SmallInt | K::Integer | K::BigInt) => {
            let (Some(from_bits), Some(to_bits)) =
                (integer_bits(ctx.doc, from), integer_bits(ctx.doc, to))
            else {
                return false;
            };
            match (is_unsigned(from), is_unsigned(to)) {
                (false, false) | (true, true) => from_bits <= to_bits,
                (true, false) => from_bits < to_bits,
                (false, true) => false,
            }
        }
        (a, b) if a == b => true,
        (K::Char { length: a } | K::Varchar { length: a }, K::Varchar { length: b }) => {
            limit(a) <= limit(b)
        }
        (K::Char { .. } | K::Varchar { .. }, K::Text)
        | (K::Real, K::Double)
        | (
            K::Date,
            K::Timestamp {
                with_time_zone: false,
                ..
            },
        ) => true,
        (K::Binary { length: a }, K::Binary { length: b }) => limit(a) <= limit(b),
        (
            K::Decimal {
                precision: p1,
                scale: s1,
            },
            K::Decimal {
                precision: p2,
                scale: s2,
            },
        ) => match (p1, p2) {
            (_, None) => ctx.dialect == Dialect::Postgres,
            (None, Some(_)) => false,
            (Some(p1), Some(p2)) => {
                let (s1, s2) = (s1.unwrap_or(0), s2.unwrap_or(0));
                s1 <= s2 && p1.saturating_sub(s1) <= p2.saturating_sub(s2)
            }
        },
        (
            K::Timestamp {
                precision: p1,
                with_time_zone: z1,
            },
            K::Timestamp {
                precision: p2,
                with_time_zone: z2,
            },
        )
        | (
            K::Time {
                precision: p1,
                with_time_zone: z1,
            },
            K::Time {
                precision: p2,
                with_time_zone: z2,
            },
        ) => z1 == z2 && precision(p1) <= precision(p2),
        _ => false,
    }
}

fn is_unsigned(data_type: &DataType) -> bool {
    data_type
        .original
        .as_deref()
        .is_some_and(|o| o.to_ascii_lowercase().contains("unsigned"))
}

/// A type as the target dialect writes it, in lower case and without identifier quotes
/// (`[datetime]`): the column's own spelling when it has one, PostgreSQL's short names on PostgreSQL, the dialect's catalog name elsewhere
/// (`datetime2`, not `timestamp`, on SQL Server).
fn shown(ctx: &Context, data_type: &DataType) -> String {
    let named = matches!(data_type.kind, TypeKind::Enum(_) | TypeKind::Domain(_));
    if data_type.original.is_none() && (named || ctx.dialect == Dialect::Postgres) {
        return ctx.doc.type_display(data_type);
    }
    crate::sql::types::dialect_spelling(data_type, ctx.dialect, "")
        .replace(['[', ']', '`'], "")
        .to_lowercase()
}

#[cfg(test)]
#[path = "column_type_inconsistent_tests.rs"]
mod tests;
