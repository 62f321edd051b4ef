//! Unit tests of the PDF writer: fonts, glyph codes, positions, page runs.

use super::paint::grid;
use super::*;

/// Every example report, in both languages.
fn example_reports() -> Vec<ReportDocument> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("assets/examples")
        .map(|e| e.expect("entry").path())
        // The examples, not the trainer's notes beside them.
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
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
            let map = String::from_utf8(face.to_unicode.clone().expect("a map")).expect("ASCII");
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
