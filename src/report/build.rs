//! Builds the [`ReportDocument`] of an assessment: the builder and what every chapter shares
//! (cells, ratings, measures, dates); one file per chapter below.

mod action_plan;
mod annex;
mod baseline;
mod cover;
mod decision;
mod processing;
mod questions;
mod review;
mod summary;

use time::Date;

use crate::assessment::{Assessment, Decision, Measure, short};
use crate::checklist::{self, Checklist, Question};
use crate::i18n::report::ReportText;
use crate::i18n::terms::Terms;
use crate::risk::{Level, RiskClass};
use crate::scoring::{Rating, Score, ScoredFinding};
use crate::text::Lang;

/// Rows of the key-measures table in the summary (knock-outs are always all listed).
const KEY_MEASURES: usize = 10;
use super::model::{
    Block, Cell, Check, Column, DocInfo, Footer, Light, MapCell, Mark, Paragraph, ReportDocument,
    RiskMap, Row, Signature, Table, TextStyle, open_marker,
};

/// Builds the report of `assessment`, scored as `score`, in `lang`.
///
/// `app_version` is printed on the cover and in the metadata; `today` is the report date.
pub fn build(
    checklist: &Checklist,
    assessment: &Assessment,
    score: &Score,
    lang: Lang,
    app_version: &str,
    today: Date,
) -> ReportDocument {
    let b = Builder {
        checklist,
        assessment,
        score,
        lang,
        s: &crate::i18n::tr(lang).report,
        terms: &crate::i18n::tr(lang).terms,
        out: Vec::new(),
    };
    b.build(app_version, today)
}

/// A date as readers in the report language expect it.
pub fn format_date(date: Date, lang: Lang) -> String {
    crate::dates::shown(date, lang)
}

/// `s`, or a dash when it is blank.
fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_owned()
    } else {
        s.trim().to_owned()
    }
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        mark: Mark::Plain,
    }
}

fn marked(text: impl Into<String>, mark: Mark) -> Cell {
    Cell {
        text: text.into(),
        mark,
    }
}

fn col(title: impl Into<String>, width: f32) -> Column {
    Column {
        title: title.into(),
        width,
        bold: false,
    }
}

struct Builder<'a> {
    checklist: &'a Checklist,
    assessment: &'a Assessment,
    score: &'a Score,
    lang: Lang,
    /// The report's texts in `lang`.
    s: &'static ReportText,
    /// Names of domain values in `lang`.
    terms: &'static Terms,
    out: Vec<Block>,
}

impl Builder<'_> {
    fn date(&self, date: Option<Date>) -> String {
        date.map_or_else(|| "—".to_owned(), |d| format_date(d, self.lang))
    }

    /// A date in a form to sign: empty (to be written in) when not known.
    fn form_date(&self, date: Option<Date>) -> String {
        date.map(|d| format_date(d, self.lang)).unwrap_or_default()
    }

    /// A heading; chapters and their sections (levels 1 and 2) are numbered by the layout.
    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.out.push(Block::Heading {
            level,
            text: text.into(),
            numbered: level <= 2,
        });
    }

    /// An annex's heading: a chapter without a number.
    fn annex_heading(&mut self, text: impl Into<String>) {
        self.out.push(Block::Heading {
            level: 1,
            text: text.into(),
            numbered: false,
        });
    }

    fn para(&mut self, text: impl Into<String>, style: TextStyle) {
        self.out.push(Block::Paragraph(Paragraph {
            text: text.into(),
            style,
        }));
    }

    fn note(&mut self, text: impl Into<String>) {
        self.out.push(Block::Note(Paragraph {
            text: text.into(),
            style: TextStyle::Strong,
        }));
    }

    /// A label/value list without header.
    fn fields(&mut self, rows: Vec<(String, Cell)>, continued: Option<String>) {
        let rows = rows
            .into_iter()
            .map(|(label, value)| Row {
                cells: vec![cell(label), value],
            })
            .collect();
        self.out.push(Block::Table(Table {
            columns: vec![
                Column {
                    title: String::new(),
                    width: 0.31,
                    bold: true,
                },
                col("", 0.69),
            ],
            header: false,
            continued,
            rows,
        }));
    }

    fn table(&mut self, columns: Vec<Column>, rows: Vec<Row>) {
        self.out.push(Block::Table(Table {
            columns,
            header: true,
            continued: None,
            rows,
        }));
    }

    fn class_name(&self, class: RiskClass) -> String {
        class.name(self.lang).to_owned()
    }

    fn level_name(&self, severity: bool, level: Level) -> String {
        let m = self.checklist.matrix();
        let names = if severity {
            &m.severity_levels
        } else {
            &m.likelihood_levels
        };
        names
            .get(level.index())
            .map(|t| t.get(self.lang).to_owned())
            .unwrap_or_default()
    }

    /// "hohes Risiko (Schwere 3 substanziell, Wahrscheinlichkeit 3 substanziell)".
    fn rating_text(&self, r: Rating) -> String {
        format!(
            "{} ({} {} {}, {} {} {})",
            self.class_name(r.class),
            self.s.severity,
            r.severity,
            self.level_name(true, r.severity),
            self.s.likelihood,
            r.likelihood,
            self.level_name(false, r.likelihood),
        )
    }

    /// "hohes Risiko (S3/W3)".
    fn rating_short(&self, r: Rating) -> String {
        format!(
            "{} ({}{}/{}{})",
            self.class_name(r.class),
            self.s.s,
            r.severity,
            self.s.l,
            r.likelihood
        )
    }

    fn sources_text(&self, keys: &[String]) -> String {
        keys.iter()
            .map(|k| match self.checklist.source(k) {
                Some(s) => format!("[{k}] {}", s.title),
                None => format!("[{k}]"),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn measure_details(&self, m: &Measure) -> String {
        format!(
            "{}: {} · {}: {} · {}: {}",
            self.s.owner,
            or_dash(&m.owner),
            self.s.due,
            self.date(m.due),
            self.s.status,
            m.status.name(self.lang)
        )
    }

    /// The measure of a finding: the planned one with owner, due date and state, or the
    /// checklist's recommendation marked as not planned.
    fn measure_cell(&self, f: &ScoredFinding) -> Cell {
        match &f.planned {
            Some(m) => {
                let text = if m.text.trim().is_empty() {
                    f.recommended.get(self.lang).to_owned()
                } else {
                    m.text.trim().to_owned()
                };
                cell(format!("{text}\n{}", self.measure_details(m)))
            }
            None => cell(format!(
                "{}: {}",
                self.s.recommended_not_planned,
                f.recommended.get(self.lang)
            )),
        }
    }

    fn rating_cell(&self, f: &ScoredFinding) -> Cell {
        let mut text = self.rating_text(f.gross);
        if !f.modifiers.is_empty() {
            let labels: Vec<String> = f
                .modifiers
                .iter()
                .map(|id| {
                    self.checklist
                        .modifiers()
                        .iter()
                        .find(|m| &m.id == id)
                        .map_or_else(|| id.clone(), |m| m.label.get(self.lang).to_owned())
                })
                .collect();
            text.push_str(&format!(
                "\n{}: {} ({} {})",
                self.s.raised_by,
                labels.join("; "),
                self.s.without_it,
                self.rating_short(f.base)
            ));
        }
        if f.residual != f.gross {
            text.push_str(&format!(
                "\n{}: {}",
                self.s.after_the_measure,
                self.rating_text(f.residual)
            ));
        }
        marked(text, Mark::Class(f.gross.class))
    }

    fn build(mut self, app_version: &str, today: Date) -> ReportDocument {
        let lang = self.lang;
        let m = &self.assessment.metadata;
        let fingerprint = self.assessment.fingerprint();
        // "Datenschutz-Prüfung TikTok: @konto"; parts not yet recorded are left out.
        let mut title = self.s.data_protection_assessment.to_owned();
        if !m.platform.trim().is_empty() {
            title = format!("{title} {}", m.platform.trim());
        }
        if !m.account.trim().is_empty() {
            title = format!("{title}: {}", m.account.trim());
        }
        let running_title = if m.public_body.trim().is_empty() {
            title.clone()
        } else {
            format!("{title} — {}", m.public_body.trim())
        };

        self.cover(&title, app_version, today, &fingerprint);
        self.summary();
        self.description();
        self.baseline();
        self.questions();
        self.action_plan();
        self.decision();
        self.review_changes();
        self.review_history();
        self.annex(app_version, &fingerprint);

        let info = DocInfo {
            title: title.clone(),
            author: self.assessment.metadata.public_body.trim().to_owned(),
            subject: format!(
                "{} {} {} ({} {})",
                self.s.data_protection_assessment_after_dsk,
                self.checklist.title().get(lang),
                self.checklist.version(),
                self.s.assessment_id,
                short(&fingerprint)
            ),
            keywords: vec![
                self.s.data_protection.to_owned(),
                self.s.dpia.to_owned(),
                "DSK Kurzpapier 18".to_owned(),
                self.assessment.metadata.platform.trim().to_owned(),
                self.checklist.id().to_owned(),
                self.score.overall_gross.name(lang).to_owned(),
            ]
            .into_iter()
            .filter(|k| !k.is_empty())
            .collect(),
            language: lang.code().to_owned(),
            producer: format!("Plattform-Check {app_version}"),
            ids: super::model::ReportIds {
                content: fingerprint.clone(),
                team: self.assessment.team_fingerprint(),
                round: self.assessment.review.round.number,
            },
        };
        ReportDocument {
            lang,
            info,
            running_title,
            fingerprint,
            footer: Footer {
                page: self.s.page.to_owned(),
                of: self.s.of.to_owned(),
                fingerprint_label: self.s.assessment_id_2.to_owned(),
            },
            blocks: self.out,
        }
    }

    fn status(&self) -> String {
        let mut status = self.review_status_text();
        let open = self.score.completeness.open.len();
        if open > 0 {
            status.push_str(&format!(
                "\n{} {open} {}",
                self.s.provisional, self.s.shown_question_s_not_answered
            ));
        }
        status
    }
}
