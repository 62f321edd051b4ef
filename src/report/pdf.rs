//! Writes a [`ReportDocument`] as PDF: the only module that uses printpdf.
//!
//! [`super::layout`] decides where everything goes; this module turns its pages into printpdf
//! operations, embeds subsets of the two `DejaVu` fonts, and sets the document properties (title,
//! author, subject, keywords, language, creation date, producer).
//!
//! printpdf pitfalls handled here (see `shared/stack-notes.md` §5): text takes the current *fill*
//! colour, so every text section sets black first; `SetTextCursor` (`Td`) is relative to the
//! previous line inside a text section; the creation date defaults to 1970; the document
//! language (`/Lang` in the catalog) has no API, so it is set on the lopdf document that printpdf
//! hands out for such changes; and printpdf compresses streams only at lopdf's slowest level, so
//! this module compresses them itself.
//!
//! Text is shown as `Tj` with the glyph codes of the font subsets (printpdf's `Op::Unknown`),
//! not with `Op::ShowText`: for every character, `ShowText` looks the glyph up in the font, notes
//! it in a map with a string of its own, and writes it as hex digits, which made that one
//! operation most of an export's time. The fonts' widths, which printpdf derives from what
//! `ShowText` shows, come from a single page that shows every glyph kept and is then replaced by
//! the real pages (`Assembly`). A subset whose characters' glyphs are numbered below 256
//! (every report so far) is shown with codes of one byte, under an encoding and a `/ToUnicode`
//! map of this module's (`Codes`); a larger one with printpdf's two-byte codes and map. Either way, copying text
//! out of the PDF gives the report's text.

use printpdf::{
    Color, DictItem, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb as PdfRgb,
    TextItem, WindingOrder,
};

use std::collections::BTreeSet;

use sha2::{Digest as _, Sha256};

use super::ReportDocument;
use super::layout::{self, BOLD_TTF, Fonts, Item, PAGE_HEIGHT, REGULAR_TTF, Rgb};

pub use super::layout::Warning;

mod assembly;
mod fonts;
mod paint;
pub mod read;

use assembly::{Assembly, Compressor, compress_streams, stream_mut};
use fonts::{Prepared, UsedChars};
use paint::page_ops;

/// Why no PDF could be made.
#[derive(Debug, thiserror::Error)]
#[must_use]
pub enum Error {
    /// An embedded font could not be read for measuring.
    #[error(transparent)]
    Measure(#[from] layout::FontError),
    /// printpdf could not read an embedded font.
    #[error("the embedded {0} font cannot be loaded into the PDF")]
    Font(&'static str),
    /// Writing the PDF failed.
    #[error("cannot write the PDF: {0}")]
    Write(String),
}

/// Renders `doc` as PDF bytes, with the warnings of the layout (characters the font lacks).
///
/// The fonts are subset once, to the characters of the report, and the document around the
/// pages (fonts, metadata, and a single page showing every glyph kept, from which printpdf
/// writes the fonts' widths) is made on a second thread while the layout runs. Then groups of
/// pages are converted side by side, each as a document of its own, and their content streams
/// take the place of that single page (see `Assembly`).
///
/// The text is shown with the glyph codes of the subsets (see `page_ops`). Should the layout
/// show a character that the report's texts do not contain, the fonts are subset again for what
/// the pages show, so no character ever goes without its glyph.
pub fn render(doc: &ReportDocument) -> Result<(Vec<u8>, Vec<Warning>), Error> {
    let options = PdfSaveOptions {
        // The fonts are subsets already.
        subset_fonts: false,
        optimize: false,
        // Keeps the `Tj` operations that show the text (`Op::Unknown`, see `page_ops`);
        // every operation is this module's own, none comes from a foreign file.
        secure: false,
        ..PdfSaveOptions::default()
    };
    let fonts = Fonts::new()?;
    let expected = UsedChars::expected(doc, &fonts);
    let (laid_out, prepared) = std::thread::scope(|s| {
        let preparing = s.spawn(|| Prepared::new(doc, &fonts, &expected, &options));
        let laid_out = layout::layout(doc, &fonts);
        (laid_out, preparing.join())
    });
    let pages = &laid_out.pages;
    let converted = match prepared {
        Ok(Ok(prepared)) => convert(pages, &prepared, &options)?.map(|c| (prepared, c)),
        _ => None,
    };
    let (prepared, contents) = if let Some(done) = converted {
        done
    } else {
        // The pages show a character beyond the expected ones, or the other thread failed
        // (which, if for real, happens again here and is reported): the fonts are subset for
        // what the pages show.
        let prepared = Prepared::new(doc, &fonts, &UsedChars::of(pages), &options)?;
        let contents = convert(pages, &prepared, &options)?.ok_or_else(not_converted)?;
        (prepared, contents)
    };
    if contents.len() != pages.len() {
        return Err(not_converted());
    }
    let mut lo = prepared.document;
    Assembly::new(&mut lo)?.pages(&mut lo, contents);

    // `/Lang` in the catalog (readers and screen readers use it): printpdf has no setting for it.
    lo.catalog_mut()
        .map_err(|e| Error::Write(format!("cannot set the document language: {e}")))?
        .set(
            "Lang",
            lopdf::Object::string_literal(doc.info.language.as_bytes()),
        );
    // printpdf always writes `GTS_PDFXVersion`, empty for no conformance; readers such as
    // poppler then report the file as PDF/X, which it is not.
    if let Ok(info) = lo
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| lo.get_dictionary_mut(id))
    {
        info.remove(b"GTS_PDFXVersion");
        // What the report was made from, for `plattformcheck verify` (see `read`).
        let ids = &doc.info.ids;
        info.set(
            read::CONTENT_KEY,
            lopdf::Object::string_literal(ids.content.as_bytes()),
        );
        info.set(
            read::TEAM_KEY,
            lopdf::Object::string_literal(ids.team.as_bytes()),
        );
        info.set(
            read::ROUND_KEY,
            lopdf::Object::Integer(i64::from(ids.round)),
        );
    }
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| Error::Write(e.to_string()))?;
    Ok((bytes, laid_out.warnings))
}

/// The content streams of `pages`, compressed, in order: groups of pages are converted side by
/// side. `None` if a page shows a character that the subsets of `prepared` lack.
fn convert(
    pages: &[layout::Page],
    prepared: &Prepared,
    options: &PdfSaveOptions,
) -> Result<Option<Vec<lopdf::Stream>>, Error> {
    let chunks = chunks(pages, workers());
    let converted: Vec<_> = std::thread::scope(|s| {
        let Some((last, others)) = chunks.split_last() else {
            return Vec::new();
        };
        let converting: Vec<_> = others
            .iter()
            .map(|pages| s.spawn(move || page_contents(pages, prepared, options)))
            .collect();
        // This thread converts the last group meanwhile.
        let mine = page_contents(last, prepared, options);
        converting
            .into_iter()
            .map(|c| c.join().unwrap_or_else(|_| Err(not_converted())))
            .chain(std::iter::once(mine))
            .collect()
    });
    let mut contents = Vec::with_capacity(pages.len());
    for group in converted {
        match group? {
            Some(streams) => contents.extend(streams),
            None => return Ok(None),
        }
    }
    Ok(Some(contents))
}

/// Title, author, subject, keywords, producer and the dates (printpdf's default is 1970; its
/// `DateTime::now` ignores `SOURCE_DATE_EPOCH`, so the same export would differ by the second).
fn set_info(pdf: &mut PdfDocument, doc: &ReportDocument) {
    let now = pdf_date(crate::dates::now());
    let info = &mut pdf.metadata.info;
    info.document_title = doc.info.title.clone();
    info.author = doc.info.author.clone();
    info.subject = doc.info.subject.clone();
    info.keywords = doc.info.keywords.clone();
    info.creator = doc.info.producer.clone();
    info.producer = doc.info.producer.clone();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;
}

/// `moment` (in UTC) as printpdf writes dates.
fn pdf_date(moment: time::OffsetDateTime) -> printpdf::DateTime {
    let utc = moment.to_offset(time::UtcOffset::UTC);
    printpdf::DateTime {
        date: printpdf::date::Date {
            year: utc.year(),
            month: u8::from(utc.month()),
            day: utc.day(),
        },
        time: printpdf::date::Time {
            hour: utc.hour(),
            minute: utc.minute(),
            second: utc.second(),
            millisecond: utc.millisecond(),
        },
        offset: printpdf::date::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

/// How many groups of pages are converted side by side.
fn workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 4)
}

/// Splits the pages into at most `n` runs of about equal amounts of text.
fn chunks(pages: &[layout::Page], n: usize) -> Vec<&[layout::Page]> {
    let weight = |p: &layout::Page| {
        p.items
            .iter()
            .map(|i| match i {
                Item::Text { text, .. } => text.len() + 8,
                _ => 8,
            })
            .sum::<usize>()
    };
    let total: usize = pages.iter().map(weight).sum();
    let mut chunks = Vec::with_capacity(n);
    let (mut start, mut done) = (0, 0);
    for (i, page) in pages.iter().enumerate() {
        let w = weight(page);
        // A page whose middle lies beyond the current run's share of the text starts the next
        // run.
        if i > start && (2 * done + w) * n >= 2 * total * (chunks.len() + 1) && chunks.len() + 1 < n
        {
            chunks.push(&pages[start..i]);
            start = i;
        }
        done += w;
    }
    if start < pages.len() || chunks.is_empty() {
        chunks.push(&pages[start..]);
    }
    chunks
}

/// The content streams of `pages`, compressed, in order: printpdf converts them as a document
/// of their own. `None` if a page shows a character the subsets lack.
fn page_contents(
    pages: &[layout::Page],
    fonts: &Prepared,
    options: &PdfSaveOptions,
) -> Result<Option<Vec<lopdf::Stream>>, Error> {
    // No fonts: the pages name them by their ids, and their glyph codes are this module's.
    let mut part = PdfDocument::new("");
    let Some(ops) = pages
        .iter()
        .map(|page| page_ops(page, fonts))
        .collect::<Option<Vec<_>>>()
    else {
        return Ok(None);
    };
    part.pages = ops
        .into_iter()
        .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
        .collect();
    let mut lo = part.to_lopdf_document(options, &mut Vec::new());
    let mut compressor = Compressor::new();
    Assembly::kids(&lo)
        .map_err(|_panic| not_converted())?
        .into_iter()
        .map(|page| {
            let id = lo
                .get_dictionary(page)
                .and_then(|d| d.get(b"Contents"))
                .and_then(lopdf::Object::as_reference)
                .map_err(|_panic| not_converted())?;
            let Some(lopdf::Object::Stream(mut stream)) = lo.objects.remove(&id) else {
                return Err(not_converted());
            };
            compressor.deflate(&mut stream);
            Ok(stream)
        })
        .collect::<Result<_, _>>()
        .map(Some)
}

fn not_converted() -> Error {
    Error::Write("printpdf did not convert every page".into())
}

#[cfg(test)]
mod tests;
