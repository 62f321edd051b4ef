//! A validated checklist: sections of questions, their answer options and findings, the sources
//! they rest on, the risk matrix, modifiers and baseline risks.
//!
//! A [`Checklist`] can only be obtained through [`load`] (parse, then [`validate`]), so the rest of
//! the program may rely on its invariants: ids are unique, every reference resolves, conditions
//! are acyclic, every level is within 1..=4, every question has a risk-free option and a finding.

pub mod load;
pub mod schema;
pub mod validate;

use serde::Serialize;

use crate::risk::{Level, Matrix};
use crate::text::{Lang, Text};

pub use load::{LoadReport, Loaded, Origin};

/// The option id that every question offers in addition to its own: "unbekannt / nicht geprüft".
pub const UNKNOWN: &str = "unbekannt";

/// The label of the [`UNKNOWN`] option.
pub fn unknown_label(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "unbekannt / nicht geprüft",
        Lang::En => "unknown / not checked",
    }
}

/// A validated checklist.
#[derive(Clone, Debug, Serialize)]
pub struct Checklist {
    id: String,
    version: String,
    date: String,
    title: Text,
    description: Text,
    sources: Vec<Source>,
    matrix: Matrix,
    modifiers: Vec<Modifier>,
    baseline_risks: Vec<BaselineRisk>,
    sections: Vec<Section>,
    fingerprint: String,
}

/// A cited source.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Source {
    /// Key used in citations.
    pub key: String,
    /// Title of the document.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Where to read it.
    pub url: String,
    /// Publication date or state.
    pub date: String,
    /// What is relied on and what is unverified.
    pub note: Option<Text>,
}

/// A condition on another question's answer.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Condition {
    /// The question whose answer decides.
    pub question: String,
    /// Option ids that make the condition true.
    pub any_of: Vec<String>,
}

/// A rule that changes the rating of findings while its condition holds.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Modifier {
    /// Unique id.
    pub id: String,
    /// Short name.
    pub label: Text,
    /// Why the rating changes.
    pub reason: Text,
    /// When it applies.
    pub when: Condition,
    /// Added to severity.
    pub severity: i8,
    /// Added to likelihood.
    pub likelihood: i8,
    /// Affected question ids; empty means all findings including baseline risks.
    pub applies_to: Vec<String>,
    /// Source keys.
    pub sources: Vec<String>,
}

impl Modifier {
    /// Whether the modifier affects the finding with this id.
    pub fn affects(&self, finding_id: &str) -> bool {
        self.applies_to.is_empty() || self.applies_to.iter().any(|id| id == finding_id)
    }
}

/// A platform risk that no answer removes.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct BaselineRisk {
    /// Unique id.
    pub id: String,
    /// Short name.
    pub title: Text,
    /// What happens.
    pub description: Text,
    /// Severity.
    pub severity: Level,
    /// Likelihood.
    pub likelihood: Level,
    /// Legal references.
    pub legal: Vec<String>,
    /// Source keys.
    pub sources: Vec<String>,
    /// What the body can do.
    pub measure: Text,
}

/// A group of questions.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Section {
    /// Unique id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Questions in order.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Question {
    /// Unique id.
    pub id: String,
    /// The question.
    pub text: Text,
    /// Why it matters.
    pub why: Text,
    /// How to find the answer in practice.
    pub hint: Option<Text>,
    /// Legal references.
    pub legal: Vec<String>,
    /// Source keys.
    pub sources: Vec<String>,
    /// Shown only when this holds.
    pub show_if: Option<Condition>,
    /// The checklist's own options ([`UNKNOWN`] is not among them).
    pub options: Vec<AnswerOption>,
    /// The rating of "unbekannt / nicht geprüft".
    pub unknown: Finding,
}

impl Question {
    /// The option with this id; [`UNKNOWN`] is not an option here.
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// Whether `choice` is a valid answer: one of the options, or [`UNKNOWN`].
    pub fn accepts(&self, choice: &str) -> bool {
        choice == UNKNOWN || self.option(choice).is_some()
    }

    /// The finding that `choice` produces, if any ([`UNKNOWN`] always produces one).
    pub fn finding_for(&self, choice: &str) -> Option<&Finding> {
        if choice == UNKNOWN {
            return Some(&self.unknown);
        }
        self.option(choice).and_then(|o| o.finding.as_ref())
    }
}

/// One answer option.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct AnswerOption {
    /// Id unique within the question.
    pub id: String,
    /// Label.
    pub label: Text,
    /// The finding when chosen.
    pub finding: Option<Finding>,
}

/// The rating of a risky answer.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Finding {
    /// Severity.
    pub severity: Level,
    /// Likelihood.
    pub likelihood: Level,
    /// Reason, when this answer alone makes the result "hohes Risiko".
    pub knockout: Option<Text>,
    /// Recommended measure.
    pub measure: Text,
}

impl Checklist {
    /// Stable id (e.g. `tiktok`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Content version.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Date the sources were last checked (`YYYY-MM-DD`).
    pub fn date(&self) -> &str {
        &self.date
    }

    /// Title.
    pub fn title(&self) -> &Text {
        &self.title
    }

    /// Description.
    pub fn description(&self) -> &Text {
        &self.description
    }

    /// All sources.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source with this key.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.key == key)
    }

    /// The risk matrix.
    pub fn matrix(&self) -> &Matrix {
        &self.matrix
    }

    /// The modifiers.
    pub fn modifiers(&self) -> &[Modifier] {
        &self.modifiers
    }

    /// The baseline risks.
    pub fn baseline_risks(&self) -> &[BaselineRisk] {
        &self.baseline_risks
    }

    /// The sections in order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// SHA-256 (hex) of the checklist's parsed content; comments and layout do not change it.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Every question in order, with the index of its section.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.questions.iter().map(move |q| (i, q)))
    }

    /// Number of questions.
    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    /// Whether `condition` holds for the answers given by `answer_of` (question id → option id).
    ///
    /// A condition on a question that is itself hidden never holds, so a stale answer to a hidden
    /// question cannot reveal further questions.
    pub fn holds<'a>(
        &self,
        condition: &Condition,
        answer_of: &impl Fn(&str) -> Option<&'a str>,
    ) -> bool {
        let Some(target) = self.question(&condition.question) else {
            return false;
        };
        self.is_visible(target, answer_of)
            && answer_of(&condition.question)
                .is_some_and(|choice| condition.any_of.iter().any(|o| o == choice))
    }

    /// Whether `question` is shown for these answers. Validation guarantees the recursion ends.
    pub fn is_visible<'a>(
        &self,
        question: &Question,
        answer_of: &impl Fn(&str) -> Option<&'a str>,
    ) -> bool {
        match &question.show_if {
            None => true,
            Some(condition) => self.holds(condition, answer_of),
        }
    }
}
