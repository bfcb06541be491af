//! `identifier-too-long`: a name, or the name the database generates for an unnamed
//! constraint, is longer than the target dialect allows.

use crate::model::{ColumnId, ConstraintId, Dialect, IndexKey, Table};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

use super::limits::{fits, limit, measure, shortened, unit};
use super::rename::{rename_column, rename_constraint, rename_table};

static META: RuleMeta = RuleMeta {
    id: "identifier-too-long",
    category: Category::Naming,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Table,
    summary: "A name is longer than the target dialect allows.",
    help: "PostgreSQL keeps 63 bytes of a name and silently cuts the rest (so two long names \
           can become the same one), MySQL refuses names over 64 characters and SQL Server over \
           128. Names the database generates for unnamed constraints count too: MySQL names a \
           foreign key <table>_ibfk_<n>, PostgreSQL <table>_<columns>_fkey, _key, _pkey or \
           _idx. Shorten the name, or give the constraint an explicit shorter name.",
    options: &[],
};

/// The rule.
pub struct IdentifierTooLong;

impl Rule for IdentifierTooLong {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let dialect = ctx.dialect;
        let Some(max) = limit(dialect) else {
            return;
        };
        let too_long = |name: &str| !fits(name, dialect);
        if too_long(&table.name.name) {
            let name = shortened(&table.name.name, dialect);
            out.report(
                Subject::Table(table.id),
                explicit(
                    ctx,
                    &format!("table {}", ctx.table_label(table)),
                    &table.name.name,
                ),
            )
            .with_fix(Fix::batch(
                format!("Rename to {name}"),
                vec![rename_table(table, &name)],
            ));
        }
        for column in table.columns.iter().filter(|c| too_long(&c.name)) {
            let name = shortened(&column.name, dialect);
            out.report(
                Subject::Column(table.id, column.id),
                explicit(
                    ctx,
                    &format!("column {}", ctx.column_label(table, column)),
                    &column.name,
                ),
            )
            .with_fix(Fix::batch(
                format!("Rename to {name}"),
                rename_column(table, column.id, &name, dialect),
            ));
        }
        for (id, kind, name) in super::named_constraints(table, dialect) {
            if !too_long(name) {
                continue;
            }
            let short = shortened(name, dialect);
            let finding = out.report(
                Subject::Constraint(table.id, id),
                explicit(
                    ctx,
                    &format!("{kind} {}.{name}", ctx.table_label(table)),
                    name,
                ),
            );
            if let Some(edit) = rename_constraint(table, id, &short) {
                finding.with_fix(Fix::batch(format!("Rename to {short}"), vec![edit]));
            }
        }
        for (id, kind, length) in generated_lengths(table, dialect) {
            if length <= max {
                continue;
            }
            let name = generated_name(table, id, dialect);
            let short = shortened(&name, dialect);
            let consequence = if dialect == Dialect::Postgres {
                format!("which PostgreSQL cuts to {max} bytes")
            } else {
                format!(
                    "longer than the {max} {} {} allows, so the DDL fails",
                    unit(dialect),
                    dialect.display_name()
                )
            };
            let finding = out.report(
                Subject::Constraint(table.id, id),
                format!(
                    "the unnamed {kind} of {} gets the generated name {name} ({length} {}), \
                     {consequence}; give it an explicit name",
                    ctx.table_label(table),
                    unit(dialect),
                ),
            );
            if dialect == Dialect::Postgres {
                finding.with_severity(Severity::Warning);
            }
            if let Some(edit) = rename_constraint(table, id, &short) {
                finding.with_fix(Fix::batch(format!("Name it {short}"), vec![edit]));
            }
        }
    }
}

fn explicit(ctx: &Context, what: &str, name: &str) -> String {
    let dialect = ctx.dialect;
    let max = limit(dialect).unwrap_or(0);
    let consequence = if dialect == Dialect::Postgres {
        "PostgreSQL silently cuts longer names"
    } else {
        "longer names are refused"
    };
    format!(
        "{what} is {} {} long; {} allows {max} and {consequence}",
        measure(name, dialect),
        unit(dialect),
        dialect.display_name(),
    )
}

fn columns_length(table: &Table, columns: &[ColumnId], dialect: Dialect) -> usize {
    columns
        .iter()
        .map(|c| {
            table
                .column(*c)
                .map_or(3, |col| measure(&col.name, dialect))
                + 1
        })
        .sum()
}

/// The lengths of the names the dialect generates for unnamed constraints, computed without
/// building the names.
fn generated_lengths(table: &Table, dialect: Dialect) -> Vec<(ConstraintId, &'static str, usize)> {
    let base = measure(&table.name.name, dialect);
    let mut all = Vec::new();
    match dialect {
        Dialect::Postgres => {
            if let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.name.is_none()) {
                all.push((pk.id, "primary key", base + 5));
            }
            for unique in table.uniques.iter().filter(|u| u.name.is_none()) {
                let length = base + columns_length(table, &unique.columns, dialect) + 4;
                all.push((unique.id, "unique constraint", length));
            }
            for fk in table.foreign_keys.iter().filter(|f| f.name.is_none()) {
                let length = base + columns_length(table, &fk.columns, dialect) + 5;
                all.push((fk.id, "foreign key", length));
            }
            for index in table.indexes.iter().filter(|i| i.name.is_none()) {
                let parts: usize = index
                    .parts
                    .iter()
                    .map(|p| match p.key {
                        IndexKey::Column(c) => columns_length(table, &[c], dialect),
                        IndexKey::Expression(_) => 5,
                    })
                    .sum();
                all.push((index.id, "index", base + parts + 4));
            }
        }
        Dialect::Mysql => {
            let unnamed_fks = table.foreign_keys.iter().filter(|f| f.name.is_none());
            for (n, fk) in unnamed_fks.enumerate() {
                all.push((fk.id, "foreign key", base + 6 + digits(n + 1)));
            }
            let unnamed_checks = table.checks.iter().filter(|c| c.name.is_none());
            for (n, check) in unnamed_checks.enumerate() {
                all.push((check.id, "check constraint", base + 5 + digits(n + 1)));
            }
        }
        Dialect::Sqlite | Dialect::Mssql => {}
    }
    all
}

fn digits(n: usize) -> usize {
    n.to_string().len()
}

/// The name the dialect generates for an unnamed constraint.
fn generated_name(table: &Table, id: ConstraintId, dialect: Dialect) -> String {
    let t = &table.name.name;
    let joined = |columns: &[ColumnId]| {
        columns
            .iter()
            .map(|c| table.column(*c).map_or("col", |col| col.name.as_str()))
            .collect::<Vec<_>>()
            .join("_")
    };
    if dialect == Dialect::Mysql {
        let fks = table.foreign_keys.iter().filter(|f| f.name.is_none());
        if let Some(n) = fks.clone().position(|f| f.id == id) {
            return format!("{t}_ibfk_{}", n + 1);
        }
        let checks = table.checks.iter().filter(|c| c.name.is_none());
        let n = checks.clone().position(|c| c.id == id).unwrap_or(0);
        return format!("{t}_chk_{}", n + 1);
    }
    if table.primary_key.as_ref().is_some_and(|pk| pk.id == id) {
        return format!("{t}_pkey");
    }
    if let Some(u) = table.uniques.iter().find(|u| u.id == id) {
        return format!("{t}_{}_key", joined(&u.columns));
    }
    if let Some(fk) = table.foreign_keys.iter().find(|f| f.id == id) {
        return format!("{t}_{}_fkey", joined(&fk.columns));
    }
    let index = table.indexes.iter().find(|i| i.id == id);
    let parts: Vec<&str> = index
        .map(|i| {
            i.parts
                .iter()
                .map(|p| match p.key {
                    IndexKey::Column(c) => table.column(c).map_or("col", |col| col.name.as_str()),
                    IndexKey::Expression(_) => "expr",
                })
                .collect()
        })
        .unwrap_or_default();
    format!("{t}_{}_idx", parts.join("_"))
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "identifier-too-long";

    #[test]
    fn explicit_names_over_the_limit_are_errors_and_get_shortened() {
        let long = "c".repeat(70);
        let doc = pg(&format!("CREATE TABLE t (id int PRIMARY KEY, {long} int);"));
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .starts_with(&format!("column t.{long} is 70 bytes long")),
            "{}",
            found[0].message
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns[1].name.len(), 63);
        silent(&pg("CREATE TABLE t (id int PRIMARY KEY, name text);"), RULE);
    }

    #[test]
    fn postgres_counts_bytes_mysql_characters() {
        let name = "ä".repeat(40);
        let sql = format!("CREATE TABLE \"{name}\" (id int PRIMARY KEY);");
        fires(&pg(&sql), RULE);
        let sql = format!("CREATE TABLE `{name}` (id int PRIMARY KEY);");
        silent(&model(&sql, Dialect::Mysql), RULE);
    }

    #[test]
    fn generated_names_count_and_can_be_named() {
        let table = "t".repeat(60);
        let sql = format!(
            "CREATE TABLE p (id int PRIMARY KEY);
             CREATE TABLE {table} (id int PRIMARY KEY, p_id int, FOREIGN KEY (p_id) REFERENCES p (id));"
        );
        let doc = model(&sql, Dialect::Mysql);
        let found = fires(&doc, RULE);
        assert!(
            found[0].message.contains(&format!("{table}_ibfk_1")),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].severity, crate::model::Severity::Error);
        fix_silences(&doc, RULE);
        // PostgreSQL: <table>_<columns>_fkey and _pkey, reported as warnings.
        let doc = pg(&sql);
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .all(|f| f.severity == crate::model::Severity::Warning)
        );
        assert!(found.iter().any(|f| f.message.contains("_p_id_fkey")));
        fix_silences(&doc, RULE);
        // SQLite has no limit.
        silent(&model(&sql, Dialect::Sqlite), RULE);
    }
}
