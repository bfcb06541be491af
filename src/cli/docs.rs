//! `schemata docs`: the data dictionary of a project or an SQL file, as HTML or Markdown
//! (chosen by the output's extension). The editor's File → Export documentation… writes
//! through [`write`] too.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::docs::{self, Format, Options};
use crate::model::{Dialect, Document};
use crate::rules::validate;

/// The diagram embedded in the HTML page and written beside a Markdown file.
fn diagram_svg(doc: &Document) -> String {
    crate::render::image::to_svg(doc, &crate::render::image::ImageOptions::default())
}

/// The title of a design read from `path`: its file name without extension.
pub fn title_of(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "schema".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// Writes the dictionary of `doc` to `path` (HTML or Markdown, by its extension), checked
/// and spelled for `dialect`. A Markdown file gets its diagram as an SVG file beside it.
/// Returns the files written, the dictionary first.
pub fn write(
    doc: &Document,
    path: &Path,
    title: &str,
    dialect: Dialect,
) -> anyhow::Result<Vec<PathBuf>> {
    let Some(format) = Format::from_path(path) else {
        anyhow::bail!(
            "{}: the documentation format comes from the extension: use .html or .md",
            path.display()
        );
    };
    let findings = validate(doc, Some(dialect));
    let options = Options {
        title: title.to_owned(),
        dialect,
    };
    let svg = diagram_svg(doc);
    let io = |path: &Path, err: std::io::Error| anyhow::anyhow!("{}: {err}", path.display());
    match format {
        Format::Html => {
            let page = docs::html(doc, &findings, &options, Some(&svg));
            std::fs::write(path, page).map_err(|e| io(path, e))?;
            Ok(vec![path.to_path_buf()])
        }
        Format::Markdown => {
            let image = docs::diagram_path(path);
            let link = image
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = docs::markdown(doc, &findings, &options, Some(&link));
            std::fs::write(path, text).map_err(|e| io(path, e))?;
            std::fs::write(&image, svg).map_err(|e| io(&image, e))?;
            Ok(vec![path.to_path_buf(), image])
        }
    }
}

/// Runs the subcommand: reads the design (an SQL file is imported and laid out), writes the
/// dictionary and names the files written on stderr.
pub fn run(
    file: &Path,
    from: Option<Dialect>,
    to: Option<Dialect>,
    output: &Path,
) -> anyhow::Result<ExitCode> {
    if Format::from_path(output).is_none() {
        anyhow::bail!(
            "{}: the documentation format comes from the extension: use .html or .md",
            output.display()
        );
    }
    let mut doc = super::export::load(file, from, false)?;
    let is_project = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(crate::project::EXTENSION));
    if !is_project {
        // Imported tables have no position yet: lay them out for the diagram.
        crate::layout::place_unplaced(&mut doc);
    }
    let dialect = to.unwrap_or(doc.target);
    let written = write(&doc, output, &title_of(file), dialect)?;
    for path in written {
        eprintln!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
