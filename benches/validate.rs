//! Validation speed on a generated 1,000-table / 10,000-column / ~1,500-foreign-key design:
//! a full run, and the incremental update after a one-column edit, median of many runs, in
//! release. Run with `cargo bench --no-default-features --bench validate`.

use std::time::{Duration, Instant};

use schemata::model::Document;
use schemata::model::{Dialect, Edit, TableChange, TypeKind, apply};
use schemata::rules::{Validator, registry};

const RUNS: usize = 41;

/// Edits measured after the full runs (more with `VALIDATE_EDITS=n`, for profiling).
fn edit_runs() -> usize {
    std::env::var("VALIDATE_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(RUNS)
}

// The same allocator as the `schemata` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let sql = schemata::samples::design_schema(1_000);
    let doc = schemata::sql::import_sql(&sql, "design.sql", Some(Dialect::Postgres)).doc;
    println!(
        "design: {} tables, {} columns, {} foreign keys",
        doc.tables.len(),
        doc.column_count(),
        doc.foreign_key_count()
    );
    let mut findings = 0;
    let full: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let mut validator = Validator::new(None);
            validator.update(&doc);
            let elapsed = start.elapsed();
            findings = validator.findings().count();
            elapsed
        })
        .collect();
    println!(
        "full run:               {:>8.2} ms ({findings} findings)",
        ms(median(full))
    );
    if std::env::var_os("VALIDATE_PER_RULE").is_some() {
        per_rule(&doc);
    }
    if std::env::var_os("VALIDATE_NO_RULES").is_some() {
        let mut none = doc.clone();
        for rule in registry() {
            none.lint.rule_mut(rule.meta().id).enabled = Some(false);
        }
        let samples = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                let mut validator = Validator::new(None);
                validator.update(&none);
                start.elapsed()
            })
            .collect();
        println!("no rules (engine alone): {:>7.2} ms", ms(median(samples)));
    }

    // One column edited back and forth in a table in the middle of the graph.
    let mut validator = Validator::new(None);
    let mut current = doc.clone();
    validator.update(&current);
    let Some(table) = current.tables.values().nth(500).map(|t| t.id) else {
        return;
    };
    let mut edits = Vec::new();
    for run in 0..edit_runs() {
        let Some(column) = current
            .table(table)
            .and_then(|t| t.column_named("quantity"))
            .cloned()
        else {
            return;
        };
        let mut changed = column;
        changed.data_type.kind = if run % 2 == 0 {
            TypeKind::BigInt
        } else {
            TypeKind::Integer
        };
        changed.data_type.original = None;
        changed.nullable = run % 3 != 0;
        let edit = Edit::Table {
            table,
            change: TableChange::ReplaceColumn(changed),
        };
        if apply(&mut current, edit).is_err() {
            return;
        }
        let start = Instant::now();
        validator.update(&current);
        edits.push(start.elapsed());
    }
    println!("after a one-column edit: {:>7.3} ms", ms(median(edits)));
}

/// Each rule alone (all others off), slowest first: where the full run's time goes.
fn per_rule(doc: &Document) {
    let mut times = Vec::new();
    for rule in registry() {
        let mut alone = doc.clone();
        for other in registry() {
            alone.lint.rule_mut(other.meta().id).enabled = Some(other.meta().id == rule.meta().id);
        }
        let mut found = 0;
        let samples = (0..5)
            .map(|_| {
                let start = Instant::now();
                let mut validator = Validator::new(None);
                validator.update(&alone);
                found = validator.findings().count();
                start.elapsed()
            })
            .collect();
        times.push((median(samples), rule.meta().id, found));
    }
    times.sort();
    times.reverse();
    for (time, id, found) in times {
        println!("  {id:<32} {:>7.2} ms {found:>6} findings", ms(time));
    }
}
