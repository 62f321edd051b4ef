//! Workshop mode: an example started as an exercise has the case but no answers; "Auflösung
//! zeigen" compares the answers with the example's, question by question, with the trainer's
//! notes; "Von vorn" begins again; the solution holds in projector mode at 1024×768.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use plattformcheck::ui::action::{Action, Edit};
use plattformcheck::ui::state::Dialog;
use plattformcheck::ui::{App, EXAMPLES, Prefs, style};
use plattformcheck::wizard::Step;

fn harness(prefs: Prefs, size: egui::Vec2) -> (tempfile::TempDir, Harness<'static, App>) {
    let data = tempfile::tempdir().expect("temp dir");
    let app = App::new(prefs, Some(data.path().to_path_buf()));
    let mut h = common::harness(app, size);
    h.run();
    (data, h)
}

#[test]
fn an_exercise_compares_with_the_reference_and_starts_again() {
    let (_data, mut h) = harness(Prefs::default(), egui::vec2(1280.0, 800.0));
    // From the start screen: the first example, as an exercise.
    h.get_all_by_label("Als Übung")
        .next()
        .expect("a button per example")
        .click_accesskit();
    h.run();
    let app = h.state();
    let doc = app.doc.as_ref().expect("an exercise is open");
    let w = app.workshop.as_ref().expect("workshop mode");
    assert!(doc.assessment().answers.is_empty(), "no answers given yet");
    assert_eq!(
        doc.assessment().metadata,
        w.reference.metadata,
        "the case is the example's"
    );
    assert!(!doc.wizard().can_undo(), "undo cannot reveal the reference");
    let first = doc.checklist().questions().next().expect("q").1.id.clone();
    assert_eq!(
        doc.wizard().step(),
        &Step::Question(first),
        "first question"
    );

    // Answer the legal-basis question differently from the reference.
    let reference = w.reference.choice("A1.3").cloned().expect("answered");
    let other = doc
        .checklist()
        .question("A1.3")
        .expect("A1.3")
        .choices()
        .find(|c| *c != reference)
        .expect("another answer");
    h.state_mut().apply(Action::Edit(Edit::Answer {
        question: "A1.3".into(),
        choice: other,
    }));
    h.run();
    h.get_by_label("Auflösung zeigen").click();
    h.run();
    let Some(Dialog::Solution(c)) = &h.state().dialog else {
        panic!("the solution is shown");
    };
    let row = c.rows.iter().find(|r| r.question == "A1.3").expect("A1.3");
    assert!(!row.agrees(), "A1.3 differs");
    assert_eq!(c.agreeing(), 0, "nothing else answered yet");
    assert!(
        h.query_all_by_label_contains("A1.3  ").next().is_some(),
        "listed in the solution"
    );
    assert!(
        h.query_all_by_label_contains("Hinweis für die Schulung")
            .next()
            .is_some(),
        "the trainer's notes are shown"
    );
    // A click on a question closes the solution and goes there (the dialog is drawn last, over
    // the side list's entry of the same question).
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::Link
            && n.label().is_some_and(|l| l.starts_with("A1.3  "))
    })
    .click_accesskit();
    h.run();
    assert!(h.state().dialog.is_none(), "closed");
    assert_eq!(
        h.state().doc.as_ref().map(|d| d.wizard().step().clone()),
        Some(Step::Question("A1.3".into())),
        "went to the question"
    );
    // Von vorn (the bar's button; the solution is closed).
    h.get_by_label("Von vorn").click();
    h.run();
    let doc = h.state().doc.as_ref().expect("open");
    assert!(doc.assessment().answers.is_empty(), "answers cleared");
    assert!(h.state().workshop.is_some(), "still the exercise");
}

#[test]
fn answering_like_the_reference_agrees_everywhere() {
    for index in 0..EXAMPLES.len() {
        let data = tempfile::tempdir().expect("temp dir");
        let mut app = App::new(Prefs::default(), Some(data.path().to_path_buf()));
        app.apply(Action::StartWorkshop(index));
        let reference = app.workshop.as_ref().expect("workshop").reference.clone();
        for (id, answer) in &reference.answers {
            if let Some(choice) = &answer.choice {
                app.apply(Action::Edit(Edit::Answer {
                    question: id.clone(),
                    choice: choice.clone(),
                }));
            }
        }
        app.apply(Action::ShowSolution);
        let Some(Dialog::Solution(c)) = &app.dialog else {
            panic!("{index}: the solution is shown");
        };
        assert_eq!(c.agreeing(), c.rows.len(), "{index}: every answer agrees");
        assert_eq!(c.gross.0, c.gross.1, "{index}: same gross class");
        assert!(
            app.workshop
                .as_ref()
                .is_some_and(|w| !w.notes.notes.is_empty()),
            "{index}: the example has trainer's notes"
        );
    }
}

#[test]
fn the_solution_holds_in_projector_mode_at_1024() {
    let prefs = Prefs {
        projector: true,
        ..Prefs::default()
    };
    let (_data, mut h) = harness(prefs, egui::vec2(1024.0, 768.0));
    h.state_mut().apply(Action::StartWorkshop(1));
    h.run();
    h.state_mut().apply(Action::ShowSolution);
    h.run();
    h.run();
    let screen = h.ctx.content_rect();
    assert!(
        (screen.width() - 1024.0 / style::PROJECTOR_ZOOM).abs() < 1.0,
        "projector mode's zoom applies: {screen:?}"
    );
    let mut checked = 0;
    for role in [
        egui::accesskit::Role::Label,
        egui::accesskit::Role::Link,
        egui::accesskit::Role::Button,
    ] {
        for node in h.query_all_by_role(role) {
            checked += 1;
            assert!(
                node.rect().right() <= screen.right() + 1.0,
                "{node:?} runs past the window {screen:?}"
            );
        }
    }
    assert!(checked > 20, "the solution is drawn");
    assert_eq!(
        h.query_all_by_label("Von vorn").count(),
        2,
        "in the bar and in the solution"
    );
}
