//! Where a PDF report may be written: a new file, or an earlier report of this program (kept as
//! a backup), never the assessment it is made from and never any other file.

use std::fs;
use std::path::{Path, PathBuf};

use super::{atomic, backup, write_message};

/// Text that every report of this program carries in its document information (the
/// `/Producer` and `/Creator` entries start with it).
pub const PRODUCER_PREFIX: &str = "Plattform-Check";

/// A report larger than this is not one of ours (the largest example is about 170 KB).
pub const MAX_REPORT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a report was not written.
#[derive(Debug, thiserror::Error)]
pub enum ReportWriteError {
    /// The target is the assessment (or another input) the report is made from.
    #[error(
        "{}: not written: this is the assessment the report is made from; choose another name for the PDF",
        path.display()
    )]
    IsSource {
        /// The target.
        path: PathBuf,
    },
    /// The target exists and is not a report of this program.
    #[error(
        "{}: not overwritten: the file exists and is {what}; choose another name for the PDF or move the file",
        path.display()
    )]
    NotOurReport {
        /// The target.
        path: PathBuf,
        /// What the file is instead.
        what: &'static str,
    },
    /// Writing failed; any earlier file is unchanged.
    #[error("{}: cannot write the report: {}{}", path.display(), write_message(path, source), if path.exists() { "; the earlier file there is unchanged" } else { "" })]
    Write {
        /// The file that could not be written (the report or its backup).
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// Writes the report `bytes` to `path`, refusing to replace any of `sources` or a file that is
/// not a report of this program. An earlier report there is kept as a backup, whose path is
/// returned.
pub fn write_report(
    path: &Path,
    bytes: &[u8],
    sources: &[&Path],
) -> Result<Option<PathBuf>, ReportWriteError> {
    let write_err = |p: &Path, source: std::io::Error| ReportWriteError::Write {
        path: p.to_path_buf(),
        source,
    };
    let kept = match fs::metadata(path) {
        Ok(meta) => {
            // Checked before anything opens the target: opening a FIFO would block.
            if !meta.is_file() {
                return Err(ReportWriteError::NotOurReport {
                    path: path.to_path_buf(),
                    what: "not a regular file (a folder, pipe or device)",
                });
            }
            if sources
                .iter()
                .any(|s| same_file::is_same_file(path, s).unwrap_or(false))
            {
                return Err(ReportWriteError::IsSource {
                    path: path.to_path_buf(),
                });
            }
            let old = read_if_small(path).map_err(|e| write_err(path, e))?;
            let Some(old) = old else {
                return Err(ReportWriteError::NotOurReport {
                    path: path.to_path_buf(),
                    what: "too large to be a report of Plattform-Check",
                });
            };
            if let Some(what) = not_our_report(&old) {
                return Err(ReportWriteError::NotOurReport {
                    path: path.to_path_buf(),
                    what,
                });
            }
            let backup = backup::keep(path, &old, Some(meta.permissions()))
                .map_err(|e| write_err(&backup::backup_path(path), e))?;
            Some(backup)
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(write_err(path, err)),
    };
    atomic::write_atomic(path, bytes).map_err(|e| write_err(path, e))?;
    Ok(kept)
}

/// The whole file, or `None` when it is larger than any report of ours.
fn read_if_small(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match super::read::read_regular(path, MAX_REPORT_BYTES) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(super::read::ReadError::TooLarge { .. }) => Ok(None),
        Err(super::read::ReadError::Io(err)) => Err(err),
        Err(super::read::ReadError::NotRegular) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )),
    }
}

/// What `bytes` is, if it is not a PDF written by this program.
fn not_our_report(bytes: &[u8]) -> Option<&'static str> {
    if !bytes.starts_with(b"%PDF-") {
        return Some("not a PDF file");
    }
    // The document information is written uncompressed; lopdf writes its text strings as
    // UTF-16BE in hexadecimal, but a literal string is accepted as well.
    let literal = format!("/Producer({PRODUCER_PREFIX}");
    let hex: String = PRODUCER_PREFIX
        .encode_utf16()
        .map(|unit| format!("{unit:04X}"))
        .collect();
    let hex = format!("/Producer<FEFF{hex}");
    let upper = bytes.to_ascii_uppercase();
    let found = |needle: &str| {
        let needle = needle.to_ascii_uppercase().into_bytes();
        upper.windows(needle.len()).any(|w| w == needle.as_slice())
    };
    if found(&literal) || found(&literal.replace('(', " (")) || found(&hex) {
        return None;
    }
    Some("a PDF that Plattform-Check did not write")
}
