//! The use-cases over one open assessment, shared by every front end: open (from a file, an example
//! text or an autosave), save, save as, autosave and export.
//!
//! A [`Session`] owns the assessment with its checklist and walkthrough ([`Wizard`]), the file it
//! belongs to, and whether it has unsaved changes. The command line and the desktop app call this
//! module; neither calls [`crate::store`] or [`crate::report`] for these itself.

pub mod autosave;
pub mod calendar;
pub mod compare;
pub mod export;
pub mod library;
pub mod lock;
pub mod settings;

use std::path::{Path, PathBuf};

use crate::assessment::{Assessment, Mismatch};
use crate::checklist::Checklist;
use crate::checklist::migrate::Migration;
use crate::diagnostics::ron_path::Step;
use crate::diagnostics::{Problem, SourceLine};
use crate::store;
use crate::wizard::Wizard;

pub use autosave::AutosaveFile;
pub use compare::{Verified, VerifyError};
pub use export::{ExportError, ExportFormat, Exported};
pub use library::Library;

/// Why an assessment could not be opened. Nothing was changed on disk.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The file could not be read or is not a valid assessment.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// The checklist the assessment names is neither built in nor loaded.
    #[error("{}", SourceLine::message(line.as_ref(), path, &format_args!("the assessment uses checklist `{id}`, which is neither built in nor loaded")))]
    ChecklistMissing {
        /// The assessment.
        path: PathBuf,
        /// The checklist id it names.
        id: String,
        /// The line of the checklist's id in the file.
        line: Option<SourceLine>,
    },
    /// The checklist file given for it does not load.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Checklist(Vec<Problem>),
    /// The assessment does not fit the checklist (another version, unknown answers).
    #[error("{}", .mismatches.iter().map(|m| SourceLine::message(m.line.as_ref(), path, &m.mismatch)).collect::<Vec<_>>().join("\n"))]
    Mismatch {
        /// The assessment.
        path: PathBuf,
        /// Every way in which it does not fit.
        mismatches: Vec<Misfit>,
    },
}

/// One way in which an assessment does not fit its checklist, with the line of the file where
/// the element concerned is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Misfit {
    /// What does not fit.
    pub mismatch: Mismatch,
    /// Its line in the file, when the file's text is at hand and the element could be found.
    pub line: Option<SourceLine>,
}

/// Why the assessment could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// It has no file yet: ask for one and use [`Session::save_as`].
    #[error("the assessment has no file yet")]
    NoPath,
    /// Writing failed; the file on disk is unchanged.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// The file changed on disk since it was opened or last saved (someone else saved it, or it
    /// was edited outside the app): saving now would overwrite that change. Nothing was written.
    #[error("{}: the file was changed by someone else since it was opened or last saved; it was not overwritten", path.display())]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
}

/// Opens `path` as the command line does: with the checklist file given (`--checklist FILE`),
/// else with the built-in checklist it names (parsing only that one).
pub fn open_file(path: &Path, checklist_file: Option<&Path>) -> Result<Session, OpenError> {
    match checklist_file {
        Some(file) => {
            let (checklist, problems) = crate::checklist::load::load_file(file);
            let checklist = checklist.ok_or(OpenError::Checklist(problems))?;
            Session::open_with_checklist(path, checklist, file.to_path_buf())
        }
        None => Session::open(&Library::lazy(), path),
    }
}

/// SHA-256 (hex) of a file's bytes.
fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest as _, Sha256};
    crate::checklist::validate::hex(&Sha256::digest(bytes))
}

/// The name of what is opened and, when at hand, its text, to locate problems in it.
#[derive(Clone, Copy)]
struct Source<'a> {
    name: &'a Path,
    text: Option<&'a str>,
}

impl Source<'_> {
    fn line(&self, steps: &[Step<'_>]) -> Option<SourceLine> {
        SourceLine::of(self.text?, steps)
    }
}

/// One open assessment.
#[derive(Clone, Debug)]
pub struct Session {
    wizard: Wizard,
    path: Option<PathBuf>,
    checklist_file: Option<PathBuf>,
    /// The content as last opened or saved; `None` for work that was never saved anywhere the
    /// user chose (restored from an autosave), which always counts as unsaved.
    saved: Option<Assessment>,
    /// SHA-256 of the file's bytes as last read or written, to notice a change by someone else
    /// before a save overwrites it.
    on_disk: Option<String>,
    /// The migration from an earlier checklist version done on opening, if any.
    migration: Option<Migration>,
}

impl Session {
    /// A session over `assessment`, not yet saved to a file, with nothing unsaved.
    pub fn new(
        checklist: Checklist,
        checklist_file: Option<PathBuf>,
        assessment: Assessment,
    ) -> Self {
        Self {
            saved: Some(assessment.clone()),
            wizard: Wizard::new(checklist, assessment),
            path: None,
            checklist_file,
            on_disk: None,
            migration: None,
        }
    }

    /// Opens the assessment file `path` with the checklist it names from `library`.
    pub fn open(library: &Library, path: &Path) -> Result<Self, OpenError> {
        let text = store::read(path)?;
        let assessment = store::parse(path, &text)?;
        let mut session = Self::with_library(library, path, Some(&text), assessment, Some(path))?;
        session.on_disk = Some(content_hash(text.as_bytes()));
        Ok(session)
    }

    /// Opens the assessment file `path` with exactly this checklist (`--checklist FILE`).
    pub fn open_with_checklist(
        path: &Path,
        checklist: Checklist,
        checklist_file: PathBuf,
    ) -> Result<Self, OpenError> {
        let text = store::read(path)?;
        let assessment = store::parse(path, &text)?;
        let source = Source {
            name: path,
            text: Some(&text),
        };
        Self::fitted(
            checklist,
            Some(checklist_file),
            assessment,
            source,
            Some(path),
        )
    }

    /// Opens assessment text (a built-in example) as an unsaved copy; `name` names it in errors.
    pub fn open_text(library: &Library, name: &Path, text: &str) -> Result<Self, OpenError> {
        let assessment = store::parse(name, text)?;
        Self::with_library(library, name, Some(text), assessment, None)
    }

    /// Restores autosaved work; it counts as unsaved until it is saved.
    pub fn recover(library: &Library, file: AutosaveFile) -> Result<Self, OpenError> {
        let name = file
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(autosave::FILE_NAME));
        let mut session = Self::with_library(library, &name, None, file.assessment, None)?;
        session.path = file.path;
        session.on_disk = file.on_disk;
        if file.checklist_file.is_some() {
            session.checklist_file = file.checklist_file;
        }
        session.saved = None;
        Ok(session)
    }

    fn with_library(
        library: &Library,
        name: &Path,
        text: Option<&str>,
        assessment: Assessment,
        path: Option<&Path>,
    ) -> Result<Self, OpenError> {
        let source = Source { name, text };
        let (checklist, checklist_file) =
            library
                .find(&assessment.checklist)
                .ok_or_else(|| OpenError::ChecklistMissing {
                    path: name.to_path_buf(),
                    id: assessment.checklist.id.clone(),
                    line: source.line(&[Step::Field("checklist"), Step::Field("id")]),
                })?;
        Self::fitted(checklist, checklist_file, assessment, source, path)
    }

    fn fitted(
        checklist: Checklist,
        checklist_file: Option<PathBuf>,
        mut assessment: Assessment,
        source: Source<'_>,
        path: Option<&Path>,
    ) -> Result<Self, OpenError> {
        // Made with an earlier version of the checklist: migrated, and unsaved until saved (the
        // file as it was is then kept as the backup).
        let original = assessment.clone();
        let migration = crate::checklist::migrate::migrate(&mut assessment, &checklist);
        let mismatches = assessment.check_against(&checklist);
        if !mismatches.is_empty() {
            return Err(OpenError::Mismatch {
                path: source.name.to_path_buf(),
                mismatches: mismatches
                    .into_iter()
                    .map(|mismatch| Misfit {
                        line: source.line(&mismatch.steps()),
                        mismatch,
                    })
                    .collect(),
            });
        }
        let mut session = Self::new(checklist, checklist_file, assessment);
        session.path = path.map(Path::to_path_buf);
        if migration.is_some() {
            session.saved = Some(original);
        }
        session.migration = migration;
        Ok(session)
    }

    /// The migration from an earlier checklist version done when the assessment was opened.
    pub fn migration(&self) -> Option<&Migration> {
        self.migration.as_ref()
    }

    /// The checklist and the assessment, leaving the session.
    pub fn into_parts(self) -> (Checklist, Assessment) {
        self.wizard.into_parts()
    }

    /// The walkthrough over the assessment.
    pub fn wizard(&self) -> &Wizard {
        &self.wizard
    }

    /// The walkthrough, to move through it and edit the assessment.
    pub fn wizard_mut(&mut self) -> &mut Wizard {
        &mut self.wizard
    }

    /// The checklist.
    pub fn checklist(&self) -> &Checklist {
        self.wizard.checklist()
    }

    /// The assessment as it is now.
    pub fn assessment(&self) -> &Assessment {
        self.wizard.assessment()
    }

    /// The file it belongs to, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The checklist file, for a checklist of one's own.
    pub fn checklist_file(&self) -> Option<&Path> {
        self.checklist_file.as_deref()
    }

    /// Whether the assessment differs from what was last opened or saved (undoing back to that
    /// state makes it saved again).
    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(self.wizard.assessment())
    }

    /// Takes the current content as saved (the user chose to discard the changes elsewhere).
    pub fn mark_clean(&mut self) {
        self.saved = Some(self.wizard.assessment().clone());
    }

    /// Saves to the file it belongs to, unless someone else changed that file since it was opened
    /// or last saved ([`SaveError::ChangedOnDisk`]; then [`Self::save_overwriting`] or
    /// [`Self::save_as`] a new file).
    pub fn save(&mut self) -> Result<PathBuf, SaveError> {
        let path = self.path.clone().ok_or(SaveError::NoPath)?;
        if self.changed_on_disk() {
            return Err(SaveError::ChangedOnDisk { path });
        }
        self.save_as(&path)?;
        Ok(path)
    }

    /// Saves to the file it belongs to even if it changed on disk; the other version is kept as
    /// the newest backup, as every save keeps the previous content.
    pub fn save_overwriting(&mut self) -> Result<PathBuf, SaveError> {
        let path = self.path.clone().ok_or(SaveError::NoPath)?;
        self.save_as(&path)?;
        Ok(path)
    }

    /// Whether the file this session belongs to now holds something else than what it held when
    /// it was opened or last saved. A file that is gone counts as unchanged (saving recreates it).
    pub fn changed_on_disk(&self) -> bool {
        let (Some(path), Some(known)) = (&self.path, &self.on_disk) else {
            return false;
        };
        match crate::fsio::read::read_regular(path, store::MAX_FILE_BYTES) {
            Ok(bytes) => content_hash(&bytes) != *known,
            Err(crate::fsio::read::ReadError::Io(e))
                if e.kind() == std::io::ErrorKind::NotFound =>
            {
                false
            }
            Err(_) => true,
        }
    }

    /// Saves to `path`, which it then belongs to.
    pub fn save_as(&mut self, path: &Path) -> Result<(), store::Error> {
        store::save(path, self.wizard.assessment())?;
        self.path = Some(path.to_path_buf());
        self.on_disk = store::to_string(self.wizard.assessment())
            .ok()
            .map(|text| content_hash(text.as_bytes()));
        self.mark_clean();
        Ok(())
    }

    /// What the autosave file holds for this session, stamped `saved_at`.
    pub fn autosave_file(&self, saved_at: String) -> AutosaveFile {
        AutosaveFile {
            saved_at,
            path: self.path.clone(),
            checklist_file: self.checklist_file.clone(),
            assessment: self.wizard.assessment().clone(),
            on_disk: self.on_disk.clone(),
            at: match self.wizard.step() {
                crate::wizard::Step::Question(id) => Some(id.to_string()),
                _ => None,
            },
        }
    }

    /// Writes the work in progress to the autosave file `path`.
    pub fn autosave(&self, path: &Path, saved_at: String) -> Result<(), autosave::AutosaveError> {
        autosave::write(path, &self.autosave_file(saved_at))
    }

    /// Writes the report in `format` and `lang` to `path` (see [`export::export`]).
    pub fn export(
        &self,
        format: ExportFormat,
        lang: crate::text::Lang,
        path: &Path,
    ) -> Result<Exported, ExportError> {
        let mut sources: Vec<&Path> = self.path.iter().map(PathBuf::as_path).collect();
        sources.extend(self.checklist_file.as_deref());
        export::export(
            self.wizard.checklist(),
            self.wizard.assessment(),
            &export::Target {
                format,
                lang,
                path,
                sources: &sources,
                today: crate::dates::today(),
            },
        )
    }

    /// Writes the next review date as a calendar file (`.ics`) to `path`; returns where an
    /// earlier calendar file there was kept.
    pub fn export_calendar(
        &self,
        lang: crate::text::Lang,
        path: &Path,
    ) -> Result<Option<PathBuf>, calendar::CalendarError> {
        let text = calendar::text(self.checklist(), self.assessment(), lang).ok_or_else(|| {
            calendar::CalendarError::NoDate {
                path: path.to_path_buf(),
            }
        })?;
        let mut sources: Vec<&Path> = self.path.iter().map(PathBuf::as_path).collect();
        sources.extend(self.checklist_file.as_deref());
        calendar::write(path, &text, &sources)
    }
}
