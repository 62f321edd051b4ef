//! Input as people type it: dates in German (`31.12.2027`) in the German UI and ISO in the
//! English one, both accepted in either; files always hold ISO dates.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use plattformcheck::text::Lang;
use plattformcheck::ui::action::{Action, ChecklistChoice};
use plattformcheck::ui::{App, Prefs};

fn harness(lang: Lang, data: &std::path::Path) -> Harness<'static, App> {
    let prefs = Prefs {
        lang,
        ..Prefs::default()
    };
    let mut app = App::new(prefs, Some(data.to_path_buf()));
    app.apply(Action::New(ChecklistChoice::Builtin("tiktok".into())));
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    h.run();
    h
}

fn date(h: &Harness<'_, App>) -> Option<String> {
    h.state()
        .doc
        .as_ref()
        .and_then(|d| d.wizard().assessment().metadata.date)
        .map(|d| d.to_string())
}

/// Replaces the text of the date field labelled `label` with `text`.
fn type_date(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn german_dates_are_typed_and_shown_as_germans_write_them() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(Lang::De, data.path());
    let label = "Datum der Prüfung *";
    type_date(&mut h, label, "31.12.2027");
    assert_eq!(date(&h).as_deref(), Some("2027-12-31"), "stored as a date");
    // Leave the field: it shows the date as German readers write it.
    h.get_by_label("Öffentliche Stelle *").focus();
    h.run();
    h.run();
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some("31.12.2027"),
        "shown in German"
    );
    // ISO is understood too.
    type_date(&mut h, label, "2028-01-02");
    assert_eq!(date(&h).as_deref(), Some("2028-01-02"), "ISO accepted");
    // A date that does not exist is not taken, and the hint says what is expected.
    type_date(&mut h, label, "31.13.2027");
    assert_eq!(
        date(&h).as_deref(),
        Some("2028-01-02"),
        "kept the last date"
    );
    h.get_by_label_contains("Format: TT.MM.JJJJ");
}

#[test]
fn english_dates_are_iso_and_the_hint_is_english() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(Lang::En, data.path());
    let label = "Date of the assessment *";
    type_date(&mut h, label, "31.12.2027");
    assert_eq!(
        date(&h).as_deref(),
        Some("2027-12-31"),
        "German form accepted"
    );
    h.get_by_label("Public body *").focus();
    h.run();
    h.run();
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some("2027-12-31"),
        "shown as ISO"
    );
    type_date(&mut h, label, "2027-02-30");
    assert!(
        h.query_by_label_contains("JJJJ").is_none(),
        "no German hint in the English UI"
    );
    h.get_by_label_contains("Format: YYYY-MM-DD");
}

#[test]
fn the_platform_is_prefilled_from_the_checklist() {
    let data = tempfile::tempdir().expect("temp dir");
    let h = harness(Lang::De, data.path());
    assert_eq!(
        h.state()
            .doc
            .as_ref()
            .map(|d| d.wizard().assessment().metadata.platform.clone())
            .as_deref(),
        Some("TikTok"),
        "a TikTok assessment is about TikTok"
    );
    let social = plattformcheck::builtin::load("soziale-netzwerke").expect("built in");
    assert!(
        plattformcheck::assessment::Assessment::new(&social)
            .metadata
            .platform
            .is_empty(),
        "the team names the social network"
    );
}

#[test]
fn the_open_dialog_starts_in_the_folder_of_the_open_file() {
    use plattformcheck::ui::action::FilePurpose;
    use plattformcheck::ui::state::Dialog;
    let data = tempfile::tempdir().expect("temp dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = work.path().join("kanal.ron");
    let mut h = harness(Lang::De, data.path());
    h.state_mut().apply(Action::SaveTo(file.clone()));
    assert!(file.exists(), "saved");
    h.state_mut()
        .apply(Action::ShowFileDialog(FilePurpose::Open));
    let Some(Dialog::File { path, .. }) = &h.state().dialog else {
        panic!("the in-app dialog is shown");
    };
    assert!(
        std::path::Path::new(path).starts_with(work.path()),
        "{path} is in {}",
        work.path().display()
    );
}

#[test]
fn messages_follow_a_switch_of_the_language() {
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("kanal.ron");
    let mut h = harness(Lang::De, data.path());
    h.state_mut().apply(Action::SaveTo(file.clone()));
    let german = h.state().messages.last().expect("a message").text.clone();
    h.state_mut().apply(Action::SetLang(Lang::En));
    h.run();
    let english = h.state().messages.last().expect("a message").text.clone();
    assert_ne!(german, english, "the message switched language");
    assert!(
        english.starts_with("Saved") && english.contains("kanal.ron"),
        "{english}"
    );
    assert!(
        h.query_all_by_label_contains("Saved: ").next().is_some(),
        "shown in English"
    );
}
