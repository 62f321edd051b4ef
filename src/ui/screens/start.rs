//! The start screen: new assessment (built-in or own checklist), open, recent files, examples
//! for workshops, and the offer to restore unsaved work after a crash.

use egui::{RichText, Ui};

use crate::ui::action::{Action, ChecklistChoice, FilePurpose};
use crate::ui::state::View;
use crate::ui::widgets::{heading, subheading};

/// Draws the start screen.
pub fn ui(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let s = app.tr();
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // A reading width on wide screens; never wider than the window (projector mode).
                ui.set_max_width((ui.available_width() - 8.0).min(900.0));
                ui.add_space(8.0);
                heading(ui, s.start_title);
                ui.label(s.start_intro);
                ui.add_space(8.0);

                restore_offer(ui, app, actions);
                new_assessment(ui, app, actions);
                ui.add_space(12.0);
                open_assessment(ui, app, actions);
                examples(ui, app, actions);
                ui.add_space(12.0);
                ui.label(RichText::new(s.offline_note).weak().size(12.0));
            });
    });
}

fn restore_offer(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let s = app.tr();
    let lang = app.prefs.lang;
    if let Some(restore) = &app.restore {
        egui::Frame::group(ui.style())
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!("{} {}?", s.restore_question, restore.saved_at)).strong(),
                );
                let a = &restore.assessment;
                let title = app
                    .library
                    .builtins()
                    .find(|c| c.id() == a.checklist.id)
                    .map_or(a.checklist.id.as_str(), |c| c.title().get(lang));
                let what: Vec<&str> = [title, &a.metadata.public_body, &a.metadata.account]
                    .into_iter()
                    .filter(|t| !t.trim().is_empty())
                    .collect();
                ui.label(format!(
                    "{} · {} {}",
                    what.join(" · "),
                    a.answers.len(),
                    s.answered_short
                ));
                // Which file the work belongs to, so that nobody restores the wrong one.
                let file = restore.path.as_ref().map_or_else(
                    || s.unsaved_document.to_owned(),
                    |p| p.display().to_string(),
                );
                ui.label(format!("{}: {file}", s.restore_file));
                if let Some(at) = &restore.at {
                    ui.label(RichText::new(format!("{}: {at}", s.restore_at)).weak());
                }
                ui.horizontal(|ui| {
                    if ui.button(s.restore).clicked() {
                        actions.push(Action::RestoreAutosave);
                    }
                    if ui.button(s.discard_restore).clicked() {
                        actions.push(Action::DiscardAutosave);
                    }
                });
            });
        ui.add_space(8.0);
    }
}

fn new_assessment(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let s = app.tr();
    let lang = app.prefs.lang;
    subheading(ui, s.new_assessment);
    for c in app.library.builtins() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let label = format!(
                    "{}  ({} {})",
                    c.title().get(lang),
                    c.question_count(),
                    s.questions
                );
                if ui.button(RichText::new(label).strong()).clicked() {
                    actions.push(Action::New(ChecklistChoice::Builtin(c.id().to_owned())));
                }
            });
            ui.label(RichText::new(c.description().get(lang)).weak());
            // The side list counts only the questions shown; say why the numbers differ.
            let follow_ups = c.questions().filter(|(_, q)| q.show_if.is_some()).count();
            ui.label(
                RichText::new(format!(
                    "{} {} · {} {} · {follow_ups} {}",
                    s.version,
                    c.version(),
                    s.sources_checked,
                    c.date(),
                    s.follow_ups
                ))
                .weak()
                .size(12.0),
            );
        });
    }
    for p in app.library.problems() {
        ui.colored_label(egui::Color32::from_rgb(198, 40, 40), p.to_string());
    }
    if ui
        .button(s.own_checklist)
        .on_hover_text(s.own_checklist_tip)
        .clicked()
    {
        actions.push(Action::ShowFileDialog(FilePurpose::Checklist));
    }
}

fn open_assessment(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let s = app.tr();
    subheading(ui, s.open_assessment);
    if ui.button(s.open_file).clicked() {
        actions.push(Action::ShowFileDialog(FilePurpose::Open));
    }
    if !app.prefs.recent.is_empty() {
        ui.label(s.recent_files);
        for path in &app.prefs.recent {
            let exists = !app.missing_recent.contains(path);
            let text = path.display().to_string();
            let response = ui.add_enabled(exists, egui::Button::new(text).frame(false));
            if response.clicked() {
                actions.push(Action::Open(path.clone()));
            }
        }
    }

    ui.add_space(12.0);
}

fn examples(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let s = app.tr();
    subheading(ui, s.examples);
    ui.label(RichText::new(s.examples_intro).weak());
    for i in 0..crate::ui::EXAMPLES.len() {
        ui.horizontal_wrapped(|ui| {
            if ui.button(example_title(s, i)).clicked() {
                actions.push(Action::OpenExample(i));
            }
            if ui
                .small_button(s.workshop_start)
                .on_hover_text(s.workshop_start_tip)
                .clicked()
            {
                actions.push(Action::StartWorkshop(i));
            }
        });
    }
}

/// The title of example `index` ([`crate::ui::EXAMPLES`]) in the UI's language.
pub fn example_title(s: &crate::i18n::ui::UiText, index: usize) -> &'static str {
    match crate::ui::EXAMPLES.get(index).map(|(name, _)| *name) {
        Some("stadt-musterstadt-tiktok.ron") => s.example_city,
        Some("gymnasium-tiktok-knockout.ron") => s.example_school,
        Some("ministerium-tiktok-untergrenze.ron") => s.example_ministry,
        Some("stadt-fediverse-mastodon.ron") => s.example_fediverse,
        Some("jugendamt-messenger.ron") => s.example_messenger,
        _ => s.example_police,
    }
}
