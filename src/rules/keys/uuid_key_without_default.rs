//! `uuid-key-without-default`: a uuid primary key that the database does not fill in.

use crate::model::{Dialect, Edit, Table, TableChange};
use crate::rules::util::{TypeFamily, family};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "uuid-key-without-default",
    category: Category::Keys,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "A uuid primary key has no default.",
    help: "Without a default every insert must invent the key itself, and a client that \
           forgets (or generates weak ids) fails or collides. Let the database generate it: \
           gen_random_uuid() on PostgreSQL 13 and later, NEWID() on SQL Server \
           (NEWSEQUENTIALID() fragments a clustered index less), (uuid()) on MySQL 8. SQLite has \
           no built-in uuid function; generate the key in the application there.",
    options: &[],
};

/// The rule.
pub struct UuidKeyWithoutDefault;

impl Rule for UuidKeyWithoutDefault {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let Some(pk) = &table.primary_key else {
            return;
        };
        for id in &pk.columns {
            let Some(column) = table.column(*id) else {
                continue;
            };
            if column.default.is_some()
                || column.generated.is_some()
                || column.identity.is_some()
                || column.data_type.array_dims > 0
                || table.is_foreign_key_column(column.id)
                || family(ctx.doc, &column.data_type) != TypeFamily::Uuid
            {
                continue;
            }
            let finding = out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} is a uuid key without a default",
                    ctx.column_label(table, column)
                ),
            );
            let default = match ctx.dialect {
                Dialect::Postgres => "gen_random_uuid()",
                Dialect::Mssql => "NEWID()",
                Dialect::Mysql => "(uuid())",
                Dialect::Sqlite => continue,
            };
            let mut changed = column.clone();
            changed.default = Some(default.to_owned());
            finding.with_fix(Fix::batch(
                format!("Default {} to {default}", column.name),
                vec![Edit::Table {
                    table: table.id,
                    change: TableChange::ReplaceColumn(changed),
                }],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "uuid-key-without-default";

    #[test]
    fn fires_on_a_uuid_key_and_adds_the_dialect_default() {
        let doc = pg("CREATE TABLE customer (id uuid PRIMARY KEY, name text);");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "customer.id is a uuid key without a default"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(
            table.columns[0].default.as_deref(),
            Some("gen_random_uuid()")
        );

        let doc = model(
            "CREATE TABLE customer (id uniqueidentifier PRIMARY KEY, name nvarchar(50));",
            Dialect::Mssql,
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns[0].default.as_deref(), Some("NEWID()"));
    }

    #[test]
    fn silent_with_a_default_or_for_referencing_keys() {
        silent(
            &pg(
                "CREATE TABLE customer (id uuid PRIMARY KEY DEFAULT gen_random_uuid());
                 CREATE TABLE profile (customer_id uuid PRIMARY KEY REFERENCES customer(id));",
            ),
            RULE,
        );
    }

    #[test]
    fn sqlite_has_no_fix() {
        let doc = pg("CREATE TABLE customer (id uuid PRIMARY KEY);");
        let mut doc = doc;
        doc.target = Dialect::Sqlite;
        let found = fires(&doc, RULE);
        assert!(found[0].fix.is_none());
    }
}
