//! Sizes, line heights, rules and colours of the report's text and figures.

use super::{BODY_HEIGHT, BODY_WIDTH, Mark, Paragraph, Rgb, RiskClass, Stroke, Table, TextStyle};

/// Sizes: (font size, line height, bold).
#[derive(Clone, Copy)]
pub(super) struct Style {
    pub(super) size: f32,
    pub(super) lh: f32,
    pub(super) bold: bool,
}

pub(super) const BODY: Style = Style {
    size: 9.5,
    lh: 13.0,
    bold: false,
};
pub(super) const STRONG: Style = Style { bold: true, ..BODY };
pub(super) const SMALL: Style = Style {
    size: 8.0,
    lh: 10.5,
    bold: false,
};
pub(super) const H1: Style = Style {
    size: 15.0,
    lh: 19.0,
    bold: true,
};
pub(super) const H2: Style = Style {
    size: 11.5,
    lh: 15.0,
    bold: true,
};
pub(super) const H3: Style = Style {
    size: 9.5,
    lh: 12.5,
    bold: true,
};
pub(super) const CELL_PAD: f32 = 3.0;
pub(super) const GRID_CELL: Style = Style {
    size: 8.5,
    lh: 11.0,
    bold: false,
};
pub(super) const FIELD_CELL: Style = Style {
    size: 9.0,
    lh: 12.0,
    bold: false,
};
pub(super) const TABLE_HEAD: Style = Style {
    size: 7.5,
    lh: 9.5,
    bold: true,
};

pub(super) fn paragraph_style(style: TextStyle) -> Style {
    match style {
        TextStyle::Body => BODY,
        TextStyle::Strong => STRONG,
        TextStyle::Small => SMALL,
    }
}

/// The baseline of a line of `style` whose box starts at `top`.
pub(super) fn baseline(top: f32, s: Style) -> f32 {
    top + (s.lh + s.size * 0.7) / 2.0
}

pub(super) const RULE: Stroke = Stroke {
    color: Rgb::grey(0.55),
    width: 0.5,
};
pub(super) const LIGHT_RULE: Stroke = Stroke {
    color: Rgb::grey(0.8),
    width: 0.4,
};

/// The light tint behind a class.
pub fn tint(class: RiskClass) -> Rgb {
    match class {
        RiskClass::Gering => Rgb(0.85, 0.94, 0.85),
        RiskClass::Risiko => Rgb(1.0, 0.93, 0.7),
        RiskClass::Hoch => Rgb(0.98, 0.78, 0.78),
    }
}

/// The full colour of a lit traffic light.
pub fn signal(class: RiskClass) -> Rgb {
    match class {
        RiskClass::Gering => Rgb(0.1, 0.6, 0.2),
        RiskClass::Risiko => Rgb(0.96, 0.7, 0.0),
        RiskClass::Hoch => Rgb(0.85, 0.1, 0.1),
    }
}

pub(super) const NOTE_PAD: f32 = 6.0;
pub(super) const CONTENTS_GAP: f32 = 16.0;
pub(super) const CONTENTS: Style = Style {
    size: 9.5,
    lh: 14.0,
    bold: false,
};
pub(super) const WRITE_LINE: f32 = 20.0;
pub(super) const LIGHT_HOUSING_H: f32 = 58.0;
pub(super) const LIGHT_TEXT_X: f32 = 34.0;
/// Title, axis caption, four rows of 20 pt, column numbers and axis caption.
pub(super) const RISK_MAP_HEIGHT: f32 = 12.0 + 9.0 + 2.0 + 80.0 + 18.0;

/// Rows up to this height are never split across pages.
pub(super) const KEEP_WHOLE: f32 = BODY_HEIGHT * 0.3;
/// A longer row is split only if at least this many of its lines fit on the page.
pub(super) const MIN_SPLIT: usize = 4;

/// The height the first row (of `lines` lines) of a table needs on the page where the table
/// starts: all of it if the row is kept whole, otherwise what a split needs at least. A heading
/// kept with the table reserves the same, so it is never left alone.
pub(super) fn first_row_need(lines: usize, cs: Style) -> f32 {
    let full = lines as f32 * cs.lh + 2.0 * CELL_PAD;
    if full <= KEEP_WHOLE {
        full
    } else {
        MIN_SPLIT.min(lines) as f32 * cs.lh + 2.0 * CELL_PAD
    }
}

pub(super) fn note_style(p: &Paragraph) -> Style {
    Style {
        size: 9.0,
        lh: 12.0,
        bold: p.style != TextStyle::Body,
    }
}

pub(super) fn heading_style(level: u8) -> Style {
    match level {
        0 | 1 => H1,
        2 => H2,
        _ => H3,
    }
}

/// Space below a heading (a chapter heading has a rule under it).
pub(super) fn heading_after(level: u8) -> f32 {
    if level <= 1 { 7.0 } else { 4.0 }
}

pub(super) fn heading_gap(level: u8) -> f32 {
    match level {
        0 | 1 => 16.0,
        2 => 12.0,
        _ => 9.0,
    }
}

pub(super) fn cell_style(t: &Table) -> Style {
    if t.header { GRID_CELL } else { FIELD_CELL }
}

pub(super) fn cell_text_style(cs: Style, column_bold: bool, mark: Mark) -> Style {
    let bold = column_bold || !matches!(mark, Mark::Plain);
    Style { bold, ..cs }
}

pub(super) fn column_widths(t: &Table) -> Vec<f32> {
    let total: f32 = t.columns.iter().map(|c| c.width.max(0.0)).sum();
    let n = t.columns.len().max(1) as f32;
    t.columns
        .iter()
        .map(|c| {
            if total > 0.0 {
                c.width.max(0.0) / total * BODY_WIDTH
            } else {
                BODY_WIDTH / n
            }
        })
        .collect()
}

pub(super) fn class_index(class: RiskClass) -> usize {
    match class {
        RiskClass::Gering => 0,
        RiskClass::Risiko => 1,
        RiskClass::Hoch => 2,
    }
}
