//! Chapter 2, the description of the processing (Art. 35(7)(a), Art. 30 GDPR).

use super::{Builder, TextStyle, cell, or_dash};

impl Builder<'_> {
    pub(super) fn description(&mut self) {
        let m = self.assessment.metadata.clone();
        self.heading(1, self.s.h_processing.to_owned());
        self.para(
            self.s.systematic_description_after_art_35.to_owned(),
            TextStyle::Small,
        );
        self.fields(
            vec![
                (
                    self.terms.meta.public_body.name.to_owned(),
                    cell(or_dash(&m.public_body)),
                ),
                (self.terms.meta.unit.name.to_owned(), cell(or_dash(&m.unit))),
                (
                    self.terms.meta.platform.name.to_owned(),
                    cell(or_dash(&m.platform)),
                ),
                (
                    self.terms.meta.account.name.to_owned(),
                    cell(or_dash(&m.account)),
                ),
                (
                    self.terms.meta.operator.name.to_owned(),
                    cell(or_dash(&m.operator)),
                ),
                (
                    self.terms.meta.purposes.name.to_owned(),
                    cell(or_dash(&m.purposes)),
                ),
                (
                    self.terms.meta.target_groups.name.to_owned(),
                    cell(or_dash(&m.target_groups)),
                ),
                (
                    self.terms.meta.data_subjects.name.to_owned(),
                    cell(or_dash(&m.data_subjects)),
                ),
                (
                    self.terms.meta.third_countries.name.to_owned(),
                    cell(or_dash(&m.third_countries)),
                ),
                (
                    self.terms.meta.responsible.name.to_owned(),
                    cell(or_dash(&m.responsible)),
                ),
                (self.terms.meta.dpo.name.to_owned(), cell(or_dash(&m.dpo))),
            ],
            None,
        );
        let missing = m.missing();
        if !missing.is_empty() {
            self.note(format!(
                "{}: {}",
                self.s.missing_master_data,
                m.missing_names(self.lang)
            ));
        }
        self.para(
            format!(
                "{}: {}",
                self.s.scope_of_the_checklist,
                self.checklist.description().get(self.lang)
            ),
            TextStyle::Small,
        );
    }
}
