//! The checklists shipped inside the program, so that it works wherever it is installed.
//!
//! The same files live in `checklists/`, where the sweep test and `plattformcheck check` read them.

use std::path::Path;

use crate::checklist::{LoadReport, Loaded, Origin, load};

/// (file name, content) of every shipped checklist.
pub const FILES: &[(&str, &str)] = &[
    ("tiktok.ron", include_str!("../checklists/tiktok.ron")),
    (
        "soziale-netzwerke.ron",
        include_str!("../checklists/soziale-netzwerke.ron"),
    ),
];

/// Parses and validates the shipped checklists.
pub fn load_all() -> LoadReport {
    let mut report = LoadReport::default();
    for (name, source) in FILES {
        let path = Path::new("checklists").join(name);
        let (checklist, problems) = load::parse_str(&path, source);
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
