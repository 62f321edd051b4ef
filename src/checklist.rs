//! A validated checklist: sections of questions, their answer options and findings, the sources
//! they rest on, the risk matrix, modifiers and baseline risks.
//!
//! A [`Checklist`] can only be obtained through [`load`] (parse, then [`validate`]), so the rest of
//! the program may rely on its invariants: ids are unique, every reference resolves, conditions
//! are acyclic, every level is within 1..=4, every question has a risk-free option and a finding.

pub mod load;
pub mod migrate;
pub mod policy;
pub mod schema;
pub mod synthetic;
pub mod validate;

use serde::Serialize;

use crate::choice::Choice;
use crate::ids::{FindingId, OptionId, QuestionId};
use crate::risk::{Level, Matrix};
use crate::text::{Lang, Text};

pub use load::{LoadReport, Loaded, Origin};

/// The label of [`Choice::Unknown`], which every question offers in addition to its own options.
pub fn unknown_label(lang: Lang) -> &'static str {
    crate::i18n::tr(lang).terms.unknown
}

/// An earlier version of a checklist and what changed since (see [`migrate`]).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Revision {
    /// The earlier version.
    pub version: String,
    /// Its fingerprint.
    pub fingerprint: String,
    /// Questions and baseline risks changed in the next version.
    pub changed: Vec<String>,
    /// Questions and baseline risks the next version no longer has.
    pub removed: Vec<String>,
    /// What changed.
    pub note: Option<Text>,
}

/// A validated checklist.
#[derive(Clone, Debug, Serialize)]
pub struct Checklist {
    id: String,
    version: String,
    date: String,
    title: Text,
    description: Text,
    platform: Option<String>,
    sources: Vec<Source>,
    matrix: Matrix,
    modifiers: Vec<Modifier>,
    baseline_risks: Vec<BaselineRisk>,
    sections: Vec<Section>,
    fingerprint: String,
    revisions: Vec<Revision>,
    dpia: Option<DpiaRule>,
    /// Where each question is: (section, position in it), and its number in checklist order.
    #[serde(skip)]
    index: QuestionIndex,
}

/// Questions by id, so that a look-up is not a search: conditions are followed question by
/// question, and a long chain of them would otherwise cost the square of its length.
#[derive(Clone, Debug, Default)]
struct QuestionIndex {
    by_id: std::collections::HashMap<QuestionId, (usize, usize, usize)>,
}

impl QuestionIndex {
    fn new(sections: &[Section]) -> Self {
        let mut by_id = std::collections::HashMap::new();
        let mut n = 0;
        for (si, section) in sections.iter().enumerate() {
            for (qi, q) in section.questions.iter().enumerate() {
                // The first of duplicate ids wins; validation refuses duplicates anyway.
                by_id.entry(q.id.clone()).or_insert((si, qi, n));
                n += 1;
            }
        }
        Self { by_id }
    }
}

/// Which questions are shown, by their number in checklist order
/// ([`Checklist::visibility`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visibility(Vec<bool>);

impl Visibility {
    /// Whether question number `n` (in checklist order) is shown.
    pub fn shown(&self, n: usize) -> bool {
        self.0.get(n).copied().unwrap_or(false)
    }

    /// How many questions are shown.
    pub fn count(&self) -> usize {
        self.0.iter().filter(|v| **v).count()
    }
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
    pub question: QuestionId,
    /// The answers that make the condition true.
    pub any_of: Vec<Choice>,
}

impl Condition {
    /// Whether the answer `choice` may make the condition true: one of `any_of`, or "unknown".
    ///
    /// Not knowing the answer must never score milder than a risky answer, so "unknown" is taken
    /// as if the condition might hold: its follow-up questions stay visible and its modifiers
    /// apply ([`Self::assumed`] tells the two cases apart for the user).
    pub fn admits(&self, choice: &Choice) -> bool {
        choice.is_unknown() || self.any_of.contains(choice)
    }

    /// Whether the condition is taken to hold only because the answer is "unknown" (and not one
    /// of `any_of` itself).
    pub fn assumed(&self, choice: &Choice) -> bool {
        choice.is_unknown() && !self.any_of.contains(choice)
    }
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
    /// Affected findings (question ids); empty means all findings including baseline risks.
    pub applies_to: Vec<FindingId>,
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
    pub id: FindingId,
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
    /// When it applies; always without.
    pub applies_if: Option<Condition>,
    /// The lowest residual rating measures can reach.
    pub floor: Option<Floor>,
}

/// The rule on a "no DPIA needed" answer that contradicts a result of "hohes Risiko".
///
/// Art. 35(1) GDPR requires a DPIA for a high risk: while the gross result of the other findings
/// is high, such an answer is rated with [`Self::finding`], and the finding names the
/// contradiction ([`Self::reason`]).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct DpiaRule {
    /// The question about the DPIA.
    pub question: QuestionId,
    /// Its answers that say no DPIA is needed.
    pub not_needed: Vec<Choice>,
    /// The rating of such an answer while the result is high.
    pub finding: Finding,
    /// Why the answer contradicts the result.
    pub reason: Text,
    /// Source keys.
    pub sources: Vec<String>,
}

/// The lowest residual rating that measures can reach for a baseline risk.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Floor {
    /// Severity.
    pub severity: Level,
    /// Likelihood.
    pub likelihood: Level,
    /// Source keys.
    pub sources: Vec<String>,
    /// Why.
    pub note: Text,
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
    pub id: QuestionId,
    /// How it is answered.
    pub kind: QuestionKind,
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
    /// The checklist's own options ([`Choice::Unknown`] is not among them).
    pub options: Vec<AnswerOption>,
    /// The rating of "unbekannt / nicht geprüft".
    pub unknown: Finding,
}

/// How a question is answered. Each kind decides what a valid answer is
/// ([`Question::accepts`]), what it rates ([`Question::finding_for`]) and how the front ends
/// offer it.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub enum QuestionKind {
    /// Exactly one of the options (or "unknown").
    #[default]
    SingleChoice,
}

impl Question {
    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// How `choice` reads in `lang`: the option's label, or "unknown / not checked" (an id the
    /// question does not have is shown as it is).
    pub fn choice_label(&self, choice: &Choice, lang: Lang) -> String {
        match choice {
            Choice::Unknown => unknown_label(lang).to_owned(),
            Choice::Option(id) => self
                .option(id)
                .map_or_else(|| id.to_string(), |o| o.label.get(lang).to_owned()),
        }
    }

    /// The answers offered, in order: the options, then "unknown".
    pub fn choices(&self) -> impl Iterator<Item = Choice> + '_ {
        self.options
            .iter()
            .map(|o| Choice::Option(o.id.clone()))
            .chain([Choice::Unknown])
    }

    /// Whether `choice` is a valid answer: one of the options, or "unknown".
    pub fn accepts(&self, choice: &Choice) -> bool {
        match (self.kind, choice) {
            (_, Choice::Unknown) => true,
            (QuestionKind::SingleChoice, Choice::Option(id)) => self.option(id).is_some(),
        }
    }

    /// The finding that `choice` produces, if any ("unknown" always produces one).
    pub fn finding_for(&self, choice: &Choice) -> Option<&Finding> {
        match (self.kind, choice) {
            (_, Choice::Unknown) => Some(&self.unknown),
            (QuestionKind::SingleChoice, Choice::Option(id)) => {
                self.option(id).and_then(|o| o.finding.as_ref())
            }
        }
    }
}

/// One answer option.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct AnswerOption {
    /// Id unique within the question.
    pub id: OptionId,
    /// Label.
    pub label: Text,
    /// The finding when chosen.
    pub finding: Option<Finding>,
    /// The fact of the rating policy it expresses ([`policy`]), if any.
    pub fact: Option<String>,
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

    /// The platform new assessments are prefilled with, if the checklist is about one.
    pub fn platform(&self) -> Option<&str> {
        self.platform.as_deref()
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

    /// Earlier versions, oldest first, each with what changed in the version after it.
    pub fn revisions(&self) -> &[Revision] {
        &self.revisions
    }

    /// The rule on "no DPIA needed" answers, if the checklist has one.
    pub fn dpia(&self) -> Option<&DpiaRule> {
        self.dpia.as_ref()
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
        let (si, qi, _) = *self.index.by_id.get(id)?;
        self.sections.get(si)?.questions.get(qi)
    }

    /// The number of the question with this id in checklist order (0-based).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.by_id.get(id).map(|(_, _, n)| *n)
    }

    /// Which questions are shown for the answers given by `answer_of`, in checklist order (the
    /// same order as [`Self::questions`]). One pass over the questions: each condition's answer
    /// is looked up once, however long the chains of conditions are.
    pub fn visibility<'a>(&self, answer_of: &impl Fn(&str) -> Option<&'a Choice>) -> Visibility {
        let questions: Vec<&Question> = self.questions().map(|(_, q)| q).collect();
        let mut known: Vec<Option<bool>> = vec![None; questions.len()];
        let mut on_path = vec![false; questions.len()];
        let mut pending = Vec::new();
        for start in 0..questions.len() {
            // Walk up the chain to a question whose visibility is known (or a root), then settle
            // the chain from the top down. Validation rules out cycles; should one slip through,
            // the walk stops when it meets a question already on it (and that chain is hidden).
            let mut at = start;
            while known[at].is_none() && !on_path[at] {
                on_path[at] = true;
                pending.push(at);
                match questions[at]
                    .show_if
                    .as_ref()
                    .and_then(|c| self.position(&c.question))
                {
                    Some(parent) => at = parent,
                    None => break,
                }
            }
            while let Some(q) = pending.pop() {
                on_path[q] = false;
                let shown = match &questions[q].show_if {
                    None => true,
                    Some(c) => self.position(&c.question).is_some_and(|parent| {
                        known[parent] == Some(true)
                            && answer_of(&c.question).is_some_and(|a| c.admits(a))
                    }),
                };
                known[q] = Some(shown);
            }
        }
        Visibility(known.into_iter().map(|v| v == Some(true)).collect())
    }

    /// Builds the index of `sections` (validation does, once).
    fn indexed(mut self) -> Self {
        self.index = QuestionIndex::new(&self.sections);
        self
    }

    /// Whether `condition` holds for the answers given by `answer_of` (question id → choice);
    /// "unknown" counts as holding ([`Condition::admits`]).
    ///
    /// A condition on a question that is itself hidden never holds, so a stale answer to a hidden
    /// question cannot reveal further questions.
    pub fn holds<'a>(
        &self,
        condition: &Condition,
        answer_of: &impl Fn(&str) -> Option<&'a Choice>,
    ) -> bool {
        let Some(target) = self.question(&condition.question) else {
            return false;
        };
        answer_of(&condition.question).is_some_and(|choice| condition.admits(choice))
            && self.is_visible(target, answer_of)
    }

    /// The trigger question of `modifier` when the modifier applies only because that answer is
    /// "unknown" (see [`Condition::admits`]).
    pub fn modifier_assumed<'a, 'c>(
        &self,
        modifier: &'c Modifier,
        answer_of: &impl Fn(&str) -> Option<&'a Choice>,
    ) -> Option<&'c str> {
        answer_of(&modifier.when.question)
            .is_some_and(|a| modifier.when.assumed(a))
            .then_some(modifier.when.question.as_str())
    }

    /// The question whose "unknown" answer alone shows `question` (a condition up its chain that
    /// holds only as an assumption, see [`Condition::admits`]), so that the app and the report
    /// can say why it is shown.
    pub fn shown_by_unknown<'a, 'c>(
        &'c self,
        question: &'c Question,
        answer_of: &impl Fn(&str) -> Option<&'a Choice>,
    ) -> Option<&'c QuestionId> {
        let mut q = question;
        for _ in 0..=self.question_count() {
            let c = q.show_if.as_ref()?;
            if answer_of(&c.question).is_some_and(|a| c.assumed(a)) {
                return Some(&c.question);
            }
            q = self.question(&c.question)?;
        }
        None
    }

    /// Whether `question` is shown for these answers: every condition up its chain holds. The
    /// chain is followed in a loop, not by recursion, so no length of it can exhaust the stack;
    /// a cycle (which validation refuses) counts as hidden.
    pub fn is_visible<'a>(
        &self,
        question: &Question,
        answer_of: &impl Fn(&str) -> Option<&'a Choice>,
    ) -> bool {
        let mut q = question;
        for _ in 0..=self.question_count() {
            let Some(c) = &q.show_if else { return true };
            let answered = answer_of(&c.question).is_some_and(|a| c.admits(a));
            match self.question(&c.question) {
                Some(parent) if answered => q = parent,
                _ => return false,
            }
        }
        false
    }
}
