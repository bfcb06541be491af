//! `mandatory-columns`: a table lacks the audit columns the project requires.

use crate::model::{Column, DataType, Dialect, Edit, Table, TableChange, TypeKind};
use crate::rules::naming::glob::Patterns;
use crate::rules::naming::words::{Style, words};
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
           SYSDATETIMEOFFSET()), datetime on MySQL and SQLite (store UTC). A column the \
           schema already uses for the purpose counts, in any case style (the `aliases` \
           option: ModifiedDate or edited for updated_at, created or CREATE_TIME_ for \
           created_at, ValidFrom/ValidTo of a system-versioned table). Junction tables, \
           partitions and inheritance children, system-versioned history tables, virtual \
           tables and the bookkeeping tables of migration tools (schema_migrations, \
           flyway_schema_history, __EFMigrationsHistory, ...) are not reported.",
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
            name: "aliases",
            default: "created_at:created,created_at:created_on,created_at:created_date,\
                      created_at:created_time,created_at:creation_date,\
                      created_at:creation_time,created_at:create_time,created_at:create_date,\
                      created_at:createdate,created_at:date_created,created_at:inserted_at,\
                      created_at:insert_time,created_at:added_at,created_at:date_added,\
                      created_at:valid_from,created_at:*_created_at,created_at:*_created_on,\
                      updated_at:updated,updated_at:updated_on,updated_at:updated_date,\
                      updated_at:update_time,updated_at:update_date,updated_at:modified,\
                      updated_at:modified_at,updated_at:modified_on,updated_at:modified_date,\
                      updated_at:modify_time,updated_at:modification_date,\
                      updated_at:last_modified,updated_at:last_modified_at,\
                      updated_at:last_updated,updated_at:last_update,updated_at:edited,\
                      updated_at:edited_at,updated_at:last_edited_when,updated_at:changed,\
                      updated_at:changed_at,updated_at:valid_to,updated_at:*_updated_at,\
                      updated_at:*_modified_at",
            help: "column:name pairs: a column named like the pattern (compared in \
                   snake_case, so ModifiedDate is modified_date; * allowed) stands in for the \
                   required column",
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
        let wanted = ctx.option(&META, "columns");
        let present = |name: &str| table.columns.iter().any(|c| same_name(&c.name, name));
        if wanted
            .split(',')
            .map(str::trim)
            .all(|name| name.is_empty() || present(name))
            || exempt(table)
        {
            return;
        }
        let aliases = ctx.memo(&META, "aliases", || aliases(ctx));
        let missing: Vec<&str> = wanted
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty() && !present(name))
            .filter(|name| !has_alias(table, name, aliases))
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
        // The added columns follow the table's own case style (CreatedAt next to OrderID).
        let style = column_style(table);
        let names: Vec<String> = missing
            .iter()
            .map(|name| match style {
                Some(style) if !style.matches(name) => style.convert(name),
                _ => (*name).to_owned(),
            })
            .collect();
        let edits = names
            .iter()
            .map(|name| {
                let mut column = Column::new(name.as_str(), data_type.clone());
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
        finding.with_fix(Fix::batch(format!("Add {}", names.join(", ")), edits));
    }
}

/// The case style more than half of the table's columns follow, if one does.
fn column_style(table: &Table) -> Option<Style> {
    let mut votes = [0usize; 4];
    for column in &table.columns {
        for (i, style) in Style::ALL.iter().enumerate() {
            votes[i] += usize::from(style.matches(&column.name));
        }
    }
    let best = votes.iter().copied().max()?;
    let index = votes.iter().position(|v| *v == best)?;
    (best * 2 > table.columns.len()).then_some(Style::ALL[index])
}

/// Tables of migration tools, which record what ran rather than business rows.
const MIGRATION_TABLES: &[&str] = &[
    "schema_migrations",
    "ar_internal_metadata",
    "flyway_schema_history",
    "schema_version",
    "__efmigrationshistory",
    "__diesel_schema_migrations",
    "django_migrations",
    "doctrine_migration_versions",
    "migration_versions",
    "knex_migrations",
    "knex_migrations_lock",
    "alembic_version",
    "databasechangelog",
    "databasechangeloglock",
    "goose_db_version",
    "seaql_migrations",
    "_sqlx_migrations",
    "migrations",
];

/// Tables that need no audit columns of their own: partitions and inheritance children
/// (the parent has them), system-versioned history tables, virtual tables, migration
/// bookkeeping, and junction tables, whose rows are links made and removed as a whole.
fn exempt(table: &Table) -> bool {
    let options = &table.options.0;
    super::is_partition(table)
        || options.contains_key("history_of")
        || options.contains_key("virtual")
        || MIGRATION_TABLES
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&table.name.name))
        || is_junction(table)
}

/// Two or more foreign keys and nothing else but a surrogate key.
fn is_junction(table: &Table) -> bool {
    table.foreign_keys.len() >= 2
        && table.columns.iter().all(|c| {
            table.is_foreign_key_column(c.id)
                || table
                    .primary_key
                    .as_ref()
                    .is_some_and(|pk| pk.columns == [c.id])
        })
}

/// Whether two names are the same in any case style (`created_at`, `CreatedAt`,
/// `CREATED_AT`).
fn same_name(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || squashed(a).eq(squashed(b))
}

fn squashed(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// The `aliases` option as (required column, patterns standing in for it).
fn aliases(ctx: &Context) -> Vec<(String, Patterns)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for pair in ctx.option_list(&META, "aliases") {
        let Some((column, alias)) = pair.split_once(':') else {
            continue;
        };
        let (column, alias) = (column.trim(), alias.trim());
        match groups.iter_mut().find(|(c, _)| same_name(c, column)) {
            Some((_, list)) => list.push(alias.to_owned()),
            None => groups.push((column.to_owned(), vec![alias.to_owned()])),
        }
    }
    groups
        .into_iter()
        .map(|(c, list)| (c, Patterns::new(&list)))
        .collect()
}

/// Whether the table has a column standing in for `wanted`, compared in snake_case.
fn has_alias(table: &Table, wanted: &str, aliases: &[(String, Patterns)]) -> bool {
    let Some((_, patterns)) = aliases.iter().find(|(c, _)| same_name(c, wanted)) else {
        return false;
    };
    let mut buffer = [0u8; 64];
    table
        .columns
        .iter()
        .any(|c| match snake_in(&c.name, &mut buffer) {
            Some(snake) => patterns.matches(snake),
            None => patterns.matches(Style::Snake.convert(&c.name).trim_matches('_')),
        })
}

/// An ASCII name in snake_case, written into `buffer` (`ModifiedDate` → `modified_date`);
/// `None` for other names or when it does not fit.
fn snake_in<'b>(name: &str, buffer: &'b mut [u8; 64]) -> Option<&'b str> {
    if !name.is_ascii() {
        return None;
    }
    let mut len = 0;
    for word in words(name) {
        let extra = usize::from(len > 0);
        let end = len + extra + word.len();
        if end > buffer.len() {
            return None;
        }
        if extra == 1 {
            buffer[len] = b'_';
        }
        buffer[len + extra..end].copy_from_slice(word.as_bytes());
        len = end;
    }
    let text = &mut buffer[..len];
    text.make_ascii_lowercase();
    std::str::from_utf8(text).ok()
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
#[path = "mandatory_columns_tests.rs"]
mod tests;
