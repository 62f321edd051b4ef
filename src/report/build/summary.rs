//! Chapter 1, the summary: knock-outs first, findings by class, aggravating circumstances, the
//! risk maps, the sections, open questions and the key measures.

use super::{
    Block, Builder, KEY_MEASURES, Lang, Level, MapCell, Mark, Paragraph, RiskClass, RiskMap, Row,
    ScoredFinding, TextStyle, cell, checklist, col, marked, open_marker,
};

impl Builder<'_> {
    pub(super) fn summary(&mut self) {
        self.heading(1, self.s.h_summary.to_owned());

        self.summary_knockouts();
        self.summary_classes();
        self.summary_risk_maps();
        self.summary_sections();
        self.summary_open();
        self.summary_key_measures();
    }

    fn summary_knockouts(&mut self) {
        let s = self.score;
        self.heading(2, self.s.h_knockouts.to_owned());
        let knockouts: Vec<&ScoredFinding> =
            s.findings.iter().filter(|f| f.knockout.is_some()).collect();
        if knockouts.is_empty() {
            self.para(self.s.no_knock_out_criterion_is.to_owned(), TextStyle::Body);
        } else {
            self.para(
                self.s.each_of_the_following_criteria.to_owned(),
                TextStyle::Body,
            );
            let rows = knockouts
                .iter()
                .map(|f| Row {
                    cells: vec![
                        marked(f.id.clone(), Mark::Class(RiskClass::Hoch)),
                        cell(f.title(self.checklist, self.lang)),
                        cell(
                            f.knockout
                                .as_ref()
                                .map(|k| k.get(self.lang).to_owned())
                                .unwrap_or_default(),
                        ),
                    ],
                })
                .collect();
            self.table(
                vec![
                    col(self.s.question.to_owned(), 0.1),
                    col(self.s.question_text.to_owned(), 0.4),
                    col(self.s.why_it_is_a_knock.to_owned(), 0.5),
                ],
                rows,
            );
        }
        // An answer that contradicts the result belongs up front with the knock-outs: the DPO
        // must see that the team's own file says no DPIA is needed for a high-risk channel.
        let label = crate::i18n::tr(self.lang).terms.contradiction;
        for f in s.findings.iter().filter(|f| f.contradiction.is_some()) {
            let reason = f.contradiction.as_ref().map(|c| c.get(self.lang));
            self.para(
                format!("{label} ({}): {}", f.id, reason.unwrap_or_default()),
                TextStyle::Body,
            );
        }
    }

    fn summary_classes(&mut self) {
        let s = self.score;
        self.heading(2, self.s.h_findings_by_class.to_owned());
        let (mut gross, mut residual) = ([0usize; 3], [0usize; 3]);
        for f in &s.findings {
            gross[f.gross.class as usize] += 1;
            residual[f.residual.class as usize] += 1;
        }
        let mut rows: Vec<Row> = [RiskClass::Hoch, RiskClass::Risiko, RiskClass::Gering]
            .into_iter()
            .map(|class| Row {
                cells: vec![
                    marked(self.class_name(class), Mark::Class(class)),
                    cell(gross[class as usize].to_string()),
                    cell(residual[class as usize].to_string()),
                ],
            })
            .collect();
        rows.push(Row {
            cells: vec![
                marked(self.s.all_findings.to_owned(), Mark::Strong),
                marked(s.findings.len().to_string(), Mark::Strong),
                marked(s.findings.len().to_string(), Mark::Strong),
            ],
        });
        rows.push(Row {
            cells: vec![
                cell(self.s.of_them_platform_baseline_risks.to_owned()),
                cell(s.baseline.total().to_string()),
                cell(s.baseline.total().to_string()),
            ],
        });
        self.table(
            vec![
                col(self.s.class.to_owned(), 0.5),
                col(self.s.gross_before_measures.to_owned(), 0.25),
                col(self.s.residual_after_measures.to_owned(), 0.25),
            ],
            rows,
        );
        self.para(self.s.a_finding_is_every_risky.to_owned(), TextStyle::Small);
        let active: Vec<String> = self
            .checklist
            .modifiers()
            .iter()
            .filter(|md| s.active_modifiers.contains(&md.id))
            .map(|md| {
                let assumed = self
                    .checklist
                    .modifier_assumed(md, &|id: &str| self.assessment.choice(id));
                format!(
                    "{}: {}{}",
                    md.label.get(self.lang),
                    md.reason.get(self.lang),
                    self.terms.assumed_note(assumed)
                )
            })
            .collect();
        for a in active {
            let text = format!("{}: {a}", self.s.aggravating_circumstance);
            self.out.push(Block::Note(Paragraph {
                text,
                style: TextStyle::Body,
            }));
        }
    }

    fn summary_risk_maps(&mut self) {
        self.heading(2, self.s.h_risk_map.to_owned());
        let maps = [false, true]
            .into_iter()
            .map(|residual| self.risk_map(residual))
            .collect();
        self.out.push(Block::RiskMaps(maps));
        let sev: Vec<String> = (1..=4u8)
            .filter_map(Level::new)
            .map(|l| format!("{} {}", l, self.level_name(true, l)))
            .collect();
        self.para(
            format!(
                "{} {}: {}.",
                self.s.number_of_findings_per_cell,
                self.s.severity_2,
                sev.join(" · ")
            ),
            TextStyle::Small,
        );
    }

    fn summary_sections(&mut self) {
        let s = self.score;
        self.heading(2, self.s.h_result_by_section.to_owned());
        let mut rows = Vec::new();
        for (sec, section) in s.sections.iter().zip(self.checklist.sections()) {
            let worst = if sec.gross.hoch > 0 {
                Mark::Class(RiskClass::Hoch)
            } else if sec.gross.risiko > 0 {
                Mark::Class(RiskClass::Risiko)
            } else {
                Mark::Plain
            };
            rows.push(Row {
                cells: vec![
                    marked(
                        format!("{} {}", sec.id, section.title.get(self.lang)),
                        worst,
                    ),
                    cell(sec.visible.to_string()),
                    cell(sec.answered.to_string()),
                    cell(sec.unknown.to_string()),
                    if sec.open > 0 {
                        marked(sec.open.to_string(), Mark::Open)
                    } else {
                        cell("0")
                    },
                    cell(sec.gross.hoch.to_string()),
                    cell(sec.gross.risiko.to_string()),
                    cell(sec.gross.gering.to_string()),
                    cell(sec.knockouts.to_string()),
                ],
            });
        }
        self.table(
            vec![
                col(self.s.section.to_owned(), 0.28),
                col(self.s.shown.to_owned(), 0.09),
                col(self.s.answ.to_owned(), 0.09),
                col(self.s.unkn.to_owned(), 0.09),
                col(self.s.open.to_owned(), 0.09),
                col(self.s.high.to_owned(), 0.09),
                col(self.s.risk.to_owned(), 0.09),
                col(self.s.low.to_owned(), 0.09),
                col(self.s.ko.to_owned(), 0.09),
            ],
            rows,
        );
        self.para(
            self.s.classes_gross_findings_before_measures.to_owned(),
            TextStyle::Small,
        );
    }

    fn summary_open(&mut self) {
        let s = self.score;
        self.heading(2, self.s.h_open_and_unknown.to_owned());
        let mut rows = Vec::new();
        for (_, q) in self.checklist.questions() {
            if s.completeness.open.contains(&q.id) {
                rows.push(Row {
                    cells: vec![
                        cell(q.id.clone()),
                        cell(q.text.get(self.lang)),
                        marked(open_marker(self.lang), Mark::Open),
                    ],
                });
            } else if self.assessment.is_unknown(&q.id) && s.findings.iter().any(|f| f.id == q.id) {
                rows.push(Row {
                    cells: vec![
                        cell(q.id.clone()),
                        cell(q.text.get(self.lang)),
                        marked(checklist::unknown_label(self.lang), Mark::Strong),
                    ],
                });
            }
        }
        if rows.is_empty() {
            self.para(
                self.s.every_question_shown_is_answered.to_owned(),
                TextStyle::Body,
            );
        } else {
            if !s.completeness.open.is_empty() {
                self.note(self.s.the_result_is_provisional_open.to_owned());
            }
            self.table(
                vec![
                    col(self.s.question.to_owned(), 0.1),
                    col(self.s.question_text.to_owned(), 0.62),
                    col(self.s.state.to_owned(), 0.28),
                ],
                rows,
            );
        }
    }

    fn summary_key_measures(&mut self) {
        let s = self.score;
        self.heading(2, self.s.h_key_measures.to_owned());
        // Every knock-out, then the worst class, up to KEY_MEASURES rows: a summary, not a
        // second action plan.
        let worst = s
            .findings
            .iter()
            .map(|f| f.gross.class)
            .max()
            .filter(|c| *c > RiskClass::Gering);
        let candidates: Vec<&ScoredFinding> = s
            .findings
            .iter()
            .filter(|f| f.knockout.is_some() || Some(f.gross.class) == worst)
            .collect();
        let shown = candidates.len().min(KEY_MEASURES.max(s.knockouts.len()));
        let more = candidates.len() - shown;
        let key = &candidates[..shown];
        if key.is_empty() {
            self.para(self.s.no_finding_of_class_risk.to_owned(), TextStyle::Body);
        } else {
            self.para(
                self.s.measures_for_the_knock_outs.to_owned(),
                TextStyle::Small,
            );
            let rows = key
                .iter()
                .map(|f| Row {
                    cells: vec![
                        marked(
                            format!("{}\n{}", f.id, self.class_name(f.gross.class)),
                            Mark::Class(f.gross.class),
                        ),
                        self.measure_cell(f),
                        marked(
                            self.class_name(f.residual.class),
                            Mark::Class(f.residual.class),
                        ),
                    ],
                })
                .collect();
            self.table(
                vec![
                    col(self.s.finding.to_owned(), 0.15),
                    col(self.s.measure.to_owned(), 0.68),
                    col(self.s.residual.to_owned(), 0.17),
                ],
                rows,
            );
            if more > 0 {
                self.para(
                    format!("{more} {}", self.s.more_findings_of_this_class),
                    TextStyle::Small,
                );
            }
        }
    }

    pub(super) fn risk_map(&self, residual: bool) -> RiskMap {
        let counts = self.score.heat_map(residual);
        let matrix = self.checklist.matrix();
        let cells = std::array::from_fn(|l| {
            std::array::from_fn(|s| MapCell {
                class: matrix.cells[l][s],
                count: counts[l][s],
            })
        });
        RiskMap {
            title: if residual {
                self.s.residual_after_planned_measures.to_owned()
            } else {
                self.s.gross_before_measures.to_owned()
            },
            severity_axis: self.s.severity_3.to_owned(),
            likelihood_axis: self.s.likelihood_2.to_owned(),
            likelihood_levels: std::array::from_fn(|i| {
                matrix.likelihood_levels[i].get(self.lang).to_owned()
            }),
            class_letters: match self.lang {
                Lang::De => ["G".into(), "R".into(), "H".into()],
                Lang::En => ["L".into(), "R".into(), "H".into()],
            },
            cells,
        }
    }
}
