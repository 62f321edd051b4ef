//! The metadata form ("Stammdaten"): who assesses which channel. Required fields are marked;
//! nothing blocks walking on, and the result lists what is missing.

use egui::Ui;

use crate::ui::action::{Action, Edit, MetaField, Mode};
use crate::ui::state::View;
use crate::ui::widgets::{date_field, heading, text_field};

/// Draws the form.
pub fn ui(ui: &mut Ui, app: &View<'_>, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let m = &doc.wizard().assessment().metadata;
    heading(ui, s.metadata_title);
    ui.label(s.metadata_intro);
    ui.add_space(6.0);
    let labels = &crate::i18n::tr(app.prefs.lang).terms.meta;
    // The team's layer: read-only in the DPO's mode.
    ui.add_enabled_ui(app.prefs.mode == Mode::Team, |ui| {
        for field in MetaField::ALL {
            let label = labels.of(field).form;
            let value = field.get(m);
            if let Some(v) = text_field(ui, label, value, field.multiline(), field.required()) {
                actions.push(Action::Edit(Edit::Meta(field, v)));
            }
            ui.add_space(2.0);
        }
        let date_label = format!("{} *", labels.date.form);
        if let Some(v) = date_field(ui, &date_label, m.date, app.prefs.lang) {
            actions.push(Action::Edit(Edit::MetaDate(v)));
        }
    });
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button(s.start_questions).clicked() {
            actions.push(Action::Next);
        }
        ui.label(egui::RichText::new(s.required_note).weak());
    });
}
