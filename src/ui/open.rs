//! Putting an assessment in the window: a new one, an example, a file chosen in the app or given
//! from outside (command line, double-click, dropped on the window). Each asks first when the
//! current one has unsaved changes, and every failure becomes a message naming the file.

use std::path::Path;

use super::action::{Action, ChecklistChoice};
use super::app::App;
use super::state::{Dialog, Message};
use crate::assessment::Assessment;
use crate::i18n;
use crate::session::{OpenError, Session};
use crate::wizard::Step;

impl App {
    /// Applies the actions that put another assessment in the window (each asks first if the
    /// current one has unsaved changes); passes on any other.
    pub(super) fn apply_open(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::New(choice) => {
                self.leave_then(Action::New(choice.clone()), |app| app.new_doc(&choice));
            }
            Action::OpenAny(path) => {
                self.leave_then(Action::OpenAny(path.clone()), |app| app.open_any(&path));
            }
            Action::OpenExample(i) => {
                self.leave_then(Action::OpenExample(i), |app| app.open_example(i));
            }
            Action::Open(path) => {
                self.leave_then(Action::Open(path.clone()), |app| app.open(&path));
            }
            other => return Some(other),
        }
        None
    }

    pub(super) fn new_doc(&mut self, choice: &ChecklistChoice) {
        let (checklist, checklist_file) = match choice {
            ChecklistChoice::Builtin(id) => (self.library.builtin(id), None),
            ChecklistChoice::File(path) => match self.library.load_own(path) {
                Ok(c) => (Some(c), Some(path.clone())),
                Err(problems) => {
                    self.dialog = Some(Dialog::ChecklistProblems(problems));
                    return;
                }
            },
        };
        let Some(checklist) = checklist else { return };
        let mut assessment = Assessment::new(&checklist);
        assessment.metadata.date = Some(crate::dates::today());
        self.dialog = None;
        self.set_doc(Some(Session::new(checklist, checklist_file, assessment)));
    }

    /// Shows why an assessment did not open, in the UI language where the core's error has a
    /// case of its own.
    pub(super) fn open_failed(&mut self, err: OpenError) {
        let s = self.tr();
        let text = match err {
            OpenError::ChecklistMissing { path, id, .. } => format!(
                "{}: {} `{id}`",
                path.display(),
                s.msg_checklist_not_available
            ),
            OpenError::Mismatch { path, mismatches } => {
                let list: Vec<String> = mismatches.iter().map(|m| m.mismatch.to_string()).collect();
                format!("{}: {}", path.display(), list.join("; "))
            }
            other => other.to_string(),
        };
        self.error(text);
    }

    /// Opens a file given from outside the app (command line, double-click): a checklist file
    /// begins a new assessment with it; anything else is opened as an assessment.
    pub fn open_any(&mut self, path: &Path) {
        let is_checklist = crate::checklist::load::read_text(path, crate::store::MAX_FILE_BYTES)
            .is_ok_and(|text| {
                text.lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty() && !l.starts_with("//"))
                    .is_some_and(|l| l.trim_start_matches('\u{feff}').starts_with("Checklist("))
            });
        if is_checklist {
            self.apply(Action::New(ChecklistChoice::File(path.to_path_buf())));
        } else {
            self.open(path);
        }
    }

    /// Opens an assessment file, first asking if someone else has it open; every failure
    /// becomes a message naming the file.
    pub fn open(&mut self, path: &Path) {
        self.open_checked(path);
    }

    /// Opens an assessment file (and takes its lock).
    pub(super) fn open_unlocked(&mut self, path: &Path) {
        match Session::open(&self.library, path) {
            Ok(mut session) => {
                session.wizard_mut().go(Step::Result);
                self.remember(path);
                self.dialog = None;
                if let Some(m) = session.migration() {
                    let message = Message::translated(
                        false,
                        |lang| {
                            format!(
                                "{}: {}",
                                path.display(),
                                i18n::tr(lang).terms.migration_note(m)
                            )
                        },
                        self.prefs.lang,
                    );
                    self.messages.push(message);
                }
                self.set_doc(Some(session));
            }
            Err(err) => self.open_failed(err),
        }
    }

    pub(super) fn open_example(&mut self, index: usize) {
        let Some((name, text)) = super::EXAMPLES.get(index) else {
            return;
        };
        let path = Path::new("assets/examples").join(name);
        // An unsaved copy: trainers can change it freely and start again.
        match Session::open_text(&self.library, &path, text) {
            Ok(mut session) => {
                session.wizard_mut().go(Step::Result);
                self.set_doc(Some(session));
                self.dialog = None;
            }
            Err(err) => self.open_failed(err),
        }
    }
}
