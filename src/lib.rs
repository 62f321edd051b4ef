//! Plattform-Check: offline data-protection assessment of social-media channels of German public
//! bodies (`TikTok` and social networks in general).
//!
//! The whole flow. Everything above the front ends is the domain core: it imports neither egui
//! nor printpdf, and both front ends reach it through the use-case layer, [`session`].
//!
//! ```text
//!  checklists/*.ron ─parse─▶ checklist::schema ─validate─▶ Checklist ──┐  builtin (shipped ones)
//!                                                                      │
//!  assessment file ─store─▶ Assessment ◀── edit::Edit ◀── wizard ◀─────┤  (steps, undo/redo)
//!        ▲  (fsio: atomic, backups)        │                            │
//!        │                                 ▼                            ▼
//!     session ── open / save / autosave ── scoring ─▶ Score ─▶ plan (action-plan rows)
//!        │                                                 │
//!        └── export ─▶ report::build ─▶ ReportDocument ─▶ report::layout ─▶ pages ─▶ report::pdf ─▶ PDF
//!
//!  cli  ──┐
//!         ├──▶ session (+ wizard, scoring, plan, i18n)
//!  ui   ──┘    (ui: screens draw a read-only View and return Actions; App applies them)
//! ```
//!
//! Modules:
//! - [`checklist`]: the checklist format ([`checklist::schema`]), its validation into a
//!   [`checklist::Checklist`], and loading with located [`diagnostics::Problem`]s.
//! - [`builtin`]: the checklists shipped inside the program.
//! - [`risk`]: DSK Kurzpapier Nr. 18 levels, classes and the matrix.
//! - [`ids`]: typed ids of questions, options and findings.
//! - [`choice`]: an answer, one of the options or "unknown" (the reserved file spelling).
//! - [`assessment`]: answers, metadata, planned measures and the review; the fit check against a
//!   checklist.
//! - [`edit`]: every change to an assessment as a value, with typed dates.
//! - [`wizard`]: the walkthrough over an assessment (steps, applying edits, undo); no egui.
//! - [`scoring`]: findings, knock-outs, gross and residual classes, completeness.
//! - [`plan`]: the action plan as rows, shared by the report, the result screen and the CLI.
//! - [`session`]: the use-case layer: open, save, save as, autosave, recover and export an
//!   assessment with its checklist ([`session::Library`]).
//! - [`store`]: atomic, versioned assessment files.
//! - [`fsio`]: file access that loses nothing: regular files only, atomic writes, rotating
//!   backups, where a report may be written.
//! - [`report`]: the PDF assessment report: plain data ([`report::build`], one file per
//!   chapter), page layout ([`report::layout`]) and PDF output ([`report::pdf::render`], the
//!   only user of printpdf).
//! - [`i18n`]: the one translation table of every front end (UI, report, CLI, domain terms).
//! - [`dates`]: date formats, typed input of dates, and the one place that says what "today"
//!   is.
//! - [`text`]: languages and bilingual checklist texts.
//! - [`diagnostics`]: problems located by file, line and path, with the source line.
//! - [`cli`]: the command line over the session layer.
//! - [`workshop`]: trainers' exercises: the participants' answers against an example's reference
//!   answers, with the trainer's notes.
//! - [`ui`]: the desktop app (eframe/egui), the only module that imports egui.

pub mod assessment;
pub mod builtin;
pub mod checklist;
pub mod choice;
pub mod cli;
pub mod dates;
pub mod diagnostics;
pub mod diff;
pub mod edit;
pub mod fsio;
pub mod i18n;
pub mod ids;
pub mod plan;
pub mod report;
pub mod review;
pub mod risk;
pub mod scoring;
pub mod session;
pub mod store;
pub mod text;
pub mod ui;
pub mod verify;
pub mod wizard;
pub mod workshop;
