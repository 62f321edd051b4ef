//! Plattform-Check: offline data-protection assessment of social-media channels of German public
//! bodies (`TikTok` and social networks in general).
//!
//! The data flow, each step a module of the domain core (no egui, no printpdf):
//!
//! ```text
//! checklists/*.ron ─parse─▶ checklist::schema ─validate─▶ Checklist ─┐
//!                                                                    ├─▶ scoring ─▶ Score ─▶ report ─▶ PDF
//! answers (UI / file) ────────────────────────────────▶ Assessment ─┘
//!                                                       store (atomic RON files)
//! ```
//!
//! - [`checklist`]: the checklist format ([`checklist::schema`]), its validation into a
//!   [`checklist::Checklist`], and loading with located [`diagnostics::Problem`]s.
//! - [`builtin`]: the checklists shipped inside the program.
//! - [`risk`]: DSK Kurzpapier Nr. 18 levels, classes and the matrix.
//! - [`assessment`]: answers, metadata and planned measures.
//! - [`scoring`]: findings, knock-outs, gross and residual classes, completeness.
//! - [`store`]: atomic, versioned assessment files.
//! - [`fsio`]: file access that loses nothing: regular files only, atomic writes, backups,
//!   where a report may be written.
//! - [`report`]: the PDF assessment report: plain data ([`report::build`]), page layout and PDF
//!   output ([`report::pdf::render`], the only user of printpdf).
//! - [`wizard`]: the walkthrough over an assessment (steps, answers, undo); no egui.
//! - [`cli`]: the command line over the core.
//! - [`ui`]: the desktop app (eframe/egui), the only module that imports egui.

pub mod assessment;
pub mod builtin;
pub mod checklist;
pub mod choice;
pub mod cli;
pub mod dates;
pub mod diagnostics;
pub mod edit;
pub mod fsio;
pub mod i18n;
pub mod ids;
pub mod plan;
pub mod report;
pub mod risk;
pub mod scoring;
pub mod session;
pub mod store;
pub mod text;
pub mod ui;
pub mod wizard;
