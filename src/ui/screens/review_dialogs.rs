//! The review's dialogs: begin a new round?, submit, a file someone else changed, a file someone
//! else has open, a list of changes, and the result of checking a PDF.

use egui::{RichText, Ui};

use crate::diff::Change;
use crate::review::Status;
use crate::session::lock::Holder;
use crate::ui::action::{Action, Edit, FilePurpose};
use crate::ui::state::View;
use crate::ui::widgets::subheading;
use crate::wizard::Step;

fn texts(app: &View<'_>) -> &'static crate::i18n::review::ReviewText {
    &crate::i18n::tr(app.prefs.lang).review
}

/// Before an edit of a submitted or decided assessment's team layer.
pub fn confirm_new_round(ui: &mut Ui, app: &View<'_>, edit: &Edit, actions: &mut Vec<Action>) {
    let t = texts(app);
    let s = app.tr();
    let decided = app
        .doc
        .is_some_and(|d| d.assessment().review.status == Status::Entschieden);
    subheading(ui, t.confirm_round_title);
    ui.label(if decided {
        t.confirm_round_decided
    } else {
        t.confirm_round_submitted
    });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(RichText::new(t.go_on).strong()).clicked() {
            actions.push(Action::ConfirmedEdit(edit.clone()));
        }
        if ui.button(s.cancel).clicked() {
            actions.push(Action::CancelDialog);
        }
    });
}

/// Who submits (prefilled with the person responsible).
pub fn submit(ui: &mut Ui, app: &View<'_>, by: &mut String, actions: &mut Vec<Action>) {
    let t = texts(app);
    let s = app.tr();
    subheading(ui, t.submit_title);
    ui.label(t.submit_text);
    let label = ui.label(t.submitted_by);
    let response = ui
        .add(egui::TextEdit::singleline(by).desired_width(400.0))
        .labelled_by(label.id);
    if app.focus_dialog {
        response.request_focus();
    }
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        if ui.button(RichText::new(t.submit_ok).strong()).clicked() || enter {
            actions.push(Action::SubmitAs(by.clone()));
        }
        if ui.button(s.cancel).clicked() {
            actions.push(Action::CancelDialog);
        }
    });
}

/// Save found the file changed by someone else.
pub fn save_conflict(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let t = texts(app);
    let s = app.tr();
    subheading(ui, t.save_conflict_title);
    ui.label(t.save_conflict_text);
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button(RichText::new(t.save_as_new).strong()).clicked() {
            actions.push(Action::ShowFileDialog(FilePurpose::SaveAs));
        }
        if ui.button(t.show_differences).clicked() {
            actions.push(Action::ShowDiskChanges);
        }
        if ui.button(t.overwrite_keep).clicked() {
            actions.push(Action::OverwriteSave);
        }
        if ui.button(s.cancel).clicked() {
            actions.push(Action::CancelDialog);
        }
    });
}

/// Someone else has the file open.
pub fn locked(
    ui: &mut Ui,
    app: &View<'_>,
    path: &std::path::Path,
    holder: &Holder,
    actions: &mut Vec<Action>,
) {
    let t = texts(app);
    let s = app.tr();
    subheading(ui, t.locked_title);
    ui.label(RichText::new(path.display().to_string()).monospace());
    ui.label(format!(
        "{} {} {} {} {} {}.",
        t.locked_text,
        holder.user,
        t.locked_on,
        holder.host,
        t.locked_since,
        holder.since_text()
    ));
    if holder.is_stale() {
        ui.label(RichText::new(t.locked_stale).italics());
    }
    ui.label(RichText::new(t.locked_advice).weak());
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(t.open_anyway).clicked() {
            actions.push(Action::OpenTakingLock(path.to_path_buf()));
        }
        if ui.button(RichText::new(s.cancel).strong()).clicked() {
            actions.push(Action::CancelDialog);
        }
    });
}

/// A list of changes; a click on a question's change jumps to it.
pub fn changes(
    ui: &mut Ui,
    app: &View<'_>,
    title: &str,
    changes: &[Change],
    actions: &mut Vec<Action>,
) {
    let t = texts(app);
    let s = app.tr();
    let lang = app.prefs.lang;
    subheading(ui, title);
    if changes.is_empty() {
        ui.label(t.no_differences);
    }
    let checklist = app.doc.map(crate::session::Session::checklist);
    ui.set_min_width(600.0);
    // Fixed column widths: a grid would size the columns by their first rows and squeeze long
    // texts into a column a word wide.
    let what_width = 150.0;
    let value_width = ((ui.available_width() - what_width - 24.0) / 2.0).max(140.0);
    let cell = |ui: &mut Ui, width: f32, add: &mut dyn FnMut(&mut Ui)| {
        ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
            ui.set_width(width);
            add(ui);
        });
    };
    ui.horizontal(|ui| {
        cell(ui, what_width, &mut |ui| {
            ui.label(RichText::new(t.col_what).strong());
        });
        cell(ui, value_width, &mut |ui| {
            ui.label(RichText::new(t.col_before).strong());
        });
        cell(ui, value_width, &mut |ui| {
            ui.label(RichText::new(t.col_now).strong());
        });
    });
    egui::ScrollArea::vertical()
        .max_height(420.0)
        .show(ui, |ui| {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| t.none.to_owned());
            for c in changes {
                ui.separator();
                ui.horizontal_top(|ui| {
                    let what = format!("{} · {}", c.id, c.field.name(lang));
                    cell(
                        ui,
                        what_width,
                        &mut |ui| match checklist.and_then(|cl| c.question(cl)) {
                            Some(q) => {
                                let link = ui.link(what.clone());
                                if link.on_hover_text(t.jump_tip).clicked() {
                                    actions.push(Action::CancelDialog);
                                    actions.push(Action::Go(Step::Question(q.id.clone())));
                                }
                            }
                            None => {
                                ui.add(
                                    egui::Label::new(RichText::new(what.clone()).strong()).wrap(),
                                );
                            }
                        },
                    );
                    cell(ui, value_width, &mut |ui| {
                        ui.add(egui::Label::new(show(&c.before)).wrap());
                    });
                    cell(ui, value_width, &mut |ui| {
                        ui.add(egui::Label::new(show(&c.after)).wrap());
                    });
                });
            }
        });
    if ui.button(s.close).clicked() {
        actions.push(Action::CancelDialog);
    }
}

/// The result of checking a PDF against the open assessment.
pub fn verified(ui: &mut Ui, app: &View<'_>, text: &str, exact: bool, actions: &mut Vec<Action>) {
    let t = texts(app);
    let s = app.tr();
    subheading(ui, t.verify_result_title);
    let color = if exact {
        egui::Color32::from_rgb(46, 125, 50)
    } else {
        egui::Color32::from_rgb(198, 40, 40)
    };
    let mut lines = text.lines();
    if let Some(first) = lines.next() {
        ui.label(RichText::new(first).color(color).strong());
    }
    for line in lines {
        ui.label(RichText::new(line).monospace().size(12.0));
    }
    if ui.button(s.close).clicked() {
        actions.push(Action::CancelDialog);
    }
}
