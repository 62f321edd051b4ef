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
        out: Vec::new(),
    };
    b.build(app_version, today)
}

/// Text in the report language.
fn tr(lang: Lang, de: &str, en: &str) -> String {
    match lang {
        Lang::De => de.to_string(),
        Lang::En => en.to_string(),
    }
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
    out: Vec<Block>,
}

impl Builder<'_> {
    fn t(&self, de: &str, en: &str) -> String {
        tr(self.lang, de, en)
    }

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
            self.t("Schwere", "severity"),
            r.severity,
            self.level_name(true, r.severity),
            self.t("Wahrscheinlichkeit", "likelihood"),
            r.likelihood,
            self.level_name(false, r.likelihood),
        )
    }

    /// "hohes Risiko (S3/W3)".
    fn rating_short(&self, r: Rating) -> String {
        format!(
            "{} ({}{}/{}{})",
            self.class_name(r.class),
            self.t("S", "S"),
            r.severity,
            self.t("W", "L"),
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
            self.t("Verantwortlich", "Owner"),
            or_dash(&m.owner),
            self.t("Frist", "Due"),
            self.date(m.due),
            self.t("Stand", "Status"),
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
                self.t("Empfohlen, nicht geplant", "Recommended, not planned"),
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
                self.t("Verschärft durch", "Raised by"),
                labels.join("; "),
                self.t("ohne Verschärfung", "without it"),
                self.rating_short(f.base)
            ));
        }
        if f.residual != f.gross {
            text.push_str(&format!(
                "\n{}: {}",
                self.t("Nach der Maßnahme", "After the measure"),
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
        let mut title = self.t("Datenschutz-Prüfung", "Data-protection assessment");
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
                self.t(
                    "Datenschutz-Prüfung nach DSK-Kurzpapier Nr. 18 mit der Checkliste",
                    "Data-protection assessment after DSK short paper no. 18 with the checklist"
                ),
                self.checklist.title().get(lang),
                self.checklist.version(),
                self.t("Prüf-ID", "assessment ID"),
                short(&fingerprint)
            ),
            keywords: vec![
                self.t("Datenschutz", "data protection"),
                self.t("DSFA", "DPIA"),
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
                page: self.t("Seite", "Page"),
                of: self.t("von", "of"),
                fingerprint_label: self.t("Prüf-ID", "Assessment ID"),
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
                    self.t("Entschieden", "Decided"),
                    d.name(self.lang),
                    self.t("am", "on"),
                    format_date(date, self.lang)
                ),
                None => format!(
                    "{}: {}",
                    self.t("Entschieden", "Decided"),
                    d.name(self.lang)
                ),
            },
            None if r.dpo_opinion.trim().is_empty() => self.t(
                "Entwurf – noch ohne Stellungnahme der/des DSB und ohne Entscheidung",
                "Draft – no DPO opinion and no decision yet",
            ),
            None => self.t(
                "Stellungnahme der/des DSB liegt vor – Entscheidung steht aus",
                "DPO opinion given – decision pending",
            ),
        };
        let open = self.score.completeness.open.len();
        if open > 0 {
            status.push_str(&format!(
                "\n{} {open} {}",
                self.t("VORLÄUFIG:", "PROVISIONAL:"),
                self.t(
                    "angezeigte Frage(n) nicht beantwortet",
                    "shown question(s) not answered"
                )
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
                    self.t("Öffentliche Stelle", "Public body"),
                    cell(or_dash(&m.public_body)),
                ),
                (
                    self.t("Organisationseinheit", "Organisational unit"),
                    cell(or_dash(&m.unit)),
                ),
                (
                    self.t("Verantwortliche Person", "Person responsible"),
                    cell(or_dash(&m.responsible)),
                ),
                (
                    self.t("Datenschutzbeauftragte/r", "Data protection officer"),
                    cell(or_dash(&m.dpo)),
                ),
                (
                    self.t("Datum der Prüfung", "Date of the assessment"),
                    cell(self.date(m.date)),
                ),
                (self.t("Status", "Status"), marked(status, Mark::Strong)),
            ],
            None,
        );

        let s = self.score;
        let ko = s.knockouts.len();
        let gross_detail = if ko > 0 {
            let what = if ko == 1 {
                self.t("K.-o.-Kriterium erfüllt", "knock-out criterion met")
            } else {
                self.t("K.-o.-Kriterien erfüllt", "knock-out criteria met")
            };
            format!("{ko} {what}")
        } else {
            format!(
                "{} {}",
                s.findings.len(),
                self.t(
                    "Befunde, schlechtester entscheidet",
                    "findings, the worst decides"
                )
            )
        };
        let residual_detail = if ko > 0 {
            self.t(
                "K.-o.-Kriterien bleiben bis zur Änderung der Tatsachen bestehen",
                "knock-outs remain until the facts change",
            )
        } else {
            self.t(
                "wenn alle geplanten Maßnahmen umgesetzt sind",
                "once all planned measures are in place",
            )
        };
        self.out.push(Block::Lights(vec![
            Light {
                caption: self.t(
                    "Gesamtergebnis brutto (vor Maßnahmen)",
                    "Overall result, gross (before measures)",
                ),
                class: s.overall_gross,
                label: s.overall_gross.name(self.lang).to_uppercase(),
                detail: gross_detail,
            },
            Light {
                caption: self.t(
                    "Restrisiko netto (nach geplanten Maßnahmen)",
                    "Residual risk (after planned measures)",
                ),
                class: s.overall_residual,
                label: s.overall_residual.name(self.lang).to_uppercase(),
                detail: residual_detail,
            },
        ]));
        if s.overall_gross == RiskClass::Hoch {
            self.note(self.t(
                "Hohes Risiko: Eine Datenschutz-Folgenabschätzung ist erforderlich (Art. 35 DSGVO).",
                "High risk: a data protection impact assessment is required (Art. 35 GDPR).",
            ));
        }

        let c = self.checklist;
        let matrix_state = if c.matrix().verified {
            self.t("verifiziert", "verified")
        } else {
            self.t(
                "vorläufig, nicht gegen das DSK-Original verifiziert (siehe Anhang A)",
                "provisional, not verified against the DSK original (see annex A)",
            )
        };
        self.fields(
            vec![
                (
                    self.t("Checkliste", "Checklist"),
                    cell(format!(
                        "{} ({} {}, {} {})",
                        c.title().get(self.lang),
                        c.id(),
                        c.version(),
                        self.t("Quellen geprüft am", "sources checked on"),
                        c.date()
                    )),
                ),
                (
                    self.t("Fingerabdruck der Checkliste", "Checklist fingerprint"),
                    cell(c.fingerprint()),
                ),
                (self.t("Risikomatrix", "Risk matrix"), cell(matrix_state)),
                (
                    self.t("Erstellt mit", "Made with"),
                    cell(format!(
                        "Plattform-Check {app_version} {} {}",
                        self.t("am", "on"),
                        format_date(today, self.lang)
                    )),
                ),
                (
                    self.t("Prüf-ID (Fingerabdruck der Bewertung)", "Assessment ID (fingerprint)"),
                    cell(format!(
                        "{fingerprint}\n{}",
                        self.t(
                            "SHA-256 des Inhalts der Bewertungsdatei; die ersten 12 Zeichen stehen auf jeder Seite.",
                            "SHA-256 of the content of the assessment file; its first 12 characters are on every page."
                        )
                    )),
                ),
            ],
            None,
        );
        self.out.push(Block::Contents {
            title: self.t("Inhalt", "Contents"),
        });
        self.out.push(Block::PageBreak);
    }

    fn summary(&mut self) {
        let s = self.score;
        self.heading(1, self.t("1 Zusammenfassung", "1 Summary"));

        self.heading(2, self.t("1.1 K.-o.-Kriterien", "1.1 Knock-out criteria"));
        let knockouts: Vec<&ScoredFinding> =
            s.findings.iter().filter(|f| f.knockout.is_some()).collect();
        if knockouts.is_empty() {
            self.para(
                self.t(
                    "Kein K.-o.-Kriterium ist erfüllt.",
                    "No knock-out criterion is met.",
                ),
                TextStyle::Body,
            );
        } else {
            self.para(
                self.t(
                    "Jedes der folgenden Kriterien macht das Ergebnis für sich allein zu „hohes Risiko“, gleich wie die übrigen Fragen beantwortet sind. Geplante Maßnahmen ändern daran nichts; erst wenn sich die Tatsachen und damit die Antwort ändern, entfällt das Kriterium.",
                    "Each of the following criteria alone makes the result \"high risk\", whatever the other answers. Planned measures do not change that; the criterion goes away only when the facts, and so the answer, change.",
                ),
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
                    col(self.t("Frage", "Question"), 0.1),
                    col(self.t("Fragetext", "Question text"), 0.4),
                    col(self.t("Begründung des K.-o.", "Why it is a knock-out"), 0.5),
                ],
                rows,
            );
        }

        self.heading(
            2,
            self.t("1.2 Befunde nach Klasse", "1.2 Findings by class"),
        );
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
                marked(self.t("Befunde insgesamt", "All findings"), Mark::Strong),
                marked(s.findings.len().to_string(), Mark::Strong),
                marked(s.findings.len().to_string(), Mark::Strong),
            ],
        });
        rows.push(Row {
            cells: vec![
                cell(self.t(
                    "davon Grundrisiken der Plattform",
                    "of them platform baseline risks",
                )),
                cell(s.baseline.total().to_string()),
                cell(s.baseline.total().to_string()),
            ],
        });
        self.table(
            vec![
                col(self.t("Klasse", "Class"), 0.5),
                col(
                    self.t("brutto (vor Maßnahmen)", "gross (before measures)"),
                    0.25,
                ),
                col(
                    self.t("netto (nach Maßnahmen)", "residual (after measures)"),
                    0.25,
                ),
            ],
            rows,
        );
        self.para(
            self.t(
                "Ein Befund ist jede riskante Antwort, jede Antwort „unbekannt / nicht geprüft“ und jedes Grundrisiko der Plattform. Das Gesamtergebnis ist der schlechteste Befund, kein Durchschnitt.",
                "A finding is every risky answer, every answer \"unknown / not checked\" and every baseline risk of the platform. The overall result is the worst finding, never an average.",
            ),
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
            let text = format!(
                "{}: {a}",
                self.t("Verschärfender Umstand", "Aggravating circumstance")
            );
            self.out.push(Block::Note(Paragraph {
                text,
                style: TextStyle::Body,
            }));
        }

        self.heading(2, self.t("1.3 Risikomatrix", "1.3 Risk map"));
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
                self.t(
                    "Anzahl der Befunde je Feld der Matrix (Zeilen: Eintrittswahrscheinlichkeit, Spalten: Schwere). Der Buchstabe im Feld nennt die Klasse des Feldes: G geringes Risiko, R Risiko, H hohes Risiko.",
                    "Number of findings per cell of the matrix (rows: likelihood, columns: severity). The letter in each cell names its class: L low risk, R risk, H high risk.",
                ),
                self.t("Schwere", "Severity"),
                sev.join(" · ")
            ),
            TextStyle::Small,
        );

        self.heading(
            2,
            self.t("1.4 Ergebnis je Abschnitt", "1.4 Result by section"),
        );
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
                col(self.t("Abschnitt", "Section"), 0.28),
                col(self.t("Fragen", "shown"), 0.09),
                col(self.t("beantw.", "answ."), 0.09),
                col(self.t("unbek.", "unkn."), 0.09),
                col(self.t("offen", "open"), 0.09),
                col(self.t("hoch", "high"), 0.09),
                col(self.t("Risiko", "risk"), 0.09),
                col(self.t("gering", "low"), 0.09),
                col(self.t("K.-o.", "KO"), 0.09),
            ],
            rows,
        );
        self.para(
            self.t(
                "Klassen: Befunde brutto, vor Maßnahmen. Fragen: angezeigte Fragen; durch vorherige Antworten ausgeblendete Fragen zählen nicht.",
                "Classes: gross findings, before measures. Questions: questions shown; questions hidden by earlier answers do not count.",
            ),
            TextStyle::Small,
        );

        self.heading(
            2,
            self.t(
                "1.5 Offene und unbekannte Fragen",
                "1.5 Open and unknown questions",
            ),
        );
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
                self.t(
                    "Alle angezeigten Fragen sind beantwortet, keine mit „unbekannt / nicht geprüft“.",
                    "Every question shown is answered, none with \"unknown / not checked\".",
                ),
                TextStyle::Body,
            );
        } else {
            if !s.completeness.open.is_empty() {
                self.note(self.t(
                    "Das Ergebnis ist vorläufig: offene Fragen gelten nicht als unbedenklich.",
                    "The result is provisional: open questions are not treated as fine.",
                ));
            }
            self.table(
                vec![
                    col(self.t("Frage", "Question"), 0.1),
                    col(self.t("Fragetext", "Question text"), 0.62),
                    col(self.t("Stand", "State"), 0.28),
                ],
                rows,
            );
        }

        self.heading(2, self.t("1.6 Wichtigste Maßnahmen", "1.6 Key measures"));
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
            self.para(
                self.t(
                    "Kein Befund der Klasse „Risiko“ oder „hohes Risiko“.",
                    "No finding of class \"risk\" or \"high risk\".",
                ),
                TextStyle::Body,
            );
        } else {
            self.para(
                self.t(
                    "Maßnahmen zu den K.-o.-Kriterien und den Befunden der schlechtesten Klasse; alle Maßnahmen stehen im Maßnahmenplan (Kapitel 5).",
                    "Measures for the knock-outs and the findings of the worst class; every measure is in the action plan (chapter 5).",
                ),
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
                    col(self.t("Befund", "Finding"), 0.15),
                    col(self.t("Maßnahme", "Measure"), 0.68),
                    col(self.t("netto", "residual"), 0.17),
                ],
                rows,
            );
            if more > 0 {
                self.para(
                    format!(
                        "{more} {}",
                        self.t(
                            "weitere Befunde dieser Klasse mit ihren Maßnahmen stehen im Maßnahmenplan (Kapitel 5).",
                            "more findings of this class, with their measures, are in the action plan (chapter 5).",
                        )
                    ),
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
                self.t(
                    "netto (nach geplanten Maßnahmen)",
                    "residual (after planned measures)",
                )
            } else {
                self.t("brutto (vor Maßnahmen)", "gross (before measures)")
            },
            severity_axis: self.t("Schwere →", "Severity →"),
            likelihood_axis: self.t("Wahrscheinlichkeit ↓", "Likelihood ↓"),
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
        self.heading(
            1,
            self.t(
                "2 Beschreibung der Verarbeitung",
                "2 Description of the processing",
            ),
        );
        self.para(
            self.t(
                "Systematische Beschreibung nach Art. 35 Abs. 7 lit. a und Art. 30 Abs. 1 DSGVO, wie sie die Stelle angegeben hat.",
                "Systematic description after Art. 35(7)(a) and Art. 30(1) GDPR, as given by the body.",
            ),
            TextStyle::Small,
        );
        self.fields(
            vec![
                (
                    self.t("Öffentliche Stelle", "Public body"),
                    cell(or_dash(&m.public_body)),
                ),
                (
                    self.t("Organisationseinheit", "Organisational unit"),
                    cell(or_dash(&m.unit)),
                ),
                (self.t("Plattform", "Platform"), cell(or_dash(&m.platform))),
                (self.t("Konto", "Account"), cell(or_dash(&m.account))),
                (
                    self.t("Betreiber der Plattform", "Platform operator"),
                    cell(or_dash(&m.operator)),
                ),
                (self.t("Zwecke", "Purposes"), cell(or_dash(&m.purposes))),
                (
                    self.t("Zielgruppen", "Target groups"),
                    cell(or_dash(&m.target_groups)),
                ),
                (
                    self.t("Betroffene Personen", "Data subjects"),
                    cell(or_dash(&m.data_subjects)),
                ),
                (
                    self.t("Drittländer", "Third countries"),
                    cell(or_dash(&m.third_countries)),
                ),
                (
                    self.t("Verantwortliche Person", "Person responsible"),
                    cell(or_dash(&m.responsible)),
                ),
                (
                    self.t("Datenschutzbeauftragte/r", "Data protection officer"),
                    cell(or_dash(&m.dpo)),
                ),
            ],
            None,
        );
        let missing = m.missing();
        if !missing.is_empty() {
            self.note(format!(
                "{}: {}",
                self.t("Fehlende Stammdaten", "Missing master data"),
                missing.join(", ")
            ));
        }
        self.para(
            format!(
                "{}: {}",
                self.t("Gegenstand der Checkliste", "Scope of the checklist"),
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
        self.heading(
            1,
            self.t(
                "3 Grundrisiken der Plattform",
                "3 Baseline risks of the platform",
            ),
        );
        self.para(
            self.t(
                "Risiken, die mit der Nutzung der Plattform verbunden sind und die keine Antwort beseitigt. Sie zählen immer als Befund.",
                "Risks that come with using the platform and that no answer removes. They always count as findings.",
            ),
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
                    self.t("Beschreibung", "Description"),
                    cell(b.description.get(self.lang)),
                ),
                (self.t("Bewertung", "Rating"), self.rating_cell(f)),
                (self.t("Maßnahme", "Measure"), self.measure_cell(f)),
            ];
            if !b.legal.is_empty() {
                rows.push((
                    self.t("Rechtsgrundlagen", "Legal references"),
                    cell(b.legal.join("; ")),
                ));
            }
            rows.push((
                self.t("Quellen", "Sources"),
                cell(self.sources_text(&b.sources)),
            ));
            self.fields(rows, Some(self.continued(&heading)));
        }
    }

    fn continued(&self, what: &str) -> String {
        let id = what.split_whitespace().next().unwrap_or(what);
        format!("{id} ({})", self.t("Fortsetzung", "continued"))
    }

    fn questions(&mut self) {
        self.heading(
            1,
            self.t(
                "4 Fragen, Antworten und Bewertung",
                "4 Questions, answers and rating",
            ),
        );
        self.para(
            self.t(
                "Jede angezeigte Frage mit der gegebenen Antwort, ihrer Begründung und den Nachweisen, der Bewertung (Schwere × Eintrittswahrscheinlichkeit nach DSK-Kurzpapier Nr. 18) und der Maßnahme. Fragen, die durch vorherige Antworten nicht zutreffen, sind am Ende ihres Abschnitts aufgeführt.",
                "Every question shown, with the answer given, its justification and evidence, the rating (severity × likelihood after DSK short paper no. 18) and the measure. Questions that do not apply because of earlier answers are listed at the end of their section.",
            ),
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
                self.t("nur bei", "only if"),
                c.question,
                self.t("=", "="),
                labels.join("“ / „")
            )
        });
        format!(
            "{} {} — {}{}",
            q.id,
            q.text.get(self.lang),
            self.t("nicht zutreffend", "not applicable"),
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
                    self.t("Antwort", "Answer"),
                    marked(open_marker(self.lang), Mark::Open),
                ));
                let mut options: Vec<String> = q
                    .options
                    .iter()
                    .map(|o| o.label.get(self.lang).to_string())
                    .collect();
                options.push(checklist::unknown_label(self.lang).to_string());
                rows.push((
                    self.t("Antwortmöglichkeiten", "Possible answers"),
                    cell(options.join(" / ")),
                ));
            }
            Some(c) => rows.push((
                self.t("Antwort", "Answer"),
                marked(q.choice_label(c, self.lang), Mark::Strong),
            )),
        }
        let justification = answer.map(|a| a.justification.as_str()).unwrap_or_default();
        let evidence = answer.map(|a| a.evidence.as_str()).unwrap_or_default();
        rows.push((
            self.t("Begründung", "Justification"),
            cell(or_dash(justification)),
        ));
        rows.push((self.t("Nachweise", "Evidence"), cell(or_dash(evidence))));
        match &finding {
            Some(f) => {
                rows.push((self.t("Bewertung", "Rating"), self.rating_cell(f)));
                if let Some(k) = &f.knockout {
                    rows.push((
                        self.t("K.-o.-Kriterium", "Knock-out"),
                        marked(k.get(self.lang), Mark::Class(RiskClass::Hoch)),
                    ));
                }
                rows.push((self.t("Maßnahme", "Measure"), self.measure_cell(f)));
            }
            None if choice.is_some() => {
                rows.push((
                    self.t("Bewertung", "Rating"),
                    cell(self.t(
                        "kein Befund (Antwort ohne Risiko nach dieser Checkliste)",
                        "no finding (an answer without risk in this checklist)",
                    )),
                ));
                if let Some(m) = self.assessment.measures.get(q.id.as_str()) {
                    rows.push((
                        self.t("Maßnahme", "Measure"),
                        cell(format!("{}\n{}", or_dash(&m.text), self.measure_details(m))),
                    ));
                }
            }
            None => rows.push((
                self.t("Bewertung", "Rating"),
                marked(
                    self.t(
                        "nicht bewertet – die Frage ist offen",
                        "not rated – the question is open",
                    ),
                    Mark::Open,
                ),
            )),
        }
        if !q.legal.is_empty() {
            rows.push((
                self.t("Rechtsgrundlagen", "Legal references"),
                cell(q.legal.join("; ")),
            ));
        }
        rows.push((
            self.t("Quellen", "Sources"),
            cell(self.sources_text(&q.sources)),
        ));
        self.fields(rows, Some(self.continued(&heading)));
    }

    fn action_plan(&mut self) {
        self.heading(1, self.t("5 Maßnahmenplan", "5 Action plan"));
        self.para(
            self.t(
                "Geplante Maßnahmen mit Verantwortlichen, Fristen, Stand und der erwarteten Klasse nach der Umsetzung (Art. 35 Abs. 7 lit. d DSGVO). Reihenfolge: K.-o.-Kriterien, dann nach Klasse.",
                "Planned measures with owners, due dates, status and the expected class once in place (Art. 35(7)(d) GDPR). Order: knock-outs, then by class.",
            ),
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
                    cell(format!("{id}\n{}", self.t("kein Befund", "no finding"))),
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
            self.para(
                self.t(
                    "Es sind keine Maßnahmen geplant.",
                    "No measures are planned.",
                ),
                TextStyle::Body,
            );
        } else {
            self.table(
                vec![
                    col(self.t("Befund (brutto)", "Finding (gross)"), 0.13),
                    col(self.t("Maßnahme", "Measure"), 0.39),
                    col(self.t("Verantwortlich", "Owner"), 0.19),
                    col(self.t("Frist, Stand", "Due, status"), 0.15),
                    col(self.t("netto", "residual"), 0.14),
                ],
                rows,
            );
        }
        if !unplanned.is_empty() {
            self.heading(
                2,
                self.t(
                    "Befunde ohne geplante Maßnahme",
                    "Findings without a planned measure",
                ),
            );
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
                    col(self.t("Befund", "Finding"), 0.14),
                    col(self.t("Frage / Risiko", "Question / risk"), 0.38),
                    col(
                        self.t(
                            "Empfohlene Maßnahme der Checkliste",
                            "Measure the checklist recommends",
                        ),
                        0.48,
                    ),
                ],
                rows,
            );
        }
    }

    fn decision(&mut self) {
        let r = self.assessment.review.clone();
        let m = self.assessment.metadata.clone();
        self.out.push(Block::PageBreak);
        self.heading(
            1,
            self.t("6 Stellungnahme und Entscheidung", "6 Opinion and decision"),
        );
        self.heading(
            2,
            self.t(
                "6.1 Stellungnahme der/des Datenschutzbeauftragten",
                "6.1 Opinion of the data protection officer",
            ),
        );
        self.para(
            self.t(
                "Art. 35 Abs. 2 und Art. 39 Abs. 1 lit. c DSGVO: Die oder der Datenschutzbeauftragte berät zur Folgenabschätzung; ihre oder seine Stellungnahme wird dokumentiert.",
                "Art. 35(2) and Art. 39(1)(c) GDPR: the data protection officer advises on the impact assessment; the advice is documented.",
            ),
            TextStyle::Small,
        );
        self.fields(
            vec![
                (
                    self.t("Datenschutzbeauftragte/r", "Data protection officer"),
                    cell(or_dash(&m.dpo)),
                ),
                (
                    self.t("Datum der Stellungnahme", "Date of the opinion"),
                    cell(self.form_date(r.opinion_date)),
                ),
            ],
            None,
        );
        if r.dpo_opinion.trim().is_empty() {
            self.out.push(Block::WriteLines {
                label: self.t("Stellungnahme:", "Opinion:"),
                lines: 8,
            });
        } else {
            self.para(r.dpo_opinion.trim(), TextStyle::Body);
        }

        self.heading(
            2,
            self.t(
                "6.2 Entscheidung der Leitung der öffentlichen Stelle",
                "6.2 Decision of the head of the public body",
            ),
        );
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
                label: self.t("Auflagen:", "Conditions:"),
                lines: 3,
            });
        } else {
            self.para(
                format!(
                    "{}: {}",
                    self.t("Auflagen", "Conditions"),
                    r.conditions.trim()
                ),
                TextStyle::Body,
            );
        }
        let deviation = self.t(
            "Der Empfehlung der/des DSB wurde nicht gefolgt, weil …",
            "The DPO's advice was not followed because …",
        );
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
            self.note(self.t(
                "Das Restrisiko bleibt hoch. Soll die Verarbeitung dennoch stattfinden, ist vorher die Aufsichtsbehörde zu konsultieren (Art. 36 Abs. 1 DSGVO).",
                "The residual risk stays high. If the processing is to go ahead nonetheless, the supervisory authority must be consulted first (Art. 36(1) GDPR).",
            ));
        }
        self.fields(
            vec![
                (
                    self.t("Entschieden durch", "Decided by"),
                    cell(r.decided_by.trim()),
                ),
                (
                    self.t("Datum der Entscheidung", "Date of the decision"),
                    cell(self.form_date(r.decision_date)),
                ),
            ],
            None,
        );
        let date_caption = self.t("Ort, Datum", "Place, date");
        // Where the name is not recorded, it is written by hand under the signature.
        let signature_caption = |name: &str| {
            if name.trim().is_empty() {
                self.t(
                    "Unterschrift, Name in Druckschrift",
                    "Signature, name in capitals",
                )
            } else {
                self.t("Unterschrift", "Signature")
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
                role: role(
                    self.t("Datenschutzbeauftragte/r", "Data protection officer"),
                    &m.dpo,
                ),
                date: r.opinion_date.map(|d| format_date(d, self.lang)),
                date_caption: date_caption.clone(),
                signature_caption: signature_caption(&m.dpo),
            },
            Signature {
                role: role(
                    self.t(
                        "Für die Leitung der öffentlichen Stelle",
                        "For the head of the public body",
                    ),
                    &r.decided_by,
                ),
                date: r.decision_date.map(|d| format_date(d, self.lang)),
                date_caption,
                signature_caption: signature_caption(&r.decided_by),
            },
        ];
        self.out.push(Block::Signatures(signatures));

        self.heading(2, self.t("6.3 Nächste Überprüfung", "6.3 Next review"));
        match r.next_review {
            Some(d) => self.fields(
                vec![(
                    self.t("Spätestens am", "No later than"),
                    marked(format_date(d, self.lang), Mark::Strong),
                )],
                None,
            ),
            None => self.out.push(Block::WriteLines {
                label: self.t("Spätestens am:", "No later than:"),
                lines: 1,
            }),
        }
        self.para(
            self.t(
                "Unabhängig davon ist die Prüfung zu wiederholen bei neuen Gerichtsentscheidungen oder Veröffentlichungen der DSK und der Aufsichtsbehörden, geänderten Nutzungsbedingungen oder Funktionen der Plattform, Anordnungen von Aufsichtsbehörden gegen den Betreiber und neuen Zwecken oder Zielgruppen des Kanals.",
                "Regardless of that date, repeat the assessment on new court rulings or publications of the DSK and the supervisory authorities, changed terms or features of the platform, orders of supervisory authorities against the operator, and new purposes or target groups of the channel.",
            ),
            TextStyle::Small,
        );
    }

    fn annex(&mut self, app_version: &str, fingerprint: &str) {
        let c = self.checklist;
        let matrix = c.matrix();
        self.out.push(Block::PageBreak);
        self.heading(1, self.t("Anhang A: Methode", "Annex A: Method"));
        self.para(
            self.t(
                "Die Bewertung folgt dem DSK-Kurzpapier Nr. 18 „Risiko für die Rechte und Freiheiten natürlicher Personen“. Jeder Befund wird nach der Schwere eines möglichen Schadens und der Wahrscheinlichkeit seines Eintritts auf vier Stufen eingeschätzt; die Matrix der Checkliste ordnet jedem Paar eine Klasse zu: geringes Risiko, Risiko oder hohes Risiko. Das Gesamtergebnis ist die Klasse des schlechtesten Befunds, nie ein Durchschnitt. Ein K.-o.-Kriterium macht das Ergebnis unabhängig von allen anderen Antworten zu „hohes Risiko“. „Unbekannt / nicht geprüft“ ist ein eigener Befund (Rechenschaftspflicht, Art. 5 Abs. 2 DSGVO) und wird wie die schlechteste Antwort der Frage bewertet, aber nie als K.-o.-Kriterium. Modifikatoren verschärfen Befunde, solange ihre Bedingung gilt. Die Klasse netto verwendet die bei einer Maßnahme erwartete Schwere und Wahrscheinlichkeit, nie höher als brutto; verworfene Maßnahmen ändern nichts, K.-o.-Kriterien bleiben bestehen.",
                "The rating follows DSK short paper no. 18 \"Risk to the rights and freedoms of natural persons\". Each finding is rated by the severity of possible damage and the likelihood of it occurring, on four levels; the checklist's matrix maps each pair to a class: low risk, risk or high risk. The overall result is the class of the worst finding, never an average. A knock-out makes the result \"high risk\" whatever the other answers. \"Unknown / not checked\" is a finding of its own (accountability, Art. 5(2) GDPR), rated like the question's worst answer but never as a knock-out. Modifiers raise findings while their condition holds. The residual class uses the severity and likelihood expected with a measure, never above the gross ones; rejected measures change nothing, and knock-outs remain.",
            ),
            TextStyle::Body,
        );
        self.heading(2, self.t("Risikomatrix", "Risk matrix"));
        let mut columns = vec![col(
            self.t(
                "Wahrscheinlichkeit ↓ / Schwere →",
                "Likelihood ↓ / severity →",
            ),
            0.24,
        )];
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
            format!(
                "{}: {}",
                self.t("Quelle der Matrix", "Source of the matrix"),
                sources.join("; ")
            ),
            TextStyle::Body,
        );
        if matrix.verified {
            self.para(
                self.t(
                    "Die Zuordnung der Felder ist gegen die Originalveröffentlichung geprüft.",
                    "The cell classes are verified against the original publication.",
                ),
                TextStyle::Body,
            );
        } else {
            self.note(self.t(
                "Die Matrix ist NICHT verifiziert: Die Zuordnung der Felder zu den Klassen ist eine vorläufige Annäherung und wurde nicht gegen die Abbildung im DSK-Kurzpapier Nr. 18 geprüft. Einstufungen an den Grenzen der Klassen sind entsprechend vorsichtig zu lesen.",
                "The matrix is NOT verified: the classes of its cells are a provisional approximation, not checked against the figure in DSK short paper no. 18. Ratings at the borders between classes must be read with that in mind.",
            ));
        }
        let note = matrix.note.get(self.lang);
        if !note.trim().is_empty() {
            self.para(note, TextStyle::Small);
        }
        if !c.modifiers().is_empty() {
            self.heading(2, self.t("Modifikatoren", "Modifiers"));
            let rows = c
                .modifiers()
                .iter()
                .map(|md| {
                    let active = self.score.active_modifiers.contains(&md.id);
                    let effect = format!(
                        "{} {:+}, {} {:+}",
                        self.t("Schwere", "severity"),
                        md.severity,
                        self.t("Wahrscheinlichkeit", "likelihood"),
                        md.likelihood
                    );
                    Row {
                        cells: vec![
                            marked(md.label.get(self.lang), Mark::Strong),
                            cell(format!("{}\n{effect}", md.reason.get(self.lang))),
                            if active {
                                marked(self.t("trifft zu", "applies"), Mark::Strong)
                            } else {
                                cell(self.t("trifft nicht zu", "does not apply"))
                            },
                        ],
                    }
                })
                .collect();
            self.table(
                vec![
                    col(self.t("Modifikator", "Modifier"), 0.25),
                    col(self.t("Grund und Wirkung", "Reason and effect"), 0.57),
                    col(self.t("hier", "here"), 0.18),
                ],
                rows,
            );
        }
        self.para(
            format!(
                "{} Plattform-Check {app_version}; {} {} {}; {} {}.",
                self.t("Erstellt mit", "Made with"),
                self.t("Checkliste", "checklist"),
                c.id(),
                c.version(),
                self.t("Prüf-ID", "assessment ID"),
                fingerprint
            ),
            TextStyle::Small,
        );

        self.heading(1, self.t("Anhang B: Quellen", "Annex B: Sources"));
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
                col(self.t("Schlüssel", "Key"), 0.18),
                col(
                    self.t(
                        "Titel, Herausgeber, Stand, Adresse, Hinweis",
                        "Title, publisher, date, address, note",
                    ),
                    0.82,
                ),
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
