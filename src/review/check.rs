//! The rules a file's review layer must follow, checked when a file is read.
//!
//! Rounds numbered in order, a status that fits what the round holds, and submitted content that
//! matches its fingerprint. A file that breaks one was edited by hand or damaged; it is refused,
//! with the line of the element concerned, rather than shown with a lifecycle it never went
//! through.

use super::{Review, Round, Status};

/// One broken rule: where (a data path such as `review.history[1].number`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inconsistency {
    /// The data path of the element concerned.
    pub path: String,
    /// What is wrong (lowercase, no trailing period).
    pub message: String,
}

/// Every rule `review` breaks, in file order.
pub fn check(review: &Review) -> Vec<Inconsistency> {
    let mut out = Vec::new();
    let mut push = |path: String, message: String| out.push(Inconsistency { path, message });
    for (i, round) in review.history.iter().enumerate() {
        let path = format!("review.history[{i}]");
        let expected = i + 1;
        if usize::try_from(round.number).ok() != Some(expected) {
            push(
                format!("{path}.number"),
                format!(
                    "round history out of order: round {} where round {expected} belongs",
                    round.number
                ),
            );
        }
        if round.submission.is_none() {
            push(
                path.clone(),
                "an earlier round without a submission: a round closes only after one".into(),
            );
        }
        submitted_content(round, &path, &mut push);
    }
    let current = review.history.len() + 1;
    if usize::try_from(review.round.number).ok() != Some(current) {
        push(
            "review.round.number".into(),
            format!(
                "the current round is number {}, but {} earlier round(s) make it round {current}",
                review.round.number,
                review.history.len()
            ),
        );
    }
    status(review, &mut push);
    submitted_content(&review.round, "review.round", &mut push);
    out
}

/// The status must fit the current round and the history.
fn status(review: &Review, push: &mut impl FnMut(String, String)) {
    let round = &review.round;
    let name = format!("{:?}", review.status);
    let mut wrong = |what: &str| {
        push(
            "review.status".into(),
            format!("status {name} does not fit the review: {what}"),
        );
    };
    match review.status {
        Status::Entwurf if !review.history.is_empty() => {
            wrong("a draft has no earlier rounds (a later round is in Ueberarbeitung)");
        }
        Status::Ueberarbeitung if review.history.is_empty() => {
            wrong("a revision follows an earlier round, and there is none");
        }
        Status::Entwurf | Status::Ueberarbeitung if round.submission.is_some() => {
            wrong("the round has a submission");
        }
        Status::Eingereicht | Status::InPruefung | Status::Entschieden
            if round.submission.is_none() =>
        {
            wrong("the round has no submission");
        }
        _ => {}
    }
    match (review.status, round.decision, round.decided_on.is_some()) {
        (Status::Entschieden, None, _) => wrong("there is no decision"),
        (Status::Entschieden, Some(_), false) => {
            wrong("the decision does not record the content it was taken on (`decided_on`)");
        }
        (other, Some(_), _) if other != Status::Entschieden => {
            wrong("the round has a decision");
        }
        _ => {}
    }
}

/// The submitted content must match the fingerprint recorded with it.
fn submitted_content(round: &Round, path: &str, push: &mut impl FnMut(String, String)) {
    if let Some(s) = &round.submission
        && s.content.fingerprint() != s.fingerprint
    {
        push(
            format!("{path}.submission.fingerprint"),
            "the submitted content does not match its fingerprint: it was changed after the \
             submission"
                .into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Decision, Submission};

    #[test]
    fn a_default_review_is_consistent() {
        assert_eq!(check(&Review::default()), vec![]);
    }

    #[test]
    fn broken_rules_are_named_with_their_place() {
        let mut review = Review {
            status: Status::Entschieden,
            ..Review::default()
        };
        review.history.push(Round {
            number: 2,
            ..Round::default()
        });
        let found = check(&review);
        let paths: Vec<&str> = found.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "review.history[0].number",
                "review.history[0]",
                "review.round.number",
                "review.status",
                "review.status"
            ],
            "{found:?}"
        );
    }

    #[test]
    fn submitted_content_must_match_its_fingerprint() {
        let mut review = Review {
            status: Status::Entschieden,
            ..Review::default()
        };
        review.round.decision = Some(Decision::Freigegeben);
        review.round.decided_on = Some("x".into());
        review.round.submission = Some(Submission {
            fingerprint: "0".repeat(64),
            ..Submission::default()
        });
        let found = check(&review);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "review.round.submission.fingerprint");
    }
}
