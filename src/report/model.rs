//! The report as plain data: blocks of text, tables and figures whose texts are final, in one
//! language; nothing here knows about pages or fonts.

use crate::risk::RiskClass;
use crate::text::Lang;

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
            Self::Heading { text, .. }
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
    /// Producer: `Plattform-Check <version>`.
    pub producer: String,
    /// What the report was made from, written into the PDF's metadata for verification.
    pub ids: ReportIds,
}

/// The fingerprints a report carries in its PDF metadata, so that it can later be checked
/// against an assessment file ([`crate::verify`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportIds {
    /// [`crate::assessment::Assessment::fingerprint`]: the whole content, review included.
    pub content: String,
    /// [`crate::assessment::Assessment::team_fingerprint`]: the team's layer.
    pub team: String,
    /// The round the report was made in.
    pub round: u32,
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
        /// The text, without a number.
        text: String,
        /// Whether the layout numbers it ("2", "2.1"); chapters and their sections are numbered,
        /// the annexes and the questions (which carry their ids) are not.
        numbered: bool,
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
