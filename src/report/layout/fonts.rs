//! The embedded fonts, parsed for measuring.
//!
//! Advance widths are looked up once per character, and characters the fonts lack are replaced
//! by a visible marker and counted.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, GlyphId, MetadataProvider as _, charmap::Charmap};

use super::{
    AtomicU16, BOLD_TTF, BTreeMap, MARKER, Ordering, REGULAR_TTF, Warning, is_emoji_continuation,
};

/// The embedded fonts, parsed for measuring.
pub struct Fonts {
    regular: Metrics,
    bold: Metrics,
}

/// One face with its advance widths by code point, each looked up once, when first needed: a
/// report measures some hundred thousand characters of a few hundred distinct ones, and a cmap
/// lookup per character was the costliest part of the layout. (Filling the table for every
/// code point of the face up front cost more than a whole layout.)
pub(super) struct Metrics {
    /// Code point to glyph (the font's cmap).
    charmap: Charmap<'static>,
    /// Glyph to advance, in font units (`Size::unscaled`).
    glyphs: GlyphMetrics<'static>,
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
    pub(super) fn new(font: &FontRef<'static>) -> Self {
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        Self {
            charmap: font.charmap(),
            glyphs: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            bmp: std::iter::repeat_with(|| AtomicU16::new(UNKNOWN))
                .take(0x1_0000)
                .collect(),
            units_per_em,
        }
    }

    /// The glyph of `c`, `None` where the font maps it to nothing (or to `.notdef`).
    pub(super) fn glyph(&self, c: char) -> Option<GlyphId> {
        self.charmap.map(c).filter(|g| g.to_u32() != 0)
    }

    /// The advance of glyph `gid` in font units (0 for a glyph the font lacks).
    pub(super) fn glyph_advance(&self, gid: GlyphId) -> u16 {
        // DejaVu's advances are whole font units below 2^16; the cast only drops a fraction
        // that a variable font's deltas could add.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "advances are non-negative font units well below u16::MAX"
        )]
        let units = self
            .glyphs
            .advance_width(gid)
            .unwrap_or(0.0)
            .round()
            .max(0.0) as u16;
        units
    }

    pub(super) fn look_up(&self, c: char) -> Option<u16> {
        self.glyph(c)
            .map(|gid| self.glyph_advance(gid).min(NO_GLYPH - 1))
    }

    /// The advance of `c` in font units, `None` without a glyph.
    pub(super) fn advance(&self, c: char) -> Option<u16> {
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
    pub source: skrifa::raw::ReadError,
}

impl Fonts {
    /// Parses the embedded fonts.
    pub fn new() -> Result<Self, FontError> {
        let parse = |bytes: &'static [u8], which| {
            FontRef::new(bytes)
                .map(|font| Metrics::new(&font))
                .map_err(|source| FontError { which, source })
        };
        Ok(Self {
            regular: parse(REGULAR_TTF, "regular")?,
            bold: parse(BOLD_TTF, "bold")?,
        })
    }

    pub(super) fn metrics(&self, bold: bool) -> &Metrics {
        if bold { &self.bold } else { &self.regular }
    }

    /// The glyph id of `c` in the regular or bold face.
    pub fn glyph_id(&self, c: char, bold: bool) -> Option<u16> {
        self.metrics(bold)
            .glyph(c)
            .and_then(|g| u16::try_from(g.to_u32()).ok())
    }

    /// Whether the face has a glyph for `c`.
    pub fn has_glyph(&self, c: char, bold: bool) -> bool {
        self.metrics(bold).advance(c).is_some()
    }

    /// The printed width of `text` at `size` points (a character without a glyph counts as
    /// the font's `.notdef` glyph would).
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let m = self.metrics(bold);
        let notdef = || m.glyph_advance(GlyphId::new(0));
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
                // Carriage returns (of CRLF text) and soft hyphens are invisible by definition.
                '\r' | '\u{ad}' => {}
                // Any other control character is shown, and reported, like a missing glyph:
                // dropping it would hide that the text is not what it seems.
                c if c.is_control() => {
                    missing.add(c);
                    out.push(MARKER);
                }
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
}

/// Characters without a glyph, with their counts.
#[derive(Clone, Debug, Default)]
pub struct Missing(BTreeMap<char, usize>);

impl Missing {
    pub(super) fn add(&mut self, c: char) {
        *self.0.entry(c).or_insert(0) += 1;
    }

    /// The warning, if any character was missing.
    pub fn warning(&self) -> Option<Warning> {
        (!self.0.is_empty()).then(|| Warning::MissingGlyphs {
            chars: self.0.iter().map(|(c, n)| (*c, *n)).collect(),
        })
    }
}
