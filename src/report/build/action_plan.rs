//! Chapter 5, the action plan: planned measures, and the findings without one.

use super::{Builder, Mark, Row, TextStyle, cell, col, marked, or_dash};

impl Builder<'_> {
    pub(super) fn action_plan(&mut self) {
        self.heading(1, self.s.h_action_plan.to_owned());
        self.para(
            self.s.planned_measures_with_owners_due.to_owned(),
            TextStyle::Small,
        );
        let plan = crate::plan::rows(self.assessment, self.score);
        let rows: Vec<Row> = plan
            .iter()
            .filter(|r| r.measure.is_some())
            .map(|r| Row {
                cells: vec![
                    match r.gross() {
                        Some(g) => marked(
                            format!("{}\n{}", r.id, self.class_name(g.class)),
                            Mark::Class(g.class),
                        ),
                        // Measures whose finding went away (the answer changed) stay in the plan.
                        None => cell(format!("{}\n{}", r.id, self.s.no_finding)),
                    },
                    cell(or_dash(r.text(self.lang))),
                    cell(or_dash(r.owner())),
                    cell(format!(
                        "{}\n{}",
                        self.date(r.due()),
                        r.status().map(|st| st.name(self.lang)).unwrap_or_default()
                    )),
                    r.residual().map_or_else(
                        || cell("—"),
                        |x| marked(self.class_name(x.class), Mark::Class(x.class)),
                    ),
                ],
            })
            .collect();
        let unplanned: Vec<&crate::scoring::ScoredFinding> = plan
            .iter()
            .filter(|r| r.measure.is_none())
            .filter_map(|r| r.finding)
            .collect();
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
