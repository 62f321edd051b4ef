//! Problems found while loading data files, each with the file and the place it concerns.
//!
//! Syntax and type errors have a line and column; semantic errors have a logical path such as
//! `sections[2].questions["A4.1"]` and, where the element's id could be found in the source,
//! the line it starts on.

pub mod ron_path;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data is usable, but something is missing or doubtful.
    Warning,
    /// The file cannot be used.
    Error,
}

/// Where in a file a problem is.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole.
    File,
    /// A position in the text, 1-based.
    LineCol {
        /// Line, 1-based.
        line: usize,
        /// Column in characters, 1-based.
        col: usize,
    },
    /// A logical path in the data, with the line where that element starts when known.
    Path {
        /// E.g. `sections[2].questions["A4.1"].options["nein"]`.
        path: String,
        /// Line of the element in the source, 1-based.
        line: Option<usize>,
    },
}

/// One problem in one file.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// The file concerned.
    pub file: PathBuf,
    /// Where in the file.
    pub at: Location,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong (lowercase, no trailing period).
    pub message: String,
    /// The source line concerned, for display under the message.
    pub excerpt: Option<String>,
}

impl Problem {
    /// An error at a logical path.
    pub fn at_path(file: &Path, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            at: Location::Path {
                path: path.into(),
                line: None,
            },
            severity: Severity::Error,
            message: message.into(),
            excerpt: None,
        }
    }

    /// The same problem as a warning.
    #[must_use]
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Whether it makes the file unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The line the problem points to, if any.
    pub fn line(&self) -> Option<usize> {
        match &self.at {
            Location::File => None,
            Location::LineCol { line, .. } => Some(*line),
            Location::Path { line, .. } => *line,
        }
    }
}

impl fmt::Display for Problem {
    /// `file:line:col: error: message`, or `file:line: error: path: message`, then the source line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let file = self.file.display();
        // Paths hold ids from the file: an invisible or control character in one is written out.
        let message = crate::text::printable(&self.message);
        match &self.at {
            Location::File => write!(f, "{file}: {kind}: {message}")?,
            Location::LineCol { line, col } => {
                write!(f, "{file}:{line}:{col}: {kind}: {message}")?;
            }
            Location::Path {
                path,
                line: Some(line),
            } => {
                let path = crate::text::printable(path);
                write!(f, "{file}:{line}: {kind}: {path}: {message}")?;
            }
            Location::Path { path, line: None } => {
                let path = crate::text::printable(path);
                write!(f, "{file}: {kind}: {path}: {message}")?;
            }
        }
        if let Some(excerpt) = &self.excerpt {
            let number = self.line().map(|l| l.to_string()).unwrap_or_default();
            write!(f, "\n {number:>4} | {excerpt}")?;
            if let Location::LineCol { col, .. } = self.at {
                // ron counts columns in characters; draw the caret the same way.
                let pad: String = excerpt
                    .chars()
                    .take(col.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n      | {pad}^")?;
            }
        }
        Ok(())
    }
}

/// A line of a file that a message points to: its number and its text, shortened for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    /// Line, 1-based.
    pub number: usize,
    /// Its text (see [`excerpt`]).
    pub text: String,
}

impl SourceLine {
    /// The line of `source` where the element reached through `steps` is written.
    pub fn of(source: &str, steps: &[ron_path::Step<'_>]) -> Option<Self> {
        let number = ron_path::line(source, steps)?;
        Some(Self {
            number,
            text: crate::text::printable(&source_line(source, number)?).into_owned(),
        })
    }

    /// `file:line: message`, then the line, for a message about the element on this line;
    /// `file: message` when there is no line.
    pub fn message(line: Option<&Self>, file: &Path, message: &dyn fmt::Display) -> String {
        match line {
            Some(line) => format!(
                "{}:{}: {message}\n {:>4} | {}",
                file.display(),
                line.number,
                line.number,
                line.text
            ),
            None => format!("{}: {message}", file.display()),
        }
    }
}

/// Where the first byte that is not UTF-8 is, for a "not a text file" message: its 1-based
/// line and column (in characters, as editors count them) and the line's text up to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadByte {
    /// Byte offset, 0-based.
    pub offset: usize,
    /// Line, 1-based.
    pub line: usize,
    /// Column in characters, 1-based.
    pub col: usize,
    /// The line up to the bad byte.
    pub excerpt: String,
}

impl fmt::Display for BadByte {
    /// The line up to the bad byte, with a caret under it, as a message shows it below its text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pad = " ".repeat(self.excerpt.chars().count());
        write!(f, " {:>4} | {}\n      | {pad}^", self.line, self.excerpt)
    }
}

impl BadByte {
    /// The position of `error` in `bytes`.
    pub fn of(bytes: &[u8], error: &std::str::Utf8Error) -> Self {
        let offset = error.valid_up_to();
        // Everything before `valid_up_to` is valid UTF-8 by definition.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
        let before = &valid[line_start..];
        Self {
            offset,
            line: valid.matches('\n').count() + 1,
            col: before.chars().count() + 1,
            excerpt: crate::text::printable(&excerpt(before.trim_end_matches('\r'))).into_owned(),
        }
    }
}

/// The text of line `line` (1-based) of `source`, shortened for display.
pub fn source_line(source: &str, line: usize) -> Option<String> {
    source.lines().nth(line.checked_sub(1)?).map(excerpt)
}

/// A line of source as a message quotes it: cut after 160 characters.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 160;
    if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        text.to_owned()
    }
}
