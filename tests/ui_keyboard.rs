//! Keyboard paths: Tab goes from the bar to the answers without passing the side list, F6 enters
//! the side list at the current question (and leaves it), and the focus is always drawn.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use plattformcheck::ui::action::Action;
use plattformcheck::ui::{App, Prefs};
use plattformcheck::wizard::Step;

fn harness_at(question: &str) -> (tempfile::TempDir, Harness<'static, App>) {
    let data = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    app.apply(Action::OpenExample(0));
    app.apply(Action::Go(Step::Question(question.into())));
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    h.run();
    (data, h)
}

/// The label of the focused widget, if any.
fn focused(h: &Harness<'_, App>) -> Option<String> {
    h.query_all_by(|n| n.is_focused())
        .next()
        .map(|n| format!("{n:?}"))
}

#[test]
fn tab_reaches_the_answers_before_any_side_list_entry() {
    let (_data, mut h) = harness_at("A10.6");
    let mut reached = None;
    for press in 1..=20 {
        h.key_press(egui::Key::Tab);
        h.run();
        let now = focused(&h).unwrap_or_default();
        assert!(
            !now.contains("A1.1  "),
            "press {press}: Tab went into the side list: {now}"
        );
        if now.contains("1   ") {
            reached = Some(press);
            break;
        }
    }
    let presses = reached.expect("Tab reaches the first answer");
    assert!(presses <= 12, "{presses} presses to the first answer");
}

#[test]
fn f6_enters_the_side_list_at_the_current_question_and_leaves_it() {
    let (_data, mut h) = harness_at("A10.6");
    h.key_press(egui::Key::F6);
    h.run();
    h.run();
    let now = focused(&h).unwrap_or_default();
    assert!(
        now.contains("A10.6  "),
        "F6 focuses the current entry: {now}"
    );
    // Down the list with Tab, and Enter or Space opens the entry.
    h.key_press(egui::Key::Tab);
    h.run();
    let next = focused(&h).unwrap_or_default();
    assert!(next.contains("  A10."), "Tab moves within the list: {next}");
    h.key_press(egui::Key::Space);
    h.run();
    h.run();
    let step = h.state().doc.as_ref().map(|d| d.wizard().step().clone());
    assert_ne!(
        step,
        Some(Step::Question("A10.6".into())),
        "Space opened the next entry"
    );
    // F6 again leaves the list: Tab no longer stops in it.
    h.key_press(egui::Key::F6);
    h.run();
    for _ in 0..3 {
        h.key_press(egui::Key::Tab);
        h.run();
        let now = focused(&h).unwrap_or_default();
        assert!(!now.contains("  A1.1  "), "left the list: {now}");
    }
}

#[test]
fn planning_a_measure_by_keyboard_keeps_the_focus_there() {
    // A4.1 of a fresh exercise: answer with a finding, then plan its measure with Space.
    let data = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    app.apply(Action::StartWorkshop(0));
    app.apply(Action::Go(Step::Question("A4.1".into())));
    app.apply(Action::Edit(plattformcheck::ui::action::Edit::Answer {
        question: "A4.1".into(),
        choice: "keine".into(),
    }));
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    h.run();
    h.get_by_label("Maßnahme planen").focus();
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    h.run();
    let planned = h
        .state()
        .doc
        .as_ref()
        .is_some_and(|d| d.wizard().assessment().measures.contains_key("A4.1"));
    assert!(planned, "Space planned the measure");
    let now = focused(&h).unwrap_or_default();
    assert!(
        now.contains("TextInput") || now.contains("MultilineTextInput"),
        "the measure's text has the focus, not the top of the window: {now}"
    );
    h.key_press(egui::Key::Tab);
    h.run();
    let next = focused(&h).unwrap_or_default();
    assert!(
        !next.contains("\"Start\""),
        "Tab goes on in the measure: {next}"
    );
}
