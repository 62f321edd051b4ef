//! Reading back what a report was made from: the fingerprints its PDF metadata carries.
//!
//! Reports write them as entries of the document information dictionary (next to Title and
//! Producer), which every PDF tool shows and which survives printing to a file only if the tool
//! keeps metadata; the printed "Prüf-ID" on every page is the fallback for paper.

use crate::report::model::ReportIds;

/// The Info entry with [`ReportIds::content`].
pub const CONTENT_KEY: &str = "PlattformCheckID";
/// The Info entry with [`ReportIds::team`].
pub const TEAM_KEY: &str = "PlattformCheckTeamID";
/// The Info entry with [`ReportIds::round`].
pub const ROUND_KEY: &str = "PlattformCheckRound";

/// Why the fingerprints could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not a PDF, or one lopdf cannot read.
    #[error("not a readable PDF file ({0})")]
    NotPdf(String),
    /// A PDF without our entries: not a report of this program, or one older than verification.
    #[error(
        "the PDF carries no Plattform-Check fingerprint: it is not a report of this program, or it was made by a version before 0.2"
    )]
    NoIds,
}

/// The fingerprints in the metadata of the PDF `bytes`.
pub fn read_ids(bytes: &[u8]) -> Result<ReportIds, ReadError> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| ReadError::NotPdf(e.to_string()))?;
    let info = match doc.trailer.get(b"Info") {
        Ok(lopdf::Object::Reference(id)) => doc.get_dictionary(*id).ok(),
        Ok(lopdf::Object::Dictionary(d)) => Some(d),
        _ => None,
    }
    .ok_or(ReadError::NoIds)?;
    let text = |key: &str| -> Option<String> {
        let bytes = info.get(key.as_bytes()).ok()?.as_str().ok()?;
        let text = String::from_utf8(bytes.to_vec()).ok()?;
        // Fingerprints are lowercase hex; anything else is not ours.
        (!text.is_empty() && text.bytes().all(|b| b.is_ascii_hexdigit())).then_some(text)
    };
    let content = text(CONTENT_KEY).ok_or(ReadError::NoIds)?;
    let team = text(TEAM_KEY).unwrap_or_default();
    let round = info
        .get(ROUND_KEY.as_bytes())
        .ok()
        .and_then(|o| o.as_i64().ok())
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or_default();
    Ok(ReportIds {
        content,
        team,
        round,
    })
}
