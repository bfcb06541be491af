//! `schemata lint`: checks a project or an SQL file against the design rules, for people and
//! for CI pipelines (text, JSON or SARIF; exit 1 when findings reach the deny level).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::model::{Dialect, Severity};
use crate::project;
use crate::rules::report::{Report, import_problems, locate_in_project};
use crate::rules::{Subject, registry, sarif, validate};
use crate::sql::import_sql;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `file:line:col: severity[rule]: message`, one per line.
    Text,
    /// One JSON document.
    Json,
    /// SARIF 2.1.0 for code-scanning services.
    Sarif,
}

/// Parses `--deny`.
pub fn parse_severity(text: &str) -> Result<Severity, String> {
    text.parse()
}

/// Runs the subcommand.
pub fn run(
    file: &Path,
    from: Option<Dialect>,
    to: Option<Dialect>,
    format: Format,
    deny: Severity,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let report = lint_file(file, from, to)?;
    let text = match format {
        Format::Text => report.to_text(),
        Format::Json => serde_json::to_string_pretty(&report.to_json())? + "\n",
        Format::Sarif => {
            let uri = file.to_string_lossy().replace('\\', "/");
            let uri = uri.trim_start_matches("./").to_owned();
            serde_json::to_string_pretty(&sarif::to_sarif(&report, &uri))? + "\n"
        }
    };
    match output {
        Some(path) => {
            std::fs::write(path, &text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    let failing = report.count_at_least(deny);
    Ok(if failing > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Lints a project file or an SQL file: design-rule findings, plus what the importer
/// reported for SQL.
pub fn lint_file(
    file: &Path,
    from: Option<Dialect>,
    to: Option<Dialect>,
) -> anyhow::Result<Report> {
    let name = file.display().to_string();
    let is_project = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("schemata"));
    if is_project {
        let doc = project::load(file)?;
        let text = std::fs::read_to_string(file)?;
        let dialect = to.unwrap_or(doc.target);
        let findings = validate(&doc, Some(dialect));
        let locate = |subject: Subject| {
            let table = doc.table(subject.table()?)?;
            let column = match subject {
                Subject::Column(_, c) => table.column(c).map(|c| c.name.as_str()),
                _ => None,
            };
            locate_in_project(&text, &table.name, column).map(|line| (line, 1))
        };
        return Ok(Report::new(&name, &doc, dialect, &findings, &locate));
    }
    let decoded = crate::sql::decode::read_file(file)?;
    let imported = import_sql(&decoded.text, &name, from);
    let dialect = to.unwrap_or(imported.dialect);
    let findings = validate(&imported.doc, Some(dialect));
    let doc = &imported.doc;
    let locate = |subject: Subject| subject.source(doc).map(|s| (s.line, s.column));
    let mut report = Report::new(&name, doc, dialect, &findings, &locate);
    let mut problems = import_problems(&imported.diagnostics);
    problems.append(&mut report.items);
    problems.sort_by_key(|p| p.severity);
    report.items = problems;
    Ok(report)
}

/// The rule list: id, category, default severity, on/off, summary (for `--list-rules`);
/// as a Markdown table (with the options) for the documentation.
pub fn rule_list(markdown: bool) -> String {
    let mut text = String::new();
    if markdown {
        text.push_str("| id | category | severity | default | options | checks |\n");
        text.push_str("|---|---|---|---|---|---|\n");
    }
    for rule in registry() {
        let meta = rule.meta();
        let state = if meta.enabled { "on" } else { "off" };
        if markdown {
            let options: Vec<String> = meta
                .options
                .iter()
                .map(|o| format!("`{}`", o.name))
                .collect();
            text.push_str(&format!(
                "| `{}` | {} | {} | {state} | {} | {} |\n",
                meta.id,
                meta.category.name(),
                meta.severity,
                options.join(", "),
                meta.summary
            ));
        } else {
            text.push_str(&format!(
                "{:<32} {:<14} {:<8} {state:<4} {}\n",
                meta.id,
                meta.category.name(),
                meta.severity.name(),
                meta.summary
            ));
        }
    }
    text
}
