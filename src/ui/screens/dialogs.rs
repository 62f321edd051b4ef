//! Modal dialogs: the in-app file path dialog, the unsaved-changes questions, and the problems of
//! a checklist of one's own.
//!
//! The system file dialog is optional, so the in-app one works where none exists. The review's
//! dialogs are in `review_dialogs.rs`.

use std::path::PathBuf;

use egui::RichText;

use super::review_dialogs as review;
use crate::i18n::review::ReviewText;
use crate::i18n::ui::UiText;
use crate::text::Lang;
use crate::ui::action::{Action, ChecklistChoice, FilePurpose};
use crate::ui::state::{Dialog, View};
use crate::ui::widgets::subheading;

/// What the file dialog needs to know of the app, read before the dialog is borrowed.
struct FileEnv<'a> {
    s: &'a UiText,
    r: &'a ReviewText,
    pending: bool,
    focus_field: bool,
    report_lang: Lang,
    target_exists: bool,
}

/// Draws the open dialog, if any.
pub fn ui(ctx: &egui::Context, app: &View<'_>, dialog: &mut Dialog, actions: &mut Vec<Action>) {
    let s = app.tr();
    let r = &crate::i18n::tr(app.prefs.lang).review;
    let env = FileEnv {
        s,
        r,
        pending: app.file_dialog_pending,
        focus_field: app.focus_dialog,
        report_lang: app.prefs.report_lang,
        target_exists: app.dialog_target_exists,
    };
    let modal = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
        // Never wider than the window (projector mode at 1024 px leaves about 760 points).
        ui.set_max_width(640.0_f32.min(ctx.content_rect().width() - 48.0));
        match dialog {
            Dialog::File { purpose, path } => file(ui, &env, *purpose, path, actions),
            Dialog::ConfirmClose => confirm(
                ui,
                s,
                s.unsaved_close_text,
                (Action::SaveAndClose, Action::DiscardAndClose),
                actions,
            ),
            Dialog::ConfirmLeave(then) => confirm(
                ui,
                s,
                s.unsaved_leave_text,
                (
                    Action::SaveAndDo(then.clone()),
                    Action::DiscardAndDo(then.clone()),
                ),
                actions,
            ),
            Dialog::ConfirmReset => confirm_reset(ui, s, actions),
            Dialog::Solution(c) => super::workshop::solution(ui, app, c, actions),
            Dialog::ChecklistProblems(problems) => checklist_problems(ui, s, problems, actions),
            Dialog::ConfirmNewRound(edit) => review::confirm_new_round(ui, app, edit, actions),
            Dialog::Submit { by } => review::submit(ui, app, by, actions),
            Dialog::SaveConflict => review::save_conflict(ui, app, actions),
            Dialog::Locked { path, holder } => review::locked(ui, app, path, holder, actions),
            Dialog::Changes { title, changes } => review::changes(ui, app, title, changes, actions),
            Dialog::Verified { text, exact } => review::verified(ui, app, text, *exact, actions),
        }
    });
    if modal.should_close() {
        actions.push(Action::CancelDialog);
    }
}

/// Clear all answers? Says what goes and what stays, and that Undo brings it back.
fn confirm_reset(ui: &mut egui::Ui, s: &UiText, actions: &mut Vec<Action>) {
    subheading(ui, s.reset_answers);
    ui.label(s.reset_confirm_text);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(RichText::new(s.reset_confirm).strong()).clicked() {
            actions.push(Action::CancelDialog);
            actions.push(Action::Edit(crate::ui::action::Edit::ResetAnswers));
        }
        if ui.button(s.cancel).clicked() {
            actions.push(Action::CancelDialog);
        }
    });
}

/// The in-app path dialog for `purpose`; `path` is the text being edited.
fn file(
    ui: &mut egui::Ui,
    env: &FileEnv<'_>,
    purpose: FilePurpose,
    path: &mut String,
    actions: &mut Vec<Action>,
) {
    let s = env.s;
    let r = env.r;
    let (title, ok) = match purpose {
        FilePurpose::Open => (s.open_title, s.open),
        FilePurpose::SaveAs => (s.save_as_title, s.save),
        FilePurpose::Checklist => (s.checklist_title, s.load),
        FilePurpose::ExportPdf => (s.export_title, s.export),
        FilePurpose::Compare => (r.compare_title, r.compare_ok),
        FilePurpose::VerifyPdf => (r.verify_title, r.verify_ok),
        FilePurpose::ExportCalendar => (r.calendar_title, s.save),
    };
    subheading(ui, title);
    let label = ui.label(s.path);
    let response = ui
        .add(egui::TextEdit::singleline(path).desired_width(600.0))
        .labelled_by(label.id);
    // Focus the field once, when the dialog opens; grabbing it again every frame would swallow
    // the Enter that confirms the dialog.
    if env.focus_field {
        response.request_focus();
    }
    if response.changed() {
        // The app looks the new path up once; the dialog never touches the disk while drawing.
        actions.push(Action::DialogPathEdited);
    }
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let target = PathBuf::from(path.trim());
    if purpose == FilePurpose::ExportPdf {
        ui.horizontal(|ui| {
            ui.label(s.report_language);
            for (lang, name) in [(Lang::De, "Deutsch"), (Lang::En, "English")] {
                if ui.radio(env.report_lang == lang, name).clicked() {
                    actions.push(Action::SetReportLang(lang));
                }
            }
        });
    }
    let writes = matches!(
        purpose,
        FilePurpose::SaveAs | FilePurpose::ExportPdf | FilePurpose::ExportCalendar
    );
    if writes && env.target_exists {
        ui.colored_label(egui::Color32::from_rgb(200, 120, 0), s.overwrite_warning);
    }
    ui.horizontal(|ui| {
        let browse = ui
            .add_enabled(!env.pending, egui::Button::new(s.browse))
            .on_hover_text(s.browse_tip);
        if browse.clicked() {
            actions.push(Action::Browse(purpose));
        }
        if env.pending {
            ui.spinner();
        }
        ui.separator();
        let valid = !path.trim().is_empty();
        let confirmed = ui
            .add_enabled(valid, egui::Button::new(RichText::new(ok).strong()))
            .clicked();
        if (confirmed || enter) && valid {
            actions.push(match purpose {
                FilePurpose::Open => Action::Open(target),
                FilePurpose::SaveAs => Action::SaveTo(target),
                FilePurpose::Checklist => Action::New(ChecklistChoice::File(target)),
                FilePurpose::ExportPdf => Action::ExportPdf(target, env.report_lang),
                FilePurpose::Compare => Action::CompareWith(target),
                FilePurpose::VerifyPdf => Action::VerifyPdf(target),
                FilePurpose::ExportCalendar => Action::ExportCalendar(target),
            });
        }
        if ui.button(s.cancel).clicked() {
            actions.push(Action::CancelDialog);
        }
    });
}

/// The unsaved-changes question: save, discard (the two actions given) or cancel.
fn confirm(
    ui: &mut egui::Ui,
    s: &UiText,
    text: &str,
    (save, discard): (Action, Action),
    actions: &mut Vec<Action>,
) {
    subheading(ui, s.unsaved_title);
    ui.label(text);
    ui.horizontal(|ui| {
        if ui.button(RichText::new(s.save).strong()).clicked() {
            actions.push(save);
        }
        if ui.button(s.discard).clicked() {
            actions.push(discard);
        }
        if ui.button(s.cancel).clicked() {
            actions.push(Action::CancelDialog);
        }
    });
}

/// Why a checklist of one's own did not load: every problem with file and line.
fn checklist_problems(
    ui: &mut egui::Ui,
    s: &UiText,
    problems: &[crate::diagnostics::Problem],
    actions: &mut Vec<Action>,
) {
    subheading(ui, s.checklist_problems_title);
    ui.label(format!(
        "{} {}",
        problems.iter().filter(|p| p.is_error()).count(),
        s.checklist_problems_text
    ));
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for p in problems {
                let color = if p.is_error() {
                    egui::Color32::from_rgb(198, 40, 40)
                } else {
                    egui::Color32::from_rgb(200, 120, 0)
                };
                ui.label(
                    RichText::new(p.to_string())
                        .monospace()
                        .size(12.0)
                        .color(color),
                );
            }
        });
    if ui.button(s.close).clicked() {
        actions.push(Action::CancelDialog);
    }
}
