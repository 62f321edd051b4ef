//! The top bar holds at the sizes people use: 1024×768 and 1280×800, light and dark, normal and
//! projector mode, German and English. No button overlaps another or leaves the window.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use plattformcheck::text::Lang;
use plattformcheck::ui::action::Action;
use plattformcheck::ui::{App, Prefs, style};

/// The bar's buttons with an assessment open, in both languages.
fn bar_labels(lang: Lang) -> Vec<&'static str> {
    let s = &plattformcheck::i18n::tr(lang);
    let mut labels: Vec<&str> = [
        plattformcheck::ui::command::Command::Home,
        plattformcheck::ui::command::Command::Open,
        plattformcheck::ui::command::Command::Save,
        plattformcheck::ui::command::Command::SaveAs,
        plattformcheck::ui::command::Command::Undo,
        plattformcheck::ui::command::Command::Redo,
        plattformcheck::ui::command::Command::Result,
    ]
    .iter()
    .map(|c| c.label(&s.ui))
    .collect();
    labels.extend([s.ui.switch_language, s.review.mode_dpo, s.ui.view_menu]);
    labels
}

/// The widget labelled `label` nearest the top of the window: the bar's, where the side list
/// has one of the same name ("Ergebnis").
/// The app in a harness for a `w`×`h` window. The harness does not apply egui's zoom factor,
/// so in projector mode it gets the logical size that the zoom leaves of the window
/// (`style::PROJECTOR_ZOOM`).
fn sized(app: App, w: f32, h: f32, projector: bool) -> Harness<'static, App> {
    common::harness(app, egui::vec2(w, h) / zoom(projector))
}

/// The zoom factor of projector mode, or 1.
fn zoom(projector: bool) -> f32 {
    if projector {
        style::PROJECTOR_ZOOM
    } else {
        1.0
    }
}

fn top_most<'h>(harness: &'h Harness<'_, App>, label: &'h str) -> egui_kittest::Node<'h> {
    harness
        .query_all_by_label(label)
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap_or_else(|| panic!("{label} is shown"))
}

#[test]
fn the_top_bar_never_overlaps() {
    let data = tempfile::tempdir().expect("temp dir");
    for (w, h) in [(1024.0, 768.0), (1280.0, 800.0)] {
        for projector in [false, true] {
            for dark in [false, true] {
                for lang in [Lang::De, Lang::En] {
                    let prefs = Prefs {
                        projector,
                        dark,
                        lang,
                        ..Prefs::default()
                    };
                    let mut app = App::new(prefs, Some(data.path().to_path_buf()));
                    app.apply(Action::OpenExample(0));
                    let mut harness = sized(app, w, h, projector);
                    harness.run();
                    let case = format!("{w}×{h}, projector {projector}, dark {dark}, {lang:?}");
                    let screen = harness.ctx.content_rect();
                    assert!(
                        (screen.width() - w / zoom(projector)).abs() < 1.0,
                        "{case}: logical width {screen:?}"
                    );
                    let rects: Vec<(&str, egui::Rect)> = bar_labels(lang)
                        .into_iter()
                        .map(|label| (label, top_most(&harness, label).rect()))
                        .collect();
                    for (i, (a, ra)) in rects.iter().enumerate() {
                        assert!(
                            screen.contains_rect(*ra),
                            "{case}: {a} {ra:?} leaves the window {screen:?}"
                        );
                        for (b, rb) in &rects[i + 1..] {
                            assert!(
                                !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                                "{case}: {a} {ra:?} overlaps {b} {rb:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_new_question_starts_at_its_top_and_the_side_list_follows() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    app.apply(Action::OpenExample(0));
    let mut harness = common::harness(app, egui::vec2(1024.0, 768.0));
    harness.run();
    let screen = harness.ctx.content_rect();
    // The last question of the checklist and, back again, the first: each time the question's
    // heading and its entry in the side list are on screen.
    let ids: Vec<String> = {
        let doc = harness.state().doc.as_ref().expect("open");
        let c = doc.wizard().checklist();
        let all: Vec<String> = c.questions().map(|(_, q)| q.id.to_string()).collect();
        vec![all.last().cloned().expect("questions"), all[0].clone()]
    };
    for id in ids {
        harness
            .state_mut()
            .apply(Action::Go(plattformcheck::wizard::Step::Question(
                id.as_str().into(),
            )));
        harness.run();
        let nodes: Vec<egui::Rect> = harness
            .query_all_by_label_contains(&format!("{id}  "))
            .map(|n| n.rect())
            .collect();
        assert!(nodes.len() >= 2, "{id}: heading and side-list entry");
        for r in nodes {
            assert!(
                screen.contains_rect(r),
                "{id}: {r:?} is scrolled out of the window {screen:?}"
            );
        }
    }
}

#[test]
fn the_result_is_one_click_or_ctrl_r_away() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    app.apply(Action::OpenExample(0));
    app.apply(Action::Go(plattformcheck::wizard::Step::Metadata));
    let mut harness = common::harness(app, egui::vec2(1024.0, 768.0));
    harness.run();
    let step = |h: &Harness<'_, App>| h.state().doc.as_ref().map(|d| d.wizard().step().clone());
    top_most(&harness, "Ergebnis").click();
    harness.run();
    assert_eq!(
        step(&harness),
        Some(plattformcheck::wizard::Step::Result),
        "button"
    );
    harness
        .state_mut()
        .apply(Action::Go(plattformcheck::wizard::Step::Metadata));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    harness.run();
    assert_eq!(
        step(&harness),
        Some(plattformcheck::wizard::Step::Result),
        "Ctrl+R"
    );
}

#[test]
fn result_metadata_and_question_fit_the_window_in_every_mode() {
    use egui::accesskit::Role;
    let data = tempfile::tempdir().expect("temp dir");
    for (w, h) in [(1024.0, 768.0), (1280.0, 800.0)] {
        for projector in [false, true] {
            for (example, step, dpo) in [
                (0, "start", false),
                (0, "result", false),
                (5, "result", false),
                (0, "metadata", false),
                (3, "question", false),
                (3, "question", true),
                (0, "result", true),
            ] {
                // The start screen keeps the harness running longer, and the harness then
                // applies projector mode's zoom on top of the logical size it was given (a window
                // of 561 points instead of 758): not a size any screen has. The start screen in
                // projector mode at 1024×768 is checked on a screenshot instead (README).
                if step == "start" && projector {
                    continue;
                }
                let prefs = Prefs {
                    projector,
                    mode: if dpo {
                        plattformcheck::ui::state::Mode::Dpo
                    } else {
                        plattformcheck::ui::state::Mode::Team
                    },
                    ..Prefs::default()
                };
                let mut app = App::new(prefs, Some(data.path().to_path_buf()));
                let to = match step {
                    "start" => None,
                    "result" => Some(plattformcheck::wizard::Step::Result),
                    "metadata" => Some(plattformcheck::wizard::Step::Metadata),
                    _ => {
                        app.apply(Action::OpenExample(example));
                        let doc = app.doc.as_ref().expect("open");
                        let (_, q) = doc.wizard().checklist().questions().nth(5).expect("q");
                        Some(plattformcheck::wizard::Step::Question(q.id.clone()))
                    }
                };
                if let Some(to) = to {
                    app.apply(Action::OpenExample(example));
                    app.apply(Action::Go(to));
                }
                let mut harness = sized(app, w, h, projector);
                harness.run();
                let screen = harness.ctx.content_rect();
                let case =
                    format!("{w}×{h}, projector {projector}, DPO {dpo}, example {example}, {step}");
                let mut checked = 0;
                for role in [Role::Label, Role::Link, Role::Button] {
                    for node in harness.query_all_by_role(role) {
                        let r = node.rect();
                        checked += 1;
                        assert!(
                            r.right() <= screen.right() + 1.0,
                            "{case}: {:?} ends at {} beyond the window's {}",
                            node,
                            r.right(),
                            screen.right()
                        );
                    }
                }
                assert!(checked > 20, "{case}: the screen is drawn ({checked})");
            }
        }
    }
}

#[test]
fn in_projector_mode_the_answers_are_on_screen_with_the_question() {
    let data = tempfile::tempdir().expect("temp dir");
    let prefs = Prefs {
        projector: true,
        ..Prefs::default()
    };
    let mut app = App::new(prefs, Some(data.path().to_path_buf()));
    app.apply(Action::OpenExample(0));
    // Long questions: the first of each section of the TikTok checklist.
    let firsts: Vec<String> = {
        let doc = app.doc.as_ref().expect("open");
        doc.wizard()
            .checklist()
            .sections()
            .iter()
            .filter_map(|s| s.questions.first().map(|q| q.id.to_string()))
            .collect()
    };
    let mut harness = common::harness(app, egui::vec2(1024.0, 768.0) / style::PROJECTOR_ZOOM);
    for id in firsts {
        harness
            .state_mut()
            .apply(Action::Go(plattformcheck::wizard::Step::Question(
                id.as_str().into(),
            )));
        harness.run();
        let screen = harness.ctx.content_rect();
        let first = harness.get_by_label_contains("1   ").rect();
        assert!(
            first.bottom() <= screen.bottom(),
            "{id}: the first answer ({first:?}) is below the window ({screen:?})"
        );
    }
}

#[test]
fn a_long_checklist_lists_only_the_rows_in_view_and_follows_the_question() {
    use plattformcheck::ui::action::{ChecklistChoice, Edit};
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("lang.ron");
    std::fs::write(&file, plattformcheck::checklist::synthetic::chain(500)).expect("write");
    let mut app = App::new(Prefs::default(), Some(data.path().to_path_buf()));
    app.apply(Action::New(ChecklistChoice::File(file)));
    for i in 0..500 {
        app.apply(Action::Edit(Edit::Answer {
            question: format!("Q{i}").as_str().into(),
            choice: "ja".into(),
        }));
    }
    app.apply(Action::Go(plattformcheck::wizard::Step::Question(
        "Q250".into(),
    )));
    let mut harness = common::harness(app, egui::vec2(1280.0, 800.0));
    harness.run();
    let screen = harness.ctx.content_rect();
    let rows: Vec<_> = harness.query_all_by_label_contains("  Q").collect();
    assert!(
        (5..100).contains(&rows.len()),
        "only the rows in view are laid out ({})",
        rows.len()
    );
    let current = harness
        .query_all_by_label_contains("  Q250  ")
        .next()
        .expect("the current question's row is in view");
    assert!(screen.contains_rect(current.rect()), "on screen");
    // A click on another row in view goes there.
    harness.get_by_label_contains("  Q252  ").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .doc
            .as_ref()
            .map(|d| d.wizard().step().clone()),
        Some(plattformcheck::wizard::Step::Question("Q252".into())),
        "clicked"
    );
}
