//! Modal dialogs: the in-app file path dialog (the system dialog is optional, so it works where
//! none exists), the unsaved-changes questions, and the problems of a checklist of one's own.

use std::path::PathBuf;

use egui::RichText;

use crate::text::Lang;
use crate::ui::action::{Action, ChecklistChoice, FilePurpose};
use crate::ui::app::{App, Dialog};
use crate::ui::widgets::subheading;

/// Draws the open dialog, if any.
pub fn ui(ctx: &egui::Context, app: &mut App, actions: &mut Vec<Action>) {
    let s = app.tr();
    let pending = app.file_dialog_pending();
    let focus_field = std::mem::take(&mut app.focus_dialog);
    let report_lang = app.prefs.report_lang;
    let Some(dialog) = &mut app.dialog else {
        return;
    };
    let modal = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        match dialog {
            Dialog::File { purpose, path } => {
                let (title, ok) = match purpose {
                    FilePurpose::Open => (s.open_title, s.open),
                    FilePurpose::SaveAs => (s.save_as_title, s.save),
                    FilePurpose::Checklist => (s.checklist_title, s.load),
                    FilePurpose::ExportPdf => (s.export_title, s.export),
                };
                subheading(ui, title);
                let label = ui.label(s.path);
                let response = ui
                    .add(egui::TextEdit::singleline(path).desired_width(600.0))
                    .labelled_by(label.id);
                // Focus the field once, when the dialog opens; grabbing it again every frame would
                // swallow the Enter that confirms the dialog.
                if focus_field {
                    response.request_focus();
                }
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let target = PathBuf::from(path.trim());
                if *purpose == FilePurpose::ExportPdf {
                    ui.horizontal(|ui| {
                        ui.label(s.report_language);
                        for (lang, name) in [(Lang::De, "Deutsch"), (Lang::En, "English")] {
                            if ui.radio(report_lang == lang, name).clicked() {
                                actions.push(Action::SetReportLang(lang));
                            }
                        }
                    });
                }
                if matches!(purpose, FilePurpose::SaveAs | FilePurpose::ExportPdf)
                    && target.is_file()
                {
                    ui.colored_label(egui::Color32::from_rgb(200, 120, 0), s.overwrite_warning);
                }
                ui.horizontal(|ui| {
                    let browse = ui
                        .add_enabled(!pending, egui::Button::new(s.browse))
                        .on_hover_text(s.browse_tip);
                    if browse.clicked() {
                        actions.push(Action::Browse(*purpose));
                    }
                    if pending {
                        ui.spinner();
                    }
                    ui.separator();
                    let valid = !path.trim().is_empty();
                    if (ui
                        .add_enabled(valid, egui::Button::new(RichText::new(ok).strong()))
                        .clicked()
                        || enter)
                        && valid
                    {
                        actions.push(match purpose {
                            FilePurpose::Open => Action::Open(target.clone()),
                            FilePurpose::SaveAs => Action::SaveTo(target.clone()),
                            FilePurpose::Checklist => {
                                Action::New(ChecklistChoice::File(target.clone()))
                            }
                            FilePurpose::ExportPdf => {
                                Action::ExportPdf(target.clone(), report_lang)
                            }
                        });
                    }
                    if ui.button(s.cancel).clicked() {
                        actions.push(Action::CancelDialog);
                    }
                });
            }
            Dialog::ConfirmClose => {
                subheading(ui, s.unsaved_title);
                ui.label(s.unsaved_close_text);
                ui.horizontal(|ui| {
                    if ui.button(RichText::new(s.save).strong()).clicked() {
                        actions.push(Action::SaveAndClose);
                    }
                    if ui.button(s.discard).clicked() {
                        actions.push(Action::DiscardAndClose);
                    }
                    if ui.button(s.cancel).clicked() {
                        actions.push(Action::CancelDialog);
                    }
                });
            }
            Dialog::ConfirmLeave(then) => {
                subheading(ui, s.unsaved_title);
                ui.label(s.unsaved_leave_text);
                ui.horizontal(|ui| {
                    if ui.button(RichText::new(s.save).strong()).clicked() {
                        actions.push(Action::SaveAndDo(then.clone()));
                    }
                    if ui.button(s.discard).clicked() {
                        actions.push(Action::DiscardAndDo(then.clone()));
                    }
                    if ui.button(s.cancel).clicked() {
                        actions.push(Action::CancelDialog);
                    }
                });
            }
            Dialog::ChecklistProblems(problems) => {
                subheading(ui, s.checklist_problems_title);
                ui.label(format!(
                    "{} {}",
                    problems.iter().filter(|p| p.is_error()).count(),
                    s.checklist_problems_text
                ));
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for p in problems.iter() {
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
        }
    });
    if modal.should_close() {
        actions.push(Action::CancelDialog);
    }
}
