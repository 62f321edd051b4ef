//! The cover: title, the people responsible, status, the overall result as traffic lights, the
//! checklist and fingerprints, and the contents.

use super::{Block, Builder, Date, Light, Mark, RiskClass, cell, format_date, marked, or_dash};

impl Builder<'_> {
    pub(super) fn cover(&mut self, title: &str, app_version: &str, today: Date, fingerprint: &str) {
        let m = self.assessment.metadata.clone();
        let subtitle = [m.public_body.trim(), m.unit.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        self.out.push(Block::Title {
            text: title.to_owned(),
            subtitle,
        });
        let status = self.status();
        self.fields(
            vec![
                (
                    self.terms.meta.public_body.name.to_owned(),
                    cell(or_dash(&m.public_body)),
                ),
                (self.terms.meta.unit.name.to_owned(), cell(or_dash(&m.unit))),
                (
                    self.terms.meta.responsible.name.to_owned(),
                    cell(or_dash(&m.responsible)),
                ),
                (self.terms.meta.dpo.name.to_owned(), cell(or_dash(&m.dpo))),
                (
                    self.terms.meta.date.form.to_owned(),
                    cell(self.date(m.date)),
                ),
                (self.s.status_2.to_owned(), marked(status, Mark::Strong)),
            ],
            None,
        );

        self.cover_lights();
        self.cover_provenance(app_version, today, fingerprint);
    }

    fn cover_lights(&mut self) {
        let s = self.score;
        let ko = s.knockouts.len();
        let gross_detail = if ko > 0 {
            let what = if ko == 1 {
                self.s.knock_out_criterion_met.to_owned()
            } else {
                self.s.knock_out_criteria_met.to_owned()
            };
            format!("{ko} {what}")
        } else {
            format!("{} {}", s.findings.len(), self.s.findings_the_worst_decides)
        };
        let residual_detail = if ko > 0 {
            self.s.knock_outs_remain_until_the.to_owned()
        } else {
            self.s.once_all_planned_measures_are.to_owned()
        };
        self.out.push(Block::Lights(vec![
            Light {
                caption: self.s.overall_result_gross_before_measures.to_owned(),
                class: s.overall_gross,
                label: s.overall_gross.name(self.lang).to_uppercase(),
                detail: gross_detail,
            },
            Light {
                caption: self.s.residual_risk_after_planned_measures.to_owned(),
                class: s.overall_residual,
                label: s.overall_residual.name(self.lang).to_uppercase(),
                detail: residual_detail,
            },
        ]));
        if s.overall_gross == RiskClass::Hoch {
            self.note(self.s.high_risk_a_data_protection.to_owned());
        }
    }

    fn cover_provenance(&mut self, app_version: &str, today: Date, fingerprint: &str) {
        let c = self.checklist;
        let matrix_state = if c.matrix().verified {
            self.s.verified.to_owned()
        } else {
            self.s.provisional_not_verified_against_the.to_owned()
        };
        self.fields(
            vec![
                (
                    self.s.checklist.to_owned(),
                    cell(format!(
                        "{} ({} {}, {} {})",
                        c.title().get(self.lang),
                        c.id(),
                        c.version(),
                        self.s.sources_checked_on,
                        c.date()
                    )),
                ),
                (
                    self.s.checklist_fingerprint.to_owned(),
                    cell(c.fingerprint()),
                ),
                (self.s.risk_matrix.to_owned(), cell(matrix_state)),
                (
                    self.s.made_with.to_owned(),
                    cell(format!(
                        "Plattform-Check {app_version} {} {}",
                        self.s.on,
                        format_date(today, self.lang)
                    )),
                ),
                (
                    self.s.assessment_id_fingerprint.to_owned(),
                    cell(format!(
                        "{fingerprint}\n{}",
                        crate::i18n::tr(self.lang).review.fingerprint_explained
                    )),
                ),
            ],
            None,
        );
        self.out.push(Block::Contents {
            title: self.s.contents.to_owned(),
        });
        self.out.push(Block::PageBreak);
    }
}
