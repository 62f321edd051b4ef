//! The DPO's review in the report: the status line of the cover, each verdict beside its answer,
//! the items the team must answer, the history of rounds and the changes since the last round.

use super::{Block, Builder, Cell, Mark, Row, TextStyle, cell, col, format_date, marked};
use crate::diff::{self, Side};
use crate::review::{DecisionState, Round, Status, Verdict, VerdictEntry};
use crate::risk::RiskClass;

impl Builder<'_> {
    fn review_texts(&self) -> &'static crate::i18n::review::ReviewText {
        &crate::i18n::tr(self.lang).review
    }

    /// "Status der Prüfung: In Prüfung · Runde 2", then the submission and the decision (a
    /// decision on an earlier version is never shown as the decision of this one).
    pub(super) fn review_status_text(&self) -> String {
        let t = self.review_texts();
        let r = &self.assessment.review;
        let team = self.assessment.team_fingerprint();
        let mut lines = vec![format!(
            "{} · {} {}",
            r.status.name(self.lang),
            t.round,
            r.round.number
        )];
        match &r.round.submission {
            Some(s) => lines.push(self.submitted_text(s)),
            None => lines.push(t.not_submitted.to_owned()),
        }
        match r.current_decision(&team) {
            DecisionState::Current(round) => lines.push(self.decision_text(round)),
            DecisionState::Outdated(round) => lines.push(format!(
                "{}: {} — {}",
                t.decision_outdated,
                self.decision_text(round),
                t.decision_outdated_note
            )),
            DecisionState::None => {}
        }
        if r.changed_since_submission(&team) {
            lines.push(t.changed_after_submission.to_owned());
        }
        lines.join("\n")
    }

    fn submitted_text(&self, s: &crate::review::Submission) -> String {
        let t = self.review_texts();
        let mut text = t.submitted.to_owned();
        if !s.by.trim().is_empty() {
            text = format!("{text} {} {}", t.by, s.by.trim());
        }
        if let Some(date) = s.date {
            text = format!("{text} {} {}", t.on, format_date(date, self.lang));
        }
        format!(
            "{text} ({} {})",
            t.version_id,
            crate::assessment::short(&s.fingerprint)
        )
    }

    fn decision_text(&self, round: &Round) -> String {
        format!(
            "{}: {}",
            self.review_texts().decision,
            self.decision_value(round)
        )
    }

    /// "abgelehnt von … am …", or "noch keine Entscheidung".
    fn decision_value(&self, round: &Round) -> String {
        let t = self.review_texts();
        let Some(d) = round.decision else {
            return t.no_decision.to_owned();
        };
        let mut text = d.name(self.lang).to_owned();
        if !round.decided_by.trim().is_empty() {
            text = format!("{text} {} {}", t.by, round.decided_by.trim());
        }
        if let Some(date) = round.decision_date {
            text = format!("{text} {} {}", t.on, format_date(date, self.lang));
        }
        text
    }

    /// The verdicts on finding `id`: this round's, and in a revision the last round's.
    pub(super) fn verdict_rows(&self, id: &str) -> Vec<(String, Cell)> {
        let t = self.review_texts();
        let r = &self.assessment.review;
        let mut rows = Vec::new();
        if let Some(v) = r.round.verdict(id) {
            rows.push((t.verdict_of_dpo.to_owned(), self.verdict_cell(v)));
        }
        if r.status == Status::Ueberarbeitung
            && let Some(previous) = r.previous()
            && let Some(v) = previous.verdict(id)
        {
            rows.push((
                format!("{} {}", t.verdict_of_round, previous.number),
                self.verdict_cell(v),
            ));
        }
        rows
    }

    fn verdict_cell(&self, v: &VerdictEntry) -> Cell {
        let name = v.verdict.map_or_else(
            || self.review_texts().none.to_owned(),
            |v| v.name(self.lang).to_owned(),
        );
        let text = if v.comment.trim().is_empty() {
            name
        } else {
            format!("{name}\n{}", v.comment.trim())
        };
        match v.verdict {
            Some(Verdict::Akzeptiert) => marked(text, Mark::Class(RiskClass::Gering)),
            Some(_) => marked(text, Mark::Class(RiskClass::Risiko)),
            None => cell(text),
        }
    }

    /// The review section of chapter 6: status, round, and the items the team must answer.
    pub(super) fn review_section(&mut self) {
        let t = self.review_texts();
        self.heading(2, t.status.to_owned());
        self.para(self.review_status_text(), TextStyle::Body);
        let items: Vec<(String, String, String)> = self
            .assessment
            .review
            .open_items()
            .into_iter()
            .map(|(id, verdict, comment)| {
                (
                    id.to_string(),
                    verdict.name(self.lang).to_owned(),
                    comment.to_owned(),
                )
            })
            .collect();
        if items.is_empty() {
            return;
        }
        self.heading(3, t.items.to_owned());
        self.para(t.items_intro.to_owned(), TextStyle::Small);
        let rows = items
            .into_iter()
            .map(|(id, verdict, comment)| Row {
                cells: vec![
                    marked(id, Mark::Strong),
                    marked(verdict, Mark::Class(RiskClass::Risiko)),
                    cell(if comment.is_empty() {
                        t.none.to_owned()
                    } else {
                        comment
                    }),
                ],
            })
            .collect();
        self.table(
            vec![
                col(t.col_id.to_owned(), 0.12),
                col(t.field_verdict.to_owned(), 0.2),
                col(t.comment.to_owned(), 0.68),
            ],
            rows,
        );
    }

    /// The annex with the history of rounds, once there is a submission.
    pub(super) fn review_history(&mut self) {
        let t = self.review_texts();
        let r = &self.assessment.review;
        if r.history.is_empty() && r.round.submission.is_none() {
            return;
        }
        let team = self.assessment.team_fingerprint();
        let rows: Vec<Row> = r
            .rounds()
            .map(|round| {
                let counts = Verdict::ALL.map(|v| {
                    round
                        .verdicts
                        .values()
                        .filter(|e| e.verdict == Some(v))
                        .count()
                        .to_string()
                });
                let opinion = self.opinion_summary(round);
                let mut decision = self.decision_value(round);
                if round.decision.is_some() && round.decided_on.as_deref() != Some(team.as_str()) {
                    decision = format!("{decision} ({})", t.on_earlier_version);
                }
                Row {
                    cells: vec![
                        marked(round.number.to_string(), Mark::Strong),
                        cell(round.submission.as_ref().map_or_else(
                            || t.not_submitted.to_owned(),
                            |s| self.submitted_text(s),
                        )),
                        cell(counts.join(" / ")),
                        cell(opinion),
                        cell(decision),
                    ],
                }
            })
            .collect();
        self.out.push(Block::PageBreak);
        self.annex_heading(t.history.to_owned());
        self.para(t.history_intro.to_owned(), TextStyle::Small);
        self.para(
            format!("{}: {}", t.col_verdicts, t.verdict_counts),
            TextStyle::Small,
        );
        self.table(
            vec![
                col(t.col_round.to_owned(), 0.08),
                col(t.col_submitted.to_owned(), 0.3),
                col(t.col_verdicts.to_owned(), 0.12),
                col(t.col_opinion.to_owned(), 0.2),
                col(t.col_decision.to_owned(), 0.3),
            ],
            rows,
        );
    }

    /// Who wrote the opinion and when, and its beginning, for the history table.
    fn opinion_summary(&self, round: &Round) -> String {
        const SHOWN: usize = 160;
        let text = round.dpo_opinion.trim();
        if text.is_empty() {
            return self.review_texts().none.to_owned();
        }
        let mut head: Vec<String> = Vec::new();
        if !round.opinion_by.trim().is_empty() {
            head.push(round.opinion_by.trim().to_owned());
        }
        if let Some(d) = round.opinion_date {
            head.push(format_date(d, self.lang));
        }
        let mut body: String = text.chars().take(SHOWN).collect();
        if text.chars().count() > SHOWN {
            body.push('…');
        }
        if head.is_empty() {
            body
        } else {
            format!("{}\n{body}", head.join(", "))
        }
    }

    /// The annex "Änderungen gegenüber Runde N" in a later round: the current content against
    /// what was submitted in the last round.
    pub(super) fn review_changes(&mut self) {
        let t = self.review_texts();
        let Some(previous) = self.assessment.review.previous() else {
            return;
        };
        let Some(submission) = &previous.submission else {
            return;
        };
        let before = submission.content.to_assessment(self.assessment);
        let mut now = self.assessment.clone();
        now.review = crate::review::Review::default();
        let changes = diff::diff(
            Side {
                checklist: self.checklist,
                assessment: &before,
            },
            Side {
                checklist: self.checklist,
                assessment: &now,
            },
            self.lang,
        );
        self.out.push(Block::PageBreak);
        self.annex_heading(format!("{} {}", t.changes_since, previous.number));
        self.para(t.changes_intro.to_owned(), TextStyle::Small);
        if changes.is_empty() {
            self.para(t.no_changes.to_owned(), TextStyle::Body);
            return;
        }
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| t.none.to_owned());
        let rows = changes
            .iter()
            .map(|c| Row {
                cells: vec![
                    marked(
                        format!("{} · {}", c.id, c.field.name(self.lang)),
                        Mark::Strong,
                    ),
                    cell(show(&c.before)),
                    cell(show(&c.after)),
                ],
            })
            .collect();
        self.table(
            vec![
                col(t.col_what.to_owned(), 0.26),
                col(t.col_before.to_owned(), 0.37),
                col(t.col_now.to_owned(), 0.37),
            ],
            rows,
        );
    }
}
