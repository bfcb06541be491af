//! Documentation export: a data dictionary of a design, as one self-contained HTML page or as
//! GitHub-flavoured Markdown.
//!
//! Both formats say the same things in the same order: the title and a generation note
//! (sizes, dialect), contents grouped by subject area, then per table its columns (type,
//! nullability, default, keys, numbering, comment), primary key, foreign keys with their
//! actions and cardinality, the foreign keys that reference it, unique constraints, indexes
//! and checks; then enum types, domains, sequences, views, notes, and the design-rule
//! problems grouped by table. `dictionary` gathers that once; [`html()`] and [`markdown()`]
//! write it. The diagram is passed in (as SVG text for HTML, as an image path for Markdown),
//! so this module draws nothing itself.

mod anchors;
mod dictionary;
mod escape;
mod html;
mod html_table;
mod markdown;
mod markdown_table;
mod objects;
mod tables;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use crate::model::{Dialect, Document};
use crate::rules::Finding;

pub use anchors::{Slugger, slug};
pub use dictionary::{Dictionary, collect, display_name};

/// What the dictionary is written for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The design's name, shown as the title (usually the file name without extension).
    pub title: String,
    /// The dialect types are spelled in (and the findings were checked for).
    pub dialect: Dialect,
}

/// The two formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML page.
    Html,
    /// GitHub-flavoured Markdown, with the diagram as an image file beside it.
    Markdown,
}

impl Format {
    /// The format a file name asks for: `.html`/`.htm` or `.md`/`.markdown`.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(Self::Html),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    /// The name people read ("HTML", "Markdown").
    pub fn name(self) -> &'static str {
        match self {
            Self::Html => "HTML",
            Self::Markdown => "Markdown",
        }
    }
}

/// The diagram image written beside a Markdown dictionary: the same name with `.svg`.
pub fn diagram_path(markdown: &Path) -> PathBuf {
    markdown.with_extension("svg")
}

/// The HTML dictionary of `doc`. `findings` are the design-rule findings to list
/// (suppressed ones are left out); `diagram_svg`, when given, is embedded as it is.
pub fn html(
    doc: &Document,
    findings: &[Finding],
    options: &Options,
    diagram_svg: Option<&str>,
) -> String {
    let dict = collect(doc, findings, options, diagram_svg.is_some());
    html::render(&dict, diagram_svg)
}

/// The Markdown dictionary of `doc`. `diagram_link`, when given, is the path of the diagram
/// image relative to the Markdown file.
pub fn markdown(
    doc: &Document,
    findings: &[Finding],
    options: &Options,
    diagram_link: Option<&str>,
) -> String {
    let dict = collect(doc, findings, options, diagram_link.is_some());
    markdown::render(&dict, diagram_link)
}
