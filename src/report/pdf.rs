//! Writes a [`ReportDocument`] as PDF: the only module that uses printpdf.
//!
//! [`super::layout`] decides where everything goes; this module turns its pages into printpdf
//! operations, embeds subsets of the two DejaVu fonts, and sets the document properties (title,
//! author, subject, keywords, language, creation date, producer).
//!
//! printpdf pitfalls handled here (see `shared/stack-notes.md` §5): text takes the current *fill*
//! colour, so every text section sets black first; `SetTextCursor` is relative inside a text
//! section, so every line gets a section of its own; the creation date defaults to 1970; and the
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
    let laid_out = layout::layout(doc, &fonts);

    let mut font_warnings = Vec::new();
    let regular =
        ParsedFont::from_bytes(REGULAR_TTF, 0, &mut font_warnings).ok_or(Error::Font("regular"))?;
    let bold =
        ParsedFont::from_bytes(BOLD_TTF, 0, &mut font_warnings).ok_or(Error::Font("bold"))?;

    let mut pdf = PdfDocument::new(&doc.info.title);
    let regular = pdf.add_font(&regular);
    let bold = pdf.add_font(&bold);
    let pages = laid_out
        .pages
        .iter()
        .map(|page| {
            let mut ops = Vec::with_capacity(page.items.len() * 4);
            for item in &page.items {
                push_item(&mut ops, item, &regular, &bold);
            }
            PdfPage::new(Mm(210.0), Mm(297.0), ops)
        })
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
        lo.compress();
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

fn push_item(ops: &mut Vec<Op>, item: &Item, regular: &FontId, bold: &FontId) {
    match item {
        Item::Text {
            x,
            y,
            size,
            bold: is_bold,
            text,
        } => {
            let font = if *is_bold { bold } else { regular };
            ops.extend([
                Op::StartTextSection,
                Op::SetFillColor {
                    col: color(Rgb::BLACK),
                },
                Op::SetFont {
                    font: PdfFontHandle::External(font.clone()),
                    size: Pt(*size),
                },
                Op::SetTextCursor {
                    pos: Point {
                        x: Pt(*x),
                        y: flip(*y),
                    },
                },
                Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                },
                Op::EndTextSection,
            ]);
        }
        Item::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            let mode = match (fill, stroke) {
                (Some(_), Some(_)) => PaintMode::FillStroke,
                (Some(_), None) => PaintMode::Fill,
                (None, Some(_)) => PaintMode::Stroke,
                (None, None) => return,
            };
            push_paint(ops, *fill, *stroke);
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(mode),
                    ..Rect::from_xywh(Pt(*x), flip(y + h), Pt(*w), Pt(*h))
                },
            });
        }
        Item::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
        } => {
            push_paint(ops, None, Some(*stroke));
            ops.push(Op::DrawLine {
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
            let mode = match (fill, stroke) {
                (Some(_), Some(_)) => PaintMode::FillStroke,
                (Some(_), None) => PaintMode::Fill,
                (None, Some(_)) => PaintMode::Stroke,
                (None, None) => return,
            };
            push_paint(ops, *fill, *stroke);
            ops.push(Op::DrawPolygon {
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

fn push_paint(ops: &mut Vec<Op>, fill: Option<Rgb>, stroke: Option<layout::Stroke>) {
    if let Some(f) = fill {
        ops.push(Op::SetFillColor { col: color(f) });
    }
    if let Some(s) = stroke {
        ops.push(Op::SetOutlineColor {
            col: color(s.color),
        });
        ops.push(Op::SetOutlineThickness { pt: Pt(s.width) });
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
