//! The auto-layout over the whole shared corpus: no table overlaps another, every table gets a
//! position, and over the corpus the layered layout crosses far fewer lines than a plain grid
//! (per-file figures are printed; docs/benchmarks.md records them).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;

use schemata::layout::{auto_layout, grid_layout, quality};
use schemata::model::{Dialect, Document, Position, TableId};

fn placed(doc: &Document, moves: Vec<(TableId, Position)>) -> Document {
    let mut doc = doc.clone();
    assert_eq!(moves.len(), doc.tables.len(), "every table is placed");
    for (id, position) in moves {
        Arc::make_mut(doc.tables.get_mut(&id).unwrap()).position = position;
    }
    doc
}

#[test]
fn every_corpus_schema_is_laid_out_without_overlaps() {
    let mut files = 0;
    let mut report = String::new();
    // Crossings of the layered layout and of the grid over the whole corpus.
    let mut totals = (0usize, 0usize);
    for dialect in Dialect::ALL {
        for path in common::corpus_files(dialect) {
            let doc = common::import_file(&path, dialect);
            if doc.tables.is_empty() {
                continue;
            }
            files += 1;
            let layered = quality(&placed(&doc, auto_layout(&doc, None)));
            let name = format!("{}/{}", dialect.name(), common::stem(&path));
            assert_eq!(layered.overlaps, 0, "{name}: overlapping tables");
            let grid = quality(&placed(&doc, grid_layout(&doc)));
            report.push_str(&format!(
                "{name}: {} tables, crossings {} (grid {}), length {:.0} (grid {:.0})\n",
                doc.tables.len(),
                layered.crossings,
                grid.crossings,
                layered.edge_length,
                grid.edge_length
            ));
            totals.0 += layered.crossings;
            totals.1 += grid.crossings;
        }
    }
    eprintln!("{report}");
    assert!(
        totals.0 * 3 < totals.1 * 2,
        "the layered layout should cross at most two thirds of the lines a grid crosses: {} \
         against {}",
        totals.0,
        totals.1
    );
    if files == 0 {
        common::skip_or_fail("corpus layout", "../shared/corpus not found");
    }
}
