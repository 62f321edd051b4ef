//! The DPO's layer of an assessment file and the lifecycle of its review.
//!
//! An assessment file has two layers: the team's (metadata, answers, justifications, evidence,
//! measures) and the DPO's (verdicts per answer, comments, opinion, decision). The review moves
//! through [`Status`]: **Entwurf → Eingereicht → In Prüfung → Entschieden → Überarbeitung** (a new
//! round) → Eingereicht … Submitting records a [`Snapshot`] of the team's layer with its
//! fingerprint; a decision records the fingerprint it was taken on, so a decision can never pass
//! for current once the team's content has changed ([`Review::current_decision`]). Earlier
//! rounds are kept in [`Review::history`].
//!
//! The transitions are in [`lifecycle`]; the checks a file's review layer must pass are in
//! [`check`].

pub mod check;
pub mod lifecycle;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::assessment::{Answer, Assessment, ChecklistRef, Measure, Metadata};
use crate::ids::{FindingId, QuestionId};

/// Where the review stands.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Status {
    /// The team is writing; nothing is submitted.
    #[default]
    Entwurf,
    /// Submitted to the DPO; the team's layer is frozen.
    Eingereicht,
    /// The DPO has begun the review.
    InPruefung,
    /// Decided (the decision is in the round).
    Entschieden,
    /// A new round: the team revises after a submission or a decision.
    Ueberarbeitung,
}

impl Status {
    /// All states, in lifecycle order.
    pub const ALL: [Self; 5] = [
        Self::Entwurf,
        Self::Eingereicht,
        Self::InPruefung,
        Self::Entschieden,
        Self::Ueberarbeitung,
    ];

    /// Whether the team's layer is frozen: changing it starts a new round.
    pub fn is_frozen(self) -> bool {
        matches!(
            self,
            Self::Eingereicht | Self::InPruefung | Self::Entschieden
        )
    }

    /// Display name.
    pub fn name(self, lang: crate::text::Lang) -> &'static str {
        crate::i18n::tr(lang).terms.review_status(self)
    }
}

/// The decision on the channel after the DPO's review.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Decision {
    /// Approved as assessed.
    Freigegeben,
    /// Approved on the conditions stated.
    FreigegebenMitAuflagen,
    /// Not approved.
    Abgelehnt,
}

impl Decision {
    /// All decisions, in the order they are offered.
    pub const ALL: [Self; 3] = [
        Self::Freigegeben,
        Self::FreigegebenMitAuflagen,
        Self::Abgelehnt,
    ];

    /// Display name.
    pub fn name(self, lang: crate::text::Lang) -> &'static str {
        crate::i18n::tr(lang).terms.decision(self)
    }
}

/// The DPO's verdict on one answer or baseline risk.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// The answer, its justification and evidence hold.
    Akzeptiert,
    /// The team must improve the answer or its justification.
    Nachbessern,
    /// The evidence the answer relies on is missing.
    NachweisFehlt,
}

impl Verdict {
    /// All verdicts, in the order they are offered.
    pub const ALL: [Self; 3] = [Self::Akzeptiert, Self::Nachbessern, Self::NachweisFehlt];

    /// Whether the team must answer it in the next round.
    pub fn needs_answer(self) -> bool {
        !matches!(self, Self::Akzeptiert)
    }

    /// Display name.
    pub fn name(self, lang: crate::text::Lang) -> &'static str {
        crate::i18n::tr(lang).terms.verdict(self)
    }
}

/// The DPO's verdict and comment on one finding (a question or a baseline risk).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default, rename = "Verdict")]
pub struct VerdictEntry {
    /// The verdict, once given.
    pub verdict: Option<Verdict>,
    /// The DPO's comment.
    pub comment: String,
}

impl VerdictEntry {
    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.comment.trim().is_empty()
    }
}

/// The team's layer as it was submitted: what a decision is taken on and what a later round is
/// compared with.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default, rename = "Snapshot")]
pub struct Snapshot {
    /// The checklist the answers belong to.
    pub checklist: Option<ChecklistRef>,
    /// Who assesses which channel.
    pub metadata: Metadata,
    /// The answers.
    pub answers: BTreeMap<QuestionId, Answer>,
    /// The planned measures.
    pub measures: BTreeMap<FindingId, Measure>,
}

impl Snapshot {
    /// The team's layer of `assessment`.
    pub fn of(assessment: &Assessment) -> Self {
        Self {
            checklist: Some(assessment.checklist.clone()),
            metadata: assessment.metadata.clone(),
            answers: assessment.answers.clone(),
            measures: assessment.measures.clone(),
        }
    }

    /// SHA-256 (lowercase hex) of the canonical content (its JSON form; the maps are ordered):
    /// the same team content always gives the same fingerprint, whatever the file looks like.
    pub fn fingerprint(&self) -> String {
        crate::assessment::canonical_hash(self)
    }

    /// The assessment with this team layer and no review, for scoring and comparing.
    pub fn to_assessment(&self, like: &Assessment) -> Assessment {
        Assessment {
            format_version: like.format_version,
            checklist: self
                .checklist
                .clone()
                .unwrap_or_else(|| like.checklist.clone()),
            metadata: self.metadata.clone(),
            answers: self.answers.clone(),
            measures: self.measures.clone(),
            review: Review::default(),
        }
    }
}

/// A submission: the team's layer as submitted, with its fingerprint, who submitted and when.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Submission")]
pub struct Submission {
    /// [`Snapshot::fingerprint`] of `content`.
    pub fingerprint: String,
    /// Who submitted.
    #[serde(default)]
    pub by: String,
    /// When.
    #[serde(default, with = "crate::dates::iso_date::option")]
    pub date: Option<Date>,
    /// What was submitted.
    #[serde(default)]
    pub content: Snapshot,
}

/// One round of the review: a submission, the DPO's verdicts and opinion, and the decision.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default, rename = "Round")]
pub struct Round {
    /// 1 for the first round.
    pub number: u32,
    /// What the team submitted, once it has.
    pub submission: Option<Submission>,
    /// The DPO's verdicts, by finding id.
    pub verdicts: BTreeMap<FindingId, VerdictEntry>,
    /// The DPO's opinion.
    pub dpo_opinion: String,
    /// Who wrote the opinion.
    pub opinion_by: String,
    /// Date of the opinion.
    #[serde(with = "crate::dates::iso_date::option")]
    pub opinion_date: Option<Date>,
    /// The decision, once taken.
    pub decision: Option<Decision>,
    /// Conditions of an approval with conditions.
    pub conditions: String,
    /// Why the controller did not follow the DPO's advice, where it did not.
    pub deviation_reason: String,
    /// Who decided (head of the body or a person authorised by them).
    pub decided_by: String,
    /// Date of the decision.
    #[serde(with = "crate::dates::iso_date::option")]
    pub decision_date: Option<Date>,
    /// The fingerprint of the team content the decision was taken on.
    pub decided_on: Option<String>,
}

impl Default for Round {
    fn default() -> Self {
        Self {
            number: 1,
            submission: None,
            verdicts: BTreeMap::new(),
            dpo_opinion: String::new(),
            opinion_by: String::new(),
            opinion_date: None,
            decision: None,
            conditions: String::new(),
            deviation_reason: String::new(),
            decided_by: String::new(),
            decision_date: None,
            decided_on: None,
        }
    }
}

impl Round {
    /// The verdict on `finding`, if one was given.
    pub fn verdict(&self, finding: &str) -> Option<&VerdictEntry> {
        self.verdicts.get(finding)
    }

    /// The findings whose verdict the team must answer, with the verdict and the comment, in id
    /// order.
    pub fn items(&self) -> Vec<(&FindingId, Verdict, &str)> {
        self.verdicts
            .iter()
            .filter_map(|(id, v)| {
                v.verdict
                    .filter(|v| v.needs_answer())
                    .map(|verdict| (id, verdict, v.comment.trim()))
            })
            .collect()
    }
}

/// The DPO's layer: the status, the current round, the next review date and earlier rounds.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default, rename = "Review")]
pub struct Review {
    /// Where the review stands.
    pub status: Status,
    /// The current round.
    pub round: Round,
    /// When the assessment is to be reviewed next.
    #[serde(with = "crate::dates::iso_date::option")]
    pub next_review: Option<Date>,
    /// Earlier rounds, oldest first.
    pub history: Vec<Round>,
}

/// What a decision of the current round is worth given the team's content now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionState<'a> {
    /// No decision in this round.
    None,
    /// Taken on exactly the content the file holds.
    Current(&'a Round),
    /// Taken on an earlier version: the team's content changed since (outside the app, as the
    /// app starts a new round).
    Outdated(&'a Round),
}

impl Review {
    /// The decision of the current round and whether it still holds for the team content with
    /// fingerprint `team` (see [`Assessment::team_fingerprint`]).
    pub fn current_decision(&self, team: &str) -> DecisionState<'_> {
        match self.round.decision {
            None => DecisionState::None,
            Some(_) if self.round.decided_on.as_deref() == Some(team) => {
                DecisionState::Current(&self.round)
            }
            Some(_) => DecisionState::Outdated(&self.round),
        }
    }

    /// Whether the team's content differs from what was submitted in this round (only possible
    /// when the file was changed outside the app).
    pub fn changed_since_submission(&self, team: &str) -> bool {
        self.status.is_frozen()
            && self
                .round
                .submission
                .as_ref()
                .is_some_and(|s| s.fingerprint != team)
    }

    /// The items the team must answer now: in a revision, those of the last round; during the
    /// review, those given so far.
    pub fn open_items(&self) -> Vec<(&FindingId, Verdict, &str)> {
        match self.status {
            Status::Ueberarbeitung => self.history.last().map(Round::items).unwrap_or_default(),
            _ => self.round.items(),
        }
    }

    /// The round before the current one, if any.
    pub fn previous(&self) -> Option<&Round> {
        self.history.last()
    }

    /// Round `number` (earlier or current).
    pub fn round_number(&self, number: u32) -> Option<&Round> {
        self.history
            .iter()
            .chain(std::iter::once(&self.round))
            .find(|r| r.number == number)
    }

    /// Every round, oldest first, the current one last.
    pub fn rounds(&self) -> impl DoubleEndedIterator<Item = &Round> {
        self.history.iter().chain(std::iter::once(&self.round))
    }
}
