//! Everything the user can do that changes the app or the assessment. Views return actions; the
//! app applies them once per frame ([`super::App::apply`]), so tests can do the same without egui.

use std::path::PathBuf;

use crate::assessment::{Decision, MeasureStatus};
use crate::risk::Level;
use crate::text::Lang;
use crate::wizard::Step;

/// A field of the metadata ("Stammdaten").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaField {
    /// Public body.
    PublicBody,
    /// Organisational unit.
    Unit,
    /// Platform.
    Platform,
    /// Account.
    Account,
    /// Purposes.
    Purposes,
    /// Target groups.
    TargetGroups,
    /// Data subjects.
    DataSubjects,
    /// Responsible person.
    Responsible,
    /// Data protection officer.
    Dpo,
    /// Platform operator.
    Operator,
    /// Third countries.
    ThirdCountries,
    /// Date of the assessment (ISO text).
    Date,
}

/// A text field of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerField {
    /// Why the answer is right.
    Justification,
    /// Where the evidence is.
    Evidence,
}

/// A change to a planned measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeasureEdit {
    /// The measure text.
    Text(String),
    /// Who is responsible.
    Owner(String),
    /// Due date as typed (ISO); invalid text leaves the date unset.
    Due(String),
    /// State.
    Status(MeasureStatus),
    /// Expected severity afterwards.
    ResidualSeverity(Option<Level>),
    /// Expected likelihood afterwards.
    ResidualLikelihood(Option<Level>),
}

impl MeasureEdit {
    /// The text field this edit types into (consecutive typing is one undo step), or `None`
    /// for a discrete choice.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Text(_) => Some("text"),
            Self::Owner(_) => Some("owner"),
            Self::Due(_) => Some("due"),
            Self::Status(_) | Self::ResidualSeverity(_) | Self::ResidualLikelihood(_) => None,
        }
    }
}

/// A change to the DPO review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewEdit {
    /// The DPO's opinion.
    Opinion(String),
    /// The decision.
    Decision(Option<Decision>),
    /// Conditions of an approval.
    Conditions(String),
    /// Why the DPO's advice was not followed.
    Deviation(String),
    /// Who decided.
    DecidedBy(String),
    /// Date of the decision (ISO text).
    DecisionDate(String),
    /// Next review (ISO text).
    NextReview(String),
}

impl ReviewEdit {
    /// The text field this edit types into, or `None` for the decision (a discrete choice).
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Opinion(_) => Some("opinion"),
            Self::Decision(_) => None,
            Self::Conditions(_) => Some("conditions"),
            Self::Deviation(_) => Some("deviation"),
            Self::DecidedBy(_) => Some("decided_by"),
            Self::DecisionDate(_) => Some("decision_date"),
            Self::NextReview(_) => Some("next_review"),
        }
    }
}

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
    /// Choose an answer.
    Answer {
        /// Question id.
        question: String,
        /// Option id (or "unbekannt").
        choice: String,
    },
    /// Edit a text field of an answer.
    AnswerText {
        /// Question id.
        question: String,
        /// Which field.
        field: AnswerField,
        /// New text.
        value: String,
    },
    /// Edit a metadata field.
    Meta(MetaField, String),
    /// Plan a measure for a finding (prefilled with the recommendation).
    PlanMeasure(String),
    /// Remove the planned measure of a finding.
    RemoveMeasure(String),
    /// Edit a planned measure.
    Measure(String, MeasureEdit),
    /// Edit the review.
    Review(ReviewEdit),
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
    Leave(Box<Action>),
    /// Leave without saving and do this.
    DiscardAndDo(Box<Action>),
    /// Save (asking for a file if needed); once saved, do this.
    SaveAndDo(Box<Action>),
    /// Close the current dialog.
    CancelDialog,
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
    /// Clear all answers (trainers: start again), undoable.
    ResetAnswers,
    /// Write the PDF report to this file, in this language.
    ExportPdf(PathBuf, Lang),
    /// Choose the report language (independent of the UI language).
    SetReportLang(Lang),
    /// Open a file with the system's default program (the exported PDF).
    OpenExternal(PathBuf),
}

impl Action {
    /// Whether the action changes the assessment (and so makes it unsaved).
    pub fn edits(&self) -> bool {
        matches!(
            self,
            Self::Answer { .. }
                | Self::AnswerText { .. }
                | Self::Meta(..)
                | Self::PlanMeasure(_)
                | Self::RemoveMeasure(_)
                | Self::Measure(..)
                | Self::Review(_)
                | Self::Undo
                | Self::Redo
                | Self::ResetAnswers
        )
    }
}
