//! Golden tests: each deliberately broken assessment in `tests/fixtures/invalid-assessments/`
//! is refused with exactly the message in its `.expected` file, which names the file and, where
//! the fault has one, the line (run with `UPDATE_GOLDEN=1` to rewrite them after a deliberate
//! change, then review the diff). Each fixture is a valid file with one fault, so each message is
//! the message for that fault: `valid/assessment.ron.txt` (format 1) or, for the `review_*`
//! fixtures, `valid/assessment-v2.ron.txt` (format 2, two rounds).

mod common;

use std::path::Path;

use plattformcheck::session::{Library, Session};

/// A library with the built-in checklists and the minimal checklist the fixtures are made for.
fn library() -> Library {
    let mut library = Library::lazy();
    library
        .load_own(&common::fixture("valid/minimal.ron"))
        .expect("the minimal checklist loads");
    library
}

#[test]
fn the_unbroken_fixture_opens() {
    let path = common::fixture("valid/assessment.ron.txt");
    let session = Session::open(&library(), &path);
    assert!(
        session.is_ok(),
        "{}",
        session.err().map(|e| e.to_string()).unwrap_or_default()
    );
}

#[test]
fn broken_assessments_give_located_messages() {
    let files = common::ron_files(&common::fixture("invalid-assessments"));
    assert!(
        files.len() >= 20,
        "expected the broken fixtures, found {}",
        files.len()
    );
    let library = library();
    for file in files {
        let before = std::fs::read(&file).expect("read fixture");
        let err = match Session::open(&library, &file) {
            Ok(_) => panic!("{}: must not open", file.display()),
            Err(err) => err.to_string(),
        };
        assert_eq!(
            std::fs::read(&file).expect("read fixture"),
            before,
            "{}: unchanged",
            file.display()
        );
        assert!(
            err.starts_with(&file.display().to_string()),
            "{}: the message names the file: {err}",
            file.display()
        );
        golden(&file, &format!("{err}\n"));
    }
}

/// Compares `actual` with the `.expected` file beside `file` (or writes it under `UPDATE_GOLDEN`).
fn golden(file: &Path, actual: &str) {
    let golden = file.with_extension("expected");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, actual).expect("write golden file");
    }
    let expected = std::fs::read_to_string(&golden)
        .unwrap_or_else(|_| panic!("{} missing; run with UPDATE_GOLDEN=1", golden.display()));
    common::assert_text_eq(&expected, actual, &file.display().to_string());
}
