//! Exported DDL run on real engines: every corpus file is imported, exported, loaded into a
//! fresh PostgreSQL 15 / MariaDB database or SQLite file, and the engine's catalog is scored
//! against the truth of the original file. `tests/engines.sh start` provides the servers.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use schemata::model::Dialect;
use schemata::sql::export::export;

const METRICS: [&str; 6] = ["tables", "columns", "pk", "fk", "unique", "indexes"];

/// The loader names each database after its file, so tests that load take turns.
static ENGINES: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn engines_dir() -> PathBuf {
    std::env::var_os("SCHEMATA_ENGINES_DIR")
        .map_or_else(|| PathBuf::from("/tmp/schemata-engines"), PathBuf::from)
}

fn pg_port() -> String {
    std::env::var("SCHEMATA_PGPORT").unwrap_or_else(|_| "5433".into())
}

fn mysql_socket() -> PathBuf {
    engines_dir().join("mysock/mysqld.sock")
}

/// Whether both servers answer; says which one does not otherwise.
fn engines_up() -> Result<(), String> {
    let pg = Command::new("/usr/lib/postgresql/15/bin/pg_isready")
        .args(["-q", "-h", "127.0.0.1", "-p", &pg_port()])
        .status()
        .is_ok_and(|s| s.success());
    let my = Command::new("mysqladmin")
        .arg("--no-defaults")
        .arg("-uroot")
        .arg(format!("--socket={}", mysql_socket().display()))
        .arg("ping")
        .output()
        .is_ok_and(|o| o.status.success());
    match (pg, my) {
        (true, true) => Ok(()),
        _ => Err(format!(
            "PostgreSQL {} / MariaDB {}; start them with `sudo tests/engines.sh start`",
            if pg { "up" } else { "down" },
            if my { "up" } else { "down" }
        )),
    }
}

/// Whether the corpus and the engines are here; otherwise skips loudly (fails under CI).
fn ready(what: &str) -> bool {
    if !common::shared().join("corpus").is_dir() {
        common::skip_or_fail(what, "the shared corpus is missing");
        return false;
    }
    if let Err(why) = engines_up() {
        common::skip_or_fail(what, &why);
        return false;
    }
    true
}

/// Loads `sql_dir/<dialect>/*.sql` into fresh databases with the reference loader and writes
/// each catalog as canonical JSON under `out`.
fn load_with_engines(sql_dir: &Path, out: &Path, dialects: &[&str]) {
    let status = Command::new("python3")
        .arg(common::shared().join("fidelity/truth.py"))
        .arg("--corpus")
        .arg(sql_dir)
        .arg("--out")
        .arg(out)
        .arg("--dialect")
        .args(dialects)
        .env("FIDELITY_OUT", out.join("engine-scratch"))
        .env("FIDELITY_PGPORT", pg_port())
        .env("FIDELITY_MYSOCK", mysql_socket())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs truth.py");
    assert!(status.success(), "truth.py failed");
}

/// The errors the engine reported while loading one file.
fn load_errors(catalog: &Path) -> Vec<String> {
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(catalog).unwrap()).unwrap();
    value["load"]["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| format!("line {}: {}", e["line"], e["message"]))
                .collect()
        })
        .unwrap_or_default()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn same_dialect_export_reloads_with_the_import_fidelity() {
    if !ready("EXPORT ROUND TRIP ON REAL ENGINES") {
        return;
    }
    let _turn = ENGINES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let tmp = tempfile::tempdir().unwrap();
    let (sql, imported, reloaded) = (
        tmp.path().join("sql"),
        tmp.path().join("import"),
        tmp.path().join("reloaded"),
    );
    let dialects = [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite];
    let mut files = 0;
    for dialect in dialects {
        for file in common::corpus_files(dialect) {
            let doc = common::import_file(&file, dialect);
            let name = format!("{}.sql", common::stem(&file));
            let json = schemata::sql::canonical::to_json(&doc, dialect, &name);
            let stem = common::stem(&file);
            write(
                &imported.join(dialect.name()).join(format!("{stem}.json")),
                &json.to_string(),
            );
            let script = export(&doc, dialect).sql;
            if dialect == Dialect::Sqlite {
                let connection = rusqlite::Connection::open_in_memory().unwrap();
                if let Err(err) = connection.execute_batch(&script) {
                    panic!("{name}: SQLite rejects the exported script: {err}");
                }
            }
            write(&sql.join(dialect.name()).join(&name), &script);
            files += 1;
        }
    }
    assert!(files >= 29, "only {files} corpus files");
    let names: Vec<&str> = dialects.iter().map(|d| d.name()).collect();
    load_with_engines(&sql, &reloaded, &names);
    let round_trip = common::score(&reloaded, &names);
    let baseline = common::score(&imported, &names);
    let mut failures = Vec::new();
    for dialect in &names {
        for metric in METRICS {
            let (got, import) = (
                common::f1(&round_trip, dialect, metric),
                common::f1(&baseline, dialect, metric),
            );
            eprintln!("{dialect:>8} {metric:<8} reloaded F1 {got:.3} (import {import:.3})");
            if got < 0.99 || got + 1e-9 < import {
                failures.push(format!("{dialect} {metric}: {got:.3} (import {import:.3})"));
            }
        }
        let (mut ours, mut original) = (0, 0);
        for file in common::corpus_files(dialect.parse().unwrap()) {
            let catalog = format!("{}/{}.json", dialect, common::stem(&file));
            let errors = load_errors(&reloaded.join(&catalog));
            for error in &errors {
                eprintln!("  {catalog}: {error}");
            }
            ours += errors.len();
            original += load_errors(&common::shared().join("fidelity/truth").join(&catalog)).len();
        }
        eprintln!("{dialect:>8} engine errors while loading: {ours} (original files: {original})");
        if ours > original {
            failures.push(format!(
                "{dialect}: {ours} load errors, the originals have {original}"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn postgres_corpus_loads_into_mariadb_and_sqlite() {
    if !ready("POSTGRESQL → MYSQL / SQLITE EXPORT") {
        return;
    }
    let _turn = ENGINES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let tmp = tempfile::tempdir().unwrap();
    let sql = tmp.path().join("sql");
    let mut failures = Vec::new();
    let mut tables = Vec::new();
    for file in common::corpus_files(Dialect::Postgres) {
        let doc = common::import_file(&file, Dialect::Postgres);
        let stem = common::stem(&file);
        let sqlite = export(&doc, Dialect::Sqlite).sql;
        let connection = rusqlite::Connection::open_in_memory().unwrap();
        if let Err(err) = connection.execute_batch(&sqlite) {
            failures.push(format!("{stem} → SQLite: {err}"));
        }
        let count: usize = connection
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        if count != doc.tables.len() {
            failures.push(format!(
                "{stem} → SQLite: {count} of {} tables",
                doc.tables.len()
            ));
        }
        write(
            &sql.join("mysql").join(format!("{stem}.sql")),
            &export(&doc, Dialect::Mysql).sql,
        );
        tables.push((stem, doc.tables.len()));
    }
    assert!(
        tables.len() >= 13,
        "only {} PostgreSQL corpus files",
        tables.len()
    );
    let loaded = tmp.path().join("loaded");
    load_with_engines(&sql, &loaded, &["mysql"]);
    for (stem, expected) in &tables {
        let catalog = loaded.join(format!("mysql/{stem}.json"));
        for error in load_errors(&catalog) {
            failures.push(format!("{stem} → MariaDB: {error}"));
        }
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&catalog).unwrap()).unwrap();
        let count = value["tables"].as_object().map_or(0, serde_json::Map::len);
        if count != *expected {
            failures.push(format!("{stem} → MariaDB: {count} of {expected} tables"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_seed_sample_loads_into_every_engine() {
    if !ready("SEED SAMPLE ON REAL ENGINES") {
        return;
    }
    let _turn = ENGINES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let doc = schemata::samples::ecommerce().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let sql = tmp.path().join("sql");
    for dialect in [Dialect::Postgres, Dialect::Mysql] {
        let path = sql.join(dialect.name()).join("ecommerce.sql");
        write(&path, &export(&doc, dialect).sql);
    }
    let loaded = tmp.path().join("loaded");
    load_with_engines(&sql, &loaded, &["postgres", "mysql"]);
    for dialect in ["postgres", "mysql"] {
        let catalog = loaded.join(format!("{dialect}/ecommerce.json"));
        assert_eq!(load_errors(&catalog), Vec::<String>::new(), "{dialect}");
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&catalog).unwrap()).unwrap();
        let tables = value["tables"].as_object().unwrap();
        assert_eq!(tables.len(), 6, "{dialect}");
        let fks: usize = tables
            .values()
            .map(|t| t["foreign_keys"].as_array().map_or(0, Vec::len))
            .sum();
        assert_eq!(fks, doc.foreign_key_count(), "{dialect}");
    }
    let connection = rusqlite::Connection::open_in_memory().unwrap();
    connection
        .execute_batch(&export(&doc, Dialect::Sqlite).sql)
        .unwrap();
    let mssql = export(&doc, Dialect::Mssql).sql;
    let back = schemata::sql::import_sql(&mssql, "ecommerce.sql", Some(Dialect::Mssql));
    assert_eq!(back.doc.tables.len(), 6);
    assert_eq!(back.doc.foreign_key_count(), doc.foreign_key_count());
    assert!(mssql.contains("WHERE is_default = 1"), "{mssql}");
}
