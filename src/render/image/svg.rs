//! SVG output: shapes as SVG elements, texts kept as `<text>` in the editor's fonts, each
//! table wrapped in a `<g class="table">` named after it.

use std::fmt::Write as _;

use super::{ImageOptions, image_scene, pixel_size};
use crate::model::{Color, Document};
use crate::render::fonts::{Family, face};
use crate::render::scene::Anchor;
use crate::render::{Point, Primitive, Scene};

/// Font stack for monospace text: Hack as on the canvas, then common monospace fonts.
const MONOSPACE: &str = "Hack, 'DejaVu Sans Mono', Menlo, Consolas, monospace";
/// Font stack for proportional text: Ubuntu Light as on the canvas.
const PROPORTIONAL: &str = "'Ubuntu Light', Ubuntu, 'Segoe UI', Helvetica, Arial, sans-serif";

/// The diagram as an SVG document. An empty diagram gives an empty (but valid) SVG.
pub fn to_svg(doc: &Document, options: &ImageOptions) -> String {
    match image_scene(doc, options) {
        Some(scene) => scene_svg(doc, &scene, options.scale),
        None => "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\"/>\n".into(),
    }
}

/// Writes a scene whose `bounds` is the picture's area.
fn scene_svg(doc: &Document, scene: &Scene, scale: f32) -> String {
    let Some(area) = scene.bounds else {
        return String::new();
    };
    let (width, height) = pixel_size(&area, scale);
    let mut out = String::with_capacity(scene.primitives.len() * 120);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xml:space=\"preserve\" width=\"{width}\" \
         height=\"{height}\" viewBox=\"{} {} {} {}\">",
        num(area.min.x),
        num(area.min.y),
        num(area.width()),
        num(area.height())
    );
    let mut tables = scene.tables.iter().zip(&scene.table_primitives).peekable();
    let mut open: Option<usize> = None;
    for (index, primitive) in scene.primitives.iter().enumerate() {
        if open.is_some_and(|end| index >= end) {
            out.push_str("</g>\n");
            open = None;
        }
        while let Some(((id, _), range)) = tables.peek() {
            if range.start > index {
                break;
            }
            let (id, range) = (*id, (*range).clone());
            tables.next();
            if range.is_empty() {
                continue;
            }
            let name = doc
                .tables
                .get(&id)
                .map(|t| escape(&t.name.to_string()))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<g class=\"table\" data-table=\"{name}\"><title>{name}</title>"
            );
            open = Some(range.end);
        }
        primitive_svg(&mut out, primitive);
    }
    if open.is_some() {
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// Writes one shape.
fn primitive_svg(out: &mut String, primitive: &Primitive) {
    match primitive {
        Primitive::Rect {
            rect,
            radius,
            fill,
            stroke,
        } => {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                num(rect.min.x),
                num(rect.min.y),
                num(rect.width()),
                num(rect.height())
            );
            if *radius > 0.0 {
                let _ = write!(out, " rx=\"{}\"", num(*radius));
            }
            paint(out, "fill", *fill);
            out.push_str("/>\n");
            // The canvas draws outlines inside the rectangle.
            if let Some((width, color)) = stroke {
                let inset = rect.expand(-width / 2.0);
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"none\" \
                     stroke-width=\"{}\"",
                    num(inset.min.x),
                    num(inset.min.y),
                    num(inset.width()),
                    num(inset.height()),
                    num((radius - width / 2.0).max(0.0)),
                    num(*width)
                );
                paint(out, "stroke", *color);
                out.push_str("/>\n");
            }
        }
        Primitive::Text {
            pos,
            text,
            size,
            style,
            anchor,
            color,
        } => {
            let family = Family::of(*style);
            let baseline = baseline_y(family, *pos, *size);
            let (fonts, anchor) = (
                match family {
                    Family::Monospace => MONOSPACE,
                    Family::Proportional => PROPORTIONAL,
                },
                match anchor {
                    Anchor::Left => "start",
                    Anchor::Right => "end",
                },
            );
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-family=\"{fonts}\" font-size=\"{}\" \
                 text-anchor=\"{anchor}\"",
                num(pos.x),
                num(baseline),
                num(*size)
            );
            if family == Family::Proportional {
                out.push_str(" font-weight=\"300\"");
            }
            paint(out, "fill", *color);
            let _ = writeln!(out, ">{}</text>", escape(text));
        }
        Primitive::Circle {
            center,
            radius,
            fill,
            stroke: (width, color),
        } => {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" stroke-width=\"{}\"",
                num(center.x),
                num(center.y),
                num(*radius),
                num(*width)
            );
            match fill {
                Some(fill) => paint(out, "fill", *fill),
                None => out.push_str(" fill=\"none\""),
            }
            paint(out, "stroke", *color);
            out.push_str("/>\n");
        }
        Primitive::Line {
            points,
            width,
            color,
        } => {
            out.push_str("<polyline points=\"");
            for (i, p) in points.iter().enumerate() {
                let sep = if i == 0 { "" } else { " " };
                let _ = write!(out, "{sep}{},{}", num(p.x), num(p.y));
            }
            let _ = write!(
                out,
                "\" fill=\"none\" stroke-width=\"{}\" stroke-linejoin=\"round\" \
                 stroke-linecap=\"round\"",
                num(*width)
            );
            paint(out, "stroke", *color);
            out.push_str("/>\n");
        }
    }
}

/// The baseline of a text vertically centred at `pos`, as egui lays out one line.
pub(crate) fn baseline_y(family: Family, pos: Point, size: f32) -> f32 {
    match face(family) {
        Some(face) => pos.y - face.line_height(size) / 2.0 + face.ascent(size),
        None => pos.y + size * 0.35,
    }
}

/// Writes a colour attribute, with its opacity when not opaque.
fn paint(out: &mut String, attribute: &str, color: Color) {
    let _ = write!(
        out,
        " {attribute}=\"#{:02x}{:02x}{:02x}\"",
        color.r, color.g, color.b
    );
    if color.a < 255 {
        let _ = write!(
            out,
            " {attribute}-opacity=\"{}\"",
            num(f32::from(color.a) / 255.0)
        );
    }
}

/// A number with at most two decimals and no trailing zeros.
fn num(v: f32) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// Escapes text for XML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
