//! Tables: column widths, header rows repeated after a page break, rows kept whole or split
//! between lines.

use super::{
    BODY_HEIGHT, BODY_WIDTH, CELL_PAD, Flow, Item, KEEP_WHOLE, LEFT, LIGHT_RULE, MIN_SPLIT, Mark,
    RULE, Rgb, SMALL, Stroke, Style, TABLE_HEAD, Table, WrappedRow, baseline, cell_style,
    cell_text_style, column_widths, first_row_need, tint,
};

impl Flow<'_> {
    pub(super) fn header_height(&self, t: &Table, widths: &[f32]) -> f32 {
        let lines = t
            .columns
            .iter()
            .zip(widths)
            .map(|(c, w)| self.measure_lines(&c.title, TABLE_HEAD, w - 2.0 * CELL_PAD))
            .max()
            .unwrap_or(1);
        lines as f32 * TABLE_HEAD.lh + 2.0 * CELL_PAD
    }

    pub(super) fn table(&mut self, t: &Table) {
        let widths = column_widths(t);
        let cs = cell_style(t);
        let rows: Vec<WrappedRow<'_>> = t
            .rows
            .iter()
            .map(|row| WrappedRow {
                cells: row
                    .cells
                    .iter()
                    .zip(t.columns.iter().zip(&widths))
                    .map(|(c, (column, w))| {
                        let s = cell_text_style(cs, column.bold, c.mark);
                        (self.wrap(&c.text, s, w - 2.0 * CELL_PAD), c)
                    })
                    .collect(),
            })
            .collect();
        let header = if t.header {
            Some(
                t.columns
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| self.wrap(&c.title, TABLE_HEAD, w - 2.0 * CELL_PAD))
                    .collect::<Vec<_>>(),
            )
        } else {
            None
        };
        let header_h = header.as_ref().map_or(0.0, |h| {
            h.iter().map(Vec::len).max().unwrap_or(1) as f32 * TABLE_HEAD.lh + 2.0 * CELL_PAD
        });
        let first = rows.first().map_or(1, WrappedRow::lines);
        self.need(self.gap_of(6.0) + header_h + first_row_need(first, cs));
        self.gap(6.0);
        if let Some(h) = &header {
            self.table_header(&widths, h, header_h);
        }
        let continued_h = if t.continued.is_some() {
            SMALL.lh + 2.0
        } else {
            0.0
        };
        let fresh = BODY_HEIGHT - header_h - continued_h;
        for row in &rows {
            let n = row.lines();
            let mut done = 0;
            let mut fresh_page = false;
            while done < n {
                let left = n - done;
                let full = left as f32 * cs.lh + 2.0 * CELL_PAD;
                if full <= self.room() + 0.01 {
                    self.row_segment(t, &widths, row, cs, done, left);
                    break;
                }
                let fit = ((self.room() - 2.0 * CELL_PAD) / cs.lh + 0.001)
                    .floor()
                    .max(0.0) as usize;
                // Keep short rows whole: a row that fits on a new page goes there when it is
                // small or little of it would fit here.
                let move_whole =
                    done == 0 && full <= fresh && (full <= KEEP_WHOLE || fit < MIN_SPLIT);
                if !fresh_page && (move_whole || fit < 2) {
                    self.table_break(t, &widths, header.as_deref(), header_h);
                    fresh_page = true;
                    continue;
                }
                let mut k = fit.max(1).min(left);
                if left - k == 1 && k > 2 {
                    k -= 1;
                }
                self.row_segment(t, &widths, row, cs, done, k);
                done += k;
                self.table_break(t, &widths, header.as_deref(), header_h);
                fresh_page = true;
            }
        }
    }

    pub(super) fn table_break(
        &mut self,
        t: &Table,
        widths: &[f32],
        header: Option<&[Vec<String>]>,
        header_h: f32,
    ) {
        self.new_page();
        if let Some(caption) = &t.continued {
            let lines = self.wrap(caption, SMALL, BODY_WIDTH);
            if let Some(line) = lines.into_iter().next() {
                let y = baseline(self.y, SMALL);
                self.text(
                    LEFT,
                    y,
                    Style {
                        bold: true,
                        ..SMALL
                    },
                    line,
                );
                self.y += SMALL.lh + 2.0;
            }
        }
        if let Some(h) = header {
            self.table_header(widths, h, header_h);
        }
    }

    pub(super) fn table_header(&mut self, widths: &[f32], titles: &[Vec<String>], h: f32) {
        let y0 = self.y;
        self.items().push(Item::Rect {
            x: LEFT,
            y: y0,
            w: BODY_WIDTH,
            h,
            fill: Some(Rgb::grey(0.87)),
            stroke: None,
        });
        let mut x = LEFT;
        for (lines, w) in titles.iter().zip(widths) {
            let mut y = y0 + CELL_PAD;
            for line in lines {
                self.text(
                    x + CELL_PAD,
                    baseline(y, TABLE_HEAD),
                    TABLE_HEAD,
                    line.clone(),
                );
                y += TABLE_HEAD.lh;
            }
            x += w;
        }
        self.items().push(Item::Line {
            x1: LEFT,
            y1: y0 + h,
            x2: LEFT + BODY_WIDTH,
            y2: y0 + h,
            stroke: RULE,
        });
        self.y += h;
    }

    /// Lines `from..from + k` of every cell of `row`, then a rule under them.
    pub(super) fn row_segment(
        &mut self,
        t: &Table,
        widths: &[f32],
        row: &WrappedRow<'_>,
        cs: Style,
        from: usize,
        k: usize,
    ) {
        let y0 = self.y;
        let h = k as f32 * cs.lh + 2.0 * CELL_PAD;
        let mut x = LEFT;
        for ((lines, cell), (w, column)) in row.cells.iter().zip(widths.iter().zip(&t.columns)) {
            match cell.mark {
                Mark::Class(class) => self.items().push(Item::Rect {
                    x,
                    y: y0,
                    w: *w,
                    h,
                    fill: Some(tint(class)),
                    stroke: None,
                }),
                Mark::Open => self.items().push(Item::Rect {
                    x: x + 0.6,
                    y: y0 + 0.6,
                    w: w - 1.2,
                    h: h - 1.2,
                    fill: Some(Rgb::grey(0.85)),
                    stroke: Some(Stroke {
                        color: Rgb::BLACK,
                        width: 1.0,
                    }),
                }),
                Mark::Plain | Mark::Strong => {}
            }
            let s = cell_text_style(cs, column.bold, cell.mark);
            let mut y = y0 + CELL_PAD;
            for line in lines.iter().skip(from).take(k) {
                self.text(x + CELL_PAD, baseline(y, s), s, line.clone());
                y += s.lh;
            }
            x += w;
        }
        if t.header {
            // Column rules for grid tables.
            let mut x = LEFT;
            for w in widths.iter().take(widths.len().saturating_sub(1)) {
                x += w;
                self.items().push(Item::Line {
                    x1: x,
                    y1: y0,
                    x2: x,
                    y2: y0 + h,
                    stroke: LIGHT_RULE,
                });
            }
        }
        self.items().push(Item::Line {
            x1: LEFT,
            y1: y0 + h,
            x2: LEFT + BODY_WIDTH,
            y2: y0 + h,
            stroke: if t.header { RULE } else { LIGHT_RULE },
        });
        self.y += h;
    }
}
