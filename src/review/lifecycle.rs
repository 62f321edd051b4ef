//! The transitions of the review: submit, begin the review, decide, begin a new round.
//!
//! Each is a function on the assessment that either makes the transition or says why it cannot;
//! the walkthrough ([`crate::wizard::Wizard::apply`]) calls them for the lifecycle edits, so the
//! desktop app and tests use the same rules.

use time::Date;

use super::{Decision, Round, Snapshot, Status, Submission};
use crate::assessment::Assessment;

/// Why a transition is not possible now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// Submitting needs a draft or a revision.
    #[error("the assessment is already submitted")]
    AlreadySubmitted,
    /// The DPO's layer and the decision need a submission.
    #[error("the assessment has not been submitted yet")]
    NotSubmitted,
    /// A new round needs a submission to close.
    #[error("there is no submitted round to close")]
    NothingToClose,
}

/// Submits the team's layer: freezes it and records its snapshot and fingerprint, who submitted
/// and when.
pub fn submit(a: &mut Assessment, by: String, date: Option<Date>) -> Result<(), Refused> {
    if !matches!(a.review.status, Status::Entwurf | Status::Ueberarbeitung) {
        return Err(Refused::AlreadySubmitted);
    }
    let content = Snapshot::of(a);
    a.review.round.submission = Some(Submission {
        fingerprint: content.fingerprint(),
        by,
        date,
        content,
    });
    a.review.status = Status::Eingereicht;
    Ok(())
}

/// Makes sure the DPO's layer may be changed now: after a submission, moving "Eingereicht" on to
/// "In Prüfung" on the DPO's first change.
pub fn begin_review(a: &mut Assessment) -> Result<(), Refused> {
    match a.review.status {
        Status::Entwurf | Status::Ueberarbeitung => Err(Refused::NotSubmitted),
        Status::Eingereicht => {
            a.review.status = Status::InPruefung;
            Ok(())
        }
        Status::InPruefung | Status::Entschieden => Ok(()),
    }
}

/// Takes (or, with `None`, withdraws) the decision of the current round, on the submitted content.
pub fn decide(a: &mut Assessment, decision: Option<Decision>) -> Result<(), Refused> {
    begin_review(a)?;
    let round = &mut a.review.round;
    round.decision = decision;
    if decision.is_some() {
        round.decided_on = round.submission.as_ref().map(|s| s.fingerprint.clone());
        a.review.status = Status::Entschieden;
    } else {
        round.decided_on = None;
        a.review.status = Status::InPruefung;
    }
    Ok(())
}

/// Closes the current round (kept in the history with its verdicts, opinion and decision) and
/// opens the next one for the team's revision.
pub fn new_round(a: &mut Assessment) -> Result<(), Refused> {
    if !a.review.status.is_frozen() {
        return Err(Refused::NothingToClose);
    }
    let next = Round {
        number: a.review.round.number + 1,
        ..Round::default()
    };
    let closed = std::mem::replace(&mut a.review.round, next);
    a.review.history.push(closed);
    a.review.status = Status::Ueberarbeitung;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::DecisionState;

    fn assessment() -> Assessment {
        let src = include_str!("../../tests/fixtures/valid/minimal.ron");
        let (c, _) = crate::checklist::load::parse_str(std::path::Path::new("m.ron"), src);
        Assessment::new(&c.expect("fixture loads"))
    }

    #[test]
    fn a_round_goes_from_draft_to_decision() {
        let mut a = assessment();
        assert_eq!(
            decide(&mut a, Some(Decision::Freigegeben)),
            Err(Refused::NotSubmitted)
        );
        submit(&mut a, "Team".into(), None).expect("submit");
        assert_eq!(a.review.status, Status::Eingereicht);
        assert_eq!(
            submit(&mut a, "Team".into(), None),
            Err(Refused::AlreadySubmitted)
        );
        decide(&mut a, Some(Decision::Abgelehnt)).expect("decide");
        assert_eq!(a.review.status, Status::Entschieden);
        let team = a.team_fingerprint();
        assert!(matches!(
            a.review.current_decision(&team),
            DecisionState::Current(_)
        ));
        decide(&mut a, None).expect("withdraw");
        assert_eq!(a.review.status, Status::InPruefung);
    }

    #[test]
    fn a_new_round_keeps_the_old_one_and_its_decision() {
        let mut a = assessment();
        assert_eq!(new_round(&mut a), Err(Refused::NothingToClose));
        submit(&mut a, "Team".into(), None).expect("submit");
        decide(&mut a, Some(Decision::Abgelehnt)).expect("decide");
        new_round(&mut a).expect("new round");
        assert_eq!(a.review.status, Status::Ueberarbeitung);
        assert_eq!(a.review.round.number, 2);
        assert_eq!(a.review.round.decision, None);
        assert_eq!(a.review.history.len(), 1);
        assert_eq!(a.review.history[0].decision, Some(Decision::Abgelehnt));
        submit(&mut a, "Team".into(), None).expect("resubmit");
        assert_eq!(a.review.status, Status::Eingereicht);
    }

    #[test]
    fn a_decision_on_other_content_is_outdated() {
        let mut a = assessment();
        submit(&mut a, "Team".into(), None).expect("submit");
        decide(&mut a, Some(Decision::Freigegeben)).expect("decide");
        a.metadata.account = "@anders".into();
        let team = a.team_fingerprint();
        assert!(matches!(
            a.review.current_decision(&team),
            DecisionState::Outdated(_)
        ));
        assert!(a.review.changed_since_submission(&team));
    }
}
