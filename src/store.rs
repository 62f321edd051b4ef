//! Reading and writing assessment files (RON), safely.
//!
//! Saves are atomic: the new content goes to a temporary file in the same folder, is flushed to
//! disk, and replaces the old file by a rename, so a crash leaves either the old or the new file,
//! never half of one. The previous content is kept next to it as `<name>.bak`.
//!
//! Loading refuses, with a message naming the file, anything that is not a readable assessment of
//! a format this program knows: too large, not text, damaged or truncated, or written by a newer
//! version. A refused file is never modified.

use std::fs::{self, File, OpenOptions};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::assessment::{Assessment, FORMAT_VERSION};
use crate::checklist::load::io_message;
use crate::diagnostics::source_line;

/// Assessment files larger than this are refused unread.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Why an assessment file could not be read or written.
#[derive(Debug, thiserror::Error)]
#[must_use]
pub enum Error {
    /// The file could not be read.
    #[error("{}: cannot read the file: {message}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{}: the file is {size} bytes; assessment files are at most {MAX_FILE_BYTES} bytes (10 MB), so this is not one", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{}: not a text file (unreadable data at byte {offset}); the file is damaged or not an assessment", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The text is not a valid assessment (damaged, truncated, edited by hand).
    #[error("{}:{line}:{col}: damaged or incomplete assessment file: {message}{}", path.display(), excerpt.as_ref().map(|e| format!("\n {line:>4} | {e}")).unwrap_or_default())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line, 1-based.
        line: usize,
        /// Column, 1-based.
        col: usize,
        /// The parser's message.
        message: String,
        /// The line concerned.
        excerpt: Option<String>,
    },
    /// Written by a newer program.
    #[error("{}: the file was written by a newer version of Plattform-Check (file format {found}; this version reads format {FORMAT_VERSION}); please update the program — the file was not changed", path.display())]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u32,
    },
    /// Format version 0 or otherwise unknown.
    #[error("{}: unknown file format version {found}", path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u32,
    },
    /// Refused to replace a file that this version cannot read back.
    #[error("{}: not overwritten: it holds an assessment of a newer format ({found}) that this version would destroy", path.display())]
    WouldDestroyNewer {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u32,
    },
    /// Writing failed; the previous file is untouched.
    #[error("{}: cannot save: {message}; the previous file is unchanged", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

impl Error {
    fn write(path: &Path, err: &std::io::Error) -> Self {
        let message = match err.raw_os_error() {
            // ENOSPC on Unix, ERROR_DISK_FULL on Windows.
            Some(28 | 112) => "the disk is full".to_string(),
            _ => io_message(err),
        };
        Self::Write {
            path: path.to_path_buf(),
            message,
        }
    }
}

/// Just enough of a file to learn its format version, whatever else a newer format contains.
#[derive(Deserialize)]
#[serde(rename = "Assessment")]
struct Header {
    format_version: u32,
}

/// Reads an assessment file.
pub fn load(path: &Path) -> Result<Assessment, Error> {
    let read_err = |e: &std::io::Error| Error::Read {
        path: path.to_path_buf(),
        message: io_message(e),
    };
    let file = File::open(path).map_err(|e| read_err(&e))?;
    let size = file.metadata().map_err(|e| read_err(&e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // `take` guards against a file that grows between the size check and the read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_err(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    parse(path, &text)
}

/// Parses assessment text; `path` names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Assessment, Error> {
    let syntax = |err: ron::error::SpannedError| Error::Syntax {
        path: path.to_path_buf(),
        line: err.span.start.line.max(1),
        col: err.span.start.col.max(1),
        message: err.code.to_string(),
        excerpt: source_line(text, err.span.start.line.max(1)),
    };
    // Read the version first: a newer file may have fields this version does not know, and
    // "please update" is a better message than "unknown field".
    if let Ok(header) = ron::from_str::<Header>(text) {
        if header.format_version > FORMAT_VERSION {
            return Err(Error::Newer {
                path: path.to_path_buf(),
                found: header.format_version,
            });
        }
        if header.format_version == 0 {
            return Err(Error::Unsupported {
                path: path.to_path_buf(),
                found: 0,
            });
        }
    }
    ron::from_str::<Assessment>(text).map_err(syntax)
}

/// The file content for `assessment`: pretty RON with struct names, stable key order.
pub fn to_string(assessment: &Assessment) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string());
    // Serialising these plain types to RON cannot fail; an empty result would be caught by the
    // round-trip tests.
    let body = ron::ser::to_string_pretty(assessment, config).unwrap_or_default();
    format!(
        "// Plattform-Check assessment file (format {FORMAT_VERSION}). Edit with care.\n{body}\n"
    )
}

/// Saves `assessment` to `path` atomically, keeping the previous content as `<path>.bak`.
pub fn save(path: &Path, assessment: &Assessment) -> Result<(), Error> {
    if let Ok(old) = fs::read_to_string(path)
        && let Ok(header) = ron::from_str::<Header>(&old)
        && header.format_version > FORMAT_VERSION
    {
        return Err(Error::WouldDestroyNewer {
            path: path.to_path_buf(),
            found: header.format_version,
        });
    }
    let text = to_string(assessment);
    if path.exists() {
        let backup = backup_path(path);
        let old = fs::read(path).map_err(|e| Error::write(path, &e))?;
        write_atomic(&backup, &old).map_err(|e| Error::write(&backup, &e))?;
    }
    write_atomic(path, text.as_bytes()).map_err(|e| Error::write(path, &e))
}

/// `<path>.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` so that a crash leaves the old or the new content, never a mix:
/// temporary file in the same folder, flush to disk, rename over the target, flush the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = (0..100u32)
        .map(|n| dir.join(format!(".{name}.tmp-{}-{n}", std::process::id())))
        .find_map(|candidate| {
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&candidate)
                .ok()
                .map(|f| (candidate, f))
        });
    let Some((tmp_path, mut file)) = tmp else {
        // Let the real reason (no such folder, permission denied) surface.
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dir.join(format!(".{name}.tmp")))?;
        return Err(std::io::Error::other("cannot create a temporary file"));
    };
    let result = (|| {
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp_path, path)?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp_path);
    }
    result
}

/// Makes the rename durable on Unix; Windows has no directory handles for this.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
