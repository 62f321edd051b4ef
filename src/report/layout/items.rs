//! What a laid-out page is made of: positioned text, rules, rectangles and circles, with
//! their colours; the pages and the warnings of a layout.

use super::{MARKER, fmt};

/// A colour, each channel 0.0..=1.0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// Black.
    pub const BLACK: Self = Self(0.0, 0.0, 0.0);
    /// White.
    pub const WHITE: Self = Self(1.0, 1.0, 1.0);

    pub(super) const fn grey(v: f32) -> Self {
        Self(v, v, v)
    }
}

/// An outline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub color: Rgb,
    /// Width in points.
    pub width: f32,
}

/// Something placed on a page. Text is always black.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One line of text.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline, from the top of the page.
        y: f32,
        /// Font size in points.
        size: f32,
        /// Bold face.
        bold: bool,
        /// The text; every character has a glyph in the font.
        text: String,
    },
    /// A rectangle.
    Rect {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill.
        fill: Option<Rgb>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// A straight line.
    Line {
        /// Start.
        x1: f32,
        /// Start.
        y1: f32,
        /// End.
        x2: f32,
        /// End.
        y2: f32,
        /// How it is drawn.
        stroke: Stroke,
    },
    /// A circle.
    Circle {
        /// Centre.
        cx: f32,
        /// Centre.
        cy: f32,
        /// Radius.
        r: f32,
        /// Fill.
        fill: Option<Rgb>,
        /// Outline.
        stroke: Option<Stroke>,
    },
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// What is on it, in painting order.
    pub items: Vec<Item>,
}

/// Something the reader of the PDF should know about its making.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The font has no glyph for these characters; each is printed as [`MARKER`].
    MissingGlyphs {
        /// The characters, with how often each occurs.
        chars: Vec<(char, usize)>,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingGlyphs { chars } => {
                let total: usize = chars.iter().map(|(_, n)| n).sum();
                let list: Vec<String> = chars
                    .iter()
                    .take(12)
                    .map(|(c, n)| format!("U+{:04X} ({n}×)", u32::from(*c)))
                    .collect();
                let more = if chars.len() > 12 {
                    format!(" and {} more", chars.len() - 12)
                } else {
                    String::new()
                };
                write!(
                    f,
                    "the report font has no glyph for {} character(s) ({total} occurrence(s): {}{more}); \
                     they are printed as {MARKER}",
                    chars.len(),
                    list.join(", ")
                )
            }
        }
    }
}

/// The laid-out report.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The pages, header and footer included.
    pub pages: Vec<Page>,
    /// What went less than perfectly.
    pub warnings: Vec<Warning>,
}
