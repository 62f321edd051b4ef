//! The flow of blocks down the pages.
//!
//! Page breaks, gaps, headings kept with what follows, paragraphs without widows and orphans,
//! the table of contents and notes.

use super::{
    BODY_BOTTOM, BODY_HEIGHT, BODY_TOP, BODY_WIDTH, Block, CELL_PAD, CONTENTS, CONTENTS_GAP, Cell,
    Fonts, H2, Item, LEFT, LIGHT_RULE, Missing, NOTE_PAD, Page, Paragraph, RISK_MAP_HEIGHT, Rgb,
    STRONG, Stroke, Style, WRITE_LINE, baseline, cell_style, cell_text_style, column_widths,
    first_row_need, heading_after, heading_gap, heading_style, note_style, paragraph_style,
};

pub(super) struct Flow<'f> {
    pub(super) fonts: &'f Fonts,
    pub(super) pages: Vec<Page>,
    /// The top of the free space on the current page.
    pub(super) y: f32,
    pub(super) missing: Missing,
    /// Level-1 headings with the (1-based) page they start on.
    pub(super) chapters: Vec<(String, usize)>,
    /// The numbers of the current chapter and section.
    pub(super) numbers: [u32; 2],
    /// Where the table of contents goes (page index, top, title), once its space is reserved.
    pub(super) contents: Option<(usize, f32, String)>,
}

/// A table row, wrapped: lines per cell.
pub(super) struct WrappedRow<'a> {
    pub(super) cells: Vec<(Vec<String>, &'a Cell)>,
}

impl WrappedRow<'_> {
    pub(super) fn lines(&self) -> usize {
        self.cells
            .iter()
            .map(|(l, _)| l.len())
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

impl Flow<'_> {
    pub(super) fn items(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].items
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY_TOP;
    }

    pub(super) fn at_top(&self) -> bool {
        self.y <= BODY_TOP + 0.01
    }

    pub(super) fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// Starts a new page unless `h` fits (or we are at the top already).
    pub(super) fn need(&mut self, h: f32) {
        if h > self.room() + 0.01 && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space before a block, dropped at the top of a page.
    pub(super) fn gap(&mut self, g: f32) {
        if !self.at_top() {
            self.y = (self.y + g).min(BODY_BOTTOM);
        }
    }

    pub(super) fn gap_of(&self, g: f32) -> f32 {
        if self.at_top() { 0.0 } else { g }
    }

    pub(super) fn text(&mut self, x: f32, y: f32, s: Style, text: String) {
        if text.is_empty() {
            return;
        }
        self.items().push(Item::Text {
            x,
            y,
            size: s.size,
            bold: s.bold,
            text,
        });
    }

    pub(super) fn wrap(&mut self, text: &str, s: Style, width: f32) -> Vec<String> {
        let clean = self.fonts.sanitize(text, s.bold, &mut self.missing);
        self.fonts.wrap(&clean, s.size, s.bold, width)
    }

    /// Wraps without recording missing glyphs (for look-ahead measurements).
    pub(super) fn measure_lines(&self, text: &str, s: Style, width: f32) -> usize {
        let clean = self.fonts.sanitize(text, s.bold, &mut Missing::default());
        self.fonts.wrap(&clean, s.size, s.bold, width).len()
    }

    pub(super) fn block(&mut self, block: &Block, rest: &[Block]) {
        match block {
            Block::Title { text, subtitle } => self.title(text, subtitle),
            Block::Heading {
                level,
                text,
                numbered,
            } => {
                let next = self.min_start(rest, 0);
                let text = if *numbered {
                    format!("{} {text}", self.number(*level))
                } else {
                    text.clone()
                };
                self.heading(*level, &text, next);
            }
            Block::Paragraph(p) => self.paragraph(p),
            Block::Note(p) => self.note(p),
            Block::Table(t) => self.table(t),
            Block::Lights(lights) => self.lights(lights),
            Block::RiskMaps(maps) => self.risk_maps(maps),
            Block::Checkboxes(checks) => self.checkboxes(checks),
            Block::WriteLines { label, lines } => self.write_lines(label, *lines),
            Block::Signatures(sigs) => {
                // All signatures on one page, where they fit on one.
                let all: f32 = sigs.iter().map(|s| self.signature_height(s)).sum();
                if all <= BODY_HEIGHT {
                    self.need(all);
                }
                for s in sigs {
                    self.signature(s);
                }
            }
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
            // Laid out by `reserve_contents` and `fill_contents`.
            Block::Contents { .. } => {}
        }
    }

    /// The height the blocks in `rest` need at least on the page where they start.
    pub(super) fn min_start(&self, rest: &[Block], depth: usize) -> f32 {
        let Some(block) = rest.first() else {
            return 0.0;
        };
        match block {
            Block::Heading { level, text, .. } if depth < 3 => {
                let s = heading_style(*level);
                let lines = self.measure_lines(text, s, BODY_WIDTH) as f32;
                heading_gap(*level)
                    + lines * s.lh
                    + heading_after(*level)
                    + self.min_start(&rest[1..], depth + 1)
            }
            Block::Heading { .. } | Block::PageBreak => 0.0,
            Block::Paragraph(p) => {
                let s = paragraph_style(p.style);
                let lines = self.measure_lines(&p.text, s, BODY_WIDTH);
                // A short paragraph after a heading introduces what follows: keep the three
                // together.
                let next = match rest.get(1) {
                    Some(Block::Heading { .. } | Block::PageBreak) | None => 0.0,
                    Some(_) if lines <= 3 && depth < 3 => self.min_start(&rest[1..], depth + 1),
                    Some(_) => 0.0,
                };
                4.0 + lines.min(3) as f32 * s.lh + next
            }
            Block::Table(t) => {
                let widths = column_widths(t);
                let cs = cell_style(t);
                let header = if t.header {
                    self.header_height(t, &widths)
                } else {
                    0.0
                };
                let first = t.rows.first().map_or(0, |row| {
                    row.cells
                        .iter()
                        .zip(t.columns.iter().zip(&widths))
                        .map(|(c, (column, w))| {
                            let s = cell_text_style(cs, column.bold, c.mark);
                            self.measure_lines(&c.text, s, w - 2.0 * CELL_PAD)
                        })
                        .max()
                        .unwrap_or(1)
                });
                6.0 + header + first_row_need(first, cs)
            }
            // Unbreakable blocks: all of it.
            other => self.block_height(other),
        }
    }

    /// The height of an unbreakable block.
    pub(super) fn block_height(&self, block: &Block) -> f32 {
        match block {
            Block::Note(p) => self.note_height(p),
            Block::Lights(l) => self.lights_height(l),
            Block::RiskMaps(_) => 8.0 + RISK_MAP_HEIGHT,
            Block::Checkboxes(c) => 6.0 + c.len() as f32 * 18.0,
            Block::WriteLines { label, lines } => {
                6.0 + self.measure_lines(label, STRONG, BODY_WIDTH) as f32 * STRONG.lh
                    + *lines as f32 * WRITE_LINE
            }
            Block::Signatures(s) => s.iter().map(|s| self.signature_height(s)).sum(),
            Block::Title { .. } => 60.0,
            _ => 0.0,
        }
    }

    pub(super) fn title(&mut self, text: &str, subtitle: &str) {
        let big = Style {
            size: 20.0,
            lh: 25.0,
            bold: true,
        };
        let sub = Style {
            size: 12.5,
            lh: 17.0,
            bold: false,
        };
        self.y += 6.0;
        for line in self.wrap(text, big, BODY_WIDTH) {
            self.need(big.lh);
            let y = baseline(self.y, big);
            self.text(LEFT, y, big, line);
            self.y += big.lh;
        }
        self.y += 4.0;
        for line in self.wrap(subtitle, sub, BODY_WIDTH) {
            self.need(sub.lh);
            let y = baseline(self.y, sub);
            self.text(LEFT, y, sub, line);
            self.y += sub.lh;
        }
        self.y += 8.0;
    }

    /// The next number of a heading of `level`: "3" for a chapter, "3.2" for a section.
    pub(super) fn number(&mut self, level: u8) -> String {
        let [chapter, section] = &mut self.numbers;
        if level <= 1 {
            *chapter += 1;
            *section = 0;
            chapter.to_string()
        } else {
            *section += 1;
            format!("{chapter}.{section}")
        }
    }

    pub(super) fn heading(&mut self, level: u8, text: &str, next: f32) {
        let s = heading_style(level);
        let lines = self.wrap(text, s, BODY_WIDTH);
        let own = heading_gap(level) + lines.len() as f32 * s.lh + heading_after(level);
        if own + next <= BODY_HEIGHT {
            self.need(own + next);
        } else {
            self.need(own);
        }
        if level <= 1 {
            self.chapters.push((text.to_owned(), self.pages.len()));
        }
        self.gap(heading_gap(level));
        for line in lines {
            let y = baseline(self.y, s);
            self.text(LEFT, y, s, line);
            self.y += s.lh;
        }
        if level == 1 {
            let y = self.y + 1.0;
            self.items().push(Item::Line {
                x1: LEFT,
                y1: y,
                x2: LEFT + BODY_WIDTH,
                y2: y,
                stroke: Stroke {
                    color: Rgb::grey(0.3),
                    width: 0.8,
                },
            });
        }
        self.y += heading_after(level);
    }

    pub(super) fn paragraph(&mut self, p: &Paragraph) {
        let s = paragraph_style(p.style);
        let lines = self.wrap(&p.text, s, BODY_WIDTH);
        self.gap(4.0);
        self.flow_lines(lines, LEFT, s);
    }

    /// Places lines, breaking pages between them, never leaving one line alone at the foot
    /// or (where the paragraph is long enough) the head of a page.
    pub(super) fn flow_lines(&mut self, lines: Vec<String>, x: f32, s: Style) {
        let mut lines = lines.into_iter();
        let mut left = lines.len();
        while left > 0 {
            let fit = (self.room() / s.lh + 0.001).floor().max(0.0) as usize;
            if fit < left {
                if fit < 2 && !self.at_top() {
                    self.new_page();
                    continue;
                }
                let mut k = fit.max(1);
                if left - k == 1 && k >= 3 {
                    k -= 1;
                }
                for line in lines.by_ref().take(k) {
                    let y = baseline(self.y, s);
                    self.text(x, y, s, line);
                    self.y += s.lh;
                }
                left -= k;
                self.new_page();
                continue;
            }
            for line in lines.by_ref() {
                let y = baseline(self.y, s);
                self.text(x, y, s, line);
                self.y += s.lh;
            }
            left = 0;
        }
    }

    /// Reserves room for the table of contents with `entries` lines; the page numbers are
    /// known only once the rest is laid out.
    pub(super) fn reserve_contents(&mut self, title: &str, entries: usize) {
        let body = H2.lh + 4.0 + entries as f32 * CONTENTS.lh;
        self.need(self.gap_of(CONTENTS_GAP) + body);
        self.gap(CONTENTS_GAP);
        self.contents = Some((self.pages.len() - 1, self.y, title.to_owned()));
        self.y += body;
    }

    /// Writes the table of contents into the space reserved for it.
    pub(super) fn fill_contents(&mut self) {
        let Some((page, top, title)) = self.contents.take() else {
            return;
        };
        let mut items = Vec::new();
        let title = self.fonts.sanitize(&title, true, &mut self.missing);
        items.push(Item::Text {
            x: LEFT,
            y: baseline(top, H2),
            size: H2.size,
            bold: true,
            text: title,
        });
        let mut y = top + H2.lh + 4.0;
        for (text, number) in &self.chapters {
            let number = number.to_string();
            let number_w = self.fonts.width(&number, CONTENTS.size, false);
            let text = self.fonts.sanitize(text, false, &mut self.missing);
            let text = self
                .fonts
                .fit(&text, CONTENTS.size, false, BODY_WIDTH - 40.0);
            items.push(Item::Text {
                x: LEFT,
                y: baseline(y, CONTENTS),
                size: CONTENTS.size,
                bold: false,
                text,
            });
            items.push(Item::Text {
                x: LEFT + BODY_WIDTH - number_w,
                y: baseline(y, CONTENTS),
                size: CONTENTS.size,
                bold: false,
                text: number,
            });
            items.push(Item::Line {
                x1: LEFT,
                y1: y + CONTENTS.lh - 1.5,
                x2: LEFT + BODY_WIDTH,
                y2: y + CONTENTS.lh - 1.5,
                stroke: LIGHT_RULE,
            });
            y += CONTENTS.lh;
        }
        if let Some(p) = self.pages.get_mut(page) {
            p.items.extend(items);
        }
    }

    pub(super) fn note_height(&self, p: &Paragraph) -> f32 {
        let s = note_style(p);
        6.0 + self.measure_lines(&p.text, s, BODY_WIDTH - 2.0 * NOTE_PAD) as f32 * s.lh
            + 2.0 * NOTE_PAD
    }

    pub(super) fn note(&mut self, p: &Paragraph) {
        let s = note_style(p);
        let h = self.note_height(p) - 6.0;
        if h > BODY_HEIGHT {
            // Longer than a page (cannot happen with the report's own notes): plain text.
            self.paragraph(p);
            return;
        }
        self.need(h + self.gap_of(6.0));
        self.gap(6.0);
        let lines = self.wrap(&p.text, s, BODY_WIDTH - 2.0 * NOTE_PAD);
        let top = self.y;
        self.items().push(Item::Rect {
            x: LEFT,
            y: top,
            w: BODY_WIDTH,
            h,
            fill: Some(Rgb::grey(0.94)),
            stroke: Some(Stroke {
                color: Rgb::grey(0.35),
                width: 0.8,
            }),
        });
        let mut y = self.y + NOTE_PAD;
        for line in lines {
            self.text(LEFT + NOTE_PAD, baseline(y, s), s, line);
            y += s.lh;
        }
        self.y += h;
    }
}
