//! One question on a screen of its own.
//!
//! Its text, why it matters (rationale, legal references, sources), the answer options as large
//! rows (keys 1–9), justification and evidence, and — when the answer is a finding — its class,
//! the recommended measure and the fields to plan it.

use egui::{RichText, Ui};

use crate::assessment::MeasureStatus;
use crate::risk::Level;
use crate::scoring::{Score, ScoredFinding};
use crate::ui::action::{Action, AnswerField, Edit, MeasureEdit, Mode};
use crate::ui::state::View;
use crate::ui::style::class_color;
use crate::ui::widgets::{
    class_badge, date_field, heading, level_picker, subheading, text_field, text_field_focused,
};

/// Draws question `id`.
pub fn ui(ui: &mut Ui, app: &View<'_>, id: &str, score: &Score, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let w = &doc.wizard();
    let Some(q) = w.checklist().question(id) else {
        return;
    };
    let section = w
        .checklist()
        .sections()
        .iter()
        .find(|sec| sec.questions.iter().any(|x| x.id == q.id));
    let (pos, total) = w.position().unwrap_or((0, 0));
    let choice = w.assessment().choice(id);

    ui.add_space(4.0);
    if let Some(section) = section {
        ui.label(
            RichText::new(format!(
                "{} {} · {} {pos} {} {total}",
                section.id,
                section.title.get(lang),
                s.question,
                s.of
            ))
            .weak(),
        );
    }
    heading(ui, format!("{}  {}", q.id, q.text.get(lang)));
    if w.assessment().answers.get(id).is_some_and(|a| a.recheck) {
        let terms = &crate::i18n::tr(lang).terms;
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                egui::Color32::from_rgb(200, 120, 0),
                format!("{}: {}", terms.recheck, terms.recheck_why),
            );
            if ui.button(terms.recheck_confirm).clicked() {
                actions.push(Action::Edit(Edit::ConfirmAnswer(q.id.clone())));
            }
        });
    }
    if let Some(parent) = w
        .checklist()
        .shown_by_unknown(q, &|id: &str| w.assessment().choice(id))
    {
        let note = crate::i18n::tr(lang).terms.shown_note(parent.as_str());
        ui.label(RichText::new(note).italics());
    }
    ui.add_space(4.0);

    let why = |ui: &mut Ui| {
        ui.label(q.why.get(lang));
        if let Some(hint) = &q.hint {
            ui.label(RichText::new(format!("{}: {}", s.how_to_check, hint.get(lang))).italics());
        }
    };
    if app.prefs.projector {
        // On a beamer the answers must be on screen with the question; the reasoning is one
        // click away.
        egui::CollapsingHeader::new(RichText::new(s.why_important).strong())
            .id_salt(("why", q.id.as_str()))
            .default_open(false)
            .show(ui, why);
    } else {
        ui.label(RichText::new(s.why_important).strong());
        why(ui);
    }

    ui.add_space(8.0);
    subheading(ui, s.your_answer);
    // The team's layer: read-only in the DPO's mode (the app refuses such edits as well).
    let team = app.prefs.mode == Mode::Team;
    ui.add_enabled_ui(team, |ui| {
        for (i, option) in q.choices().enumerate() {
            let label = q.choice_label(&option, lang);
            let selected = choice == Some(&option);
            let key = if i < 9 {
                format!("{}", i + 1)
            } else {
                " ".to_owned()
            };
            let text = RichText::new(format!("{key}   {label}")).size(15.0);
            let button = egui::Button::selectable(selected, text)
                .min_size(egui::vec2(ui.available_width(), 34.0));
            if ui.add(button).clicked() {
                actions.push(Action::Edit(Edit::Answer {
                    question: q.id.clone(),
                    choice: option,
                }));
            }
        }
        ui.label(RichText::new(s.keys_hint).weak().size(12.0));

        if let Some(f) = score.finding(id) {
            ui.add_space(8.0);
            finding_box(ui, app, f, actions);
        }

        ui.add_space(8.0);
        answer_texts(ui, app, id, actions);
    });
    super::review::verdict_panel(ui, app, id, actions);
    references(ui, app, id, actions);
}

fn answer_texts(ui: &mut Ui, app: &View<'_>, id: &str, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let w = &doc.wizard();
    let Some(q) = w.checklist().question(id) else {
        return;
    };
    let answer = w.assessment().answers.get(id);
    let justification = answer.map(|a| a.justification.as_str()).unwrap_or_default();
    if let Some(v) = text_field(ui, s.justification, justification, true, false) {
        actions.push(Action::Edit(Edit::AnswerText {
            question: q.id.clone(),
            field: AnswerField::Justification,
            value: v,
        }));
    }
    let evidence = answer.map(|a| a.evidence.as_str()).unwrap_or_default();
    if let Some(v) = text_field(ui, s.evidence, evidence, true, false) {
        actions.push(Action::Edit(Edit::AnswerText {
            question: q.id.clone(),
            field: AnswerField::Evidence,
            value: v,
        }));
    }

    ui.add_space(6.0);
}

fn references(ui: &mut Ui, app: &View<'_>, id: &str, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let w = &doc.wizard();
    let Some(q) = w.checklist().question(id) else {
        return;
    };
    let header = format!("{} · {}", s.legal_refs, s.sources);
    egui::CollapsingHeader::new(header)
        .id_salt(("sources", id))
        .show(ui, |ui| {
            if !q.legal.is_empty() {
                ui.label(format!("{}: {}", s.legal_refs, q.legal.join(" · ")));
            }
            for key in &q.sources {
                let Some(src) = w.checklist().source(key) else {
                    continue;
                };
                ui.add_space(2.0);
                ui.label(format!("{} ({}, {})", src.title, src.publisher, src.date));
                ui.horizontal_wrapped(|ui| {
                    let url = egui::Label::new(RichText::new(&src.url).monospace().size(12.0))
                        .selectable(true)
                        .wrap();
                    ui.add(url);
                    if ui.small_button(s.copy).on_hover_text(s.copy_tip).clicked() {
                        actions.push(Action::Copy(src.url.clone()));
                    }
                });
                if let Some(note) = &src.note {
                    ui.label(RichText::new(note.get(lang)).weak().size(12.0));
                }
            }
        });

    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button(format!("← {}", s.back)).clicked() {
            actions.push(Action::Back);
        }
        if ui
            .button(RichText::new(format!("{} →", s.next)).strong())
            .clicked()
        {
            actions.push(Action::Next);
        }
    });
}

/// The finding of the current answer (or a baseline risk): class, knock-out, recommended measure,
/// planning fields.
pub(super) fn finding_box(
    ui: &mut Ui,
    app: &View<'_>,
    f: &ScoredFinding,
    actions: &mut Vec<Action>,
) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let matrix = doc.wizard().checklist().matrix();
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(2.0, class_color(f.gross.class)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(s.finding).strong());
                class_badge(ui, f.gross.class, lang);
                ui.label(format!(
                    "{} {} ({}) · {} {} ({})",
                    s.severity,
                    f.gross.severity,
                    matrix.severity_levels[f.gross.severity.index()].get(lang),
                    s.likelihood,
                    f.gross.likelihood,
                    matrix.likelihood_levels[f.gross.likelihood.index()].get(lang)
                ));
            });
            if !f.modifiers.is_empty() {
                ui.label(RichText::new(s.raised_by_modifier).weak());
            }
            if let Some(ko) = &f.knockout {
                ui.label(
                    RichText::new(format!("{}: {}", s.knockout, ko.get(lang)))
                        .color(class_color(f.gross.class))
                        .strong(),
                );
            }
            if let Some(c) = &f.contradiction {
                let label = crate::i18n::tr(lang).terms.contradiction;
                ui.label(
                    RichText::new(format!("{label}: {}", c.get(lang)))
                        .color(class_color(f.gross.class))
                        .strong(),
                );
            }
            ui.label(format!(
                "{}: {}",
                s.recommended_measure,
                f.recommended.get(lang)
            ));
            ui.add_space(4.0);
            match &f.planned {
                None => {
                    if ui.button(s.plan_measure).clicked() {
                        // The button goes away; the measure's text takes the focus, so that the
                        // next Tab goes on from there (not from the top of the window).
                        ui.data_mut(|d| d.insert_temp(plan_focus_id(), f.id.to_string()));
                        actions.push(Action::Edit(Edit::PlanMeasure {
                            finding: f.id.clone(),
                            lang,
                        }));
                    }
                }
                Some(m) => measure_fields(ui, app, f, m, actions),
            }
        });
}

/// Where the finding whose measure was just planned is noted, for the focus.
fn plan_focus_id() -> egui::Id {
    egui::Id::unique("plan-measure-focus")
}

fn measure_fields(
    ui: &mut Ui,
    app: &View<'_>,
    f: &ScoredFinding,
    m: &crate::assessment::Measure,
    actions: &mut Vec<Action>,
) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let id = &f.id;
    let matrix = doc.wizard().checklist().matrix();
    // A baseline risk's floor: the levels below it are not offered.
    let floor_of = doc
        .wizard()
        .checklist()
        .baseline_risks()
        .iter()
        .find(|b| b.id == *id)
        .and_then(|b| b.floor.as_ref());
    let floor = floor_of.map_or((Level::MIN, Level::MIN), |fl| {
        (
            fl.severity.min(f.gross.severity),
            fl.likelihood.min(f.gross.likelihood),
        )
    });
    let focus = ui.data_mut(|d| {
        let due = d.get_temp::<String>(plan_focus_id()).as_deref() == Some(id.as_str());
        if due {
            d.remove::<String>(plan_focus_id());
        }
        due
    });
    if let Some(v) = text_field_focused(ui, s.measure, &m.text, (true, false), focus) {
        actions.push(Action::Edit(Edit::Measure(
            id.clone(),
            MeasureEdit::Text(v),
        )));
    }
    ui.columns(2, |cols| {
        if let Some(v) = text_field(&mut cols[0], s.owner, &m.owner, false, false) {
            actions.push(Action::Edit(Edit::Measure(
                id.clone(),
                MeasureEdit::Owner(v),
            )));
        }
        if let Some(v) = date_field(&mut cols[1], s.due, m.due, lang) {
            actions.push(Action::Edit(Edit::Measure(id.clone(), MeasureEdit::Due(v))));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let status_label = ui.label(s.status);
        let mut status = m.status;
        egui::ComboBox::from_id_salt(("status", id))
            .selected_text(m.status.name(lang))
            .show_ui(ui, |ui| {
                for st in MeasureStatus::ALL {
                    ui.selectable_value(&mut status, st, st.name(lang));
                }
            })
            .response
            .labelled_by(status_label.id);
        if status != m.status {
            actions.push(Action::Edit(Edit::Measure(
                id.clone(),
                MeasureEdit::Status(status),
            )));
        }
        if let Some(v) = level_picker(
            ui,
            s.residual_severity,
            (&format!("rs-{id}"), floor.0),
            m.residual_severity,
            &matrix.severity_levels,
            lang,
        ) {
            actions.push(Action::Edit(Edit::Measure(
                id.clone(),
                MeasureEdit::ResidualSeverity(v),
            )));
        }
        if let Some(v) = level_picker(
            ui,
            s.residual_likelihood,
            (&format!("rl-{id}"), floor.1),
            m.residual_likelihood,
            &matrix.likelihood_levels,
            lang,
        ) {
            actions.push(Action::Edit(Edit::Measure(
                id.clone(),
                MeasureEdit::ResidualLikelihood(v),
            )));
        }
    });
    measure_limits(ui, app, f, m, floor_of, actions);
    ui.horizontal_wrapped(|ui| {
        ui.label(s.residual_class);
        class_badge(ui, f.residual.class, lang);
        if f.knockout.is_some() {
            ui.label(RichText::new(s.knockout_stays).weak());
        }
        if ui.small_button(s.remove_measure).clicked() {
            actions.push(Action::Edit(Edit::RemoveMeasure(id.clone())));
        }
    });
}

/// A baseline risk's floor, the reason a large reduction needs, and whether the residual was
/// raised to the floor.
fn measure_limits(
    ui: &mut Ui,
    app: &View<'_>,
    f: &ScoredFinding,
    m: &crate::assessment::Measure,
    floor_of: Option<&crate::checklist::Floor>,
    actions: &mut Vec<Action>,
) {
    let lang = app.prefs.lang;
    let terms = &crate::i18n::tr(lang).terms;
    if let Some(fl) = floor_of {
        ui.label(
            RichText::new(format!(
                "{}: S{}/W{} — {}",
                terms.floor,
                fl.severity,
                fl.likelihood,
                fl.note.get(lang)
            ))
            .weak(),
        );
    }
    if (f.needs_reason || !m.reason.is_empty())
        && let Some(v) = text_field(ui, terms.reason, &m.reason, true, f.needs_reason)
    {
        actions.push(Action::Edit(Edit::Measure(
            f.id.clone(),
            MeasureEdit::Reason(v),
        )));
    }
    if f.floored {
        ui.colored_label(egui::Color32::from_rgb(200, 120, 0), terms.floored);
    }
}
