//! Turning a laid-out page into PDF operations: text as glyph codes, rules, rectangles and
//! circles, positions on a 0.01 pt grid.

use super::*;

pub(super) fn color(c: Rgb) -> Color {
    Color::Rgb(PdfRgb::new(c.0, c.1, c.2, None))
}

/// `v` rounded to a hundredth of a point (3.5 µm): far finer than any printer or screen, and
/// short in the content streams (`70.87`, not the `70.86614` of a margin of 25 mm), which
/// makes them quicker to write and to compress.
pub(super) fn grid(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// PDF y (from the bottom) of a layout y (from the top), on the [`grid`].
pub(super) fn flip(y: f32) -> Pt {
    Pt(grid(PAGE_HEIGHT - y))
}

pub(super) fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(grid(x)),
            y: flip(y),
        },
        bezier: false,
    }
}

/// The operations of one page: shapes first, then all text in one text section.
///
/// The layout never paints a shape over text (fills lie under their cells' text, rules between
/// lines), so painting the shapes first gives the same picture, and a single text section per
/// page keeps the content streams small: `SetTextCursor` (`Td`) moves relative to the start of
/// the previous line, so each line moves by its distance from the one before. Each line is a
/// `Tj` of glyph codes ([`Codes`]). `None` if the subsets lack a character of the page.
///
/// Positions are rounded to a hundredth of a point ([`grid`]).
pub(super) fn page_ops(page: &layout::Page, fonts: &Prepared) -> Option<Vec<Op>> {
    // A text line takes three operations at most, a shape four (colours, width, the shape).
    let mut p = Painter {
        ops: Vec::with_capacity(4 * page.items.len() + 3),
        ..Painter::default()
    };
    for item in &page.items {
        p.shape(item);
    }
    p.ops.push(Op::StartTextSection);
    // Text takes the fill colour.
    p.ops.push(Op::SetFillColor {
        col: color(Rgb::BLACK),
    });
    let mut font: Option<(bool, f32)> = None;
    let mut line_start = (0.0, 0.0);
    for item in &page.items {
        let Item::Text {
            x,
            y,
            size,
            bold: is_bold,
            text,
        } = item
        else {
            continue;
        };
        let (id, codes) = if *is_bold {
            (&fonts.ids.bold, &fonts.bold.codes)
        } else {
            (&fonts.ids.regular, &fonts.regular.codes)
        };
        if font != Some((*is_bold, *size)) {
            p.ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(*size),
            });
            font = Some((*is_bold, *size));
        }
        let at = (grid(*x), grid(PAGE_HEIGHT - *y));
        // The steps between points of the grid, rounded again: the difference of two such
        // points is not always the shortest number in `f32`.
        p.ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(grid(at.0 - line_start.0)),
                y: Pt(grid(at.1 - line_start.1)),
            },
        });
        line_start = at;
        // `Tj` with the glyph codes of the subset, as a literal string: what `ShowText`
        // would write, without its per-character look-ups and hex digits (see the module
        // documentation).
        p.ops.push(Op::Unknown {
            key: "Tj".to_owned(),
            value: vec![DictItem::String {
                data: codes.encode(text)?,
                literal: true,
            }],
        });
    }
    p.ops.push(Op::EndTextSection);
    Some(p.ops)
}

/// Turns shapes into operations, setting colours and line widths only when they change.
#[derive(Default)]
pub(super) struct Painter {
    pub(super) ops: Vec<Op>,
    pub(super) fill: Option<Rgb>,
    pub(super) stroke: Option<layout::Stroke>,
}

impl Painter {
    pub(super) fn paint(
        &mut self,
        fill: Option<Rgb>,
        stroke: Option<layout::Stroke>,
    ) -> Option<PaintMode> {
        if let Some(f) = fill
            && self.fill != Some(f)
        {
            self.ops.push(Op::SetFillColor { col: color(f) });
            self.fill = Some(f);
        }
        if let Some(s) = stroke {
            if self.stroke.map(|c| c.color) != Some(s.color) {
                self.ops.push(Op::SetOutlineColor {
                    col: color(s.color),
                });
            }
            if self.stroke.map(|c| c.width) != Some(s.width) {
                self.ops.push(Op::SetOutlineThickness { pt: Pt(s.width) });
            }
            self.stroke = Some(s);
        }
        match (fill, stroke) {
            (Some(_), Some(_)) => Some(PaintMode::FillStroke),
            (Some(_), None) => Some(PaintMode::Fill),
            (None, Some(_)) => Some(PaintMode::Stroke),
            (None, None) => None,
        }
    }

    pub(super) fn shape(&mut self, item: &Item) {
        match item {
            Item::Text { .. } => {}
            Item::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                if let Some(mode) = self.paint(*fill, *stroke) {
                    self.ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            mode: Some(mode),
                            ..Rect::from_xywh(Pt(grid(*x)), flip(y + h), Pt(grid(*w)), Pt(grid(*h)))
                        },
                    });
                }
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
            } => {
                self.paint(None, Some(*stroke));
                self.ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Item::Circle {
                cx,
                cy,
                r,
                fill,
                stroke,
            } => {
                if let Some(mode) = self.paint(*fill, *stroke) {
                    self.ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing {
                                points: circle(*cx, *cy, *r),
                            }],
                            mode,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
            }
        }
    }
}

/// A circle as four cubic Bézier segments: each is two control points and an end point, and
/// the ring repeats its start point at the end (13 points).
pub(super) fn circle(cx: f32, cy: f32, r: f32) -> Vec<LinePoint> {
    // Control-point distance for a quarter circle.
    let k = 0.552_284_8 * r;
    let p = |x: f32, y: f32, bezier: bool| LinePoint {
        p: Point {
            x: Pt(grid(x)),
            y: flip(y),
        },
        bezier,
    };
    vec![
        p(cx + r, cy, false),
        p(cx + r, cy + k, true),
        p(cx + k, cy + r, true),
        p(cx, cy + r, false),
        p(cx - k, cy + r, true),
        p(cx - r, cy + k, true),
        p(cx - r, cy, false),
        p(cx - r, cy - k, true),
        p(cx - k, cy - r, true),
        p(cx, cy - r, false),
        p(cx + k, cy - r, true),
        p(cx + r, cy - k, true),
        p(cx + r, cy, false),
    ]
}
