//! Diagram colours. The only place colours are chosen; the canvas and exports read them here.

use crate::model::Color;

/// The colours of a diagram.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Canvas background.
    pub background: Color,
    /// Grid dots.
    pub grid: Color,
    /// Table body fill.
    pub table_fill: Color,
    /// Table header fill.
    pub header_fill: Color,
    /// Table header text.
    pub header_text: Color,
    /// Table outline.
    pub table_stroke: Color,
    /// Outline of a selected table.
    pub selection: Color,
    /// Column name text.
    pub text: Color,
    /// Column type text.
    pub muted_text: Color,
    /// Primary-key marker.
    pub primary_key: Color,
    /// Foreign-key marker.
    pub foreign_key: Color,
    /// Relationship lines.
    pub relationship: Color,
    // Relationships
    /// A highlighted (hovered or selected) relationship line.
    pub relationship_highlight: Color,
    /// The band behind the rows of a highlighted relationship's columns.
    pub row_highlight: Color,
}

impl Palette {
    /// Colours for a light background.
    pub const LIGHT: Self = Self {
        background: Color::rgb(0xf6, 0xf7, 0xf9),
        grid: Color::rgb(0xd9, 0xdd, 0xe3),
        table_fill: Color::rgb(0xff, 0xff, 0xff),
        header_fill: Color::rgb(0x1f, 0x6f, 0x8b),
        header_text: Color::rgb(0xff, 0xff, 0xff),
        table_stroke: Color::rgb(0xb8, 0xc0, 0xcc),
        selection: Color::rgb(0xf0, 0x8c, 0x00),
        text: Color::rgb(0x1d, 0x24, 0x2c),
        muted_text: Color::rgb(0x6b, 0x75, 0x80),
        primary_key: Color::rgb(0xc7, 0x8a, 0x00),
        foreign_key: Color::rgb(0x2f, 0x7d, 0xd1),
        relationship: Color::rgb(0x7a, 0x86, 0x94),
        relationship_highlight: Color::rgb(0xe0, 0x6c, 0x00),
        row_highlight: Color::rgb(0xfd, 0xe9, 0xc8),
    };

    /// Colours for a dark background.
    pub const DARK: Self = Self {
        background: Color::rgb(0x1b, 0x1e, 0x23),
        grid: Color::rgb(0x2c, 0x31, 0x38),
        table_fill: Color::rgb(0x26, 0x2b, 0x32),
        header_fill: Color::rgb(0x1d, 0x5c, 0x73),
        header_text: Color::rgb(0xf2, 0xf5, 0xf7),
        table_stroke: Color::rgb(0x3d, 0x45, 0x4f),
        selection: Color::rgb(0xff, 0xa5, 0x2e),
        text: Color::rgb(0xe3, 0xe7, 0xeb),
        muted_text: Color::rgb(0x93, 0x9d, 0xa8),
        primary_key: Color::rgb(0xe8, 0xb3, 0x3a),
        foreign_key: Color::rgb(0x6c, 0xaa, 0xf0),
        relationship: Color::rgb(0x86, 0x92, 0xa0),
        relationship_highlight: Color::rgb(0xff, 0xa5, 0x2e),
        row_highlight: Color::rgb(0x5a, 0x43, 0x1f),
    };

    /// How far [`Palette::faded`] moves colours towards the background.
    const FADE: f32 = 0.75;

    /// The palette for things outside the focus: every colour moved most of the way towards
    /// the background (still opaque, so faded tables hide the lines behind them).
    #[must_use]
    pub fn faded(&self) -> Self {
        let to = self.background;
        let mix = |c: Color| {
            let blend = |a: u8, b: u8| {
                (f32::from(a) + (f32::from(b) - f32::from(a)) * Self::FADE).round() as u8
            };
            Color {
                r: blend(c.r, to.r),
                g: blend(c.g, to.g),
                b: blend(c.b, to.b),
                a: c.a,
            }
        };
        Self {
            table_fill: mix(self.table_fill),
            header_fill: mix(self.header_fill),
            header_text: mix(self.header_text),
            table_stroke: mix(self.table_stroke),
            text: mix(self.text),
            muted_text: mix(self.muted_text),
            primary_key: mix(self.primary_key),
            foreign_key: mix(self.foreign_key),
            relationship: mix(self.relationship),
            row_highlight: mix(self.row_highlight),
            ..*self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Palette;

    #[test]
    fn faded_colours_lie_between_the_colour_and_the_background() {
        for palette in [Palette::LIGHT, Palette::DARK] {
            let faded = palette.faded();
            let distance = |a: crate::model::Color, b: crate::model::Color| {
                (i32::from(a.r) - i32::from(b.r)).abs()
                    + (i32::from(a.g) - i32::from(b.g)).abs()
                    + (i32::from(a.b) - i32::from(b.b)).abs()
            };
            let bg = palette.background;
            assert!(distance(faded.header_fill, bg) < distance(palette.header_fill, bg));
            assert!(distance(faded.text, bg) < distance(palette.text, bg));
            assert_eq!(faded.background, bg);
            assert_eq!(faded.text.a, 255);
        }
    }
}
