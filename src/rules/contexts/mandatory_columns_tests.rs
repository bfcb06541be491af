//! Tests of `mandatory-columns`.
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

#[test]
fn equivalent_audit_columns_count() {
    silent(
        &model(
            "CREATE TABLE Person.Address (AddressID int PRIMARY KEY, City nvarchar(30),
               CreatedDate datetime NOT NULL, ModifiedDate datetime NOT NULL);
             CREATE TABLE contact (id int PRIMARY KEY, created datetime, edited datetime);
             CREATE TABLE ACT_RU_TASK (ID_ varchar(64) PRIMARY KEY, CREATE_TIME_ datetime,
               LAST_UPDATED_ datetime);
             CREATE TABLE Cities (CityID int PRIMARY KEY, CreatedAt datetime2,
               UpdatedAt datetime2);
             CREATE TABLE Colors (ColorID int PRIMARY KEY, ValidFrom datetime2,
               ValidTo datetime2);
             CREATE TABLE posts (id int PRIMARY KEY, post_created_at datetime,
               post_updated_at datetime);",
            Dialect::Mssql,
        ),
        RULE,
    );
    // Only the missing one is reported: ModifiedDate stands in for updated_at.
    let found = fires(
        &model(
            "CREATE TABLE Shifts (ShiftID int PRIMARY KEY, ModifiedDate datetime NOT NULL);",
            Dialect::Mssql,
        ),
        RULE,
    );
    assert_eq!(
        found[0].message,
        "Shifts lacks the required column(s) created_at"
    );
}

#[test]
fn junction_history_virtual_and_migration_tables_are_exempt() {
    silent(
        &pg("CREATE TABLE posts (id int PRIMARY KEY, created_at timestamptz, updated_at timestamptz);
             CREATE TABLE tags (id int PRIMARY KEY, created_at timestamptz, updated_at timestamptz);
             CREATE TABLE post_tags (post_id int REFERENCES posts (id),
               tag_id int REFERENCES tags (id), PRIMARY KEY (post_id, tag_id));
             CREATE TABLE schema_migrations (version varchar(255) PRIMARY KEY);"),
        RULE,
    );
    silent(
        &model(
            "CREATE VIRTUAL TABLE event_search USING fts4 (event_id, key, value);",
            Dialect::Sqlite,
        ),
        RULE,
    );
    silent(
        &model(
            "CREATE TABLE dbo.Colors (ColorID int NOT NULL PRIMARY KEY,
               ValidFrom datetime2 GENERATED ALWAYS AS ROW START NOT NULL,
               ValidTo datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
               PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo))
             WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.Colors_Archive));
             CREATE TABLE dbo.Colors_Archive (ColorID int NOT NULL, ColorName nvarchar(20));
             CREATE TABLE dbo.__EFMigrationsHistory (MigrationId nvarchar(150) PRIMARY KEY);",
            Dialect::Mssql,
        ),
        RULE,
    );
}
