//! Export speed: DDL written per second for every dialect, on the whole shared corpus and on a
//! generated 10,000-table schema, median of several runs, in release. Run with
//! `cargo bench --no-default-features --bench export`.

use std::path::Path;
use std::time::{Duration, Instant};

use schemata::model::{Dialect, Document};
use schemata::sql::export::export;

const RUNS: usize = 7;

// The same allocator as the `schemata` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

/// Median time to export every document to `dialect`, and the bytes written.
fn measure(docs: &[Document], dialect: Dialect) -> (Duration, usize) {
    let mut bytes = 0;
    let samples = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            bytes = docs.iter().map(|d| export(d, dialect).sql.len()).sum();
            start.elapsed()
        })
        .collect();
    (median(samples), bytes)
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut docs = Vec::new();
    let mut tables = 0;
    for dialect in Dialect::ALL {
        let Ok(entries) = std::fs::read_dir(corpus.join(dialect.name())) else {
            continue;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if let Ok(decoded) = schemata::sql::decode::read_file(&path) {
                let doc = schemata::sql::import_sql(&decoded.text, "bench.sql", Some(dialect)).doc;
                tables += doc.tables.len();
                docs.push(doc);
            }
        }
    }
    let generated = schemata::sql::import_sql(
        &schemata::samples::generated_schema(10_000),
        "generated.sql",
        Some(Dialect::Postgres),
    )
    .doc;
    println!(
        "{:<10} {:>28} {:>32}",
        "target",
        format!("corpus ({} files, {tables} tables)", docs.len()),
        "generated (10,000 tables)"
    );
    for dialect in Dialect::ALL {
        let (corpus_time, corpus_bytes) = measure(&docs, dialect);
        let (big_time, big_bytes) = measure(std::slice::from_ref(&generated), dialect);
        println!(
            "{:<10} {:>10.1} ms {:>8.1} MB/s {:>14.1} ms {:>8.1} MB/s",
            dialect.name(),
            corpus_time.as_secs_f64() * 1000.0,
            corpus_bytes as f64 / 1e6 / corpus_time.as_secs_f64(),
            big_time.as_secs_f64() * 1000.0,
            big_bytes as f64 / 1e6 / big_time.as_secs_f64(),
        );
    }
}
