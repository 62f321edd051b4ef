//! The assessment report as plain data: what a data protection officer reads, in German or
//! English, before any page is laid out.
//!
//! [`build`] turns a checklist, an assessment and its [`Score`](crate::scoring::Score) into a [`ReportDocument`]: a list
//! of [`Block`]s (headings, paragraphs, tables, traffic lights, risk maps, tick boxes, lines to
//! sign on) whose texts are final, in the chosen language, independent of any UI language.
//! Nothing here knows about pages, fonts or printpdf; [`layout`] breaks the blocks into pages and
//! [`pdf`] writes those pages as a PDF. Tests can therefore check the content of a report without
//! reading a PDF.
//!
//! The order follows what a DPO expects of a documented assessment (Art. 35(7) GDPR, DSK
//! Kurzpapier Nr. 18): cover with the overall result, summary with the knock-outs first, the
//! description of the processing, the platform's baseline risks, every question with answer,
//! justification, evidence, rating and measure, the action plan, the DPO's opinion and the
//! decision with signature lines, and the method and sources as an annex.

mod build;
pub mod layout;
mod model;
pub mod pdf;

pub use build::{build, format_date};
pub use model::*;

#[cfg(test)]
mod tests;
