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
    // Groups and notes
    /// Opacity of a group region's fill (its colour is the group's own).
    pub group_fill_alpha: u8,
    /// Opacity of a group's label band.
    pub group_band_alpha: u8,
    /// Text of a group's label.
    pub group_label_text: Color,
    /// Sticky-note fill.
    pub note_fill: Color,
    /// Sticky-note outline.
    pub note_stroke: Color,
    /// Sticky-note text.
    pub note_text: Color,
    /// The line from a note to the table it is attached to.
    pub note_connector: Color,
    // Editor chrome
    /// SQL text that is not a keyword, string, number or comment.
    pub sql_plain: Color,
    /// SQL keywords.
    pub sql_keyword: Color,
    /// SQL string literals.
    pub sql_string: Color,
    /// SQL numbers.
    pub sql_number: Color,
    /// SQL comments.
    pub sql_comment: Color,
    /// Problem badges of informational findings.
    pub badge_info: Color,
    /// The count written on a problem badge.
    pub badge_text: Color,
    /// The minimap's background.
    pub minimap_background: Color,
    /// Tables on the minimap.
    pub minimap_table: Color,
    /// Selected tables on the minimap.
    pub minimap_selected: Color,
    /// The frame of the visible area on the minimap.
    pub minimap_viewport: Color,
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
        group_fill_alpha: 0x24,
        group_band_alpha: 0x66,
        group_label_text: Color::rgb(0x1d, 0x24, 0x2c),
        note_fill: Color::rgb(0xff, 0xf3, 0xb0),
        note_stroke: Color::rgb(0xd9, 0xc2, 0x5a),
        note_text: Color::rgb(0x3a, 0x33, 0x12),
        note_connector: Color::rgb(0xb8, 0xa2, 0x3c),
        // Editor chrome
        sql_plain: Color::rgb(0x24, 0x29, 0x2e),
        sql_keyword: Color::rgb(0x00, 0x55, 0xb3),
        sql_string: Color::rgb(0x1a, 0x7f, 0x37),
        sql_number: Color::rgb(0xb3, 0x58, 0x00),
        sql_comment: Color::rgb(0x6a, 0x73, 0x7d),
        badge_info: Color::rgb(70, 130, 200),
        badge_text: Color::rgb(0xff, 0xff, 0xff),
        minimap_background: Color {
            r: 0xff,
            g: 0xff,
            b: 0xff,
            a: 0xe0,
        },
        minimap_table: Color::rgb(0x7f, 0xa8, 0xba),
        minimap_selected: Color::rgb(0xf0, 0x8c, 0x00),
        minimap_viewport: Color::rgb(0x1f, 0x6f, 0x8b),
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
        group_fill_alpha: 0x30,
        group_band_alpha: 0x80,
        group_label_text: Color::rgb(0xf2, 0xf5, 0xf7),
        note_fill: Color::rgb(0x5a, 0x52, 0x2a),
        note_stroke: Color::rgb(0x8a, 0x7d, 0x3a),
        note_text: Color::rgb(0xf5, 0xee, 0xc8),
        note_connector: Color::rgb(0xa8, 0x98, 0x50),
        // Editor chrome
        sql_plain: Color::rgb(0xd4, 0xd4, 0xd4),
        sql_keyword: Color::rgb(0x6c, 0xb6, 0xff),
        sql_string: Color::rgb(0xa5, 0xd6, 0x8a),
        sql_number: Color::rgb(0xf0, 0xb3, 0x6b),
        sql_comment: Color::rgb(0x8a, 0x8f, 0x98),
        badge_info: Color::rgb(70, 130, 200),
        badge_text: Color::rgb(0xff, 0xff, 0xff),
        minimap_background: Color {
            r: 0x12,
            g: 0x14,
            b: 0x18,
            a: 0xe0,
        },
        minimap_table: Color::rgb(0x4f, 0x7f, 0x93),
        minimap_selected: Color::rgb(0xff, 0xa5, 0x2e),
        minimap_viewport: Color::rgb(0xe3, 0xe7, 0xeb),
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

/// Colours offered for groups; a new group takes the next one in turn.
pub const GROUP_COLORS: [Color; 8] = [
    Color::rgb(0x4c, 0x8b, 0xd6),
    Color::rgb(0x3f, 0xa8, 0x7a),
    Color::rgb(0xe0, 0x8a, 0x3c),
    Color::rgb(0x9b, 0x6b, 0xd0),
    Color::rgb(0xd6, 0x5a, 0x7a),
    Color::rgb(0x2f, 0xa8, 0xb8),
    Color::rgb(0xb8, 0xa1, 0x2f),
    Color::rgb(0x7a, 0x86, 0x94),
];

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
