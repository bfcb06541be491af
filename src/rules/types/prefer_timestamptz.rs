//! `prefer-timestamptz`: a date-time column without a time zone.

use crate::model::{Column, DataType, Dialect, Table, TypeKind};
use crate::rules::types::edits::{base_word, retype, shown, with_kind};
use crate::rules::util::is_derived;
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "prefer-timestamptz",
    category: Category::Types,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A PostgreSQL timestamp column has no time zone.",
    help: "timestamp without time zone stores a wall-clock reading: the same value means \
           different instants for clients in different zones, and daylight-saving changes make \
           arithmetic wrong. timestamptz stores an instant (UTC) and converts on display. With \
           the option on, MySQL DATETIME (use TIMESTAMP, stored in UTC, but only up to 2038) \
           and SQL Server datetime/datetime2 (use datetimeoffset) are reported too.",
    options: &[RuleOption {
        name: "includeMysqlMssql",
        default: "false",
        help: "true: also report MySQL DATETIME and SQL Server datetime, datetime2 and \
               smalldatetime",
    }],
};

/// The rule.
pub struct PreferTimestamptz;

impl Rule for PreferTimestamptz {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let extended = match ctx.dialect {
            Dialect::Postgres => false,
            Dialect::Mysql | Dialect::Mssql => true,
            Dialect::Sqlite => return,
        };
        // A partition, inheritance child or history table repeats its parent's columns.
        if is_derived(table) {
            return;
        }
        let mut enabled: Option<bool> = None;
        for column in &table.columns {
            let Some(precision) = zoneless(ctx.dialect, &column.data_type) else {
                continue;
            };
            if extended
                && !*enabled.get_or_insert_with(|| ctx.option_flag(&META, "includeMysqlMssql"))
            {
                return;
            }
            report(ctx, table, column, precision, out);
        }
    }
}

/// The fractional-second precision of a date-time type without a time zone, as the target
/// understands it.
fn zoneless(dialect: Dialect, data_type: &DataType) -> Option<Option<u32>> {
    match &data_type.kind {
        TypeKind::Timestamp {
            precision,
            with_time_zone: false,
        } => {
            // MySQL TIMESTAMP is already stored in UTC.
            let mysql_timestamp = dialect == Dialect::Mysql
                && data_type
                    .original
                    .as_deref()
                    .is_some_and(|s| base_word(s).eq_ignore_ascii_case("timestamp"));
            (!mysql_timestamp).then_some(*precision)
        }
        TypeKind::Other(text) if dialect == Dialect::Mssql => base_word(text)
            .eq_ignore_ascii_case("smalldatetime")
            .then_some(None),
        _ => None,
    }
}

fn report(
    ctx: &Context,
    table: &Table,
    column: &Column,
    precision: Option<u32>,
    out: &mut Findings,
) {
    let (better, data_type) = match ctx.dialect {
        Dialect::Mysql => {
            let text =
                precision.map_or_else(|| "timestamp".to_owned(), |p| format!("timestamp({p})"));
            let mut data_type = with_kind(
                &column.data_type,
                TypeKind::Timestamp {
                    precision,
                    with_time_zone: false,
                },
            );
            data_type.original = Some(text);
            ("TIMESTAMP", data_type)
        }
        dialect => {
            let data_type = with_kind(
                &column.data_type,
                TypeKind::Timestamp {
                    precision,
                    with_time_zone: true,
                },
            );
            let name = if dialect == Dialect::Mssql {
                "datetimeoffset"
            } else {
                "timestamptz"
            };
            (name, data_type)
        }
    };
    out.report(
        Subject::Column(table.id, column.id),
        format!(
            "{} is {} without a time zone; use {better}",
            ctx.column_label(table, column),
            shown(&column.data_type)
        ),
    )
    .with_fix(Fix::batch(
        format!("Use {better}"),
        vec![retype(table, column, data_type)],
    ));
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "prefer-timestamptz";

    fn extended(mut doc: crate::model::Document) -> crate::model::Document {
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("includeMysqlMssql".into(), "true".into());
        doc
    }

    #[test]
    fn fires_on_postgres_timestamp_and_adds_the_zone() {
        let doc = pg("CREATE TABLE event (id int PRIMARY KEY, \
                      happened_at timestamp(3) without time zone, seen timestamptz, d date);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "event.happened_at is timestamp(3) without a time zone; use timestamptz"
        );
        let fixed = fix_silences(&doc, RULE);
        let column = fixed.tables.values().next().unwrap().columns[1].clone();
        assert_eq!(
            column.data_type.kind,
            TypeKind::Timestamp {
                precision: Some(3),
                with_time_zone: true
            }
        );
    }

    #[test]
    fn other_dialects_only_with_the_option() {
        let mysql = model(
            "CREATE TABLE e (a DATETIME, b TIMESTAMP NULL);",
            Dialect::Mysql,
        );
        silent(&mysql, RULE);
        let found = fires(&extended(mysql.clone()), RULE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.ends_with("use TIMESTAMP"),
            "{}",
            found[0].message
        );
        fix_silences(&extended(mysql), RULE);

        let mssql = model(
            "CREATE TABLE e (a datetime2, b smalldatetime, c datetimeoffset);",
            Dialect::Mssql,
        );
        silent(&mssql, RULE);
        assert_eq!(fires(&extended(mssql.clone()), RULE).len(), 2);
        fix_silences(&extended(mssql), RULE);
        silent(
            &model("CREATE TABLE e (a timestamp);", Dialect::Sqlite),
            RULE,
        );
    }

    #[test]
    fn partitions_and_inheritance_children_are_left_to_their_parent() {
        let found = fires(
            &pg(
                "CREATE TABLE event (id bigint, at timestamp NOT NULL) PARTITION BY RANGE (at);
                 CREATE TABLE event_2026 PARTITION OF event
                     FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                 CREATE TABLE event_old (at timestamp NOT NULL) INHERITS (event);",
            ),
            RULE,
        );
        assert_eq!(found.len(), 1, "{:?}", found[0].message);
        assert!(found[0].message.starts_with("event.at"));
    }
}
