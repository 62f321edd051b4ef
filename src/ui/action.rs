//! Everything the user can do: navigation, file and view commands, and [`Edit`]s of the assessment
//! (domain values from [`crate::edit`]).
//!
//! Views return actions; the app applies them once per frame ([`super::App::apply`]), so tests can
//! do the same without egui.

use std::path::PathBuf;

pub use super::state::Mode;
pub use crate::edit::{AnswerField, Edit, MeasureEdit, MetaField, ReviewEdit, VerdictEdit};
use crate::text::Lang;
use crate::wizard::Step;

/// Which checklist a new assessment uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChecklistChoice {
    /// A built-in checklist, by id.
    Builtin(String),
    /// A checklist file of one's own.
    File(PathBuf),
}

/// What a file dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// Open an assessment.
    Open,
    /// Save the assessment under a new name.
    SaveAs,
    /// Load a checklist file of one's own.
    Checklist,
    /// Export the PDF report.
    ExportPdf,
    /// Choose an assessment file to compare with.
    Compare,
    /// Choose a PDF report to check against the assessment.
    VerifyPdf,
    /// Save the next review date as a calendar file.
    ExportCalendar,
}

/// One user action.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start a new assessment with this checklist.
    New(ChecklistChoice),
    /// Open a built-in example (as an unsaved copy, for workshops).
    OpenExample(usize),
    /// Open this assessment file.
    Open(PathBuf),
    /// Open a file given from outside (dropped on the window): an assessment, or a checklist
    /// file to begin one with.
    OpenAny(PathBuf),
    /// Show the in-app path dialog for `purpose`.
    ShowFileDialog(FilePurpose),
    /// Open the system file dialog (off the UI thread) for `purpose`.
    Browse(FilePurpose),
    /// Save to the current file (or ask for one).
    Save,
    /// Save to this file.
    SaveTo(PathBuf),
    /// Go to a step of the walkthrough.
    Go(Step),
    /// Next step.
    Next,
    /// Previous step.
    Back,
    /// Change the assessment.
    Edit(Edit),
    /// Undo the last change.
    Undo,
    /// Redo.
    Redo,
    /// Switch the UI language.
    SetLang(Lang),
    /// Switch dark mode.
    SetDark(bool),
    /// Change the text size by this factor step (+1 larger, -1 smaller, 0 reset).
    Zoom(i8),
    /// Projector mode: large text and high contrast.
    SetProjector(bool),
    /// The window is asked to close.
    CloseRequested,
    /// Close without saving.
    DiscardAndClose,
    /// Save, then close.
    SaveAndClose,
    /// Leave the current assessment (with the unsaved-changes question when needed) and do this.
    Leave(Box<Self>),
    /// Leave without saving and do this.
    DiscardAndDo(Box<Self>),
    /// Save (asking for a file if needed); once saved, do this.
    SaveAndDo(Box<Self>),
    /// Close the current dialog.
    CancelDialog,
    /// The path in the file dialog was edited (the app looks it up once).
    DialogPathEdited,
    /// Restore the autosaved work.
    RestoreAutosave,
    /// Discard the autosaved work.
    DiscardAutosave,
    /// Back to the start screen.
    Home,
    /// Put text on the clipboard.
    Copy(String),
    /// Remove the message with this index.
    DismissMessage(usize),
    /// Write the PDF report to this file, in this language.
    ExportPdf(PathBuf, Lang),
    /// Choose the report language (independent of the UI language).
    SetReportLang(Lang),
    /// Open a file with the system's default program (the exported PDF).
    OpenExternal(PathBuf),
    /// Switch between the team's and the DPO's layer.
    SetMode(Mode),
    /// Apply an edit the user confirmed (one that begins a new round).
    ConfirmedEdit(Edit),
    /// Ask before clearing all answers ("Antworten zurücksetzen").
    AskReset,
    /// Start example `n` as an exercise: its case, no answers, its answers as the reference.
    StartWorkshop(usize),
    /// Compare the exercise's answers with the reference ("Auflösung zeigen").
    ShowSolution,
    /// Clear the exercise's answers and begin again ("Von vorn").
    RestartWorkshop,
    /// Ask who submits, then submit.
    Submit,
    /// Submit, by this person, today.
    SubmitAs(String),
    /// Show what changed since round N was submitted.
    ShowChangesSince(u32),
    /// Show what differs from this assessment file.
    CompareWith(PathBuf),
    /// Check this PDF report against the assessment.
    VerifyPdf(PathBuf),
    /// Write the next review date to this calendar file.
    ExportCalendar(PathBuf),
    /// Save over a file someone else changed (their version is kept as the backup).
    OverwriteSave,
    /// Show how the file on disk differs from the open assessment.
    ShowDiskChanges,
    /// Open this file although someone else holds its lock.
    OpenTakingLock(PathBuf),
}

impl Action {
    /// Whether the action changes the assessment (and so makes it unsaved).
    pub fn edits(&self) -> bool {
        matches!(
            self,
            Self::Edit(_) | Self::ConfirmedEdit(_) | Self::SubmitAs(_) | Self::Undo | Self::Redo
        )
    }
}
