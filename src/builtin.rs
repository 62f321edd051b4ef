//! The checklists shipped inside the program, so that it works wherever it is installed.
//!
//! The same files live in `checklists/`, where the sweep test and `plattformcheck check` read them.

use std::path::Path;

use crate::checklist::{Checklist, LoadReport, Loaded, Origin, load};
use crate::diagnostics::Problem;

/// (file name, content) of every shipped checklist. Each file is named after the id of its
/// checklist (`<id>.ron`), so that [`load()`] needs to parse only the one asked for.
pub const FILES: &[(&str, &str)] = &[
    ("tiktok.ron", include_str!("../checklists/tiktok.ron")),
    (
        "soziale-netzwerke.ron",
        include_str!("../checklists/soziale-netzwerke.ron"),
    ),
    ("messenger.ron", include_str!("../checklists/messenger.ron")),
];

/// Parses and validates the shipped checklists.
pub fn load_all() -> LoadReport {
    let mut report = LoadReport::default();
    for (name, source) in FILES {
        let (checklist, problems) = parse(name, source);
        report.problems.extend(problems);
        if let Some(checklist) = checklist {
            report.checklists.push(Loaded {
                checklist,
                origin: Origin::Builtin,
            });
        }
    }
    report
}

/// The shipped checklist with this id, if there is one and it loads: parses only its file, which
/// is what opening an assessment needs (a command-line export should not pay for parsing the
/// others).
pub fn load(id: &str) -> Option<Checklist> {
    let (name, source) = FILES
        .iter()
        .find(|(name, _)| name.strip_suffix(".ron") == Some(id))?;
    parse(name, source).0.filter(|c| c.id() == id)
}

fn parse(name: &str, source: &str) -> (Option<Checklist>, Vec<Problem>) {
    load::parse_str(&Path::new("checklists").join(name), source)
}
