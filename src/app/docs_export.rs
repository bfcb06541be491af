//! File → Export documentation…: the data dictionary of the design as HTML or Markdown, the
//! format chosen by the extension picked in the save dialog.

use std::path::{Path, PathBuf};

use super::{Dialog, SchemataApp};
use crate::cli::docs::{title_of, write};
use crate::docs::Format;

/// Asks where to write the documentation; a name without extension becomes `.html`.
fn pick_destination(suggested: &str) -> Option<PathBuf> {
    let path = rfd::FileDialog::new()
        .set_title("Export documentation")
        .add_filter("HTML page", &["html", "htm"])
        .add_filter("Markdown", &["md", "markdown"])
        .set_file_name(suggested)
        .save_file()?;
    Some(if path.extension().is_none() {
        path.with_extension("html")
    } else {
        path
    })
}

impl SchemataApp {
    /// The design's name for the documentation's title: the project file's, or the name
    /// shown for an unsaved design.
    fn docs_title(&self) -> String {
        title_of(
            self.path
                .as_deref()
                .unwrap_or_else(|| Path::new(&self.untitled_name)),
        )
    }

    /// Asks for a file and writes the documentation there.
    pub fn start_docs_export(&mut self) {
        let suggested = format!("{}.html", self.docs_title());
        if let Some(path) = pick_destination(&suggested) {
            self.export_docs_to(&path);
        }
    }

    /// Writes the documentation to `path` (HTML or Markdown by its extension, types and
    /// rules for the design's target); reports the outcome in the status bar, or in an error
    /// dialog when the format is unknown or a file cannot be written.
    pub fn export_docs_to(&mut self, path: &Path) {
        let title = self.docs_title();
        let doc = self.history.doc();
        match write(doc, path, &title, doc.target) {
            Ok(written) => {
                let format = Format::from_path(path).map_or("", Format::name);
                let names: Vec<String> = written
                    .iter()
                    .map(|p| super::files::display_name(p))
                    .collect();
                self.status = format!("Wrote {format} documentation: {}", names.join(", "));
            }
            Err(err) => {
                self.dialog = Some(Dialog::Error {
                    title: format!("Could not export documentation to {}", path.display()),
                    message: format!("{err:#}"),
                });
            }
        }
    }
}
