//! Chapter 3, the baseline risks of the platform, each with its rating and measure.

use super::{Builder, Mark, TextStyle, cell, marked};

impl Builder<'_> {
    pub(super) fn baseline(&mut self) {
        let risks = self.checklist.baseline_risks();
        if risks.is_empty() {
            return;
        }
        self.heading(1, self.s.h_baseline_risks.to_owned());
        self.para(
            self.s.risks_that_come_with_using.to_owned(),
            TextStyle::Small,
        );
        for b in risks {
            let Some(f) = self.score.finding(&b.id) else {
                continue;
            };
            let heading = format!("{} {}", b.id, b.title.get(self.lang));
            self.heading(3, heading.clone());
            let mut rows = vec![
                (
                    self.s.description.to_owned(),
                    cell(b.description.get(self.lang)),
                ),
                (self.s.rating.to_owned(), self.rating_cell(f)),
                (self.s.measure.to_owned(), self.measure_cell(f)),
            ];
            if let Some(fl) = &b.floor {
                rows.push((
                    self.terms.floor.to_owned(),
                    cell(format!(
                        "{} ({})\n{}",
                        self.rating_short(crate::scoring::Rating {
                            severity: fl.severity,
                            likelihood: fl.likelihood,
                            class: self.checklist.matrix().classify(fl.severity, fl.likelihood),
                        }),
                        self.sources_text(&fl.sources).replace('\n', "; "),
                        fl.note.get(self.lang)
                    )),
                ));
            }
            if f.floored {
                rows.push((
                    self.terms.floor.to_owned(),
                    marked(self.terms.floored, Mark::Open),
                ));
            }
            match f.planned.as_ref().map(|m| m.reason.trim()) {
                Some(reason) if !reason.is_empty() => {
                    rows.push((self.terms.reason.to_owned(), cell(reason)));
                }
                _ if f.needs_reason => {
                    rows.push((
                        self.terms.reason.to_owned(),
                        marked(self.terms.reason_missing, Mark::Open),
                    ));
                }
                _ => {}
            }
            rows.extend(self.verdict_rows(&b.id));
            if !b.legal.is_empty() {
                rows.push((self.s.legal_references.to_owned(), cell(b.legal.join("; "))));
            }
            rows.push((
                self.s.sources.to_owned(),
                cell(self.sources_text(&b.sources)),
            ));
            self.fields(rows, Some(self.continued(&heading)));
        }
    }
}
