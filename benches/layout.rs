//! Auto-layout speed and quality: the layered layout of a generated 1,000-table design
//! (~1,500 foreign keys), median of repeated runs in release, and overlaps, line crossings and
//! total line length against a plain grid for that design and for corpus schemas
//! (postgres/zabbix, postgres/synapse when ../shared is present). Run with
//! `cargo bench --no-default-features --bench layout`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use schemata::layout::{Quality, auto_layout, grid_layout, quality};
use schemata::model::{Dialect, Document, Position, TableId};

const RUNS: usize = 21;

// The same allocator as the `schemata` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

fn placed(doc: &Document, moves: Vec<(TableId, Position)>) -> Document {
    let mut doc = doc.clone();
    for (id, position) in moves {
        if let Some(table) = doc.tables.get_mut(&id) {
            Arc::make_mut(table).position = position;
        }
    }
    doc
}

fn row(name: &str, label: &str, q: &Quality) {
    println!(
        "{name:<22} {label:<8} {:>8} {:>10} {:>12.0}",
        q.overlaps, q.crossings, q.edge_length
    );
}

fn compare(name: &str, doc: &Document) {
    let grid = quality(&placed(doc, grid_layout(doc)));
    let layered = quality(&placed(doc, auto_layout(doc, None)));
    row(name, "grid", &grid);
    row(name, "layered", &layered);
}

fn main() {
    let sql = schemata::samples::design_schema(1_000);
    let doc = schemata::sql::import_sql(&sql, "design.sql", Some(Dialect::Postgres)).doc;
    println!(
        "design: {} tables, {} foreign keys",
        doc.tables.len(),
        doc.foreign_key_count()
    );
    let times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let moves = auto_layout(&doc, None);
            let elapsed = start.elapsed();
            assert_eq!(moves.len(), doc.tables.len());
            elapsed
        })
        .collect();
    println!(
        "auto layout, 1,000 tables: {:.1} ms (median of {RUNS}; target <= 300 ms)\n",
        median(times).as_secs_f64() * 1000.0
    );
    println!(
        "{:<22} {:<8} {:>8} {:>10} {:>12}",
        "schema", "placement", "overlaps", "crossings", "line length"
    );
    compare("generated 1,000", &doc);
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/postgres");
    for name in ["zabbix", "synapse"] {
        let path = corpus.join(format!("{name}.sql"));
        let Ok(bytes) = std::fs::read(&path) else {
            println!("{name}: {} not found, skipped", path.display());
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let doc = schemata::sql::import_sql(&text, "corpus.sql", Some(Dialect::Postgres)).doc;
        compare(&format!("postgres/{name}"), &doc);
    }
}
