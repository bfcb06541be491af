//! The command line, run as a user would.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn schemata() -> Command {
    Command::new(env!("CARGO_BIN_EXE_schemata"))
}

fn sample_path() -> String {
    format!("{}/samples/ecommerce.schemata", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn version_and_help() {
    let out = schemata().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("schemata "));
    let out = schemata().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("info") && help.contains("format"), "{help}");
}

#[test]
fn info_summarises_a_project() {
    let out = schemata().args(["info", &sample_path()]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("6 tables, 63 columns, 8 foreign keys"),
        "{text}"
    );
    assert!(
        text.contains("orders: 12 columns, primary key (id), 3 foreign keys"),
        "{text}"
    );
}

#[test]
fn usage_errors_exit_2_and_failures_exit_1() {
    let out = schemata().args(["info"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = schemata().args(["--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = schemata()
        .args(["info", "/nonexistent/x.schemata"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not exist"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("image.schemata");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 1, 2, 0xff]).unwrap();
    let out = schemata().arg("info").arg(&binary).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a Schemata project"), "{err}");

    let mistyped = dir.path().join("typo.schemata");
    std::fs::write(
        &mistyped,
        "(format_version: 2, target: \"postgres\", tabels: [])",
    )
    .unwrap();
    let out = schemata().arg("info").arg(&mistyped).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 1") && err.contains("tabels"), "{err}");
}

#[test]
fn format_check_accepts_canonical_files_and_rewrites_others() {
    let out = schemata()
        .args(["format", "--check", &sample_path()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messy.schemata");
    std::fs::write(
        &path,
        "(format_version: 2, target: \"pg\", tables: [(name: \"t\", position: (0.0, 0.0), columns: [(name: \"id\", type: Integer)])])",
    )
    .unwrap();
    let out = schemata()
        .args(["format", "--check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = schemata().arg("format").arg(&path).output().unwrap();
    assert!(out.status.success());
    let out = schemata()
        .args(["format", "--check"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("target: \"postgres\""), "{text}");
}

#[test]
fn import_writes_a_project_and_canonical_json_and_reports_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let sql = format!("{}/samples/ecommerce.sql", env!("CARGO_MANIFEST_DIR"));
    let project = dir.path().join("shop.schemata");
    let json = dir.path().join("shop.json");
    let out = schemata()
        .args(["import", &sql, "--from", "pg", "-o"])
        .arg(&project)
        .arg("--json")
        .arg(&json)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "ecommerce.sql:35:5: note: UNIQUE (customer_id, address_type, is_default) WHERE"
        ),
        "{err}"
    );
    assert!(
        err.contains(": error: column addresses.address_type has type address_type_enum"),
        "{err}"
    );
    assert!(
        err.contains("6 tables, 58 columns, 8 foreign keys"),
        "{err}"
    );
    let doc = schemata::project::load(&project).unwrap();
    assert_eq!(doc.tables.len(), 6);
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(value["dialect"], "postgres");
    assert_eq!(
        value["tables"]["orders"]["primary_key"],
        serde_json::json!(["id"])
    );
    assert_eq!(
        value["tables"]["order_items"]["foreign_keys"][0]["ref_table"],
        "orders"
    );
    assert_eq!(
        value["tables"]["customers"]["columns"]["email"]["nullable"],
        false
    );
}

#[test]
fn import_exits_1_only_when_the_file_cannot_be_read() {
    let out = schemata()
        .args(["import", "/nonexistent/dump.sql"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.sql");
    std::fs::write(&garbage, "this is not SQL at all; CREATE TABLE (;").unwrap();
    let out = schemata().arg("import").arg(&garbage).output().unwrap();
    assert!(
        out.status.success(),
        "an import with diagnostics still succeeds"
    );
    let out = schemata()
        .args(["import", "x.sql", "--from", "oracle"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("postgres, mysql, sqlite or mssql"));
}

#[test]
fn export_writes_ddl_to_stdout_with_warnings_on_stderr() {
    let out = schemata()
        .args(["export", &sample_path(), "--to", "mysql"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let sql = String::from_utf8_lossy(&out.stdout);
    assert!(
        sql.starts_with("-- MySQL / MariaDB DDL written by Schemata"),
        "{sql}"
    );
    assert!(sql.contains("CREATE TABLE orders ("), "{sql}");
    assert!(sql.contains("ENUM('shipping', 'billing')"), "{sql}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: index addresses.addresses_one_default_per_type"),
        "{err}"
    );
    let quiet = schemata()
        .args(["export", &sample_path(), "--to", "mysql", "--quiet"])
        .output()
        .unwrap();
    assert!(quiet.status.success() && quiet.stderr.is_empty());
}

#[test]
fn export_converts_sql_between_dialects_into_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let sql = dir.path().join("shop.sql");
    std::fs::write(
        &sql,
        "CREATE TABLE \"Order\" (id serial PRIMARY KEY, note text DEFAULT 'it''s');\n",
    )
    .unwrap();
    let out_path = dir.path().join("shop.mssql.sql");
    let out = schemata()
        .args([
            "export",
            sql.to_str().unwrap(),
            "--from",
            "pg",
            "--to",
            "sqlserver",
            "-o",
        ])
        .arg(&out_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&out_path).unwrap();
    assert!(written.contains("CREATE TABLE [Order] ("), "{written}");
    assert!(written.contains("IDENTITY(1,1)"), "{written}");
    assert!(written.contains("DEFAULT ('it''s')"), "{written}");
    assert!(written.contains("\nGO"), "{written}");
    // Without --to, SQL is written back in the dialect it was read as.
    let same = schemata()
        .args(["export", sql.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&same.stdout);
    assert!(text.contains("CREATE TABLE \"Order\""), "{text}");
}

#[test]
fn export_fails_with_exit_1_when_there_is_nothing_to_export() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.sql");
    std::fs::write(&empty, "-- nothing here\n").unwrap();
    let out = schemata()
        .args(["export", empty.to_str().unwrap(), "--to", "postgres"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no tables"));
    let out = schemata()
        .args(["export", "/nonexistent.schemata", "--to", "postgres"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = schemata()
        .args(["export", &sample_path(), "--to", "oracle"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
