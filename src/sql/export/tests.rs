//! Whole-script behaviour of the writers, from small SQL designs.

use crate::model::Dialect;
use crate::sql::import_sql;

use super::{Exported, export};

fn from_postgres(sql: &str, to: Dialect) -> Exported {
    export(&import_sql(sql, "t.sql", Some(Dialect::Postgres)).doc, to)
}

const SEQUENCE_NUMBERED: &str = "CREATE SEQUENCE actor_id_seq;
CREATE TABLE actor (id integer DEFAULT nextval('actor_id_seq'::regclass) NOT NULL, name text, PRIMARY KEY (id));";

#[test]
fn sequence_defaults_become_the_targets_numbering() {
    let mysql = from_postgres(SEQUENCE_NUMBERED, Dialect::Mysql);
    assert!(
        mysql.sql.contains("id   INT NOT NULL AUTO_INCREMENT"),
        "{}",
        mysql.sql
    );
    assert!(mysql.warnings.is_empty(), "{:?}", mysql.warnings);
    let sqlite = from_postgres(SEQUENCE_NUMBERED, Dialect::Sqlite);
    assert!(
        sqlite
            .sql
            .contains("INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT"),
        "{}",
        sqlite.sql
    );
    let mssql = from_postgres(SEQUENCE_NUMBERED, Dialect::Mssql);
    assert!(
        mssql.sql.contains("INT IDENTITY(1,1) NOT NULL"),
        "{}",
        mssql.sql
    );
    assert!(
        mssql.sql.contains("CREATE SEQUENCE actor_id_seq"),
        "{}",
        mssql.sql
    );
    let postgres = from_postgres(SEQUENCE_NUMBERED, Dialect::Postgres);
    assert!(
        postgres
            .sql
            .contains("DEFAULT nextval('actor_id_seq'::REGCLASS)"),
        "{}",
        postgres.sql
    );
}

#[test]
fn cycles_are_closed_after_the_tables_and_sections_come_in_order() {
    let sql = "CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE a (id int PRIMARY KEY, b_id int, m mood);
CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b (id);
CREATE INDEX a_m ON a (m);
CREATE VIEW v AS SELECT id FROM a;
COMMENT ON TABLE a IS 'the a''s';";
    let out = from_postgres(sql, Dialect::Postgres).sql;
    let at = |needle: &str| {
        out.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing:\n{out}"))
    };
    assert!(at("CREATE TYPE mood") < at("CREATE TABLE a"));
    assert!(at("CREATE TABLE b") < at("CREATE INDEX a_m"));
    assert!(at("CREATE INDEX a_m") < at("ALTER TABLE a\n    ADD CONSTRAINT a_b"));
    assert!(at("ALTER TABLE a") < at("CREATE VIEW v"));
    assert!(at("CREATE VIEW v") < at("COMMENT ON TABLE a IS 'the a''s'"));
    // SQLite cannot add a key later: both stay inline.
    let sqlite = from_postgres(sql, Dialect::Sqlite).sql;
    assert!(!sqlite.contains("ALTER TABLE"), "{sqlite}");
    assert!(
        sqlite.contains("CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b (id)"),
        "{sqlite}"
    );
    assert!(sqlite.contains("CHECK (m IN ('ok', 'sad'))"), "{sqlite}");
}

#[test]
fn lossy_mappings_are_reported_by_object() {
    let sql = "CREATE TABLE t (id int PRIMARY KEY, tags text[], at timestamptz,
        CONSTRAINT k FOREIGN KEY (id) REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED);
CREATE UNIQUE INDEX t_open ON t (id) WHERE at IS NULL;";
    let out = from_postgres(sql, Dialect::Mysql);
    let objects: Vec<&str> = out.warnings.iter().map(|w| w.object.as_str()).collect();
    assert!(objects.contains(&"column t.tags"), "{objects:?}");
    assert!(objects.contains(&"column t.at"), "{objects:?}");
    assert!(objects.contains(&"foreign key t.k"), "{objects:?}");
    assert!(objects.contains(&"index t.t_open"), "{objects:?}");
    assert!(!out.sql.contains("DEFERRABLE"));
    assert!(from_postgres(sql, Dialect::Postgres).warnings.is_empty());
}

#[test]
fn schemas_become_prefixes_where_the_target_has_none() {
    let sql = "CREATE SCHEMA sales; CREATE TABLE sales.orders (id int PRIMARY KEY);
CREATE TABLE items (id int PRIMARY KEY, order_id int REFERENCES sales.orders (id));";
    let mysql = from_postgres(sql, Dialect::Mysql);
    assert!(
        mysql.sql.contains("CREATE TABLE sales_orders"),
        "{}",
        mysql.sql
    );
    assert!(
        mysql.sql.contains("REFERENCES sales_orders (id)"),
        "{}",
        mysql.sql
    );
    assert!(mysql.warnings.iter().any(|w| w.object == "schema sales"));
    let mssql = from_postgres(sql, Dialect::Mssql).sql;
    assert!(mssql.contains("CREATE SCHEMA sales;\nGO"), "{mssql}");
    assert!(mssql.contains("CREATE TABLE sales.orders"), "{mssql}");
}

#[test]
fn colliding_index_names_are_made_unique_where_the_target_needs_it() {
    let sql = "CREATE TABLE a (x int, KEY idx_x (x)); CREATE TABLE b (x int, KEY idx_x (x));";
    let doc = import_sql(sql, "t.sql", Some(Dialect::Mysql)).doc;
    let postgres = export(&doc, Dialect::Postgres);
    assert!(
        postgres.sql.contains("CREATE INDEX idx_x ON a (x)"),
        "{}",
        postgres.sql
    );
    assert!(
        postgres.sql.contains("CREATE INDEX idx_x_2 ON b (x)"),
        "{}",
        postgres.sql
    );
    assert_eq!(postgres.warnings.len(), 1, "{:?}", postgres.warnings);
    assert!(export(&doc, Dialect::Mysql).warnings.is_empty());
}
