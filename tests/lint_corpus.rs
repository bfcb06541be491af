//! Every rule over the whole shared corpus: nothing panics, every file is checked, and the
//! per-rule hit counts (recorded in docs/rules.md) are printed and written to
//! lint-corpus.md in Cargo's temporary folder for integration tests (target/tmp).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fmt::Write;

use schemata::model::Dialect;
use schemata::rules::{registry, validate};

#[test]
fn the_corpus_lints_and_hit_counts_are_recorded() {
    let mut files = 0;
    let mut tables = 0;
    // rule → (hits, files with hits)
    let mut hits: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut examples: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for dialect in Dialect::ALL {
        for path in common::corpus_files(dialect) {
            let doc = common::import_file(&path, dialect);
            files += 1;
            tables += doc.tables.len();
            let mut all_on = doc.clone();
            for rule in registry() {
                all_on.lint.rule_mut(rule.meta().id).enabled = Some(true);
            }
            let findings = validate(&all_on, None);
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let mut seen_here: BTreeMap<&str, usize> = BTreeMap::new();
            for finding in &findings {
                *seen_here.entry(finding.rule).or_default() += 1;
                let list = examples.entry(finding.rule).or_default();
                if list.len() < 3 {
                    list.push(format!("{}/{name}: {}", dialect.name(), finding.message));
                }
            }
            for (rule, count) in seen_here {
                let entry = hits.entry(rule).or_default();
                entry.0 += count;
                entry.1 += 1;
            }
        }
    }
    if files == 0 {
        common::skip_or_fail("corpus lint", "no corpus files found in ../shared/corpus");
        return;
    }
    let mut report = format!(
        "Corpus: {files} files, {tables} tables, every rule turned on.\n\n\
         | rule | default | hits | files |\n|---|---|---:|---:|\n"
    );
    for rule in registry() {
        let meta = rule.meta();
        let (count, in_files) = hits.get(meta.id).copied().unwrap_or_default();
        let state = if meta.enabled { "on" } else { "off" };
        let _ = writeln!(report, "| `{}` | {state} | {count} | {in_files} |", meta.id);
    }
    report.push_str("\nExamples:\n");
    for (rule, list) in &examples {
        for example in list {
            let _ = writeln!(report, "- `{rule}` {example}");
        }
    }
    println!("{report}");
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("lint-corpus.md");
    std::fs::write(out, &report).unwrap();
    assert!(tables > 1000, "the corpus was read ({tables} tables)");
}
