//! What the screens are given to draw.
//!
//! The app's state types (preferences, dialogs, messages) and [`View`], a read-only view of the
//! app for one frame. Screens read a `View` and return actions; only `App` changes anything, so
//! the screens never import it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::action::{Action, Edit, FilePurpose};
use crate::diagnostics::Problem;
use crate::diff::Change;
use crate::i18n::ui::UiText;
use crate::session::lock::Holder;
use crate::session::{AutosaveFile, Library, Session};
use crate::text::Lang;

/// Preferences kept between runs (eframe storage). New fields need defaults.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct Prefs {
    /// UI language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// Text size factor.
    pub zoom: f32,
    /// Projector mode.
    pub projector: bool,
    /// Recently used assessment files, newest first.
    pub recent: Vec<PathBuf>,
    /// Language of the PDF report.
    pub report_lang: Lang,
    /// Whose layer of the file is editable: the team's, or the DPO's ("Prüfmodus DSB").
    pub mode: Mode,
}

/// Whose layer of an assessment the app lets the user edit (see [`crate::review`]). Not an
/// access control: anyone can switch, and every change is recorded in the rounds.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub enum Mode {
    /// The team: metadata, answers, justifications, evidence, measures.
    #[default]
    Team,
    /// The DPO: verdicts, comments, opinion, decision.
    Dpo,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            lang: Lang::De,
            dark: false,
            zoom: 1.0,
            projector: false,
            recent: Vec::new(),
            report_lang: Lang::De,
            mode: Mode::Team,
        }
    }
}

/// The file name of an open assessment, or "new assessment (not saved)".
pub fn document_name(session: &Session, s: &UiText) -> String {
    session.path().and_then(|p| p.file_name()).map_or_else(
        || s.unsaved_document.to_owned(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A modal dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Enter or browse a path.
    File {
        /// What for.
        purpose: FilePurpose,
        /// The path as typed.
        path: String,
    },
    /// Unsaved changes when closing the window.
    ConfirmClose,
    /// Clear all answers and measures?
    ConfirmReset,
    /// The exercise's answers against the reference.
    Solution(Box<crate::workshop::Comparison>),
    /// Unsaved changes when leaving the assessment for `then`.
    ConfirmLeave(Box<Action>),
    /// A checklist of one's own did not load.
    ChecklistProblems(Vec<Problem>),
    /// The edit changes the team's layer of a submitted or decided assessment: begin a new round?
    ConfirmNewRound(Box<Edit>),
    /// Submit to the DPO: who submits.
    Submit {
        /// The name as typed.
        by: String,
    },
    /// Save found the file changed by someone else.
    SaveConflict,
    /// The file is open by someone else (a lock file).
    Locked {
        /// The file.
        path: PathBuf,
        /// Who holds it.
        holder: Holder,
    },
    /// A list of changes, each with a jump to its question.
    Changes {
        /// What is compared.
        title: String,
        /// The changes.
        changes: Vec<Change>,
    },
    /// The result of checking a PDF.
    Verified {
        /// The result, as a sentence.
        text: String,
        /// Whether the PDF shows exactly this content.
        exact: bool,
    },
}

/// A message shown at the bottom right of the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// An error (red) or information.
    pub error: bool,
    /// The text, in the UI's language.
    pub text: String,
    /// A file the message offers to open.
    pub open: Option<PathBuf>,
    /// The text in German and in English, where the app wrote it (not where it passes on a
    /// message of the core), so that switching the language switches it too.
    pub both: Option<[String; 2]>,
}

impl Message {
    /// A message the app writes from its translation table: `text` gives it in a language.
    pub fn translated(error: bool, text: impl Fn(Lang) -> String, lang: Lang) -> Self {
        let both = [text(Lang::De), text(Lang::En)];
        Self {
            error,
            text: both[usize::from(lang == Lang::En)].clone(),
            open: None,
            both: Some(both),
        }
    }

    /// Shows the message in `lang`, if the app wrote it.
    pub fn switch(&mut self, lang: Lang) {
        if let Some(both) = &self.both {
            self.text = both[usize::from(lang == Lang::En)].clone();
        }
    }
}

/// What a frame shows, read-only: everything the screens draw.
pub struct View<'a> {
    /// Preferences.
    pub prefs: &'a Prefs,
    /// Built-in and own checklists.
    pub library: &'a Library,
    /// The open assessment.
    pub doc: Option<&'a Session>,
    /// Messages at the top of the window.
    pub messages: &'a [Message],
    /// Autosaved work offered for restoring.
    pub restore: Option<&'a AutosaveFile>,
    /// Recent files that were not found.
    pub missing_recent: &'a [PathBuf],
    /// A dialog is open (the screens behind it take no keys).
    pub dialog_open: bool,
    /// A system file dialog is running.
    pub file_dialog_pending: bool,
    /// The file dialog's path names an existing file.
    pub dialog_target_exists: bool,
    /// The dialog's input field takes the focus this frame.
    pub focus_dialog: bool,
    /// The exercise, while one runs.
    pub workshop: Option<&'a Workshop>,
}

/// An exercise: an example's case answered from scratch, compared with the example's answers.
#[derive(Clone, Debug)]
pub struct Workshop {
    /// Which example ([`crate::ui::EXAMPLES`]).
    pub example: usize,
    /// The example's answers.
    pub reference: crate::assessment::Assessment,
    /// The trainer's notes on its key questions.
    pub notes: crate::workshop::TrainerNotes,
}

impl View<'_> {
    /// The UI strings of the current language.
    pub fn tr(&self) -> &'static UiText {
        &crate::i18n::tr(self.prefs.lang).ui
    }
}
