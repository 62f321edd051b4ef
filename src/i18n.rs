//! The one translation table of the program, in German and English.
//!
//! Every fixed text of the desktop app ([`ui`]), the PDF report ([`report`]), the command line
//! ([`cli`]), the DPO's review shared by all three ([`review`]) and the names of domain values
//! such as risk classes, decisions and metadata fields ([`terms`]).
//!
//! Typed structs rather than lookups by key: a missing translation is a compile error, not a
//! blank on screen or a German word in an English report, and the compiler flags texts that are
//! no longer used. There are two languages and no plural rules, so a message-catalogue crate
//! (fluent, rust-i18n) would add a build step and run-time lookups without helping. Checklist
//! texts come with the checklists and are not here.

pub mod cli;
pub mod report;
pub mod review;
pub mod terms;
pub mod ui;

use crate::text::Lang;

/// Every fixed text in one language.
pub struct Tr {
    /// The desktop app.
    pub ui: ui::UiText,
    /// The PDF report.
    pub report: report::ReportText,
    /// The command line.
    pub cli: cli::CliText,
    /// The DPO's review, rounds, comparisons and verification (report, app and command line).
    pub review: review::ReviewText,
    /// Names of domain values, shared by all front ends.
    pub terms: terms::Terms,
}

/// German.
pub const DE: Tr = Tr {
    ui: ui::DE,
    report: report::DE,
    cli: cli::DE,
    review: review::DE,
    terms: terms::DE,
};

/// English.
pub const EN: Tr = Tr {
    ui: ui::EN,
    report: report::EN,
    cli: cli::EN,
    review: review::EN,
    terms: terms::EN,
};

/// The table for `lang`.
pub fn tr(lang: Lang) -> &'static Tr {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
