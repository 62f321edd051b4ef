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
}

/// Why the autosave file could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum AutosaveError {
    /// Writing failed.
    #[error("{}: cannot write the autosave file: {message}", path.display())]
    Write {
        /// The autosave file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The file is there but cannot be used; it was moved aside to `kept` (if that worked).
    #[error("{}: the autosave file is damaged and cannot be restored ({message}){}", path.display(), kept.as_ref().map(|k| format!("; it was kept as {}", k.display())).unwrap_or_default())]
    Damaged {
        /// The autosave file.
        path: PathBuf,
        /// Why it cannot be used.
        message: String,
        /// Where the damaged copy now is.
        kept: Option<PathBuf>,
    },
}

/// Writes `file` to `path` atomically, creating the data folder if needed.
pub fn write(path: &Path, file: &AutosaveFile) -> Result<(), AutosaveError> {
    let err = |message: String| AutosaveError::Write {
        path: path.to_path_buf(),
        message,
    };
    let text = ron::ser::to_string_pretty(file, ron::ser::PrettyConfig::new())
        .map_err(|e| err(e.to_string()))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| err(fsio::write_message(path, &e)))?;
    }
    fsio::atomic::write_atomic(path, text.as_bytes())
        .map_err(|e| err(fsio::write_message(path, &e)))
}

/// Reads the autosave file: `Ok(None)` when there is none. A damaged one is moved aside (to
/// `autosave.ron.damaged`, so the next autosave cannot overwrite it) and reported.
pub fn read(path: &Path) -> Result<Option<AutosaveFile>, AutosaveError> {
    if !path.exists() {
        return Ok(None);
    }
    let message = match crate::checklist::load::read_text(path, crate::store::MAX_FILE_BYTES) {
        Ok(text) => match ron::from_str::<AutosaveFile>(&text) {
            Ok(file) => return Ok(Some(file)),
            Err(e) => format!("line {}: {}", e.span.start.line, e.code),
        },
        Err(message) => message,
    };
    let mut aside = path.as_os_str().to_owned();
    aside.push(".damaged");
    let aside = PathBuf::from(aside);
    let kept = fsio::backup::keep_by_rename(path, &aside).ok();
    Err(AutosaveError::Damaged {
        path: path.to_path_buf(),
        message,
        kept,
    })
}

/// Removes the autosave file (the work was saved or discarded).
pub fn remove(path: &Path) {
    std::fs::remove_file(path).ok();
}
