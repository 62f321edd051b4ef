//! The checklists an assessment can be opened with: the built-in ones and the user's own files
//! loaded in this session.

use std::path::{Path, PathBuf};

use crate::assessment::ChecklistRef;
use crate::builtin;
use crate::checklist::{Checklist, LoadReport, load};
use crate::diagnostics::Problem;

/// Built-in checklists (parsed all at once, or one at a time on demand) and own checklist files.
#[derive(Clone, Debug, Default)]
pub struct Library {
    builtin: Option<LoadReport>,
    own: Vec<(PathBuf, Checklist)>,
}

impl Library {
    /// Every built-in checklist, parsed now (what the start screen lists).
    pub fn with_builtins() -> Self {
        Self {
            builtin: Some(builtin::load_all()),
            own: Vec::new(),
        }
    }

    /// The built-in checklists as `report` has them (parsed elsewhere, e.g. on a thread of its
    /// own while the window opens).
    pub fn from_builtins(report: LoadReport) -> Self {
        Self {
            builtin: Some(report),
            own: Vec::new(),
        }
    }

    /// A library that parses a built-in checklist only when an assessment asks for it (what a
    /// command-line run needs).
    pub fn lazy() -> Self {
        Self::default()
    }

    /// The built-in checklists parsed so far.
    pub fn builtins(&self) -> impl Iterator<Item = &Checklist> {
        self.builtin
            .iter()
            .flat_map(|r| r.checklists.iter().map(|l| &l.checklist))
    }

    /// Problems of the built-in checklists (none in a release; shown if there are).
    pub fn problems(&self) -> &[Problem] {
        self.builtin.as_ref().map_or(&[], |r| r.problems.as_slice())
    }

    /// The own checklist files loaded so far.
    pub fn own(&self) -> &[(PathBuf, Checklist)] {
        &self.own
    }

    /// The built-in checklist `id`.
    pub fn builtin(&self, id: &str) -> Option<Checklist> {
        match &self.builtin {
            Some(_) => self.builtins().find(|c| c.id() == id).cloned(),
            None => builtin::load(id),
        }
    }

    /// Loads a checklist file of one's own and keeps it (replacing an earlier load of the same
    /// file); its problems when it does not load.
    pub fn load_own(&mut self, path: &Path) -> Result<Checklist, Vec<Problem>> {
        let (checklist, problems) = load::load_file(path);
        let checklist = checklist.ok_or(problems)?;
        self.own.retain(|(p, _)| p != path);
        self.own.push((path.to_path_buf(), checklist.clone()));
        Ok(checklist)
    }

    /// The checklist an assessment names, and its file for an own checklist. One with the same
    /// fingerprint is preferred (an own copy of a built-in checklist may share its id); failing
    /// that, one with the same id, against which the assessment's mismatch is then reported.
    pub fn find(&self, wanted: &ChecklistRef) -> Option<(Checklist, Option<PathBuf>)> {
        let mut candidates: Vec<(Checklist, Option<PathBuf>)> = self
            .own
            .iter()
            .filter(|(_, c)| c.id() == wanted.id)
            .map(|(p, c)| (c.clone(), Some(p.clone())))
            .collect();
        candidates.extend(self.builtin(&wanted.id).map(|c| (c, None)));
        let exact = candidates
            .iter()
            .position(|(c, _)| c.fingerprint() == wanted.fingerprint);
        match exact {
            Some(i) => Some(candidates.swap_remove(i)),
            None => candidates.into_iter().next(),
        }
    }
}
