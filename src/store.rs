//! Reading and writing assessment files (RON), safely.
//!
//! Saves are atomic ([`fsio::atomic`]): a crash leaves either the old or the new file, never half
//! of one. The previous content is kept next to it as `<name>.bak`, older ones as
//! `<name>.bak.2` … ([`fsio::backup`]); the file keeps its permissions.
//!
//! Loading refuses, with a message naming the file, anything that is not a readable assessment of
//! a format this program knows: too large, not text, damaged or truncated, or written by a newer
//! version. A refused file is never modified.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::assessment::v1::AssessmentV1;
use crate::assessment::{Assessment, FORMAT_VERSION};
use crate::diagnostics::ron_path::Step;
use crate::diagnostics::{SourceLine, source_line};
use crate::fsio::{self, read::ReadError};

pub use crate::fsio::atomic::write_atomic;
pub use crate::fsio::backup::backup_path;

/// Assessment files larger than this are refused unread.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A file larger than this is never replaced by a save: it is no assessment, and its backup
/// would not fit in memory.
const MAX_REPLACED_BYTES: u64 = 64 * 1024 * 1024;

/// Why an assessment file could not be read or written.
#[derive(Debug, thiserror::Error)]
#[must_use]
pub enum Error {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: ReadError,
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
    #[error("{}:{}:{}: not a text file (unreadable data at byte {}); the file is damaged or not an assessment\n{at}", path.display(), at.line, at.col, at.offset)]
    NotText {
        /// The file.
        path: PathBuf,
        /// Where the first invalid byte is.
        at: crate::diagnostics::BadByte,
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
    /// A key (a question or finding id) appears twice in `answers` or `measures`.
    #[error("{}:{second}: damaged assessment file: `{key}` appears twice (lines {first} and {second}); remove one of them — the file was not changed", path.display())]
    Duplicate {
        /// The file.
        path: PathBuf,
        /// The key.
        key: String,
        /// The line of the first entry.
        first: usize,
        /// The line of the second.
        second: usize,
    },
    /// The review layer breaks the lifecycle's rules ([`crate::review::check`]).
    #[error("{}", problems.iter().map(|(line, message)| SourceLine::message(line.as_ref(), path, &format_args!("damaged review in the assessment file: {message} — the file was not changed"))).collect::<Vec<_>>().join("\n"))]
    Inconsistent {
        /// The file.
        path: PathBuf,
        /// Each broken rule with its line.
        problems: Vec<(Option<SourceLine>, String)>,
    },
    /// Written by a newer program.
    #[error("{}", SourceLine::message(line.as_ref(), path, &format_args!("the file was written by a newer version of Plattform-Check (file format {found}; this version reads {}); please update the program — the file was not changed", readable_formats())))]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u32,
        /// The line of `format_version`.
        line: Option<SourceLine>,
    },
    /// Format version 0 or otherwise unknown.
    #[error("{}", SourceLine::message(line.as_ref(), path, &format_args!("unknown file format version {found} (this version reads {}); the file is damaged or not an assessment", readable_formats())))]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u32,
        /// The line of `format_version`.
        line: Option<SourceLine>,
    },
    /// Refused to replace a file that this version cannot read back.
    #[error("{}: not overwritten: it holds an assessment of a newer format ({found}) that this version would destroy", path.display())]
    WouldDestroyNewer {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u32,
    },
    /// Writing failed; the previous file, if any, is untouched.
    #[error("{}: cannot save: {}{}", path.display(), fsio::write_message(path, source), if *.existed { "; the previous file is unchanged" } else { "" })]
    Write {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
        /// Whether there was a previous file (which is then unchanged).
        existed: bool,
    },
    /// The assessment could not be turned into text; nothing was written.
    #[error("{}: cannot save: the assessment could not be written as text ({source}); nothing was changed", path.display())]
    Serialize {
        /// The file.
        path: PathBuf,
        /// The serialiser's error.
        source: ron::Error,
    },
}

impl Error {
    fn write(path: &Path, source: std::io::Error) -> Self {
        Self::Write {
            path: path.to_path_buf(),
            existed: path.is_file(),
            source,
        }
    }
}

/// The formats this version reads, for messages: "format 1", "formats 1 to 2".
fn readable_formats() -> String {
    if FORMAT_VERSION == 1 {
        "format 1".to_owned()
    } else {
        format!("formats 1 to {FORMAT_VERSION}")
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
    parse(path, &read(path)?)
}

/// Reads the text of an assessment file (regular files only, at most [`MAX_FILE_BYTES`], UTF-8),
/// for [`parse`]; the caller keeps the text to locate later problems in it.
pub fn read(path: &Path) -> Result<String, Error> {
    let bytes = fsio::read::read_regular(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::TooLarge { size, .. } => Error::TooLarge {
            path: path.to_path_buf(),
            size,
        },
        source => Error::Read {
            path: path.to_path_buf(),
            source,
        },
    })?;
    String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: path.to_path_buf(),
        at: crate::diagnostics::BadByte::of(e.as_bytes(), &e.utf8_error()),
    })
}

/// Parses assessment text; `path` names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Assessment, Error> {
    // A UTF-8 byte-order mark, as editors on Windows write one, is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let syntax = |err: ron::error::SpannedError| Error::Syntax {
        path: path.to_path_buf(),
        line: err.span.start.line.max(1),
        col: err.span.start.col.max(1),
        message: err.code.to_string(),
        excerpt: source_line(text, err.span.start.line.max(1)),
    };
    // Read the version first: a newer file may have fields this version does not know, and
    // "please update" is a better message than "unknown field".
    let mut version = FORMAT_VERSION;
    if let Ok(header) = ron::from_str::<Header>(text) {
        let line = || SourceLine::of(text, &[Step::Field("format_version")]);
        if header.format_version > FORMAT_VERSION {
            return Err(Error::Newer {
                path: path.to_path_buf(),
                found: header.format_version,
                line: line(),
            });
        }
        if header.format_version == 0 {
            return Err(Error::Unsupported {
                path: path.to_path_buf(),
                found: 0,
                line: line(),
            });
        }
        version = header.format_version;
    }
    let fail = |err| duplicate(path, text, &err).unwrap_or_else(|| syntax(err));
    let assessment = if version == 1 {
        ron::from_str::<AssessmentV1>(text).map_err(fail)?.upgrade()
    } else {
        ron::from_str::<Assessment>(text).map_err(fail)?
    };
    let broken = crate::review::check::check(&assessment.review);
    if !broken.is_empty() {
        return Err(Error::Inconsistent {
            path: path.to_path_buf(),
            problems: broken
                .into_iter()
                .map(|i| {
                    let line = crate::diagnostics::ron_path::parse(&i.path)
                        .and_then(|steps| SourceLine::of(text, &steps));
                    (line, format!("{}: {}", i.path, i.message))
                })
                .collect(),
        });
    }
    Ok(assessment)
}

/// The error for a key given twice (see [`crate::assessment::unique`]), with the lines of both
/// entries; `None` for any other error.
fn duplicate(path: &Path, text: &str, err: &ron::error::SpannedError) -> Option<Error> {
    let ron::Error::Message(message) = &err.code else {
        return None;
    };
    let key = message
        .strip_prefix(crate::assessment::unique::DUPLICATE)?
        .trim_matches('`');
    // Map keys are written at the start of a line: `"A1.1": Answer(…)`.
    let quoted = format!("\"{key}\"");
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            l.trim_start()
                .strip_prefix(&quoted)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|(i, _)| i + 1)
        .collect();
    let fallback = err.span.start.line.max(1);
    Some(Error::Duplicate {
        path: path.to_path_buf(),
        key: key.to_owned(),
        first: lines.first().copied().unwrap_or(fallback),
        second: lines.get(1).copied().unwrap_or(fallback),
    })
}

/// The file content for `assessment`: pretty RON with struct names, stable key order.
pub fn to_string(assessment: &Assessment) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_owned());
    let body = ron::ser::to_string_pretty(assessment, config)?;
    Ok(format!(
        "// Plattform-Check assessment file (format {FORMAT_VERSION}). Edit with care.\n{body}\n"
    ))
}

/// Saves `assessment` to `path` atomically.
///
/// The previous content is kept as the newest backup (`<path>.bak`, see [`fsio::backup`]) unless it
/// is what is saved now; the file keeps its permissions. Refuses to replace a file of a newer
/// format, or anything but a regular file.
pub fn save(path: &Path, assessment: &Assessment) -> Result<(), Error> {
    let text = to_string(assessment).map_err(|source| Error::Serialize {
        path: path.to_path_buf(),
        source,
    })?;
    let old = match fsio::read::read_regular(path, MAX_REPLACED_BYTES) {
        Ok(old) => Some(old),
        Err(ReadError::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(ReadError::Io(err)) => return Err(Error::write(path, err)),
        Err(other) => {
            return Err(Error::Write {
                path: path.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidInput, other.to_string()),
                existed: false,
            });
        }
    };
    if let Some(old) = &old {
        if let Ok(old_text) = std::str::from_utf8(old)
            && let Ok(header) = ron::from_str::<Header>(old_text)
            && header.format_version > FORMAT_VERSION
        {
            return Err(Error::WouldDestroyNewer {
                path: path.to_path_buf(),
                found: header.format_version,
            });
        }
        if old == text.as_bytes() {
            // Nothing to write, but a save is where the user expects the folder to be tidied:
            // remove what a killed earlier save left behind.
            fsio::atomic::clean_stale(&fsio::atomic::folder_of(path));
            return Ok(());
        }
        let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
        if permissions
            .as_ref()
            .is_some_and(std::fs::Permissions::readonly)
        {
            return Err(Error::Write {
                path: path.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    "the file is read-only",
                ),
                existed: true,
            });
        }
        fsio::backup::keep(path, old, permissions)
            .map_err(|e| Error::write(&backup_path(path), e))?;
    }
    write_atomic(path, text.as_bytes()).map_err(|e| Error::write(path, e))
}
