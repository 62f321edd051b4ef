//! Reading assessment files of format 1 (before the review had rounds) and upgrading them.
//!
//! Format 1 held one review: the opinion and the decision, no status, verdicts or history. The
//! upgrade keeps every field and infers the status from what the file holds: a decision means
//! the file was decided (on the content it holds, as format 1 recorded nothing else), an opinion
//! means it was under review, anything else is a draft. Saving writes format 2; the format-1
//! file stays as the backup ([`crate::store::save`]).

use std::collections::BTreeMap;

use serde::Deserialize;
use time::Date;

use super::{Answer, Assessment, ChecklistRef, Decision, FORMAT_VERSION, Measure, Metadata};
use crate::ids::{FindingId, QuestionId};
use crate::review::{Review, Round, Snapshot, Status, Submission};

/// A format-1 assessment file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Assessment")]
pub struct AssessmentV1 {
    format_version: u32,
    checklist: ChecklistRef,
    #[serde(default)]
    metadata: Metadata,
    #[serde(default, deserialize_with = "super::unique::deserialize")]
    answers: BTreeMap<QuestionId, Answer>,
    #[serde(default, deserialize_with = "super::unique::deserialize")]
    measures: BTreeMap<FindingId, Measure>,
    #[serde(default)]
    review: ReviewV1,
}

/// The review of format 1.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default, rename = "Review")]
struct ReviewV1 {
    dpo_opinion: String,
    #[serde(with = "crate::dates::iso_date::option")]
    opinion_date: Option<Date>,
    decision: Option<Decision>,
    conditions: String,
    deviation_reason: String,
    decided_by: String,
    #[serde(with = "crate::dates::iso_date::option")]
    decision_date: Option<Date>,
    #[serde(with = "crate::dates::iso_date::option")]
    next_review: Option<Date>,
}

impl AssessmentV1 {
    /// The same assessment in the current format.
    pub fn upgrade(self) -> Assessment {
        debug_assert_eq!(
            self.format_version, 1,
            "only format-1 files are read as such"
        );
        let mut a = Assessment {
            format_version: FORMAT_VERSION,
            checklist: self.checklist,
            metadata: self.metadata,
            answers: self.answers,
            measures: self.measures,
            review: Review::default(),
        };
        let old = self.review;
        let content = Snapshot::of(&a);
        let fingerprint = content.fingerprint();
        let decided = old.decision.is_some();
        let reviewed = decided || !old.dpo_opinion.trim().is_empty();
        let status = match (decided, reviewed) {
            (true, _) => Status::Entschieden,
            (false, true) => Status::InPruefung,
            (false, false) => Status::Entwurf,
        };
        a.review = Review {
            status,
            round: Round {
                number: 1,
                submission: reviewed.then(|| Submission {
                    fingerprint: fingerprint.clone(),
                    by: String::new(),
                    date: None,
                    content,
                }),
                verdicts: BTreeMap::new(),
                dpo_opinion: old.dpo_opinion,
                opinion_by: String::new(),
                opinion_date: old.opinion_date,
                decision: old.decision,
                conditions: old.conditions,
                deviation_reason: old.deviation_reason,
                decided_by: old.decided_by,
                decision_date: old.decision_date,
                decided_on: decided.then_some(fingerprint),
            },
            next_review: old.next_review,
            history: Vec::new(),
        };
        a
    }
}
