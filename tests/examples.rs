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
