//! Baseline risks: where they apply (`applies_if`), how far measures can lower them (`floor`),
//! and the written reason a large reduction needs.

mod common;

use std::path::Path;

use plattformcheck::assessment::{Answer, Assessment, Measure};
use plattformcheck::checklist::Checklist;
use plattformcheck::choice::Choice;
use plattformcheck::risk::Level;
use plattformcheck::scoring;

/// The minimal checklist with `extra` added to its baseline risk BR1 (after its measure).
fn minimal_with(extra: &str) -> (Option<Checklist>, Vec<plattformcheck::diagnostics::Problem>) {
    let src = std::fs::read_to_string(common::fixture("valid/minimal.ron")).expect("fixture");
    let anchor = "measure: (de: \"In den Datenschutzhinweisen darüber informieren.\", en: \"Disclose it in the privacy notice.\"),";
    assert!(src.contains(anchor), "the fixture's BR1 measure");
    let src = src.replace(anchor, &format!("{anchor}\n            {extra}"));
    plattformcheck::checklist::load::parse_str(Path::new("minimal.ron"), &src)
}

fn checklist(extra: &str) -> Checklist {
    let (c, problems) = minimal_with(extra);
    c.unwrap_or_else(|| panic!("loads: {problems:?}"))
}

fn measure(s: u8, l: u8, reason: &str) -> Measure {
    Measure {
        text: "Maßnahme".into(),
        residual_severity: Level::new(s),
        residual_likelihood: Level::new(l),
        reason: reason.into(),
        ..Measure::default()
    }
}

fn answer(a: &mut Assessment, q: &str, choice: Choice) {
    a.answers.insert(
        q.into(),
        Answer {
            choice: Some(choice),
            ..Answer::default()
        },
    );
}

#[test]
fn a_floor_is_what_measures_can_at_best_achieve() {
    let c = checklist(
        "floor: Floor(severity: 2, likelihood: 2, sources: [\"DSK-KP18\"], note: (de: \"Der Betreiber bleibt.\", en: \"The operator stays.\")),",
    );
    let mut a = Assessment::new(&c);
    a.measures
        .insert("BR1".into(), measure(1, 1, "Alles umgestellt."));
    let score = scoring::score(&c, &a);
    let br1 = score.finding("BR1").expect("BR1");
    assert_eq!(
        (br1.residual.severity.get(), br1.residual.likelihood.get()),
        (2, 2),
        "scored at the floor"
    );
    assert!(br1.floored, "and says so");
}

#[test]
fn a_large_reduction_of_a_baseline_risk_needs_a_reason() {
    let c = checklist("");
    let mut a = Assessment::new(&c);
    // BR1 is S3/L2; S1/L2 lowers it by two levels.
    a.measures.insert("BR1".into(), measure(1, 2, ""));
    let score = scoring::score(&c, &a);
    assert!(score.finding("BR1").expect("BR1").needs_reason, "flagged");
    assert_eq!(score.completeness.unexplained, ["BR1"], "listed");
    assert!(!score.is_complete(), "provisional until it is given");
    a.measures.insert(
        "BR1".into(),
        measure(1, 2, "Keine Übermittlung mehr: Kanal nur noch als Verweis."),
    );
    let score = scoring::score(&c, &a);
    assert!(
        score.completeness.unexplained.is_empty(),
        "a reason settles it"
    );
    a.measures.insert("BR1".into(), measure(2, 2, ""));
    assert!(
        scoring::score(&c, &a).completeness.unexplained.is_empty(),
        "one level needs none"
    );
}

#[test]
fn a_baseline_risk_applies_only_where_its_condition_holds() {
    let c = checklist("applies_if: When(question: \"M2.1\", any_of: [\"ja\"]),");
    let mut a = Assessment::new(&c);
    assert!(
        scoring::score(&c, &a).finding("BR1").is_some(),
        "while the question is open (a new or migrated assessment)"
    );
    answer(&mut a, "M2.1", Choice::Option("nein".into()));
    assert!(
        scoring::score(&c, &a).finding("BR1").is_none(),
        "not where the condition fails"
    );
    answer(&mut a, "M2.1", Choice::Option("ja".into()));
    assert!(
        scoring::score(&c, &a).finding("BR1").is_some(),
        "where it holds"
    );
    answer(&mut a, "M2.1", Choice::Unknown);
    assert!(
        scoring::score(&c, &a).finding("BR1").is_some(),
        "and where it is unknown"
    );
}

#[test]
fn floors_and_conditions_are_validated() {
    let (c, problems) =
        minimal_with("floor: Floor(severity: 4, likelihood: 1, note: (de: \"x\", en: \"x\")),");
    assert!(c.is_none(), "refused");
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("the floor is above the risk's own rating")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("a floor must cite what supports it")),
        "{messages:?}"
    );
    let (c, problems) = minimal_with("applies_if: When(question: \"M9.9\", any_of: [\"ja\"]),");
    assert!(c.is_none(), "refused");
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("baseline_risks[\"BR1\"].applies_if")),
        "{problems:?}"
    );
}

#[test]
fn optional_fields_a_checklist_does_not_use_leave_its_fingerprint_alone() {
    // Adding optional fields to the format (applies_if, floor, fact, dpia, revisions) must not
    // change the fingerprint of a checklist that does not use them, or every assessment made
    // with it would stop opening. The minimal fixture uses none of them, and the assessment
    // fixture recorded its fingerprint before they existed.
    let (c, problems) =
        plattformcheck::checklist::load::load_file(&common::fixture("valid/minimal.ron"));
    let c = c.unwrap_or_else(|| panic!("loads: {problems:?}"));
    let assessment = std::fs::read_to_string(common::fixture("valid/assessment.ron.txt"))
        .expect("assessment fixture");
    assert!(
        assessment.contains(c.fingerprint()),
        "the assessment made with it still names its fingerprint {}",
        c.fingerprint()
    );
}
