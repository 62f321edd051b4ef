//! The result, always current.
//!
//! The overall class as a traffic light (gross and residual), knock-outs first, the 4×4 risk
//! maps, the per-section table, open questions, the sortable action plan, and the DPO's review.
//! Every row jumps to its question.

use egui::{Color32, RichText, Ui};

use crate::plan::{self, PlanRow, PlanSort};
use crate::risk::RiskClass;
use crate::scoring::{FindingKind, Score};
use crate::ui::action::{Action, Edit};
use crate::ui::state::View;
use crate::ui::style::{class_color, on_class_color};
use crate::ui::widgets::{class_badge, heading, subheading};
use crate::wizard::Step;

/// Draws the result screen.
pub fn ui(ui: &mut Ui, app: &View<'_>, score: &Score, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let w = &doc.wizard();
    ui.horizontal(|ui| {
        heading(ui, s.result_title);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let export = egui::Button::new(RichText::new(s.export_pdf).strong());
            if ui.add(export).on_hover_text(s.export_pdf_tip).clicked() {
                actions.push(Action::ShowFileDialog(
                    crate::ui::action::FilePurpose::ExportPdf,
                ));
            }
        });
    });
    ui.add_space(4.0);
    super::review::status_banner(ui, app, doc, actions);
    ui.add_space(4.0);

    ui.horizontal(|ui| {
        traffic_light(ui, score.overall_gross);
        ui.vertical(|ui| {
            ui.label(RichText::new(s.overall_gross).weak());
            ui.label(
                RichText::new(score.overall_gross.name(lang))
                    .size(26.0)
                    .strong()
                    .color(class_color(score.overall_gross)),
            );
            ui.horizontal(|ui| {
                ui.label(s.overall_residual);
                class_badge(ui, score.overall_residual, lang);
            });
            ui.label(RichText::new(consequence(s, score.overall_gross)).weak());
        });
    });
    if !score.completeness.open.is_empty() {
        ui.colored_label(
            Color32::from_rgb(200, 120, 0),
            format!(
                "{} ({} {})",
                s.provisional,
                score.completeness.open.len(),
                s.open_questions_short
            ),
        );
    }
    if !score.completeness.recheck.is_empty() {
        let terms = &crate::i18n::tr(lang).terms;
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                Color32::from_rgb(200, 120, 0),
                format!("{}:", terms.recheck),
            )
            .on_hover_text(terms.recheck_why);
            for id in &score.completeness.recheck {
                if ui.link(id.as_str()).clicked() {
                    actions.push(Action::Go(Step::Question(id.clone())));
                }
            }
        });
    }
    if !w.checklist().matrix().verified {
        ui.label(RichText::new(s.matrix_provisional).weak().size(12.0));
    }
    let missing = w.assessment().metadata.missing();
    if !missing.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                Color32::from_rgb(200, 120, 0),
                format!(
                    "{}: {}",
                    s.missing_metadata,
                    w.assessment().metadata.missing_names(lang)
                ),
            );
            if ui.small_button(s.fill_in).clicked() {
                actions.push(Action::Go(Step::Metadata));
            }
        });
    }

    knockouts_and_modifiers(ui, app, score, actions);
    sections_table(ui, app, score, actions);
    open_questions(ui, app, score, actions);
}

fn knockouts_and_modifiers(ui: &mut Ui, app: &View<'_>, score: &Score, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let w = &doc.wizard();
    if !score.knockouts.is_empty() {
        ui.add_space(8.0);
        subheading(ui, format!("{} ({})", s.knockouts, score.knockouts.len()));
        for f in score.findings.iter().filter(|f| f.knockout.is_some()) {
            ui.horizontal_wrapped(|ui| {
                if ui.link(RichText::new(&f.id).strong()).clicked() {
                    actions.push(Action::Go(Step::Question((&f.id).into())));
                }
                ui.label(f.knockout.as_ref().map(|k| k.get(lang)).unwrap_or_default());
            });
        }
    }
    for f in score.findings.iter().filter(|f| f.contradiction.is_some()) {
        ui.horizontal_wrapped(|ui| {
            if ui.link(RichText::new(&f.id).strong()).clicked() {
                actions.push(Action::Go(Step::Question((&f.id).into())));
            }
            let label = crate::i18n::tr(lang).terms.contradiction;
            let reason = f.contradiction.as_ref().map(|c| c.get(lang));
            ui.label(format!("{label}: {}", reason.unwrap_or_default()));
        });
    }
    for m in w
        .checklist()
        .modifiers()
        .iter()
        .filter(|m| score.active_modifiers.contains(&m.id))
    {
        let assumed = w
            .checklist()
            .modifier_assumed(m, &|id: &str| w.assessment().choice(id));
        let note = crate::i18n::tr(lang).terms.assumed_note(assumed);
        ui.label(
            RichText::new(format!(
                "{}: {}{note}",
                s.active_modifier,
                m.label.get(lang)
            ))
            .weak(),
        );
    }

    ui.add_space(10.0);
    // Side by side where both fit with their headings (about 310 points each), one below the
    // other where they do not (projector mode), so that neither heading is squeezed.
    if ui.available_width() >= 2.0 * 310.0 {
        ui.columns(2, |cols| {
            risk_map(&mut cols[0], app, score, false, s.map_gross);
            risk_map(&mut cols[1], app, score, true, s.map_residual);
        });
    } else {
        risk_map(ui, app, score, false, s.map_gross);
        ui.add_space(8.0);
        risk_map(ui, app, score, true, s.map_residual);
    }

    ui.add_space(10.0);
}

fn sections_table(ui: &mut Ui, app: &View<'_>, score: &Score, actions: &mut Vec<Action>) {
    if app.doc.is_none() {
        return;
    }
    let s = app.tr();
    subheading(ui, s.sections_title);
    // The five counts take about 340 points; the title gets what is left (full on hover), so the
    // table never runs past the window and pushes what follows out of view.
    let title_chars = ((ui.available_width() - 360.0) / 7.5).clamp(10.0, 44.0) as usize;
    // Inside a sideways scroll area: where even short titles do not fit (projector mode beside
    // the side list), the table scrolls instead of widening the page under everything below it.
    egui::ScrollArea::horizontal()
        .id_salt("sections-scroll")
        .show(ui, |ui| sections_grid(ui, app, score, title_chars, actions));
}

fn sections_grid(
    ui: &mut Ui,
    app: &View<'_>,
    score: &Score,
    title_chars: usize,
    actions: &mut Vec<Action>,
) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let w = &doc.wizard();
    egui::Grid::new("sections")
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for h in [
                s.section,
                s.class_low,
                s.class_risk,
                s.class_high,
                s.unknown_short,
                s.open_short,
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            // Visibility once for all questions (one pass), not a walk up the conditions for
            // each section's questions: with thousands of chained questions that walk costs
            // milliseconds a frame.
            let visible = w
                .checklist()
                .visibility(&|id: &str| w.assessment().choice(id));
            for (sec, section) in score.sections.iter().zip(w.checklist().sections()) {
                let target = section
                    .questions
                    .iter()
                    .find(|q| {
                        w.checklist()
                            .position(&q.id)
                            .is_some_and(|n| visible.shown(n))
                    })
                    .map(|q| q.id.clone());
                let title = section.title.get(lang);
                let text = format!("{} {}", sec.id, super::short(title, title_chars));
                if ui.link(text).on_hover_text(title).clicked()
                    && let Some(t) = target
                {
                    actions.push(Action::Go(Step::Question(t)));
                }
                ui.label(sec.gross.gering.to_string());
                ui.label(sec.gross.risiko.to_string());
                ui.label(sec.gross.hoch.to_string());
                ui.label(sec.unknown.to_string());
                ui.label(sec.open.to_string());
                ui.end_row();
            }
        });
}

fn open_questions(ui: &mut Ui, app: &View<'_>, score: &Score, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let w = &doc.wizard();
    if !score.completeness.open.is_empty() {
        ui.add_space(10.0);
        subheading(ui, s.open_questions);
        ui.horizontal_wrapped(|ui| {
            for id in &score.completeness.open {
                if ui
                    .link(id.as_str())
                    .on_hover_text(
                        w.checklist()
                            .question(id)
                            .map(|q| q.text.get(lang))
                            .unwrap_or_default(),
                    )
                    .clicked()
                {
                    actions.push(Action::Go(Step::Question(id.clone())));
                }
            }
        });
    }

    ui.add_space(10.0);
    baseline_measures(ui, app, score, actions);
    ui.add_space(10.0);
    action_plan(ui, app, score, actions);

    ui.add_space(10.0);
    super::review::review_section(ui, app, actions);

    ui.add_space(10.0);
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button(format!("← {}", s.back)).clicked() {
            actions.push(Action::Back);
        }
        // Far from navigation, and only after a question: clearing everything is no step back.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(format!("{} …", s.reset_answers))
                .on_hover_text(s.reset_answers_tip)
                .clicked()
            {
                actions.push(Action::AskReset);
            }
        });
    });
}

fn consequence(s: &crate::i18n::ui::UiText, class: RiskClass) -> &'static str {
    match class {
        RiskClass::Gering => s.consequence_low,
        RiskClass::Risiko => s.consequence_risk,
        RiskClass::Hoch => s.consequence_high,
    }
}

/// Three lamps, the one of `class` lit; the class is also written next to it.
fn traffic_light(ui: &mut Ui, class: RiskClass) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(44.0, 120.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 8.0, Color32::from_gray(40));
    for (i, c) in [RiskClass::Hoch, RiskClass::Risiko, RiskClass::Gering]
        .into_iter()
        .enumerate()
    {
        let center = egui::pos2(rect.center().x, rect.top() + 22.0 + 38.0 * i as f32);
        let color = if c == class {
            class_color(c)
        } else {
            class_color(c).gamma_multiply(0.18)
        };
        painter.circle_filled(center, 14.0, color);
    }
}

/// The 4×4 map: rows likelihood 4→1, columns severity 1→4, cell colour from the matrix, the
/// number of findings written in the cell.
fn risk_map(ui: &mut Ui, app: &View<'_>, score: &Score, residual: bool, title: &str) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let matrix = doc.wizard().checklist().matrix();
    let counts = score.heat_map(residual);
    ui.label(RichText::new(title).strong());
    egui::Grid::new(("map", residual))
        .spacing(egui::vec2(3.0, 3.0))
        .show(ui, |ui| {
            for l in (0..4).rev() {
                ui.label(RichText::new(format!("{} {}", s.likelihood_short, l + 1)).size(12.0));
                for (class, n) in matrix.cells[l].iter().copied().zip(counts[l]) {
                    let text = if n == 0 { String::new() } else { n.to_string() };
                    let fill = if n == 0 {
                        class_color(class).gamma_multiply(0.35)
                    } else {
                        class_color(class)
                    };
                    egui::Frame::new()
                        .fill(fill)
                        .corner_radius(3.0)
                        .show(ui, |ui| {
                            ui.set_min_size(egui::vec2(44.0, 26.0));
                            ui.centered_and_justified(|ui| {
                                ui.label(RichText::new(text).strong().color(on_class_color(class)));
                            });
                        });
                }
                ui.end_row();
            }
            ui.label("");
            for sev in 1..=4 {
                ui.label(RichText::new(format!("{} {sev}", s.severity_short)).size(12.0));
            }
            ui.end_row();
        });
}

/// The platform's baseline risks, each with the same planning fields as a question's finding
/// (owner, due date, status, residual levels); the team's layer, so read-only for the DPO.
fn baseline_measures(ui: &mut Ui, app: &View<'_>, score: &Score, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let baseline: Vec<_> = score
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Baseline)
        .collect();
    if baseline.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(RichText::new(s.baseline_title).strong())
        .id_salt("baseline-measures")
        .show(ui, |ui| {
            ui.label(RichText::new(s.baseline_intro).weak());
            ui.add_enabled_ui(app.prefs.mode == crate::ui::action::Mode::Team, |ui| {
                for f in baseline {
                    let title = f.subject(doc.checklist(), lang).unwrap_or_default();
                    ui.label(RichText::new(format!("{} {title}", f.id)).strong());
                    super::question::finding_box(ui, app, f, actions);
                    ui.add_space(6.0);
                }
            });
        });
}

fn action_plan(ui: &mut Ui, app: &View<'_>, score: &Score, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    subheading(ui, s.action_plan);
    let sort_id = egui::Id::unique("plan-sort");
    let sort = ui.data(|d| d.get_temp::<usize>(sort_id)).unwrap_or(0);
    let mut rows = plan::rows(doc.assessment(), score);
    plan::sort(&mut rows, PlanSort::ALL[sort.min(PlanSort::ALL.len() - 1)]);
    let headers = [
        s.col_finding,
        s.col_owner,
        s.col_due,
        s.col_status,
        s.col_residual,
    ];
    // Sorting by any column, as links in one line that wraps.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(s.sort_by).weak());
        for (i, h) in headers.iter().enumerate() {
            let arrow = if sort == i { " ▾" } else { "" };
            if ui
                .link(RichText::new(format!("{h}{arrow}")).strong())
                .on_hover_text(s.sort_tip)
                .clicked()
            {
                ui.data_mut(|d| d.insert_temp(sort_id, i));
            }
        }
    });
    // Each measure on two lines: what, who, when, state and residual class above, the measure's
    // text below across the whole width. A table of six columns does not fit beside the side
    // list at 1024 or 1280 px (nor in projector mode), and a cut-off or truncated measure is
    // what the DPO must read.
    let stripe = ui.visuals().faint_bg_color;
    for (i, row) in rows.iter().enumerate() {
        egui::Frame::new()
            .fill(if i % 2 == 0 {
                stripe
            } else {
                egui::Color32::TRANSPARENT
            })
            .inner_margin(egui::Margin::symmetric(6, 4))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                plan_row(ui, app, doc.checklist(), row, actions);
            });
    }
}

/// One row of the action plan: the finding (a click goes to its question), owner, due date,
/// state, residual class and the measure, or "plan a measure".
fn plan_row(
    ui: &mut Ui,
    app: &View<'_>,
    checklist: &crate::checklist::Checklist,
    row: &PlanRow<'_>,
    actions: &mut Vec<Action>,
) {
    let s = app.tr();
    let lang = app.prefs.lang;
    let title = match row.finding {
        Some(f) if f.kind == FindingKind::Baseline => f
            .subject(checklist, lang)
            .map(|title| format!("{} {title}", f.id))
            .unwrap_or_default(),
        Some(_) => row.id.to_owned(),
        None => format!("{} — {}", row.id, s.no_finding_short),
    };
    ui.horizontal_wrapped(|ui| {
        if let Some(g) = row.gross() {
            class_badge(ui, g.class, lang);
        }
        if row.is_question() {
            if ui.link(RichText::new(&title).strong()).clicked() {
                actions.push(Action::Go(Step::Question(row.id.into())));
            }
        } else {
            ui.label(RichText::new(&title).strong());
        }
        let Some(status) = row.status() else {
            ui.label(RichText::new(s.not_planned).weak());
            if let Some(r) = row.residual() {
                ui.label(format!("{}:", s.col_residual));
                class_badge(ui, r.class, lang);
            }
            if ui.small_button(s.plan_measure).clicked() {
                actions.push(Action::Edit(Edit::PlanMeasure {
                    finding: row.id.into(),
                    lang,
                }));
            }
            return;
        };
        let or_dash = |text: &str| {
            if text.is_empty() {
                "—".to_owned()
            } else {
                text.to_owned()
            }
        };
        ui.label(format!("· {}: {}", s.col_owner, or_dash(row.owner())));
        let due = row
            .due()
            .map_or_else(|| "—".into(), |d| crate::dates::shown(d, lang));
        ui.label(format!("· {}: {due}", s.col_due));
        ui.label(format!("· {}", status.name(lang)));
        if let Some(r) = row.residual() {
            ui.label(format!("· {}:", s.col_residual));
            class_badge(ui, r.class, lang);
        }
    });
    if row.status().is_some() {
        ui.add(egui::Label::new(row.text(lang)).wrap());
    }
}
