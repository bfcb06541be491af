//! Import diagnostics: what could not be read, or was read with a caveat.

use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something in the file could not be used.
    Error,
    /// Read, but differently from how it is written, or incompletely.
    Warning,
    /// For information: how something was read.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Note => "note",
        })
    }
}

/// One finding about the imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The file it is about.
    pub file: String,
    /// 1-based line of the statement (or of the detail, when known).
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// The statement's text (cut after a few thousand characters), for context.
    pub statement: String,
    /// What happened, in words a user understands.
    pub message: String,
}

impl Diagnostic {
    /// The first line of the statement, shortened for a list.
    pub fn statement_first_line(&self) -> String {
        let line = self.statement.lines().next().unwrap_or("").trim();
        if line.chars().count() > 100 {
            format!("{}…", line.chars().take(100).collect::<String>())
        } else {
            line.to_owned()
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, self.severity, self.message
        )
    }
}
