//! PNG output: the scene rasterised with tiny-skia, texts filled from the outlines of the
//! editor's fonts, encoded with the `image` crate.

use ab_glyph::OutlineCurve;
use tiny_skia::{FillRule, Paint, Path, PathBuilder, Pixmap, Stroke, Transform};

use super::svg::baseline_y;
use super::{ImageError, ImageOptions, MAX_SIDE, image_scene, pixel_size};
use crate::model::{Color, Document};
use crate::render::fonts::{Family, face_for, text_width};
use crate::render::scene::Anchor;
use crate::render::{Point, Primitive, Rect};

/// The diagram as PNG bytes.
pub fn to_png(doc: &Document, options: &ImageOptions) -> Result<Vec<u8>, ImageError> {
    let scale = options.scale;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(ImageError::BadScale(scale));
    }
    let scene = image_scene(doc, options).ok_or(ImageError::Empty)?;
    let area = scene.bounds.ok_or(ImageError::Empty)?;
    let (width, height) = pixel_size(&area, scale);
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(ImageError::TooLarge { width, height });
    }
    let mut pixmap = Pixmap::new(width, height).ok_or(ImageError::TooLarge { width, height })?;
    let transform = Transform::from_row(
        scale,
        0.0,
        0.0,
        scale,
        -area.min.x * scale,
        -area.min.y * scale,
    );
    for primitive in &scene.primitives {
        draw(&mut pixmap, primitive, transform);
    }
    encode(&pixmap)
}

/// Rasterises one shape.
fn draw(pixmap: &mut Pixmap, primitive: &Primitive, transform: Transform) {
    match primitive {
        Primitive::Rect {
            rect,
            radius,
            fill,
            stroke,
        } => {
            if let Some(path) = rounded_rect(rect, *radius) {
                pixmap.fill_path(&path, &paint(*fill), FillRule::Winding, transform, None);
            }
            // The canvas draws outlines inside the rectangle.
            if let Some((width, color)) = stroke {
                let inset = rect.expand(-width / 2.0);
                if let Some(path) = rounded_rect(&inset, (radius - width / 2.0).max(0.0)) {
                    stroke_path(pixmap, &path, *width, *color, transform);
                }
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
            let left = match anchor {
                Anchor::Left => pos.x,
                Anchor::Right => pos.x - text_width(family, *size, text),
            };
            let origin = Point::new(left, baseline_y(family, *pos, *size));
            if let Some(path) = text_path(family, origin, *size, text) {
                pixmap.fill_path(&path, &paint(*color), FillRule::Winding, transform, None);
            }
        }
        Primitive::Circle {
            center,
            radius,
            fill,
            stroke: (width, color),
        } => {
            if let Some(path) = PathBuilder::from_circle(center.x, center.y, *radius) {
                if let Some(fill) = fill {
                    pixmap.fill_path(&path, &paint(*fill), FillRule::Winding, transform, None);
                }
                stroke_path(pixmap, &path, *width, *color, transform);
            }
        }
        Primitive::Line {
            points,
            width,
            color,
        } => {
            let mut builder = PathBuilder::new();
            for (i, p) in points.iter().enumerate() {
                if i == 0 {
                    builder.move_to(p.x, p.y);
                } else {
                    builder.line_to(p.x, p.y);
                }
            }
            if let Some(path) = builder.finish() {
                stroke_path(pixmap, &path, *width, *color, transform);
            }
        }
    }
}

fn paint(color: Color) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(color.r, color.g, color.b, color.a);
    paint.anti_alias = true;
    paint
}

fn stroke_path(pixmap: &mut Pixmap, path: &Path, width: f32, color: Color, transform: Transform) {
    let stroke = Stroke {
        width,
        line_join: tiny_skia::LineJoin::Round,
        line_cap: tiny_skia::LineCap::Round,
        ..Stroke::default()
    };
    pixmap.stroke_path(path, &paint(color), &stroke, transform, None);
}

/// A rectangle with rounded corners (a plain one when the radius is 0).
fn rounded_rect(rect: &Rect, radius: f32) -> Option<Path> {
    let (x0, y0, x1, y1) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let r = radius
        .min(rect.width() / 2.0)
        .min(rect.height() / 2.0)
        .max(0.0);
    if r == 0.0 {
        return tiny_skia::Rect::from_ltrb(x0, y0, x1, y1).map(PathBuilder::from_rect);
    }
    // Control point distance for a quarter circle drawn as one cubic.
    let k = r * 0.552_284_8;
    let mut b = PathBuilder::new();
    b.move_to(x0 + r, y0);
    b.line_to(x1 - r, y0);
    b.cubic_to(x1 - r + k, y0, x1, y0 + r - k, x1, y0 + r);
    b.line_to(x1, y1 - r);
    b.cubic_to(x1, y1 - r + k, x1 - r + k, y1, x1 - r, y1);
    b.line_to(x0 + r, y1);
    b.cubic_to(x0 + r - k, y1, x0, y1 - r + k, x0, y1 - r);
    b.line_to(x0, y0 + r);
    b.cubic_to(x0, y0 + r - k, x0 + r - k, y0, x0 + r, y0);
    b.close();
    b.finish()
}

/// The outlines of a line of text whose baseline starts at `origin`, in world units.
fn text_path(family: Family, origin: Point, size: f32, text: &str) -> Option<Path> {
    let mut b = PathBuilder::new();
    let mut pen = origin.x;
    for c in text.chars() {
        let Some((face, id)) = face_for(family, c) else {
            continue;
        };
        let s = face.scale(size);
        // Font units are y-up; the scene is y-down.
        let at = |p: ab_glyph::Point| (pen + p.x * s, origin.y - p.y * s);
        let mut last: Option<(f32, f32)> = None;
        for curve in face.outline(id) {
            let start = match curve {
                OutlineCurve::Line(p, _)
                | OutlineCurve::Quad(p, _, _)
                | OutlineCurve::Cubic(p, _, _, _) => at(p),
            };
            if last.is_none_or(|l| (l.0 - start.0).abs() > 1e-4 || (l.1 - start.1).abs() > 1e-4) {
                if last.is_some() {
                    b.close();
                }
                b.move_to(start.0, start.1);
            }
            let end = match curve {
                OutlineCurve::Line(_, p) => {
                    let p = at(p);
                    b.line_to(p.0, p.1);
                    p
                }
                OutlineCurve::Quad(_, c, p) => {
                    let (c, p) = (at(c), at(p));
                    b.quad_to(c.0, c.1, p.0, p.1);
                    p
                }
                OutlineCurve::Cubic(_, c1, c2, p) => {
                    let (c1, c2, p) = (at(c1), at(c2), at(p));
                    b.cubic_to(c1.0, c1.1, c2.0, c2.1, p.0, p.1);
                    p
                }
            };
            last = Some(end);
        }
        if last.is_some() {
            b.close();
        }
        pen += face.glyph_advance(id) * s;
    }
    b.finish()
}

/// Encodes the pixels as PNG.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, ImageError> {
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for pixel in pixmap.pixels() {
        let c = pixel.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let image = image::RgbaImage::from_raw(pixmap.width(), pixmap.height(), rgba)
        .ok_or_else(|| ImageError::Encode("pixel buffer of the wrong size".into()))?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(|e| ImageError::Encode(e.to_string()))?;
    Ok(bytes.into_inner())
}
