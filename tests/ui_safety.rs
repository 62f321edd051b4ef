//! Safety in the app: clearing all answers asks first, says what goes, and can be undone.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use plattformcheck::ui::action::Action;
use plattformcheck::ui::{App, Prefs};
use plattformcheck::wizard::Step;

fn answered(h: &Harness<'_, App>) -> usize {
    h.state()
        .doc
        .as_ref()
        .map_or(0, |d| d.wizard().assessment().answers.len())
}

#[test]
fn resetting_the_answers_asks_first_and_can_be_undone() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    app.apply(Action::OpenExample(0));
    app.apply(Action::Go(Step::Result));
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    h.run();
    let before = answered(&h);
    assert!(before > 40, "the example is answered");

    h.get_by_label("Antworten zurücksetzen …").click_accesskit();
    h.run();
    h.get_by_label_contains("Die Stammdaten bleiben");
    assert_eq!(
        answered(&h),
        before,
        "nothing cleared while the dialog asks"
    );
    h.get_by_label("Abbrechen").click();
    h.run();
    assert_eq!(answered(&h), before, "cancel keeps everything");
    assert!(h.state().dialog.is_none(), "dialog closed");

    h.get_by_label("Antworten zurücksetzen …").click_accesskit();
    h.run();
    h.get_by_label("Alle Antworten leeren").click();
    h.run();
    assert_eq!(answered(&h), 0, "cleared after confirming");
    assert!(
        !h.state()
            .doc
            .as_ref()
            .expect("open")
            .wizard()
            .assessment()
            .metadata
            .public_body
            .is_empty(),
        "basic data stays"
    );
    h.state_mut().apply(Action::Undo);
    h.run();
    assert_eq!(answered(&h), before, "undo brings the answers back");
}

#[test]
fn closing_a_never_saved_assessment_with_save_saves_and_closes() {
    use plattformcheck::ui::action::{ChecklistChoice, Edit, FilePurpose};
    use plattformcheck::ui::state::Dialog;
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = common::harness(
        App::new(Prefs::default(), Some(data.path().to_path_buf())),
        egui::vec2(1280.0, 800.0),
    );
    h.state_mut()
        .apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    h.state_mut().apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "ja".into(),
    }));
    h.state_mut().apply(Action::CloseRequested);
    h.run();
    // The dialog's "Speichern" (the top bar has one too; the dialog's is drawn last).
    h.get_all_by_label("Speichern")
        .last()
        .expect("dialog button")
        .click();
    h.run();
    assert!(
        matches!(
            h.state().dialog,
            Some(Dialog::File {
                purpose: FilePurpose::SaveAs,
                ..
            })
        ),
        "no name yet: the save-as dialog opens"
    );
    assert!(!h.state().allow_close, "not closed before it is saved");
    let file = data.path().join("neu.ron");
    h.state_mut().dialog = Some(Dialog::File {
        purpose: FilePurpose::SaveAs,
        path: file.display().to_string(),
    });
    h.run();
    h.get_all_by_label("Speichern")
        .last()
        .expect("dialog button")
        .click();
    h.run();
    assert!(file.exists(), "saved");
    assert!(h.state().allow_close, "and closed, as asked");
}

#[test]
fn cancelling_the_save_as_dialog_keeps_the_window_open() {
    use plattformcheck::ui::action::{ChecklistChoice, Edit};
    let data = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    app.apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    app.apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "ja".into(),
    }));
    app.apply(Action::CloseRequested);
    app.apply(Action::SaveAndClose);
    app.apply(Action::CancelDialog);
    assert!(!app.allow_close, "cancelled: the window stays");
    // A later save under a name does not close the window behind the user's back.
    let file = data.path().join("spaeter.ron");
    app.apply(Action::SaveTo(file.clone()));
    assert!(file.exists(), "saved");
    assert!(!app.allow_close, "still open");
}

#[test]
fn the_crash_recovery_names_the_file_and_reopens_at_the_question() {
    use plattformcheck::ui::action::{ChecklistChoice, Edit};
    let data = tempfile::tempdir().expect("temp dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = work.path().join("kanal.ron");
    let mut a = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    a.apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    a.apply(Action::SaveTo(file.clone()));
    a.apply(Action::Go(Step::Question("A4.1".into())));
    a.apply(Action::Edit(Edit::Answer {
        question: "A4.1".into(),
        choice: "keine".into(),
    }));
    a.autosave(true);
    drop(a); // a crash with unsaved work

    let b = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    let mut h = common::harness(b, egui::vec2(1280.0, 800.0));
    h.run();
    h.get_by_label_contains(&file.display().to_string());
    h.get_by_label_contains("Weiter bei Frage: A4.1");
    h.get_by_label("Wiederherstellen").click();
    h.run();
    assert_eq!(
        h.state().doc.as_ref().map(|d| d.wizard().step().clone()),
        Some(Step::Question("A4.1".into())),
        "back at the question"
    );
}

#[test]
fn undoing_back_to_the_saved_state_makes_the_file_saved_again() {
    use plattformcheck::ui::action::{ChecklistChoice, Edit};
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("kanal.ron");
    let mut a = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    a.apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    a.apply(Action::SaveTo(file));
    a.apply(Action::Edit(Edit::Answer {
        question: "A1.1".into(),
        choice: "ja".into(),
    }));
    assert!(a.is_dirty(), "an answer makes it unsaved");
    a.apply(Action::Undo);
    assert!(!a.is_dirty(), "undone to what is saved: saved again");
    let mut h = common::harness(a, egui::vec2(1280.0, 800.0));
    h.run();
    assert!(
        h.query_all_by_label_contains("ungespeicherte Änderungen")
            .next()
            .is_none(),
        "the side list says nothing is unsaved"
    );
}
