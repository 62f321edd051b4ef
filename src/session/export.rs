//! Exporting an assessment: the report built, rendered and written where it may be written
//! ([`crate::fsio::report_target`]).

use std::path::{Path, PathBuf};

use time::Date;

use crate::assessment::Assessment;
use crate::checklist::Checklist;
use crate::fsio::report_target::{ReportWriteError, write_report};
use crate::report::{self, ReportDocument};
use crate::scoring::{self, Score};
use crate::text::Lang;

/// The formats an assessment can be exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// The PDF report for the DPO's review, decision and archive.
    Pdf,
}

/// Where and how to export.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    /// The format.
    pub format: ExportFormat,
    /// The report's language (independent of the app's).
    pub lang: Lang,
    /// The file to write.
    pub path: &'a Path,
    /// The files the report is made from, which it must never replace.
    pub sources: &'a [&'a Path],
    /// The date the report is made on.
    pub today: Date,
}

/// A written export.
#[derive(Debug)]
pub struct Exported {
    /// The file written.
    pub path: PathBuf,
    /// Its content.
    pub bytes: Vec<u8>,
    /// The report it shows.
    pub report: ReportDocument,
    /// The score it shows.
    pub score: Score,
    /// Characters the fonts lack, shown as markers.
    pub warnings: Vec<String>,
    /// Where the earlier report at `path` was kept, if there was one.
    pub backup: Option<PathBuf>,
}

impl Exported {
    /// How many questions are still open (the report is then provisional).
    pub fn open_questions(&self) -> usize {
        self.score.completeness.open.len()
    }
}

/// Why an export failed. Nothing was written, and any earlier file is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The report could not be rendered.
    #[error("{}: cannot render the report: {source}", path.display())]
    Render {
        /// The target.
        path: PathBuf,
        /// What went wrong.
        source: report::pdf::Error,
    },
    /// The file may not or could not be written.
    #[error(transparent)]
    Write(#[from] ReportWriteError),
}

/// Scores `assessment`, builds the report, renders it and writes it to `target`.
pub fn export(
    checklist: &Checklist,
    assessment: &Assessment,
    target: &Target<'_>,
) -> Result<Exported, ExportError> {
    let ExportFormat::Pdf = target.format;
    let score = scoring::score(checklist, assessment);
    let report = report::build(
        checklist,
        assessment,
        &score,
        target.lang,
        env!("CARGO_PKG_VERSION"),
        target.today,
    );
    let (bytes, warnings) = report::pdf::render(&report).map_err(|source| ExportError::Render {
        path: target.path.to_path_buf(),
        source,
    })?;
    let backup = write_report(target.path, &bytes, target.sources)?;
    Ok(Exported {
        path: target.path.to_path_buf(),
        bytes,
        report,
        score,
        warnings: warnings.iter().map(ToString::to_string).collect(),
        backup,
    })
}
