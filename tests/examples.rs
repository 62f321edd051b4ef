//! The example assessments in `assets/examples/` fit their built-in checklists, are complete,
//! and score as a DPO would expect.

mod common;

use std::path::{Path, PathBuf};

use common::open_assessment;
use plattformcheck::risk::RiskClass;
use plattformcheck::scoring::{Score, score};

fn examples() -> Vec<PathBuf> {
    common::ron_files(Path::new("assets/examples"))
}

fn scored(name: &str) -> Score {
    let path = Path::new("assets/examples").join(name);
    let (checklist, assessment) = open_assessment(&path, None).unwrap_or_else(|e| panic!("{e}"));
    score(&checklist, &assessment)
}

#[test]
fn every_example_fits_and_is_complete() {
    let files = examples();
    assert!(
        files.len() >= 3,
        "at least three examples, found {}",
        files.len()
    );
    for path in files {
        let (checklist, assessment) =
            open_assessment(&path, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let s = score(&checklist, &assessment);
        assert!(
            s.is_complete(),
            "{}: open questions {:?}",
            path.display(),
            s.completeness.open
        );
        assert!(
            assessment.metadata.missing().is_empty(),
            "{}: missing metadata {:?}",
            path.display(),
            assessment.metadata.missing()
        );
        for f in &s.findings {
            assert!(
                f.residual.class <= f.gross.class,
                "{}: {} residual above gross",
                path.display(),
                f.id
            );
        }
        for (id, answer) in &assessment.answers {
            assert!(
                !answer.justification.trim().is_empty(),
                "{}: {id} has no justification",
                path.display()
            );
        }
    }
}

#[test]
fn police_instagram_is_high_gross_because_of_minors_but_no_knockout() {
    let s = scored("polizei-instagram.ron");
    assert!(s.knockouts.is_empty(), "no knock-out: {:?}", s.knockouts);
    assert_eq!(
        s.active_modifiers,
        vec!["minderjaehrige"],
        "addresses minors"
    );
    assert_eq!(s.overall_gross, RiskClass::Hoch, "gross");
    assert_eq!(
        s.overall_residual,
        RiskClass::Risiko,
        "measures lower it to Risiko"
    );
}

#[test]
fn careful_municipality_has_no_knockout_and_measures_lower_the_risk() {
    let s = scored("stadt-musterstadt-tiktok.ron");
    assert!(s.knockouts.is_empty(), "no knock-out: {:?}", s.knockouts);
    // TikTok's transfers (BR1) alone make the gross class high: a DPIA is always required.
    assert_eq!(s.overall_gross, RiskClass::Hoch, "gross");
    assert_eq!(s.overall_residual, RiskClass::Risiko, "after measures");
    let br1 = s.finding("BR1").expect("baseline risk BR1 counted");
    assert!(
        br1.residual.class >= RiskClass::Risiko,
        "the city cannot remove TikTok's transfers"
    );
}

#[test]
fn school_on_private_phones_is_knocked_out_even_after_measures() {
    let s = scored("gymnasium-tiktok-knockout.ron");
    for id in ["A6.5", "A8.1"] {
        assert!(
            s.knockouts.iter().any(|k| k == id),
            "{id} is a knock-out: {:?}",
            s.knockouts
        );
    }
    assert_eq!(
        s.findings.first().map(|f| f.knockout.is_some()),
        Some(true),
        "knock-outs first"
    );
    assert_eq!(s.overall_gross, RiskClass::Hoch, "gross");
    assert_eq!(
        s.overall_residual,
        RiskClass::Hoch,
        "planning a fix does not remove a knock-out"
    );
}

#[test]
fn a_city_on_a_public_sector_fediverse_instance_reaches_low_risk() {
    let s = scored("stadt-fediverse-mastodon.ron");
    assert!(s.knockouts.is_empty(), "no knock-out: {:?}", s.knockouts);
    // The commercial operator's risks do not apply on a public-sector instance.
    for id in ["BR1", "BR2"] {
        assert!(
            s.finding(id).is_none(),
            "{id} applies only to commercial operators"
        );
    }
    assert!(
        s.finding("BR3").is_some(),
        "the risk every platform has stays"
    );
    assert!(s.overall_gross <= RiskClass::Risiko, "gross");
    assert_eq!(s.overall_residual, RiskClass::Gering, "after measures");
    assert!(
        s.findings.iter().all(|f| f.contradiction.is_none()),
        "no DPIA needed, and none claimed wrongly"
    );
}

#[test]
fn a_ministry_on_tiktok_cannot_measure_itself_below_the_floors() {
    let (checklist, assessment) = common::open_assessment(
        Path::new("assets/examples/ministerium-tiktok-untergrenze.ron"),
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let s = score(&checklist, &assessment);
    assert!(s.knockouts.is_empty(), "no knock-out");
    assert_eq!(s.overall_gross, RiskClass::Hoch, "gross");
    assert_eq!(
        s.overall_residual,
        RiskClass::Risiko,
        "measures claiming S1/L1 on the platform's risks do not make TikTok low risk"
    );
    for b in checklist.baseline_risks() {
        let f = s.finding(&b.id).expect("every baseline risk applies");
        let m = assessment.measures.get(b.id.as_str()).expect("a measure");
        assert_eq!(
            (
                m.residual_severity.map(|l| l.get()),
                m.residual_likelihood.map(|l| l.get())
            ),
            (Some(1), Some(1)),
            "{}: the team claims S1/L1",
            b.id
        );
        let floor = b
            .floor
            .as_ref()
            .expect("every TikTok baseline risk has a floor");
        assert!(f.floored, "{}: raised to the floor", b.id);
        assert!(
            f.residual.severity >= floor.severity && f.residual.likelihood >= floor.likelihood,
            "{}: residual {:?} not below the floor",
            b.id,
            f.residual
        );
        assert!(!f.needs_reason, "{}: the reduction is explained", b.id);
    }
}

#[test]
fn no_tiktok_channel_gets_below_its_floors_whatever_it_answers_and_plans() {
    let checklist = plattformcheck::builtin::load("tiktok").expect("built in");
    // The best case: every question answered with its risk-free option, every finding (the
    // baseline risks included) with a measure claiming S1/L1 and a reason.
    let mut a = plattformcheck::assessment::Assessment::new(&checklist);
    for (_, q) in checklist.questions() {
        let safe = q
            .options
            .iter()
            .find(|o| o.finding.is_none())
            .expect("risk-free option");
        a.answers.insert(
            q.id.clone(),
            plattformcheck::assessment::Answer {
                choice: Some(plattformcheck::choice::Choice::Option(safe.id.clone())),
                ..Default::default()
            },
        );
    }
    for b in checklist.baseline_risks() {
        a.measures.insert(
            b.id.clone(),
            plattformcheck::assessment::Measure {
                text: "Alles, was möglich ist.".into(),
                residual_severity: plattformcheck::risk::Level::new(1),
                residual_likelihood: plattformcheck::risk::Level::new(1),
                reason: "Begründet.".into(),
                ..Default::default()
            },
        );
    }
    let s = score(&checklist, &a);
    assert!(s.knockouts.is_empty(), "no knock-out in the best case");
    assert!(
        s.overall_residual >= RiskClass::Risiko,
        "TikTok stays at least Risiko: {:?}",
        s.overall_residual
    );
}

#[test]
fn the_youth_office_messenger_pilot_shows_what_a_consumer_service_cannot_fix() {
    let (checklist, assessment) =
        common::open_assessment(Path::new("assets/examples/jugendamt-messenger.ron"), None)
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(checklist.id(), "messenger", "built-in messenger checklist");
    let s = score(&checklist, &assessment);
    assert!(
        s.knockouts.is_empty(),
        "case work excluded by a written rule"
    );
    assert_eq!(
        s.overall_residual,
        RiskClass::Hoch,
        "still high after measures"
    );
    let dpia = checklist.dpia().expect("DPIA rule");
    let f = s
        .finding(&dpia.question)
        .expect("the DPIA answer is a finding");
    assert!(
        f.contradiction.is_some(),
        "\"no DPIA needed\" contradicts the high result"
    );
}

#[test]
fn every_example_has_trainer_notes_on_questions_it_has() {
    for path in examples() {
        let name = path.file_name().expect("name");
        let notes_path = Path::new("assets/examples/trainer").join(name);
        let text = std::fs::read_to_string(&notes_path)
            .unwrap_or_else(|e| panic!("{}: {e}", notes_path.display()));
        let notes = plattformcheck::workshop::TrainerNotes::parse(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", notes_path.display()));
        assert!(
            (4..=10).contains(&notes.notes.len()),
            "{}: a note on each key question ({})",
            notes_path.display(),
            notes.notes.len()
        );
        let (checklist, _) = open_assessment(&path, None).unwrap_or_else(|e| panic!("{e}"));
        for (id, note) in &notes.notes {
            assert!(
                checklist.question(id).is_some()
                    || checklist
                        .baseline_risks()
                        .iter()
                        .any(|b| b.id == id.as_str()),
                "{}: {id} is no question or baseline risk of {}",
                notes_path.display(),
                checklist.id()
            );
            assert!(
                !note.de.trim().is_empty() && !note.en.trim().is_empty(),
                "{}: {id} in both languages",
                notes_path.display()
            );
        }
    }
}
