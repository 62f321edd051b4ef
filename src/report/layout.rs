//! Breaks a [`ReportDocument`] into A4 pages of positioned text lines, rules and shapes.
//!
//! Text is measured with `skrifa` (egui's font reader) on the same `DejaVu` fonts that the PDF embeds, and wrapped
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

use super::{Block, Cell, Check, Light, Mark, Paragraph, ReportDocument, RiskMap, Signature};
use super::{Table, TextStyle};
use crate::assessment::short;
use crate::risk::RiskClass;

/// `DejaVu` Sans (licence in `assets/fonts/LICENSE-DejaVu.txt`).
pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// `DejaVu` Sans Bold.
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Printed in place of a character the font has no glyph for (U+25A1 WHITE SQUARE).
pub const MARKER: char = '□';

/// Every character the layout prints that need not stand in the document's texts.
///
/// Digits (page and level numbers, counts), the space, the hyphen of a forced break, the ellipsis
/// of a shortened line, the dash of an empty cell, tick boxes and [`MARKER`]. The renderer subsets
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

mod figures;
mod flow;
mod fonts;
mod items;
mod styles;
mod tables;
mod wrap;

use flow::{Flow, WrappedRow};
pub use fonts::{FontError, Fonts, Missing};
pub use items::{Item, Layout, Page, Rgb, Stroke, Warning};
use styles::{
    BODY, CELL_PAD, CONTENTS, CONTENTS_GAP, H2, KEEP_WHOLE, LIGHT_HOUSING_H, LIGHT_RULE,
    LIGHT_TEXT_X, MIN_SPLIT, NOTE_PAD, RISK_MAP_HEIGHT, RULE, SMALL, STRONG, Style, TABLE_HEAD,
    WRITE_LINE, baseline, cell_style, cell_text_style, class_index, column_widths, first_row_need,
    heading_after, heading_gap, heading_style, note_style, paragraph_style,
};
pub use styles::{signal, tint};
use wrap::is_emoji_continuation;

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
        numbers: [0, 0],
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

#[cfg(test)]
mod tests;
