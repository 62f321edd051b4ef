//! Chapter 5, the action plan: planned measures, and the findings without one.

use super::{Builder, Mark, Row, TextStyle, cell, col, marked, or_dash};

impl Builder<'_> {
    pub(super) fn action_plan(&mut self) {
        self.heading(1, self.s.h_action_plan.to_owned());
        self.para(
            self.s.planned_measures_with_owners_due.to_owned(),
            TextStyle::Small,
        );
        let s = self.score;
        let mut rows = Vec::new();
        let mut unplanned = Vec::new();
        for f in &s.findings {
            let Some(m) = &f.planned else {
                unplanned.push(f);
                continue;
            };
            let text = if m.text.trim().is_empty() {
                f.recommended.get(self.lang).to_owned()
            } else {
                m.text.trim().to_owned()
            };
            rows.push(Row {
                cells: vec![
                    marked(
                        format!("{}\n{}", f.id, self.class_name(f.gross.class)),
                        Mark::Class(f.gross.class),
                    ),
                    cell(text),
                    cell(or_dash(&m.owner)),
                    cell(format!(
                        "{}\n{}",
                        self.date(m.due),
                        m.status.name(self.lang)
                    )),
                    marked(
                        self.class_name(f.residual.class),
                        Mark::Class(f.residual.class),
                    ),
                ],
            });
        }
        // Measures whose finding went away (the answer changed): still part of the plan.
        for (id, m) in &self.assessment.measures {
            if s.finding(id).is_some() {
                continue;
            }
            rows.push(Row {
                cells: vec![
                    cell(format!("{id}\n{}", self.s.no_finding)),
                    cell(or_dash(&m.text)),
                    cell(or_dash(&m.owner)),
                    cell(format!(
                        "{}\n{}",
                        self.date(m.due),
                        m.status.name(self.lang)
                    )),
                    cell("—"),
                ],
            });
        }
        if rows.is_empty() {
            self.para(self.s.no_measures_are_planned.to_owned(), TextStyle::Body);
        } else {
            self.table(
                vec![
                    col(self.s.finding_gross.to_owned(), 0.13),
                    col(self.s.measure.to_owned(), 0.39),
                    col(self.s.owner.to_owned(), 0.19),
                    col(self.s.due_status.to_owned(), 0.15),
                    col(self.s.residual.to_owned(), 0.14),
                ],
                rows,
            );
        }
        if !unplanned.is_empty() {
            self.heading(2, self.s.findings_without_a_planned_measure.to_owned());
            let rows = unplanned
                .iter()
                .map(|f| Row {
                    cells: vec![
                        marked(
                            format!("{}\n{}", f.id, self.class_name(f.gross.class)),
                            Mark::Class(f.gross.class),
                        ),
                        cell(f.title(self.checklist, self.lang)),
                        cell(f.recommended.get(self.lang)),
                    ],
                })
                .collect();
            self.table(
                vec![
                    col(self.s.finding.to_owned(), 0.14),
                    col(self.s.question_risk.to_owned(), 0.38),
                    col(self.s.measure_the_checklist_recommends.to_owned(), 0.48),
                ],
                rows,
            );
        }
    }
}
