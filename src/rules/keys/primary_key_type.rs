//! `primary-key-type`: a primary-key column of a type that makes a poor key.

use crate::model::{Column, Dialect, Table, TypeKind};
use crate::rules::util::{TypeFamily, family, is_lob, resolved, spelling};
use crate::rules::{
    Category, Context, Findings, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "primary-key-type",
    category: Category::Keys,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A primary-key column is a float, boolean, date/time, large object, JSON or money.",
    help: "Keys are compared for equality, copied into every referencing table and indexed. \
           Floats compare inexactly, a boolean holds two rows at most, a timestamp collides as \
           soon as two rows arrive together, large objects and JSON are slow or impossible to \
           index, and money is a value rather than an identity. Use an integer identity or a \
           uuid as the key and keep the natural value as a UNIQUE column. A date, time or \
           boolean inside a composite key (validity periods, partitioned tables, variants) is \
           accepted.",
    options: &[RuleOption {
        name: "allowPkTypes",
        default: "",
        help: "comma-separated kinds (float, boolean, date, time, timestamp, interval, lob, \
               json, xml, money) or type spellings accepted as key columns",
    }],
};

/// The rule.
pub struct PrimaryKeyType;

impl Rule for PrimaryKeyType {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let Some(pk) = &table.primary_key else {
            return;
        };
        let composite = pk.columns.len() > 1;
        for id in &pk.columns {
            let Some(column) = table.column(*id) else {
                continue;
            };
            let Some(kind) = poor_kind(ctx, column, composite) else {
                continue;
            };
            let allowed = ctx.option_list(&META, "allowPkTypes");
            if !allowed.is_empty() {
                let spelled = spelling(&column.data_type);
                let base = spelled.split('(').next().unwrap_or("").trim();
                if allowed
                    .iter()
                    .any(|a| a == kind || a == &spelled || a == base)
                {
                    continue;
                }
            }
            out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} is in the primary key but is {} ({kind}); use an integer or uuid key",
                    ctx.column_label(table, column),
                    ctx.doc.type_display(&column.data_type)
                ),
            );
        }
    }
}

/// The kind of poor key type a column has, if any.
fn poor_kind(ctx: &Context, column: &Column, composite: bool) -> Option<&'static str> {
    if column.data_type.array_dims > 0 {
        return None;
    }
    // Inside a composite key a date or a flag is one coordinate among several (a validity
    // period, a partition key, a variant); alone it cannot identify rows.
    let temporal_ok = composite;
    let kind = match family(ctx.doc, &column.data_type) {
        TypeFamily::Float => "float",
        TypeFamily::Boolean if !composite => "boolean",
        TypeFamily::Money => "money",
        TypeFamily::Json => "json",
        TypeFamily::Xml => "xml",
        TypeFamily::Date if !temporal_ok => "date",
        TypeFamily::Time if !temporal_ok => "time",
        TypeFamily::Timestamp if !temporal_ok => "timestamp",
        TypeFamily::Interval => "interval",
        TypeFamily::String | TypeFamily::Binary if large_object(ctx, column) => "lob",
        _ => return None,
    };
    Some(kind)
}

/// Large objects as the target sees them: PostgreSQL and SQLite store `text` and `bytea`
/// inline and key them fine; MySQL and SQL Server cannot key TEXT/BLOB/(max) columns.
fn large_object(ctx: &Context, column: &Column) -> bool {
    match ctx.dialect {
        Dialect::Postgres | Dialect::Sqlite => false,
        Dialect::Mysql | Dialect::Mssql => {
            let data_type = resolved(ctx.doc, &column.data_type);
            is_lob(ctx.doc, data_type)
                && !matches!(data_type.kind, TypeKind::Binary { length: Some(_) })
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "primary-key-type";

    #[test]
    fn fires_on_float_and_timestamp_keys() {
        let doc = pg(
            "CREATE TABLE reading (taken_at timestamptz PRIMARY KEY, value real);
                      CREATE TABLE rate (value double precision PRIMARY KEY);",
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].message,
            "reading.taken_at is in the primary key but is timestamptz (timestamp); use an \
             integer or uuid key"
        );
        assert!(found[1].message.contains("(float)"));
    }

    #[test]
    fn silent_on_good_keys_and_temporal_parts_of_composite_keys() {
        silent(
            &pg("CREATE TABLE a (id bigint PRIMARY KEY);
                 CREATE TABLE b (code text PRIMARY KEY);
                 CREATE TABLE c (id uuid PRIMARY KEY);
                 CREATE TABLE salary (emp_no int, from_date date,
                   PRIMARY KEY (emp_no, from_date));"),
            RULE,
        );
    }

    #[test]
    fn lobs_depend_on_the_dialect_and_options_allow_kinds() {
        let sql = "CREATE TABLE doc (body TEXT NOT NULL, PRIMARY KEY (body(100)));";
        let found = fires(&model(sql, Dialect::Mysql), RULE);
        assert!(found[0].message.contains("(lob)"), "{}", found[0].message);
        silent(
            &model("CREATE TABLE doc (body TEXT PRIMARY KEY);", Dialect::Sqlite),
            RULE,
        );
        let mut doc = pg("CREATE TABLE day (d date PRIMARY KEY);");
        fires(&doc, RULE);
        doc.lint
            .rule_mut(RULE)
            .options
            .insert("allowPkTypes".into(), "date".into());
        silent(&doc, RULE);
    }
}
