//! `mandatory-columns`: a table lacks the audit columns the project requires.

use crate::model::{Column, DataType, Dialect, Edit, Table, TableChange, TypeKind};
use crate::rules::util::{TypeFamily, family};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};
use crate::sql::types::parse_type;

static META: RuleMeta = RuleMeta {
    id: "mandatory-columns",
    category: Category::Audit,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "The table lacks columns every table of the project must have.",
    help: "Audit columns such as created_at and updated_at answer \"since when\" and \"what \
           changed lately\" for every row, and are cheap to add on day one and impossible to \
           fill in later. The fix adds the missing ones as NOT NULL timestamps defaulting to \
           the current time. The default type, timestamptz, becomes the target's equivalent: \
           timestamptz on PostgreSQL, datetimeoffset on SQL Server (default \
           SYSDATETIMEOFFSET()), datetime on MySQL and SQLite (store UTC).",
    options: &[
        RuleOption {
            name: "columns",
            default: "created_at,updated_at",
            help: "comma-separated names of the columns every table needs",
        },
        RuleOption {
            name: "type",
            default: "timestamptz",
            help: "type of the added columns, as written in the target dialect",
        },
        RuleOption {
            name: "ignoreTables",
            default: "",
            help: "comma-separated table names or * patterns that need not have them",
        },
    ],
};

/// The rule.
pub struct MandatoryColumns;

impl Rule for MandatoryColumns {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if super::is_partition(table) {
            return;
        }
        let wanted = ctx.option(&META, "columns");
        let missing: Vec<&str> = wanted
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .filter(|name| {
                !table
                    .columns
                    .iter()
                    .any(|c| c.name.eq_ignore_ascii_case(name))
            })
            .collect();
        if missing.is_empty() {
            return;
        }
        if ctx
            .option_patterns(&META, "ignoreTables")
            .matches(&table.name.name)
        {
            return;
        }
        let finding = out.report(
            Subject::Table(table.id),
            format!(
                "{} lacks the required column(s) {}",
                ctx.table_label(table),
                missing.join(", ")
            ),
        );
        let added = ctx.memo(&META, "columnType", || column_type(ctx));
        let (data_type, default) = added;
        let edits = missing
            .iter()
            .map(|name| {
                let mut column = Column::new(*name, data_type.clone());
                column.nullable = false;
                column.default.clone_from(default);
                Edit::Table {
                    table: table.id,
                    change: TableChange::AddColumn {
                        column,
                        index: None,
                    },
                }
            })
            .collect();
        finding.with_fix(Fix::batch(format!("Add {}", missing.join(", ")), edits));
    }
}

/// The type of the added columns in the target dialect, and their default.
fn column_type(ctx: &Context) -> (DataType, Option<String>) {
    let text = ctx.option(&META, "type").trim();
    let data_type = if text.eq_ignore_ascii_case("timestamptz") {
        let native = match ctx.dialect {
            Dialect::Postgres => "timestamptz",
            Dialect::Mssql => "datetimeoffset",
            Dialect::Mysql | Dialect::Sqlite => "datetime",
        };
        let mut t = parse_type(native, ctx.dialect);
        if ctx.dialect != Dialect::Postgres {
            t.original = Some(native.to_owned());
        }
        t
    } else {
        parse_type(text, ctx.dialect)
    };
    let default = match family(ctx.doc, &data_type) {
        TypeFamily::Timestamp | TypeFamily::Date => Some(
            if ctx.dialect == Dialect::Mssql
                && matches!(
                    data_type.kind,
                    TypeKind::Timestamp {
                        with_time_zone: true,
                        ..
                    }
                )
            {
                "SYSDATETIMEOFFSET()"
            } else {
                "CURRENT_TIMESTAMP"
            }
            .to_owned(),
        ),
        _ => None,
    };
    (data_type, default)
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "mandatory-columns";

    #[test]
    fn missing_audit_columns_are_added() {
        let doc = pg("CREATE TABLE orders (id int PRIMARY KEY, created_at timestamptz NOT NULL);");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "orders lacks the required column(s) updated_at"
        );
        let fixed = fix_silences(&doc, RULE);
        let column = &fixed.tables.values().next().unwrap().columns[2];
        assert_eq!(column.name, "updated_at");
        assert!(!column.nullable);
        assert_eq!(column.default.as_deref(), Some("CURRENT_TIMESTAMP"));
        assert_eq!(
            column.data_type.kind,
            TypeKind::Timestamp {
                precision: None,
                with_time_zone: true
            }
        );
        silent(&fixed, RULE);
    }

    #[test]
    fn the_type_follows_the_target() {
        let doc = model("CREATE TABLE t (id int PRIMARY KEY);", Dialect::Mssql);
        let fixed = fix_silences(&doc, RULE);
        let column = &fixed.tables.values().next().unwrap().columns[1];
        assert_eq!(column.default.as_deref(), Some("SYSDATETIMEOFFSET()"));
        let doc = model("CREATE TABLE t (id int PRIMARY KEY);", Dialect::Mysql);
        let fixed = fix_silences(&doc, RULE);
        let column = &fixed.tables.values().next().unwrap().columns[1];
        assert_eq!(column.data_type.original.as_deref(), Some("datetime"));
    }

    #[test]
    fn columns_and_tables_are_configurable() {
        let mut doc =
            pg("CREATE TABLE t (id int PRIMARY KEY); CREATE TABLE tags (id int PRIMARY KEY);");
        let options = &mut doc.lint.rule_mut(RULE).options;
        options.insert("columns".into(), "tenant_id".into());
        options.insert("type".into(), "bigint".into());
        options.insert("ignoreTables".into(), "tag*".into());
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        let fixed = fix_silences(&doc, RULE);
        let column = &fixed.tables.values().next().unwrap().columns[1];
        assert_eq!(column.data_type.kind, TypeKind::BigInt);
        assert_eq!(column.default, None);
    }
}
