//! Edits of an assessment as values: what the user changed (an answer, a text, a measure field, a
//! review field), with typed dates.
//!
//! The walkthrough ([`crate::wizard::Wizard::apply`]) applies them and keeps them undoable; every
//! front end sends the same values.

use time::Date;

use crate::assessment::{Assessment, Decision, MeasureStatus, Metadata};
use crate::choice::Choice;
use crate::ids::{FindingId, QuestionId};
use crate::review::Verdict;
use crate::risk::Level;
use crate::text::Lang;

/// A text field of the metadata ("Stammdaten").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
}

impl MetaField {
    /// Every text field, in the order of the form.
    pub const ALL: [Self; 11] = [
        Self::PublicBody,
        Self::Unit,
        Self::Platform,
        Self::Account,
        Self::Purposes,
        Self::TargetGroups,
        Self::DataSubjects,
        Self::Operator,
        Self::ThirdCountries,
        Self::Responsible,
        Self::Dpo,
    ];

    /// The field's value in `m`.
    pub fn get(self, m: &Metadata) -> &str {
        match self {
            Self::PublicBody => &m.public_body,
            Self::Unit => &m.unit,
            Self::Platform => &m.platform,
            Self::Account => &m.account,
            Self::Purposes => &m.purposes,
            Self::TargetGroups => &m.target_groups,
            Self::DataSubjects => &m.data_subjects,
            Self::Responsible => &m.responsible,
            Self::Dpo => &m.dpo,
            Self::Operator => &m.operator,
            Self::ThirdCountries => &m.third_countries,
        }
    }

    fn get_mut(self, m: &mut Metadata) -> &mut String {
        match self {
            Self::PublicBody => &mut m.public_body,
            Self::Unit => &mut m.unit,
            Self::Platform => &mut m.platform,
            Self::Account => &mut m.account,
            Self::Purposes => &mut m.purposes,
            Self::TargetGroups => &mut m.target_groups,
            Self::DataSubjects => &mut m.data_subjects,
            Self::Responsible => &mut m.responsible,
            Self::Dpo => &mut m.dpo,
            Self::Operator => &mut m.operator,
            Self::ThirdCountries => &mut m.third_countries,
        }
    }

    /// Its name in the file (`public_body`), for messages and the comparison of two files.
    pub fn key(self) -> &'static str {
        match self {
            Self::PublicBody => "public_body",
            Self::Unit => "unit",
            Self::Platform => "platform",
            Self::Account => "account",
            Self::Purposes => "purposes",
            Self::TargetGroups => "target_groups",
            Self::DataSubjects => "data_subjects",
            Self::Responsible => "responsible",
            Self::Dpo => "dpo",
            Self::Operator => "operator",
            Self::ThirdCountries => "third_countries",
        }
    }

    /// Whether a complete assessment needs it.
    pub fn required(self) -> bool {
        matches!(
            self,
            Self::PublicBody
                | Self::Unit
                | Self::Platform
                | Self::Account
                | Self::Purposes
                | Self::Responsible
                | Self::Dpo
        )
    }

    /// Whether it takes several lines.
    pub fn multiline(self) -> bool {
        matches!(
            self,
            Self::Purposes | Self::TargetGroups | Self::DataSubjects
        )
    }
}

/// A text field of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// Due date.
    Due(Option<Date>),
    /// State.
    Status(MeasureStatus),
    /// Expected severity afterwards.
    ResidualSeverity(Option<Level>),
    /// Expected likelihood afterwards.
    ResidualLikelihood(Option<Level>),
    /// Why the measure lowers the rating as far as it does.
    Reason(String),
}

/// A change to the DPO's review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewEdit {
    /// The DPO's opinion.
    Opinion(String),
    /// Who wrote the opinion.
    OpinionBy(String),
    /// Date of the opinion.
    OpinionDate(Option<Date>),
    /// The decision (taken on the submitted content, or withdrawn with `None`).
    Decision(Option<Decision>),
    /// Conditions of an approval.
    Conditions(String),
    /// Why the DPO's advice was not followed.
    Deviation(String),
    /// Who decided.
    DecidedBy(String),
    /// Date of the decision.
    DecisionDate(Option<Date>),
    /// Next review.
    NextReview(Option<Date>),
}

/// A change to the DPO's verdict on one finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerdictEdit {
    /// The verdict.
    Verdict(Option<Verdict>),
    /// The comment.
    Comment(String),
}

/// Which layer of the file an edit changes (see [`crate::review`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// The team's: metadata, answers, measures. Frozen while submitted or decided: changing it
    /// then starts a new round.
    Team,
    /// The DPO's: verdicts, opinion, decision, next review. Open only after a submission.
    Dpo,
    /// The lifecycle itself (submit, new round) or everything at once (reset).
    Lifecycle,
}

/// One change to an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Choose an answer.
    Answer {
        /// Question id.
        question: QuestionId,
        /// What is chosen.
        choice: Choice,
    },
    /// Confirm an answer marked to check again after a checklist update.
    ConfirmAnswer(QuestionId),
    /// Edit a text field of an answer.
    AnswerText {
        /// Question id.
        question: QuestionId,
        /// Which field.
        field: AnswerField,
        /// New text.
        value: String,
    },
    /// Edit a metadata text field.
    Meta(MetaField, String),
    /// Set the date of the assessment.
    MetaDate(Option<Date>),
    /// Plan a measure for a finding, prefilled with the checklist's recommendation in `lang`
    /// and the finding's gross levels (which the user then lowers to what it achieves).
    PlanMeasure {
        /// Finding id.
        finding: FindingId,
        /// Language of the prefilled text.
        lang: Lang,
    },
    /// Remove the planned measure of a finding.
    RemoveMeasure(FindingId),
    /// Edit a planned measure.
    Measure(FindingId, MeasureEdit),
    /// Edit the review.
    Review(ReviewEdit),
    /// Edit the DPO's verdict on a finding.
    Verdict(FindingId, VerdictEdit),
    /// Submit the team's layer to the DPO.
    Submit {
        /// Who submits.
        by: String,
        /// When.
        date: Option<Date>,
    },
    /// Close the current round and begin the next (the team revises).
    NewRound,
    /// Clear all answers, measures and the review (trainers: start again); metadata stays.
    ResetAnswers,
}

/// Which part of the assessment an edit touched; consecutive edits of the same text field
/// (typing) form one undo step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoKey {
    /// A choice (an answer, a status, a level): always its own undo step.
    Discrete,
    /// Typing into one text field.
    Field(String),
}

impl Edit {
    /// How this edit joins the undo history.
    pub fn undo_key(&self) -> UndoKey {
        let field = |name: String| UndoKey::Field(name);
        match self {
            Self::AnswerText {
                question, field: f, ..
            } => field(format!("answer/{question}/{f:?}")),
            Self::Meta(f, _) => field(format!("meta/{f:?}")),
            Self::Measure(id, MeasureEdit::Text(_)) => field(format!("measure/{id}/text")),
            Self::Measure(id, MeasureEdit::Owner(_)) => field(format!("measure/{id}/owner")),
            Self::Measure(id, MeasureEdit::Reason(_)) => field(format!("measure/{id}/reason")),
            Self::Verdict(id, VerdictEdit::Comment(_)) => field(format!("verdict/{id}/comment")),
            Self::Review(edit) => match edit {
                ReviewEdit::Opinion(_) => field("review/opinion".into()),
                ReviewEdit::OpinionBy(_) => field("review/opinion_by".into()),
                ReviewEdit::Conditions(_) => field("review/conditions".into()),
                ReviewEdit::Deviation(_) => field("review/deviation".into()),
                ReviewEdit::DecidedBy(_) => field("review/decided_by".into()),
                ReviewEdit::Decision(_)
                | ReviewEdit::OpinionDate(_)
                | ReviewEdit::DecisionDate(_)
                | ReviewEdit::NextReview(_) => UndoKey::Discrete,
            },
            Self::Verdict(_, VerdictEdit::Verdict(_))
            | Self::Submit { .. }
            | Self::NewRound
            | Self::ConfirmAnswer(_)
            | Self::Answer { .. }
            | Self::MetaDate(_)
            | Self::PlanMeasure { .. }
            | Self::RemoveMeasure(_)
            | Self::Measure(..)
            | Self::ResetAnswers => UndoKey::Discrete,
        }
    }

    /// Which layer it changes.
    pub fn layer(&self) -> Layer {
        match self {
            Self::Answer { .. }
            | Self::ConfirmAnswer(_)
            | Self::AnswerText { .. }
            | Self::Meta(..)
            | Self::MetaDate(_)
            | Self::PlanMeasure { .. }
            | Self::RemoveMeasure(_)
            | Self::Measure(..) => Layer::Team,
            Self::Review(_) | Self::Verdict(..) => Layer::Dpo,
            Self::Submit { .. } | Self::NewRound | Self::ResetAnswers => Layer::Lifecycle,
        }
    }

    /// Applies the edits that need nothing but the assessment, ignoring the lifecycle (which
    /// [`crate::wizard::Wizard::apply`] enforces). `Answer` and `PlanMeasure` need the checklist,
    /// and the lifecycle edits its rules; here they change nothing.
    pub fn apply_to(self, a: &mut Assessment) {
        match self {
            Self::AnswerText {
                question,
                field,
                value,
            } => {
                let answer = a.answers.entry(question).or_default();
                match field {
                    AnswerField::Justification => answer.justification = value,
                    AnswerField::Evidence => answer.evidence = value,
                }
            }
            Self::ConfirmAnswer(question) => {
                if let Some(answer) = a.answers.get_mut(&question) {
                    answer.recheck = false;
                }
            }
            Self::Meta(field, value) => *field.get_mut(&mut a.metadata) = value,
            Self::MetaDate(date) => a.metadata.date = date,
            Self::RemoveMeasure(id) => {
                a.measures.remove(&id);
            }
            Self::Measure(id, edit) => {
                let m = a.measures.entry(id).or_default();
                match edit {
                    MeasureEdit::Text(t) => m.text = t,
                    MeasureEdit::Owner(t) => m.owner = t,
                    MeasureEdit::Due(d) => m.due = d,
                    MeasureEdit::Status(s) => m.status = s,
                    MeasureEdit::ResidualSeverity(l) => m.residual_severity = l,
                    MeasureEdit::ResidualLikelihood(l) => m.residual_likelihood = l,
                    MeasureEdit::Reason(t) => m.reason = t,
                }
            }
            Self::Review(edit) => {
                let r = &mut a.review.round;
                match edit {
                    ReviewEdit::Opinion(t) => r.dpo_opinion = t,
                    ReviewEdit::OpinionBy(t) => r.opinion_by = t,
                    ReviewEdit::OpinionDate(d) => r.opinion_date = d,
                    ReviewEdit::Decision(d) => r.decision = d,
                    ReviewEdit::Conditions(t) => r.conditions = t,
                    ReviewEdit::Deviation(t) => r.deviation_reason = t,
                    ReviewEdit::DecidedBy(t) => r.decided_by = t,
                    ReviewEdit::DecisionDate(d) => r.decision_date = d,
                    ReviewEdit::NextReview(d) => a.review.next_review = d,
                }
            }
            Self::Verdict(id, edit) => {
                let entry = a.review.round.verdicts.entry(id.clone()).or_default();
                match edit {
                    VerdictEdit::Verdict(v) => entry.verdict = v,
                    VerdictEdit::Comment(c) => entry.comment = c,
                }
                if entry.is_empty() {
                    a.review.round.verdicts.remove(&id);
                }
            }
            Self::ResetAnswers => {
                a.answers.clear();
                a.measures.clear();
                a.review = Default::default();
            }
            Self::Submit { .. }
            | Self::NewRound
            | Self::Answer { .. }
            | Self::PlanMeasure { .. } => {}
        }
    }
}
