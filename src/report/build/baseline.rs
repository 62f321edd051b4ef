//! Chapter 3, the baseline risks of the platform, each with its rating and measure.

use super::{Builder, TextStyle, cell};

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
