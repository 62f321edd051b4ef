//! The report of every example, and of hard cases, before it becomes a PDF: its content
//! (knock-outs first, every question, the fingerprint) and its page layout (nothing outside the
//! body, nothing overlapping, no heading left alone at the foot of a page).

mod common;

use std::path::{Path, PathBuf};

use common::open_assessment;
use plattformcheck::assessment::{Answer, Assessment, Measure, MeasureStatus};
use plattformcheck::checklist::Checklist;
use plattformcheck::report::layout::{
    self, BODY_BOTTOM, BODY_TOP, Fonts, Item, LEFT, PAGE_HEIGHT, PAGE_WIDTH, RIGHT,
};
use plattformcheck::report::{self, Block, ReportDocument};
use plattformcheck::risk::Level;
use plattformcheck::scoring::score;
use plattformcheck::store;
use plattformcheck::text::Lang;
use time::macros::date;

fn examples() -> Vec<PathBuf> {
    let files = common::ron_files(Path::new("assets/examples"));
    assert!(files.len() >= 3, "three examples, found {}", files.len());
    files
}

fn open(path: &Path) -> (Checklist, Assessment) {
    open_assessment(path, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn build(checklist: &Checklist, assessment: &Assessment, lang: Lang) -> ReportDocument {
    let s = score(checklist, assessment);
    report::build(
        checklist,
        assessment,
        &s,
        lang,
        "0.0.0-test",
        date!(2026 - 11 - 22),
    )
}

/// Vertical extent of `DejaVu` glyphs relative to the font size (ascender with accents, descender).
const ASCENT: f32 = 0.93;
const DESCENT: f32 = 0.24;

/// Checks the page rules on a laid-out document; `what` names it in failures.
fn check_layout(doc: &ReportDocument, what: &str) -> usize {
    let fonts = Fonts::new().expect("fonts");
    let laid = layout::layout(doc, &fonts);
    assert!(!laid.pages.is_empty(), "{what}: pages");
    for (p, page) in laid.pages.iter().enumerate() {
        let n = p + 1;
        let mut boxes = Vec::new();
        for item in &page.items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    bold,
                    text,
                } => {
                    let w = fonts.width(text, *size, *bold);
                    let (top, bottom) = (y - ASCENT * size, y + DESCENT * size);
                    assert!(
                        *x >= LEFT - 0.01 && x + w <= PAGE_WIDTH - RIGHT + 0.01,
                        "{what}, page {n}: {text:?} outside the margins (x {x}, width {w})"
                    );
                    let decoration = *y < BODY_TOP || *y > BODY_BOTTOM + 5.0;
                    if decoration {
                        assert!(
                            top > 0.0 && bottom < PAGE_HEIGHT,
                            "{what}, page {n}: {text:?} off the page"
                        );
                    } else {
                        assert!(
                            top >= BODY_TOP - 0.5 && bottom <= BODY_BOTTOM + 0.5,
                            "{what}, page {n}: {text:?} outside the body (y {y})"
                        );
                    }
                    assert!(
                        !text.contains('\n') && !text.is_empty(),
                        "{what}, page {n}: one line each: {text:?}"
                    );
                    boxes.push((*x, top, x + w, bottom, text.as_str()));
                }
                Item::Rect { x, y, w, h, .. } => assert!(
                    *x >= LEFT - 0.01
                        && x + w <= PAGE_WIDTH - RIGHT + 0.01
                        && *y >= BODY_TOP - 0.5
                        && y + h <= BODY_BOTTOM + 0.5,
                    "{what}, page {n}: a rectangle outside the body"
                ),
                Item::Line { x1, x2, .. } => assert!(
                    *x1 >= LEFT - 0.01 && *x2 <= PAGE_WIDTH - RIGHT + 0.01,
                    "{what}, page {n}: a rule outside the margins"
                ),
                Item::Circle { .. } => {}
            }
        }
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap =
                    a.0 < b.2 - 0.3 && b.0 < a.2 - 0.3 && a.1 < b.3 - 0.3 && b.1 < a.3 - 0.3;
                assert!(!overlap, "{what}, page {n}: {:?} overlaps {:?}", a.4, b.4);
            }
        }
        // The last line of the body is never a chapter or section heading (15 pt and 11.5 pt
        // bold; the 15 pt class label of the cover lights is excluded by the page number).
        let last = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    y,
                    size,
                    bold,
                    text,
                    ..
                } if *y >= BODY_TOP && *y <= BODY_BOTTOM + 5.0 => {
                    Some((*y, *size, *bold, text.as_str()))
                }
                _ => None,
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, size, bold, text)) = last {
            let heading = bold && (size == 11.5 || (size == 15.0 && n > 1));
            assert!(
                !heading,
                "{what}, page {n}: heading {text:?} alone at the foot"
            );
        }
    }
    assert!(
        laid.warnings.is_empty() || what.contains("emoji"),
        "{what}: {:?}",
        laid.warnings
    );
    laid.pages.len()
}

#[test]
fn every_example_lays_out_cleanly_in_both_languages() {
    for path in examples() {
        let (checklist, assessment) = open(&path);
        for lang in [Lang::De, Lang::En] {
            let doc = build(&checklist, &assessment, lang);
            let pages = check_layout(&doc, &format!("{} ({})", path.display(), lang.code()));
            assert!(
                (10..=80).contains(&pages),
                "{}: {pages} pages",
                path.display()
            );
        }
    }
}

#[test]
fn the_table_of_contents_gives_the_right_pages() {
    let fonts = Fonts::new().expect("fonts");
    for path in examples() {
        let (checklist, assessment) = open(&path);
        let laid = layout::layout(&build(&checklist, &assessment, Lang::De), &fonts);
        // The contents close the cover; a cover filled by long names moves them to page 2.
        let contents_page = laid
            .pages
            .iter()
            .position(|p| {
                p.items
                    .iter()
                    .any(|item| matches!(item, Item::Text { text, .. } if text == "Inhalt"))
            })
            .unwrap_or_else(|| panic!("{}: contents on the cover", path.display()));
        assert!(
            contents_page <= 1,
            "{}: contents on the first two pages",
            path.display()
        );
        // Chapter headings as laid out: 15 pt bold, after the contents.
        let chapters: Vec<(String, usize)> = laid
            .pages
            .iter()
            .enumerate()
            .skip(contents_page + 1)
            .flat_map(|(i, p)| {
                p.items.iter().filter_map(move |item| match item {
                    Item::Text {
                        size, bold, text, ..
                    } if *size == 15.0 && *bold => Some((text.clone(), i + 1)),
                    _ => None,
                })
            })
            .collect();
        assert!(
            chapters.len() >= 8,
            "{}: chapters {chapters:?}",
            path.display()
        );
        // The contents on the cover: entry and page number share a baseline.
        let cover: Vec<(f32, f32, &str)> = laid.pages[contents_page]
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text {
                    x, y, size, text, ..
                } if *size == 9.5 => Some((*y, *x, text.as_str())),
                _ => None,
            })
            .collect();
        for (title, page) in &chapters {
            let (y, _, _) = cover
                .iter()
                .find(|(_, _, t)| t == title)
                .unwrap_or_else(|| panic!("{}: {title} not in the contents", path.display()));
            let number = cover
                .iter()
                .filter(|(yy, _, t)| (yy - y).abs() < 0.01 && t != title)
                .map(|(_, _, t)| *t)
                .next();
            assert_eq!(
                number,
                Some(page.to_string().as_str()),
                "{}: {title} is on page {page}",
                path.display()
            );
        }
    }
}

#[test]
fn every_visible_question_is_in_the_report() {
    for path in examples() {
        let (checklist, assessment) = open(&path);
        let doc = build(&checklist, &assessment, Lang::De);
        let answer_of = |id: &str| assessment.choice(id);
        let headings: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level: 3, text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let all = report::texts(&doc).join("\n");
        for (_, q) in checklist.questions() {
            let title = format!("{} {}", q.id, q.text.de);
            if checklist.is_visible(q, &answer_of) {
                assert!(
                    headings.contains(&title.as_str()),
                    "{}: {title}",
                    path.display()
                );
            } else {
                assert!(
                    all.contains(&format!("{title} — nicht zutreffend")),
                    "{}: hidden {} listed as not applicable",
                    path.display(),
                    q.id
                );
            }
        }
    }
}

#[test]
fn the_knockout_example_lists_its_knockouts_first() {
    let (checklist, assessment) = open(Path::new("assets/examples/gymnasium-tiktok-knockout.ron"));
    let s = score(&checklist, &assessment);
    let doc = build(&checklist, &assessment, Lang::De);
    let i = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text == "K.-o.-Kriterien"))
        .expect("knock-out section");
    let table = doc.blocks[i..]
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("knock-out table");
    let ids: Vec<&str> = table
        .rows
        .iter()
        .map(|r| r.cells[0].text.as_str())
        .collect();
    assert_eq!(ids, s.knockouts, "every knock-out, in checklist order");
    assert_eq!(ids.len(), 4, "the example has four");
    for row in &table.rows {
        assert!(!row.cells[2].text.is_empty(), "each with its reason");
    }
}

#[test]
fn the_fingerprint_ignores_layout_but_not_content() {
    let path = Path::new("assets/examples/stadt-musterstadt-tiktok.ron");
    let (_, a) = open(path);
    let reformatted =
        store::parse(path, &store::to_string(&a).expect("serialise")).expect("round trip");
    assert_eq!(
        a.fingerprint(),
        reformatted.fingerprint(),
        "comments and layout do not count"
    );
    let mut changed = a.clone();
    if let Some(answer) = changed.answers.values_mut().next() {
        answer.evidence.push('.');
    }
    assert_ne!(
        a.fingerprint(),
        changed.fingerprint(),
        "one character of evidence does"
    );
    let (_, other) = open(Path::new("assets/examples/polizei-instagram.ron"));
    assert_ne!(
        a.fingerprint(),
        other.fingerprint(),
        "different assessments"
    );
}

#[test]
fn hard_cases_lay_out_cleanly() {
    let path = Path::new("assets/examples/stadt-musterstadt-tiktok.ron");
    let (checklist, base) = open(path);

    // A 10,000-character justification, with a 300-character word.
    let mut long = base.clone();
    let mut text = "Ein sehr langes Wort: ".to_owned();
    text.push_str(&"Datenschutzfolgenabschätzung".repeat(11));
    while text.chars().count() < 10_000 {
        text.push_str(" Die Übermittlung in Drittländer wurde geprüft, die Ergebnisse sind im Vermerk dokumentiert.");
    }
    long.answers.get_mut("A1.1").expect("A1.1").justification = text;
    check_layout(
        &build(&checklist, &long, Lang::De),
        "10,000-character justification",
    );

    // Everything open: no answers at all.
    let mut open_all = base.clone();
    open_all.answers.clear();
    open_all.measures.clear();
    let doc = build(&checklist, &open_all, Lang::De);
    check_layout(&doc, "nothing answered");
    assert!(
        report::texts(&doc)
            .iter()
            .filter(|t| **t == "OFFEN – nicht beantwortet")
            .count()
            >= 30,
        "open questions marked"
    );

    // Everything risky, sixty measures with long texts.
    let mut risky = base.clone();
    for (_, q) in checklist.questions() {
        let choice = common::risky_choice(q);
        risky.answers.insert(
            q.id.clone(),
            Answer {
                choice: Some(choice),
                justification: "Kurz.".into(),
                evidence: String::new(),
                recheck: false,
            },
        );
    }
    let ids: Vec<plattformcheck::ids::FindingId> = checklist
        .questions()
        .map(|(_, q)| (&q.id).into())
        .chain((1..=20).map(|i| format!("X{i}").into()))
        .take(60)
        .collect();
    for (i, id) in ids.into_iter().enumerate() {
        risky.measures.insert(
            id,
            Measure {
                text: "Maßnahme mit längerem Text, der in der Tabelle mehrere Zeilen füllt und dort sauber umbrechen muss. ".repeat(1 + i % 4),
                owner: "Abteilungsleitung Öffentlichkeitsarbeit mit Datenschutzbeauftragter".into(),
                due: Some(date!(2027 - 01 - 31)),
                status: MeasureStatus::ALL[i % 4],
                residual_severity: Level::new(2),
                residual_likelihood: Level::new(1),
                reason: String::new(),
            },
        );
    }
    check_layout(&build(&checklist, &risky, Lang::De), "sixty measures");
    check_layout(&build(&checklist, &risky, Lang::En), "sixty measures (en)");

    // Emoji and CJK everywhere the user types.
    let mut emoji = base;
    emoji.metadata.public_body = "Stadt 🏙️ Musterstadt 市".into();
    emoji.metadata.account = "@stadt 🎉🎉".into();
    for a in emoji.answers.values_mut() {
        a.justification.push_str(" 👍🏽 中文");
    }
    check_layout(&build(&checklist, &emoji, Lang::De), "emoji and CJK");
}

#[test]
fn the_shipped_checklists_lay_out_cleanly_when_empty() {
    for loaded in plattformcheck::builtin::load_all().checklists {
        let c = loaded.checklist;
        let a = Assessment::new(&c);
        check_layout(&build(&c, &a, Lang::De), c.id());
        check_layout(&build(&c, &a, Lang::En), c.id());
    }
}

#[test]
fn heading_numbers_come_from_the_layout_not_the_texts() {
    let path = Path::new("assets/examples/stadt-musterstadt-tiktok.ron");
    let (checklist, assessment) = open(path);
    let doc = build(&checklist, &assessment, Lang::De);
    let numbered: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                text,
                numbered: true,
                ..
            } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(numbered.len() >= 10, "chapters and sections: {numbered:?}");
    for text in &numbered {
        assert!(
            !text.starts_with(|c: char| c.is_ascii_digit()),
            "a typed-in number: {text}"
        );
    }
    let fonts = Fonts::new().expect("fonts");
    let pages = layout::layout(&doc, &fonts).pages;
    let shown: Vec<String> = pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    for expected in [
        "1 Zusammenfassung",
        "1.1 K.-o.-Kriterien",
        "1.6 Wichtigste Maßnahmen",
        "6.4 Nächste Überprüfung",
    ] {
        assert!(
            shown.iter().any(|t| t == expected),
            "the layout numbers `{expected}`"
        );
    }
    assert!(
        shown.iter().any(|t| t == "Anhang A: Methode"),
        "annexes are not numbered"
    );
}
