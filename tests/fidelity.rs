//! Import fidelity on the shared corpus of real schema files, scored against what the real
//! engines (PostgreSQL 15, MariaDB, SQLite) built from the same files.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use schemata::model::Dialect;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// Imports every corpus file and writes its canonical JSON under `out/<dialect>/<name>.json`.
fn import_corpus(corpus: &Path, out: &Path) -> usize {
    let mut count = 0;
    for dialect in Dialect::ALL {
        let dir = corpus.join(dialect.name());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let target = out.join(dialect.name());
        std::fs::create_dir_all(&target).unwrap();
        let mut files: Vec<PathBuf> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        for file in files {
            let text = schemata::sql::decode::read_file(&file).unwrap().text;
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let imported = schemata::sql::import_sql(&text, &name, Some(dialect));
            let json = schemata::sql::canonical::to_json(&imported.doc, dialect, &name);
            let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
            std::fs::write(
                target.join(format!("{stem}.json")),
                serde_json::to_string(&json).unwrap(),
            )
            .unwrap();
            count += 1;
        }
    }
    count
}

#[test]
fn corpus_fidelity_meets_the_targets() {
    let corpus = shared().join("corpus");
    let fidelity = shared().join("fidelity");
    if !corpus.is_dir() || !fidelity.join("score.py").is_file() {
        let message = format!(
            "\n\n*** FIDELITY NOT MEASURED: {} is missing. Put the shared corpus beside the checkout to run this test. ***\n",
            corpus.display()
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "{message}(CI is set, so this is a failure)"
        );
        eprintln!("{message}");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let files = import_corpus(&corpus, out.path());
    assert!(files >= 30, "only {files} corpus files found");
    let scores = out.path().join("scores.json");
    let status = Command::new("python3")
        .arg(fidelity.join("score.py"))
        .arg(fidelity.join("truth"))
        .arg(out.path())
        .arg("--json")
        .arg(&scores)
        .status()
        .expect("python3 runs the scorer");
    assert!(status.success(), "score.py failed");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&scores).unwrap()).unwrap();
    let mut failures = Vec::new();
    for dialect in ["postgres", "mysql", "sqlite"] {
        for metric in ["tables", "columns", "pk", "fk"] {
            let f1 = report["by_dialect"][dialect]["metrics"][metric]["f1"]
                .as_f64()
                .unwrap_or(0.0);
            eprintln!("{dialect:>8} {metric:<8} F1 {f1:.3}");
            if f1 < 0.99 {
                failures.push(format!("{dialect} {metric} F1 {f1:.3} < 0.99"));
            }
        }
    }
    // SQL Server has no engine here: the truth is a census of CREATE TABLE statements, and
    // only table names are scored.
    let recall = report["by_dialect"]["mssql"]["metrics"]["tables"]["r"]
        .as_f64()
        .unwrap_or(0.0);
    eprintln!("   mssql tables   recall {recall:.3}");
    if recall < 0.99 {
        failures.push(format!("mssql table recall {recall:.3} < 0.99"));
    }
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn every_corpus_file_is_detected_as_its_dialect() {
    let corpus = shared().join("corpus");
    if !corpus.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing",
            corpus.display()
        );
        eprintln!("*** corpus not found; dialect detection not measured ***");
        return;
    }
    let mut wrong = Vec::new();
    for dialect in Dialect::ALL {
        let Ok(entries) = std::fs::read_dir(corpus.join(dialect.name())) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let text = schemata::sql::decode::read_file(&path).unwrap().text;
            let (detected, reason) = schemata::sql::import::detect(&text);
            if detected != dialect {
                wrong.push(format!(
                    "{} detected as {detected} ({reason})",
                    path.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
