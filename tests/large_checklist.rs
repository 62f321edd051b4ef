//! A checklist of 15,000 questions in one chain of conditions (about what the 5 MiB limit
//! admits) loads, is checked, and gives the right visibility, with no deep recursion. How long
//! it takes is measured in `benches/checklist.rs`, not here.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use plattformcheck::checklist::{load, synthetic};
use plattformcheck::choice::Choice;

const N: usize = 15_000;

#[test]
fn a_long_chain_of_conditions_loads_and_shows_what_it_should() {
    let text = synthetic::chain(N);
    assert!(text.len() < 5 * 1024 * 1024, "within the file limit");
    let (checklist, problems) = load::parse_str(Path::new("s.ron"), &text);
    assert!(problems.is_empty(), "{:?}", problems.first());
    let checklist = checklist.expect("valid");
    assert_eq!(checklist.question_count(), N);
    let mut answers: BTreeMap<String, Choice> = (0..N)
        .map(|i| (format!("Q{i}"), Choice::from("ja")))
        .collect();
    let vis = checklist.visibility(&|id: &str| answers.get(id));
    assert_eq!(
        vis.count(),
        N,
        "every question shown when every answer is ja"
    );
    let last = checklist.question(&format!("Q{}", N - 1)).expect("last");
    assert!(checklist.is_visible(last, &|id: &str| answers.get(id)));
    answers.insert("Q7000".into(), Choice::from("nein"));
    let vis = checklist.visibility(&|id: &str| answers.get(id));
    assert_eq!(
        vis.count(),
        7001,
        "a nein halfway hides the rest of the chain"
    );
    assert!(!checklist.is_visible(last, &|id: &str| answers.get(id)));
}

#[test]
fn check_accepts_the_long_chain() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lang.ron");
    std::fs::write(&path, synthetic::chain(N)).expect("write");
    let (code, stdout, stderr) = common::outcome(&common::run(
        &["check", path.to_str().expect("UTF-8")],
        None,
    ));
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("15000 questions"), "{stdout}");
}

#[test]
fn a_cycle_in_a_long_chain_is_reported_once_per_member() {
    // Q0 depends on the last question: the whole chain is one cycle.
    let text = synthetic::chain(300).replacen(
        "Question(id:\"Q0\",",
        "Question(id:\"Q0\",show_if:When(question:\"Q299\",any_of:[\"ja\"]),",
        1,
    );
    let (checklist, problems) = load::parse_str(Path::new("s.ron"), &text);
    assert!(checklist.is_none(), "refused");
    let circular: Vec<String> = problems
        .iter()
        .map(ToString::to_string)
        .filter(|p| p.contains("circular condition"))
        .collect();
    assert_eq!(circular.len(), 300, "one error per question on the cycle");
    assert!(
        circular[0].contains("circular condition: Q0 → Q299 → Q298"),
        "{}",
        circular[0]
    );
}
