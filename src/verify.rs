//! Checking a PDF report against an assessment file: was it made from exactly this content, and
//! if not, from which round?
//!
//! Reports carry the assessment's fingerprints in their metadata ([`ReportIds`]). A report
//! matches when its content fingerprint is the file's ([`crate::assessment::Assessment::fingerprint`]);
//! otherwise its team fingerprint is looked up among the rounds' submissions, so that a DPO can
//! tell "this is the PDF of round 1" from "this PDF was not made from this file".

use serde::Serialize;

use crate::assessment::Assessment;
use crate::report::ReportIds;

/// How a report relates to an assessment.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(tag = "match", rename_all = "snake_case")]
pub enum Outcome {
    /// Made from exactly this content.
    Exact,
    /// Made from this team content, but the review (verdicts, opinion, decision) has changed since.
    ReviewChanged {
        /// The round the report was made in.
        round: u32,
    },
    /// Made from the content submitted in this round (an earlier version).
    Round {
        /// The round.
        round: u32,
    },
    /// Not made from this file's content in any of its rounds.
    NoMatch,
}

impl Outcome {
    /// Whether the report shows exactly this content.
    pub fn is_exact(self) -> bool {
        self == Self::Exact
    }

    /// What it means, as the end of a sentence that begins with the report's name ("… was made
    /// from exactly this content of the assessment").
    pub fn describe(self, lang: crate::text::Lang) -> String {
        let t = &crate::i18n::tr(lang).review;
        match self {
            Self::Exact => t.verify_exact.to_owned(),
            Self::ReviewChanged { .. } => t.verify_review_changed.to_owned(),
            Self::Round { round } => {
                format!("{} {round} {}", t.verify_round, t.verify_round_not_current)
            }
            Self::NoMatch => t.verify_none.to_owned(),
        }
    }
}

/// How the report with `ids` relates to `assessment`.
pub fn verify(ids: &ReportIds, assessment: &Assessment) -> Outcome {
    if ids.content == assessment.fingerprint() {
        return Outcome::Exact;
    }
    if !ids.team.is_empty() && ids.team == assessment.team_fingerprint() {
        return Outcome::ReviewChanged {
            round: assessment.review.round.number,
        };
    }
    assessment
        .review
        .rounds()
        .rev()
        .find(|r| {
            r.submission
                .as_ref()
                .is_some_and(|s| !ids.team.is_empty() && s.fingerprint == ids.team)
        })
        .map_or(Outcome::NoMatch, |r| Outcome::Round { round: r.number })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::lifecycle;

    fn assessment() -> Assessment {
        let src = include_str!("../tests/fixtures/valid/minimal.ron");
        let (c, _) = crate::checklist::load::parse_str(std::path::Path::new("m.ron"), src);
        Assessment::new(&c.expect("fixture loads"))
    }

    fn ids(a: &Assessment) -> ReportIds {
        ReportIds {
            content: a.fingerprint(),
            team: a.team_fingerprint(),
            round: a.review.round.number,
        }
    }

    #[test]
    fn a_report_matches_its_content_and_is_traced_to_its_round() {
        let mut a = assessment();
        lifecycle::submit(&mut a, "Team".into(), None).expect("submit");
        let first = ids(&a);
        assert_eq!(verify(&first, &a), Outcome::Exact);
        a.review.round.dpo_opinion = "Noch nicht.".into();
        assert_eq!(
            verify(&first, &a),
            Outcome::ReviewChanged { round: 1 },
            "same team content, other review"
        );
        lifecycle::new_round(&mut a).expect("new round");
        a.metadata.account = "@neu".into();
        lifecycle::submit(&mut a, "Team".into(), None).expect("resubmit");
        assert_eq!(verify(&first, &a), Outcome::Round { round: 1 });
        assert_eq!(verify(&ids(&a), &a), Outcome::Exact);
        let other = ReportIds {
            content: "0".repeat(64),
            team: "1".repeat(64),
            round: 1,
        };
        assert_eq!(verify(&other, &a), Outcome::NoMatch);
    }
}
