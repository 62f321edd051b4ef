//! The autosave file: the work in progress, written within a second of every change, so that it
//! survives a crash. It lives in the app's data folder, one file for the one open assessment.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::fsio;

/// Name of the autosave file in the data folder.
pub const FILE_NAME: &str = "autosave.ron";

/// What the autosave file holds.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename = "Autosave")]
pub struct AutosaveFile {
    /// When it was written (local time, for display).
    pub saved_at: String,
    /// The file the work belongs to, if it was saved before.
    pub path: Option<PathBuf>,
    /// The checklist file, for a checklist of one's own.
    pub checklist_file: Option<PathBuf>,
    /// The work.
    pub assessment: Assessment,
    /// SHA-256 of `path`'s bytes when the work was last opened or saved, so that a save after
    /// recovery still notices a change by someone else.
    #[serde(default)]
    pub on_disk: Option<String>,
    /// The question the user was on, to reopen there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// An autosave file of a version that wrote assessments in format 1.
#[derive(Deserialize)]
#[serde(rename = "Autosave")]
struct AutosaveV1 {
    saved_at: String,
    path: Option<PathBuf>,
    checklist_file: Option<PathBuf>,
    assessment: crate::assessment::v1::AssessmentV1,
}

impl AutosaveV1 {
    fn upgrade(self) -> AutosaveFile {
        AutosaveFile {
            saved_at: self.saved_at,
            path: self.path,
            checklist_file: self.checklist_file,
            assessment: self.assessment.upgrade(),
            on_disk: None,
            at: None,
        }
    }
}

/// Why the autosave file could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum AutosaveError {
    /// Writing failed.
    #[error("{}: cannot write the autosave file: {}", path.display(), fsio::write_message(path, source))]
    Write {
        /// The autosave file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The work could not be turned into text.
    #[error("{}: cannot write the autosave file: {source}", path.display())]
    Serialize {
        /// The autosave file.
        path: PathBuf,
        /// The serialiser's error.
        source: Box<ron::Error>,
    },
    /// The file is there but cannot be used; it was moved aside to `kept` (if that worked).
    #[error("{}: the autosave file is damaged and cannot be restored ({cause}){}", path.display(), kept.as_ref().map(|k| format!("; it was kept as {}", k.display())).unwrap_or_default())]
    Damaged {
        /// The autosave file.
        path: PathBuf,
        /// Why it cannot be used.
        cause: Damage,
        /// Where the damaged copy now is.
        kept: Option<PathBuf>,
    },
}

/// Why an autosave file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum Damage {
    /// It cannot be read as text.
    #[error(transparent)]
    Read(#[from] crate::checklist::load::TextError),
    /// Its text is not an autosave.
    #[error("line {}: {}", .0.span.start.line, .0.code)]
    Syntax(#[from] Box<ron::error::SpannedError>),
}

/// Writes `file` to `path` atomically, creating the data folder if needed.
pub fn write(path: &Path, file: &AutosaveFile) -> Result<(), AutosaveError> {
    let err = |source| AutosaveError::Write {
        path: path.to_path_buf(),
        source,
    };
    let text =
        ron::ser::to_string_pretty(file, ron::ser::PrettyConfig::new()).map_err(|source| {
            AutosaveError::Serialize {
                path: path.to_path_buf(),
                source: Box::new(source),
            }
        })?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    fsio::atomic::write_atomic(path, text.as_bytes()).map_err(err)
}

/// Reads the autosave file: `Ok(None)` when there is none. A damaged one is moved aside (to
/// `autosave.ron.damaged`, so the next autosave cannot overwrite it) and reported.
pub fn read(path: &Path) -> Result<Option<AutosaveFile>, AutosaveError> {
    if !path.exists() {
        return Ok(None);
    }
    let cause: Damage = match crate::checklist::load::read_text(path, crate::store::MAX_FILE_BYTES)
    {
        Ok(text) => match ron::from_str::<AutosaveFile>(&text) {
            Ok(file) => return Ok(Some(file)),
            // Written by a version with assessment format 1: upgraded like a file.
            Err(e) => match ron::from_str::<AutosaveV1>(&text) {
                Ok(old) => return Ok(Some(old.upgrade())),
                Err(_) => Box::new(e).into(),
            },
        },
        Err(err) => err.into(),
    };
    let mut aside = path.as_os_str().to_owned();
    aside.push(".damaged");
    let aside = PathBuf::from(aside);
    let kept = fsio::backup::keep_by_rename(path, &aside).ok();
    Err(AutosaveError::Damaged {
        path: path.to_path_buf(),
        cause,
        kept,
    })
}

/// Removes the autosave file (the work was saved or discarded).
pub fn remove(path: &Path) {
    std::fs::remove_file(path).ok();
}
