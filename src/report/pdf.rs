//! Writes a [`ReportDocument`] as PDF: the only module that uses printpdf.
//!
//! [`super::layout`] decides where everything goes; this module turns its pages into printpdf
//! operations, embeds subsets of the two DejaVu fonts, and sets the document properties (title,
//! author, subject, keywords, language, creation date, producer).
//!
//! printpdf pitfalls handled here (see `shared/stack-notes.md` §5): text takes the current *fill*
//! colour, so every text section sets black first; `SetTextCursor` (`Td`) is relative to the
//! previous line inside a text section; the creation date defaults to 1970; and the
//! document language (`/Lang` in the catalog) has no API, so it is set on the lopdf document that
//! printpdf hands out for such changes.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb as PdfRgb, TextItem,
    WindingOrder,
};

use super::ReportDocument;
use super::layout::{self, BOLD_TTF, Fonts, Item, PAGE_HEIGHT, REGULAR_TTF, Rgb};

pub use super::layout::Warning;

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
pub fn render(doc: &ReportDocument) -> Result<(Vec<u8>, Vec<Warning>), Error> {
    let fonts = Fonts::new()?;
    // printpdf's parsing of the fonts and the layout are independent and each take a few
    // milliseconds: run them side by side.
    let (laid_out, parsed) = std::thread::scope(|s| {
        let parsing = s.spawn(|| {
            let mut font_warnings = Vec::new();
            (
                ParsedFont::from_bytes(REGULAR_TTF, 0, &mut font_warnings),
                ParsedFont::from_bytes(BOLD_TTF, 0, &mut font_warnings),
            )
        });
        (layout::layout(doc, &fonts), parsing.join())
    });
    let (regular, bold) = parsed.map_err(|_| Error::Font("regular and bold"))?;
    let regular = regular.ok_or(Error::Font("regular"))?;
    let bold = bold.ok_or(Error::Font("bold"))?;

    let mut pdf = PdfDocument::new(&doc.info.title);
    let regular = pdf.add_font(&regular);
    let bold = pdf.add_font(&bold);
    let pages = laid_out
        .pages
        .iter()
        .map(|page| PdfPage::new(Mm(210.0), Mm(297.0), page_ops(page, &regular, &bold)))
        .collect();
    pdf.with_pages(pages);

    let now = printpdf::DateTime::now();
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

    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut save_warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&options, &mut save_warnings);
    // `/Lang` in the catalog (readers and screen readers use it): printpdf has no setting for
    // it and does not re-export lopdf, so the text string is made by copying one printpdf always
    // writes (`CreationDate`, a literal string) and replacing its bytes. This keeps lopdf an
    // indirect dependency; the code lives here, inline, because the type cannot be named.
    let lang_err = |what: String| Error::Write(format!("cannot set the document language: {what}"));
    let info_id = lo
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .map_err(|e| lang_err(e.to_string()))?;
    let mut lang = lo
        .get_dictionary(info_id)
        .and_then(|d| d.get(b"CreationDate"))
        .cloned()
        .map_err(|e| lang_err(e.to_string()))?;
    *lang.as_str_mut().map_err(|e| lang_err(e.to_string()))? =
        doc.info.language.as_bytes().to_vec();
    lo.catalog_mut()
        .map_err(|e| lang_err(e.to_string()))?
        .set("Lang", lang);
    // printpdf always writes `GTS_PDFXVersion`, empty for no conformance; readers such as
    // poppler then report the file as PDF/X, which it is not.
    if let Ok(info) = lo.get_dictionary_mut(info_id) {
        info.remove(b"GTS_PDFXVersion");
    }
    if options.optimize {
        // What `lo.compress()` does, on all cores: deflating the page contents at lopdf's
        // (fixed, best) level is the costliest step of the export. Streams are dealt out
        // largest first, so the workers finish at about the same time.
        let mut streams: Vec<_> = lo
            .objects
            .values_mut()
            .filter_map(|o| o.as_stream_mut().ok())
            .filter(|s| s.allows_compression)
            .collect();
        streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
        let workers = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .clamp(1, 4);
        let mut bins: Vec<Vec<_>> = (0..workers).map(|_| Vec::new()).collect();
        let mut load = vec![0usize; workers];
        for stream in streams {
            let i = (0..workers).min_by_key(|&i| load[i]).unwrap_or(0);
            load[i] += stream.content.len();
            bins[i].push(stream);
        }
        std::thread::scope(|s| {
            for bin in bins {
                s.spawn(move || {
                    for stream in bin {
                        // As in lopdf: a stream that fails to compress stays uncompressed.
                        let _ = stream.compress();
                    }
                });
            }
        });
    }
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| Error::Write(e.to_string()))?;
    Ok((bytes, laid_out.warnings))
}

fn color(c: Rgb) -> Color {
    Color::Rgb(PdfRgb::new(c.0, c.1, c.2, None))
}

/// PDF y (from the bottom) of a layout y (from the top).
fn flip(y: f32) -> Pt {
    Pt(PAGE_HEIGHT - y)
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: flip(y),
        },
        bezier: false,
    }
}

/// The operations of one page: shapes first, then all text in one text section.
///
/// The layout never paints a shape over text (fills lie under their cells' text, rules between
/// lines), so painting the shapes first gives the same picture, and a single text section per
/// page keeps the content streams small: `SetTextCursor` (`Td`) moves relative to the start of
/// the previous line, so each line moves by its distance from the one before.
fn page_ops(page: &layout::Page, regular: &FontId, bold: &FontId) -> Vec<Op> {
    let mut p = Painter::default();
    for item in &page.items {
        p.shape(item);
    }
    p.ops.push(Op::StartTextSection);
    // Text takes the fill colour.
    p.ops.push(Op::SetFillColor {
        col: color(Rgb::BLACK),
    });
    let mut font: Option<(bool, f32)> = None;
    let mut line_start = (0.0, 0.0);
    for item in &page.items {
        let Item::Text {
            x,
            y,
            size,
            bold: is_bold,
            text,
        } = item
        else {
            continue;
        };
        if font != Some((*is_bold, *size)) {
            let id = if *is_bold { bold } else { regular };
            p.ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(*size),
            });
            font = Some((*is_bold, *size));
        }
        let at = (*x, PAGE_HEIGHT - *y);
        p.ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(at.0 - line_start.0),
                y: Pt(at.1 - line_start.1),
            },
        });
        line_start = at;
        p.ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.clone())],
        });
    }
    p.ops.push(Op::EndTextSection);
    p.ops
}

/// Turns shapes into operations, setting colours and line widths only when they change.
#[derive(Default)]
struct Painter {
    ops: Vec<Op>,
    fill: Option<Rgb>,
    stroke: Option<layout::Stroke>,
}

impl Painter {
    fn paint(&mut self, fill: Option<Rgb>, stroke: Option<layout::Stroke>) -> Option<PaintMode> {
        if let Some(f) = fill
            && self.fill != Some(f)
        {
            self.ops.push(Op::SetFillColor { col: color(f) });
            self.fill = Some(f);
        }
        if let Some(s) = stroke {
            if self.stroke.map(|c| c.color) != Some(s.color) {
                self.ops.push(Op::SetOutlineColor {
                    col: color(s.color),
                });
            }
            if self.stroke.map(|c| c.width) != Some(s.width) {
                self.ops.push(Op::SetOutlineThickness { pt: Pt(s.width) });
            }
            self.stroke = Some(s);
        }
        match (fill, stroke) {
            (Some(_), Some(_)) => Some(PaintMode::FillStroke),
            (Some(_), None) => Some(PaintMode::Fill),
            (None, Some(_)) => Some(PaintMode::Stroke),
            (None, None) => None,
        }
    }

    fn shape(&mut self, item: &Item) {
        match item {
            Item::Text { .. } => {}
            Item::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                if let Some(mode) = self.paint(*fill, *stroke) {
                    self.ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            mode: Some(mode),
                            ..Rect::from_xywh(Pt(*x), flip(y + h), Pt(*w), Pt(*h))
                        },
                    });
                }
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
            } => {
                self.paint(None, Some(*stroke));
                self.ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Item::Circle {
                cx,
                cy,
                r,
                fill,
                stroke,
            } => {
                if let Some(mode) = self.paint(*fill, *stroke) {
                    self.ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing {
                                points: circle(*cx, *cy, *r),
                            }],
                            mode,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
            }
        }
    }
}

/// A circle as four cubic Bézier segments: each is two control points and an end point, and
/// the ring repeats its start point at the end (13 points).
fn circle(cx: f32, cy: f32, r: f32) -> Vec<LinePoint> {
    // Control-point distance for a quarter circle.
    let k = 0.552_284_8 * r;
    let p = |x: f32, y: f32, bezier: bool| LinePoint {
        p: Point {
            x: Pt(x),
            y: flip(y),
        },
        bezier,
    };
    vec![
        p(cx + r, cy, false),
        p(cx + r, cy + k, true),
        p(cx + k, cy + r, true),
        p(cx, cy + r, false),
        p(cx - k, cy + r, true),
        p(cx - r, cy + k, true),
        p(cx - r, cy, false),
        p(cx - r, cy - k, true),
        p(cx - k, cy - r, true),
        p(cx, cy - r, false),
        p(cx + k, cy - r, true),
        p(cx + r, cy - k, true),
        p(cx + r, cy, false),
    ]
}
