//! The annex: the method (DSK Kurzpapier Nr. 18, the matrix, modifiers) and the sources.

use super::{Block, Builder, Mark, Row, TextStyle, cell, col, marked};

impl Builder<'_> {
    pub(super) fn annex(&mut self, app_version: &str, fingerprint: &str) {
        self.out.push(Block::PageBreak);
        self.annex_heading(self.s.annex_a_method);
        self.para(
            self.s.the_rating_follows_dsk_short.to_owned(),
            TextStyle::Body,
        );
        self.annex_matrix();
        self.annex_modifiers(app_version, fingerprint);
        self.annex_sources();
    }

    fn annex_matrix(&mut self) {
        let matrix = self.checklist.matrix();
        self.heading(2, self.s.risk_matrix.to_owned());
        let mut columns = vec![col(self.s.likelihood_severity.to_owned(), 0.24)];
        for (i, name) in matrix.severity_levels.iter().enumerate() {
            columns.push(col(format!("{} {}", i + 1, name.get(self.lang)), 0.19));
        }
        let rows = (0..4)
            .rev()
            .map(|l| {
                let mut cells = vec![marked(
                    format!("{} {}", l + 1, matrix.likelihood_levels[l].get(self.lang)),
                    Mark::Strong,
                )];
                cells.extend(
                    matrix.cells[l]
                        .iter()
                        .map(|class| marked(self.class_name(*class), Mark::Class(*class))),
                );
                Row { cells }
            })
            .collect();
        self.table(columns, rows);
        let sources: Vec<String> = matrix
            .sources
            .iter()
            .map(|k| match self.checklist.source(k) {
                Some(s) => format!("{} ({}, {})", s.title, s.publisher, s.date),
                None => k.clone(),
            })
            .collect();
        self.para(
            format!("{}: {}", self.s.source_of_the_matrix, sources.join("; ")),
            TextStyle::Body,
        );
        if matrix.verified {
            self.para(
                self.s.the_cell_classes_are_verified.to_owned(),
                TextStyle::Body,
            );
        } else {
            self.note(self.s.the_matrix_is_not_verified.to_owned());
        }
        let note = matrix.note.get(self.lang);
        if !note.trim().is_empty() {
            self.para(note, TextStyle::Small);
        }
    }

    fn annex_modifiers(&mut self, app_version: &str, fingerprint: &str) {
        let c = self.checklist;
        if !c.modifiers().is_empty() {
            self.heading(2, self.s.modifiers.to_owned());
            let rows = c
                .modifiers()
                .iter()
                .map(|md| {
                    let active = self.score.active_modifiers.contains(&md.id);
                    let effect = format!(
                        "{} {:+}, {} {:+}",
                        self.s.severity, md.severity, self.s.likelihood, md.likelihood
                    );
                    Row {
                        cells: vec![
                            marked(md.label.get(self.lang), Mark::Strong),
                            cell(format!("{}\n{effect}", md.reason.get(self.lang))),
                            if active {
                                marked(self.s.applies.to_owned(), Mark::Strong)
                            } else {
                                cell(self.s.does_not_apply.to_owned())
                            },
                        ],
                    }
                })
                .collect();
            self.table(
                vec![
                    col(self.s.modifier.to_owned(), 0.25),
                    col(self.s.reason_and_effect.to_owned(), 0.57),
                    col(self.s.here.to_owned(), 0.18),
                ],
                rows,
            );
        }
        self.para(
            format!(
                "{} Plattform-Check {app_version}; {} {} {}; {} {}.",
                self.s.made_with,
                self.s.checklist_2,
                c.id(),
                c.version(),
                self.s.assessment_id,
                fingerprint
            ),
            TextStyle::Small,
        );
    }

    fn annex_sources(&mut self) {
        let c = self.checklist;
        self.annex_heading(self.s.annex_b_sources);
        let rows = c
            .sources()
            .iter()
            .map(|s| {
                let mut text = format!("{}\n{}, {}\n{}", s.title, s.publisher, s.date, s.url);
                if let Some(note) = &s.note {
                    text.push('\n');
                    text.push_str(note.get(self.lang));
                }
                Row {
                    cells: vec![marked(s.key.clone(), Mark::Strong), cell(text)],
                }
            })
            .collect();
        self.table(
            vec![
                col(self.s.key.to_owned(), 0.18),
                col(self.s.title_publisher_date_address_note.to_owned(), 0.82),
            ],
            rows,
        );
    }
}
