//! Project files (`*.schemata`): a versioned RON format, deterministic output and atomic saves.
//!
//! The on-disk structs ([`format`]) are separate from the model; [`to_file`] and
//! [`from_file`] convert between them. Older format versions are migrated on load; files from
//! a newer version are refused with a clear message.

pub mod format;
mod from_file;
mod from_file_tables;
mod io;
pub mod lint_file;
mod to_file;
mod v1;

pub use format::CURRENT_VERSION;
pub use from_file::from_file;
pub use io::{load, save, write_atomic};
pub use to_file::to_file;

use crate::model::Document;

/// The file extension of project files, without the dot.
pub const EXTENSION: &str = "schemata";

/// Why a project could not be read or written, in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    /// Reading or writing the file failed.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The text is not valid RON, or not shaped like a project.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected or found.
        message: String,
    },
    /// The file is not a project file at all.
    #[error("{0}")]
    NotAProject(String),
    /// The file was written by a newer version of the product.
    #[error(
        "this project was saved in format version {found}, which is newer than this version of Schemata understands (up to {supported}); please update Schemata to open it"
    )]
    NewerVersion {
        /// The file's format version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file is well-formed but its contents contradict each other.
    #[error("{0}")]
    Invalid(String),
}

#[derive(serde::Deserialize)]
struct Header {
    format_version: Option<u32>,
}

fn syntax(err: &ron::error::SpannedError) -> ProjectError {
    ProjectError::Syntax {
        line: err.span.start.line,
        column: err.span.start.col,
        message: err.code.to_string(),
    }
}

/// Serializes a document as project-file text. The same document always gives the same
/// bytes; each column, key and index sits on one line, so small changes give small diffs.
pub fn to_text(doc: &Document) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("  ")
        .struct_names(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
        .escape_strings(false);
    let file = to_file(doc);
    match ron::ser::to_string_pretty(&file, config) {
        Ok(text) => format!("{text}\n"),
        // Serializing plain structs of strings and numbers cannot fail; keep a readable
        // fallback rather than a panic.
        Err(err) => format!("// could not serialize project: {err}\n"),
    }
}

/// Parses project-file text of any supported version into a document.
pub fn from_text(text: &str) -> Result<Document, ProjectError> {
    if text.trim().is_empty() {
        return Err(ProjectError::NotAProject(
            "the file is empty; a Schemata project starts with \"(format_version: ...\"".into(),
        ));
    }
    if text.contains('\0') {
        return Err(ProjectError::NotAProject(
            "this is not a Schemata project: the file contains binary data".into(),
        ));
    }
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let header: Header = options.from_str(text).map_err(|err| {
        let mut error = syntax(&err);
        if let ProjectError::Syntax { message, .. } = &mut error {
            *message = format!("this is not a readable Schemata project ({message})");
        }
        error
    })?;
    let Some(version) = header.format_version else {
        return Err(ProjectError::NotAProject(
            "this is not a Schemata project: it has no format_version".into(),
        ));
    };
    let file = match version {
        v if v > CURRENT_VERSION => {
            return Err(ProjectError::NewerVersion {
                found: v,
                supported: CURRENT_VERSION,
            });
        }
        0 => {
            return Err(ProjectError::NotAProject(
                "format_version 0 does not exist; the first version is 1".into(),
            ));
        }
        1 => v1::migrate(options.from_str(text).map_err(|e| syntax(&e))?),
        _ => options.from_str(text).map_err(|e| syntax(&e))?,
    };
    from_file(file)
}

#[cfg(test)]
mod tests;
