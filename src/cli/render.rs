//! `schemata render`: the diagram of a project (or an SQL file) as a PNG or SVG image.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::layout::{auto_layout, place_unplaced};
use crate::model::Dialect;
use crate::render::image::{ImageOptions, to_png, to_svg};

/// Palette of the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Theme {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

/// Image format, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Png,
    Svg,
}

fn format_of(output: &Path) -> anyhow::Result<Format> {
    let extension = output
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("png") => Ok(Format::Png),
        Some("svg") => Ok(Format::Svg),
        _ => anyhow::bail!("{}: the output must end in .png or .svg", output.display()),
    }
}

/// Parses `--scale`: a positive number such as 1 or 2.
pub fn parse_scale(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(scale) if scale.is_finite() && scale > 0.0 && scale <= 16.0 => Ok(scale),
        _ => Err(format!(
            "'{text}' is not a scale; use a positive number up to 16 such as 1 or 2"
        )),
    }
}

/// Runs the subcommand. An SQL file is imported and laid out first; tables of a project
/// that have no position yet are placed.
pub fn run(
    file: &Path,
    from: Option<Dialect>,
    output: &Path,
    scale: f32,
    theme: Theme,
) -> anyhow::Result<ExitCode> {
    let format = format_of(output)?;
    let is_project = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("schemata"));
    let mut doc = super::export::load(file, from, false)?;
    if is_project {
        place_unplaced(&mut doc);
    } else {
        for (id, position) in auto_layout(&doc, None) {
            if let Some(table) = doc.tables.get_mut(&id) {
                Arc::make_mut(table).position = position;
            }
        }
    }
    if doc.tables.is_empty() {
        anyhow::bail!("{}: no tables to draw", file.display());
    }
    let options = ImageOptions {
        scale,
        dark: theme == Theme::Dark,
        only: None,
    };
    let bytes = match format {
        Format::Png => to_png(&doc, &options)?,
        Format::Svg => to_svg(&doc, &options).into_bytes(),
    };
    std::fs::write(output, bytes).map_err(|e| anyhow::anyhow!("{}: {e}", output.display()))?;
    Ok(ExitCode::SUCCESS)
}
