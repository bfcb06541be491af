//! The command line: `schemata [FILE]` opens the editor; subcommands work without a window.
//!
//! Conventions shared by every subcommand: `--from D` names the dialect of SQL being read,
//! `--to D` the target dialect; dialect names are `postgres`, `mysql`, `sqlite`, `mssql`
//! (aliases such as `postgresql`, `pg`, `mariadb`, `sqlserver` and `tsql` are accepted). Exit
//! codes: 0 success, 1 failure or findings, 2 usage error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod docs;
mod export;
mod layout;
pub mod lint;
mod render;

use crate::model::{Dialect, Document};
use crate::project;

/// Visual database schema designer.
#[derive(Debug, Parser)]
#[command(name = "schemata", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A project file (.schemata) to open in the editor. Without one, the editor opens the
    /// bundled e-commerce sample.
    pub file: Option<PathBuf>,
    /// What to do without opening the editor.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a summary of a project file: tables, columns, keys and other objects.
    Info {
        /// The project file.
        file: PathBuf,
    },
    /// Import SQL DDL (pg_dump, mysqldump, SQLite dumps, migrations) into a project.
    Import {
        /// The SQL file.
        file: PathBuf,
        /// Dialect of the SQL (postgres, mysql, sqlite, mssql); detected when omitted.
        #[arg(long, value_name = "D", value_parser = parse_dialect)]
        from: Option<Dialect>,
        /// Write the imported schema as a project file.
        #[arg(short = 'o', long, value_name = "OUT.schemata")]
        output: Option<PathBuf>,
        /// Write the canonical JSON description of the imported schema.
        #[arg(long, value_name = "OUT.json")]
        json: Option<PathBuf>,
        /// Print only errors and warnings, not notes and the summary.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Write DDL for a target dialect from a project file or SQL (stdout by default;
    /// portability warnings on stderr).
    Export {
        /// A project file (.schemata) or an SQL file.
        file: PathBuf,
        /// Dialect of the SQL being read (postgres, mysql, sqlite, mssql); detected when
        /// omitted. Ignored for project files.
        #[arg(long, value_name = "D", value_parser = parse_dialect)]
        from: Option<Dialect>,
        /// Dialect to write (postgres, mysql, sqlite, mssql); the project's target when
        /// omitted (for SQL: the dialect it was read as).
        #[arg(long, value_name = "D", value_parser = parse_dialect)]
        to: Option<Dialect>,
        /// Write the DDL to this file instead of stdout.
        #[arg(short = 'o', long, value_name = "OUT.sql")]
        output: Option<PathBuf>,
        /// Do not print portability warnings.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Check a project or an SQL file against the design rules (exit 1 when findings at or
    /// above the deny level exist).
    Lint {
        /// A project file (.schemata) or an SQL file; not needed with --list-rules.
        #[arg(required_unless_present = "list_rules")]
        file: Option<PathBuf>,
        /// Dialect of the SQL being read (postgres, mysql, sqlite, mssql); detected when
        /// omitted. Ignored for project files.
        #[arg(long, value_name = "D", value_parser = parse_dialect)]
        from: Option<Dialect>,
        /// Dialect the design is checked for; the project's target when omitted (for SQL:
        /// the dialect it was read as).
        #[arg(long, value_name = "D", value_parser = parse_dialect)]
        to: Option<Dialect>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: lint::Format,
        /// Exit 1 when a finding at or above this severity exists (error, warning, info).
        #[arg(long, value_name = "LEVEL", default_value = "error", value_parser = lint::parse_severity)]
        deny: crate::model::Severity,
        /// Write the report to this file instead of stdout.
        #[arg(short = 'o', long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// List every rule (id, category, severity, on/off by default) instead of linting.
        #[arg(long)]
        list_rules: bool,
    },
    /// Arrange the tables with the layered auto-layout and write a project file (an SQL
    /// file is imported first).
    Layout {
        /// A project file (.schemata) or an SQL file.
        file: PathBuf,
        /// Dialect of the SQL being read (postgres, mysql, sqlite, mssql); detected when
        /// omitted. Ignored for project files.
        #[arg(long, value_name = "D", value_parser = parse_dialect)]
        from: Option<Dialect>,
        /// The project file to write.
        #[arg(short = 'o', long, value_name = "OUT")]
        output: PathBuf,
        /// Keep tables that already have a position; place only the others.
        #[arg(long)]
        keep_placed: bool,
        /// Print overlaps, line crossings and total line length before and after.
        #[arg(long)]
        stats: bool,
    },
    /// Write a data dictionary (HTML or Markdown, by the output's extension) of a project
    /// or an SQL file: tables by subject area, columns, keys, references, problems.
    Docs {
        /// A project file (.schemata) or an SQL file.
        file: PathBuf,
        /// Dialect of the SQL being read (postgres, mysql, sqlite, mssql); detected when
        /// omitted. Ignored for project files.
        #[arg(long, value_name = "D", value_parser = parse_dialect)]
        from: Option<Dialect>,
        /// Dialect types are spelled in and the design rules check for; the project's
        /// target when omitted (for SQL: the dialect it was read as).
        #[arg(long, value_name = "D", value_parser = parse_dialect)]
        to: Option<Dialect>,
        /// The file to write: .html, or .md (its diagram is written beside it as .svg).
        #[arg(short = 'o', long, value_name = "OUT.html|OUT.md")]
        output: PathBuf,
    },
    /// Draw the diagram of a project or an SQL file as a PNG or SVG image (an SQL file is
    /// imported and laid out first); the format follows the output's extension.
    Render {
        /// A project file (.schemata) or an SQL file.
        file: PathBuf,
        /// Dialect of the SQL being read (postgres, mysql, sqlite, mssql); detected when
        /// omitted. Ignored for project files.
        #[arg(long, value_name = "D", value_parser = parse_dialect)]
        from: Option<Dialect>,
        /// The image to write (.png or .svg).
        #[arg(short = 'o', long, value_name = "OUT.png|OUT.svg")]
        output: PathBuf,
        /// Pixels per diagram unit: 1 as on screen at 100 %, 2 for high-density displays.
        #[arg(long, default_value = "1", value_parser = render::parse_scale)]
        scale: f32,
        /// Light or dark palette.
        #[arg(long, value_enum, default_value = "light")]
        theme: render::Theme,
    },
    /// Read a project file and write it back in canonical form (sorted, one column per line).
    Format {
        /// The project file.
        file: PathBuf,
        /// Only check that the file is already in canonical form; exit 1 if not.
        #[arg(long)]
        check: bool,
    },
}

/// Parses a dialect name for `--from` / `--to`.
pub fn parse_dialect(text: &str) -> Result<Dialect, String> {
    text.parse()
        .map_err(|err: crate::model::UnknownDialect| err.to_string())
}

/// Runs the program: parses arguments, then runs a subcommand or the GUI.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("schemata: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Info { file }) => {
            let doc = project::load(&file)?;
            let mut out = std::io::stdout().lock();
            write!(out, "{}", summary(&doc))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Format { file, check }) => {
            let doc = project::load(&file)?;
            let canonical = project::to_text(&doc);
            let current = std::fs::read_to_string(&file)?;
            if canonical == current {
                return Ok(ExitCode::SUCCESS);
            }
            if check {
                eprintln!("{}: not in canonical form", file.display());
                return Ok(ExitCode::FAILURE);
            }
            project::save(&file, &doc)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import {
            file,
            from,
            output,
            json,
            quiet,
        }) => import(&file, from, output.as_deref(), json.as_deref(), quiet),
        Some(Command::Export {
            file,
            from,
            to,
            output,
            quiet,
        }) => export::run(&file, from, to, output.as_deref(), quiet),
        Some(Command::Layout {
            file,
            from,
            output,
            keep_placed,
            stats,
        }) => layout::run(&file, from, &output, keep_placed, stats),
        Some(Command::Docs {
            file,
            from,
            to,
            output,
        }) => docs::run(&file, from, to, &output),
        Some(Command::Render {
            file,
            from,
            output,
            scale,
            theme,
        }) => render::run(&file, from, &output, scale, theme),
        Some(Command::Lint {
            list_rules: true, ..
        }) => {
            std::io::stdout()
                .lock()
                .write_all(lint::rule_list(false).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Lint {
            file: Some(file),
            from,
            to,
            format,
            deny,
            output,
            ..
        }) => lint::run(&file, from, to, format, deny, output.as_deref()),
        Some(Command::Lint { file: None, .. }) => {
            anyhow::bail!("lint needs a file (or --list-rules)")
        }
        None => open_editor(cli.file),
    }
}

fn import(
    file: &std::path::Path,
    from: Option<Dialect>,
    output: Option<&std::path::Path>,
    json: Option<&std::path::Path>,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let crate::sql::decode::Decoded {
        text,
        warning: decoding,
        ..
    } = crate::sql::decode::read_file(file)?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let imported = crate::sql::import_sql(&text, &name, from);
    let mut err = std::io::stderr().lock();
    if let Some(warning) = decoding {
        writeln!(err, "{name}: warning: {warning}")?;
    }
    for diagnostic in &imported.diagnostics {
        if !quiet || diagnostic.severity != crate::sql::Severity::Note {
            writeln!(err, "{diagnostic}")?;
        }
    }
    if !quiet {
        if let Some(reason) = &imported.detected {
            writeln!(
                err,
                "{name}: note: read as {} ({reason})",
                imported.dialect.display_name()
            )?;
        }
        let stats = &imported.stats;
        writeln!(
            err,
            "{name}: {} tables, {} columns, {} foreign keys; {} statements ({} data skipped, {} kept verbatim)",
            imported.doc.tables.len(),
            imported.doc.column_count(),
            imported.doc.foreign_key_count(),
            stats.statements,
            stats.data,
            stats.passthrough
        )?;
    }
    if let Some(path) = json {
        let value = crate::sql::canonical::to_json(&imported.doc, imported.dialect, &name);
        std::fs::write(path, serde_json::to_string_pretty(&value)? + "\n")
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    }
    if let Some(path) = output {
        let mut doc = imported.doc;
        crate::layout::place_unplaced(&mut doc);
        project::save(path, &doc)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "gui")]
fn open_editor(file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    crate::app::run(file)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn open_editor(_file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "this build has no graphical editor (built without the \"gui\" feature); use a subcommand, see --help"
    )
}

/// A short plain-text summary of a document.
pub fn summary(doc: &Document) -> String {
    let mut text = String::new();
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    text.push_str(&format!("target: {}\n", doc.target.display_name()));
    text.push_str(&format!(
        "{}, {}, {}\n",
        count(doc.tables.len(), "table"),
        count(doc.column_count(), "column"),
        count(doc.foreign_key_count(), "foreign key")
    ));
    let others = [
        (doc.namespaces.len(), "schema"),
        (doc.enums.len(), "enum"),
        (doc.domains.len(), "domain"),
        (doc.sequences.len(), "sequence"),
        (doc.views.len(), "view"),
        (doc.groups.len(), "group"),
        (doc.notes.len(), "note"),
        (doc.passthrough.len(), "verbatim statement"),
    ];
    let others: Vec<String> = others
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| count(*n, what))
        .collect();
    if !others.is_empty() {
        text.push_str(&others.join(", "));
        text.push('\n');
    }
    let mut tables: Vec<_> = doc.tables.values().collect();
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    for table in tables {
        let pk = table.primary_key.as_ref().map_or_else(
            || "no primary key".to_owned(),
            |pk| {
                let names: Vec<&str> = pk
                    .columns
                    .iter()
                    .filter_map(|c| table.column(*c).map(|c| c.name.as_str()))
                    .collect();
                format!("primary key ({})", names.join(", "))
            },
        );
        text.push_str(&format!(
            "  {}: {}, {}, {}\n",
            table.name,
            count(table.columns.len(), "column"),
            pk,
            count(table.foreign_keys.len(), "foreign key")
        ));
    }
    text
}
