//! An assessment: the answers, justifications and planned measures for one channel, checked
//! against one version of one checklist.
//!
//! This is the content of an assessment file (see [`crate::store`] for reading and writing it).
//! It refers to its checklist by id, version and fingerprint, and never silently accepts a
//! different one: [`Assessment::check_against`] reports any mismatch.

pub mod unique;
pub mod v1;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::checklist::Checklist;
use crate::choice::Choice;
use crate::diagnostics::ron_path::Step;
use crate::edit::MetaField;
use crate::ids::{FindingId, QuestionId};
use crate::risk::Level;

pub use crate::review::{Decision, Review};

/// The assessment file format version written by this program.
///
/// Kept separate from the crate version: a new release need not change the file format.
/// Format 2 added the DPO's layer with rounds ([`crate::review`]); format 1 files are read and
/// upgraded ([`v1`]).
pub const FORMAT_VERSION: u32 = 2;

/// The file extension of assessment files (without the dot): their own, so that the installer
/// can associate it with the app. The content is RON; files named `.ron` open just the same.
pub const FILE_EXTENSION: &str = "pcheck";

/// One assessment.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Assessment")]
pub struct Assessment {
    /// File format version ([`FORMAT_VERSION`] when written by this program).
    pub format_version: u32,
    /// The checklist the answers belong to.
    pub checklist: ChecklistRef,
    /// Who assesses which channel ("Stammdaten").
    #[serde(default)]
    pub metadata: Metadata,
    /// Answers by question id (a question answered twice in the file is refused).
    #[serde(default, deserialize_with = "unique::deserialize")]
    pub answers: BTreeMap<QuestionId, Answer>,
    /// Planned measures by finding id (a question id or a baseline risk id).
    #[serde(default, deserialize_with = "unique::deserialize")]
    pub measures: BTreeMap<FindingId, Measure>,
    /// The DPO's layer: status, verdicts, opinion, decision and earlier rounds.
    #[serde(default)]
    pub review: Review,
}

/// Identifies the checklist version an assessment was made with.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Checklist")]
pub struct ChecklistRef {
    /// Checklist id.
    pub id: String,
    /// Checklist version.
    pub version: String,
    /// The checklist's fingerprint (SHA-256 of its content).
    pub fingerprint: String,
}

/// The channel and the people responsible for it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default, rename = "Metadata")]
pub struct Metadata {
    /// Public body ("Stadt Musterstadt").
    pub public_body: String,
    /// Organisational unit ("Pressestelle").
    pub unit: String,
    /// Platform ("`TikTok`").
    pub platform: String,
    /// Account name or handle ("@musterstadt").
    pub account: String,
    /// Purposes of the channel.
    pub purposes: String,
    /// Target groups.
    pub target_groups: String,
    /// Categories of data subjects (visitors, followers, commenters, people shown, staff).
    pub data_subjects: String,
    /// Person responsible for the channel.
    pub responsible: String,
    /// Data protection officer consulted.
    pub dpo: String,
    /// The companies behind the platform (operator, parent company).
    pub operator: String,
    /// Third countries to which the platform transfers data, as far as known.
    pub third_countries: String,
    /// Date of the assessment.
    #[serde(with = "crate::dates::iso_date::option")]
    pub date: Option<Date>,
}

/// A field a complete assessment needs and that is empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingField {
    /// A text field.
    Text(MetaField),
    /// The date of the assessment.
    Date,
}

impl MissingField {
    /// Its short name in `lang`.
    pub fn name(self, lang: crate::text::Lang) -> &'static str {
        let labels = &crate::i18n::tr(lang).terms.meta;
        match self {
            Self::Text(field) => labels.of(field).name,
            Self::Date => labels.date.name,
        }
    }
}

impl Metadata {
    /// The required fields that are empty, in the order of the form.
    pub fn missing(&self) -> Vec<MissingField> {
        let mut missing: Vec<MissingField> = MetaField::ALL
            .into_iter()
            .filter(|f| f.required() && f.get(self).trim().is_empty())
            .map(MissingField::Text)
            .collect();
        if self.date.is_none() {
            missing.push(MissingField::Date);
        }
        missing
    }

    /// The names of [`Self::missing`] in `lang`, joined by commas.
    pub fn missing_names(&self, lang: crate::text::Lang) -> String {
        self.missing()
            .iter()
            .map(|f| f.name(lang))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The answer to one question.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Answer")]
pub struct Answer {
    /// What was chosen; `None` while only a justification or evidence is written.
    #[serde(with = "crate::choice::optional")]
    pub choice: Option<Choice>,
    /// Why this answer is right.
    #[serde(default)]
    pub justification: String,
    /// Where the evidence is (documents, dated screenshots).
    #[serde(default)]
    pub evidence: String,
    /// The question changed since the answer was given (a migration to a newer checklist
    /// version): to check again. Written only when set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recheck: bool,
}

/// The state of a planned measure.
#[derive(
    Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
pub enum MeasureStatus {
    /// Decided but not started.
    #[default]
    Geplant,
    /// Being implemented.
    InUmsetzung,
    /// Done.
    Umgesetzt,
    /// Decided against (the risk is accepted as it is).
    Verworfen,
}

impl MeasureStatus {
    /// All states in workflow order.
    pub const ALL: [Self; 4] = [
        Self::Geplant,
        Self::InUmsetzung,
        Self::Umgesetzt,
        Self::Verworfen,
    ];

    /// Display name.
    pub fn name(self, lang: crate::text::Lang) -> &'static str {
        crate::i18n::tr(lang).terms.status(self)
    }
}

/// A measure planned against a finding.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Measure")]
pub struct Measure {
    /// What will be done (defaults to the checklist's recommendation in the app).
    #[serde(default)]
    pub text: String,
    /// Who is responsible.
    #[serde(default)]
    pub owner: String,
    /// By when.
    #[serde(default, with = "crate::dates::iso_date::option")]
    pub due: Option<Date>,
    /// State.
    #[serde(default)]
    pub status: MeasureStatus,
    /// Expected severity once the measure is in place.
    #[serde(default)]
    pub residual_severity: Option<Level>,
    /// Expected likelihood once the measure is in place.
    #[serde(default)]
    pub residual_likelihood: Option<Level>,
    /// Why the measure lowers the rating as far as it does: required when it lowers severity and
    /// likelihood by two or more levels together. Written only when set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// Why an assessment does not fit a checklist.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Mismatch {
    /// It was made for another checklist.
    #[error("the assessment belongs to checklist `{found}`, not `{expected}`")]
    OtherChecklist {
        /// The checklist at hand.
        expected: String,
        /// The id in the assessment.
        found: String,
    },
    /// Same checklist, other version.
    #[error(
        "the assessment was made with checklist `{id}` version {found}, but version {expected} is loaded \
         and does not list {found} among its earlier versions, so the answers cannot be carried over"
    )]
    OtherVersion {
        /// Checklist id.
        id: String,
        /// Version at hand.
        expected: String,
        /// Version in the assessment.
        found: String,
    },
    /// Same version number, different content.
    #[error(
        "the assessment was made with a different content of checklist `{id}` {version} \
         (fingerprint {found_short} instead of {expected_short}); the checklist was changed without a new version"
    )]
    OtherContent {
        /// Checklist id.
        id: String,
        /// Version.
        version: String,
        /// Short fingerprint at hand.
        expected_short: String,
        /// Short fingerprint in the assessment.
        found_short: String,
    },
    /// An answer names a question the checklist does not have.
    #[error("answer to the unknown question `{}`", crate::text::printable(.0.as_str()))]
    UnknownQuestion(QuestionId),
    /// An answer names an option the question does not have.
    #[error("question `{}` has no option `{}`", crate::text::printable(question.as_str()), crate::text::printable(&choice.to_string()))]
    UnknownOption {
        /// Question id.
        question: QuestionId,
        /// The choice.
        choice: Choice,
    },
    /// A measure names no finding of the checklist.
    #[error("measure for `{}`, which is neither a question nor a baseline risk", crate::text::printable(.0.as_str()))]
    UnknownFinding(FindingId),
    /// A verdict names no finding of the checklist.
    #[error("verdict on `{}`, which is neither a question nor a baseline risk", crate::text::printable(finding.as_str()))]
    UnknownVerdict {
        /// The round's place in the history; `None` for the current round.
        earlier: Option<usize>,
        /// The finding id.
        finding: FindingId,
    },
}

impl Mismatch {
    /// Where in the assessment file the element that does not fit is written, for
    /// [`crate::diagnostics::ron_path::find`].
    pub fn steps(&self) -> Vec<Step<'_>> {
        match self {
            Self::OtherChecklist { .. } => vec![Step::Field("checklist"), Step::Field("id")],
            Self::OtherVersion { .. } => vec![Step::Field("checklist"), Step::Field("version")],
            Self::OtherContent { .. } => {
                vec![Step::Field("checklist"), Step::Field("fingerprint")]
            }
            Self::UnknownQuestion(id) => vec![Step::Field("answers"), Step::Key(id.as_str())],
            Self::UnknownOption { question, .. } => vec![
                Step::Field("answers"),
                Step::Key(question.as_str()),
                Step::Field("choice"),
            ],
            Self::UnknownFinding(id) => vec![Step::Field("measures"), Step::Key(id.as_str())],
            Self::UnknownVerdict { earlier, finding } => {
                let mut steps = vec![Step::Field("review")];
                match earlier {
                    Some(i) => steps.extend([Step::Field("history"), Step::Index(*i)]),
                    None => steps.push(Step::Field("round")),
                }
                steps.extend([Step::Field("verdicts"), Step::Key(finding.as_str())]);
                steps
            }
        }
    }
}

impl Assessment {
    /// An empty assessment for `checklist`.
    pub fn new(checklist: &Checklist) -> Self {
        // The platform is prefilled where the checklist is about one (TikTok).
        Self {
            format_version: FORMAT_VERSION,
            checklist: ChecklistRef {
                id: checklist.id().to_owned(),
                version: checklist.version().to_owned(),
                fingerprint: checklist.fingerprint().to_owned(),
            },
            metadata: Metadata {
                platform: checklist.platform().unwrap_or_default().to_owned(),
                ..Metadata::default()
            },
            answers: BTreeMap::new(),
            measures: BTreeMap::new(),
            review: Review::default(),
        }
    }

    /// What was chosen for `question`, if it is answered.
    pub fn choice(&self, question: &str) -> Option<&Choice> {
        self.answers.get(question).and_then(|a| a.choice.as_ref())
    }

    /// Every way in which this assessment does not fit `checklist` (empty when it fits).
    pub fn check_against(&self, checklist: &Checklist) -> Vec<Mismatch> {
        let r = &self.checklist;
        if r.id != checklist.id() {
            return vec![Mismatch::OtherChecklist {
                expected: checklist.id().into(),
                found: r.id.clone(),
            }];
        }
        if r.version != checklist.version() {
            return vec![Mismatch::OtherVersion {
                id: r.id.clone(),
                expected: checklist.version().into(),
                found: r.version.clone(),
            }];
        }
        if r.fingerprint != checklist.fingerprint() {
            return vec![Mismatch::OtherContent {
                id: r.id.clone(),
                version: r.version.clone(),
                expected_short: distinguishing(checklist.fingerprint(), &r.fingerprint),
                found_short: distinguishing(&r.fingerprint, checklist.fingerprint()),
            }];
        }
        let mut out = Vec::new();
        for (id, answer) in &self.answers {
            match checklist.question(id) {
                None => out.push(Mismatch::UnknownQuestion(id.clone())),
                Some(q) => {
                    if let Some(choice) = answer.choice.as_ref().filter(|c| !q.accepts(c)) {
                        out.push(Mismatch::UnknownOption {
                            question: id.clone(),
                            choice: choice.clone(),
                        });
                    }
                }
            }
        }
        let known = |id: &str| {
            checklist.question(id).is_some()
                || checklist.baseline_risks().iter().any(|b| b.id == id)
        };
        for id in self.measures.keys().filter(|id| !known(id)) {
            out.push(Mismatch::UnknownFinding(id.clone()));
        }
        let rounds = self
            .review
            .history
            .iter()
            .enumerate()
            .map(|(i, r)| (Some(i), r))
            .chain([(None, &self.review.round)]);
        for (earlier, round) in rounds {
            for finding in round.verdicts.keys().filter(|id| !known(id)) {
                out.push(Mismatch::UnknownVerdict {
                    earlier,
                    finding: finding.clone(),
                });
            }
        }
        out
    }

    /// SHA-256 (lowercase hex) of the assessment's canonical content: its JSON form, whose maps
    /// are `BTreeMap`s and so always in the same order. Any change to an answer, a measure, the
    /// metadata or the review changes it; formatting and comments in the file do not, so it is
    /// not the SHA-256 of the file's bytes. Reports print it as the "Prüf-ID" and carry it in their
    /// metadata, so that a paper copy or a PDF can be matched to the file it came from
    /// ([`crate::verify`]).
    pub fn fingerprint(&self) -> String {
        canonical_hash(self)
    }

    /// The fingerprint of the team's layer alone (checklist, metadata, answers, measures; see
    /// [`crate::review::Snapshot`]): what a submission and a decision record.
    pub fn team_fingerprint(&self) -> String {
        crate::review::Snapshot::of(self).fingerprint()
    }

    /// Whether `question` is answered "unbekannt / nicht geprüft".
    pub fn is_unknown(&self, question: &str) -> bool {
        self.choice(question).is_some_and(Choice::is_unknown)
    }
}

/// SHA-256 (lowercase hex) of the JSON form of `value`, whose maps are ordered: the same content
/// always gives the same hash.
pub(crate) fn canonical_hash(value: &impl Serialize) -> String {
    use sha2::{Digest as _, Sha256};
    // Serialising plain structs, strings and BTreeMaps to JSON cannot fail.
    let canonical = serde_json::to_vec(value).unwrap_or_default();
    crate::checklist::validate::hex(&Sha256::digest(&canonical))
}

/// `fingerprint` shortened as [`short`] does, but long enough to differ from `other` where the
/// two share their first 12 digits (then the digits up to and including the first that differs).
pub fn distinguishing(fingerprint: &str, other: &str) -> String {
    let common = fingerprint
        .chars()
        .zip(other.chars())
        .take_while(|(a, b)| a == b)
        .count();
    fingerprint.chars().take((common + 1).max(12)).collect()
}

/// The first 12 hex digits of a fingerprint, as shown in messages and footers.
pub fn short(fingerprint: &str) -> String {
    fingerprint.chars().take(12).collect()
}
