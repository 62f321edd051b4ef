//! The DPO's review on screen.
//!
//! The status and current decision at the top of the result, the lifecycle buttons, the items the
//! team must answer, the verdict beside an answer, and the review section (verdicts on the
//! baseline risks, opinion, decision, next review). Each part is editable only in the mode whose layer it belongs to (the app enforces it too).

use egui::{Color32, RichText, Ui};

use crate::review::{Decision, DecisionState, Round, Status, Verdict, VerdictEntry};
use crate::session::Session;
use crate::ui::action::{Action, Edit, FilePurpose, Mode, ReviewEdit, VerdictEdit};
use crate::ui::state::View;
use crate::ui::widgets::{date_field, subheading, text_field};
use crate::wizard::Step;

const WARN: Color32 = Color32::from_rgb(200, 120, 0);
const GOOD: Color32 = Color32::from_rgb(46, 125, 50);

fn texts(app: &View<'_>) -> &'static crate::i18n::review::ReviewText {
    &crate::i18n::tr(app.prefs.lang).review
}

/// The status, round and current decision, with the lifecycle's buttons: at the top of the
/// result screen.
pub fn status_banner(ui: &mut Ui, app: &View<'_>, doc: &Session, actions: &mut Vec<Action>) {
    let t = texts(app);
    let lang = app.prefs.lang;
    let a = doc.assessment();
    let r = &a.review;
    let (id, team) = doc.wizard().fingerprints();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", t.status)).strong());
            ui.label(
                RichText::new(format!(
                    "{} · {} {}",
                    r.status.name(lang),
                    t.round,
                    r.round.number
                ))
                .strong(),
            );
            if let Some(sub) = &r.round.submission {
                let mut text = t.submitted.to_owned();
                if !sub.by.is_empty() {
                    text = format!("{text} {} {}", t.by, sub.by);
                }
                if let Some(d) = sub.date {
                    text = format!("{text} {} {}", t.on, crate::report::format_date(d, lang));
                }
                ui.label(RichText::new(text).weak());
            }
        });
        match r.current_decision(&team) {
            DecisionState::Current(round) => {
                ui.label(
                    RichText::new(decision_line(app, round))
                        .color(GOOD)
                        .strong(),
                );
            }
            DecisionState::Outdated(round) => {
                ui.colored_label(
                    WARN,
                    format!("{}: {}", t.decision_outdated, decision_line(app, round)),
                );
                ui.colored_label(WARN, t.decision_outdated_note);
            }
            DecisionState::None => {}
        }
        if r.status == Status::Ueberarbeitung
            && let Some(previous) = r.previous()
            && previous.decision.is_some()
        {
            ui.label(
                RichText::new(format!(
                    "{} {}: {}",
                    t.round,
                    previous.number,
                    decision_line(app, previous)
                ))
                .weak(),
            );
        }
        if r.changed_since_submission(&team) {
            ui.colored_label(WARN, t.changed_after_submission);
        }
        ui.horizontal_wrapped(|ui| lifecycle_buttons(ui, app, doc, actions));
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", t.fingerprint)).weak())
                .on_hover_text(t.fingerprint_tip);
            ui.add(
                egui::Label::new(RichText::new(&id[..id.len().min(12)]).monospace().weak())
                    .selectable(true),
            )
            .on_hover_text(&id);
        });
    });
    open_items(ui, app, doc, actions);
}

fn decision_line(app: &View<'_>, round: &Round) -> String {
    let t = texts(app);
    let lang = app.prefs.lang;
    let mut text = format!(
        "{}: {}",
        t.decision,
        round.decision.map_or(t.no_decision, |d| d.name(lang))
    );
    if !round.decided_by.trim().is_empty() {
        text = format!("{text} {} {}", t.by, round.decided_by.trim());
    }
    if let Some(d) = round.decision_date {
        text = format!("{text} {} {}", t.on, crate::report::format_date(d, lang));
    }
    text
}

fn lifecycle_buttons(ui: &mut Ui, app: &View<'_>, doc: &Session, actions: &mut Vec<Action>) {
    let t = texts(app);
    let r = &doc.assessment().review;
    let team_mode = app.prefs.mode == Mode::Team;
    if team_mode
        && matches!(r.status, Status::Entwurf | Status::Ueberarbeitung)
        && ui.button(RichText::new(t.submit).strong()).clicked()
    {
        actions.push(Action::Submit);
    }
    if team_mode
        && r.status.is_frozen()
        && ui
            .button(t.new_round)
            .on_hover_text(t.new_round_tip)
            .clicked()
    {
        actions.push(Action::Edit(Edit::NewRound));
    }
    if let Some(previous) = r.previous()
        && ui
            .button(format!("{} {}", t.changes_since_button, previous.number))
            .clicked()
    {
        actions.push(Action::ShowChangesSince(previous.number));
    }
    if ui.button(t.compare_file).clicked() {
        actions.push(Action::ShowFileDialog(FilePurpose::Compare));
    }
    if ui.button(t.verify_pdf).clicked() {
        actions.push(Action::ShowFileDialog(FilePurpose::VerifyPdf));
    }
    let calendar = ui.add_enabled(r.next_review.is_some(), egui::Button::new(t.calendar));
    if calendar
        .on_disabled_hover_text(t.calendar_needs_date)
        .clicked()
    {
        actions.push(Action::ShowFileDialog(FilePurpose::ExportCalendar));
    }
}

/// The items the team must answer (verdicts "nachbessern" and "Nachweis fehlt"), each a link to
/// its question.
fn open_items(ui: &mut Ui, app: &View<'_>, doc: &Session, actions: &mut Vec<Action>) {
    let t = texts(app);
    let lang = app.prefs.lang;
    let items = doc.assessment().review.open_items();
    if items.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t.items).strong().color(WARN));
    for (id, verdict, comment) in items {
        ui.horizontal_wrapped(|ui| {
            let question = doc.checklist().question(id);
            if let Some(q) = question {
                if ui.link(RichText::new(id.as_str()).strong()).clicked() {
                    actions.push(Action::Go(Step::Question(q.id.clone())));
                }
            } else {
                ui.label(RichText::new(id.as_str()).strong());
            }
            ui.label(RichText::new(verdict.name(lang)).color(WARN));
            if !comment.is_empty() {
                ui.label(comment);
            }
        });
    }
}

/// The verdict on finding `id`: editable in the DPO's mode once submitted; otherwise shown (this
/// round's, or in a revision the last round's) for the team.
pub fn verdict_panel(ui: &mut Ui, app: &View<'_>, id: &str, actions: &mut Vec<Action>) {
    let Some(doc) = app.doc else { return };
    let t = texts(app);
    let lang = app.prefs.lang;
    let r = &doc.assessment().review;
    let editable = app.prefs.mode == Mode::Dpo && doc.wizard().review_open();
    if editable {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(t.verdict_of_dpo).strong());
            let entry = r.round.verdict(id).cloned().unwrap_or_default();
            ui.horizontal_wrapped(|ui| {
                for v in Verdict::ALL {
                    if ui.radio(entry.verdict == Some(v), v.name(lang)).clicked() {
                        actions.push(verdict_edit(id, VerdictEdit::Verdict(Some(v))));
                    }
                }
                if entry.verdict.is_some() && ui.small_button(t.no_verdict).clicked() {
                    actions.push(verdict_edit(id, VerdictEdit::Verdict(None)));
                }
            });
            if let Some(v) = text_field(ui, t.comment, &entry.comment, true, false) {
                actions.push(verdict_edit(id, VerdictEdit::Comment(v)));
            }
        });
        return;
    }
    let shown: Option<(String, &VerdictEntry)> = match r.round.verdict(id) {
        Some(v) => Some((t.verdict_of_dpo.to_owned(), v)),
        None if r.status == Status::Ueberarbeitung => r.previous().and_then(|p| {
            p.verdict(id)
                .map(|v| (format!("{} {}", t.verdict_of_round, p.number), v))
        }),
        None => None,
    };
    if let Some((label, v)) = shown {
        let color = match v.verdict {
            Some(Verdict::Akzeptiert) => GOOD,
            Some(_) => WARN,
            None => ui.visuals().text_color(),
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{label}:")).strong());
                ui.label(
                    RichText::new(v.verdict.map_or(t.no_verdict, |v| v.name(lang)))
                        .color(color)
                        .strong(),
                );
            });
            if !v.comment.trim().is_empty() {
                ui.label(v.comment.trim());
            }
        });
    }
}

fn verdict_edit(id: &str, edit: VerdictEdit) -> Action {
    Action::Edit(Edit::Verdict(id.into(), edit))
}

/// The DPO's section of the result: verdicts on the baseline risks, opinion, decision and next
/// review. Read-only outside the DPO's mode or before a submission.
pub fn review_section(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let Some(doc) = app.doc else { return };
    let s = app.tr();
    let t = texts(app);
    let review = &doc.assessment().review;
    let editable = app.prefs.mode == Mode::Dpo && doc.wizard().review_open();
    egui::CollapsingHeader::new(RichText::new(s.review_title).strong())
        .id_salt("review")
        .default_open(review.status.is_frozen())
        // The DPO's work is here: always open in the DPO's mode.
        .open((app.prefs.mode == Mode::Dpo).then_some(true))
        .show(ui, |ui| {
            ui.label(RichText::new(s.review_intro).weak());
            if !editable {
                let why = if app.prefs.mode == Mode::Team {
                    t.dpo_read_only
                } else {
                    t.review_not_open
                };
                ui.colored_label(WARN, why);
            }
            let baseline = doc.checklist().baseline_risks();
            if !baseline.is_empty() {
                subheading(ui, t.baseline_verdicts);
                for b in baseline {
                    ui.label(format!("{} {}", b.id, b.title.get(app.prefs.lang)));
                    verdict_panel(ui, app, &b.id, actions);
                }
            }
            ui.add_enabled_ui(editable, |ui| opinion_and_decision(ui, app, doc, actions));
        });
}

fn opinion_and_decision(ui: &mut Ui, app: &View<'_>, doc: &Session, actions: &mut Vec<Action>) {
    let s = app.tr();
    let t = texts(app);
    let lang = app.prefs.lang;
    let review = &doc.assessment().review;
    let r = &review.round;
    let edit = |e: ReviewEdit| Action::Edit(Edit::Review(e));
    if let Some(v) = text_field(ui, s.dpo_opinion, &r.dpo_opinion, true, false) {
        actions.push(edit(ReviewEdit::Opinion(v)));
    }
    ui.columns(2, |cols| {
        let by = if r.opinion_by.is_empty() {
            doc.assessment().metadata.dpo.as_str()
        } else {
            r.opinion_by.as_str()
        };
        if let Some(v) = text_field(&mut cols[0], t.opinion_by, by, false, false) {
            actions.push(edit(ReviewEdit::OpinionBy(v)));
        }
        if let Some(v) = date_field(&mut cols[1], t.opinion_date, r.opinion_date, lang) {
            actions.push(edit(ReviewEdit::OpinionDate(v)));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(s.decision);
        for d in Decision::ALL {
            if ui.radio(r.decision == Some(d), d.name(lang)).clicked() {
                actions.push(edit(ReviewEdit::Decision(Some(d))));
            }
        }
        if r.decision.is_some() && ui.small_button(s.clear_decision).clicked() {
            actions.push(edit(ReviewEdit::Decision(None)));
        }
    });
    if r.decision == Some(Decision::FreigegebenMitAuflagen)
        && let Some(v) = text_field(ui, s.conditions, &r.conditions, true, false)
    {
        actions.push(edit(ReviewEdit::Conditions(v)));
    }
    if let Some(v) = text_field(ui, s.deviation, &r.deviation_reason, true, false) {
        actions.push(edit(ReviewEdit::Deviation(v)));
    }
    ui.columns(2, |cols| {
        if let Some(v) = text_field(&mut cols[0], s.decided_by, &r.decided_by, false, false) {
            actions.push(edit(ReviewEdit::DecidedBy(v)));
        }
        if let Some(v) = date_field(&mut cols[1], s.decision_date, r.decision_date, lang) {
            actions.push(edit(ReviewEdit::DecisionDate(v)));
        }
    });
    if let Some(v) = date_field(ui, s.next_review, review.next_review, lang) {
        actions.push(edit(ReviewEdit::NextReview(v)));
    }
}
