//! The side list: every question with its state, a click away; for a long checklist only the
//! rows in view are laid out.

use egui::{Key, Response, RichText, Ui};

use super::{short, state_mark};
use crate::scoring::Score;
use crate::ui::action::Action;
use crate::ui::state::View;
use crate::wizard::Step;

/// Above this many questions shown, the side list lays out only the rows in view: one line each,
/// so that their height is known without laying them out. Shorter lists (every shipped
/// checklist) show every row, with the question text over two lines, and every row stays in the
/// accessibility tree.
const LONG_LIST: usize = 150;

/// A row of the long side list.
enum Row<'c> {
    Metadata,
    Section(&'c crate::checklist::Section),
    Question(&'c crate::checklist::Question),
    Result,
}

/// The side list of a long checklist, drawn row by row ([`egui::ScrollArea::show_rows`]).
pub struct SideList<'a> {
    app: &'a View<'a>,
    score: &'a Score,
    visible: &'a crate::checklist::Visibility,
    /// Scroll the current row into view.
    moved: bool,
    /// The rows are Tab stops (entered with F6).
    keys: bool,
    /// F6 was pressed in this frame.
    f6: bool,
}

impl<'a> SideList<'a> {
    /// The list for this frame; reads F6 and Esc, which enter and leave it.
    ///
    /// The list is no Tab stop, so that Tab goes from the bar to the answers; F6 enters it (and
    /// leaves it again), as in desktop programs with a side pane. Mouse and screen readers use
    /// it as always.
    pub fn new(
        ui: &Ui,
        app: &'a View<'a>,
        score: &'a Score,
        visible: &'a crate::checklist::Visibility,
        moved: bool,
    ) -> Self {
        let keys_id = egui::Id::unique("side-list-keyboard");
        let f6 = ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::F6));
        let mut keys = ui.data(|d| d.get_temp::<bool>(keys_id)).unwrap_or(false);
        if f6 {
            keys = !keys;
        }
        if keys && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape)) {
            keys = false;
        }
        ui.data_mut(|d| d.insert_temp(keys_id, keys));
        Self {
            app,
            score,
            visible,
            moved: moved || f6,
            keys,
            f6,
        }
    }

    /// Every row, or for a long checklist only those in view.
    pub fn show(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if self.visible.count() > LONG_LIST {
            self.show_rows(ui, actions);
        } else {
            self.show_all(ui, actions);
        }
    }

    /// One row: a selectable button, a Tab stop only after F6; `size`: exactly this size (the
    /// long list's rows, whose height must be known in advance).
    /// A row for a step that is not a question (basic data, result): selected when current,
    /// going there when clicked.
    fn step_item(
        &self,
        ui: &mut Ui,
        current: &Step,
        step: Step,
        title: &str,
        actions: &mut Vec<Action>,
    ) {
        if self
            .item(ui, *current == step, RichText::new(title), None)
            .clicked()
        {
            actions.push(Action::Go(step));
        }
    }

    fn item(
        &self,
        ui: &mut Ui,
        selected: bool,
        text: RichText,
        size: Option<[f32; 2]>,
    ) -> Response {
        let sense = if self.keys {
            egui::Sense::click()
        } else {
            egui::Sense::CLICK
        };
        let button = egui::Button::selectable(selected, text).sense(sense);
        let response = match size {
            Some(size) => ui.add_sized(size, button),
            None => ui.add(button),
        };
        if selected && self.f6 && self.keys {
            response.request_focus();
        }
        response
    }

    /// A question's row: its state mark, id and `text`, in the colour of its state (strong when
    /// it is the current one).
    fn question_label(
        &self,
        ui: &Ui,
        q: &crate::checklist::Question,
        selected: bool,
        text: &str,
    ) -> RichText {
        let (mark, color) = state_mark(self.app, self.score, &q.id);
        let color = if selected {
            ui.visuals().strong_text_color()
        } else {
            color
        };
        RichText::new(format!("{mark}  {}  {text}", q.id)).color(color)
    }

    fn show_rows(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(doc) = self.app.doc else { return };
        let w = doc.wizard();
        let s = self.app.tr();
        let lang = self.app.prefs.lang;
        let mut rows = vec![Row::Metadata];
        let mut n = 0;
        for section in w.checklist().sections() {
            rows.push(Row::Section(section));
            for q in &section.questions {
                n += 1;
                if self.visible.shown(n - 1) {
                    rows.push(Row::Question(q));
                }
            }
        }
        rows.push(Row::Result);
        let current = w.step();
        let row_h = ui.spacing().interact_size.y.max(
            ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y,
        );
        let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
        // Until the current row has been seen in view (the row height may still change while
        // the style settles), every frame puts it there again.
        let pending_id = egui::Id::unique("side-list-scroll-pending");
        let height_id = egui::Id::unique("side-list-row-height");
        let resized = ui.data(|d| d.get_temp::<f32>(height_id)) != Some(row_h);
        ui.data_mut(|d| d.insert_temp(height_id, row_h));
        let pending =
            self.moved || resized || ui.data(|d| d.get_temp::<bool>(pending_id)).unwrap_or(false);
        let mut seen = false;
        if pending {
            let at = rows.iter().position(|r| match r {
                Row::Metadata => *current == Step::Metadata,
                Row::Result => *current == Step::Result,
                Row::Question(q) => *current == Step::Question(q.id.clone()),
                Row::Section(_) => false,
            });
            if let Some(at) = at {
                let stride = row_h + ui.spacing().item_spacing.y;
                let offset = at as f32 * stride - ui.available_height() / 2.0;
                area = area.vertical_scroll_offset(offset.max(0.0));
            }
        }
        area.show_rows(ui, row_h, rows.len(), |ui, range| {
            let view = ui.clip_rect();
            for row in &rows[range] {
                let (selected, text, go, tip) = match row {
                    Row::Metadata => (
                        *current == Step::Metadata,
                        RichText::new(s.metadata_title),
                        Step::Metadata,
                        None,
                    ),
                    Row::Result => (
                        *current == Step::Result,
                        RichText::new(s.result_title),
                        Step::Result,
                        None,
                    ),
                    Row::Section(section) => {
                        let title = format!("{} {}", section.id, section.title.get(lang));
                        ui.add_sized(
                            [ui.available_width(), row_h],
                            egui::Label::new(RichText::new(title).strong().size(13.0)).truncate(),
                        );
                        continue;
                    }
                    Row::Question(q) => {
                        let selected = *current == Step::Question(q.id.clone());
                        let text = self.question_label(ui, q, selected, q.text.get(lang));
                        (
                            selected,
                            text,
                            Step::Question(q.id.clone()),
                            Some(q.text.get(lang)),
                        )
                    }
                };
                // One line: the text is cut to the width, the whole text is the tooltip.
                let response = ui
                    .scope(|ui| {
                        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                        self.item(ui, selected, text, Some([ui.available_width(), row_h]))
                    })
                    .inner;
                let response = match tip {
                    Some(tip) => response.on_hover_text(tip),
                    None => response,
                };
                if selected && view.contains_rect(response.rect) {
                    seen = true;
                }
                if response.clicked() {
                    actions.push(Action::Go(go));
                }
            }
        });
        ui.data_mut(|d| d.insert_temp(pending_id, pending && !seen));
    }

    /// Every row, the question text over two lines.
    fn show_all(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(doc) = self.app.doc else { return };
        let w = doc.wizard();
        let s = self.app.tr();
        let lang = self.app.prefs.lang;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let current = w.step();
                self.step_item(ui, current, Step::Metadata, s.metadata_title, actions);
                let mut n = 0;
                for section in w.checklist().sections() {
                    ui.add_space(4.0);
                    ui.label(
                        RichText::new(format!("{} {}", section.id, section.title.get(lang)))
                            .strong()
                            .size(13.0),
                    );
                    for q in &section.questions {
                        n += 1;
                        if !self.visible.shown(n - 1) {
                            continue;
                        }
                        let selected = *current == Step::Question(q.id.clone());
                        let label =
                            self.question_label(ui, q, selected, &short(q.text.get(lang), 48));
                        let response = self
                            .item(ui, selected, label, None)
                            .on_hover_text(q.text.get(lang));
                        if selected && self.moved {
                            response.scroll_to_me(Some(egui::Align::Center));
                        }
                        if response.clicked() {
                            actions.push(Action::Go(Step::Question(q.id.clone())));
                        }
                    }
                }
                ui.add_space(6.0);
                self.step_item(ui, current, Step::Result, s.result_title, actions);
                ui.add_space(8.0);
                ui.label(RichText::new(s.legend).weak().size(12.0));
            });
    }
}
