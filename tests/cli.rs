//! The command line: exit codes, messages on stderr, output on stdout.

mod common;

use common::{outcome, run};

#[test]
fn check_passes_the_shipped_checklists() {
    let out = run(
        &[
            "check",
            "--strict",
            "checklists/tiktok.ron",
            "checklists/soziale-netzwerke.ron",
        ],
        None,
    );
    let (code, stdout, stderr) = outcome(&out);
    assert_eq!(code, Some(0), "exit 0\nstdout: {stdout}\nstderr: {stderr}");
    assert_eq!(
        stdout.matches(": ok").count(),
        2,
        "one ok line per file: {stdout}"
    );
    assert!(stderr.is_empty(), "no problems: {stderr}");
}

#[test]
fn check_reports_located_problems_and_fails() {
    let out = run(
        &[
            "check",
            "tests/fixtures/valid/minimal.ron",
            "tests/fixtures/invalid/semantic.ron",
        ],
        None,
    );
    let (code, stdout, stderr) = outcome(&out);
    assert_eq!(code, Some(1), "exit 1 when any file fails");
    assert!(
        stdout.contains("minimal.ron: ok"),
        "the good file still passes: {stdout}"
    );
    assert!(
        stdout.contains("semantic.ron: FAILED — 8 error(s)"),
        "{stdout}"
    );
    assert!(
        stderr.contains("tests/fixtures/invalid/semantic.ron:126: error: sections[2].questions[\"M1.1\"]: duplicate question id `M1.1`"),
        "located message: {stderr}"
    );
    assert!(
        stderr.ends_with("1 of 2 file(s) failed the check\n"),
        "summary once at the end: {stderr}"
    );
}

#[test]
fn check_of_a_missing_file_names_it() {
    let (code, _, stderr) = outcome(&run(&["check", "gibt-es-nicht.ron"], None));
    assert_eq!(code, Some(1), "exit 1");
    assert!(
        stderr.contains("gibt-es-nicht.ron: error: file not found"),
        "{stderr}"
    );
}

#[test]
fn checklist_show_json_is_the_validated_checklist() {
    let (code, stdout, _) = outcome(&run(&["checklist", "show", "tiktok", "--json"], None));
    assert_eq!(code, Some(0), "exit 0");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(json["id"], "tiktok", "id");
    assert!(
        json["sections"].as_array().is_some_and(|s| !s.is_empty()),
        "sections present"
    );
    assert_eq!(
        json["fingerprint"].as_str().map(str::len),
        Some(64),
        "fingerprint present"
    );
    assert_eq!(
        json["matrix"]["verified"], false,
        "matrix flagged unverified"
    );
}

#[test]
fn checklist_show_unknown_id_fails() {
    let (code, _, stderr) = outcome(&run(&["checklist", "show", "myspace"], None));
    assert_eq!(code, Some(1), "exit 1");
    assert!(stderr.contains("unknown checklist `myspace`"), "{stderr}");
    assert!(stderr.contains("tiktok"), "lists the known ones: {stderr}");
}

#[test]
fn new_creates_an_assessment_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, stdout, stderr) = outcome(&run(
        &["new", "--checklist", "tiktok", "-o", "neu.ron"],
        Some(dir.path()),
    ));
    assert_eq!(code, Some(0), "exit 0: {stderr}");
    assert!(
        stdout.contains("neu.ron: empty assessment for checklist tiktok"),
        "{stdout}"
    );

    let (code, _, stderr) = outcome(&run(
        &["new", "--checklist", "tiktok", "-o", "neu.ron"],
        Some(dir.path()),
    ));
    assert_eq!(code, Some(1), "exit 1 when the file exists");
    assert!(stderr.contains("neu.ron: the file exists"), "{stderr}");

    let (code, stdout, _) = outcome(&run(&["score", "neu.ron"], Some(dir.path())));
    assert_eq!(code, Some(0), "an empty assessment scores");
    assert!(stdout.contains("VORLÄUFIG"), "marked provisional: {stdout}");
}

#[test]
fn score_refuses_newer_and_mismatched_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, ..) = outcome(&run(
        &["new", "--checklist", "tiktok", "-o", "a.ron"],
        Some(dir.path()),
    ));
    assert_eq!(code, Some(0), "created");
    let path = dir.path().join("a.ron");
    let text = std::fs::read_to_string(&path).expect("read");

    std::fs::write(
        &path,
        text.replace("format_version: 2", "format_version: 9"),
    )
    .expect("write");
    let (code, _, stderr) = outcome(&run(&["score", "a.ron"], Some(dir.path())));
    assert_eq!(code, Some(1), "newer refused");
    assert!(
        stderr.contains("a.ron:3: the file was written by a newer version"),
        "{stderr}"
    );

    std::fs::write(
        &path,
        text.replace(
            &format!(
                "version: \"{}\"",
                plattformcheck::builtin::load("tiktok")
                    .expect("built in")
                    .version()
            ),
            "version: \"0.9.0\"",
        ),
    )
    .expect("write");
    let (code, _, stderr) = outcome(&run(&["score", "a.ron"], Some(dir.path())));
    assert_eq!(code, Some(1), "other checklist version refused");
    assert!(
        stderr.contains("version 0.9.0") && stderr.contains("cannot be carried over"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = outcome(&run(&["bewerten"], None));
    assert_eq!(code, Some(2), "unknown command");
    assert!(
        stderr.contains("is neither a command nor an existing file"),
        "{stderr}"
    );
    let (code, _, _) = outcome(&run(&["score", "x.ron", "--lang", "fr"], None));
    assert_eq!(code, Some(2), "bad language");
}

#[test]
fn help_documents_the_exit_codes() {
    let (code, stdout, _) = outcome(&run(&["--help"], None));
    assert_eq!(code, Some(0), "help exits 0");
    assert!(stdout.contains("Exit codes: 0 success"), "{stdout}");
}
