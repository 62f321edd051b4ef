//! Every change to a shipped checklist's content bumps its version, and the version it replaces
//! stays listed among its revisions, so that assessments made with it still open.
//!
//! The table below pins each shipped checklist's fingerprint. A change to a question's id,
//! wording, options or rating changes the fingerprint: then either the version was not bumped
//! (this test says so), or it was, and the old (version, fingerprint) must be listed in the
//! checklist's `revisions` before the new pair is pinned here.

mod common;

use std::path::Path;

use plattformcheck::checklist::load;

/// (id, version, fingerprint) of every shipped checklist as released.
const PINNED: &[(&str, &str, &str)] = &[
    (
        "messenger",
        "1.0.0",
        "08af55a8e1d416d6fd40baf938cfbe70452c7809e80771bcff8ba5e95b7db90e",
    ),
    (
        "soziale-netzwerke",
        "1.2.0",
        "f85ccc42f5e4b48b885e594b8d72f6bf4c8dcab727ed8b5d05b36c618a691fd0",
    ),
    (
        "tiktok",
        "1.2.0",
        "adddaa2dfde586cdb52b5e690daf1ad5b972c502c830ed67eb3230a661d1e8c7",
    ),
];

#[test]
fn a_changed_checklist_has_a_new_version_and_lists_the_old_one() {
    let files = common::ron_files(Path::new("checklists"));
    assert_eq!(
        files.len(),
        PINNED.len(),
        "every shipped checklist is pinned"
    );
    for path in files {
        let (c, problems) = load::load_file(&path);
        let c = c.unwrap_or_else(|| panic!("{} loads: {problems:?}", path.display()));
        let &(_, version, fingerprint) = PINNED
            .iter()
            .find(|(id, _, _)| *id == c.id())
            .unwrap_or_else(|| panic!("{} is pinned", c.id()));
        if c.version() == version {
            assert_eq!(
                c.fingerprint(),
                fingerprint,
                "{}: the content of version {version} changed. Bump the version, list \
                 Revision(version: \"{version}\", fingerprint: \"{fingerprint}\", changed: [..]) \
                 in its revisions, and pin the new fingerprint here",
                c.id()
            );
        } else {
            assert!(
                c.revisions()
                    .iter()
                    .any(|r| r.version == version && r.fingerprint == fingerprint),
                "{}: version {} replaces {version}, which its revisions must list with \
                 fingerprint {fingerprint}; then pin {} {} here",
                c.id(),
                c.version(),
                c.version(),
                c.fingerprint()
            );
        }
    }
}

#[test]
fn every_revision_of_the_shipped_checklists_is_an_earlier_version() {
    for path in common::ron_files(Path::new("checklists")) {
        let (c, _) = load::load_file(&path);
        let c = c.expect("loads");
        let parse = |v: &str| -> Vec<u32> { v.split('.').filter_map(|n| n.parse().ok()).collect() };
        let mut last = Vec::new();
        for r in c.revisions() {
            let v = parse(&r.version);
            assert!(
                v > last,
                "{}: revisions oldest first ({})",
                c.id(),
                r.version
            );
            assert!(
                v < parse(c.version()),
                "{}: {} is earlier than {}",
                c.id(),
                r.version,
                c.version()
            );
            last = v;
        }
    }
}
