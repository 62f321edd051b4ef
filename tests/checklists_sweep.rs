//! Every shipped checklist loads with zero problems (not even warnings), and the built-in copies
//! embedded in the binary are the same files.

use std::path::Path;

use plattformcheck::builtin;
use plattformcheck::checklist::load;

#[test]
fn every_shipped_checklist_is_clean() {
    let report = load::load_dir(Path::new("checklists"));
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "problems in checklists/:\n{}",
        problems.join("\n")
    );
    assert_ne!(
        report.checklists.len(),
        0,
        "no checklist found in checklists/"
    );
    assert_eq!(
        report.checklists.len(),
        builtin::FILES.len(),
        "every file in checklists/ is built in"
    );
}

#[test]
fn builtin_copies_match_the_files() {
    for (name, content) in builtin::FILES {
        let on_disk = std::fs::read_to_string(Path::new("checklists").join(name))
            .expect("shipped file readable");
        assert_eq!(
            &on_disk, content,
            "{name}: embedded copy differs from checklists/{name}"
        );
    }
    let report = builtin::load_all();
    assert!(!report.has_errors(), "built-in checklists load");
    for loaded in &report.checklists {
        let id = loaded.checklist.id();
        assert_eq!(
            builtin::load(id).map(|c| c.fingerprint().to_owned()),
            Some(loaded.checklist.fingerprint().to_owned()),
            "builtin::load({id}) finds the file named after the id"
        );
    }
    assert!(builtin::load("no-such-checklist").is_none());
    assert_eq!(
        report.checklists.len(),
        builtin::FILES.len(),
        "all built-ins load"
    );
}

#[test]
fn shipped_checklists_meet_the_content_bar() {
    let report = builtin::load_all();
    for loaded in &report.checklists {
        let c = &loaded.checklist;
        let min = match c.id() {
            "tiktok" => 50,
            "soziale-netzwerke" => 40,
            "messenger" => 30,
            other => panic!("unexpected built-in checklist {other}"),
        };
        assert!(
            c.question_count() >= min,
            "{}: {} questions, at least {min} expected",
            c.id(),
            c.question_count()
        );
        assert!(
            !c.matrix().verified,
            "{}: the DSK matrix is not verified yet and must say so",
            c.id()
        );
        assert!(
            !c.baseline_risks().is_empty(),
            "{}: baseline risks expected",
            c.id()
        );
        assert!(
            !c.modifiers().is_empty(),
            "{}: the minors modifier expected",
            c.id()
        );
        let knockouts = c
            .questions()
            .flat_map(|(_, q)| &q.options)
            .filter(|o| o.finding.as_ref().is_some_and(|f| f.knockout.is_some()))
            .count();
        assert!(
            knockouts >= 5,
            "{}: only {knockouts} knock-out options",
            c.id()
        );
        let conditional = c.questions().filter(|(_, q)| q.show_if.is_some()).count();
        assert!(
            conditional >= 3,
            "{}: only {conditional} conditional questions",
            c.id()
        );
        for (_, q) in c.questions() {
            assert!(
                !q.legal.is_empty(),
                "{}: {} has no legal reference",
                c.id(),
                q.id
            );
            assert!(!q.sources.is_empty(), "{}: {} has no source", c.id(), q.id);
            assert!(
                !q.text.en.is_empty() && !q.why.en.is_empty(),
                "{}: {} lacks English",
                c.id(),
                q.id
            );
        }
    }
}
