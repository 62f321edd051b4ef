//! Fuzzing both loaders (assessments and checklists) with property tests: arbitrary bytes,
//! RON-like noise, and structure-aware mutations of the shipped files (bytes deleted, duplicated
//! or replaced, lines swapped, tokens inserted from a dictionary of RON syntax and known-bad
//! values, the text cut off).
//!
//! Whatever the input: no panic, a refusal names the file, the input file is never changed, and
//! what loads can be scored, laid out as a report and saved and read back unchanged.
//!
//! Each property runs `FUZZ_CASES` cases (default 200, so that `cargo test` stays quick);
//! `.ci/run` runs this file once more with many more. A failure is kept by proptest next to the
//! test (`tests/fuzz_loaders.proptest-regressions`) and replayed first on every later run.

mod common;

use std::path::{Path, PathBuf};

use plattformcheck::assessment::Assessment;
use plattformcheck::checklist::Checklist;
use plattformcheck::checklist::load::load_file;
use plattformcheck::report::layout::Fonts;
use plattformcheck::session::{Library, Session};
use plattformcheck::store;
use plattformcheck::text::Lang;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// The number of cases per property: `FUZZ_CASES`, else 200.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

fn config() -> Config {
    Config {
        cases: cases(),
        // Shrinking a failure of a 100 KB input takes long and the failing case is kept anyway.
        max_shrink_iters: 64,
        ..Config::default()
    }
}

/// The shipped checklists.
fn checklist_seeds() -> Vec<Vec<u8>> {
    common::ron_files(Path::new("checklists"))
        .into_iter()
        .chain([common::fixture("valid/minimal.ron")])
        .map(|p| std::fs::read(p).expect("read seed"))
        .collect()
}

/// The shipped example assessments and the valid fixture.
fn assessment_seeds() -> Vec<Vec<u8>> {
    common::ron_files(Path::new("assets/examples"))
        .into_iter()
        .chain([common::fixture("valid/assessment.ron.txt")])
        .map(|p| std::fs::read(p).expect("read seed"))
        .collect()
}

/// Pieces of text that reach the loaders' corners: RON syntax, values out of range, ids and
/// characters the format refuses, and markers of newer formats.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "//",
    "/*",
    "*/",
    "r#\"",
    "Some(",
    "None",
    "true",
    "0",
    "-1",
    "99999",
    "4294967296",
    "1e309",
    "\"unbekannt\"",
    "\"\"",
    "\"99999-12-31\"",
    "\"31.12.2027\"",
    "format_version: 9",
    "format_version: 0",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "\u{1b}[2J",
    "\r",
    "\0",
    "ä",
    "🙂",
    "\"A1.1\": Answer(choice: \"ja\"),",
    "\"BR1\": Measure(),",
    "show_if: When(question: \"A1.1\", any_of: [\"ja\"]),",
];

/// Values put into string literals and numbers by the mutations that keep the syntax, so that
/// files get past the parser with contents that reach validation, scoring and the report.
const STRINGS: &[&str] = &[
    "",
    "unbekannt",
    "ja",
    "nein",
    "teilweise",
    "A1.1",
    "B1.1",
    "M1.1",
    "BR1",
    "1.0.0",
    "2027-02-30",
    "2027-12-31",
    "\\u{1b}[2J\\rGERINGES RISIKO",
    "A1.1\\u{200b}",
    "äöü ß 🙂 \\u{202e}abc",
    "\\n\\n\\n",
    "Sehr langer Text ohne Leerzeichen: ÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüß",
];
const NUMBERS: &[&str] = &["0", "1", "4", "5", "255", "256", "2", "3"];

/// One change to a file, with positions as fractions of its length so that they fit any seed.
#[derive(Clone, Debug)]
enum Mutation {
    /// Replace the content of a string literal (the one nearest the position).
    String {
        at: f64,
        value: usize,
        repeat: usize,
    },
    /// Replace a number.
    Number {
        at: f64,
        value: usize,
    },
    Delete {
        at: f64,
        len: usize,
    },
    Duplicate {
        at: f64,
        len: usize,
    },
    Insert {
        at: f64,
        token: usize,
    },
    Replace {
        at: f64,
        byte: u8,
    },
    SwapLines {
        a: f64,
        b: f64,
    },
    Truncate {
        at: f64,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        3 => (at.clone(), 0..STRINGS.len(), prop_oneof![4 => Just(1usize), 1 => 2..400usize])
            .prop_map(|(at, value, repeat)| Mutation::String { at, value, repeat }),
        2 => (at.clone(), 0..NUMBERS.len()).prop_map(|(at, value)| Mutation::Number { at, value }),
        1 => (at.clone(), 1..200usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (at.clone(), 1..400usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        1 => (at.clone(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        1 => (at.clone(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
        1 => (at.clone(), at.clone()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        1 => at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    reason = "a fraction of a length, within it"
)]
fn position(at: f64, len: usize) -> usize {
    ((at * len as f64) as usize).min(len)
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    match *m {
        Mutation::String { at, value, repeat } => {
            if let Some((start, end)) = literal(bytes, position(at, len), is_string) {
                bytes.splice(
                    start + 1..end - 1,
                    STRINGS[value].repeat(repeat).into_bytes(),
                );
            }
        }
        Mutation::Number { at, value } => {
            if let Some((start, end)) = literal(bytes, position(at, len), is_number) {
                bytes.splice(start..end, NUMBERS[value].bytes());
            }
        }
        Mutation::Delete { at, len: n } => {
            let start = position(at, len);
            bytes.drain(start..(start + n).min(len));
        }
        Mutation::Duplicate { at, len: n } => {
            let start = position(at, len);
            let piece = bytes[start..(start + n).min(len)].to_vec();
            bytes.splice(start..start, piece);
        }
        Mutation::Insert { at, token } => {
            let start = position(at, len);
            bytes.splice(start..start, TOKENS[token].bytes());
        }
        Mutation::Replace { at, byte } => {
            if let Some(b) = bytes.get_mut(position(at, len)) {
                *b = byte;
            }
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let (i, j) = (position(a, lines.len() - 1), position(b, lines.len() - 1));
            lines.swap(i, j);
            *bytes = lines.join(&b'\n');
        }
        Mutation::Truncate { at } => bytes.truncate(position(at, len)),
    }
}

/// The literals of the text (string literals with their quotes, or numbers outside strings), as
/// byte ranges, the first at or after `from` that `keep` accepts (else the last one).
fn literal(bytes: &[u8], from: usize, keep: fn(&[u8]) -> bool) -> Option<(usize, usize)> {
    let mut found = None;
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        if bytes[i] == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
        } else if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        } else {
            i += 1;
            continue;
        }
        if keep(&bytes[start..i]) {
            found = Some((start, i));
            if start >= from {
                break;
            }
        }
    }
    found
}

fn is_string(literal: &[u8]) -> bool {
    literal.len() >= 2 && literal[0] == b'"' && literal[literal.len() - 1] == b'"'
}

fn is_number(literal: &[u8]) -> bool {
    literal.first().is_some_and(u8::is_ascii_digit)
}

/// A shipped file of `seeds` with one to four mutations.
fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let count = seeds.len();
    (0..count, prop::collection::vec(mutation(), 1..=4)).prop_map(move |(i, ms)| {
        let mut bytes = seeds[i].clone();
        for m in &ms {
            apply(&mut bytes, m);
        }
        bytes
    })
}

/// Text made of RON's punctuation, words and digits, so that the parser gets past the first byte.
fn ron_noise() -> impl Strategy<Value = Vec<u8>> {
    "[()\\[\\]{}:,\"'a-zA-Z0-9_ .\\n-]{0,400}".prop_map(String::into_bytes)
}

/// A fresh file `name` in a temporary folder holding `bytes`.
fn file_with(bytes: &[u8], name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write input");
    (dir, path)
}

/// What must hold for any assessment input.
fn check_assessment(library: &Library, bytes: &[u8]) -> Result<(), TestCaseError> {
    let (dir, path) = file_with(bytes, "bewertung.ron");
    match Session::open(library, &path) {
        Err(err) => {
            let message = err.to_string();
            prop_assert!(
                message.starts_with(&path.display().to_string()),
                "the refusal names the file: {message}"
            );
        }
        Ok(session) => {
            let (checklist, assessment) = session.into_parts();
            usable(&checklist, &assessment)?;
            let copy = dir.path().join("kopie.ron");
            store::save(&copy, &assessment).expect("what loads can be saved");
            let back = store::load(&copy).expect("what was saved loads");
            prop_assert_eq!(back, assessment, "saved and read back unchanged");
        }
    }
    prop_assert_eq!(
        std::fs::read(&path).expect("read input"),
        bytes,
        "the input is unchanged"
    );
    Ok(())
}

/// What must hold for any checklist input.
fn check_checklist(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (_dir, path) = file_with(bytes, "checkliste.ron");
    let (checklist, problems) = load_file(&path);
    prop_assert!(
        problems.iter().all(|p| p.file == path),
        "every problem names the file"
    );
    match checklist {
        None => prop_assert!(
            problems.iter().any(|p| p.is_error()),
            "a refused checklist reports an error"
        ),
        Some(checklist) => {
            prop_assert!(
                !problems.iter().any(|p| p.is_error()),
                "loaded without errors"
            );
            // Every question answered with its first risky option, or "unknown".
            let mut assessment = Assessment::new(&checklist);
            for (_, q) in checklist.questions() {
                assessment.answers.insert(
                    q.id.clone(),
                    plattformcheck::assessment::Answer {
                        choice: Some(common::risky_choice(q)),
                        ..Default::default()
                    },
                );
            }
            usable(&checklist, &assessment)?;
        }
    }
    prop_assert_eq!(
        std::fs::read(&path).expect("read input"),
        bytes,
        "the input is unchanged"
    );
    Ok(())
}

/// What loaded can be scored and laid out as a report in both languages.
fn usable(checklist: &Checklist, assessment: &Assessment) -> Result<(), TestCaseError> {
    use plattformcheck::report::{build, layout::layout};
    let score = plattformcheck::scoring::score(checklist, assessment);
    let fonts = fonts();
    for lang in [Lang::De, Lang::En] {
        let doc = build(
            checklist,
            assessment,
            &score,
            lang,
            "fuzz",
            time::macros::date!(2026 - 12 - 01),
        );
        let pages = layout(&doc, fonts);
        prop_assert!(!pages.pages.is_empty(), "the report has pages");
    }
    Ok(())
}

fn fonts() -> &'static Fonts {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| Fonts::new().expect("fonts"))
}

fn library() -> &'static Library {
    static LIBRARY: std::sync::OnceLock<Library> = std::sync::OnceLock::new();
    LIBRARY.get_or_init(|| {
        let mut library = Library::with_builtins();
        library
            .load_own(&common::fixture("valid/minimal.ron"))
            .expect("the minimal checklist loads");
        library
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn assessment_loader_survives_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_assessment(library(), &bytes)?;
    }

    #[test]
    fn assessment_loader_survives_ron_noise(bytes in ron_noise()) {
        check_assessment(library(), &bytes)?;
    }

    #[test]
    fn assessment_loader_survives_mutated_examples(bytes in mutated(assessment_seeds())) {
        check_assessment(library(), &bytes)?;
    }

    #[test]
    fn checklist_loader_survives_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_checklist(&bytes)?;
    }

    #[test]
    fn checklist_loader_survives_ron_noise(bytes in ron_noise()) {
        check_checklist(&bytes)?;
    }

    #[test]
    fn checklist_loader_survives_mutated_checklists(bytes in mutated(checklist_seeds())) {
        check_checklist(&bytes)?;
    }
}

/// The mutations do reach past the parser: a good share of mutated files still load, so the
/// properties above exercise validation, scoring and the report, not only syntax errors.
#[test]
fn mutations_keep_some_files_loadable() {
    use proptest::strategy::ValueTree as _;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let assessments = mutated(assessment_seeds());
    let checklists = mutated(checklist_seeds());
    let (mut assessments_loaded, mut checklists_loaded) = (0, 0);
    for _ in 0..100 {
        let bytes = assessments.new_tree(&mut runner).expect("case").current();
        let (_dir, path) = file_with(&bytes, "bewertung.ron");
        assessments_loaded += usize::from(Session::open(library(), &path).is_ok());
        let bytes = checklists.new_tree(&mut runner).expect("case").current();
        let (_dir, path) = file_with(&bytes, "checkliste.ron");
        checklists_loaded += usize::from(load_file(&path).0.is_some());
    }
    for (what, loaded) in [
        ("examples", assessments_loaded),
        ("checklists", checklists_loaded),
    ] {
        assert!(
            (10..100).contains(&loaded),
            "between 10 and 99 of 100 mutated {what} load, found {loaded}"
        );
    }
}
