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
//! the real pages ([`Assembly`]). A subset whose characters' glyphs are numbered below 256
//! (every report so far) is shown with codes of one byte, under an encoding and a `/ToUnicode`
//! map of this module's ([`Codes`]); a larger one with printpdf's two-byte codes and map. Either way, copying text
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
/// take the place of that single page (see [`Assembly`]).
///
/// The text is shown with the glyph codes of the subsets (see [`page_ops`]). Should the layout
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

/// Title, author, subject, keywords, producer and the dates (printpdf's default is 1970).
fn set_info(pdf: &mut PdfDocument, doc: &ReportDocument) {
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
}

/// How many groups of pages are converted side by side.
fn workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 4)
}

/// The printpdf ids of the two fonts, by which every page names them: short, as every change of
/// font on a page repeats one (printpdf's own are 32 letters).
struct FontIds {
    regular: FontId,
    bold: FontId,
}

/// Characters by face: what the font subsets keep.
#[derive(Default)]
struct UsedChars {
    regular: BTreeSet<char>,
    bold: BTreeSet<char>,
}

impl UsedChars {
    /// The characters the pages show.
    fn of(pages: &[layout::Page]) -> Self {
        let mut faces = [CharSet::new(), CharSet::new()];
        for item in pages.iter().flat_map(|p| &p.items) {
            if let Item::Text { bold, text, .. } = item {
                faces[usize::from(*bold)].add(text);
            }
        }
        let [regular, bold] = faces.map(|f| f.chars);
        Self { regular, bold }
    }

    /// The characters the pages of `doc` will show, known before its layout: those of its
    /// texts and those the layout adds itself ([`layout::ADDED_CHARS`]) that the face has, in
    /// either face (which text is set in bold is the layout's business).
    fn expected(doc: &ReportDocument, fonts: &Fonts) -> Self {
        let mut all = CharSet::new();
        doc.for_each_text(|text| all.add(text));
        all.add(layout::ADDED_CHARS);
        let face = |bold| {
            all.chars
                .iter()
                .copied()
                .filter(|&c| fonts.has_glyph(c, bold))
                .collect()
        };
        Self {
            regular: face(false),
            bold: face(true),
        }
    }
}

/// Distinct characters, gathered from much text.
struct CharSet {
    /// A bit per code point of the Basic Multilingual Plane: far cheaper per character than
    /// a set, and a report has some hundred thousand characters.
    seen: Vec<u64>,
    chars: BTreeSet<char>,
}

impl CharSet {
    fn new() -> Self {
        Self {
            seen: vec![0; 0x1_0000 / 64],
            chars: BTreeSet::new(),
        }
    }

    fn add(&mut self, text: &str) {
        for c in text.chars() {
            let cp = c as usize;
            match self.seen.get_mut(cp / 64) {
                Some(word) if *word & (1 << (cp % 64)) != 0 => {}
                Some(word) => {
                    *word |= 1 << (cp % 64);
                    self.chars.insert(c);
                }
                None => {
                    self.chars.insert(c);
                }
            }
        }
    }
}

/// The fonts and the document around the pages: what the pages need, made while the layout
/// runs.
struct Prepared {
    regular: Face,
    bold: Face,
    ids: FontIds,
    /// The document with its fonts and metadata and a single page showing every glyph kept.
    document: lopdf::Document,
}

impl Prepared {
    fn new(
        doc: &ReportDocument,
        fonts: &Fonts,
        chars: &UsedChars,
        options: &PdfSaveOptions,
    ) -> Result<Self, Error> {
        // The two faces side by side: subsetting reads much of each font.
        let (regular, bold) = std::thread::scope(|s| {
            let bold =
                s.spawn(|| Subset::new(BOLD_TTF, |c| fonts.glyph_id(c, true), &chars.bold, "bold"));
            let regular = Subset::new(
                REGULAR_TTF,
                |c| fonts.glyph_id(c, false),
                &chars.regular,
                "regular",
            );
            (regular, bold.join())
        });
        let Subset {
            font: regular_font,
            program: regular_program,
            face: regular,
        } = regular?;
        let Subset {
            font: bold_font,
            program: bold_program,
            face: bold,
        } = bold.map_err(|_panic| Error::Font("bold"))??;
        let mut pdf = PdfDocument::new(&doc.info.title);
        let ids = FontIds {
            regular: FontId("F1".into()),
            bold: FontId("F2".into()),
        };
        let fonts = &mut pdf.resources.fonts.map;
        fonts.insert(ids.regular.clone(), PdfFont::new(regular_font));
        fonts.insert(ids.bold.clone(), PdfFont::new(bold_font));
        set_info(&mut pdf, doc);
        let mut document = glyph_document(pdf, &ids, chars, options);
        // printpdf leaves out a font that shows nothing.
        let mut one_byte_cmap = None;
        for (id, face, program, chars) in [
            (&ids.regular, &regular, regular_program, &chars.regular),
            (&ids.bold, &bold, bold_program, &chars.bold),
        ] {
            if !chars.is_empty() {
                finish_font(&mut document, id, face, program, &mut one_byte_cmap)?;
            }
        }
        compress_streams(&mut document);
        Ok(Self {
            regular,
            bold,
            ids,
            document,
        })
    }
}

/// A font reduced to the glyphs a report uses.
struct Subset {
    /// The subset, parsed: printpdf writes its widths (and, for codes of two bytes, its
    /// `/ToUnicode` map).
    font: ParsedFont,
    /// The subset's font program, Flate-compressed: compressed beside the other face while
    /// the layout runs, rather than with the document's other streams afterwards.
    program: Vec<u8>,
    face: Face,
}

/// What the pages and the font dictionaries need of a subset.
struct Face {
    /// The code of each character in the content streams: its glyph id in the subset.
    codes: Codes,
    /// For codes of one byte, the font's `/ToUnicode` map (printpdf writes one for codes of
    /// two bytes).
    to_unicode: Option<Vec<u8>>,
    /// The font's name in the PDF: the subset tag (ISO 32000-1, 9.6.4), six capitals derived
    /// from the glyphs kept, and the PostScript name ("ABCDEF+DejaVuSans").
    base_font: String,
}

impl Subset {
    /// The subset of the font `bytes` with the glyphs of `chars` (`glyph` maps a character to
    /// its glyph id in the full font).
    fn new(
        bytes: &[u8],
        glyph: impl Fn(char) -> Option<u16>,
        chars: &BTreeSet<char>,
        which: &'static str,
    ) -> Result<Self, Error> {
        let err = |e: &dyn std::fmt::Display| {
            Error::Write(format!("cannot subset the {which} font: {e}"))
        };
        // `.notdef` first (the subsetter requires it), then the glyphs in the order of their
        // characters. The subset numbers its glyphs in this order, so its character map is a
        // few long runs, and printpdf, which looks up every character of the report in it,
        // finds them quickly.
        let mut ids = vec![0u16];
        let mut kept = BTreeSet::from([0u16]);
        for &c in chars {
            if let Some(gid) = glyph(c)
                && kept.insert(gid)
            {
                ids.push(gid);
            }
        }
        let scope = allsorts::binary::read::ReadScope::new(bytes);
        let data = scope
            .read::<allsorts::font_data::FontData<'_>>()
            .map_err(|e| err(&e))?;
        let provider = data.table_provider(0).map_err(|e| err(&e))?;
        let subset = allsorts::subset::subset(
            &provider,
            &ids,
            &allsorts::subset::SubsetProfile::Pdf,
            allsorts::subset::CmapTarget::Unicode,
        )
        .map_err(|e| err(&e))?;
        let mut font =
            ParsedFont::from_bytes(&subset, 0, &mut Vec::new()).ok_or(Error::Font(which))?;
        // printpdf reads each glyph's width from its outline, decoding it on first use into a
        // cache that all copies of the font share: decoded here, beside the other face, not
        // later while the document is written.
        font.prime_glyph_cache();
        // The codes are read back from the subset's own character map, the one printpdf
        // writes the widths from, so text, widths and copy-and-paste agree.
        let codes = Codes::new(chars, |c| font.lookup_glyph_index(u32::from(c)));
        let to_unicode = codes.one_byte.then(|| codes.to_unicode(chars));
        let name = font.font_name.clone().unwrap_or_else(|| which.to_owned());
        let mut hash = Sha256::new();
        hash.update(name.as_bytes());
        for gid in &ids {
            hash.update(gid.to_be_bytes());
        }
        let tag: String = hash
            .finalize()
            .iter()
            .take(6)
            .map(|b| char::from(b'A' + b % 26))
            .collect();
        let program = Compressor::new()
            .deflate_bytes(&subset)
            .ok_or_else(|| err(&"the font program does not compress"))?;
        Ok(Self {
            font,
            program,
            face: Face {
                codes,
                to_unicode,
                base_font: format!("{tag}+{name}"),
            },
        })
    }
}

/// Characters to glyph codes of a subset: the glyph id in the subset, as one byte when every
/// character's glyph is numbered below 256 (as in every report so far: the subset numbers the
/// characters' glyphs first), else as two (Identity-H).
///
/// One byte per character halves the text in the content streams, which are mostly text, and
/// so the time to write and compress them. The font then needs an encoding of its own, which
/// maps each byte to the glyph of that number ([`ONE_BYTE_CMAP`]), and a `/ToUnicode` map for
/// those codes ([`Codes::to_unicode`]).
struct Codes {
    /// By code point in the Basic Multilingual Plane, 0 (`.notdef`) where unused.
    bmp: Vec<u16>,
    /// The few beyond it.
    astral: std::collections::HashMap<char, u16>,
    /// Whether each code is one byte.
    one_byte: bool,
}

impl Codes {
    /// The codes of `chars`, whose glyph ids in the subset `glyph` gives; one byte each if
    /// every one fits.
    fn new(chars: &BTreeSet<char>, glyph: impl Fn(char) -> Option<u16>) -> Self {
        let mut codes = Self {
            bmp: vec![0; 0x1_0000],
            astral: std::collections::HashMap::new(),
            one_byte: true,
        };
        for &c in chars {
            let gid = glyph(c).unwrap_or(0);
            codes.one_byte &= gid <= 0xFF;
            match codes.bmp.get_mut(c as usize) {
                Some(slot) => *slot = gid,
                None => {
                    codes.astral.insert(c, gid);
                }
            }
        }
        codes
    }

    /// The code of `c`: 0 (`.notdef`, which no kept character has) if it is not kept.
    fn code(&self, c: char) -> u16 {
        match self.bmp.get(c as usize) {
            Some(&code) => code,
            None => self.astral.get(&c).copied().unwrap_or(0),
        }
    }

    /// The string operand that shows `text`; `None` if the subset lacks one of its characters.
    fn encode(&self, text: &str) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(if self.one_byte { 1 } else { 2 } * text.len());
        for c in text.chars() {
            let code = self.code(c);
            if code == 0 {
                return None;
            }
            if self.one_byte {
                out.push(u8::try_from(code).ok()?);
            } else {
                out.extend_from_slice(&code.to_be_bytes());
            }
        }
        Some(out)
    }

    /// The `/ToUnicode` map of one-byte codes for `chars` (ISO 32000-1, 9.10.3): what text
    /// each code stands for, for copying and searching. Where characters share a glyph, the
    /// code stands for the first of them.
    fn to_unicode(&self, chars: &BTreeSet<char>) -> Vec<u8> {
        use std::fmt::Write as _;
        let mut text_of = std::collections::BTreeMap::new();
        for &c in chars {
            if let Ok(code) = u8::try_from(self.code(c))
                && code != 0
            {
                text_of.entry(code).or_insert(c);
            }
        }
        let entries: Vec<(u8, char)> = text_of.into_iter().collect();
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
             /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
             1 begincodespacerange\n<00> <FF>\nendcodespacerange\n",
        );
        // At most 100 entries per block.
        for block in entries.chunks(100) {
            writeln!(cmap, "{} beginbfchar", block.len()).ok();
            for &(code, c) in block {
                write!(cmap, "<{code:02X}> <").ok();
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(cmap, "{unit:04X}").ok();
                }
                cmap.push_str(">\n");
            }
            cmap.push_str("endbfchar\n");
        }
        cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        cmap.into_bytes()
    }
}

/// The encoding of the fonts with one-byte codes (ISO 32000-1, 9.7.5): each byte selects the
/// glyph (CID) of its number, as Identity-H does for two bytes.
const ONE_BYTE_CMAP: &str = "%!PS-Adobe-3.0 Resource-CMap\n\
    /CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
    /CIDSystemInfo 3 dict dup begin\n/Registry (Adobe) def\n/Ordering (Identity) def\n\
    /Supplement 0 def\nend def\n/CMapName /PlattformCheck-OneByte def\n/CMapType 1 def\n\
    1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
    1 begincidrange\n<00> <FF> 0\nendcidrange\n\
    endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

/// The stream of [`ONE_BYTE_CMAP`], to which the fonts with one-byte codes refer.
fn one_byte_cmap_stream() -> lopdf::Stream {
    use lopdf::{Dictionary, Object, StringFormat};
    let system = Dictionary::from_iter([
        (
            "Registry",
            Object::String(b"Adobe".to_vec(), StringFormat::Literal),
        ),
        (
            "Ordering",
            Object::String(b"Identity".to_vec(), StringFormat::Literal),
        ),
        ("Supplement", Object::Integer(0)),
    ]);
    let dict = Dictionary::from_iter([
        ("Type", Object::Name(b"CMap".to_vec())),
        ("CMapName", Object::Name(b"PlattformCheck-OneByte".to_vec())),
        ("CIDSystemInfo", Object::Dictionary(system)),
    ]);
    lopdf::Stream::new(dict, ONE_BYTE_CMAP.as_bytes().to_vec())
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

/// The document with its fonts and metadata and a single page that shows every glyph used,
/// so that printpdf writes the fonts' widths and `/ToUnicode` maps for all of them. Its streams
/// are not compressed yet.
fn glyph_document(
    mut pdf: PdfDocument,
    ids: &FontIds,
    used: &UsedChars,
    options: &PdfSaveOptions,
) -> lopdf::Document {
    let mut ops = vec![Op::StartTextSection];
    for (id, chars) in [(&ids.regular, &used.regular), (&ids.bold, &used.bold)] {
        if chars.is_empty() {
            continue;
        }
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(id.clone()),
            size: Pt(10.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(chars.iter().collect())],
        });
    }
    ops.push(Op::EndTextSection);
    pdf.pages = vec![PdfPage::new(Mm(210.0), Mm(297.0), ops)];
    pdf.to_lopdf_document(options, &mut Vec::new())
}

/// Replaces the single page of the glyph document by the real pages.
struct Assembly {
    pages: lopdf::ObjectId,
    template: lopdf::Dictionary,
}

impl Assembly {
    /// The page objects of `lo`, in order.
    fn kids(lo: &lopdf::Document) -> Result<Vec<lopdf::ObjectId>, lopdf::Error> {
        let pages = lo.catalog()?.get(b"Pages")?.as_reference()?;
        lo.get_dictionary(pages)?
            .get(b"Kids")?
            .as_array()?
            .iter()
            .map(lopdf::Object::as_reference)
            .collect()
    }

    /// Takes the glyph page out of `lo`, keeping its dictionary as the template of every page
    /// (media box, resources).
    fn new(lo: &mut lopdf::Document) -> Result<Self, Error> {
        let err = |e: lopdf::Error| Error::Write(format!("cannot assemble the pages: {e}"));
        let pages = lo
            .catalog()
            .and_then(|c| c.get(b"Pages")?.as_reference())
            .map_err(err)?;
        let glyph_page = *Self::kids(lo)
            .map_err(err)?
            .first()
            .ok_or_else(|| Error::Write("cannot assemble the pages: no page".into()))?;
        let template = lo
            .objects
            .remove(&glyph_page)
            .and_then(|o| o.as_dict().ok().cloned())
            .ok_or_else(|| Error::Write("cannot assemble the pages: no page dictionary".into()))?;
        if let Ok(contents) = template
            .get(b"Contents")
            .and_then(lopdf::Object::as_reference)
        {
            lo.objects.remove(&contents);
        }
        Ok(Self { pages, template })
    }

    /// Adds a page for each content stream, in order.
    fn pages(self, lo: &mut lopdf::Document, contents: Vec<lopdf::Stream>) {
        let kids: Vec<lopdf::Object> = contents
            .into_iter()
            .map(|stream| {
                let mut page = self.template.clone();
                page.set("Contents", lo.add_object(stream));
                lopdf::Object::Reference(lo.add_object(page))
            })
            .collect();
        if let Ok(pages) = lo.get_dictionary_mut(self.pages) {
            pages.set("Count", i64::try_from(kids.len()).unwrap_or(i64::MAX));
            pages.set("Kids", kids);
        }
    }
}

/// Marks the font `id` as the subset it is (printpdf, given a font that is already a subset,
/// writes it under the plain name of the full font), and puts in its compressed `program`.
fn finish_font(
    lo: &mut lopdf::Document,
    id: &FontId,
    face: &Face,
    program: Vec<u8>,
    one_byte_cmap: &mut Option<lopdf::ObjectId>,
) -> Result<(), Error> {
    use lopdf::Object;
    let missing = |what: &str| Error::Write(format!("the PDF lacks the {what} of font {}", id.0));
    let name = Object::Name(face.base_font.clone().into_bytes());
    // The entry `key` of the dictionary `dict`, as the id of the object it refers to.
    let follow = |lo: &lopdf::Document, dict: lopdf::ObjectId, key: &[u8]| {
        lo.get_dictionary(dict)
            .ok()?
            .get(key)
            .ok()?
            .as_reference()
            .ok()
    };
    let type0 = Assembly::kids(lo)
        .ok()
        .and_then(|kids| kids.first().copied())
        .and_then(|page| follow(lo, page, b"Resources"))
        .and_then(|resources| follow(lo, resources, b"Font"))
        .and_then(|fonts| follow(lo, fonts, id.0.as_bytes()))
        .ok_or_else(|| missing("dictionary"))?;
    // Codes of one byte: the font's encoding and `/ToUnicode` map for them.
    if let Some(to_unicode) = &face.to_unicode {
        let cmap = *one_byte_cmap.get_or_insert_with(|| lo.add_object(one_byte_cmap_stream()));
        let map = lo
            .get_dictionary_mut(type0)
            .ok()
            .and_then(|font| {
                font.set("Encoding", cmap);
                font.get(b"ToUnicode").and_then(Object::as_reference).ok()
            })
            .and_then(|m| stream_mut(lo, m))
            .ok_or_else(|| missing("Unicode map"))?;
        map.set_content(to_unicode.clone());
    }
    // printpdf writes the descendant font inside the font's dictionary, and its descriptor
    // and font program as objects of their own.
    let descendant = lo
        .get_dictionary_mut(type0)
        .ok()
        .and_then(|font| {
            font.set("BaseFont", name.clone());
            font.get_mut(b"DescendantFonts")
                .ok()?
                .as_array_mut()
                .ok()?
                .first_mut()?
                .as_dict_mut()
                .ok()
        })
        .ok_or_else(|| missing("descendant font"))?;
    descendant.set("BaseFont", name.clone());
    let descriptor = descendant
        .get(b"FontDescriptor")
        .and_then(Object::as_reference)
        .map_err(|_absent| missing("descriptor"))?;
    let file = lo
        .get_dictionary_mut(descriptor)
        .ok()
        .and_then(|d| {
            d.set("FontName", name);
            d.get(b"FontFile2").and_then(Object::as_reference).ok()
        })
        .and_then(|f| stream_mut(lo, f))
        .ok_or_else(|| missing("font program"))?;
    // `/Length1`, the length of the program itself, printpdf has set.
    file.dict.set("Filter", "FlateDecode");
    file.set_content(program);
    Ok(())
}

/// The stream `id` of `lo`.
fn stream_mut(lo: &mut lopdf::Document, id: lopdf::ObjectId) -> Option<&mut lopdf::Stream> {
    lo.get_object_mut(id).ok()?.as_stream_mut().ok()
}

/// The Flate level of the streams: zlib-rs's fastest. With one-byte glyph codes the content
/// streams are small enough that it keeps every example far below 200 KB, and it compresses
/// about twice as fast as level 2 (README, "Benchmarks").
const DEFLATE_LEVEL: u32 = 1;

/// Compresses every stream of `lo` that is not compressed yet.
fn compress_streams(lo: &mut lopdf::Document) {
    let mut compressor = Compressor::new();
    for stream in lo
        .objects
        .values_mut()
        .filter_map(|o| o.as_stream_mut().ok())
    {
        compressor.deflate(stream);
    }
}

/// Flate compression of streams, as `lopdf::Stream::compress` does but at [`DEFLATE_LEVEL`].
///
/// One compressor is kept and reset between streams: its tables are larger than most page
/// streams, and allocating them afresh for each stream costs more than compressing it.
struct Compressor(flate2::Compress);

impl Compressor {
    fn new() -> Self {
        let level = DEFLATE_LEVEL;
        Self(flate2::Compress::new(flate2::Compression::new(level), true))
    }

    /// Compresses `stream` unless it is compressed already or may not be. A stream that would
    /// not shrink, or that fails to compress, stays as it is (as in lopdf).
    fn deflate(&mut self, stream: &mut lopdf::Stream) {
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            return;
        }
        if let Some(out) = self.deflate_bytes(&stream.content)
            && out.len() < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(out);
        }
    }

    /// `input`, Flate-compressed; `None` if compressing fails.
    fn deflate_bytes(&mut self, input: &[u8]) -> Option<Vec<u8>> {
        let z = &mut self.0;
        z.reset();
        let mut out = Vec::with_capacity(input.len() / 2 + 64);
        loop {
            let consumed = usize::try_from(z.total_in()).unwrap_or(usize::MAX);
            let rest = input.get(consumed..).unwrap_or_default();
            match z.compress_vec(rest, &mut out, flate2::FlushCompress::Finish) {
                Ok(flate2::Status::StreamEnd) => return Some(out),
                // The output is full: give it room and go on.
                Ok(_) => out.reserve(out.capacity().max(64)),
                Err(_) => return None,
            }
        }
    }
}

fn color(c: Rgb) -> Color {
    Color::Rgb(PdfRgb::new(c.0, c.1, c.2, None))
}

/// `v` rounded to a hundredth of a point (3.5 µm): far finer than any printer or screen, and
/// short in the content streams (`70.87`, not the `70.86614` of a margin of 25 mm), which
/// makes them quicker to write and to compress.
fn grid(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// PDF y (from the bottom) of a layout y (from the top), on the [`grid`].
fn flip(y: f32) -> Pt {
    Pt(grid(PAGE_HEIGHT - y))
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(grid(x)),
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
/// the previous line, so each line moves by its distance from the one before. Each line is a
/// `Tj` of glyph codes ([`Codes`]). `None` if the subsets lack a character of the page.
///
/// Positions are rounded to a hundredth of a point ([`grid`]).
fn page_ops(page: &layout::Page, fonts: &Prepared) -> Option<Vec<Op>> {
    // A text line takes three operations at most, a shape four (colours, width, the shape).
    let mut p = Painter {
        ops: Vec::with_capacity(4 * page.items.len() + 3),
        ..Painter::default()
    };
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
        let (id, codes) = if *is_bold {
            (&fonts.ids.bold, &fonts.bold.codes)
        } else {
            (&fonts.ids.regular, &fonts.regular.codes)
        };
        if font != Some((*is_bold, *size)) {
            p.ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(*size),
            });
            font = Some((*is_bold, *size));
        }
        let at = (grid(*x), grid(PAGE_HEIGHT - *y));
        // The steps between points of the grid, rounded again: the difference of two such
        // points is not always the shortest number in `f32`.
        p.ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(grid(at.0 - line_start.0)),
                y: Pt(grid(at.1 - line_start.1)),
            },
        });
        line_start = at;
        // `Tj` with the glyph codes of the subset, as a literal string: what `ShowText`
        // would write, without its per-character look-ups and hex digits (see the module
        // documentation).
        p.ops.push(Op::Unknown {
            key: "Tj".to_owned(),
            value: vec![DictItem::String {
                data: codes.encode(text)?,
                literal: true,
            }],
        });
    }
    p.ops.push(Op::EndTextSection);
    Some(p.ops)
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
                            ..Rect::from_xywh(Pt(grid(*x)), flip(y + h), Pt(grid(*w)), Pt(grid(*h)))
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
            x: Pt(grid(x)),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example report, in both languages.
    fn example_reports() -> Vec<ReportDocument> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("assets/examples")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        let mut docs = Vec::new();
        for path in paths {
            let (checklist, assessment) = crate::session::open_file(&path, None)
                .expect("the example opens")
                .into_parts();
            let score = crate::scoring::score(&checklist, &assessment);
            for lang in [crate::text::Lang::De, crate::text::Lang::En] {
                docs.push(super::super::build(
                    &checklist,
                    &assessment,
                    &score,
                    lang,
                    "9.9.9",
                    time::macros::date!(2026 - 11 - 22),
                ));
            }
        }
        assert!(docs.len() >= 6, "three examples expected");
        docs
    }

    #[test]
    fn the_characters_expected_before_the_layout_cover_what_the_pages_show() {
        // Otherwise every export subsets the fonts twice (correct, but slow).
        let fonts = Fonts::new().expect("fonts");
        for doc in example_reports() {
            let expected = UsedChars::expected(&doc, &fonts);
            let used = UsedChars::of(&layout::layout(&doc, &fonts).pages);
            let missing: Vec<char> = used
                .regular
                .difference(&expected.regular)
                .chain(used.bold.difference(&expected.bold))
                .copied()
                .collect();
            assert!(
                missing.is_empty(),
                "{}: not expected: {missing:?}",
                doc.info.title
            );
        }
    }

    #[test]
    fn fonts_prepared_for_too_few_characters_are_not_used() {
        let fonts = Fonts::new().expect("fonts");
        let doc = example_reports().swap_remove(0);
        let used = UsedChars::of(&layout::layout(&doc, &fonts).pages);
        let few = UsedChars {
            regular: used.regular.iter().copied().skip(1).collect(),
            bold: used.bold.clone(),
        };
        let options = PdfSaveOptions::default();
        let pages = layout::layout(&doc, &fonts).pages;
        let short = Prepared::new(&doc, &fonts, &few, &options).expect("prepared");
        let converted = convert(&pages, &short, &options).expect("converted");
        assert!(converted.is_none(), "one character short");
        let full = Prepared::new(&doc, &fonts, &UsedChars::of(&pages), &options).expect("prepared");
        let converted = convert(&pages, &full, &options).expect("converted");
        assert_eq!(converted.map(|c| c.len()), Some(pages.len()));
        // Every character shown has its glyph in the subset.
        for (chars, codes) in [
            (&used.regular, &full.regular.codes),
            (&used.bold, &full.bold.codes),
        ] {
            let text: String = chars.iter().collect();
            let encoded = codes.encode(&text).expect("every character kept");
            assert!(codes.one_byte);
            assert_eq!(encoded.len(), chars.len(), "one byte per character");
            assert!(!encoded.contains(&0), "no .notdef");
        }
    }

    #[test]
    fn the_examples_are_shown_with_codes_of_one_byte() {
        // Codes of two bytes would double the text in the content streams.
        let fonts = Fonts::new().expect("fonts");
        let options = PdfSaveOptions::default();
        for doc in example_reports() {
            let expected = UsedChars::expected(&doc, &fonts);
            let prepared = Prepared::new(&doc, &fonts, &expected, &options).expect("prepared");
            for face in [&prepared.regular, &prepared.bold] {
                assert!(face.codes.one_byte, "{}", doc.info.title);
                let map =
                    String::from_utf8(face.to_unicode.clone().expect("a map")).expect("ASCII");
                // "ü" and "ß" (of "Prüfung", "Maßnahme"), as the Unicode map gives them to a
                // reader copying text.
                for c in ['ü', 'ß'] {
                    let code = face.codes.code(c);
                    assert_ne!(code, 0, "{c} kept");
                    let entry = format!("<{code:02X}> <{:04X}>", u32::from(c));
                    assert!(map.contains(&entry), "{c}: {entry} in\n{map}");
                }
            }
        }
    }

    #[test]
    fn positions_are_rounded_to_the_hundredth_of_a_point() {
        for (v, rounded) in [
            (70.866_14, 70.87),
            (760.139_2, 760.14),
            (-144.992_25, -144.99),
        ] {
            assert_eq!(grid(v), rounded);
            assert_eq!(grid(v).to_string(), rounded.to_string());
        }
        // A step between two points of the grid is written as briefly as the points.
        assert_eq!(grid(760.14 - 70.87).to_string(), "689.27");
    }

    fn page(chars: usize) -> layout::Page {
        layout::Page {
            items: vec![Item::Text {
                x: 0.0,
                y: 0.0,
                size: 10.0,
                bold: false,
                text: "x".repeat(chars),
            }],
        }
    }

    #[test]
    fn chunks_are_contiguous_cover_every_page_and_balance_the_text() {
        let pages: Vec<_> = [900, 100, 100, 100, 100, 100, 100, 100, 100, 100]
            .into_iter()
            .map(page)
            .collect();
        for n in 1..=4 {
            let chunks = chunks(&pages, n);
            assert!(
                !chunks.is_empty() && chunks.len() <= n,
                "{n}: {}",
                chunks.len()
            );
            assert_eq!(chunks.iter().map(|c| c.len()).sum::<usize>(), pages.len());
            // Contiguous and in order: the chunks laid end to end are the pages.
            let mut at = 0;
            for chunk in &chunks {
                assert!(std::ptr::eq(chunk.as_ptr(), pages[at..].as_ptr()));
                at += chunk.len();
            }
        }
        // The long first page is a chunk of its own when there are two.
        assert_eq!(chunks(&pages, 2)[0].len(), 1);
        assert_eq!(chunks(&pages[..1], 4).len(), 1);
    }
}
