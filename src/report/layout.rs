//! Breaks a [`ReportDocument`] into A4 pages of positioned text lines, rules and shapes.
//!
//! Text is measured with `ttf-parser` on the same DejaVu fonts that the PDF embeds, and wrapped
//! greedily by glyph advance widths. printpdf sets glyphs at their advance widths without kerning,
//! so the measured widths are exactly the printed ones.
//!
//! Page rules a reader relies on:
//! - nothing is placed outside the body between header and footer, and nothing overlaps;
//! - a heading is kept with the first lines of what follows it;
//! - no paragraph leaves a single line at the foot or the head of a page where it can be avoided;
//! - table rows that fit on a page stay whole; longer rows break between lines, and the header
//!   row (or a "continued" caption) is repeated on the next page;
//! - characters the font lacks are printed as [`MARKER`] and reported as a [`Warning`].
//!
//! Coordinates here are in PDF points from the top-left corner of the page; [`super::pdf`]
//! turns them into PDF's bottom-left coordinates.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicU16, Ordering};

use ttf_parser::Face;

use super::{Block, Cell, Check, Light, Mark, Paragraph, ReportDocument, RiskMap, Signature};
use super::{Table, TextStyle};
use crate::assessment::short;
use crate::risk::RiskClass;

/// DejaVu Sans (licence in `assets/fonts/LICENSE-DejaVu.txt`).
pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Printed in place of a character the font has no glyph for (U+25A1 WHITE SQUARE).
pub const MARKER: char = '□';

/// Every character the layout prints that need not stand in the document's texts: digits
/// (page and level numbers, counts), the space, the hyphen of a forced break, the ellipsis of
/// a shortened line, the dash of an empty cell, tick boxes and [`MARKER`]. The renderer subsets
/// the fonts to these and the document's characters before the layout is done.
pub const ADDED_CHARS: &str = "0123456789 -…–☐☒□";

/// A4 width in points.
pub const PAGE_WIDTH: f32 = 595.276;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 841.89;

const MM: f32 = 72.0 / 25.4;
/// Left margin.
pub const LEFT: f32 = 25.0 * MM;
/// Right margin.
pub const RIGHT: f32 = 20.0 * MM;
/// Top of the body (below the header).
pub const BODY_TOP: f32 = 26.0 * MM;
/// Bottom of the body (above the footer).
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 22.0 * MM;
/// Width of the body.
pub const BODY_WIDTH: f32 = PAGE_WIDTH - LEFT - RIGHT;
const BODY_HEIGHT: f32 = BODY_BOTTOM - BODY_TOP;

const HEADER_BASELINE: f32 = 14.0 * MM;
const HEADER_RULE: f32 = 16.5 * MM;
const FOOTER_RULE: f32 = PAGE_HEIGHT - 16.5 * MM;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 12.0 * MM;

/// A colour, each channel 0.0..=1.0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// Black.
    pub const BLACK: Self = Self(0.0, 0.0, 0.0);
    /// White.
    pub const WHITE: Self = Self(1.0, 1.0, 1.0);

    const fn grey(v: f32) -> Self {
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

/// The embedded fonts, parsed for measuring.
pub struct Fonts {
    regular: Metrics,
    bold: Metrics,
}

/// One face with its advance widths by code point, each looked up once, when first needed: a
/// report measures some hundred thousand characters of a few hundred distinct ones, and a cmap
/// lookup per character was the costliest part of the layout. (Filling the table for every
/// code point of the face up front cost more than a whole layout.)
struct Metrics {
    face: Face<'static>,
    /// Advance in font units for every code point of the Basic Multilingual Plane: [`UNKNOWN`]
    /// until looked up, [`NO_GLYPH`] where the face has none. Atomic so that the table can be
    /// filled through a shared reference (and `Fonts` stays `Sync`); the lookups are
    /// idempotent, so relaxed ordering is enough.
    bmp: Vec<AtomicU16>,
    units_per_em: f32,
}

const UNKNOWN: u16 = u16::MAX;
const NO_GLYPH: u16 = u16::MAX - 1;

impl Metrics {
    fn new(face: Face<'static>) -> Self {
        let units_per_em = f32::from(face.units_per_em());
        Self {
            face,
            bmp: std::iter::repeat_with(|| AtomicU16::new(UNKNOWN))
                .take(0x1_0000)
                .collect(),
            units_per_em,
        }
    }

    fn look_up(&self, c: char) -> Option<u16> {
        self.face.glyph_index(c).map(|gid| {
            self.face
                .glyph_hor_advance(gid)
                .unwrap_or(0)
                .min(NO_GLYPH - 1)
        })
    }

    /// The advance of `c` in font units, `None` without a glyph.
    fn advance(&self, c: char) -> Option<u16> {
        let Some(slot) = self.bmp.get(c as usize) else {
            // Beyond the BMP (emoji and rare scripts): ask the face each time.
            return self.look_up(c);
        };
        match slot.load(Ordering::Relaxed) {
            UNKNOWN => {
                let advance = self.look_up(c);
                slot.store(advance.unwrap_or(NO_GLYPH), Ordering::Relaxed);
                advance
            }
            NO_GLYPH => None,
            a => Some(a),
        }
    }
}

/// Why the embedded fonts could not be read (only if the build embedded broken files).
#[derive(Debug, thiserror::Error)]
#[error("the embedded {which} font cannot be read: {source}")]
pub struct FontError {
    /// "regular" or "bold".
    pub which: &'static str,
    /// The parser's error.
    pub source: ttf_parser::FaceParsingError,
}

impl Fonts {
    /// Parses the embedded fonts.
    pub fn new() -> Result<Self, FontError> {
        let parse = |bytes: &'static [u8], which| {
            Face::parse(bytes, 0)
                .map(Metrics::new)
                .map_err(|source| FontError { which, source })
        };
        Ok(Self {
            regular: parse(REGULAR_TTF, "regular")?,
            bold: parse(BOLD_TTF, "bold")?,
        })
    }

    fn metrics(&self, bold: bool) -> &Metrics {
        if bold { &self.bold } else { &self.regular }
    }

    /// The glyph id of `c` in the regular or bold face.
    pub fn glyph_id(&self, c: char, bold: bool) -> Option<u16> {
        self.metrics(bold).face.glyph_index(c).map(|g| g.0)
    }

    /// Whether the face has a glyph for `c`.
    pub fn has_glyph(&self, c: char, bold: bool) -> bool {
        self.metrics(bold).advance(c).is_some()
    }

    /// The printed width of `text` at `size` points (a character without a glyph counts as
    /// the font's `.notdef` glyph would).
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let m = self.metrics(bold);
        let notdef = || {
            m.face
                .glyph_hor_advance(ttf_parser::GlyphId(0))
                .unwrap_or(0)
        };
        let units: u32 = text
            .chars()
            .map(|c| u32::from(m.advance(c).unwrap_or_else(notdef)))
            .sum();
        units as f32 * size / m.units_per_em
    }

    /// `text` with every character the face cannot show replaced by [`MARKER`] (counted in
    /// `missing`), tabs as spaces and other control characters except line breaks removed.
    ///
    /// An emoji is one marker, however it is composed: joiners, variation selectors and
    /// skin-tone modifiers after a marker, and whatever a zero-width joiner attaches to it
    /// ("👮‍♀️" is 👮, joiner, ♀, variation selector), belong to the same marker.
    pub fn sanitize(&self, text: &str, bold: bool, missing: &mut Missing) -> String {
        let mut out = String::with_capacity(text.len());
        let mut after_marker = false;
        let mut joined = false;
        for c in text.chars() {
            if after_marker && (joined || is_emoji_continuation(c)) {
                if !self.has_glyph(c, bold) {
                    missing.add(c);
                }
                joined = c == '\u{200d}';
                continue;
            }
            after_marker = false;
            match c {
                '\n' => out.push('\n'),
                '\t' => out.push(' '),
                // Carriage returns and soft hyphens are invisible by definition.
                '\r' | '\u{ad}' => {}
                c if c.is_control() => {}
                c if self.has_glyph(c, bold) => out.push(c),
                c => {
                    missing.add(c);
                    out.push(MARKER);
                    after_marker = true;
                }
            }
        }
        out
    }

    /// Wraps `text` (already sanitised) into lines of at most `width` points.
    ///
    /// Lines break at spaces, after hyphens and slashes inside words, and, for a word wider
    /// than the line (a long URL or fingerprint), between characters. `\n` always breaks.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let space = self.width(" ", size, bold);
        // Each line is gathered here and copied out at its exact size (`take_line`): most
        // reports have thousands of lines, and growing each one from nothing costs several
        // allocations.
        let mut line = String::new();
        for hard in text.split('\n') {
            let mut line_w = 0.0f32;
            for word in hard.split(' ').filter(|w| !w.is_empty()) {
                for (i, piece) in pieces(word).enumerate() {
                    let glue = i == 0 && !line.is_empty();
                    let piece_w = self.width(piece, size, bold);
                    let extra = if glue { space } else { 0.0 };
                    if line_w + extra + piece_w <= width {
                        if glue {
                            line.push(' ');
                        }
                        line.push_str(piece);
                        line_w += extra + piece_w;
                        continue;
                    }
                    if !line.is_empty() {
                        lines.push(take_line(&mut line));
                        line_w = 0.0;
                    }
                    if piece_w <= width {
                        line.push_str(piece);
                        line_w = piece_w;
                        continue;
                    }
                    // Wider than a whole line: break between characters, with a hyphen in a
                    // word of letters (a long German compound), without one in an address or
                    // a number, where a hyphen would change what is written.
                    let hyphenate = word.chars().all(|c| {
                        c.is_alphabetic()
                            || matches!(
                                c,
                                '(' | ')' | ',' | ';' | '.' | ':' | '!' | '?' | '-' | '„' | '“'
                            )
                    });
                    let hyphen_w = if hyphenate {
                        self.width("-", size, bold)
                    } else {
                        0.0
                    };
                    let mut chars = piece.chars().peekable();
                    while let Some(c) = chars.next() {
                        let cw = self.width(c.encode_utf8(&mut [0; 4]), size, bold);
                        let reserve = if chars.peek().is_some() {
                            hyphen_w
                        } else {
                            0.0
                        };
                        if line_w + cw + reserve > width && !line.is_empty() {
                            if hyphenate {
                                line.push('-');
                            }
                            lines.push(take_line(&mut line));
                            line_w = 0.0;
                        }
                        line.push(c);
                        line_w += cw;
                    }
                }
            }
            lines.push(take_line(&mut line));
        }
        lines
    }

    /// `text` cut to `width` with an ellipsis.
    fn fit(&self, text: &str, size: f32, bold: bool, width: f32) -> String {
        if self.width(text, size, bold) <= width {
            return text.to_string();
        }
        let mut out = String::new();
        let ellipsis = self.width("…", size, bold);
        let mut w = 0.0;
        for c in text.chars() {
            let cw = self.width(c.encode_utf8(&mut [0; 4]), size, bold);
            if w + cw + ellipsis > width {
                break;
            }
            out.push(c);
            w += cw;
        }
        out.trim_end().to_string() + "…"
    }
}

/// A copy of `line` at its size, leaving `line` empty with its capacity for the next one.
fn take_line(line: &mut String) -> String {
    let taken = line.as_str().to_owned();
    line.clear();
    taken
}

/// Characters that only modify the emoji before them.
fn is_emoji_continuation(c: char) -> bool {
    matches!(c,
        '\u{200d}' | '\u{20e3}' | '\u{fe00}'..='\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0020}'..='\u{e007f}')
}

/// A word split after its hyphens and slashes ("Datenschutz-Folgen" → "Datenschutz-", "Folgen").
fn pieces(word: &str) -> Pieces<'_> {
    Pieces { rest: word }
}

/// The iterator of [`pieces`].
struct Pieces<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        // A break after a hyphen or slash that is neither the first nor the last character.
        let cut = self
            .rest
            .char_indices()
            .skip(1)
            .find(|&(i, c)| (c == '-' || c == '/') && i + 1 < self.rest.len())
            .map_or(self.rest.len(), |(i, _)| i + 1);
        let (piece, rest) = self.rest.split_at(cut);
        self.rest = rest;
        Some(piece)
    }
}

/// Characters without a glyph, with their counts.
#[derive(Clone, Debug, Default)]
pub struct Missing(BTreeMap<char, usize>);

impl Missing {
    fn add(&mut self, c: char) {
        *self.0.entry(c).or_insert(0) += 1;
    }

    /// The warning, if any character was missing.
    pub fn warning(&self) -> Option<Warning> {
        (!self.0.is_empty()).then(|| Warning::MissingGlyphs {
            chars: self.0.iter().map(|(c, n)| (*c, *n)).collect(),
        })
    }
}

/// Sizes: (font size, line height, bold).
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    lh: f32,
    bold: bool,
}

const BODY: Style = Style {
    size: 9.5,
    lh: 13.0,
    bold: false,
};
const STRONG: Style = Style { bold: true, ..BODY };
const SMALL: Style = Style {
    size: 8.0,
    lh: 10.5,
    bold: false,
};
const H1: Style = Style {
    size: 15.0,
    lh: 19.0,
    bold: true,
};
const H2: Style = Style {
    size: 11.5,
    lh: 15.0,
    bold: true,
};
const H3: Style = Style {
    size: 9.5,
    lh: 12.5,
    bold: true,
};
const CELL_PAD: f32 = 3.0;
const GRID_CELL: Style = Style {
    size: 8.5,
    lh: 11.0,
    bold: false,
};
const FIELD_CELL: Style = Style {
    size: 9.0,
    lh: 12.0,
    bold: false,
};
const TABLE_HEAD: Style = Style {
    size: 7.5,
    lh: 9.5,
    bold: true,
};

fn paragraph_style(style: TextStyle) -> Style {
    match style {
        TextStyle::Body => BODY,
        TextStyle::Strong => STRONG,
        TextStyle::Small => SMALL,
    }
}

/// The baseline of a line of `style` whose box starts at `top`.
fn baseline(top: f32, s: Style) -> f32 {
    top + (s.lh + s.size * 0.7) / 2.0
}

const RULE: Stroke = Stroke {
    color: Rgb::grey(0.55),
    width: 0.5,
};
const LIGHT_RULE: Stroke = Stroke {
    color: Rgb::grey(0.8),
    width: 0.4,
};

/// The light tint behind a class.
pub fn tint(class: RiskClass) -> Rgb {
    match class {
        RiskClass::Gering => Rgb(0.85, 0.94, 0.85),
        RiskClass::Risiko => Rgb(1.0, 0.93, 0.7),
        RiskClass::Hoch => Rgb(0.98, 0.78, 0.78),
    }
}

/// The full colour of a lit traffic light.
pub fn signal(class: RiskClass) -> Rgb {
    match class {
        RiskClass::Gering => Rgb(0.1, 0.6, 0.2),
        RiskClass::Risiko => Rgb(0.96, 0.7, 0.0),
        RiskClass::Hoch => Rgb(0.85, 0.1, 0.1),
    }
}

/// Lays out `doc` on A4 pages.
pub fn layout(doc: &ReportDocument, fonts: &Fonts) -> Layout {
    let chapters = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
        .count();
    let mut flow = Flow {
        fonts,
        pages: vec![Page::default()],
        y: BODY_TOP,
        missing: Missing::default(),
        chapters: Vec::with_capacity(chapters),
        contents: None,
    };
    for (i, block) in doc.blocks.iter().enumerate() {
        let rest = doc.blocks.get(i + 1..).unwrap_or_default();
        if let Block::Contents { title } = block {
            flow.reserve_contents(title, chapters);
        } else {
            flow.block(block, rest);
        }
    }
    flow.fill_contents();
    let mut pages = flow.pages;
    let mut missing = flow.missing;
    // A trailing page break leaves an empty page: drop it.
    if pages.len() > 1 && pages.last().is_some_and(|p| p.items.is_empty()) {
        pages.pop();
    }
    decorate(&mut pages, doc, fonts, &mut missing);
    Layout {
        pages,
        warnings: missing.warning().into_iter().collect(),
    }
}

/// Header and footer on every page, now that the page count is known.
fn decorate(pages: &mut [Page], doc: &ReportDocument, fonts: &Fonts, missing: &mut Missing) {
    let total = pages.len();
    let size = 7.5;
    let title = fonts.sanitize(&doc.running_title, false, missing);
    let title = title.replace('\n', " ");
    let label = fonts.sanitize(&doc.footer.fingerprint_label, false, missing);
    for (i, page) in pages.iter_mut().enumerate() {
        let right = format!("{} {} {} {}", doc.footer.page, i + 1, doc.footer.of, total);
        let right_w = fonts.width(&right, size, false);
        let left = format!("{label} {}", short(&doc.fingerprint));
        page.items.extend([
            Item::Text {
                x: LEFT,
                y: HEADER_BASELINE,
                size,
                bold: false,
                text: fonts.fit(&title, size, false, BODY_WIDTH),
            },
            Item::Line {
                x1: LEFT,
                y1: HEADER_RULE,
                x2: LEFT + BODY_WIDTH,
                y2: HEADER_RULE,
                stroke: RULE,
            },
            Item::Line {
                x1: LEFT,
                y1: FOOTER_RULE,
                x2: LEFT + BODY_WIDTH,
                y2: FOOTER_RULE,
                stroke: RULE,
            },
            Item::Text {
                x: LEFT,
                y: FOOTER_BASELINE,
                size,
                bold: false,
                text: fonts.fit(&left, size, false, BODY_WIDTH - right_w - 20.0),
            },
            Item::Text {
                x: LEFT + BODY_WIDTH - right_w,
                y: FOOTER_BASELINE,
                size,
                bold: false,
                text: right,
            },
        ]);
    }
}

struct Flow<'f> {
    fonts: &'f Fonts,
    pages: Vec<Page>,
    /// The top of the free space on the current page.
    y: f32,
    missing: Missing,
    /// Level-1 headings with the (1-based) page they start on.
    chapters: Vec<(String, usize)>,
    /// Where the table of contents goes (page index, top, title), once its space is reserved.
    contents: Option<(usize, f32, String)>,
}

/// A table row, wrapped: lines per cell.
struct WrappedRow<'a> {
    cells: Vec<(Vec<String>, &'a Cell)>,
}

impl WrappedRow<'_> {
    fn lines(&self) -> usize {
        self.cells
            .iter()
            .map(|(l, _)| l.len())
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

impl Flow<'_> {
    fn items(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].items
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY_TOP;
    }

    fn at_top(&self) -> bool {
        self.y <= BODY_TOP + 0.01
    }

    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// Starts a new page unless `h` fits (or we are at the top already).
    fn need(&mut self, h: f32) {
        if h > self.room() + 0.01 && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space before a block, dropped at the top of a page.
    fn gap(&mut self, g: f32) {
        if !self.at_top() {
            self.y = (self.y + g).min(BODY_BOTTOM);
        }
    }

    fn gap_of(&self, g: f32) -> f32 {
        if self.at_top() { 0.0 } else { g }
    }

    fn text(&mut self, x: f32, y: f32, s: Style, text: String) {
        if text.is_empty() {
            return;
        }
        self.items().push(Item::Text {
            x,
            y,
            size: s.size,
            bold: s.bold,
            text,
        });
    }

    fn wrap(&mut self, text: &str, s: Style, width: f32) -> Vec<String> {
        let clean = self.fonts.sanitize(text, s.bold, &mut self.missing);
        self.fonts.wrap(&clean, s.size, s.bold, width)
    }

    /// Wraps without recording missing glyphs (for look-ahead measurements).
    fn measure_lines(&self, text: &str, s: Style, width: f32) -> usize {
        let clean = self.fonts.sanitize(text, s.bold, &mut Missing::default());
        self.fonts.wrap(&clean, s.size, s.bold, width).len()
    }

    fn block(&mut self, block: &Block, rest: &[Block]) {
        match block {
            Block::Title { text, subtitle } => self.title(text, subtitle),
            Block::Heading { level, text } => {
                let next = self.min_start(rest, 0);
                self.heading(*level, text, next);
            }
            Block::Paragraph(p) => self.paragraph(p),
            Block::Note(p) => self.note(p),
            Block::Table(t) => self.table(t),
            Block::Lights(lights) => self.lights(lights),
            Block::RiskMaps(maps) => self.risk_maps(maps),
            Block::Checkboxes(checks) => self.checkboxes(checks),
            Block::WriteLines { label, lines } => self.write_lines(label, *lines),
            Block::Signatures(sigs) => {
                // All signatures on one page, where they fit on one.
                let all: f32 = sigs.iter().map(|s| self.signature_height(s)).sum();
                if all <= BODY_HEIGHT {
                    self.need(all);
                }
                for s in sigs {
                    self.signature(s);
                }
            }
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
            // Laid out by `reserve_contents` and `fill_contents`.
            Block::Contents { .. } => {}
        }
    }

    /// The height the blocks in `rest` need at least on the page where they start.
    fn min_start(&self, rest: &[Block], depth: usize) -> f32 {
        let Some(block) = rest.first() else {
            return 0.0;
        };
        match block {
            Block::Heading { level, text } if depth < 3 => {
                let s = heading_style(*level);
                let lines = self.measure_lines(text, s, BODY_WIDTH) as f32;
                heading_gap(*level)
                    + lines * s.lh
                    + heading_after(*level)
                    + self.min_start(&rest[1..], depth + 1)
            }
            Block::Heading { .. } | Block::PageBreak => 0.0,
            Block::Paragraph(p) => {
                let s = paragraph_style(p.style);
                let lines = self.measure_lines(&p.text, s, BODY_WIDTH);
                // A short paragraph after a heading introduces what follows: keep the three
                // together.
                let next = match rest.get(1) {
                    Some(Block::Heading { .. } | Block::PageBreak) | None => 0.0,
                    Some(_) if lines <= 3 && depth < 3 => self.min_start(&rest[1..], depth + 1),
                    Some(_) => 0.0,
                };
                4.0 + lines.min(3) as f32 * s.lh + next
            }
            Block::Table(t) => {
                let widths = column_widths(t);
                let cs = cell_style(t);
                let header = if t.header {
                    self.header_height(t, &widths)
                } else {
                    0.0
                };
                let first = t.rows.first().map_or(0, |row| {
                    row.cells
                        .iter()
                        .zip(t.columns.iter().zip(&widths))
                        .map(|(c, (column, w))| {
                            let s = cell_text_style(cs, column.bold, c.mark);
                            self.measure_lines(&c.text, s, w - 2.0 * CELL_PAD)
                        })
                        .max()
                        .unwrap_or(1)
                });
                6.0 + header + first_row_need(first, cs)
            }
            // Unbreakable blocks: all of it.
            other => self.block_height(other),
        }
    }

    /// The height of an unbreakable block.
    fn block_height(&self, block: &Block) -> f32 {
        match block {
            Block::Note(p) => self.note_height(p),
            Block::Lights(l) => self.lights_height(l),
            Block::RiskMaps(_) => 8.0 + RISK_MAP_HEIGHT,
            Block::Checkboxes(c) => 6.0 + c.len() as f32 * 18.0,
            Block::WriteLines { label, lines } => {
                6.0 + self.measure_lines(label, STRONG, BODY_WIDTH) as f32 * STRONG.lh
                    + *lines as f32 * WRITE_LINE
            }
            Block::Signatures(s) => s.iter().map(|s| self.signature_height(s)).sum(),
            Block::Title { .. } => 60.0,
            _ => 0.0,
        }
    }

    fn title(&mut self, text: &str, subtitle: &str) {
        let big = Style {
            size: 20.0,
            lh: 25.0,
            bold: true,
        };
        let sub = Style {
            size: 12.5,
            lh: 17.0,
            bold: false,
        };
        self.y += 6.0;
        for line in self.wrap(text, big, BODY_WIDTH) {
            self.need(big.lh);
            let y = baseline(self.y, big);
            self.text(LEFT, y, big, line);
            self.y += big.lh;
        }
        self.y += 4.0;
        for line in self.wrap(subtitle, sub, BODY_WIDTH) {
            self.need(sub.lh);
            let y = baseline(self.y, sub);
            self.text(LEFT, y, sub, line);
            self.y += sub.lh;
        }
        self.y += 8.0;
    }

    fn heading(&mut self, level: u8, text: &str, next: f32) {
        let s = heading_style(level);
        let lines = self.wrap(text, s, BODY_WIDTH);
        let own = heading_gap(level) + lines.len() as f32 * s.lh + heading_after(level);
        if own + next <= BODY_HEIGHT {
            self.need(own + next);
        } else {
            self.need(own);
        }
        if level <= 1 {
            self.chapters.push((text.to_string(), self.pages.len()));
        }
        self.gap(heading_gap(level));
        for line in lines {
            let y = baseline(self.y, s);
            self.text(LEFT, y, s, line);
            self.y += s.lh;
        }
        if level == 1 {
            let y = self.y + 1.0;
            self.items().push(Item::Line {
                x1: LEFT,
                y1: y,
                x2: LEFT + BODY_WIDTH,
                y2: y,
                stroke: Stroke {
                    color: Rgb::grey(0.3),
                    width: 0.8,
                },
            });
        }
        self.y += heading_after(level);
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let s = paragraph_style(p.style);
        let lines = self.wrap(&p.text, s, BODY_WIDTH);
        self.gap(4.0);
        self.flow_lines(lines, LEFT, s);
    }

    /// Places lines, breaking pages between them, never leaving one line alone at the foot
    /// or (where the paragraph is long enough) the head of a page.
    fn flow_lines(&mut self, lines: Vec<String>, x: f32, s: Style) {
        let mut lines = lines.into_iter().peekable();
        let mut left = lines.len();
        while left > 0 {
            let fit = (self.room() / s.lh + 0.001).floor().max(0.0) as usize;
            if fit < left {
                if fit < 2 && !self.at_top() {
                    self.new_page();
                    continue;
                }
                let mut k = fit.max(1);
                if left - k == 1 && k >= 3 {
                    k -= 1;
                }
                for line in lines.by_ref().take(k) {
                    let y = baseline(self.y, s);
                    self.text(x, y, s, line);
                    self.y += s.lh;
                }
                left -= k;
                self.new_page();
                continue;
            }
            for line in lines.by_ref() {
                let y = baseline(self.y, s);
                self.text(x, y, s, line);
                self.y += s.lh;
            }
            left = 0;
        }
    }

    /// Reserves room for the table of contents with `entries` lines; the page numbers are
    /// known only once the rest is laid out.
    fn reserve_contents(&mut self, title: &str, entries: usize) {
        let body = H2.lh + 4.0 + entries as f32 * CONTENTS.lh;
        self.need(self.gap_of(CONTENTS_GAP) + body);
        self.gap(CONTENTS_GAP);
        self.contents = Some((self.pages.len() - 1, self.y, title.to_string()));
        self.y += body;
    }

    /// Writes the table of contents into the space reserved for it.
    fn fill_contents(&mut self) {
        let Some((page, top, title)) = self.contents.take() else {
            return;
        };
        let mut items = Vec::new();
        let title = self.fonts.sanitize(&title, true, &mut self.missing);
        items.push(Item::Text {
            x: LEFT,
            y: baseline(top, H2),
            size: H2.size,
            bold: true,
            text: title,
        });
        let mut y = top + H2.lh + 4.0;
        for (text, number) in &self.chapters {
            let number = number.to_string();
            let number_w = self.fonts.width(&number, CONTENTS.size, false);
            let text = self.fonts.sanitize(text, false, &mut self.missing);
            let text = self
                .fonts
                .fit(&text, CONTENTS.size, false, BODY_WIDTH - 40.0);
            items.push(Item::Text {
                x: LEFT,
                y: baseline(y, CONTENTS),
                size: CONTENTS.size,
                bold: false,
                text,
            });
            items.push(Item::Text {
                x: LEFT + BODY_WIDTH - number_w,
                y: baseline(y, CONTENTS),
                size: CONTENTS.size,
                bold: false,
                text: number,
            });
            items.push(Item::Line {
                x1: LEFT,
                y1: y + CONTENTS.lh - 1.5,
                x2: LEFT + BODY_WIDTH,
                y2: y + CONTENTS.lh - 1.5,
                stroke: LIGHT_RULE,
            });
            y += CONTENTS.lh;
        }
        if let Some(p) = self.pages.get_mut(page) {
            p.items.extend(items);
        }
    }

    fn note_height(&self, p: &Paragraph) -> f32 {
        let s = note_style(p);
        6.0 + self.measure_lines(&p.text, s, BODY_WIDTH - 2.0 * NOTE_PAD) as f32 * s.lh
            + 2.0 * NOTE_PAD
    }

    fn note(&mut self, p: &Paragraph) {
        let s = note_style(p);
        let h = self.note_height(p) - 6.0;
        if h > BODY_HEIGHT {
            // Longer than a page (cannot happen with the report's own notes): plain text.
            self.paragraph(p);
            return;
        }
        self.need(h + self.gap_of(6.0));
        self.gap(6.0);
        let lines = self.wrap(&p.text, s, BODY_WIDTH - 2.0 * NOTE_PAD);
        let top = self.y;
        self.items().push(Item::Rect {
            x: LEFT,
            y: top,
            w: BODY_WIDTH,
            h,
            fill: Some(Rgb::grey(0.94)),
            stroke: Some(Stroke {
                color: Rgb::grey(0.35),
                width: 0.8,
            }),
        });
        let mut y = self.y + NOTE_PAD;
        for line in lines {
            self.text(LEFT + NOTE_PAD, baseline(y, s), s, line);
            y += s.lh;
        }
        self.y += h;
    }

    fn header_height(&self, t: &Table, widths: &[f32]) -> f32 {
        let lines = t
            .columns
            .iter()
            .zip(widths)
            .map(|(c, w)| self.measure_lines(&c.title, TABLE_HEAD, w - 2.0 * CELL_PAD))
            .max()
            .unwrap_or(1);
        lines as f32 * TABLE_HEAD.lh + 2.0 * CELL_PAD
    }

    fn table(&mut self, t: &Table) {
        let widths = column_widths(t);
        let cs = cell_style(t);
        let rows: Vec<WrappedRow<'_>> = t
            .rows
            .iter()
            .map(|row| WrappedRow {
                cells: row
                    .cells
                    .iter()
                    .zip(t.columns.iter().zip(&widths))
                    .map(|(c, (column, w))| {
                        let s = cell_text_style(cs, column.bold, c.mark);
                        (self.wrap(&c.text, s, w - 2.0 * CELL_PAD), c)
                    })
                    .collect(),
            })
            .collect();
        let header = if t.header {
            Some(
                t.columns
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| self.wrap(&c.title, TABLE_HEAD, w - 2.0 * CELL_PAD))
                    .collect::<Vec<_>>(),
            )
        } else {
            None
        };
        let header_h = header.as_ref().map_or(0.0, |h| {
            h.iter().map(Vec::len).max().unwrap_or(1) as f32 * TABLE_HEAD.lh + 2.0 * CELL_PAD
        });
        let first = rows.first().map_or(1, WrappedRow::lines);
        self.need(self.gap_of(6.0) + header_h + first_row_need(first, cs));
        self.gap(6.0);
        if let Some(h) = &header {
            self.table_header(t, &widths, h, header_h);
        }
        let continued_h = if t.continued.is_some() {
            SMALL.lh + 2.0
        } else {
            0.0
        };
        let fresh = BODY_HEIGHT - header_h - continued_h;
        for row in &rows {
            let n = row.lines();
            let mut done = 0;
            let mut fresh_page = false;
            while done < n {
                let left = n - done;
                let full = left as f32 * cs.lh + 2.0 * CELL_PAD;
                if full <= self.room() + 0.01 {
                    self.row_segment(t, &widths, row, cs, done, left);
                    break;
                }
                let fit = ((self.room() - 2.0 * CELL_PAD) / cs.lh + 0.001)
                    .floor()
                    .max(0.0) as usize;
                // Keep short rows whole: a row that fits on a new page goes there when it is
                // small or little of it would fit here.
                let move_whole =
                    done == 0 && full <= fresh && (full <= KEEP_WHOLE || fit < MIN_SPLIT);
                if !fresh_page && (move_whole || fit < 2) {
                    self.table_break(t, &widths, header.as_deref(), header_h);
                    fresh_page = true;
                    continue;
                }
                let mut k = fit.max(1).min(left);
                if left - k == 1 && k > 2 {
                    k -= 1;
                }
                self.row_segment(t, &widths, row, cs, done, k);
                done += k;
                self.table_break(t, &widths, header.as_deref(), header_h);
                fresh_page = true;
            }
        }
    }

    fn table_break(
        &mut self,
        t: &Table,
        widths: &[f32],
        header: Option<&[Vec<String>]>,
        header_h: f32,
    ) {
        self.new_page();
        if let Some(caption) = &t.continued {
            let lines = self.wrap(caption, SMALL, BODY_WIDTH);
            if let Some(line) = lines.into_iter().next() {
                let y = baseline(self.y, SMALL);
                self.text(
                    LEFT,
                    y,
                    Style {
                        bold: true,
                        ..SMALL
                    },
                    line,
                );
                self.y += SMALL.lh + 2.0;
            }
        }
        if let Some(h) = header {
            self.table_header(t, widths, h, header_h);
        }
    }

    fn table_header(&mut self, t: &Table, widths: &[f32], titles: &[Vec<String>], h: f32) {
        let y0 = self.y;
        self.items().push(Item::Rect {
            x: LEFT,
            y: y0,
            w: BODY_WIDTH,
            h,
            fill: Some(Rgb::grey(0.87)),
            stroke: None,
        });
        let mut x = LEFT;
        for (lines, w) in titles.iter().zip(widths) {
            let mut y = y0 + CELL_PAD;
            for line in lines {
                self.text(
                    x + CELL_PAD,
                    baseline(y, TABLE_HEAD),
                    TABLE_HEAD,
                    line.clone(),
                );
                y += TABLE_HEAD.lh;
            }
            x += w;
        }
        let _ = t;
        self.items().push(Item::Line {
            x1: LEFT,
            y1: y0 + h,
            x2: LEFT + BODY_WIDTH,
            y2: y0 + h,
            stroke: RULE,
        });
        self.y += h;
    }

    /// Lines `from..from + k` of every cell of `row`, then a rule under them.
    fn row_segment(
        &mut self,
        t: &Table,
        widths: &[f32],
        row: &WrappedRow<'_>,
        cs: Style,
        from: usize,
        k: usize,
    ) {
        let y0 = self.y;
        let h = k as f32 * cs.lh + 2.0 * CELL_PAD;
        let mut x = LEFT;
        for ((lines, cell), (w, column)) in row.cells.iter().zip(widths.iter().zip(&t.columns)) {
            match cell.mark {
                Mark::Class(class) => self.items().push(Item::Rect {
                    x,
                    y: y0,
                    w: *w,
                    h,
                    fill: Some(tint(class)),
                    stroke: None,
                }),
                Mark::Open => self.items().push(Item::Rect {
                    x: x + 0.6,
                    y: y0 + 0.6,
                    w: w - 1.2,
                    h: h - 1.2,
                    fill: Some(Rgb::grey(0.85)),
                    stroke: Some(Stroke {
                        color: Rgb::BLACK,
                        width: 1.0,
                    }),
                }),
                Mark::Plain | Mark::Strong => {}
            }
            let s = cell_text_style(cs, column.bold, cell.mark);
            let mut y = y0 + CELL_PAD;
            for line in lines.iter().skip(from).take(k) {
                self.text(x + CELL_PAD, baseline(y, s), s, line.clone());
                y += s.lh;
            }
            x += w;
        }
        if t.header {
            // Column rules for grid tables.
            let mut x = LEFT;
            for w in widths.iter().take(widths.len().saturating_sub(1)) {
                x += w;
                self.items().push(Item::Line {
                    x1: x,
                    y1: y0,
                    x2: x,
                    y2: y0 + h,
                    stroke: LIGHT_RULE,
                });
            }
        }
        self.items().push(Item::Line {
            x1: LEFT,
            y1: y0 + h,
            x2: LEFT + BODY_WIDTH,
            y2: y0 + h,
            stroke: if t.header { RULE } else { LIGHT_RULE },
        });
        self.y += h;
    }

    fn lights_height(&self, lights: &[Light]) -> f32 {
        let w = BODY_WIDTH / lights.len().max(1) as f32;
        let text_h = lights
            .iter()
            .map(|l| {
                let detail = self.measure_lines(&l.detail, SMALL, w - LIGHT_TEXT_X - 6.0);
                let caption = self.measure_lines(&l.caption, SMALL, w - LIGHT_TEXT_X - 6.0);
                (caption + detail) as f32 * SMALL.lh + 22.0
            })
            .fold(0.0, f32::max);
        12.0 + text_h.max(LIGHT_HOUSING_H)
    }

    fn lights(&mut self, lights: &[Light]) {
        let h = self.lights_height(lights);
        self.need(h);
        self.gap(12.0);
        let w = BODY_WIDTH / lights.len().max(1) as f32;
        let y0 = self.y;
        for (i, light) in lights.iter().enumerate() {
            let x0 = LEFT + i as f32 * w;
            self.items().push(Item::Rect {
                x: x0,
                y: y0,
                w: 24.0,
                h: LIGHT_HOUSING_H,
                fill: Some(Rgb::grey(0.93)),
                stroke: Some(Stroke {
                    color: Rgb::grey(0.4),
                    width: 0.8,
                }),
            });
            for (j, class) in [RiskClass::Hoch, RiskClass::Risiko, RiskClass::Gering]
                .into_iter()
                .enumerate()
            {
                let lit = class == light.class;
                self.items().push(Item::Circle {
                    cx: x0 + 12.0,
                    cy: y0 + 10.5 + j as f32 * 18.5,
                    r: 7.5,
                    fill: Some(if lit { signal(class) } else { Rgb::WHITE }),
                    stroke: Some(if lit {
                        Stroke {
                            color: Rgb::BLACK,
                            width: 1.2,
                        }
                    } else {
                        Stroke {
                            color: Rgb::grey(0.6),
                            width: 0.6,
                        }
                    }),
                });
            }
            let tx = x0 + LIGHT_TEXT_X;
            let tw = w - LIGHT_TEXT_X - 6.0;
            let mut y = y0;
            for line in self.wrap(&light.caption, SMALL, tw) {
                self.text(tx, baseline(y, SMALL), SMALL, line);
                y += SMALL.lh;
            }
            let big = Style {
                size: 15.0,
                lh: 20.0,
                bold: true,
            };
            let label = self.wrap(&light.label, big, tw);
            for line in label {
                self.text(tx, baseline(y, big), big, line);
                y += big.lh;
            }
            for line in self.wrap(&light.detail, SMALL, tw) {
                self.text(tx, baseline(y, SMALL), SMALL, line);
                y += SMALL.lh;
            }
        }
        self.y = y0 + h - 12.0;
    }

    fn risk_maps(&mut self, maps: &[RiskMap]) {
        let h = RISK_MAP_HEIGHT;
        self.need(h + self.gap_of(8.0));
        self.gap(8.0);
        let y0 = self.y;
        let slot = BODY_WIDTH / maps.len().max(1) as f32;
        for (i, map) in maps.iter().enumerate() {
            let x0 = LEFT + i as f32 * slot;
            self.risk_map(map, x0, y0);
        }
        self.y = y0 + h;
    }

    fn risk_map(&mut self, map: &RiskMap, x0: f32, y0: f32) {
        let label_w = 62.0;
        let (cw, ch) = (36.0, 20.0);
        let title = Style {
            size: 9.0,
            lh: 12.0,
            bold: true,
        };
        let tiny = Style {
            size: 7.0,
            lh: 9.0,
            bold: false,
        };
        let t = self.fonts.fit(
            &self.fonts.sanitize(&map.title, true, &mut self.missing),
            title.size,
            true,
            label_w + 4.0 * cw,
        );
        self.text(x0, baseline(y0, title), title, t);
        let axis = self.fonts.fit(
            &self
                .fonts
                .sanitize(&map.likelihood_axis, false, &mut self.missing),
            tiny.size,
            false,
            label_w + 4.0 * cw,
        );
        self.text(x0, baseline(y0 + title.lh, tiny), tiny, axis);
        let gy = y0 + title.lh + tiny.lh + 2.0;
        for row in 0..4 {
            let l = 3 - row; // likelihood 4 at the top
            let y = gy + row as f32 * ch;
            let name = format!("{} {}", l + 1, map.likelihood_levels[l]);
            let name = self.fonts.sanitize(&name, false, &mut self.missing);
            let name = self.fonts.fit(&name, tiny.size, false, label_w - 4.0);
            self.text(x0, y + ch / 2.0 + 2.5, tiny, name);
            for s in 0..4 {
                let c = map.cells[l][s];
                let x = x0 + label_w + s as f32 * cw;
                self.items().push(Item::Rect {
                    x,
                    y,
                    w: cw,
                    h: ch,
                    fill: Some(tint(c.class)),
                    stroke: Some(Stroke {
                        color: Rgb::grey(0.45),
                        width: 0.5,
                    }),
                });
                let letter = &map.class_letters[class_index(c.class)];
                let lw = self.fonts.width(letter, 5.5, false);
                self.text(
                    x + cw - lw - 2.0,
                    y + 6.5,
                    Style {
                        size: 5.5,
                        lh: 7.0,
                        bold: false,
                    },
                    letter.clone(),
                );
                let (count, s_count) = if c.count > 0 {
                    (
                        c.count.to_string(),
                        Style {
                            size: 10.0,
                            lh: 12.0,
                            bold: true,
                        },
                    )
                } else {
                    (
                        "–".to_string(),
                        Style {
                            size: 8.0,
                            lh: 10.0,
                            bold: false,
                        },
                    )
                };
                let tw = self.fonts.width(&count, s_count.size, s_count.bold);
                self.text(
                    x + (cw - tw) / 2.0,
                    y + ch / 2.0 + s_count.size * 0.36,
                    s_count,
                    count,
                );
            }
        }
        let by = gy + 4.0 * ch;
        for s in 0..4 {
            let n = (s + 1).to_string();
            let w = self.fonts.width(&n, tiny.size, false);
            let x = x0 + label_w + s as f32 * cw + (cw - w) / 2.0;
            self.text(x, baseline(by, tiny), tiny, n);
        }
        let axis = self
            .fonts
            .sanitize(&map.severity_axis, false, &mut self.missing);
        let axis = self.fonts.fit(&axis, tiny.size, false, 4.0 * cw);
        let w = self.fonts.width(&axis, tiny.size, false);
        self.text(
            x0 + label_w + (4.0 * cw - w) / 2.0,
            baseline(by + tiny.lh, tiny),
            tiny,
            axis,
        );
    }

    fn checkboxes(&mut self, checks: &[Check]) {
        let h = 6.0 + checks.len() as f32 * 18.0;
        self.need(h);
        self.gap(6.0);
        let boxes = Style {
            size: 13.0,
            lh: 18.0,
            bold: false,
        };
        for c in checks {
            let glyph = if c.checked { "☒" } else { "☐" };
            self.text(LEFT, baseline(self.y, boxes), boxes, glyph.to_string());
            let s = if c.checked { STRONG } else { BODY };
            let label = self.wrap(&c.label, s, BODY_WIDTH - 22.0);
            if let Some(line) = label.into_iter().next() {
                self.text(
                    LEFT + 20.0,
                    baseline(self.y, Style { lh: 18.0, ..s }),
                    s,
                    line,
                );
            }
            self.y += 18.0;
        }
    }

    fn write_lines(&mut self, label: &str, lines: usize) {
        let h = self.block_height(&Block::WriteLines {
            label: label.to_string(),
            lines,
        });
        self.need(h);
        self.gap(6.0);
        for line in self.wrap(label, STRONG, BODY_WIDTH) {
            self.text(LEFT, baseline(self.y, STRONG), STRONG, line);
            self.y += STRONG.lh;
        }
        for _ in 0..lines {
            self.y += WRITE_LINE;
            let y = self.y - 3.0;
            self.items().push(Item::Line {
                x1: LEFT,
                y1: y,
                x2: LEFT + BODY_WIDTH,
                y2: y,
                stroke: Stroke {
                    color: Rgb::grey(0.5),
                    width: 0.5,
                },
            });
        }
    }

    fn signature_height(&self, s: &Signature) -> f32 {
        10.0 + self.measure_lines(&s.role, STRONG, BODY_WIDTH) as f32 * STRONG.lh + 30.0 + 12.0
    }

    fn signature(&mut self, sig: &Signature) {
        let h = self.signature_height(sig);
        self.need(h);
        self.gap(10.0);
        for line in self.wrap(&sig.role, STRONG, BODY_WIDTH) {
            self.text(LEFT, baseline(self.y, STRONG), STRONG, line);
            self.y += STRONG.lh;
        }
        let line_y = self.y + 28.0;
        let date_w = 150.0;
        if let Some(date) = &sig.date {
            let d = self.fonts.sanitize(date, false, &mut self.missing);
            self.text(LEFT + 2.0, line_y - 4.0, BODY, d);
        }
        let tiny = Style {
            size: 7.0,
            lh: 9.0,
            bold: false,
        };
        for (x1, x2, caption) in [
            (LEFT, LEFT + date_w, &sig.date_caption),
            (
                LEFT + date_w + 30.0,
                LEFT + BODY_WIDTH,
                &sig.signature_caption,
            ),
        ] {
            self.items().push(Item::Line {
                x1,
                y1: line_y,
                x2,
                y2: line_y,
                stroke: Stroke {
                    color: Rgb::BLACK,
                    width: 0.6,
                },
            });
            let c = self.fonts.sanitize(caption, false, &mut self.missing);
            self.text(x1, line_y + 9.0, tiny, c);
        }
        self.y = line_y + 12.0;
    }
}

const NOTE_PAD: f32 = 6.0;
const CONTENTS_GAP: f32 = 16.0;
const CONTENTS: Style = Style {
    size: 9.5,
    lh: 14.0,
    bold: false,
};
const WRITE_LINE: f32 = 20.0;
const LIGHT_HOUSING_H: f32 = 58.0;
const LIGHT_TEXT_X: f32 = 34.0;
/// Title, axis caption, four rows of 20 pt, column numbers and axis caption.
const RISK_MAP_HEIGHT: f32 = 12.0 + 9.0 + 2.0 + 80.0 + 18.0;

/// Rows up to this height are never split across pages.
const KEEP_WHOLE: f32 = BODY_HEIGHT * 0.3;
/// A longer row is split only if at least this many of its lines fit on the page.
const MIN_SPLIT: usize = 4;

/// The height the first row (of `lines` lines) of a table needs on the page where the table
/// starts: all of it if the row is kept whole, otherwise what a split needs at least. A heading
/// kept with the table reserves the same, so it is never left alone.
fn first_row_need(lines: usize, cs: Style) -> f32 {
    let full = lines as f32 * cs.lh + 2.0 * CELL_PAD;
    if full <= KEEP_WHOLE {
        full
    } else {
        MIN_SPLIT.min(lines) as f32 * cs.lh + 2.0 * CELL_PAD
    }
}

fn note_style(p: &Paragraph) -> Style {
    Style {
        size: 9.0,
        lh: 12.0,
        bold: p.style != TextStyle::Body,
    }
}

fn heading_style(level: u8) -> Style {
    match level {
        0 | 1 => H1,
        2 => H2,
        _ => H3,
    }
}

/// Space below a heading (a chapter heading has a rule under it).
fn heading_after(level: u8) -> f32 {
    if level <= 1 { 7.0 } else { 4.0 }
}

fn heading_gap(level: u8) -> f32 {
    match level {
        0 | 1 => 16.0,
        2 => 12.0,
        _ => 9.0,
    }
}

fn cell_style(t: &Table) -> Style {
    if t.header { GRID_CELL } else { FIELD_CELL }
}

fn cell_text_style(cs: Style, column_bold: bool, mark: Mark) -> Style {
    let bold = column_bold || !matches!(mark, Mark::Plain);
    Style { bold, ..cs }
}

fn column_widths(t: &Table) -> Vec<f32> {
    let total: f32 = t.columns.iter().map(|c| c.width.max(0.0)).sum();
    let n = t.columns.len().max(1) as f32;
    t.columns
        .iter()
        .map(|c| {
            if total > 0.0 {
                c.width.max(0.0) / total * BODY_WIDTH
            } else {
                BODY_WIDTH / n
            }
        })
        .collect()
}

fn class_index(class: RiskClass) -> usize {
    match class {
        RiskClass::Gering => 0,
        RiskClass::Risiko => 1,
        RiskClass::Hoch => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::new().expect("the embedded fonts parse")
    }

    #[test]
    fn words_break_after_inner_hyphens_and_slashes() {
        let split = |w| pieces(w).collect::<Vec<_>>();
        assert_eq!(split("Datenschutz-Folgen"), ["Datenschutz-", "Folgen"]);
        assert_eq!(split("Ende-"), ["Ende-"], "not after the last character");
        assert_eq!(split("-vorn"), ["-vorn"], "not after the first");
        assert_eq!(split("a/b-c"), ["a/", "b-", "c"]);
        assert_eq!(split("https://x.org/a"), ["https:/", "/x.org/", "a"]);
        assert_eq!(
            split("Straße–Weg"),
            ["Straße–Weg"],
            "a dash is not a hyphen"
        );
    }

    #[test]
    fn marker_and_symbols_exist_in_both_faces() {
        let f = fonts();
        for c in [
            MARKER, '☐', '☒', '→', '↓', '–', '—', '„', '“', '…', '€', 'ß', 'Ä',
        ] {
            assert!(f.has_glyph(c, false), "regular has {c}");
            assert!(f.has_glyph(c, true), "bold has {c}");
        }
    }

    #[test]
    fn missing_glyphs_become_markers_and_are_counted() {
        let f = fonts();
        let mut missing = Missing::default();
        let out = f.sanitize("Daumen 👍🏽 hoch, 中文 und ✓, 👮‍♀️!", false, &mut missing);
        assert_eq!(
            out, "Daumen □ hoch, □□ und ✓, □!",
            "one marker per emoji (modifiers and joined parts absorbed), one per CJK character"
        );
        let Some(Warning::MissingGlyphs { chars }) = missing.warning() else {
            panic!("a warning is expected");
        };
        let listed: Vec<char> = chars.iter().map(|(c, _)| *c).collect();
        assert!(listed.contains(&'👍'), "emoji listed: {listed:?}");
        assert!(listed.contains(&'中'), "CJK listed: {listed:?}");
        let message = Warning::MissingGlyphs { chars }.to_string();
        assert!(message.contains("U+4E2D"), "{message}");
    }

    #[test]
    fn text_without_missing_glyphs_gives_no_warning() {
        let f = fonts();
        let mut missing = Missing::default();
        let out = f.sanitize("Größe „Prüfung“ – 10 €\tTab", true, &mut missing);
        assert_eq!(out, "Größe „Prüfung“ – 10 € Tab", "tab becomes a space");
        assert!(missing.warning().is_none(), "nothing missing");
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let f = fonts();
        let text = "Die Datenschutz-Folgenabschätzung ist erforderlich, weil https://www.example.org/ein/sehr/langer/pfad/ohne/leerzeichen/der/umbrochen/werden/muss gezeigt wird.";
        for width in [40.0, 80.0, 150.0, 400.0] {
            let lines = f.wrap(text, 9.0, false, width);
            for l in &lines {
                assert!(
                    f.width(l, 9.0, false) <= width + 0.01,
                    "{l:?} wider than {width}"
                );
            }
            // Forced breaks in words add hyphens; nothing else is added or lost.
            let squash = |s: &str| -> String {
                s.chars()
                    .filter(|c| !c.is_whitespace() && *c != '-')
                    .collect()
            };
            assert_eq!(
                squash(&lines.concat()),
                squash(text),
                "no character lost at width {width}"
            );
        }
    }

    #[test]
    fn forced_breaks_hyphenate_words_but_not_addresses() {
        let f = fonts();
        let lines = f.wrap("Öffentlichkeitsarbeit", 9.0, false, 50.0);
        assert!(lines.len() > 1, "broken: {lines:?}");
        assert!(
            lines[..lines.len() - 1].iter().all(|l| l.ends_with('-')),
            "hyphen at each forced break: {lines:?}"
        );
        let url = f.wrap(
            "https://example.org/abcdefghijklmnopqrstuvwxyz",
            9.0,
            false,
            50.0,
        );
        assert_eq!(
            url.concat(),
            "https://example.org/abcdefghijklmnopqrstuvwxyz",
            "an address is broken without adding anything"
        );
    }

    #[test]
    fn hard_breaks_are_kept() {
        let f = fonts();
        assert_eq!(
            f.wrap("eins\nzwei\n\ndrei", 9.0, false, 300.0),
            vec!["eins", "zwei", "", "drei"],
            "line breaks and empty lines"
        );
    }

    #[test]
    fn cached_advances_match_the_font() {
        let f = fonts();
        for bold in [false, true] {
            let m = f.metrics(bold);
            // U+FFFF is a noncharacter that cmap format 4 uses as its end marker.
            for cp in (0..0xFFFFu32).chain([0x1F600, 0x1F46E, 0x2_0000]) {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                let direct = m
                    .face
                    .glyph_index(c)
                    .map(|g| m.face.glyph_hor_advance(g).unwrap_or(0));
                assert_eq!(m.advance(c), direct, "U+{cp:04X} (bold: {bold})");
            }
        }
    }

    #[test]
    fn width_matches_the_font_metrics() {
        let f = fonts();
        // ß is 1290/2048 em in DejaVu Sans.
        let w = f.width("ß", 2048.0, false);
        assert!((w - 1290.0).abs() < 0.01, "ß width {w}");
    }
}
