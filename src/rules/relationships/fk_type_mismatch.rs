//! `fk-type-mismatch`: a foreign-key column whose type differs from the referenced column's.

use crate::model::{Column, ColumnRef, DataType, Dialect, Edit, Table, TableChange, TypeKind};
use crate::rules::util::contains_ignore_ascii_case;
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
           column's type.",
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
                let mut changed = column.clone();
                changed.data_type = copied_type(&key.data_type);
                if key.collation.is_some() {
                    changed.collation.clone_from(&key.collation);
                }
                out.report(Subject::Column(table.id, column.id), message)
                    .with_severity(severity)
                    .with_fix(Fix::batch(
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
        .is_some_and(|o| contains_ignore_ascii_case(o, "serial"));
    if serial {
        copy.original = None;
    }
    copy
}

fn unsigned(data_type: &DataType) -> bool {
    data_type
        .original
        .as_deref()
        .is_some_and(|o| contains_ignore_ascii_case(o, "unsigned"))
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
            return (integer_bits(ctx.doc, a) != integer_bits(ctx.doc, b)).then_some((strict, ""));
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
    use crate::model::{Dialect, Severity};
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
}
