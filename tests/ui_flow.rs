//! The desktop app driven through AccessKit with `egui_kittest` (no GPU, accessibility check on),
//! and its `apply` logic without egui.

mod common;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use plattformcheck::choice::Choice;
use plattformcheck::risk::RiskClass;
use plattformcheck::ui::action::{Action, ChecklistChoice, Edit};
use plattformcheck::ui::app::Dialog;
use plattformcheck::ui::{App, Prefs, style};
use plattformcheck::wizard::Step;

fn app(data: &Path) -> App {
    App::new(Prefs::default(), Some(data.to_path_buf()))
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(16)
        .with_context_setup(style::install_fonts)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

fn step(h: &Harness<'_, App>) -> Step {
    h.state()
        .doc
        .as_ref()
        .expect("an assessment is open")
        .wizard()
        .step()
        .clone()
}

fn choice(h: &Harness<'_, App>, q: &str) -> Option<String> {
    h.state()
        .doc
        .as_ref()
        .and_then(|d| d.wizard().assessment().choice(q).map(ToString::to_string))
}

/// The label of option `id` of question `q` as the question screen shows it.
fn option_label(h: &Harness<'_, App>, q: &str, id: &str) -> String {
    common::option_label(h.state().doc.as_ref().expect("open"), q, id)
}

/// The 1-based key of option `id` of question `q`.
fn option_key(h: &Harness<'_, App>, q: &str, id: &str) -> egui::Key {
    let i = common::option_index(h.state().doc.as_ref().expect("open"), q, id);
    [
        egui::Key::Num1,
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num4,
        egui::Key::Num5,
    ][i]
}

/// Clicks through AccessKit, as a screen reader does; works for widgets scrolled out of view.
fn press(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click_accesskit();
    h.run();
}

fn go_to(h: &mut Harness<'_, App>, q: &str) {
    h.get_by_label_contains(&format!("{q}  ")).click_accesskit();
    h.run();
    assert_eq!(step(h), Step::Question(q.into()), "navigated to {q}");
}

#[test]
fn new_tiktok_assessment_by_keyboard_and_click_to_saved_file() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(data.path()));
    h.run();
    let questions = plattformcheck::builtin::load("tiktok")
        .expect("built in")
        .question_count();
    h.get_by_label_contains(&format!("({questions} Fragen)"))
        .click();
    h.run();
    assert_eq!(step(&h), Step::Metadata, "starts with the metadata");

    let field = h.get_by_label("Öffentliche Stelle *");
    field.focus();
    field.type_text("Stadt Musterstadt");
    h.run();
    assert_eq!(
        h.state()
            .doc
            .as_ref()
            .map(|d| d.wizard().assessment().metadata.public_body.clone()),
        Some("Stadt Musterstadt".into()),
        "typed into the metadata"
    );
    press(&mut h, "Zu den Fragen");
    assert_eq!(step(&h), Step::Question("A0.1".into()), "first question");
    go_to(&mut h, "A1.1");

    // Keyboard: 1 chooses the first option, Enter goes on, ← goes back.
    h.key_press(egui::Key::Num1);
    h.run();
    assert_eq!(choice(&h, "A1.1").as_deref(), Some("ja"), "answered by key");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(step(&h), Step::Question("A1.2".into()), "Enter goes on");
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(step(&h), Step::Question("A1.1".into()), "← goes back");
    h.key_press(egui::Key::ArrowRight);
    h.run();

    // Mouse: click the second option of A1.2.
    let doc = h.state().doc.as_ref().expect("open");
    let second = doc
        .wizard()
        .checklist()
        .question("A1.2")
        .expect("A1.2")
        .options[1]
        .id
        .clone();
    let label = option_label(&h, "A1.2", &second);
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(
        choice(&h, "A1.2"),
        Some(second.to_string()),
        "answered by click"
    );

    // A knock-out answer turns the result red and is listed first.
    go_to(&mut h, "A8.1");
    h.key_press(option_key(&h, "A8.1", "privatgeraet"));
    h.run();
    let score = h.state().doc.as_ref().expect("open").wizard().score();
    assert_eq!(
        score.overall_gross,
        RiskClass::Hoch,
        "knock-out → hohes Risiko"
    );
    assert_eq!(score.knockouts, vec!["A8.1"], "listed");
    assert!(
        h.query_by_label_contains("K.-o.-Kriterium").is_some(),
        "the finding box says so"
    );

    // Plan a measure.
    press(&mut h, "Maßnahme planen");
    let owner = h.get_by_label("Verantwortlich");
    owner.focus();
    owner.type_text("Pressestelle");
    h.run();
    let measure = h
        .state()
        .doc
        .as_ref()
        .and_then(|d| d.wizard().assessment().measures.get("A8.1").cloned());
    assert_eq!(
        measure.map(|m| m.owner),
        Some("Pressestelle".into()),
        "measure planned"
    );

    // The result screen is reachable and current.
    h.get_all_by_label("Ergebnis")
        .next()
        .expect("nav entry")
        .click_accesskit();
    h.run();
    assert_eq!(step(&h), Step::Result, "result screen");
    assert!(
        h.query_by_label("hohes Risiko").is_some(),
        "overall class written out"
    );

    save_through_the_dialog_and_reopen(&mut h, data.path());
}

/// Saves under a new name through the in-app path dialog, then reopens the file in a fresh app
/// and checks that it holds the same state.
fn save_through_the_dialog_and_reopen(h: &mut Harness<'_, App>, data: &Path) {
    // Save under a new name through the in-app path dialog.
    let file = data.join("pruefung.ron");
    h.get_by_label("Speichern unter …").click();
    h.run();
    assert!(
        h.query_by_label("Dateipfad").is_some(),
        "the path field is labelled"
    );
    // The field is prefilled with a default path; put ours in as if typed over it.
    h.state_mut().dialog = Some(Dialog::File {
        purpose: plattformcheck::ui::action::FilePurpose::SaveAs,
        path: file.display().to_string(),
    });
    h.run();
    h.get_all_by_label("Speichern")
        .last()
        .expect("dialog button")
        .click();
    h.run();
    assert!(file.exists(), "saved");
    assert!(!h.state().is_dirty(), "clean after saving");
    let saved = h
        .state()
        .doc
        .as_ref()
        .expect("open")
        .wizard()
        .assessment()
        .clone();

    // Reopen in a fresh app: the same state.
    let mut again = app(data);
    again.apply(Action::Open(file.clone()));
    let reopened = again
        .doc
        .as_ref()
        .expect("reopened")
        .wizard()
        .assessment()
        .clone();
    assert_eq!(reopened, saved, "same assessment after reopening");
    assert_eq!(
        again.prefs.recent.first().and_then(|p| p.file_name()),
        file.file_name(),
        "recent file"
    );
}

#[test]
fn conditional_question_appears_and_disappears() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(data.path()));
    h.state_mut()
        .apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    h.run();
    assert!(
        h.query_by_label_contains("A6.2  ").is_none(),
        "A6.2 hidden at first"
    );
    go_to(&mut h, "A6.1");
    h.key_press(option_key(&h, "A6.1", "ja"));
    h.run();
    assert!(
        h.query_by_label_contains("A6.2  ").is_some(),
        "A6.2 shown after A6.1 = ja"
    );
    h.key_press(option_key(&h, "A6.1", "nein"));
    h.run();
    assert!(
        h.query_by_label_contains("A6.2  ").is_none(),
        "hidden again after A6.1 = nein"
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(data.path()));
    h.state_mut()
        .apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    h.state_mut().apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "ja".into(),
    }));
    h.state_mut().apply(Action::CloseRequested);
    h.run();
    assert!(
        h.query_by_label("Ungespeicherte Änderungen").is_some(),
        "the dialog is shown"
    );
    assert!(!h.state().allow_close, "not closed yet");
    h.get_by_label("Abbrechen").click();
    h.run();
    assert!(
        h.state().dialog.is_none() && !h.state().allow_close,
        "cancel keeps the window"
    );
    h.state_mut().apply(Action::CloseRequested);
    h.run();
    h.get_by_label("Verwerfen").click();
    h.run();
    assert!(h.state().allow_close, "discard closes");
}

#[test]
fn broken_custom_checklist_shows_its_problems() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(data.path()));
    h.run();
    h.get_by_label("Eigene Checkliste laden …").click();
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::File { .. })),
        "path dialog open"
    );
    h.state_mut().dialog = Some(Dialog::File {
        purpose: plattformcheck::ui::action::FilePurpose::Checklist,
        path: "tests/fixtures/invalid/semantic.ron".into(),
    });
    h.run();
    h.get_by_label("Laden").click();
    h.run();
    assert!(h.state().doc.is_none(), "nothing opened");
    assert!(
        h.query_by_label("Die Checkliste lässt sich nicht laden")
            .is_some(),
        "problems dialog"
    );
    assert!(
        h.query_by_label_contains(
            "semantic.ron:126: error: sections[2].questions[\"M1.1\"]: duplicate question id"
        )
        .is_some(),
        "located message shown"
    );
}

#[test]
fn english_ui_and_dark_theme_render() {
    let data = tempfile::tempdir().expect("temp dir");
    let prefs = Prefs {
        lang: plattformcheck::text::Lang::En,
        dark: true,
        ..Prefs::default()
    };
    let mut h = harness(App::new(prefs, Some(data.path().to_path_buf())));
    h.state_mut().apply(Action::OpenExample(1));
    h.run();
    assert!(
        h.query_all_by_label("Result").count() >= 1,
        "English labels"
    );
    assert!(
        h.query_all_by_label("high risk").count() >= 1,
        "class in English"
    );
    assert!(
        h.query_by_label_contains("Knock-out criteria").is_some(),
        "knock-outs listed"
    );
}

// ---- apply() without egui ----

#[test]
fn autosave_survives_a_crash_and_can_be_restored() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut a = app(data.path());
    a.apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    a.apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: Choice::Unknown,
    }));
    assert!(a.is_dirty(), "an answer makes it unsaved");
    a.autosave(true);
    drop(a); // "crash": nothing saved by the user

    let mut b = app(data.path());
    assert!(b.restore.is_some(), "autosave offered on the next start");
    b.apply(Action::RestoreAutosave);
    let doc = b.doc.as_ref().expect("restored");
    assert_eq!(
        doc.wizard().assessment().choice("A1.1"),
        Some(&Choice::Unknown),
        "answer restored"
    );
    assert!(doc.is_dirty(), "restored work still needs saving");

    b.apply(Action::DiscardAndClose);
    assert!(
        App::new(Prefs::default(), Some(data.path().to_path_buf()))
            .restore
            .is_none(),
        "discarded"
    );
}

#[test]
fn damaged_and_newer_files_are_refused_untouched_with_the_file_named() {
    let data = tempfile::tempdir().expect("temp dir");
    let damaged = data.path().join("kaputt.ron");
    std::fs::write(&damaged, "Assessment(format_version: 1, checklist: (").expect("write");
    let newer = data.path().join("neu.ron");
    let newer_text = "Assessment(format_version: 7, future: true)";
    std::fs::write(&newer, newer_text).expect("write");

    let mut a = app(data.path());
    a.apply(Action::Open(damaged.clone()));
    a.apply(Action::Open(newer.clone()));
    assert!(a.doc.is_none(), "nothing opened");
    assert_eq!(a.messages.len(), 2, "two messages: {:?}", a.messages);
    assert!(
        a.messages[0].error && a.messages[0].text.contains("kaputt.ron"),
        "{:?}",
        a.messages[0]
    );
    assert!(
        a.messages[1].text.contains("neu.ron") && a.messages[1].text.contains("newer version"),
        "{:?}",
        a.messages[1]
    );
    assert_eq!(
        std::fs::read_to_string(&newer).expect("read"),
        newer_text,
        "newer file untouched"
    );
}

#[test]
fn saving_to_an_unwritable_place_keeps_the_work() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut a = app(data.path());
    a.apply(Action::New(ChecklistChoice::Builtin(
        "soziale-netzwerke".into(),
    )));
    a.apply(Action::Edit(Edit::Answer {
        question: "B1.1".into(),
        choice: "ja".into(),
    }));
    a.apply(Action::SaveTo(data.path().join("fehlt").join("x.ron")));
    assert!(a.is_dirty(), "still unsaved");
    assert!(
        a.messages
            .last()
            .is_some_and(|m| m.error && m.text.contains("x.ron")),
        "{:?}",
        a.messages
    );
    assert_eq!(
        a.doc
            .as_ref()
            .and_then(|d| d.wizard().assessment().choice("B1.1"))
            .map(Choice::as_str),
        Some("ja"),
        "work kept"
    );
}

#[test]
fn undo_redo_and_leaving_with_unsaved_changes() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut a = app(data.path());
    a.apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    a.apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "ja".into(),
    }));
    a.apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "nein".into(),
    }));
    a.apply(Action::Undo);
    assert_eq!(
        a.doc
            .as_ref()
            .and_then(|d| d.wizard().assessment().choice("A1.1"))
            .map(Choice::as_str),
        Some("ja"),
        "undone"
    );
    a.apply(Action::Redo);
    assert_eq!(
        a.doc
            .as_ref()
            .and_then(|d| d.wizard().assessment().choice("A1.1"))
            .map(Choice::as_str),
        Some("nein"),
        "redone"
    );
    a.apply(Action::Home);
    assert!(
        matches!(a.dialog, Some(Dialog::ConfirmLeave(_))),
        "asks before leaving"
    );
    assert!(a.doc.is_some(), "still open");
    let Some(Dialog::ConfirmLeave(then)) = a.dialog.clone() else {
        unreachable!("checked above")
    };
    a.apply(Action::DiscardAndDo(then));
    assert!(a.doc.is_none(), "left after discarding");
}

#[test]
fn examples_open_as_unsaved_copies_and_reset() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut a = app(data.path());
    for i in 0..plattformcheck::ui::EXAMPLES.len() {
        a.apply(Action::OpenExample(i));
        let doc = a.doc.as_ref().expect("example opens");
        assert!(doc.path().is_none(), "an unsaved copy");
        assert!(doc.wizard().score().is_complete(), "example complete");
    }
    a.apply(Action::Edit(Edit::ResetAnswers));
    let doc = a.doc.as_ref().expect("open");
    assert!(
        doc.wizard().assessment().answers.is_empty(),
        "answers cleared"
    );
    assert!(
        !doc.wizard().assessment().metadata.public_body.is_empty(),
        "metadata kept"
    );
    a.apply(Action::Undo);
    assert!(
        !a.doc
            .as_ref()
            .expect("open")
            .wizard()
            .assessment()
            .answers
            .is_empty(),
        "reset undone"
    );
}

#[test]
fn pdf_export_from_the_result_screen() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(data.path()));
    h.state_mut().apply(Action::OpenExample(0));
    h.run();
    h.get_by_label("PDF exportieren").click_accesskit();
    h.run();
    let Some(Dialog::File { path, .. }) = h.state().dialog.clone() else {
        panic!("export dialog expected, got {:?}", h.state().dialog)
    };
    let name = Path::new(&path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    assert!(
        name.starts_with("Datenschutzpruefung_stadt.musterstadt_") && name.ends_with(".pdf"),
        "default name: {name}"
    );
    assert!(
        h.query_by_label("Sprache des Berichts:").is_some(),
        "report language choice offered"
    );

    let out = data.path().join("bericht.pdf");
    h.state_mut().apply(Action::ExportPdf(
        out.clone(),
        plattformcheck::text::Lang::En,
    ));
    h.run();
    let bytes = std::fs::read(&out).expect("PDF written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let message = h.state().messages.last().cloned().expect("a message");
    assert!(
        !message.error && message.text.contains("bericht.pdf"),
        "says where: {message:?}"
    );
    assert_eq!(
        message.open.as_deref(),
        Some(out.as_path()),
        "offers to open it"
    );
    assert_eq!(
        h.query_all_by_label("Öffnen").count(),
        2,
        "the message has its own open button"
    );
    assert!(h.state().dialog.is_none(), "dialog closed");
}

#[test]
fn pdf_export_to_an_unwritable_place_says_so() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut a = app(data.path());
    a.apply(Action::OpenExample(2));
    a.apply(Action::ExportPdf(
        data.path().join("fehlt").join("x.pdf"),
        plattformcheck::text::Lang::De,
    ));
    let m = a.messages.last().expect("message");
    assert!(m.error && m.text.contains("x.pdf"), "{m:?}");
}

#[test]
fn typing_a_path_and_pressing_enter_saves() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(data.path()));
    h.state_mut()
        .apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    h.state_mut().apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "ja".into(),
    }));
    h.run();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::S,
    );
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::File { .. })),
        "Ctrl+Shift+S opens the dialog"
    );
    // The field has focus; select its prefilled text and type over it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    let file = data.path().join("per-tastatur.ron");
    h.get_by_label("Dateipfad")
        .type_text(&file.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        file.exists(),
        "saved by Enter: dialog {:?}, messages {:?}",
        h.state().dialog,
        h.state().messages
    );
    assert!(h.state().dialog.is_none(), "dialog closed");
}

#[test]
fn commands_share_one_shortcut_table_with_the_keyboard() {
    use plattformcheck::ui::command::Command;
    let mut seen = Vec::new();
    for command in Command::ALL {
        for k in command.shortcuts() {
            assert!(!seen.contains(k), "{command:?}: {k:?} is taken twice");
            seen.push(*k);
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(dir.path()));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    h.run();
    assert!(
        (h.state().prefs.zoom - 1.2).abs() < 1e-4,
        "two steps larger, kept in the preferences: {}",
        h.state().prefs.zoom
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    h.run();
    assert!((h.state().prefs.zoom - 1.0).abs() < 1e-4, "reset");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    assert!(
        matches!(h.state().dialog, Some(Dialog::File { .. })),
        "Ctrl+O opens the file dialog"
    );
}

#[test]
fn saving_over_a_read_only_file_keeps_it_and_its_backup() {
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("archiv.ron");
    std::fs::copy("assets/examples/stadt-musterstadt-tiktok.ron", &file).expect("copy");
    let mut a = app(data.path());
    a.apply(Action::Open(file.clone()));
    a.apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "nein".into(),
    }));
    // Saved once (a backup exists), then made read-only, as an archived file would be.
    a.apply(Action::Save);
    assert!(!a.is_dirty(), "first save works");
    let backup = plattformcheck::fsio::backup::backup_path(&file);
    let (saved, kept) = (
        std::fs::read(&file).expect("file"),
        std::fs::read(&backup).expect("backup"),
    );
    let mut perms = std::fs::metadata(&file).expect("stat").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&file, perms).expect("chmod");
    a.apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "ja".into(),
    }));
    a.apply(Action::Save);
    assert!(a.is_dirty(), "still unsaved");
    assert!(
        a.messages.last().is_some_and(|m| m.error
            && m.text.contains("archiv.ron")
            && m.text.contains("read-only")),
        "{:?}",
        a.messages
    );
    assert_eq!(std::fs::read(&file).expect("file"), saved, "file intact");
    assert_eq!(
        std::fs::read(&backup).expect("backup"),
        kept,
        "backup intact"
    );
}

#[test]
fn a_failed_autosave_is_shown_when_it_happens() {
    let data = tempfile::tempdir().expect("temp dir");
    // The data folder is a file: the autosave cannot be written there.
    let blocked = data.path().join("kein-ordner");
    std::fs::write(&blocked, "").expect("write");
    let mut h = harness(App::new(Prefs::default(), Some(blocked)));
    h.state_mut()
        .apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    h.state_mut().apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "ja".into(),
    }));
    h.state_mut().autosave(true);
    h.run();
    assert!(
        h.state()
            .messages
            .iter()
            .any(|m| m.error && m.text.contains("autosave")),
        "{:?}",
        h.state().messages
    );
    assert!(
        h.query_by_label_contains("cannot write the autosave file")
            .is_some(),
        "on screen without further input"
    );
}

#[test]
fn a_damaged_autosave_is_reported_at_start_and_kept_aside() {
    let data = tempfile::tempdir().expect("temp dir");
    std::fs::write(data.path().join("autosave.ron"), "Autosave(saved_at: ").expect("write");
    let a = app(data.path());
    assert!(a.restore.is_none(), "nothing to restore");
    assert!(
        a.messages
            .iter()
            .any(|m| m.error && m.text.contains("autosave file is damaged")),
        "{:?}",
        a.messages
    );
    assert!(
        data.path().join("autosave.ron.damaged").exists(),
        "the damaged copy is kept"
    );
}
