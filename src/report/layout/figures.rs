//! Figures: the traffic lights, the 4×4 risk maps, tick boxes, lines to write on and
//! signature fields.

use super::super::MapCell;
use super::{
    BODY, BODY_WIDTH, Block, Check, Flow, Item, LEFT, LIGHT_HOUSING_H, LIGHT_TEXT_X, Light,
    RISK_MAP_HEIGHT, Rgb, RiskClass, RiskMap, SMALL, STRONG, Signature, Stroke, Style, WRITE_LINE,
    baseline, class_index, signal, tint,
};

impl Flow<'_> {
    pub(super) fn lights_height(&self, lights: &[Light]) -> f32 {
        let w = BODY_WIDTH / lights.len().max(1) as f32;
        let text_h = lights
            .iter()
            .map(|l| {
                let detail = self.measure_lines(&l.detail, SMALL, w - LIGHT_TEXT_X - 6.0);
                let caption = self.measure_lines(&l.caption, SMALL, w - LIGHT_TEXT_X - 6.0);
                (caption + detail) as f32 * SMALL.lh + 22.0
            })
            .fold(0.0, f32::max);
        12.0 + text_h.max(LIGHT_HOUSING_H)
    }

    pub(super) fn lights(&mut self, lights: &[Light]) {
        let h = self.lights_height(lights);
        self.need(h);
        self.gap(12.0);
        let w = BODY_WIDTH / lights.len().max(1) as f32;
        let y0 = self.y;
        for (i, light) in lights.iter().enumerate() {
            let x0 = LEFT + i as f32 * w;
            self.items().push(Item::Rect {
                x: x0,
                y: y0,
                w: 24.0,
                h: LIGHT_HOUSING_H,
                fill: Some(Rgb::grey(0.93)),
                stroke: Some(Stroke {
                    color: Rgb::grey(0.4),
                    width: 0.8,
                }),
            });
            for (j, class) in [RiskClass::Hoch, RiskClass::Risiko, RiskClass::Gering]
                .into_iter()
                .enumerate()
            {
                let lit = class == light.class;
                self.items().push(Item::Circle {
                    cx: x0 + 12.0,
                    cy: y0 + 10.5 + j as f32 * 18.5,
                    r: 7.5,
                    fill: Some(if lit { signal(class) } else { Rgb::WHITE }),
                    stroke: Some(if lit {
                        Stroke {
                            color: Rgb::BLACK,
                            width: 1.2,
                        }
                    } else {
                        Stroke {
                            color: Rgb::grey(0.6),
                            width: 0.6,
                        }
                    }),
                });
            }
            let tx = x0 + LIGHT_TEXT_X;
            let tw = w - LIGHT_TEXT_X - 6.0;
            let mut y = y0;
            for line in self.wrap(&light.caption, SMALL, tw) {
                self.text(tx, baseline(y, SMALL), SMALL, line);
                y += SMALL.lh;
            }
            let big = Style {
                size: 15.0,
                lh: 20.0,
                bold: true,
            };
            let label = self.wrap(&light.label, big, tw);
            for line in label {
                self.text(tx, baseline(y, big), big, line);
                y += big.lh;
            }
            for line in self.wrap(&light.detail, SMALL, tw) {
                self.text(tx, baseline(y, SMALL), SMALL, line);
                y += SMALL.lh;
            }
        }
        self.y = y0 + h - 12.0;
    }

    pub(super) fn risk_maps(&mut self, maps: &[RiskMap]) {
        let h = RISK_MAP_HEIGHT;
        self.need(h + self.gap_of(8.0));
        self.gap(8.0);
        let y0 = self.y;
        let slot = BODY_WIDTH / maps.len().max(1) as f32;
        for (i, map) in maps.iter().enumerate() {
            let x0 = LEFT + i as f32 * slot;
            self.risk_map(map, x0, y0);
        }
        self.y = y0 + h;
    }

    pub(super) fn risk_map(&mut self, map: &RiskMap, x0: f32, y0: f32) {
        let label_w = 62.0;
        let (cw, ch) = (36.0, 20.0);
        let title = Style {
            size: 9.0,
            lh: 12.0,
            bold: true,
        };
        let tiny = Style {
            size: 7.0,
            lh: 9.0,
            bold: false,
        };
        let t = self.fonts.fit(
            &self.fonts.sanitize(&map.title, true, &mut self.missing),
            title.size,
            true,
            label_w + 4.0 * cw,
        );
        self.text(x0, baseline(y0, title), title, t);
        let axis = self.fonts.fit(
            &self
                .fonts
                .sanitize(&map.likelihood_axis, false, &mut self.missing),
            tiny.size,
            false,
            label_w + 4.0 * cw,
        );
        self.text(x0, baseline(y0 + title.lh, tiny), tiny, axis);
        let gy = y0 + title.lh + tiny.lh + 2.0;
        for row in 0..4 {
            let l = 3 - row; // likelihood 4 at the top
            let y = gy + row as f32 * ch;
            let name = format!("{} {}", l + 1, map.likelihood_levels[l]);
            let name = self.fonts.sanitize(&name, false, &mut self.missing);
            let name = self.fonts.fit(&name, tiny.size, false, label_w - 4.0);
            self.text(x0, y + ch / 2.0 + 2.5, tiny, name);
            for s in 0..4 {
                let x = x0 + label_w + s as f32 * cw;
                self.risk_map_cell(map, map.cells[l][s], x, y, (cw, ch));
            }
        }
        let by = gy + 4.0 * ch;
        for s in 0..4 {
            let n = (s + 1).to_string();
            let w = self.fonts.width(&n, tiny.size, false);
            let x = x0 + label_w + s as f32 * cw + (cw - w) / 2.0;
            self.text(x, baseline(by, tiny), tiny, n);
        }
        let axis = self
            .fonts
            .sanitize(&map.severity_axis, false, &mut self.missing);
        let axis = self.fonts.fit(&axis, tiny.size, false, 4.0 * cw);
        let w = self.fonts.width(&axis, tiny.size, false);
        self.text(
            x0 + label_w + (4.0 * cw - w) / 2.0,
            baseline(by + tiny.lh, tiny),
            tiny,
            axis,
        );
    }

    /// One cell of a risk map at (`x`, `y`), `size` wide and high: its class tint, the class
    /// letter and the count.
    fn risk_map_cell(&mut self, map: &RiskMap, c: MapCell, x: f32, y: f32, size: (f32, f32)) {
        let (cw, ch) = size;
        self.items().push(Item::Rect {
            x,
            y,
            w: cw,
            h: ch,
            fill: Some(tint(c.class)),
            stroke: Some(Stroke {
                color: Rgb::grey(0.45),
                width: 0.5,
            }),
        });
        let letter = &map.class_letters[class_index(c.class)];
        let lw = self.fonts.width(letter, 5.5, false);
        self.text(
            x + cw - lw - 2.0,
            y + 6.5,
            Style {
                size: 5.5,
                lh: 7.0,
                bold: false,
            },
            letter.clone(),
        );
        let (count, s_count) = if c.count > 0 {
            (
                c.count.to_string(),
                Style {
                    size: 10.0,
                    lh: 12.0,
                    bold: true,
                },
            )
        } else {
            (
                "–".to_owned(),
                Style {
                    size: 8.0,
                    lh: 10.0,
                    bold: false,
                },
            )
        };
        let tw = self.fonts.width(&count, s_count.size, s_count.bold);
        self.text(
            x + (cw - tw) / 2.0,
            y + ch / 2.0 + s_count.size * 0.36,
            s_count,
            count,
        );
    }

    pub(super) fn checkboxes(&mut self, checks: &[Check]) {
        let h = 6.0 + checks.len() as f32 * 18.0;
        self.need(h);
        self.gap(6.0);
        let boxes = Style {
            size: 13.0,
            lh: 18.0,
            bold: false,
        };
        for c in checks {
            let glyph = if c.checked { "☒" } else { "☐" };
            self.text(LEFT, baseline(self.y, boxes), boxes, glyph.to_owned());
            let s = if c.checked { STRONG } else { BODY };
            let label = self.wrap(&c.label, s, BODY_WIDTH - 22.0);
            if let Some(line) = label.into_iter().next() {
                self.text(
                    LEFT + 20.0,
                    baseline(self.y, Style { lh: 18.0, ..s }),
                    s,
                    line,
                );
            }
            self.y += 18.0;
        }
    }

    pub(super) fn write_lines(&mut self, label: &str, lines: usize) {
        let h = self.block_height(&Block::WriteLines {
            label: label.to_owned(),
            lines,
        });
        self.need(h);
        self.gap(6.0);
        for line in self.wrap(label, STRONG, BODY_WIDTH) {
            self.text(LEFT, baseline(self.y, STRONG), STRONG, line);
            self.y += STRONG.lh;
        }
        for _ in 0..lines {
            self.y += WRITE_LINE;
            let y = self.y - 3.0;
            self.items().push(Item::Line {
                x1: LEFT,
                y1: y,
                x2: LEFT + BODY_WIDTH,
                y2: y,
                stroke: Stroke {
                    color: Rgb::grey(0.5),
                    width: 0.5,
                },
            });
        }
    }

    pub(super) fn signature_height(&self, s: &Signature) -> f32 {
        10.0 + self.measure_lines(&s.role, STRONG, BODY_WIDTH) as f32 * STRONG.lh + 30.0 + 12.0
    }

    pub(super) fn signature(&mut self, sig: &Signature) {
        let h = self.signature_height(sig);
        self.need(h);
        self.gap(10.0);
        for line in self.wrap(&sig.role, STRONG, BODY_WIDTH) {
            self.text(LEFT, baseline(self.y, STRONG), STRONG, line);
            self.y += STRONG.lh;
        }
        let line_y = self.y + 28.0;
        let date_w = 150.0;
        if let Some(date) = &sig.date {
            let d = self.fonts.sanitize(date, false, &mut self.missing);
            self.text(LEFT + 2.0, line_y - 4.0, BODY, d);
        }
        let tiny = Style {
            size: 7.0,
            lh: 9.0,
            bold: false,
        };
        for (x1, x2, caption) in [
            (LEFT, LEFT + date_w, &sig.date_caption),
            (
                LEFT + date_w + 30.0,
                LEFT + BODY_WIDTH,
                &sig.signature_caption,
            ),
        ] {
            self.items().push(Item::Line {
                x1,
                y1: line_y,
                x2,
                y2: line_y,
                stroke: Stroke {
                    color: Rgb::BLACK,
                    width: 0.6,
                },
            });
            let c = self.fonts.sanitize(caption, false, &mut self.missing);
            self.text(x1, line_y + 9.0, tiny, c);
        }
        self.y = line_y + 12.0;
    }
}
