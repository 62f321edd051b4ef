//! Assessments made with an earlier version of their checklist: migrated by id when the checklist
//! lists that version among its revisions, with the changed questions marked "erneut prüfen";
//! refused when it does not; the file as it was kept as the backup when the migration is saved.

mod common;

use common::{outcome, run};
use plattformcheck::edit::Edit;
use plattformcheck::session::{Library, Session};

const EXAMPLE: &str = "assets/examples/stadt-musterstadt-tiktok.ron";
/// Version 1.0.0 of the `TikTok` checklist, which its revisions list.
const OLD_FINGERPRINT: &str = "4abcc434f5d1ccd9426bd2095390b970504be2ae2166a16a328a21b61be3de41";

/// The example as a file made with version 1.0.0 of the `TikTok` checklist.
fn made_with_1_0_0(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(EXAMPLE).expect("example");
    let current = plattformcheck::builtin::load("tiktok").expect("tiktok");
    assert_ne!(current.version(), "1.0.0", "the checklist has moved on");
    let old = text
        .replace(
            &format!("version: \"{}\"", current.version()),
            "version: \"1.0.0\"",
        )
        .replace(current.fingerprint(), OLD_FINGERPRINT);
    assert_ne!(old, text, "changed to 1.0.0");
    let file = dir.join("alt.ron");
    std::fs::write(&file, old).expect("write");
    file
}

#[test]
fn an_assessment_of_an_earlier_version_is_migrated_and_marked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = made_with_1_0_0(dir.path());
    let before = std::fs::read_to_string(&file).expect("read");
    let mut s = Session::open(&Library::lazy(), &file).expect("opens");
    let m = s.migration().cloned().expect("migrated");
    assert_eq!(
        (m.from.as_str(), m.to.as_str()),
        ("1.0.0", s.checklist().version())
    );
    // Every answered question that the checklist lists as changed since 1.0.0 (in any later
    // revision) or whose option is gone, and nothing else.
    let mut got = m.recheck.clone();
    got.sort();
    assert_eq!(
        got,
        expected_recheck(&before, &s),
        "the changed questions are marked"
    );
    assert!(m.recheck.iter().any(|id| id == "A1.4"), "A1.4 among them");
    assert!(m.dropped.is_empty(), "nothing dropped");
    assert!(s.is_dirty(), "unsaved until saved");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        before,
        "file untouched"
    );
    let score = s.wizard().score();
    assert_eq!(
        score.completeness.recheck.len(),
        m.recheck.len(),
        "listed to check again"
    );
    assert!(!score.is_complete(), "provisional until checked");

    s.save().expect("save");
    assert_eq!(
        std::fs::read_to_string(plattformcheck::store::backup_path(&file)).expect("backup"),
        before,
        "the file as it was is the backup"
    );
    let saved = std::fs::read_to_string(&file).expect("read");
    assert!(saved.contains("recheck: true"), "the mark is saved");
    for id in &m.recheck {
        s.wizard_mut()
            .apply(Edit::ConfirmAnswer(id.as_str().into()));
    }
    assert!(
        s.wizard().score().completeness.recheck.is_empty(),
        "confirmed"
    );
    s.save().expect("save");
    assert!(
        !std::fs::read_to_string(&file)
            .expect("read")
            .contains("recheck"),
        "no mark left"
    );
}

/// The answers of `original` (the file as read) that a migration to the session's checklist must
/// mark: changed since the file's version, or answered with an option the question lost.
fn expected_recheck(original: &str, s: &Session) -> Vec<String> {
    let a = plattformcheck::store::parse(std::path::Path::new("orig.ron"), original)
        .expect("original parses");
    let c = s.checklist();
    let from = c
        .revisions()
        .iter()
        .position(|r| r.version == a.checklist.version)
        .expect("a listed version");
    let changed: std::collections::BTreeSet<&str> = c.revisions()[from..]
        .iter()
        .flat_map(|r| r.changed.iter().map(String::as_str))
        .collect();
    let mut want: Vec<String> = a
        .answers
        .iter()
        .filter(|(id, answer)| {
            c.question(id).is_some_and(|q| {
                changed.contains(id.as_str())
                    || answer.choice.as_ref().is_some_and(|ch| !q.accepts(ch))
            })
        })
        .map(|(id, _)| id.to_string())
        .collect();
    want.sort();
    want
}

#[test]
fn files_saved_with_version_1_1_0_open_migrated() {
    for (name, id) in [
        ("stadt-musterstadt-tiktok-1.1.0.ron", "tiktok"),
        ("polizei-instagram-1.1.0.ron", "soziale-netzwerke"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join(name);
        std::fs::copy(common::fixture("migration").join(name), &file).expect("copy");
        let before = std::fs::read_to_string(&file).expect("read");
        let s = Session::open(&Library::lazy(), &file).expect("opens");
        assert_eq!(s.checklist().id(), id, "{name}");
        let m = s.migration().cloned().expect("migrated");
        assert_eq!(m.from, "1.1.0", "{name}");
        assert_eq!(m.to, s.checklist().version(), "{name}");
        let mut got = m.recheck.clone();
        got.sort();
        assert_eq!(got, expected_recheck(&before, &s), "{name}: marked");
        assert!(
            !got.is_empty(),
            "{name}: the 1.2.0 changes touch answered questions"
        );
        let score = s.wizard().score();
        assert!(!score.is_complete(), "{name}: provisional until checked");
        assert_eq!(
            std::fs::read_to_string(&file).expect("read"),
            before,
            "{name}: file untouched until saved"
        );
    }
}

#[test]
fn the_command_line_says_it_migrated_and_an_unknown_version_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = made_with_1_0_0(dir.path());
    let path = file.to_str().expect("UTF-8");
    let (code, stdout, stderr) = outcome(&run(&["score", path], None));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("Version 1.0.0") && stderr.contains("A1.4"),
        "{stderr}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("Erneut prüfen: ") && l.contains("A1.4")),
        "{stdout}"
    );

    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replace("version: \"1.0.0\"", "version: \"0.5.0\""),
    )
    .expect("write");
    let (code, _, stderr) = outcome(&run(&["score", path], None));
    assert_eq!(code, Some(1), "a version the checklist does not list");
    assert!(stderr.contains("version 0.5.0"), "{stderr}");
}
