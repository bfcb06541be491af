//! `fk-type-mismatch`: a foreign-key column whose type differs from the referenced column's.

use crate::model::{
    Column, ColumnId, ColumnRef, DataType, Dialect, Edit, Table, TableChange, TableRef, TypeKind,
};
use crate::rules::types::edits::retype;
use crate::rules::util::{TypeFamily, family, integer_bits, resolved};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "fk-type-mismatch",
    category: Category::Relationships,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Table,
    summary: "A foreign-key column's type differs from the type of the column it references.",
    help: "A foreign-key column holds copies of the referenced key, so it should have exactly the \
           same type. Different type families (text referencing an integer) make the engine \
           reject the key or compare through casts that cannot use indexes; MySQL also insists \
           on the same signedness, character set and collation, and SQL Server on the same \
           type and length. A narrower type (int referencing bigint, varchar(10) referencing \
           varchar(20)) accepts the DDL but fails on the first large value. Copy the referenced \
           column's type. An integer foreign key wider than its key (bigint referencing int) is \
           harmless on PostgreSQL and SQLite (info); its fix widens the key and every column \
           referencing it instead of narrowing the foreign key.",
    options: &[],
};

/// The rule.
pub struct FkTypeMismatch;

impl Rule for FkTypeMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
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
                if column.id == key.id && table.id == target.id {
                    continue;
                }
                let Some((severity, why)) = compare(ctx, column, key) else {
                    continue;
                };
                let message = format!(
                    "{} is {} but references {}, which is {}{why}",
                    ctx.column_label(table, column),
                    shown(ctx, &column.data_type),
                    ctx.column_label(target, key),
                    shown(ctx, &key.data_type)
                );
                let finding = out
                    .report(Subject::Column(table.id, column.id), message)
                    .with_severity(severity);
                if wider_integer(ctx, column, key) {
                    // Narrowing the foreign key would cap it below values it may already
                    // hold: the key grows instead, with everything that references it.
                    if let Some(fix) = widen_key(ctx, target, key, column) {
                        finding.with_fix(fix);
                    }
                    continue;
                }
                let mut changed = column.clone();
                changed.data_type = copied_type(&key.data_type);
                if key.collation.is_some() {
                    changed.collation.clone_from(&key.collation);
                }
                finding.with_fix(Fix::batch(
                    format!("Change {} to {}", column.name, shown(ctx, &key.data_type)),
                    vec![Edit::Table {
                        table: table.id,
                        change: TableChange::ReplaceColumn(changed),
                    }],
                ));
            }
        }
    }
}

/// Whether both columns are integers of the same signedness and the foreign-key column is
/// the wider one.
fn wider_integer(ctx: &Context, column: &Column, key: &Column) -> bool {
    let (a, b) = (
        resolved(ctx.doc, &column.data_type),
        resolved(ctx.doc, &key.data_type),
    );
    a.array_dims == b.array_dims
        && unsigned(a) == unsigned(b)
        && matches!(
            (integer_bits(ctx.doc, a), integer_bits(ctx.doc, b)),
            (Some(fk), Some(key)) if fk > key
        )
}

/// Changes `key` of `target` to the type of the wider foreign-key column `wide`, together
/// with every narrower integer column that references the key; none when the key itself
/// references another table (widening it would move the mismatch there).
fn widen_key(ctx: &Context, target: &Table, key: &Column, wide: &Column) -> Option<Fix> {
    if target.is_foreign_key_column(key.id) {
        return None;
    }
    let wide_type = copied_type(resolved(ctx.doc, &wide.data_type));
    let wide_bits = integer_bits(ctx.doc, &wide_type)?;
    let replace = |table: &Table, column: &Column| retype(table, column, wide_type.clone());
    let mut edits = vec![replace(target, key)];
    let mut seen = Vec::new();
    for referrer in ctx.facts.referrers(target.id) {
        if seen.contains(referrer) {
            continue;
        }
        seen.push(*referrer);
        let Some(table) = ctx.table(*referrer) else {
            continue;
        };
        let columns = table
            .foreign_keys
            .iter()
            .filter(|fk| fk.referenced_table == TableRef::Resolved(target.id))
            .flat_map(|fk| fk.columns.iter().zip(&fk.referenced_columns))
            .filter(|(_, r)| **r == ColumnRef::Resolved(key.id))
            .filter_map(|(own, _)| table.column(*own));
        let mut done: Vec<ColumnId> = Vec::new();
        for column in columns {
            let narrower = integer_bits(ctx.doc, resolved(ctx.doc, &column.data_type))
                .is_some_and(|bits| bits < wide_bits);
            let is_key = table.id == target.id && column.id == key.id;
            if narrower && !is_key && !done.contains(&column.id) {
                done.push(column.id);
                edits.push(replace(table, column));
            }
        }
    }
    let shown_type = shown(ctx, &wide_type);
    let label = if edits.len() == 1 {
        format!("Widen {} to {shown_type}", ctx.column_label(target, key))
    } else {
        format!(
            "Widen {} and {} other referencing column(s) to {shown_type}",
            ctx.column_label(target, key),
            edits.len() - 1
        )
    };
    Some(Fix::batch(label, edits))
}

/// How a type is shown in messages: as written, or its logical name.
fn shown(ctx: &Context, data_type: &DataType) -> String {
    match &data_type.original {
        Some(original) if !matches!(data_type.kind, TypeKind::Enum(_) | TypeKind::Domain(_)) => {
            original.to_lowercase()
        }
        _ => ctx.doc.type_display(data_type),
    }
}

/// The referenced type as a referencing column should have it: serial spellings become the
/// plain integer they stand for (the numbering stays with the key).
fn copied_type(key: &DataType) -> DataType {
    let mut copy = key.clone();
    let serial = copy
        .original
        .as_deref()
        .is_some_and(|o| o.to_ascii_lowercase().contains("serial"));
    if serial {
        copy.original = None;
    }
    copy
}

fn unsigned(data_type: &DataType) -> bool {
    data_type
        .original
        .as_deref()
        .is_some_and(|o| o.to_ascii_lowercase().contains("unsigned"))
}

/// Whether a string type is a national (`nvarchar`, `nchar`, `ntext`) one.
fn national(data_type: &DataType) -> bool {
    data_type.original.as_deref().is_some_and(|o| {
        o.trim_start_matches(['[', '"'])
            .to_ascii_lowercase()
            .starts_with('n')
    })
}

/// The base name of a type spelling, without lengths or quotes.
fn base_name(data_type: &DataType) -> String {
    let text = data_type
        .original
        .clone()
        .unwrap_or_else(|| data_type.display())
        .to_lowercase();
    text.split('(')
        .next()
        .unwrap_or("")
        .replace(['"', '[', ']', '`'], "")
        .trim()
        .to_owned()
}

/// The severity and explanation of a difference, if the types differ.
fn compare(ctx: &Context, column: &Column, key: &Column) -> Option<(Severity, &'static str)> {
    let (a, b) = (
        resolved(ctx.doc, &column.data_type),
        resolved(ctx.doc, &key.data_type),
    );
    let (fa, fb) = (family(ctx.doc, a), family(ctx.doc, b));
    let unresolved = |t: &DataType| {
        matches!(
            t.kind,
            TypeKind::Enum(crate::model::TypeRef::Unresolved(_))
                | TypeKind::Domain(crate::model::TypeRef::Unresolved(_))
        )
    };
    if unresolved(a) || unresolved(b) {
        return None;
    }
    if a.array_dims != b.array_dims {
        return Some((Severity::Error, ""));
    }
    if fa == TypeFamily::Other || fb == TypeFamily::Other {
        let both_other = fa == fb;
        return (both_other && base_name(a) != base_name(b)).then_some((Severity::Warning, ""));
    }
    if fa != fb {
        return Some((Severity::Error, ""));
    }
    // Same family from here: MySQL and SQL Server are strict, the others only risk truncation.
    let strict = if ctx.dialect == Dialect::Mssql {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mysql_error = |why| {
        Some(if ctx.dialect == Dialect::Mysql {
            (Severity::Error, why)
        } else {
            (strict, "")
        })
    };
    match fa {
        TypeFamily::Integer | TypeFamily::Decimal if unsigned(a) != unsigned(b) => {
            return mysql_error(": MySQL requires the same signedness");
        }
        TypeFamily::Integer => {
            let (fk, key) = (integer_bits(ctx.doc, a), integer_bits(ctx.doc, b));
            // A wider foreign key holds every key value: harmless where the engine accepts it.
            let harmless = fk > key && matches!(ctx.dialect, Dialect::Postgres | Dialect::Sqlite);
            return (fk != key).then_some((if harmless { Severity::Info } else { strict }, ""));
        }
        TypeFamily::Enum => {
            let differ = if matches!(a.kind, TypeKind::Enum(_)) {
                a.kind != b.kind
            } else {
                base_name(a) != base_name(b) || a.original != b.original
            };
            return differ.then_some((Severity::Error, ": enum types must be the same"));
        }
        TypeFamily::String => {
            if national(a) != national(b) {
                return Some((strict, ""));
            }
            if let (Some(x), Some(y)) = (&column.collation, &key.collation)
                && !x.eq_ignore_ascii_case(y)
            {
                return mysql_error(": MySQL requires the same collation");
            }
            let unbounded =
                |t: &TypeKind| matches!(t, TypeKind::Text | TypeKind::Varchar { length: None });
            if unbounded(&a.kind) && unbounded(&b.kind) {
                return None;
            }
        }
        _ => {}
    }
    (a.kind != b.kind).then_some((strict, ""))
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, Severity, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "fk-type-mismatch";

    #[test]
    fn family_mismatch_is_an_error_and_the_fix_copies_the_type() {
        let doc = pg("CREATE TABLE customer (id bigint PRIMARY KEY);
                      CREATE TABLE orders (customer_id text REFERENCES customer(id));");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "orders.customer_id is text but references customer.id, which is bigint"
        );
        assert_eq!(found[0].severity, Severity::Error);
        fix_silences(&doc, RULE);
    }

    #[test]
    fn width_and_length_differences_are_warnings() {
        let doc = pg(
            "CREATE TABLE customer (id bigserial PRIMARY KEY, code varchar(20) UNIQUE);
                      CREATE TABLE orders (customer_id int REFERENCES customer(id),
                        code varchar(10) REFERENCES customer(code));",
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        let fixed = fix_silences(&doc, RULE);
        let orders = fixed.tables.values().nth(1).unwrap();
        assert!(orders.columns[0].identity.is_none());
        assert_eq!(
            orders.columns[0].data_type.kind,
            crate::model::TypeKind::BigInt
        );
    }

    #[test]
    fn silent_on_equal_types() {
        silent(
            &pg(
                "CREATE TABLE customer (id serial PRIMARY KEY, code text UNIQUE);
                 CREATE TABLE orders (customer_id integer REFERENCES customer(id),
                   code varchar REFERENCES customer(code));",
            ),
            RULE,
        );
    }

    #[test]
    fn mysql_signedness_is_an_error_sql_server_lengths_too() {
        let doc = model(
            "CREATE TABLE a (id int unsigned NOT NULL, PRIMARY KEY (id));
             CREATE TABLE b (a_id int(11), FOREIGN KEY (a_id) REFERENCES a (id));",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found[0].severity, Severity::Error);
        assert!(
            found[0]
                .message
                .ends_with("MySQL requires the same signedness")
        );
        fix_silences(&doc, RULE);
        let doc = model(
            "CREATE TABLE a (code varchar(20) PRIMARY KEY);
             CREATE TABLE b (code varchar(10) REFERENCES a (code));",
            Dialect::Mssql,
        );
        assert_eq!(fires(&doc, RULE)[0].severity, Severity::Error);
    }

    #[test]
    fn a_wider_integer_fk_widens_the_key_and_its_other_references() {
        let doc = pg("CREATE TABLE users (id serial PRIMARY KEY);
             CREATE TABLE email_addresses (id bigint PRIMARY KEY,
                                           user_id bigint REFERENCES users(id));
             CREATE TABLE posts (id bigint PRIMARY KEY, user_id integer REFERENCES users(id));");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(
            found[0].fix.as_ref().unwrap().label,
            "Widen users.id and 1 other referencing column(s) to bigint"
        );
        let fixed = fixed(&doc, &found[0]);
        silent(&fixed, RULE);
        for table in fixed.tables.values() {
            for column in &table.columns {
                assert_eq!(column.data_type.kind, TypeKind::BigInt, "{}", column.name);
            }
        }
        let users = fixed
            .tables
            .values()
            .find(|t| t.name.name == "users")
            .unwrap();
        assert!(users.columns[0].identity.is_some());
        silent(&fixed, "key-int-overflow-risk");
    }
}
