//! A front end's own small settings files (the app's preferences): RON, read with a size limit
//! and written atomically, so that a crash mid-write leaves the old file whole.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::fsio;

/// Largest settings file read; a bigger one is not ours.
const MAX_BYTES: u64 = 1 << 20;

/// Why a settings file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// There is none (yet).
    #[error("not found")]
    Missing,
    /// It could not be read (a folder, too large, no permission …).
    #[error("{0}")]
    Read(#[from] fsio::read::ReadError),
    /// It is not valid UTF-8 RON of the expected shape.
    #[error("{0}")]
    Parse(String),
}

/// Reads the settings in `path`.
///
/// # Errors
/// [`SettingsError::Missing`] if there is no file; otherwise why it could not be read or parsed.
pub fn read<T: DeserializeOwned>(path: &Path) -> Result<T, SettingsError> {
    let bytes = match fsio::read::read_regular(path, MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(fsio::read::ReadError::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(SettingsError::Missing);
        }
        Err(err) => return Err(err.into()),
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| SettingsError::Parse(e.to_string()))?;
    ron::from_str(text).map_err(|e| SettingsError::Parse(e.to_string()))
}

/// Writes `value` to `path` as pretty RON, atomically; the folder is created if needed.
///
/// # Errors
/// The folder cannot be created or the file cannot be written.
pub fn write<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    fsio::atomic::write_atomic(path, text.as_bytes())
}
