//! The DPO's review in the desktop app, driven through AccessKit with `egui_kittest`: a full
//! lifecycle with two rounds, the question before a change that begins a new round, the read-only
//! layers, comparing rounds, checking PDFs, saving over someone else's change, and lock files.

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use plattformcheck::review::{Decision, Status, Verdict};
use plattformcheck::text::Lang;
use plattformcheck::ui::action::{Action, Edit, Mode};
use plattformcheck::ui::app::Dialog;
use plattformcheck::ui::{App, Prefs, style};
use plattformcheck::wizard::Step;

const EXAMPLE: &str = "assets/examples/stadt-musterstadt-tiktok.ron";

fn harness(data: &Path) -> Harness<'static, App> {
    let app = App::new(Prefs::default(), Some(data.to_path_buf()));
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(16)
        .with_context_setup(style::install_fonts)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

/// A copy of the example in a folder of its own.
fn copy(dir: &Path, name: &str) -> PathBuf {
    let file = dir.join(name);
    std::fs::copy(EXAMPLE, &file).expect("copy");
    file
}

fn press(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click_accesskit();
    h.run();
}

fn go_to(h: &mut Harness<'_, App>, q: &str) {
    h.state_mut().apply(Action::Go(Step::Question(q.into())));
    h.run();
}

fn status(h: &Harness<'_, App>) -> (Status, u32) {
    let review = &h.state().doc.as_ref().expect("open").assessment().review;
    (review.status, review.round.number)
}

fn verdict(h: &Harness<'_, App>, id: &str) -> Option<Verdict> {
    h.state()
        .doc
        .as_ref()
        .expect("open")
        .assessment()
        .review
        .round
        .verdict(id)
        .and_then(|v| v.verdict)
}

/// The label of option `id` of question `q` as the question screen shows it.
fn option_label(h: &Harness<'_, App>, q: &str, id: &str) -> String {
    common::option_label(h.state().doc.as_ref().expect("open"), q, id)
}

/// Round 1 in the app: the team submits, the DPO gives a verdict and rejects.
fn submit_and_reject(h: &mut Harness<'_, App>) {
    press(h, "Einreichen …");
    assert!(
        matches!(h.state().dialog, Some(Dialog::Submit { .. })),
        "asks who submits"
    );
    press(h, "Einreichen");
    assert_eq!(status(h), (Status::Eingereicht, 1), "submitted");

    // In the team's mode the DPO's layer is read-only, and the other way round.
    go_to(h, "A1.2");
    h.state_mut().apply(Action::Edit(Edit::Verdict(
        "A1.2".into(),
        plattformcheck::edit::VerdictEdit::Verdict(Some(Verdict::Akzeptiert)),
    )));
    h.run();
    assert_eq!(verdict(h, "A1.2"), None, "no verdicts in the team's mode");
    press(h, "Prüfmodus DSB");
    assert_eq!(h.state().prefs.mode, Mode::Dpo, "DPO mode");
    let before = h.state().doc.as_ref().expect("open").assessment().clone();
    let label = option_label(h, "A1.2", "nein");
    h.get_by_label(&label).click_accesskit();
    h.run();
    assert_eq!(
        h.state().doc.as_ref().expect("open").assessment(),
        &before,
        "the team's answer is read-only for the DPO"
    );
    press(h, "nachbessern");
    assert_eq!(
        verdict(h, "A1.2"),
        Some(Verdict::Nachbessern),
        "verdict given"
    );
    assert_eq!(status(h).0, Status::InPruefung, "under review");

    h.state_mut().apply(Action::Go(Step::Result));
    h.run();
    press(h, "abgelehnt");
    assert_eq!(status(h), (Status::Entschieden, 1), "decided");
    assert!(
        h.query_by_label_contains("Entscheidung: abgelehnt")
            .is_some(),
        "the decision is shown at the top"
    );
}

/// Round 2: the team changes an answer (after the question), resubmits, the DPO approves.
fn revise_and_approve(h: &mut Harness<'_, App>) {
    press(h, "Prüfmodus DSB");
    assert_eq!(h.state().prefs.mode, Mode::Team, "back to the team's mode");
    assert!(
        h.query_by_label_contains("Vom Team zu beantworten")
            .is_some(),
        "the items to answer are listed"
    );
    go_to(h, "A1.2");
    let label = option_label(h, "A1.2", "teilweise");
    h.get_by_label(&label).click_accesskit();
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::ConfirmNewRound(_))),
        "asks before the change: {:?}",
        h.state().dialog
    );
    assert!(
        h.query_by_label_contains("Diese Prüfung ist entschieden")
            .is_some(),
        "says why"
    );
    press(h, "Neue Runde beginnen und ändern");
    assert_eq!(status(h), (Status::Ueberarbeitung, 2), "round 2");
    let choice = h
        .state()
        .doc
        .as_ref()
        .and_then(|d| d.assessment().choice("A1.2").map(ToString::to_string));
    assert_eq!(choice.as_deref(), Some("teilweise"), "the change was made");

    h.state_mut().apply(Action::Go(Step::Result));
    h.run();
    press(h, "Änderungen seit Runde 1");
    let Some(Dialog::Changes { changes, .. }) = h.state().dialog.clone() else {
        panic!("changes expected, got {:?}", h.state().dialog);
    };
    assert!(
        changes.iter().any(|c| c.id == "A1.2"),
        "the revised answer is listed: {changes:?}"
    );
    assert!(
        changes.iter().all(|c| c.id == "A1.2" || c.id == "result"),
        "only it (and the class it moves): {changes:?}"
    );
    press(h, "Schließen");
    press(h, "Einreichen …");
    press(h, "Einreichen");
    press(h, "Prüfmodus DSB");
    press(h, "freigegeben");
    assert_eq!(status(h), (Status::Entschieden, 2), "approved in round 2");
    let doc = h.state().doc.as_ref().expect("open");
    assert_eq!(
        doc.assessment().review.history[0].decision,
        Some(Decision::Abgelehnt),
        "round 1's decision is history"
    );
}

#[test]
fn a_review_in_two_rounds_in_the_app() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let file = copy(dir.path(), "A.ron");
    let mut h = harness(&data);
    h.state_mut().apply(Action::Open(file.clone()));
    h.run();
    submit_and_reject(&mut h);
    let round_1 = dir.path().join("runde1.pdf");
    h.state_mut()
        .apply(Action::ExportPdf(round_1.clone(), Lang::De));
    h.run();
    revise_and_approve(&mut h);
    h.state_mut().apply(Action::Save);
    h.run();
    assert!(!h.state().is_dirty(), "saved");
    let round_2 = dir.path().join("runde2.pdf");
    h.state_mut()
        .apply(Action::ExportPdf(round_2.clone(), Lang::De));
    h.run();

    h.state_mut().apply(Action::VerifyPdf(round_2));
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::Verified { exact: true, .. })),
        "the last PDF matches: {:?}",
        h.state().dialog
    );
    h.state_mut().apply(Action::CancelDialog);
    h.state_mut().apply(Action::VerifyPdf(round_1));
    h.run();
    let Some(Dialog::Verified { text, exact }) = h.state().dialog.clone() else {
        panic!("a result expected");
    };
    assert!(
        !exact && text.contains("Runde 1"),
        "the first PDF is round 1's: {text}"
    );
}

#[test]
fn save_asks_when_someone_else_changed_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy(dir.path(), "A.ron");
    let mut h = harness(&dir.path().join("data"));
    h.state_mut().apply(Action::Open(file.clone()));
    h.run();
    h.state_mut().apply(Action::Edit(Edit::Meta(
        plattformcheck::edit::MetaField::Unit,
        "Meine Änderung".into(),
    )));
    // Someone else saves the file meanwhile.
    let theirs = std::fs::read_to_string(&file)
        .expect("read")
        .replace("Presse- und Öffentlichkeitsarbeit", "Ihre Änderung");
    std::fs::write(&file, &theirs).expect("write");
    h.state_mut().apply(Action::Save);
    h.run();
    assert_eq!(h.state().dialog, Some(Dialog::SaveConflict), "asks");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        theirs,
        "theirs intact"
    );
    press(&mut h, "Unterschiede anzeigen");
    let Some(Dialog::Changes { changes, .. }) = h.state().dialog.clone() else {
        panic!("differences expected, got {:?}", h.state().dialog);
    };
    assert!(
        changes.iter().any(|c| c.id == "metadata.unit"),
        "the differing field: {changes:?}"
    );
    h.state_mut().apply(Action::CancelDialog);
    h.state_mut().apply(Action::OverwriteSave);
    h.run();
    assert!(!h.state().is_dirty(), "saved");
    assert_eq!(
        std::fs::read_to_string(plattformcheck::store::backup_path(&file)).expect("backup"),
        theirs,
        "their version is the backup"
    );
}

#[test]
fn a_file_someone_else_has_open_is_announced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy(dir.path(), "A.ron");
    let holder = plattformcheck::session::lock::Holder {
        user: "kollegin".into(),
        host: "anderer-rechner".into(),
        pid: 4242,
        since: plattformcheck::dates::now().unix_timestamp(),
    };
    std::fs::write(
        plattformcheck::session::lock::lock_path(&file),
        ron::to_string(&holder).expect("text"),
    )
    .expect("write lock");
    let mut h = harness(&dir.path().join("data"));
    h.state_mut().apply(Action::Open(file.clone()));
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::Locked { .. })),
        "asks first: {:?}",
        h.state().dialog
    );
    assert!(h.state().doc.is_none(), "not opened yet");
    assert!(
        h.query_by_label_contains("kollegin auf anderer-rechner")
            .is_some(),
        "says who"
    );
    press(&mut h, "Trotzdem öffnen (Sperre übernehmen)");
    assert!(h.state().doc.is_some(), "opened");
    let now = plattformcheck::session::lock::holder(&file).expect("locked");
    assert!(now.is_me(), "the lock is ours now");
    h.state_mut().apply(Action::Home);
    h.run();
    assert_eq!(
        plattformcheck::session::lock::holder(&file),
        None,
        "released when the file is closed"
    );
}

#[test]
fn a_decision_on_an_earlier_version_is_not_shown_as_current() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy(dir.path(), "A.ron");
    let mut session =
        plattformcheck::session::Session::open(&plattformcheck::session::Library::lazy(), &file)
            .expect("open");
    session.wizard_mut().apply(Edit::Submit {
        by: "Team".into(),
        date: None,
    });
    session
        .wizard_mut()
        .apply(Edit::Review(plattformcheck::edit::ReviewEdit::Decision(
            Some(Decision::Freigegeben),
        )));
    session.save().expect("save");
    // Changed in a text editor after the decision.
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replacen("choice: \"ja\"", "choice: \"nein\"", 1),
    )
    .expect("write");

    let mut h = harness(&dir.path().join("data"));
    h.state_mut().apply(Action::Open(file));
    h.run();
    assert!(
        h.query_by_label_contains("Entscheidung zu einer früheren Fassung")
            .is_some(),
        "named as a decision on an earlier version"
    );
    assert!(
        h.query_by_label_contains("außerhalb von Plattform-Check geändert")
            .is_some(),
        "and why"
    );
}

/// Baseline risks get the same planning fields as any other finding (owner, due date, status,
/// residual), on the result screen.
#[test]
fn baseline_measures_are_planned_with_all_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy(dir.path(), "A.ron");
    let mut h = harness(&dir.path().join("data"));
    h.state_mut().apply(Action::Open(file));
    h.run();
    let owners_before = h.query_all_by_label("Verantwortlich").count();
    press(&mut h, "Grundrisiken der Plattform und ihre Maßnahmen");
    let owners = h.query_all_by_label("Verantwortlich").count();
    assert!(
        owners >= owners_before + 3,
        "an owner field per planned baseline measure: {owners_before} → {owners}"
    );
    let field = h
        .query_all_by_label("Verantwortlich")
        .next()
        .expect("a field");
    field.focus();
    field.type_text(" (neu)");
    h.run();
    let doc = h.state().doc.as_ref().expect("open");
    assert!(
        doc.assessment()
            .measures
            .iter()
            .any(|(id, m)| id.as_str().starts_with("BR") && m.owner.ends_with(" (neu)")),
        "typed into a baseline measure's owner"
    );
}
