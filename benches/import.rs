//! Import throughput on the shared corpus: MB/s per file and over the whole corpus, median of
//! several runs, in release. Run with `cargo bench --no-default-features --bench import`
//! (the GUI is not needed). Reads ../shared/corpus beside the checkout.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use schemata::model::Dialect;

const RUNS: usize = 9;

// The same allocator as the `schemata` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1_000_000.0 / time.as_secs_f64().max(1e-9)
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    // `cargo bench --bench import -- NAME` measures only files whose path contains NAME.
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let mut files: Vec<(Dialect, PathBuf, String)> = Vec::new();
    for dialect in Dialect::ALL {
        let Ok(entries) = std::fs::read_dir(corpus.join(dialect.name())) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if only
                .as_ref()
                .is_some_and(|o| !path.to_string_lossy().contains(o.as_str()))
            {
                continue;
            }
            if let Ok(decoded) = schemata::sql::decode::read_file(&path) {
                files.push((dialect, path, decoded.text));
            }
        }
    }
    if only
        .as_ref()
        .is_none_or(|o| "generated".contains(o.as_str()))
    {
        files.push((
            Dialect::Postgres,
            PathBuf::from("generated/dump-50MB.sql"),
            schemata::samples::generated_dump(200, 50),
        ));
        files.push((
            Dialect::Postgres,
            PathBuf::from("generated/schema-10000-tables.sql"),
            schemata::samples::generated_schema(10_000),
        ));
    }
    if files.is_empty() {
        eprintln!("no corpus at {}; nothing to measure", corpus.display());
        return;
    }
    println!("{:<45} {:>9} {:>9} {:>8}", "file", "KiB", "ms", "MB/s");
    let mut total_bytes = 0;
    let mut total = Duration::ZERO;
    for (dialect, path, text) in &files {
        let name = if path.starts_with("generated") {
            path.display().to_string()
        } else {
            format!(
                "{}/{}",
                dialect.name(),
                path.file_name().unwrap_or_default().to_string_lossy()
            )
        };
        let samples: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                let imported = schemata::sql::import_sql(text, &name, Some(*dialect));
                std::hint::black_box(&imported);
                start.elapsed()
            })
            .collect();
        let time = median(samples);
        if !path.starts_with("generated") {
            total_bytes += text.len();
            total += time;
        }
        println!(
            "{name:<45} {:>9.0} {:>9.2} {:>8.1}",
            text.len() as f64 / 1024.0,
            time.as_secs_f64() * 1000.0,
            mb_per_s(text.len(), time)
        );
    }
    println!(
        "{:<45} {:>9.0} {:>9.2} {:>8.1}",
        "whole corpus",
        total_bytes as f64 / 1024.0,
        total.as_secs_f64() * 1000.0,
        mb_per_s(total_bytes, total)
    );
}
