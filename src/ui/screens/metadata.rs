//! The metadata form ("Stammdaten"): who assesses which channel. Required fields are marked;
//! nothing blocks walking on, and the result lists what is missing.

use egui::Ui;

use crate::ui::action::{Action, Edit, MetaField};
use crate::ui::app::App;
use crate::ui::widgets::{date_field, heading, text_field};

/// Draws the form.
pub fn ui(ui: &mut Ui, app: &App, actions: &mut Vec<Action>) {
    let Some(doc) = &app.doc else { return };
    let s = app.tr();
    let m = &doc.wizard().assessment().metadata;
    heading(ui, s.metadata_title);
    ui.label(s.metadata_intro);
    ui.add_space(6.0);
    let fields: [(&str, MetaField, &str, bool, bool); 11] = [
        (
            s.f_public_body,
            MetaField::PublicBody,
            &m.public_body,
            false,
            true,
        ),
        (s.f_unit, MetaField::Unit, &m.unit, false, true),
        (s.f_platform, MetaField::Platform, &m.platform, false, true),
        (s.f_account, MetaField::Account, &m.account, false, true),
        (s.f_purposes, MetaField::Purposes, &m.purposes, true, true),
        (
            s.f_target_groups,
            MetaField::TargetGroups,
            &m.target_groups,
            true,
            false,
        ),
        (
            s.f_data_subjects,
            MetaField::DataSubjects,
            &m.data_subjects,
            true,
            false,
        ),
        (s.f_operator, MetaField::Operator, &m.operator, false, false),
        (
            s.f_third_countries,
            MetaField::ThirdCountries,
            &m.third_countries,
            false,
            false,
        ),
        (
            s.f_responsible,
            MetaField::Responsible,
            &m.responsible,
            false,
            true,
        ),
        (s.f_dpo, MetaField::Dpo, &m.dpo, false, true),
    ];
    for (label, field, value, multiline, required) in fields {
        if let Some(v) = text_field(ui, label, value, multiline, required) {
            actions.push(Action::Edit(Edit::Meta(field, v)));
        }
        ui.add_space(2.0);
    }
    if let Some(v) = date_field(ui, &format!("{} *", s.f_date), m.date, s.date_hint, s.today) {
        actions.push(Action::Edit(Edit::MetaDate(v)));
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button(s.start_questions).clicked() {
            actions.push(Action::Next);
        }
        ui.label(egui::RichText::new(s.required_note).weak());
    });
}
