//! A lint report: findings with their source locations, ready to print as text or JSON or
//! to convert to SARIF.

use serde_json::{Value, json};

use crate::model::{Dialect, Document, Severity};

use super::context::subject_label;
use super::{Finding, Subject};

/// One reported problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    /// Rule id (`import` for problems found while reading SQL).
    pub rule: String,
    /// Severity.
    pub severity: Severity,
    /// The rule's category name.
    pub category: String,
    /// The object (`orders.total`); empty for the whole file.
    pub object: String,
    /// What is wrong.
    pub message: String,
    /// What the quick fix would do, when there is one.
    pub fix: Option<String>,
    /// 1-based line and column in the linted file, when known.
    pub location: Option<(u32, u32)>,
}

/// Everything found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The file as the user named it.
    pub file: String,
    /// The dialect checked against.
    pub dialect: Dialect,
    /// Problems, most serious first.
    pub items: Vec<Reported>,
}

impl Report {
    /// A report from validator findings. `locate` finds the line and column of a subject
    /// in the linted file (for SQL, from the model's source locations; for project files, by
    /// looking the name up in the file's text).
    pub fn new(
        file: &str,
        doc: &Document,
        dialect: Dialect,
        findings: &[Finding],
        locate: &dyn Fn(Subject) -> Option<(u32, u32)>,
    ) -> Self {
        let items = findings
            .iter()
            .filter(|f| f.suppressed.is_none())
            .map(|f| Reported {
                rule: f.rule.to_owned(),
                severity: f.severity,
                category: super::rule(f.rule)
                    .map_or("", |r| r.meta().category.name())
                    .to_owned(),
                object: subject_label(doc, dialect, f.subject),
                message: f.message.clone(),
                fix: f.fix.as_ref().map(|fix| fix.label.clone()),
                location: locate(f.subject),
            })
            .collect();
        Self {
            file: file.to_owned(),
            dialect,
            items,
        }
    }

    /// Number of problems at or above `level`.
    pub fn count_at_least(&self, level: Severity) -> usize {
        self.items
            .iter()
            .filter(|r| r.severity.at_least(level))
            .count()
    }

    /// Counts by severity: errors, warnings, infos.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |s: Severity| self.items.iter().filter(|r| r.severity == s).count();
        (
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        )
    }

    /// Human-readable lines: `file:line:col: severity[rule]: message`, then a summary.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for item in &self.items {
            let place = match item.location {
                Some((line, column)) => format!("{}:{line}:{column}", self.file),
                None => self.file.clone(),
            };
            text.push_str(&format!(
                "{place}: {}[{}]: {}\n",
                item.severity, item.rule, item.message
            ));
            if let Some(fix) = &item.fix {
                text.push_str(&format!("    fix: {fix}\n"));
            }
        }
        let (errors, warnings, infos) = self.counts();
        text.push_str(&format!(
            "{}: {errors} error(s), {warnings} warning(s), {infos} info(s) ({})\n",
            self.file,
            self.dialect.display_name()
        ));
        text
    }

    /// A JSON document with every problem and the counts.
    pub fn to_json(&self) -> Value {
        let (errors, warnings, infos) = self.counts();
        let items: Vec<Value> = self
            .items
            .iter()
            .map(|item| {
                json!({
                    "rule": item.rule,
                    "severity": item.severity.name(),
                    "category": item.category,
                    "object": item.object,
                    "message": item.message,
                    "fix": item.fix,
                    "line": item.location.map(|l| l.0),
                    "column": item.location.map(|l| l.1),
                })
            })
            .collect();
        json!({
            "file": self.file,
            "dialect": self.dialect.name(),
            "counts": {"error": errors, "warning": warnings, "info": infos},
            "findings": items,
        })
    }
}

/// Finds the line of a table (and optionally one of its columns) in a project file's text,
/// as written by the project writer (`name: "orders",` then `(name: "total", ...`).
pub fn locate_in_project(
    text: &str,
    table: &crate::model::QualifiedName,
    column: Option<&str>,
) -> Option<u32> {
    let plain = format!("name: \"{}\",", table.name);
    let qualified = table
        .schema
        .as_ref()
        .map(|s| format!("name: (\"{s}\", \"{}\"),", table.name));
    let tables_start = text.find("\n  tables: [")?;
    let mut table_line = None;
    for (index, line) in text.lines().enumerate() {
        let offset = line.as_ptr() as usize - text.as_ptr() as usize;
        if offset < tables_start {
            continue;
        }
        let trimmed = line.trim();
        let matches = match &qualified {
            Some(q) => trimmed == q,
            None => trimmed == plain,
        };
        if table_line.is_none() && matches {
            table_line = Some(index);
            if column.is_none() {
                break;
            }
        } else if let (Some(_), Some(column)) = (table_line, column) {
            if trimmed.starts_with(&format!("(name: \"{column}\",")) {
                return u32::try_from(index + 1).ok();
            }
            if trimmed == "(" || trimmed.starts_with("name: ") {
                break;
            }
        }
    }
    table_line.and_then(|i| u32::try_from(i + 1).ok())
}

/// The import diagnostics of an SQL file as reported problems (rule `import`).
pub fn import_problems(diagnostics: &[crate::sql::Diagnostic]) -> Vec<Reported> {
    diagnostics
        .iter()
        .map(|d| Reported {
            rule: "import".to_owned(),
            severity: match d.severity {
                crate::sql::Severity::Error => Severity::Error,
                crate::sql::Severity::Warning => Severity::Warning,
                crate::sql::Severity::Note => Severity::Info,
            },
            category: "import".to_owned(),
            object: String::new(),
            message: d.message.clone(),
            fix: None,
            location: Some((d.line, d.column)),
        })
        .collect()
}
