//! Texts from files cannot steer the terminal: control characters in what the command line prints
//! are written out, ids with invisible or control characters are refused, and control characters
//! in report texts become visible markers with a warning.

mod common;

use std::fs;
use std::path::Path;

use common::{outcome, run};

const EXAMPLE: &str = "assets/examples/stadt-musterstadt-tiktok.ron";

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

#[test]
fn escape_sequences_in_an_assessment_are_printed_visibly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    let text = fs::read_to_string(EXAMPLE).expect("example").replacen(
        "public_body: \"Stadt Musterstadt\"",
        "public_body: \"\\u{1b}[2J\\u{1b}[31mGERINGES RISIKO\\rStadt\"",
        1,
    );
    fs::write(&path, text).expect("write");
    let out = run(&["score", s(&path)], None);
    let (code, stdout, stderr) = outcome(&out);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        !out.stdout.contains(&0x1b) && !out.stdout.contains(&b'\r'),
        "no raw escape or carriage return reaches the terminal"
    );
    assert!(
        stdout.contains("\\u{1b}[2J\\u{1b}[31mGERINGES RISIKO\\u{d}Stadt"),
        "{stdout}"
    );
}

#[test]
fn ids_with_control_or_invisible_characters_are_refused() {
    let source = fs::read_to_string("tests/fixtures/valid/minimal.ron").expect("fixture");
    for (bad, code) in [
        ("M1.1\\u{1b}", "U+001B"),
        ("M1.1\\r", "U+000D"),
        ("M1.1\\u{200b}", "U+200B"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("c.ron");
        let edited = source.replace("id: \"M1.1\"", &format!("id: \"{bad}\""));
        assert_ne!(edited, source, "the fixture has M1.1");
        fs::write(&path, edited).expect("write");
        let out = run(&["check", s(&path)], None);
        let (code_, _, stderr) = outcome(&out);
        assert_eq!(code_, Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "contains the invisible or control character {code}"
            )),
            "{stderr}"
        );
        assert!(
            !out.stderr.contains(&0x1b) && !out.stderr.contains(&b'\r'),
            "the message shows the character, it does not send it"
        );
    }
}

#[test]
fn an_invisible_character_in_an_answer_key_shows_in_the_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    let text = fs::read_to_string(EXAMPLE).expect("example").replacen(
        "\"A1.1\":",
        "\"A1.1\\u{200b}\":",
        1,
    );
    fs::write(&path, text).expect("write");
    let (code, _, stderr) = outcome(&run(&["score", s(&path)], None));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("unknown question `A1.1\\u{200b}`"),
        "visibly not A1.1: {stderr}"
    );
}

#[test]
fn control_characters_in_report_texts_become_markers_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    let pdf = dir.path().join("a.pdf");
    let text = fs::read_to_string(EXAMPLE).expect("example").replacen(
        "public_body: \"Stadt Musterstadt\"",
        "public_body: \"Stadt\\u{7}Musterstadt\"",
        1,
    );
    fs::write(&path, text).expect("write");
    let (code, _, stderr) = outcome(&run(&["export", s(&path), "-o", s(&pdf)], None));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("warning"), "a warning: {stderr}");
    assert!(
        stderr.contains("U+0007"),
        "naming the character visibly: {stderr}"
    );
    let shown = std::process::Command::new("pdftotext")
        .args([s(&pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.contains("Stadt□Musterstadt"),
        "a visible marker in the report"
    );
}
