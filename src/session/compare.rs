//! Comparing and verifying: what changed since an earlier round or against another file, and
//! whether a PDF report was made from this assessment.

use std::path::{Path, PathBuf};

use crate::diff::{self, Change, Side};
use crate::fsio::read::{ReadError, read_regular};
use crate::fsio::report_target::MAX_REPORT_BYTES;
use crate::report::pdf::read::{self as pdf_read, read_ids};
use crate::text::Lang;
use crate::verify::{self, Outcome};

use super::Session;

/// Why a report could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The PDF could not be read.
    #[error("{}: cannot read the report: {source}", path.display())]
    Read {
        /// The PDF.
        path: PathBuf,
        /// What went wrong.
        source: ReadError,
    },
    /// It is not a report whose fingerprints can be read.
    #[error("{}: {source}", path.display())]
    NotReport {
        /// The PDF.
        path: PathBuf,
        /// Why.
        source: pdf_read::ReadError,
    },
}

/// A checked report.
#[derive(Clone, Debug)]
pub struct Verified {
    /// How it relates to the assessment.
    pub outcome: Outcome,
    /// The round it says it was made in.
    pub report_round: u32,
    /// Its content fingerprint.
    pub report_id: String,
}

impl Session {
    /// What changed in the team's content since round `number` was submitted; `None` when that
    /// round has no submission.
    pub fn changes_since(&self, number: u32, lang: Lang) -> Option<Vec<Change>> {
        let a = self.assessment();
        let submitted = a.review.round_number(number)?.submission.as_ref()?;
        let before = submitted.content.to_assessment(a);
        let mut now = a.clone();
        now.review = crate::review::Review::default();
        let side = |assessment| Side {
            checklist: self.checklist(),
            assessment,
        };
        Some(diff::diff(side(&before), side(&now), lang))
    }

    /// What differs between this assessment (as the new version) and `other` (the old one).
    pub fn changes_from(&self, other: &Self, lang: Lang) -> Vec<Change> {
        diff::diff(
            Side {
                checklist: other.checklist(),
                assessment: other.assessment(),
            },
            Side {
                checklist: self.checklist(),
                assessment: self.assessment(),
            },
            lang,
        )
    }

    /// Whether the PDF report `pdf` was made from this assessment's content, and if not, from
    /// which of its rounds.
    pub fn verify_report(&self, pdf: &Path) -> Result<Verified, VerifyError> {
        let bytes = read_regular(pdf, MAX_REPORT_BYTES).map_err(|source| VerifyError::Read {
            path: pdf.to_path_buf(),
            source,
        })?;
        let ids = read_ids(&bytes).map_err(|source| VerifyError::NotReport {
            path: pdf.to_path_buf(),
            source,
        })?;
        Ok(Verified {
            outcome: verify::verify(&ids, self.assessment()),
            report_round: ids.round,
            report_id: ids.content,
        })
    }
}
