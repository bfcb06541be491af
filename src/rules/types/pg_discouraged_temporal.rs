//! `pg-discouraged-temporal`: PostgreSQL `timetz`, `timestamp(0)` and `timestamptz(0)`.

use crate::model::{Dialect, Table, TypeKind};
use crate::rules::types::edits::{retype, with_kind};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "pg-discouraged-temporal",
    category: Category::Types,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A PostgreSQL column is timetz, or a timestamp with precision 0.",
    help: "time with time zone cannot handle daylight saving (a zone offset without a date \
           means little); PostgreSQL itself advises against it: use time, or timestamptz. \
           timestamp(0) and timestamptz(0) round fractional seconds instead of truncating, so \
           a value can land up to half a second in the future; use timestamptz and truncate \
           explicitly (date_trunc) where whole seconds are wanted.",
    options: &[],
};

/// The rule.
pub struct PgDiscouragedTemporal;

impl Rule for PgDiscouragedTemporal {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect != Dialect::Postgres {
            return;
        }
        for column in &table.columns {
            let (problem, kind, better) = match column.data_type.kind {
                TypeKind::Time {
                    precision,
                    with_time_zone: true,
                } => (
                    "time with time zone, which ignores daylight saving",
                    TypeKind::Time {
                        precision,
                        with_time_zone: false,
                    },
                    "time",
                ),
                TypeKind::Timestamp {
                    precision: Some(0),
                    with_time_zone,
                } => (
                    if with_time_zone {
                        "timestamptz(0), which rounds fractional seconds up"
                    } else {
                        "timestamp(0), which rounds fractional seconds up"
                    },
                    TypeKind::Timestamp {
                        precision: None,
                        with_time_zone: true,
                    },
                    "timestamptz",
                ),
                _ => continue,
            };
            out.report(
                Subject::Column(table.id, column.id),
                format!("{} is {problem}", ctx.column_label(table, column)),
            )
            .with_fix(Fix::batch(
                format!("Use {better}"),
                vec![retype(table, column, with_kind(&column.data_type, kind))],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "pg-discouraged-temporal";

    #[test]
    fn fires_on_timetz_and_zero_precision_timestamps() {
        let doc = pg(
            "CREATE TABLE t (opens timetz, at timestamp(0), seen timestamptz(0), \
                      ok timestamptz, t time(0));",
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0].message,
            "t.opens is time with time zone, which ignores daylight saving"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(
            table.columns[1].data_type.kind,
            TypeKind::Timestamp {
                precision: None,
                with_time_zone: true
            }
        );
    }

    #[test]
    fn silent_on_other_targets() {
        let mut doc = pg("CREATE TABLE t (opens timetz);");
        doc.target = Dialect::Mssql;
        silent(&doc, RULE);
    }
}
