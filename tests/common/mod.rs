//! Helpers shared by the integration tests that read the shared corpus and run real engines.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use schemata::model::{Dialect, Document};

/// The shared folder beside the checkout (corpus, fidelity truth and scorer).
pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// Says loudly that a measurement did not run; a failure when `CI` is set.
pub fn skip_or_fail(what: &str, why: &str) {
    let message = format!("\n\n*** {what} NOT MEASURED: {why} ***\n");
    assert!(
        std::env::var_os("CI").is_none(),
        "{message}(CI is set, so this is a failure)"
    );
    eprintln!("{message}");
}

/// The `.sql` files of one dialect's corpus folder, sorted.
pub fn corpus_files(dialect: Dialect) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(shared().join("corpus").join(dialect.name())) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
}

/// Imports a corpus file as its dialect.
pub fn import_file(file: &Path, dialect: Dialect) -> Document {
    let text = schemata::sql::decode::read_file(file).unwrap().text;
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    schemata::sql::import_sql(&text, &name, Some(dialect)).doc
}

/// The file's name without `.sql`.
pub fn stem(file: &Path) -> String {
    file.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Scores candidate canonical JSON files under `dir` against the engine truth; returns the
/// scorer's JSON report.
pub fn score(dir: &Path, dialects: &[&str]) -> serde_json::Value {
    let fidelity = shared().join("fidelity");
    let report = dir.join("scores.json");
    let status = Command::new("python3")
        .arg(fidelity.join("score.py"))
        .arg(fidelity.join("truth"))
        .arg(dir)
        .arg("--dialect")
        .args(dialects)
        .arg("--json")
        .arg(&report)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs the scorer");
    assert!(status.success(), "score.py failed");
    serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap()
}

/// The F1 of `metric` for `dialect` in a scorer report.
pub fn f1(report: &serde_json::Value, dialect: &str, metric: &str) -> f64 {
    report["by_dialect"][dialect]["metrics"][metric]["f1"]
        .as_f64()
        .unwrap_or(0.0)
}
