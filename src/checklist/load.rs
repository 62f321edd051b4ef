//! Reads checklist files: RON text → [`ChecklistFile`] → validated [`Checklist`].
//!
//! Syntax and type errors become problems at `file:line:column` with the offending line; one
//! broken file never stops the others from loading.

use std::path::{Path, PathBuf};

use super::Checklist;
use super::schema::ChecklistFile;
use super::validate::validate;
use crate::diagnostics::{Location, Problem, source_line};

/// Checklist files larger than this are refused unread (the shipped ones are ~100 KB).
pub const MAX_CHECKLIST_BYTES: u64 = 5 * 1024 * 1024;

/// Where a checklist came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Shipped inside the program.
    Builtin,
    /// Read from this file.
    File(PathBuf),
}

/// A checklist and where it came from.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The validated checklist.
    pub checklist: Checklist,
    /// Where it came from.
    pub origin: Origin,
}

/// The result of loading several files: what loaded, and every problem found.
#[derive(Clone, Debug, Default)]
pub struct LoadReport {
    /// Checklists without errors.
    pub checklists: Vec<Loaded>,
    /// Errors and warnings of all files.
    pub problems: Vec<Problem>,
}

impl LoadReport {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Parses and validates checklist text; `file` names it in problems.
pub fn parse_str(file: &Path, source: &str) -> (Option<Checklist>, Vec<Problem>) {
    // A UTF-8 byte-order mark, as editors on Windows write one, is not part of the text (and
    // editors do not count it in columns either).
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    // Implicit `Some` lets authors write `de: "…"` and `measure: (…)` for optional fields;
    // an explicit `Some(…)` is still accepted.
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    match options.from_str::<ChecklistFile>(source) {
        Ok(decl) => validate(file, source, decl),
        Err(err) => (None, vec![ron_problem(file, source, &err)]),
    }
}

/// Reads, parses and validates one checklist file.
pub fn load_file(path: &Path) -> (Option<Checklist>, Vec<Problem>) {
    match read_text(path, MAX_CHECKLIST_BYTES) {
        Ok(source) => parse_str(path, &source),
        Err(TextError::NotUtf8(bad)) => (
            None,
            vec![Problem {
                file: path.to_path_buf(),
                at: Location::LineCol {
                    line: bad.line,
                    col: bad.col,
                },
                severity: crate::diagnostics::Severity::Error,
                message: format!(
                    "the file is not UTF-8 text (invalid byte at offset {}); is it a binary file?",
                    bad.offset
                ),
                excerpt: Some(bad.excerpt),
            }],
        ),
        Err(err) => (None, vec![file_problem(path, err.to_string())]),
    }
}

/// Loads every `*.ron` file in `dir`, sorted by name.
pub fn load_dir(dir: &Path) -> LoadReport {
    let mut report = LoadReport::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            report
                .problems
                .push(file_problem(dir, format!("cannot read the folder: {err}")));
            return report;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    for path in paths {
        let (checklist, problems) = load_file(&path);
        report.problems.extend(problems);
        if let Some(checklist) = checklist {
            report.checklists.push(Loaded {
                checklist,
                origin: Origin::File(path),
            });
        }
    }
    report
}

/// Why a text file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// Reading failed, or the file is not a regular file.
    #[error("{0}")]
    Read(crate::fsio::read::ReadError),
    /// Larger than allowed.
    #[error(
        "the file is {size} bytes, more than the {max} bytes allowed; it is probably not a checklist"
    )]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// Not UTF-8.
    #[error("the file is not UTF-8 text (invalid byte at offset {}); is it a binary file?", .0.offset)]
    NotUtf8(crate::diagnostics::BadByte),
}

/// Reads a text file of at most `max` bytes.
pub fn read_text(path: &Path, max: u64) -> Result<String, TextError> {
    let bytes = crate::fsio::read::read_regular(path, max).map_err(|e| match e {
        crate::fsio::read::ReadError::TooLarge { size, max } => TextError::TooLarge { size, max },
        other => TextError::Read(other),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        TextError::NotUtf8(crate::diagnostics::BadByte::of(
            e.as_bytes(),
            &e.utf8_error(),
        ))
    })
}

pub use crate::fsio::io_message;

fn file_problem(path: &Path, message: String) -> Problem {
    Problem {
        file: path.to_path_buf(),
        at: Location::File,
        severity: crate::diagnostics::Severity::Error,
        message,
        excerpt: None,
    }
}

/// Maps ron's error to a problem at its start position, with the source line.
pub fn ron_problem(file: &Path, source: &str, err: &ron::error::SpannedError) -> Problem {
    let line = err.span.start.line.max(1);
    let col = err.span.start.col.max(1);
    Problem {
        file: file.to_path_buf(),
        at: Location::LineCol { line, col },
        severity: crate::diagnostics::Severity::Error,
        message: err.code.to_string(),
        excerpt: source_line(source, line),
    }
}
