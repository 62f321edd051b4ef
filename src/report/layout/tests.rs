//! Unit tests of the layout: fonts, wrapping, markers.

use super::wrap::pieces;
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
            let direct = m.glyph(c).map(|g| m.glyph_advance(g));
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
