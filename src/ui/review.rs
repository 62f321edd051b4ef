//! The app's side of the DPO's review: the mode that decides whose layer is editable, the
//! question before an edit that begins a new round, submitting, comparing, checking PDFs, the
//! calendar file, saving over someone else's change, and the lock file of the open assessment.

use std::path::Path;

use super::action::{Action, Edit, FilePurpose, Mode};
use super::app::App;
use super::state::{Dialog, Message};
use crate::edit::Layer;
use crate::session::{SaveError, Session, lock};

impl App {
    /// Applies an edit from a screen or the keyboard, or holds it back: the other layer than the
    /// mode's is read-only, and an edit that begins a new round is asked about first.
    pub(super) fn guarded_edit(&mut self, edit: Edit) {
        let Some(doc) = &self.doc else { return };
        match (edit.layer(), self.prefs.mode) {
            (Layer::Team, Mode::Dpo) => {
                self.note_once(|t| t.team_read_only);
                return;
            }
            (Layer::Dpo, Mode::Team) => {
                self.note_once(|t| t.dpo_read_only);
                return;
            }
            (Layer::Dpo, Mode::Dpo) if !doc.wizard().review_open() => {
                self.note_once(|t| t.review_not_open);
                return;
            }
            _ => {}
        }
        if doc.wizard().starts_new_round(&edit) {
            self.dialog = Some(Dialog::ConfirmNewRound(Box::new(edit)));
        } else {
            self.apply(Action::ConfirmedEdit(edit));
        }
    }

    /// An information message, unless the same one is showing already (typing would repeat it).
    fn note_once(&mut self, text: fn(&'static crate::i18n::review::ReviewText) -> &'static str) {
        let now = text(self.review_tr());
        if !self.messages.iter().any(|m| m.text == now) {
            let message = crate::ui::state::Message::translated(
                false,
                |lang| text(&crate::i18n::tr(lang).review).to_owned(),
                self.prefs.lang,
            );
            self.messages.push(message);
        }
    }

    fn review_tr(&self) -> &'static crate::i18n::review::ReviewText {
        &crate::i18n::tr(self.prefs.lang).review
    }

    /// Applies the review's actions; returns the action back if it is not one of them.
    pub(super) fn apply_review(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::SetMode(mode) => self.prefs.mode = mode,
            Action::Submit => {
                let by = self
                    .doc
                    .as_ref()
                    .map(|d| d.assessment().metadata.responsible.clone())
                    .unwrap_or_default();
                self.dialog = Some(Dialog::Submit { by });
                self.focus_dialog = true;
            }
            Action::SubmitAs(by) => {
                self.dialog = None;
                self.edit_now(Edit::Submit {
                    by: by.trim().to_owned(),
                    date: Some(crate::dates::today()),
                });
            }
            Action::ShowChangesSince(round) => self.show_changes_since(round),
            Action::CompareWith(path) => self.compare_with(&path),
            Action::VerifyPdf(path) => self.verify_pdf(&path),
            Action::ExportCalendar(path) => self.export_calendar(&path),
            Action::OverwriteSave => {
                self.dialog = None;
                self.save_overwriting();
            }
            Action::ShowDiskChanges => {
                if let Some(path) = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.path().map(Path::to_path_buf))
                {
                    self.compare_with(&path);
                }
            }
            Action::OpenTakingLock(path) => {
                self.dialog = None;
                self.open_unlocked(&path);
            }
            other => return Some(other),
        }
        None
    }

    pub(super) fn edit_now(&mut self, edit: Edit) {
        if let Some(doc) = &mut self.doc {
            doc.wizard_mut().apply(edit);
        }
    }

    fn show_changes_since(&mut self, round: u32) {
        let t = self.review_tr();
        let lang = self.prefs.lang;
        let Some(changes) = self.doc.as_ref().and_then(|d| d.changes_since(round, lang)) else {
            return;
        };
        self.dialog = Some(Dialog::Changes {
            title: format!("{} {round}", t.changes_since_button),
            changes,
        });
    }

    fn compare_with(&mut self, path: &Path) {
        let lang = self.prefs.lang;
        let Some(doc) = &self.doc else { return };
        match Session::open(&self.library, path) {
            Ok(other) => {
                let changes = doc.changes_from(&other, lang);
                let title = format!(
                    "{} ↔ {}",
                    path.display(),
                    super::state::document_name(doc, self.tr())
                );
                self.dialog = Some(Dialog::Changes { title, changes });
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    fn verify_pdf(&mut self, pdf: &Path) {
        let t = self.review_tr();
        let Some(doc) = &self.doc else { return };
        match doc.verify_report(pdf) {
            Ok(v) => {
                let what = v.outcome.describe(self.prefs.lang);
                let text = format!(
                    "{}: {what}.\n{}: {}\n{}: {}",
                    pdf.display(),
                    t.report_id,
                    v.report_id,
                    t.file_id,
                    doc.assessment().fingerprint()
                );
                self.dialog = Some(Dialog::Verified {
                    text,
                    exact: v.outcome.is_exact(),
                });
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    fn export_calendar(&mut self, path: &Path) {
        let lang = self.prefs.lang;
        let Some(doc) = &self.doc else { return };
        match doc.export_calendar(lang, path) {
            Ok(_) => {
                self.dialog = None;
                let mut message = Message::translated(
                    false,
                    |lang| {
                        let t = &crate::i18n::tr(lang).review;
                        format!("{}: {}", path.display(), t.calendar_written)
                    },
                    lang,
                );
                message.open = Some(path.to_path_buf());
                self.messages.push(message);
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    /// Saves to the open file unless someone else changed it; then asks what to do.
    pub(super) fn save_checked(&mut self) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        match doc.save() {
            Ok(path) => {
                self.saved(&path);
                true
            }
            Err(SaveError::ChangedOnDisk { .. }) => {
                self.dialog = Some(Dialog::SaveConflict);
                false
            }
            Err(SaveError::NoPath) => {
                self.apply(Action::ShowFileDialog(FilePurpose::SaveAs));
                false
            }
            Err(SaveError::Store(err)) => {
                self.error(err.to_string());
                false
            }
        }
    }

    fn save_overwriting(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        match doc.save_overwriting() {
            Ok(path) => self.saved(&path),
            Err(err) => self.error(err.to_string()),
        }
    }

    /// Opens `path`, first asking when someone else has it open (its lock file).
    pub(super) fn open_checked(&mut self, path: &Path) {
        match lock::holder(path) {
            Some(holder) if !holder.is_me() => {
                self.dialog = Some(Dialog::Locked {
                    path: path.to_path_buf(),
                    holder,
                });
            }
            _ => self.open_unlocked(path),
        }
    }

    /// Replaces the open assessment, moving the lock: the old file's is released, the new one's
    /// taken.
    pub(super) fn set_doc(&mut self, doc: Option<Session>) {
        if let Some(path) = self.doc.as_ref().and_then(Session::path) {
            lock::release(path);
        }
        if let Some(path) = doc.as_ref().and_then(Session::path) {
            lock::take(path);
        }
        self.doc = doc;
        // An exercise belongs to the assessment it was started with.
        self.workshop = None;
    }

    /// Releases the lock of the open assessment (the app is closing).
    pub fn release_lock(&self) {
        if let Some(path) = self.doc.as_ref().and_then(Session::path) {
            lock::release(path);
        }
    }
}
