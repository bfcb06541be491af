//! `schemata export`: DDL for a target dialect from a project file or an SQL file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::model::{Dialect, Document};
use crate::project;
use crate::sql::{Severity, export, import_sql};

/// Reads `file` (a project, or SQL in `from` / a detected dialect) as a document.
pub fn load(file: &Path, from: Option<Dialect>, quiet: bool) -> anyhow::Result<Document> {
    let is_project = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("schemata"));
    if is_project {
        return Ok(project::load(file)?);
    }
    let decoded = crate::sql::decode::read_file(file)?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let imported = import_sql(&decoded.text, &name, from);
    if !quiet {
        let mut err = std::io::stderr().lock();
        for diagnostic in &imported.diagnostics {
            if diagnostic.severity == Severity::Error {
                writeln!(err, "{diagnostic}")?;
            }
        }
    }
    Ok(imported.doc)
}

/// Runs the subcommand: exit 0 with or without warnings, 1 when nothing can be exported.
pub fn run(
    file: &Path,
    from: Option<Dialect>,
    to: Option<Dialect>,
    output: Option<&Path>,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let doc = load(file, from, quiet)?;
    if doc.tables.is_empty() && doc.views.is_empty() && doc.enums.is_empty() {
        anyhow::bail!("{}: no tables, views or types to export", file.display());
    }
    let exported = export::export(&doc, to.unwrap_or(doc.target));
    if !quiet {
        let mut err = std::io::stderr().lock();
        for warning in &exported.warnings {
            writeln!(err, "warning: {warning}")?;
        }
    }
    match output {
        Some(path) => std::fs::write(path, &exported.sql)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?,
        None => std::io::stdout()
            .lock()
            .write_all(exported.sql.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
