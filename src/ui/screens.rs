//! The screens, one file each, plus what every screen shares: keyboard shortcuts, the top bar,
//! messages, and the workspace layout with the side list of all questions.

pub mod dialogs;
pub mod metadata;
pub mod question;
pub mod result;
pub mod review;
pub mod review_dialogs;
mod side_list;
pub mod start;
pub mod workshop;

use egui::{Key, Modifiers, RichText, Ui};

use super::action::{Action, Edit};
use super::command::Command;
use super::state::View;
use super::style::class_color;
use crate::choice::Choice;
use crate::scoring::Score;
use crate::text::Lang;
use crate::wizard::Step;

const NUMBERS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// Keyboard shortcuts. Plain keys (1–9, arrows, Enter) only act while no text field has focus,
/// so typing a justification never answers a question.
pub fn keyboard(ctx: &egui::Context, app: &View<'_>, actions: &mut Vec<Action>) {
    if app.dialog_open {
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            actions.push(Action::CancelDialog);
        }
        return;
    }
    let typing = ctx.text_edit_focused();
    actions.extend(Command::pressed(ctx, typing));
    if typing {
        return;
    }
    ctx.input_mut(|i| {
        let Some(doc) = &app.doc else { return };
        if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
            actions.push(Action::Back);
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowRight)
            || i.consume_key(Modifiers::NONE, Key::Enter)
        {
            actions.push(Action::Next);
        }
        if let Step::Question(id) = doc.wizard().step()
            && let Some(q) = doc.wizard().checklist().question(id)
        {
            for (key, choice) in NUMBERS.iter().zip(q.choices()) {
                if i.consume_key(Modifiers::NONE, *key) {
                    actions.push(Action::Edit(Edit::Answer {
                        question: id.clone(),
                        choice,
                    }));
                }
            }
        }
    });
}

/// The bar at the top: file commands left, display settings right; messages below.
pub fn top_bar(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    egui::Panel::top("top-bar").show(ui, |ui| {
        ui.add_space(4.0);
        // The settings on the right are laid out first; the file commands take the width that
        // is left and wrap onto a second row when it is too narrow (projector mode at 1024 px),
        // so that no button ever lies on top of another.
        let mut left = Vec::new();
        let mut right = Vec::new();
        egui::containers::Sides::new().shrink_left().show(
            ui,
            |ui| {
                ui.horizontal_wrapped(|ui| {
                    // The name (also in the window title) gives way first, so that the commands
                    // keep one row at 1024 px.
                    if ui.available_width() >= 830.0 {
                        super::widgets::subheading(ui, "Plattform-Check");
                        ui.separator();
                    }
                    file_buttons(ui, app, &mut left);
                });
            },
            |ui| settings(ui, app, &mut right),
        );
        actions.extend(left);
        actions.extend(right);
        ui.add_space(2.0);
    });
    // Messages float at the bottom right instead of pushing the layout down, so that nothing
    // moves under the pointer when one appears.
    if !app.messages.is_empty() {
        egui::Area::new(egui::Id::unique("messages"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -12.0))
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                ui.set_max_width(560.0);
                egui::Frame::popup(ui.style()).show(ui, |ui| messages(ui, app, actions));
            });
    }
}

fn file_buttons(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let s = app.tr();
    let mut add = |command: Command, enabled: bool, ui: &mut Ui| {
        actions.extend(command.button(ui, s, enabled));
    };
    add(Command::Home, true, ui);
    add(Command::Open, true, ui);
    let Some(doc) = &app.doc else { return };
    add(Command::Save, true, ui);
    add(Command::SaveAs, true, ui);
    add(Command::Undo, doc.wizard().can_undo(), ui);
    add(Command::Redo, doc.wizard().can_redo(), ui);
    add(Command::Result, *doc.wizard().step() != Step::Result, ui);
}

/// Language, theme, text size and projector mode (laid out right to left).
fn settings(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let s = app.tr();
    // Theme, text size and projector mode sit in one menu so the bar fits 1024 px.
    ui.menu_button(s.view_menu, |ui| {
        let theme = if app.prefs.dark {
            s.light_theme
        } else {
            s.dark_theme
        };
        if ui.button(theme).clicked() {
            actions.push(Action::SetDark(!app.prefs.dark));
        }
        for command in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
            actions.extend(command.menu_item(ui, s));
        }
        if ui
            .checkbox(&mut app.prefs.projector.clone(), s.projector)
            .on_hover_text(s.projector_tip)
            .clicked()
        {
            actions.push(Action::SetProjector(!app.prefs.projector));
        }
    });
    let other = match app.prefs.lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    };
    if app.doc.is_some() {
        let r = &crate::i18n::tr(app.prefs.lang).review;
        let dpo = app.prefs.mode == super::action::Mode::Dpo;
        if ui
            .selectable_label(dpo, r.mode_dpo)
            .on_hover_text(r.mode_dpo_tip)
            .clicked()
        {
            actions.push(Action::SetMode(if dpo {
                super::action::Mode::Team
            } else {
                super::action::Mode::Dpo
            }));
        }
    }
    if ui
        .button(s.switch_language)
        .on_hover_text(s.switch_language_tip)
        .clicked()
    {
        actions.push(Action::SetLang(other));
    }
}

/// Messages (errors in red), each dismissable.
fn messages(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let s = app.tr();
    for (i, m) in app.messages.iter().enumerate() {
        let color = if m.error {
            egui::Color32::from_rgb(198, 40, 40)
        } else {
            egui::Color32::from_rgb(46, 125, 50)
        };
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, color))
            .inner_margin(6.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    if let Some(path) = &m.open
                        && ui.button(s.open_file_button).clicked()
                    {
                        actions.push(Action::OpenExternal(path.clone()));
                    }
                    if ui.button(s.dismiss).on_hover_text(s.close).clicked() {
                        actions.push(Action::DismissMessage(i));
                    }
                    ui.add(egui::Label::new(RichText::new(&m.text).color(color)).wrap());
                });
            });
    }
}

/// The layout while an assessment is open: the list of all questions left, the step right.
pub fn workspace(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let score = doc.wizard().score();
    // A new step (another question, the result) starts at its top, and the side list brings
    // it into view; between changes both scroll as the user scrolls them.
    let step = doc.wizard().step();
    let key = egui::Id::unique("workspace-step");
    let moved = ui.data_mut(|d| {
        let last = d.get_temp::<Step>(key);
        d.insert_temp(key, step.clone());
        last.as_ref() != Some(step)
    });
    egui::Panel::left("navigation")
        .resizable(true)
        .default_size(330.0)
        .min_size(240.0)
        .show(ui, |ui| {
            navigation(ui, app, &score, moved, actions);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let mut area = egui::ScrollArea::vertical()
            .id_salt("workspace-scroll")
            .auto_shrink([false, false]);
        if moved {
            area = area.vertical_scroll_offset(0.0);
        }
        area.show(ui, |ui| {
            // Cap the reading width on wide screens; never widen past the panel.
            ui.set_max_width((ui.available_width() - 8.0).min(980.0));
            workshop::bar(ui, app, actions);
            match step {
                Step::Metadata => metadata::ui(ui, app, actions),
                Step::Question(id) => question::ui(ui, app, id, &score, actions),
                Step::Result => result::ui(ui, app, &score, actions),
            }
        });
    });
}

/// The state of a question as shown in the side list.
pub(crate) fn state_mark(app: &View<'_>, score: &Score, id: &str) -> (String, egui::Color32) {
    let Some(doc) = &app.doc else {
        return (String::new(), egui::Color32::GRAY);
    };
    let weak = egui::Color32::GRAY;
    match (doc.wizard().assessment().choice(id), score.finding(id)) {
        (None, _) => ("○".into(), weak),
        (Some(_), Some(f)) if f.knockout.is_some() => ("✖".into(), class_color(f.gross.class)),
        (Some(Choice::Unknown), _) => ("?".into(), egui::Color32::from_rgb(120, 120, 200)),
        (Some(_), Some(f)) => ("●".into(), class_color(f.gross.class)),
        (Some(_), None) => ("✓".into(), egui::Color32::from_rgb(46, 125, 50)),
    }
}

fn navigation(ui: &mut Ui, app: &View<'_>, score: &Score, moved: bool, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let lang = app.prefs.lang;
    let w = &doc.wizard();
    ui.add_space(6.0);
    ui.label(RichText::new(w.checklist().title().get(lang)).strong());
    let name = super::state::document_name(doc, s);
    if doc.is_dirty() {
        let text = format!("{name} • {}", s.unsaved_changes);
        ui.label(RichText::new(text).color(egui::Color32::from_rgb(200, 120, 0)));
    } else {
        ui.label(RichText::new(name).weak());
    }
    let progress = w.progress();
    let c = &score.completeness;
    ui.add(egui::ProgressBar::new(progress).text(format!(
        "{} {} {} {}",
        c.answered + c.unknown,
        s.of,
        c.visible,
        s.answered_short
    )))
    .on_hover_text(s.progress_tip);
    ui.add_space(4.0);
    let answer_of = |id: &str| w.assessment().choice(id);
    let visible = w.checklist().visibility(&answer_of);
    side_list::SideList::new(ui, app, score, &visible, moved).show(ui, actions);
}

/// `text` cut to `max` characters with an ellipsis.
pub fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}
