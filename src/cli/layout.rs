//! `schemata layout`: arrange a project's (or an SQL file's) tables with the layered layout.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::layout::{Quality, auto_layout, grid_layout, place_unplaced, quality};
use crate::model::Dialect;

fn describe(label: &str, q: &Quality) -> String {
    format!(
        "{label}: {} overlapping pairs, {} line crossings, line length {:.0}",
        q.overlaps, q.crossings, q.edge_length
    )
}

/// Runs the subcommand.
pub fn run(
    file: &Path,
    from: Option<Dialect>,
    output: &Path,
    keep_placed: bool,
    stats: bool,
) -> anyhow::Result<ExitCode> {
    let mut doc = super::export::load(file, from, false)?;
    let before = stats.then(|| {
        let mut grid = doc.clone();
        for (id, position) in grid_layout(&grid) {
            if let Some(table) = grid.tables.get_mut(&id) {
                Arc::make_mut(table).position = position;
            }
        }
        (quality(&doc), quality(&grid))
    });
    if keep_placed {
        place_unplaced(&mut doc);
    } else {
        for (id, position) in auto_layout(&doc, None) {
            if let Some(table) = doc.tables.get_mut(&id) {
                Arc::make_mut(table).position = position;
            }
        }
    }
    crate::project::save(output, &doc)?;
    if let Some((before, grid)) = before {
        let mut err = std::io::stderr().lock();
        writeln!(err, "{}", describe("before", &before))?;
        writeln!(err, "{}", describe("plain grid", &grid))?;
        writeln!(err, "{}", describe("after", &quality(&doc)))?;
    }
    Ok(ExitCode::SUCCESS)
}
