//! The editor's fonts (Hack for monospace text, Ubuntu Light for proportional text), built
//! into the program so table sizes and exported images use the same advances as the screen.

use std::sync::OnceLock;

use ab_glyph::{Font as _, FontRef, GlyphId, OutlineCurve};

use super::scene::TextStyle;

/// Hack Regular, the canvas's monospace font.
const HACK: &[u8] = include_bytes!("../../assets/fonts/Hack-Regular.ttf");
/// Ubuntu Light, the canvas's proportional font.
const UBUNTU_LIGHT: &[u8] = include_bytes!("../../assets/fonts/Ubuntu-Light.ttf");

/// Which of the two fonts a text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Hack.
    Monospace,
    /// Ubuntu Light.
    Proportional,
}

impl Family {
    /// The font a text style is drawn with on the canvas.
    pub fn of(style: TextStyle) -> Self {
        match style {
            TextStyle::Header => Self::Proportional,
            TextStyle::Body | TextStyle::Marker => Self::Monospace,
        }
    }
}

/// One loaded font with the advances of ASCII characters looked up once.
pub(crate) struct Face {
    font: FontRef<'static>,
    units_per_em: f32,
    ascii: [f32; 128],
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Self> {
        let font = FontRef::try_from_slice(data).ok()?;
        let units_per_em = font.units_per_em()?;
        let mut ascii = [0.0; 128];
        for (c, advance) in (0u8..128).zip(ascii.iter_mut()) {
            *advance = font.h_advance_unscaled(font.glyph_id(char::from(c)));
        }
        Some(Self {
            font,
            units_per_em,
            ascii,
        })
    }

    /// The glyph for `c`, if the font has one.
    pub(crate) fn glyph(&self, c: char) -> Option<GlyphId> {
        let id = self.font.glyph_id(c);
        (id.0 != 0).then_some(id)
    }

    /// Advance of `c` in font units (0 when the font lacks it).
    fn advance_unscaled(&self, c: char) -> f32 {
        match self.ascii.get(c as usize) {
            Some(advance) => *advance,
            None => self
                .glyph(c)
                .map_or(0.0, |id| self.font.h_advance_unscaled(id)),
        }
    }

    /// Font units to world units at `size`.
    pub(crate) fn scale(&self, size: f32) -> f32 {
        size / self.units_per_em
    }

    /// Distance from the top of a line to its baseline at `size`, as egui lays out a line.
    pub(crate) fn ascent(&self, size: f32) -> f32 {
        self.font.ascent_unscaled() * self.scale(size)
    }

    /// Height of one line at `size` (ascent, descent and line gap), as egui lays out a line.
    pub(crate) fn line_height(&self, size: f32) -> f32 {
        (self.font.ascent_unscaled() - self.font.descent_unscaled() + self.font.line_gap_unscaled())
            * self.scale(size)
    }

    /// The outline of a glyph in font units (y up), as curves.
    pub(crate) fn outline(&self, id: GlyphId) -> Vec<OutlineCurve> {
        self.font.outline(id).map(|o| o.curves).unwrap_or_default()
    }

    /// Advance of a glyph in font units.
    pub(crate) fn glyph_advance(&self, id: GlyphId) -> f32 {
        self.font.h_advance_unscaled(id)
    }
}

fn faces() -> &'static (Option<Face>, Option<Face>) {
    static FACES: OnceLock<(Option<Face>, Option<Face>)> = OnceLock::new();
    FACES.get_or_init(|| (Face::load(HACK), Face::load(UBUNTU_LIGHT)))
}

/// The loaded font of a family (`None` only if the built-in font data were unreadable).
pub(crate) fn face(family: Family) -> Option<&'static Face> {
    let (mono, proportional) = faces();
    match family {
        Family::Monospace => mono.as_ref(),
        Family::Proportional => proportional.as_ref(),
    }
}

/// The font that draws `c` in `family`: monospace text falls back to the proportional font
/// for characters Hack lacks, as on the canvas.
pub(crate) fn face_for(family: Family, c: char) -> Option<(&'static Face, GlyphId)> {
    let first = face(family)?;
    if let Some(id) = first.glyph(c) {
        return Some((first, id));
    }
    let fallback = face(Family::Proportional)?;
    match fallback.glyph(c) {
        Some(id) => Some((fallback, id)),
        None => Some((first, GlyphId(0))),
    }
}

/// Width of `text` set in `family` at `size`, in world units.
pub fn text_width(family: Family, size: f32, text: &str) -> f32 {
    let Some(primary) = face(family) else {
        return 0.6 * size * text.chars().count() as f32;
    };
    let fallback = face(Family::Proportional);
    let mut width = 0.0;
    for c in text.chars() {
        let advance = if c.is_ascii() || primary.glyph(c).is_some() {
            primary.advance_unscaled(c) * primary.scale(size)
        } else {
            fallback.map_or(0.0, |f| f.advance_unscaled(c) * f.scale(size))
        };
        width += advance;
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monospace_advances_are_equal_and_near_the_old_estimate() {
        let a = text_width(Family::Monospace, 12.0, "iiii");
        let b = text_width(Family::Monospace, 12.0, "WWWW");
        assert!((a - b).abs() < 1e-3);
        assert!((a / 4.0 - 7.2).abs() < 0.3, "{a}");
    }

    #[test]
    fn proportional_text_varies_and_scales_with_size() {
        let narrow = text_width(Family::Proportional, 13.0, "iiii");
        let wide = text_width(Family::Proportional, 13.0, "WWWW");
        assert!(narrow < wide);
        let double = text_width(Family::Proportional, 26.0, "WWWW");
        assert!((double - 2.0 * wide).abs() < 1e-3);
    }

    #[test]
    fn characters_missing_from_hack_fall_back() {
        assert!(face_for(Family::Monospace, 'a').is_some());
        assert!(text_width(Family::Monospace, 12.0, "") == 0.0);
    }
}
