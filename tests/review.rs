//! The DPO's review through the use-case layer and the command line: a full lifecycle with two
//! rounds, the decision that cannot survive a change, comparing rounds and files, verifying PDFs
//! against their file, the calendar file, and the upgrade of format-1 files.

mod common;

use std::path::Path;

use common::{outcome, run};
use plattformcheck::diff::Field;
use plattformcheck::edit::{AnswerField, Edit, ReviewEdit, VerdictEdit};
use plattformcheck::review::{Decision, DecisionState, Status, Verdict};
use plattformcheck::session::{ExportFormat, Library, Session};
use plattformcheck::text::Lang;
use plattformcheck::verify::Outcome;

const EXAMPLE: &str = "assets/examples/stadt-musterstadt-tiktok.ron";

fn open(path: &Path) -> Session {
    Session::open(&Library::lazy(), path).expect("opens")
}

fn status(session: &Session) -> Status {
    session.assessment().review.status
}

#[test]
fn a_full_review_in_two_rounds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("A.ron");
    std::fs::copy(EXAMPLE, &file).expect("copy");
    let mut s = open(&file);
    let day = Some(time::macros::date!(2026 - 12 - 01));

    // The team submits; the DPO cannot work on a draft.
    s.wizard_mut().apply(Edit::Verdict(
        "A1.1".into(),
        VerdictEdit::Verdict(Some(Verdict::Akzeptiert)),
    ));
    assert!(
        s.assessment().review.round.verdicts.is_empty(),
        "no verdicts on a draft"
    );
    s.wizard_mut().apply(Edit::Submit {
        by: "Julia Hartmann".into(),
        date: day,
    });
    assert_eq!(status(&s), Status::Eingereicht, "submitted");

    reject(&mut s, day);
    s.save().expect("save round 1");
    let round_1 = dir.path().join("runde1.pdf");
    s.export(ExportFormat::Pdf, Lang::De, &round_1)
        .expect("PDF of round 1");
    revise(&mut s);

    // Resubmitted, approved.
    s.wizard_mut().apply(Edit::Submit {
        by: "Julia Hartmann".into(),
        date: day,
    });
    s.wizard_mut().apply(Edit::Review(ReviewEdit::Decision(Some(
        Decision::Freigegeben,
    ))));
    assert_eq!(status(&s), Status::Entschieden, "decided");
    let team = s.assessment().team_fingerprint();
    assert!(matches!(
        s.assessment().review.current_decision(&team),
        DecisionState::Current(_)
    ));
    s.save().expect("save round 2");
    let round_2 = dir.path().join("runde2.pdf");
    s.export(ExportFormat::Pdf, Lang::De, &round_2)
        .expect("PDF of round 2");

    // The file reads back the same; the PDFs are traced to their rounds.
    let back = open(&file);
    assert_eq!(back.assessment(), s.assessment(), "saved and read back");
    assert_eq!(
        back.verify_report(&round_2).expect("verify").outcome,
        Outcome::Exact
    );
    assert_eq!(
        back.verify_report(&round_1).expect("verify").outcome,
        Outcome::Round { round: 1 }
    );
    let text = String::from_utf8(
        common::run(
            &[
                "verify",
                round_1.to_str().expect("UTF-8"),
                file.to_str().expect("UTF-8"),
            ],
            None,
        )
        .stdout,
    )
    .expect("UTF-8");
    assert!(text.contains("Runde 1"), "{text}");
}

/// Round 1 reviewed by the DPO: two answers need work; the channel is rejected for now.
fn reject(s: &mut Session, day: Option<time::Date>) {
    let w = s.wizard_mut();
    w.apply(Edit::Verdict(
        "A1.1".into(),
        VerdictEdit::Verdict(Some(Verdict::Akzeptiert)),
    ));
    assert_eq!(
        w.assessment().review.status,
        Status::InPruefung,
        "the first verdict starts the review"
    );
    w.apply(Edit::Verdict(
        "A1.2".into(),
        VerdictEdit::Verdict(Some(Verdict::Nachbessern)),
    ));
    w.apply(Edit::Verdict(
        "A1.2".into(),
        VerdictEdit::Comment("Alternativen genauer vergleichen.".into()),
    ));
    w.apply(Edit::Verdict(
        "A1.3".into(),
        VerdictEdit::Verdict(Some(Verdict::NachweisFehlt)),
    ));
    w.apply(Edit::Review(ReviewEdit::Opinion(
        "Noch nicht freigabefähig.".into(),
    )));
    w.apply(Edit::Review(ReviewEdit::OpinionBy(
        "Dr. Markus Feld".into(),
    )));
    w.apply(Edit::Review(ReviewEdit::OpinionDate(day)));
    w.apply(Edit::Review(ReviewEdit::Decision(Some(
        Decision::Abgelehnt,
    ))));
    w.apply(Edit::Review(ReviewEdit::DecidedBy(
        "Oberbürgermeisterin".into(),
    )));
    assert_eq!(w.assessment().review.status, Status::Entschieden, "decided");
    let items: Vec<String> = w
        .assessment()
        .review
        .open_items()
        .iter()
        .map(|(id, ..)| id.to_string())
        .collect();
    assert_eq!(items, ["A1.2", "A1.3"], "the items the team must answer");
}

/// The team revises (round 2), and only the revised answers differ from round 1.
fn revise(s: &mut Session) {
    let revise = Edit::AnswerText {
        question: "A1.2".into(),
        field: AnswerField::Justification,
        value: "Vergleich mit Website, Newsletter und Mastodon ergänzt.".into(),
    };
    assert!(
        s.wizard().starts_new_round(&revise),
        "the app asks before this edit"
    );
    s.wizard_mut().apply(revise);
    let review = &s.assessment().review;
    assert_eq!(
        (review.status, review.round.number),
        (Status::Ueberarbeitung, 2),
        "round 2, in revision"
    );
    assert_eq!(review.history.len(), 1, "round 1 kept");
    assert_eq!(
        review.history[0].decision,
        Some(Decision::Abgelehnt),
        "with its decision"
    );
    assert_eq!(
        review.open_items().len(),
        2,
        "the items stay open for the team"
    );
    s.wizard_mut().apply(Edit::AnswerText {
        question: "A1.3".into(),
        field: AnswerField::Evidence,
        value: "Stellungnahme des Rechtsamts vom 01.12.2026".into(),
    });

    // Only the revised answers differ from round 1.
    let changes = s.changes_since(1, Lang::De).expect("round 1 was submitted");
    let changed: Vec<(String, Field)> = changes.iter().map(|c| (c.id.clone(), c.field)).collect();
    assert_eq!(
        changed,
        [
            ("A1.2".to_owned(), Field::Justification),
            ("A1.3".to_owned(), Field::Evidence)
        ],
        "{changes:#?}"
    );
}

#[test]
fn a_change_after_the_decision_never_keeps_it_current() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("A.ron");
    std::fs::copy(EXAMPLE, &file).expect("copy");
    let mut s = open(&file);
    s.wizard_mut().apply(Edit::Submit {
        by: "Team".into(),
        date: None,
    });
    s.wizard_mut().apply(Edit::Review(ReviewEdit::Decision(Some(
        Decision::Freigegeben,
    ))));
    s.save().expect("save");

    // In the app: the edit begins a new round, and the old decision is history.
    s.wizard_mut().answer("A1.1", "nein");
    assert_eq!(status(&s), Status::Ueberarbeitung, "a new round");
    assert_eq!(
        s.assessment().review.round.decision,
        None,
        "no decision in it"
    );
    let pdf = dir.path().join("neu.pdf");
    let exported = s.export(ExportFormat::Pdf, Lang::De, &pdf).expect("export");
    assert!(
        !exported.report.blocks.iter().any(|b| matches!(b,
            plattformcheck::report::Block::Checkboxes(c) if c.iter().any(|c| c.checked))),
        "no decision ticked in the PDF of the changed content"
    );

    // Outside the app (a text editor): the file still says "decided", but the decision is
    // shown as one on an earlier version.
    let text = std::fs::read_to_string(&file).expect("read");
    let edited = text.replacen("choice: \"ja\"", "choice: \"nein\"", 1);
    assert_ne!(text, edited, "an answer was changed");
    std::fs::write(&file, edited).expect("write");
    let outside = open(&file);
    let team = outside.assessment().team_fingerprint();
    assert!(matches!(
        outside.assessment().review.current_decision(&team),
        DecisionState::Outdated(_)
    ));
    let (code, stdout, _) = outcome(&run(&["score", file.to_str().expect("UTF-8")], None));
    assert_eq!(code, Some(0), "succeeds");
    assert!(!stdout.contains("Entscheidung: freigegeben"), "{stdout}");
    assert!(
        stdout.contains("Entscheidung zu einer früheren Fassung: freigegeben"),
        "{stdout}"
    );
    let exported = outside
        .export(ExportFormat::Pdf, Lang::De, &pdf)
        .expect("export");
    let all: Vec<String> = exported
        .report
        .blocks
        .iter()
        .filter_map(|b| match b {
            plattformcheck::report::Block::Paragraph(p) => Some(p.text.clone()),
            _ => None,
        })
        .collect();
    assert!(
        all.iter()
            .any(|t| t.contains("Entscheidung zu einer früheren Fassung")),
        "{all:#?}"
    );
}

#[test]
fn format_1_files_open_and_are_upgraded_on_save_with_a_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("alt.ron");
    std::fs::copy(common::fixture("valid/assessment.ron.txt"), &file).expect("copy");
    let original = std::fs::read_to_string(&file).expect("read");
    assert!(
        original.contains("format_version: 1"),
        "the fixture is a format-1 file"
    );
    let mut library = Library::lazy();
    library
        .load_own(&common::fixture("valid/minimal.ron"))
        .expect("checklist");
    let mut s = Session::open(&library, &file).expect("a format-1 file opens");
    assert!(!s.is_dirty(), "opening changes nothing");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        original,
        "nor the file"
    );
    s.wizard_mut().apply(Edit::Meta(
        plattformcheck::edit::MetaField::Unit,
        "Pressestelle".into(),
    ));
    s.save().expect("save");
    let saved = std::fs::read_to_string(&file).expect("read");
    assert!(saved.contains("format_version: 2"), "saved in format 2");
    let backup = plattformcheck::store::backup_path(&file);
    assert_eq!(
        std::fs::read_to_string(backup).expect("backup"),
        original,
        "the format-1 file is the backup"
    );
}

#[test]
fn diff_and_verify_on_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("alt.ron");
    let new = dir.path().join("neu.ron");
    std::fs::copy(EXAMPLE, &old).expect("copy");
    let text = std::fs::read_to_string(EXAMPLE).expect("read");
    std::fs::write(&new, text.replacen("choice: \"ja\"", "choice: \"nein\"", 1)).expect("write");
    let path = |p: &Path| p.to_str().expect("UTF-8").to_owned();

    let (code, stdout, _) = outcome(&run(&["diff", &path(&old), &path(&new)], None));
    assert_eq!(code, Some(0), "differences are no failure");
    let line = stdout
        .lines()
        .find(|l| l.starts_with("A1.1 · Antwort: "))
        .unwrap_or_default();
    assert!(line.ends_with("(ja) → Nein (nein)"), "{stdout}");
    assert!(
        stdout.contains("result · Restrisiko: "),
        "the class changed too: {stdout}"
    );
    let (code, stdout, _) = outcome(&run(&["diff", &path(&old), &path(&old)], None));
    assert_eq!(code, Some(0), "succeeds");
    assert!(stdout.contains("keine Unterschiede"), "{stdout}");
    let (code, stdout, _) = outcome(&run(&["diff", "--json", &path(&old), &path(&new)], None));
    assert_eq!(code, Some(0), "succeeds");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert!(
        json["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .any(|c| c["id"] == "A1.1" && c["field"] == "answer"),
        "{json}"
    );
    let (code, _, stderr) = outcome(&run(&["diff", &path(&old), "fehlt.ron"], None));
    assert_eq!(code, Some(1), "a file that does not load: {stderr}");

    let pdf = dir.path().join("r.pdf");
    let (code, ..) = outcome(&run(&["export", &path(&old), "-o", &path(&pdf)], None));
    assert_eq!(code, Some(0), "succeeds");
    let (code, stdout, _) = outcome(&run(&["verify", &path(&pdf), &path(&old)], None));
    assert_eq!(code, Some(0), "{stdout}");
    let (code, stdout, _) = outcome(&run(&["verify", &path(&pdf), &path(&new)], None));
    assert_eq!(code, Some(1), "another content: {stdout}");
    assert!(stdout.contains("keiner Fassung"), "{stdout}");
    let (code, _, stderr) = outcome(&run(&["verify", &path(&old), &path(&old)], None));
    assert_eq!(code, Some(1), "not a PDF: {stderr}");
    assert!(stderr.contains("not a readable PDF"), "{stderr}");
}

#[test]
fn the_calendar_file_of_the_next_review() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("A.ron");
    std::fs::copy(EXAMPLE, &file).expect("copy");
    let ics = dir.path().join("termin.ics");
    let path = |p: &Path| p.to_str().expect("UTF-8").to_owned();
    let (code, _, stderr) = outcome(&run(&["calendar", &path(&file), "-o", &path(&ics)], None));
    let has_date = open(&file).assessment().review.next_review.is_some();
    if has_date {
        assert_eq!(code, Some(0), "{stderr}");
    } else {
        assert_eq!(code, Some(1), "no date: {stderr}");
        assert!(stderr.contains("no date for the next review"), "{stderr}");
        let mut s = open(&file);
        s.wizard_mut().apply(Edit::Submit {
            by: String::new(),
            date: None,
        });
        s.wizard_mut()
            .apply(Edit::Review(ReviewEdit::NextReview(Some(
                time::macros::date!(2027 - 11 - 30),
            ))));
        s.save().expect("save");
        let (code, _, stderr) = outcome(&run(&["calendar", &path(&file), "-o", &path(&ics)], None));
        assert_eq!(code, Some(0), "{stderr}");
    }
    let text = std::fs::read_to_string(&ics).expect("calendar file");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("DTSTART;VALUE=DATE:"), "{text}");
    let (code, _, stderr) = outcome(&run(&["calendar", &path(&file), "-o", &path(&file)], None));
    assert_eq!(code, Some(1), "never over the assessment: {stderr}");
}
