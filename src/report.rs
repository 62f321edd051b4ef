//! The assessment report as plain data: what a data protection officer reads, in German or
//! English, before any page is laid out.
//!
//! [`build`] turns a checklist, an assessment and its [`Score`] into a [`ReportDocument`]: a list
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

pub mod layout;
pub mod pdf;

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

/// The marker of a question that is shown but not answered.
pub fn open_marker(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "OFFEN – nicht beantwortet",
        Lang::En => "OPEN – not answered",
    }
}

/// A complete report, ready to be laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportDocument {
    /// The language all texts are in.
    pub lang: Lang,
    /// Document properties (PDF metadata).
    pub info: DocInfo,
    /// The title repeated in the header of every page.
    pub running_title: String,
    /// The assessment's full fingerprint (SHA-256 hex).
    pub fingerprint: String,
    /// Texts of the page footer.
    pub footer: Footer,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
}

impl ReportDocument {
    /// Calls `f` with every text the pages print (not the document properties): what the
    /// renderer subsets the fonts to before the layout is done.
    pub fn for_each_text(&self, mut f: impl FnMut(&str)) {
        // Exhaustive destructuring: a new field or block with text cannot be forgotten here.
        let Self {
            lang: _,
            info: _,
            running_title,
            fingerprint,
            footer:
                Footer {
                    page,
                    of,
                    fingerprint_label,
                },
            blocks,
        } = self;
        for text in [running_title, fingerprint, page, of, fingerprint_label] {
            f(text);
        }
        for block in blocks {
            block.for_each_text(&mut f);
        }
    }
}

impl Block {
    fn for_each_text(&self, f: &mut impl FnMut(&str)) {
        match self {
            Self::Title { text, subtitle } => {
                f(text);
                f(subtitle);
            }
            Self::Heading { level: _, text }
            | Self::WriteLines {
                label: text,
                lines: _,
            }
            | Self::Contents { title: text } => f(text),
            Self::Paragraph(Paragraph { text, style: _ })
            | Self::Note(Paragraph { text, style: _ }) => {
                f(text);
            }
            Self::Table(Table {
                columns,
                header: _,
                continued,
                rows,
            }) => {
                for Column {
                    title,
                    width: _,
                    bold: _,
                } in columns
                {
                    f(title);
                }
                if let Some(text) = continued {
                    f(text);
                }
                for Cell { text, mark: _ } in rows.iter().flat_map(|r| &r.cells) {
                    f(text);
                }
            }
            Self::Lights(lights) => {
                for Light {
                    caption,
                    class: _,
                    label,
                    detail,
                } in lights
                {
                    f(caption);
                    f(label);
                    f(detail);
                }
            }
            Self::RiskMaps(maps) => {
                for RiskMap {
                    title,
                    severity_axis,
                    likelihood_axis,
                    likelihood_levels,
                    class_letters,
                    cells: _,
                } in maps
                {
                    f(title);
                    f(severity_axis);
                    f(likelihood_axis);
                    likelihood_levels
                        .iter()
                        .chain(class_letters)
                        .for_each(|t| f(t));
                }
            }
            Self::Checkboxes(checks) => {
                for Check { checked: _, label } in checks {
                    f(label);
                }
            }
            Self::Signatures(signatures) => {
                for Signature {
                    role,
                    date,
                    date_caption,
                    signature_caption,
                } in signatures
                {
                    f(role);
                    if let Some(date) = date {
                        f(date);
                    }
                    f(date_caption);
                    f(signature_caption);
                }
            }
            Self::PageBreak => {}
        }
    }
}

/// Document properties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocInfo {
    /// Title.
    pub title: String,
    /// Author: the public body.
    pub author: String,
    /// Subject.
    pub subject: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// ISO 639-1 language code of the content.
    pub language: String,
    /// Producer: "Plattform-Check <version>".
    pub producer: String,
}

/// Texts of the page footer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Footer {
    /// "Seite" / "Page".
    pub page: String,
    /// "von" / "of".
    pub of: String,
    /// Label before the short fingerprint.
    pub fingerprint_label: String,
}

/// One piece of content.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The document title on the cover.
    Title {
        /// Main title.
        text: String,
        /// The line below it.
        subtitle: String,
    },
    /// A heading; level 1 starts a chapter, 2 a section, 3 an item (a question).
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The text.
        text: String,
    },
    /// Running text.
    Paragraph(Paragraph),
    /// A framed remark that must not be overlooked.
    Note(Paragraph),
    /// A table (also used for label/value lists).
    Table(Table),
    /// Traffic lights with the class written next to them, side by side.
    Lights(Vec<Light>),
    /// 4×4 risk maps with counts per cell, side by side.
    RiskMaps(Vec<RiskMap>),
    /// Tick boxes, one per line.
    Checkboxes(Vec<Check>),
    /// Empty ruled lines to write on by hand.
    WriteLines {
        /// What to write.
        label: String,
        /// Number of lines.
        lines: usize,
    },
    /// Signature lines.
    Signatures(Vec<Signature>),
    /// The table of contents: every level-1 heading with its page, filled in by the layout.
    Contents {
        /// "Inhalt" / "Contents".
        title: String,
    },
    /// Start a new page.
    PageBreak,
}

/// A paragraph of running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The text; `\n` breaks a line.
    pub text: String,
    /// How it is set.
    pub style: TextStyle,
}

/// How a paragraph is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextStyle {
    /// Body text.
    Body,
    /// Body text in bold.
    Strong,
    /// Smaller text (remarks, legends).
    Small,
}

/// A table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// Whether the column titles are printed as a header row (repeated on every page).
    pub header: bool,
    /// Printed above the table where it continues on a new page ("A1.1 (Fortsetzung)").
    pub continued: Option<String>,
    /// The rows.
    pub rows: Vec<Row>,
}

/// A table column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Title (header row).
    pub title: String,
    /// Relative width.
    pub width: f32,
    /// Whether the column is set in bold (the labels of a label/value list).
    pub bold: bool,
}

/// A table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// A table cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The text; `\n` breaks a line.
    pub text: String,
    /// Emphasis.
    pub mark: Mark,
}

/// How a cell is emphasised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not at all.
    Plain,
    /// Bold.
    Strong,
    /// An open (unanswered) question: bold on a grey, framed background.
    Open,
    /// A risk class: bold on a light tint of the class colour (the class is always written too).
    Class(RiskClass),
}

/// One traffic light.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Light {
    /// What it shows ("Gesamtergebnis brutto").
    pub caption: String,
    /// The class lit.
    pub class: RiskClass,
    /// The class, written ("HOHES RISIKO").
    pub label: String,
    /// A line below the label.
    pub detail: String,
}

/// A 4×4 risk map: how many findings fall in each cell of the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskMap {
    /// Title ("brutto").
    pub title: String,
    /// Axis caption for severity (columns).
    pub severity_axis: String,
    /// Axis caption for likelihood (rows).
    pub likelihood_axis: String,
    /// Names of the likelihood levels 1..=4.
    pub likelihood_levels: [String; 4],
    /// One-letter abbreviations of the classes, least severe first, printed in the cells.
    pub class_letters: [String; 3],
    /// `cells[likelihood - 1][severity - 1]`.
    pub cells: [[MapCell; 4]; 4],
}

/// One cell of a risk map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapCell {
    /// The class the matrix gives this cell.
    pub class: RiskClass,
    /// Findings in it.
    pub count: usize,
}

/// One tick box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// Ticked.
    pub checked: bool,
    /// Label.
    pub label: String,
}

/// One signature: who signs, and lines for date and signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Role and name ("Datenschutzbeauftragte/r: Dr. Markus Feld").
    pub role: String,
    /// Date already known, printed above the date line.
    pub date: Option<String>,
    /// Caption under the date line.
    pub date_caption: String,
    /// Caption under the signature line.
    pub signature_caption: String,
}

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
    match lang {
        Lang::De => format!(
            "{:02}.{:02}.{}",
            date.day(),
            u8::from(date.month()),
            date.year()
        ),
        Lang::En => format!(
            "{}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        ),
    }
}

/// `s`, or a dash when it is blank.
fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s.trim().to_string()
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
        date.map_or_else(|| "—".to_string(), |d| format_date(d, self.lang))
    }

    /// A date in a form to sign: empty (to be written in) when not known.
    fn form_date(&self, date: Option<Date>) -> String {
        date.map(|d| format_date(d, self.lang)).unwrap_or_default()
    }

    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.out.push(Block::Heading {
            level,
            text: text.into(),
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
        class.name(self.lang).to_string()
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
            .map(|t| t.get(self.lang).to_string())
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
                    f.recommended.get(self.lang).to_string()
                } else {
                    m.text.trim().to_string()
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
                        .map_or_else(|| id.clone(), |m| m.label.get(self.lang).to_string())
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
        let mut title = self.s.data_protection_assessment.to_string();
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
        self.annex(app_version, &fingerprint);

        let info = DocInfo {
            title: title.clone(),
            author: self.assessment.metadata.public_body.trim().to_string(),
            subject: format!(
                "{} {} {} ({} {})",
                self.s.data_protection_assessment_after_dsk,
                self.checklist.title().get(lang),
                self.checklist.version(),
                self.s.assessment_id,
                short(&fingerprint)
            ),
            keywords: vec![
                self.s.data_protection.to_string(),
                self.s.dpia.to_string(),
                "DSK Kurzpapier 18".to_string(),
                self.assessment.metadata.platform.trim().to_string(),
                self.checklist.id().to_string(),
                self.score.overall_gross.name(lang).to_string(),
            ]
            .into_iter()
            .filter(|k| !k.is_empty())
            .collect(),
            language: lang.code().to_string(),
            producer: format!("Plattform-Check {app_version}"),
        };
        ReportDocument {
            lang,
            info,
            running_title,
            fingerprint,
            footer: Footer {
                page: self.s.page.to_string(),
                of: self.s.of.to_string(),
                fingerprint_label: self.s.assessment_id_2.to_string(),
            },
            blocks: self.out,
        }
    }

    fn status(&self) -> String {
        let r = &self.assessment.review;
        let mut status = match r.decision {
            Some(d) => match r.decision_date {
                Some(date) => format!(
                    "{}: {} {} {}",
                    self.s.decided,
                    d.name(self.lang),
                    self.s.on,
                    format_date(date, self.lang)
                ),
                None => format!("{}: {}", self.s.decided, d.name(self.lang)),
            },
            None if r.dpo_opinion.trim().is_empty() => self.s.draft_no_dpo_opinion_and.to_string(),
            None => self.s.dpo_opinion_given_decision_pending.to_string(),
        };
        let open = self.score.completeness.open.len();
        if open > 0 {
            status.push_str(&format!(
                "\n{} {open} {}",
                self.s.provisional, self.s.shown_question_s_not_answered
            ));
        }
        status
    }

    fn cover(&mut self, title: &str, app_version: &str, today: Date, fingerprint: &str) {
        let m = self.assessment.metadata.clone();
        let subtitle = [m.public_body.trim(), m.unit.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        self.out.push(Block::Title {
            text: title.to_string(),
            subtitle,
        });
        let status = self.status();
        self.fields(
            vec![
                (
                    self.terms.meta.public_body.name.to_string(),
                    cell(or_dash(&m.public_body)),
                ),
                (
                    self.terms.meta.unit.name.to_string(),
                    cell(or_dash(&m.unit)),
                ),
                (
                    self.terms.meta.responsible.name.to_string(),
                    cell(or_dash(&m.responsible)),
                ),
                (self.terms.meta.dpo.name.to_string(), cell(or_dash(&m.dpo))),
                (
                    self.terms.meta.date.form.to_string(),
                    cell(self.date(m.date)),
                ),
                (self.s.status_2.to_string(), marked(status, Mark::Strong)),
            ],
            None,
        );

        let s = self.score;
        let ko = s.knockouts.len();
        let gross_detail = if ko > 0 {
            let what = if ko == 1 {
                self.s.knock_out_criterion_met.to_string()
            } else {
                self.s.knock_out_criteria_met.to_string()
            };
            format!("{ko} {what}")
        } else {
            format!("{} {}", s.findings.len(), self.s.findings_the_worst_decides)
        };
        let residual_detail = if ko > 0 {
            self.s.knock_outs_remain_until_the.to_string()
        } else {
            self.s.once_all_planned_measures_are.to_string()
        };
        self.out.push(Block::Lights(vec![
            Light {
                caption: self.s.overall_result_gross_before_measures.to_string(),
                class: s.overall_gross,
                label: s.overall_gross.name(self.lang).to_uppercase(),
                detail: gross_detail,
            },
            Light {
                caption: self.s.residual_risk_after_planned_measures.to_string(),
                class: s.overall_residual,
                label: s.overall_residual.name(self.lang).to_uppercase(),
                detail: residual_detail,
            },
        ]));
        if s.overall_gross == RiskClass::Hoch {
            self.note(self.s.high_risk_a_data_protection.to_string());
        }

        let c = self.checklist;
        let matrix_state = if c.matrix().verified {
            self.s.verified.to_string()
        } else {
            self.s.provisional_not_verified_against_the.to_string()
        };
        self.fields(
            vec![
                (
                    self.s.checklist.to_string(),
                    cell(format!(
                        "{} ({} {}, {} {})",
                        c.title().get(self.lang),
                        c.id(),
                        c.version(),
                        self.s.sources_checked_on,
                        c.date()
                    )),
                ),
                (
                    self.s.checklist_fingerprint.to_string(),
                    cell(c.fingerprint()),
                ),
                (self.s.risk_matrix.to_string(), cell(matrix_state)),
                (
                    self.s.made_with.to_string(),
                    cell(format!(
                        "Plattform-Check {app_version} {} {}",
                        self.s.on,
                        format_date(today, self.lang)
                    )),
                ),
                (
                    self.s.assessment_id_fingerprint.to_string(),
                    cell(format!("{fingerprint}\n{}", self.s.sha_256_of_the_content)),
                ),
            ],
            None,
        );
        self.out.push(Block::Contents {
            title: self.s.contents.to_string(),
        });
        self.out.push(Block::PageBreak);
    }

    fn summary(&mut self) {
        let s = self.score;
        self.heading(1, self.s.n_1_summary.to_string());

        self.heading(2, self.s.n_1_1_knock_out_criteria.to_string());
        let knockouts: Vec<&ScoredFinding> =
            s.findings.iter().filter(|f| f.knockout.is_some()).collect();
        if knockouts.is_empty() {
            self.para(
                self.s.no_knock_out_criterion_is.to_string(),
                TextStyle::Body,
            );
        } else {
            self.para(
                self.s.each_of_the_following_criteria.to_string(),
                TextStyle::Body,
            );
            let rows = knockouts
                .iter()
                .map(|f| Row {
                    cells: vec![
                        marked(f.id.clone(), Mark::Class(RiskClass::Hoch)),
                        cell(f.title(self.checklist, self.lang)),
                        cell(
                            f.knockout
                                .as_ref()
                                .map(|k| k.get(self.lang).to_string())
                                .unwrap_or_default(),
                        ),
                    ],
                })
                .collect();
            self.table(
                vec![
                    col(self.s.question.to_string(), 0.1),
                    col(self.s.question_text.to_string(), 0.4),
                    col(self.s.why_it_is_a_knock.to_string(), 0.5),
                ],
                rows,
            );
        }

        self.heading(2, self.s.n_1_2_findings_by_class.to_string());
        let (mut gross, mut residual) = ([0usize; 3], [0usize; 3]);
        for f in &s.findings {
            gross[f.gross.class as usize] += 1;
            residual[f.residual.class as usize] += 1;
        }
        let mut rows: Vec<Row> = [RiskClass::Hoch, RiskClass::Risiko, RiskClass::Gering]
            .into_iter()
            .map(|class| Row {
                cells: vec![
                    marked(self.class_name(class), Mark::Class(class)),
                    cell(gross[class as usize].to_string()),
                    cell(residual[class as usize].to_string()),
                ],
            })
            .collect();
        rows.push(Row {
            cells: vec![
                marked(self.s.all_findings.to_string(), Mark::Strong),
                marked(s.findings.len().to_string(), Mark::Strong),
                marked(s.findings.len().to_string(), Mark::Strong),
            ],
        });
        rows.push(Row {
            cells: vec![
                cell(self.s.of_them_platform_baseline_risks.to_string()),
                cell(s.baseline.total().to_string()),
                cell(s.baseline.total().to_string()),
            ],
        });
        self.table(
            vec![
                col(self.s.class.to_string(), 0.5),
                col(self.s.gross_before_measures.to_string(), 0.25),
                col(self.s.residual_after_measures.to_string(), 0.25),
            ],
            rows,
        );
        self.para(
            self.s.a_finding_is_every_risky.to_string(),
            TextStyle::Small,
        );
        let active: Vec<String> = self
            .checklist
            .modifiers()
            .iter()
            .filter(|md| s.active_modifiers.contains(&md.id))
            .map(|md| format!("{}: {}", md.label.get(self.lang), md.reason.get(self.lang)))
            .collect();
        for a in active {
            let text = format!("{}: {a}", self.s.aggravating_circumstance);
            self.out.push(Block::Note(Paragraph {
                text,
                style: TextStyle::Body,
            }));
        }

        self.heading(2, self.s.n_1_3_risk_map.to_string());
        let maps = [false, true]
            .into_iter()
            .map(|residual| self.risk_map(residual))
            .collect();
        self.out.push(Block::RiskMaps(maps));
        let sev: Vec<String> = (1..=4u8)
            .filter_map(Level::new)
            .map(|l| format!("{} {}", l, self.level_name(true, l)))
            .collect();
        self.para(
            format!(
                "{} {}: {}.",
                self.s.number_of_findings_per_cell,
                self.s.severity_2,
                sev.join(" · ")
            ),
            TextStyle::Small,
        );

        self.heading(2, self.s.n_1_4_result_by_section.to_string());
        let mut rows = Vec::new();
        for (sec, section) in s.sections.iter().zip(self.checklist.sections()) {
            let worst = if sec.gross.hoch > 0 {
                Mark::Class(RiskClass::Hoch)
            } else if sec.gross.risiko > 0 {
                Mark::Class(RiskClass::Risiko)
            } else {
                Mark::Plain
            };
            rows.push(Row {
                cells: vec![
                    marked(
                        format!("{} {}", sec.id, section.title.get(self.lang)),
                        worst,
                    ),
                    cell(sec.visible.to_string()),
                    cell(sec.answered.to_string()),
                    cell(sec.unknown.to_string()),
                    if sec.open > 0 {
                        marked(sec.open.to_string(), Mark::Open)
                    } else {
                        cell("0")
                    },
                    cell(sec.gross.hoch.to_string()),
                    cell(sec.gross.risiko.to_string()),
                    cell(sec.gross.gering.to_string()),
                    cell(sec.knockouts.to_string()),
                ],
            });
        }
        self.table(
            vec![
                col(self.s.section.to_string(), 0.28),
                col(self.s.shown.to_string(), 0.09),
                col(self.s.answ.to_string(), 0.09),
                col(self.s.unkn.to_string(), 0.09),
                col(self.s.open.to_string(), 0.09),
                col(self.s.high.to_string(), 0.09),
                col(self.s.risk.to_string(), 0.09),
                col(self.s.low.to_string(), 0.09),
                col(self.s.ko.to_string(), 0.09),
            ],
            rows,
        );
        self.para(
            self.s.classes_gross_findings_before_measures.to_string(),
            TextStyle::Small,
        );

        self.heading(2, self.s.n_1_5_open_and_unknown.to_string());
        let mut rows = Vec::new();
        for (_, q) in self.checklist.questions() {
            if s.completeness.open.contains(&q.id) {
                rows.push(Row {
                    cells: vec![
                        cell(q.id.clone()),
                        cell(q.text.get(self.lang)),
                        marked(open_marker(self.lang), Mark::Open),
                    ],
                });
            } else if self.assessment.is_unknown(&q.id) && s.findings.iter().any(|f| f.id == q.id) {
                rows.push(Row {
                    cells: vec![
                        cell(q.id.clone()),
                        cell(q.text.get(self.lang)),
                        marked(checklist::unknown_label(self.lang), Mark::Strong),
                    ],
                });
            }
        }
        if rows.is_empty() {
            self.para(
                self.s.every_question_shown_is_answered.to_string(),
                TextStyle::Body,
            );
        } else {
            if !s.completeness.open.is_empty() {
                self.note(self.s.the_result_is_provisional_open.to_string());
            }
            self.table(
                vec![
                    col(self.s.question.to_string(), 0.1),
                    col(self.s.question_text.to_string(), 0.62),
                    col(self.s.state.to_string(), 0.28),
                ],
                rows,
            );
        }

        self.heading(2, self.s.n_1_6_key_measures.to_string());
        // Every knock-out, then the worst class, up to KEY_MEASURES rows: a summary, not a
        // second action plan.
        let worst = s
            .findings
            .iter()
            .map(|f| f.gross.class)
            .max()
            .filter(|c| *c > RiskClass::Gering);
        let candidates: Vec<&ScoredFinding> = s
            .findings
            .iter()
            .filter(|f| f.knockout.is_some() || Some(f.gross.class) == worst)
            .collect();
        let shown = candidates.len().min(KEY_MEASURES.max(s.knockouts.len()));
        let more = candidates.len() - shown;
        let key = &candidates[..shown];
        if key.is_empty() {
            self.para(self.s.no_finding_of_class_risk.to_string(), TextStyle::Body);
        } else {
            self.para(
                self.s.measures_for_the_knock_outs.to_string(),
                TextStyle::Small,
            );
            let rows = key
                .iter()
                .map(|f| Row {
                    cells: vec![
                        marked(
                            format!("{}\n{}", f.id, self.class_name(f.gross.class)),
                            Mark::Class(f.gross.class),
                        ),
                        self.measure_cell(f),
                        marked(
                            self.class_name(f.residual.class),
                            Mark::Class(f.residual.class),
                        ),
                    ],
                })
                .collect();
            self.table(
                vec![
                    col(self.s.finding.to_string(), 0.15),
                    col(self.s.measure.to_string(), 0.68),
                    col(self.s.residual.to_string(), 0.17),
                ],
                rows,
            );
            if more > 0 {
                self.para(
                    format!("{more} {}", self.s.more_findings_of_this_class),
                    TextStyle::Small,
                );
            }
        }
    }

    fn risk_map(&self, residual: bool) -> RiskMap {
        let counts = self.score.heat_map(residual);
        let matrix = self.checklist.matrix();
        let cells = std::array::from_fn(|l| {
            std::array::from_fn(|s| MapCell {
                class: matrix.cells[l][s],
                count: counts[l][s],
            })
        });
        RiskMap {
            title: if residual {
                self.s.residual_after_planned_measures.to_string()
            } else {
                self.s.gross_before_measures.to_string()
            },
            severity_axis: self.s.severity_3.to_string(),
            likelihood_axis: self.s.likelihood_2.to_string(),
            likelihood_levels: std::array::from_fn(|i| {
                matrix.likelihood_levels[i].get(self.lang).to_string()
            }),
            class_letters: match self.lang {
                Lang::De => ["G".into(), "R".into(), "H".into()],
                Lang::En => ["L".into(), "R".into(), "H".into()],
            },
            cells,
        }
    }

    fn description(&mut self) {
        let m = self.assessment.metadata.clone();
        self.heading(1, self.s.n_2_description_of_the_processing.to_string());
        self.para(
            self.s.systematic_description_after_art_35.to_string(),
            TextStyle::Small,
        );
        self.fields(
            vec![
                (
                    self.terms.meta.public_body.name.to_string(),
                    cell(or_dash(&m.public_body)),
                ),
                (
                    self.terms.meta.unit.name.to_string(),
                    cell(or_dash(&m.unit)),
                ),
                (
                    self.terms.meta.platform.name.to_string(),
                    cell(or_dash(&m.platform)),
                ),
                (
                    self.terms.meta.account.name.to_string(),
                    cell(or_dash(&m.account)),
                ),
                (
                    self.terms.meta.operator.name.to_string(),
                    cell(or_dash(&m.operator)),
                ),
                (
                    self.terms.meta.purposes.name.to_string(),
                    cell(or_dash(&m.purposes)),
                ),
                (
                    self.terms.meta.target_groups.name.to_string(),
                    cell(or_dash(&m.target_groups)),
                ),
                (
                    self.terms.meta.data_subjects.name.to_string(),
                    cell(or_dash(&m.data_subjects)),
                ),
                (
                    self.terms.meta.third_countries.name.to_string(),
                    cell(or_dash(&m.third_countries)),
                ),
                (
                    self.terms.meta.responsible.name.to_string(),
                    cell(or_dash(&m.responsible)),
                ),
                (self.terms.meta.dpo.name.to_string(), cell(or_dash(&m.dpo))),
            ],
            None,
        );
        let missing = m.missing();
        if !missing.is_empty() {
            self.note(format!(
                "{}: {}",
                self.s.missing_master_data,
                m.missing_names(self.lang)
            ));
        }
        self.para(
            format!(
                "{}: {}",
                self.s.scope_of_the_checklist,
                self.checklist.description().get(self.lang)
            ),
            TextStyle::Small,
        );
    }

    fn baseline(&mut self) {
        let risks = self.checklist.baseline_risks();
        if risks.is_empty() {
            return;
        }
        self.heading(1, self.s.n_3_baseline_risks_of_the.to_string());
        self.para(
            self.s.risks_that_come_with_using.to_string(),
            TextStyle::Small,
        );
        for b in risks {
            let Some(f) = self.score.finding(&b.id) else {
                continue;
            };
            let heading = format!("{} {}", b.id, b.title.get(self.lang));
            self.heading(3, heading.clone());
            let mut rows = vec![
                (
                    self.s.description.to_string(),
                    cell(b.description.get(self.lang)),
                ),
                (self.s.rating.to_string(), self.rating_cell(f)),
                (self.s.measure.to_string(), self.measure_cell(f)),
            ];
            if !b.legal.is_empty() {
                rows.push((
                    self.s.legal_references.to_string(),
                    cell(b.legal.join("; ")),
                ));
            }
            rows.push((
                self.s.sources.to_string(),
                cell(self.sources_text(&b.sources)),
            ));
            self.fields(rows, Some(self.continued(&heading)));
        }
    }

    fn continued(&self, what: &str) -> String {
        let id = what.split_whitespace().next().unwrap_or(what);
        format!("{id} ({})", self.s.continued)
    }

    fn questions(&mut self) {
        self.heading(1, self.s.n_4_questions_answers_and_rating.to_string());
        self.para(
            self.s.every_question_shown_with_the.to_string(),
            TextStyle::Small,
        );
        let (checklist, assessment) = (self.checklist, self.assessment);
        let answer_of = |id: &str| assessment.choice(id);
        for section in checklist.sections() {
            self.heading(
                2,
                format!("{} {}", section.id, section.title.get(self.lang)),
            );
            let mut hidden = Vec::new();
            for q in &section.questions {
                if checklist.is_visible(q, &answer_of) {
                    self.question(q);
                } else {
                    hidden.push(q);
                }
            }
            for q in hidden {
                self.para(self.not_applicable(q), TextStyle::Small);
            }
        }
    }

    fn not_applicable(&self, q: &Question) -> String {
        let condition = q.show_if.as_ref().map(|c| {
            let labels: Vec<String> = self
                .checklist
                .question(&c.question)
                .map(|target| {
                    c.any_of
                        .iter()
                        .map(|o| target.choice_label(o, self.lang))
                        .collect()
                })
                .unwrap_or_default();
            format!(
                " ({} {} {} „{}“)",
                self.s.only_if,
                c.question,
                self.s.text,
                labels.join("“ / „")
            )
        });
        format!(
            "{} {} — {}{}",
            q.id,
            q.text.get(self.lang),
            self.s.not_applicable,
            condition.unwrap_or_default()
        )
    }

    fn question(&mut self, q: &Question) {
        let heading = format!("{} {}", q.id, q.text.get(self.lang));
        self.heading(3, heading.clone());
        let answer = self.assessment.answers.get(&q.id);
        let choice = self
            .assessment
            .choice(&q.id)
            .filter(|c| q.accepts(c))
            .cloned();
        let finding = self.score.finding(&q.id).cloned();
        let mut rows = Vec::new();
        match &choice {
            None => {
                rows.push((
                    self.s.answer.to_string(),
                    marked(open_marker(self.lang), Mark::Open),
                ));
                let mut options: Vec<String> = q
                    .options
                    .iter()
                    .map(|o| o.label.get(self.lang).to_string())
                    .collect();
                options.push(checklist::unknown_label(self.lang).to_string());
                rows.push((
                    self.s.possible_answers.to_string(),
                    cell(options.join(" / ")),
                ));
            }
            Some(c) => rows.push((
                self.s.answer.to_string(),
                marked(q.choice_label(c, self.lang), Mark::Strong),
            )),
        }
        let justification = answer.map(|a| a.justification.as_str()).unwrap_or_default();
        let evidence = answer.map(|a| a.evidence.as_str()).unwrap_or_default();
        rows.push((
            self.s.justification.to_string(),
            cell(or_dash(justification)),
        ));
        rows.push((self.s.evidence.to_string(), cell(or_dash(evidence))));
        match &finding {
            Some(f) => {
                rows.push((self.s.rating.to_string(), self.rating_cell(f)));
                if let Some(k) = &f.knockout {
                    rows.push((
                        self.s.knock_out.to_string(),
                        marked(k.get(self.lang), Mark::Class(RiskClass::Hoch)),
                    ));
                }
                rows.push((self.s.measure.to_string(), self.measure_cell(f)));
            }
            None if choice.is_some() => {
                rows.push((
                    self.s.rating.to_string(),
                    cell(self.s.no_finding_an_answer_without.to_string()),
                ));
                if let Some(m) = self.assessment.measures.get(q.id.as_str()) {
                    rows.push((
                        self.s.measure.to_string(),
                        cell(format!("{}\n{}", or_dash(&m.text), self.measure_details(m))),
                    ));
                }
            }
            None => rows.push((
                self.s.rating.to_string(),
                marked(self.s.not_rated_the_question_is.to_string(), Mark::Open),
            )),
        }
        if !q.legal.is_empty() {
            rows.push((
                self.s.legal_references.to_string(),
                cell(q.legal.join("; ")),
            ));
        }
        rows.push((
            self.s.sources.to_string(),
            cell(self.sources_text(&q.sources)),
        ));
        self.fields(rows, Some(self.continued(&heading)));
    }

    fn action_plan(&mut self) {
        self.heading(1, self.s.n_5_action_plan.to_string());
        self.para(
            self.s.planned_measures_with_owners_due.to_string(),
            TextStyle::Small,
        );
        let s = self.score;
        let mut rows = Vec::new();
        let mut unplanned = Vec::new();
        for f in &s.findings {
            let Some(m) = &f.planned else {
                unplanned.push(f);
                continue;
            };
            let text = if m.text.trim().is_empty() {
                f.recommended.get(self.lang).to_string()
            } else {
                m.text.trim().to_string()
            };
            rows.push(Row {
                cells: vec![
                    marked(
                        format!("{}\n{}", f.id, self.class_name(f.gross.class)),
                        Mark::Class(f.gross.class),
                    ),
                    cell(text),
                    cell(or_dash(&m.owner)),
                    cell(format!(
                        "{}\n{}",
                        self.date(m.due),
                        m.status.name(self.lang)
                    )),
                    marked(
                        self.class_name(f.residual.class),
                        Mark::Class(f.residual.class),
                    ),
                ],
            });
        }
        // Measures whose finding went away (the answer changed): still part of the plan.
        for (id, m) in &self.assessment.measures {
            if s.finding(id).is_some() {
                continue;
            }
            rows.push(Row {
                cells: vec![
                    cell(format!("{id}\n{}", self.s.no_finding)),
                    cell(or_dash(&m.text)),
                    cell(or_dash(&m.owner)),
                    cell(format!(
                        "{}\n{}",
                        self.date(m.due),
                        m.status.name(self.lang)
                    )),
                    cell("—"),
                ],
            });
        }
        if rows.is_empty() {
            self.para(self.s.no_measures_are_planned.to_string(), TextStyle::Body);
        } else {
            self.table(
                vec![
                    col(self.s.finding_gross.to_string(), 0.13),
                    col(self.s.measure.to_string(), 0.39),
                    col(self.s.owner.to_string(), 0.19),
                    col(self.s.due_status.to_string(), 0.15),
                    col(self.s.residual.to_string(), 0.14),
                ],
                rows,
            );
        }
        if !unplanned.is_empty() {
            self.heading(2, self.s.findings_without_a_planned_measure.to_string());
            let rows = unplanned
                .iter()
                .map(|f| Row {
                    cells: vec![
                        marked(
                            format!("{}\n{}", f.id, self.class_name(f.gross.class)),
                            Mark::Class(f.gross.class),
                        ),
                        cell(f.title(self.checklist, self.lang)),
                        cell(f.recommended.get(self.lang)),
                    ],
                })
                .collect();
            self.table(
                vec![
                    col(self.s.finding.to_string(), 0.14),
                    col(self.s.question_risk.to_string(), 0.38),
                    col(self.s.measure_the_checklist_recommends.to_string(), 0.48),
                ],
                rows,
            );
        }
    }

    fn decision(&mut self) {
        let r = self.assessment.review.clone();
        let m = self.assessment.metadata.clone();
        self.out.push(Block::PageBreak);
        self.heading(1, self.s.n_6_opinion_and_decision.to_string());
        self.heading(2, self.s.n_6_1_opinion_of_the.to_string());
        self.para(self.s.art_35_2_and_art.to_string(), TextStyle::Small);
        self.fields(
            vec![
                (self.terms.meta.dpo.name.to_string(), cell(or_dash(&m.dpo))),
                (
                    self.s.date_of_the_opinion.to_string(),
                    cell(self.form_date(r.opinion_date)),
                ),
            ],
            None,
        );
        if r.dpo_opinion.trim().is_empty() {
            self.out.push(Block::WriteLines {
                label: self.s.opinion.to_string(),
                lines: 8,
            });
        } else {
            self.para(r.dpo_opinion.trim(), TextStyle::Body);
        }

        self.heading(2, self.s.n_6_2_decision_of_the.to_string());
        self.out.push(Block::Checkboxes(
            Decision::ALL
                .into_iter()
                .map(|d| Check {
                    checked: r.decision == Some(d),
                    label: d.name(self.lang).to_string(),
                })
                .collect(),
        ));
        if r.conditions.trim().is_empty() {
            self.out.push(Block::WriteLines {
                label: self.s.conditions.to_string(),
                lines: 3,
            });
        } else {
            self.para(
                format!("{}: {}", self.s.conditions_2, r.conditions.trim()),
                TextStyle::Body,
            );
        }
        let deviation = self.s.the_dpo_s_advice_was.to_string();
        if r.deviation_reason.trim().is_empty() {
            self.out.push(Block::WriteLines {
                label: deviation,
                lines: 3,
            });
        } else {
            self.para(
                format!("{deviation}\n{}", r.deviation_reason.trim()),
                TextStyle::Body,
            );
        }
        if self.score.overall_residual == RiskClass::Hoch {
            self.note(self.s.the_residual_risk_stays_high.to_string());
        }
        self.fields(
            vec![
                (self.s.decided_by.to_string(), cell(r.decided_by.trim())),
                (
                    self.s.date_of_the_decision.to_string(),
                    cell(self.form_date(r.decision_date)),
                ),
            ],
            None,
        );
        let date_caption = self.s.place_date.to_string();
        // Where the name is not recorded, it is written by hand under the signature.
        let signature_caption = |name: &str| {
            if name.trim().is_empty() {
                self.s.signature_name_in_capitals.to_string()
            } else {
                self.s.signature.to_string()
            }
        };
        let role = |role: String, name: &str| {
            if name.trim().is_empty() {
                role
            } else {
                format!("{role}: {}", name.trim())
            }
        };
        let signatures = vec![
            Signature {
                role: role(self.terms.meta.dpo.name.to_string(), &m.dpo),
                date: r.opinion_date.map(|d| format_date(d, self.lang)),
                date_caption: date_caption.clone(),
                signature_caption: signature_caption(&m.dpo),
            },
            Signature {
                role: role(self.s.for_the_head_of_the.to_string(), &r.decided_by),
                date: r.decision_date.map(|d| format_date(d, self.lang)),
                date_caption,
                signature_caption: signature_caption(&r.decided_by),
            },
        ];
        self.out.push(Block::Signatures(signatures));

        self.heading(2, self.s.n_6_3_next_review.to_string());
        match r.next_review {
            Some(d) => self.fields(
                vec![(
                    self.s.no_later_than.to_string(),
                    marked(format_date(d, self.lang), Mark::Strong),
                )],
                None,
            ),
            None => self.out.push(Block::WriteLines {
                label: self.s.no_later_than_2.to_string(),
                lines: 1,
            }),
        }
        self.para(
            self.s.regardless_of_that_date_repeat.to_string(),
            TextStyle::Small,
        );
    }

    fn annex(&mut self, app_version: &str, fingerprint: &str) {
        let c = self.checklist;
        let matrix = c.matrix();
        self.out.push(Block::PageBreak);
        self.heading(1, self.s.annex_a_method.to_string());
        self.para(
            self.s.the_rating_follows_dsk_short.to_string(),
            TextStyle::Body,
        );
        self.heading(2, self.s.risk_matrix.to_string());
        let mut columns = vec![col(self.s.likelihood_severity.to_string(), 0.24)];
        for (i, name) in matrix.severity_levels.iter().enumerate() {
            columns.push(col(format!("{} {}", i + 1, name.get(self.lang)), 0.19));
        }
        let rows = (0..4)
            .rev()
            .map(|l| {
                let mut cells = vec![marked(
                    format!("{} {}", l + 1, matrix.likelihood_levels[l].get(self.lang)),
                    Mark::Strong,
                )];
                cells.extend(
                    matrix.cells[l]
                        .iter()
                        .map(|class| marked(self.class_name(*class), Mark::Class(*class))),
                );
                Row { cells }
            })
            .collect();
        self.table(columns, rows);
        let sources: Vec<String> = matrix
            .sources
            .iter()
            .map(|k| match c.source(k) {
                Some(s) => format!("{} ({}, {})", s.title, s.publisher, s.date),
                None => k.clone(),
            })
            .collect();
        self.para(
            format!("{}: {}", self.s.source_of_the_matrix, sources.join("; ")),
            TextStyle::Body,
        );
        if matrix.verified {
            self.para(
                self.s.the_cell_classes_are_verified.to_string(),
                TextStyle::Body,
            );
        } else {
            self.note(self.s.the_matrix_is_not_verified.to_string());
        }
        let note = matrix.note.get(self.lang);
        if !note.trim().is_empty() {
            self.para(note, TextStyle::Small);
        }
        if !c.modifiers().is_empty() {
            self.heading(2, self.s.modifiers.to_string());
            let rows = c
                .modifiers()
                .iter()
                .map(|md| {
                    let active = self.score.active_modifiers.contains(&md.id);
                    let effect = format!(
                        "{} {:+}, {} {:+}",
                        self.s.severity, md.severity, self.s.likelihood, md.likelihood
                    );
                    Row {
                        cells: vec![
                            marked(md.label.get(self.lang), Mark::Strong),
                            cell(format!("{}\n{effect}", md.reason.get(self.lang))),
                            if active {
                                marked(self.s.applies.to_string(), Mark::Strong)
                            } else {
                                cell(self.s.does_not_apply.to_string())
                            },
                        ],
                    }
                })
                .collect();
            self.table(
                vec![
                    col(self.s.modifier.to_string(), 0.25),
                    col(self.s.reason_and_effect.to_string(), 0.57),
                    col(self.s.here.to_string(), 0.18),
                ],
                rows,
            );
        }
        self.para(
            format!(
                "{} Plattform-Check {app_version}; {} {} {}; {} {}.",
                self.s.made_with,
                self.s.checklist_2,
                c.id(),
                c.version(),
                self.s.assessment_id,
                fingerprint
            ),
            TextStyle::Small,
        );

        self.heading(1, self.s.annex_b_sources.to_string());
        let rows = c
            .sources()
            .iter()
            .map(|s| {
                let mut text = format!("{}\n{}, {}\n{}", s.title, s.publisher, s.date, s.url);
                if let Some(note) = &s.note {
                    text.push('\n');
                    text.push_str(note.get(self.lang));
                }
                Row {
                    cells: vec![marked(s.key.clone(), Mark::Strong), cell(text)],
                }
            })
            .collect();
        self.table(
            vec![
                col(self.s.key.to_string(), 0.18),
                col(self.s.title_publisher_date_address_note.to_string(), 0.82),
            ],
            rows,
        );
    }
}

/// Every text of a document, in reading order (for tests and search).
pub fn texts(doc: &ReportDocument) -> Vec<&str> {
    let mut out = vec![doc.running_title.as_str()];
    for block in &doc.blocks {
        match block {
            Block::Title { text, subtitle } => {
                out.push(text);
                out.push(subtitle);
            }
            Block::Heading { text, .. } => out.push(text),
            Block::Paragraph(p) | Block::Note(p) => out.push(&p.text),
            Block::Table(t) => {
                if t.header {
                    out.extend(t.columns.iter().map(|c| c.title.as_str()));
                }
                for row in &t.rows {
                    out.extend(row.cells.iter().map(|c| c.text.as_str()));
                }
            }
            Block::Lights(lights) => {
                for l in lights {
                    out.extend([l.caption.as_str(), l.label.as_str(), l.detail.as_str()]);
                }
            }
            Block::RiskMaps(maps) => {
                for m in maps {
                    out.push(&m.title);
                }
            }
            Block::Checkboxes(checks) => out.extend(checks.iter().map(|c| c.label.as_str())),
            Block::WriteLines { label, .. } => out.push(label),
            Block::Signatures(s) => out.extend(s.iter().map(|s| s.role.as_str())),
            Block::Contents { title } => out.push(title),
            Block::PageBreak => {}
        }
    }
    out
}

#[cfg(test)]
mod tests;
