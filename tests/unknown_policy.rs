//! "unbekannt" never scores milder than a risky answer, as a property over every shipped
//! checklist: for any answers, replacing one answer by "unknown" never lowers the gross class,
//! never hides a question that was shown, and never switches off a modifier that was active.

use plattformcheck::assessment::{Answer, Assessment};
use plattformcheck::checklist::Checklist;
use plattformcheck::choice::Choice;
use plattformcheck::scoring;
use proptest::prelude::*;

fn checklists() -> Vec<Checklist> {
    plattformcheck::builtin::load_all()
        .checklists
        .into_iter()
        .map(|l| l.checklist)
        .collect()
}

/// An assessment of `checklist` with answer `picks[i]` for question `i` (modulo the number of
/// choices, the last being "unknown"; 255 leaves it open).
fn answered(checklist: &Checklist, picks: &[u8]) -> Assessment {
    let mut a = Assessment::new(checklist);
    for ((_, q), pick) in checklist.questions().zip(picks.iter().cycle()) {
        if *pick == u8::MAX {
            continue;
        }
        let choices: Vec<Choice> = q.choices().collect();
        let choice = choices[usize::from(*pick) % choices.len()].clone();
        a.answers.insert(
            q.id.clone(),
            Answer {
                choice: Some(choice),
                ..Answer::default()
            },
        );
    }
    a
}

fn visible(checklist: &Checklist, a: &Assessment) -> Vec<bool> {
    let v = checklist.visibility(&|id: &str| a.choice(id));
    (0..checklist.question_count())
        .map(|n| v.shown(n))
        .collect()
}

fn check(checklist: &Checklist, a: &Assessment) -> Result<(), TestCaseError> {
    let before = scoring::score(checklist, a);
    let shown = visible(checklist, a);
    for (n, (_, q)) in checklist.questions().enumerate() {
        let Some(Choice::Option(_)) = a.choice(&q.id) else {
            continue;
        };
        if !shown[n] {
            continue;
        }
        let mut unknown = a.clone();
        unknown
            .answers
            .get_mut(q.id.as_str())
            .expect("answered")
            .choice = Some(Choice::Unknown);
        let after = scoring::score(checklist, &unknown);
        prop_assert!(
            after.overall_gross >= before.overall_gross,
            "{} {}: unknown lowers the gross class from {:?} to {:?}",
            checklist.id(),
            q.id,
            before.overall_gross,
            after.overall_gross
        );
        let shown_after = visible(checklist, &unknown);
        for (i, (was, is)) in shown.iter().zip(&shown_after).enumerate() {
            prop_assert!(
                !was || *is,
                "{} {}: unknown hides question number {i}",
                checklist.id(),
                q.id
            );
        }
        for m in &before.active_modifiers {
            prop_assert!(
                after.active_modifiers.contains(m),
                "{} {}: unknown switches off the modifier {m}",
                checklist.id(),
                q.id
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn unknown_is_never_milder_than_an_answer(picks in prop::collection::vec(any::<u8>(), 1..64)) {
        for checklist in checklists() {
            check(&checklist, &answered(&checklist, &picks))?;
        }
    }
}

/// The cases the review named: an unknown parent keeps its follow-ups, an unknown trigger keeps
/// its modifier.
#[test]
fn unknown_keeps_follow_ups_and_modifiers() {
    for checklist in checklists() {
        for (_, q) in checklist.questions() {
            let Some(condition) = &q.show_if else {
                continue;
            };
            let mut a = Assessment::new(&checklist);
            a.answers.insert(
                condition.question.clone(),
                Answer {
                    choice: Some(Choice::Unknown),
                    ..Answer::default()
                },
            );
            let parent = checklist.question(&condition.question).expect("parent");
            if checklist.is_visible(parent, &|id: &str| a.choice(id)) {
                assert!(
                    checklist.is_visible(q, &|id: &str| a.choice(id)),
                    "{} {}: hidden although {} is unknown",
                    checklist.id(),
                    q.id,
                    condition.question
                );
            }
        }
        for m in checklist.modifiers() {
            let mut a = Assessment::new(&checklist);
            a.answers.insert(
                m.when.question.clone(),
                Answer {
                    choice: Some(Choice::Unknown),
                    ..Answer::default()
                },
            );
            let score = scoring::score(&checklist, &a);
            let trigger = checklist.question(&m.when.question).expect("trigger");
            if checklist.is_visible(trigger, &|id: &str| a.choice(id)) {
                assert!(
                    score.active_modifiers.contains(&m.id),
                    "{}: modifier {} off although {} is unknown",
                    checklist.id(),
                    m.id,
                    m.when.question
                );
            }
        }
    }
}
