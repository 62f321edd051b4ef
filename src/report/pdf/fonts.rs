//! The fonts of the PDF: subsets of the two `DejaVu` faces for the characters the report shows,
//! glyph codes of one byte where the subset allows, `/ToUnicode` maps, and the font dictionaries
//! finished after printpdf has written them.

use super::*;

/// The printpdf ids of the two fonts, by which every page names them: short, as every change of
/// font on a page repeats one (printpdf's own are 32 letters).
pub(super) struct FontIds {
    pub(super) regular: FontId,
    pub(super) bold: FontId,
}

/// Characters by face: what the font subsets keep.
#[derive(Default)]
pub(super) struct UsedChars {
    pub(super) regular: BTreeSet<char>,
    pub(super) bold: BTreeSet<char>,
}

impl UsedChars {
    /// The characters the pages show.
    pub(super) fn of(pages: &[layout::Page]) -> Self {
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
    pub(super) fn expected(doc: &ReportDocument, fonts: &Fonts) -> Self {
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
pub(super) struct CharSet {
    /// A bit per code point of the Basic Multilingual Plane: far cheaper per character than
    /// a set, and a report has some hundred thousand characters.
    pub(super) seen: Vec<u64>,
    pub(super) chars: BTreeSet<char>,
}

impl CharSet {
    pub(super) fn new() -> Self {
        Self {
            seen: vec![0; 0x1_0000 / 64],
            chars: BTreeSet::new(),
        }
    }

    pub(super) fn add(&mut self, text: &str) {
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
pub(super) struct Prepared {
    pub(super) regular: Face,
    pub(super) bold: Face,
    pub(super) ids: FontIds,
    /// The document with its fonts and metadata and a single page showing every glyph kept.
    pub(super) document: lopdf::Document,
}

impl Prepared {
    pub(super) fn new(
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
pub(super) struct Subset {
    /// The subset, parsed: printpdf writes its widths (and, for codes of two bytes, its
    /// `/ToUnicode` map).
    pub(super) font: ParsedFont,
    /// The subset's font program, Flate-compressed: compressed beside the other face while
    /// the layout runs, rather than with the document's other streams afterwards.
    pub(super) program: Vec<u8>,
    pub(super) face: Face,
}

/// What the pages and the font dictionaries need of a subset.
pub(super) struct Face {
    /// The code of each character in the content streams: its glyph id in the subset.
    pub(super) codes: Codes,
    /// For codes of one byte, the font's `/ToUnicode` map (printpdf writes one for codes of
    /// two bytes).
    pub(super) to_unicode: Option<Vec<u8>>,
    /// The font's name in the PDF: the subset tag (ISO 32000-1, 9.6.4), six capitals derived
    /// from the glyphs kept, and the PostScript name ("ABCDEF+DejaVuSans").
    pub(super) base_font: String,
}

impl Subset {
    /// The subset of the font `bytes` with the glyphs of `chars` (`glyph` maps a character to
    /// its glyph id in the full font).
    pub(super) fn new(
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
pub(super) struct Codes {
    /// By code point in the Basic Multilingual Plane, 0 (`.notdef`) where unused.
    pub(super) bmp: Vec<u16>,
    /// The few beyond it.
    pub(super) astral: std::collections::HashMap<char, u16>,
    /// Whether each code is one byte.
    pub(super) one_byte: bool,
}

impl Codes {
    /// The codes of `chars`, whose glyph ids in the subset `glyph` gives; one byte each if
    /// every one fits.
    pub(super) fn new(chars: &BTreeSet<char>, glyph: impl Fn(char) -> Option<u16>) -> Self {
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
    pub(super) fn code(&self, c: char) -> u16 {
        match self.bmp.get(c as usize) {
            Some(&code) => code,
            None => self.astral.get(&c).copied().unwrap_or(0),
        }
    }

    /// The string operand that shows `text`; `None` if the subset lacks one of its characters.
    pub(super) fn encode(&self, text: &str) -> Option<Vec<u8>> {
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
    pub(super) fn to_unicode(&self, chars: &BTreeSet<char>) -> Vec<u8> {
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
pub(super) const ONE_BYTE_CMAP: &str = "%!PS-Adobe-3.0 Resource-CMap\n\
    /CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
    /CIDSystemInfo 3 dict dup begin\n/Registry (Adobe) def\n/Ordering (Identity) def\n\
    /Supplement 0 def\nend def\n/CMapName /PlattformCheck-OneByte def\n/CMapType 1 def\n\
    1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
    1 begincidrange\n<00> <FF> 0\nendcidrange\n\
    endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

/// The stream of [`ONE_BYTE_CMAP`], to which the fonts with one-byte codes refer.
pub(super) fn one_byte_cmap_stream() -> lopdf::Stream {
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

/// The document with its fonts and metadata and a single page that shows every glyph used,
/// so that printpdf writes the fonts' widths and `/ToUnicode` maps for all of them. Its streams
/// are not compressed yet.
pub(super) fn glyph_document(
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

/// Marks the font `id` as the subset it is (printpdf, given a font that is already a subset,
/// writes it under the plain name of the full font), and puts in its compressed `program`.
pub(super) fn finish_font(
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
