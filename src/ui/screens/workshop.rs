//! The exercise on screen: the bar above an exercise ("Übung: …", "Auflösung zeigen", "Von
//! vorn") and the solution, the participants' answers against the example's, question by
//! question.

use egui::{RichText, Ui};

use crate::ui::action::Action;
use crate::ui::state::View;
use crate::ui::style::class_color;
use crate::ui::widgets::{class_badge, subheading};
use crate::wizard::Step;
use crate::workshop::{Comparison, Row};

/// The bar above an exercise.
pub fn bar(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let Some(w) = app.workshop else { return };
    let s = app.tr();
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}:", s.workshop)).strong());
                ui.label(super::start::example_title(s, w.example));
                if ui
                    .button(RichText::new(s.show_solution).strong())
                    .on_hover_text(s.show_solution_tip)
                    .clicked()
                {
                    actions.push(Action::ShowSolution);
                }
                if ui.button(s.restart).on_hover_text(s.restart_tip).clicked() {
                    actions.push(Action::RestartWorkshop);
                }
            });
        });
    ui.add_space(6.0);
}

/// The solution: agreement, both results, and every question (or only the differing ones)
/// with both answers, their rating, the reference justification and the trainer's note.
pub fn solution(ui: &mut Ui, app: &View<'_>, c: &Comparison, actions: &mut Vec<Action>) {
    let (Some(doc), Some(w)) = (app.doc, app.workshop) else {
        return;
    };
    let s = app.tr();
    let lang = app.prefs.lang;
    subheading(
        ui,
        format!(
            "{}: {}",
            s.solution_title,
            super::start::example_title(s, w.example)
        ),
    );
    ui.label(format!(
        "{}: {} {} {}",
        s.agreement,
        c.agreeing(),
        s.of,
        c.rows.len()
    ));
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", s.your_result));
        class_badge(ui, c.gross.0, lang);
        ui.label(format!(
            "({} {})  ·  {}:",
            c.knockouts.0, s.knockouts_short, s.reference
        ));
        class_badge(ui, c.gross.1, lang);
        ui.label(format!("({} {})", c.knockouts.1, s.knockouts_short));
    });
    let only_id = egui::Id::unique("solution-only-differences");
    let mut only = ui.data(|d| d.get_temp::<bool>(only_id)).unwrap_or(true);
    if ui.checkbox(&mut only, s.only_differences).changed() {
        ui.data_mut(|d| d.insert_temp(only_id, only));
    }
    ui.separator();
    let max_height = (ui.ctx().content_rect().height() * 0.6).max(200.0);
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for row in c
                .rows
                .iter()
                .filter(|r| !only || !r.agrees() || r.note.is_some())
            {
                solution_row(ui, app, doc.checklist(), row, actions);
                ui.separator();
            }
            for (id, note) in c.other_notes(&w.notes) {
                ui.label(RichText::new(id).strong());
                note_label(ui, s.trainer_note, note.get(lang));
                ui.separator();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(s.restart).clicked() {
            actions.push(Action::RestartWorkshop);
        }
        if ui.button(s.close).clicked() {
            actions.push(Action::CancelDialog);
        }
    });
}

fn note_label(ui: &mut Ui, label: &str, text: &str) {
    ui.label(
        RichText::new(format!("{label}: {text}"))
            .color(crate::ui::style::focus_color(ui.visuals().dark_mode)),
    );
}

fn solution_row(
    ui: &mut Ui,
    app: &View<'_>,
    checklist: &crate::checklist::Checklist,
    row: &Row,
    actions: &mut Vec<Action>,
) {
    let s = app.tr();
    let lang = app.prefs.lang;
    let Some(q) = checklist.question(&row.question) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let (mark, color) = if row.agrees() {
            ("✓", class_color(crate::risk::RiskClass::Gering))
        } else {
            ("≠", class_color(crate::risk::RiskClass::Hoch))
        };
        ui.label(RichText::new(mark).strong().color(color));
        if ui
            .link(
                RichText::new(format!("{}  {}", q.id, super::short(q.text.get(lang), 90))).strong(),
            )
            .clicked()
        {
            actions.push(Action::CancelDialog);
            actions.push(Action::Go(Step::Question(q.id.clone())));
        }
    });
    let answer = |ui: &mut Ui, who: &str, choice: Option<&crate::choice::Choice>, class| {
        ui.horizontal_wrapped(|ui| {
            let text =
                choice.map_or_else(|| s.not_answered.to_owned(), |c| q.choice_label(c, lang));
            ui.label(format!("{who}: {text}"));
            match class {
                Some(class) => {
                    class_badge(ui, class, lang);
                }
                None if choice.is_some() => {
                    ui.label(RichText::new(s.no_finding).weak());
                }
                None => {}
            }
        });
    };
    answer(
        ui,
        s.your_answer_short,
        row.participant.as_ref(),
        row.participant_class,
    );
    answer(ui, s.reference, row.reference.as_ref(), row.reference_class);
    if !row.reference_justification.is_empty() {
        ui.label(RichText::new(&row.reference_justification).weak());
    }
    if let Some(note) = &row.note {
        note_label(ui, s.trainer_note, note.get(lang));
    }
}
