//! Chapter 6, the DPO's opinion and the decision, with signature lines.

use super::{
    Block, Builder, Check, Decision, Mark, RiskClass, Signature, TextStyle, cell, format_date,
    marked, or_dash,
};
use crate::review::{DecisionState, Round};

impl Builder<'_> {
    /// The current round, with its decision only if it was taken on this content: a decision on
    /// an earlier version is left out here (the status section says what it was), so the form
    /// never shows it as current.
    fn current_round(&self) -> Round {
        let mut round = self.assessment.review.round.clone();
        let team = self.assessment.team_fingerprint();
        if !matches!(
            self.assessment.review.current_decision(&team),
            DecisionState::Current(_)
        ) {
            round.decision = None;
            round.decided_by.clear();
            round.decision_date = None;
            round.conditions.clear();
            round.deviation_reason.clear();
        }
        round
    }

    pub(super) fn decision(&mut self) {
        let r = self.current_round();
        let m = self.assessment.metadata.clone();
        let author = if r.opinion_by.trim().is_empty() {
            m.dpo.clone()
        } else {
            r.opinion_by.clone()
        };
        self.out.push(Block::PageBreak);
        self.heading(1, self.s.h_opinion_and_decision.to_owned());
        self.review_section();
        self.heading(2, self.s.h_dpo_opinion.to_owned());
        self.para(self.s.art_35_2_and_art.to_owned(), TextStyle::Small);
        self.fields(
            vec![
                (self.terms.meta.dpo.name.to_owned(), cell(or_dash(&author))),
                (
                    self.s.date_of_the_opinion.to_owned(),
                    cell(self.form_date(r.opinion_date)),
                ),
            ],
            None,
        );
        if r.dpo_opinion.trim().is_empty() {
            self.out.push(Block::WriteLines {
                label: self.s.opinion.to_owned(),
                lines: 8,
            });
        } else {
            self.para(r.dpo_opinion.trim(), TextStyle::Body);
        }

        self.decision_taken();
        self.decision_next_review();
    }

    fn decision_taken(&mut self) {
        let r = self.current_round();
        let dpo = if r.opinion_by.trim().is_empty() {
            self.assessment.metadata.dpo.clone()
        } else {
            r.opinion_by.clone()
        };
        self.heading(2, self.s.h_decision.to_owned());
        self.out.push(Block::Checkboxes(
            Decision::ALL
                .into_iter()
                .map(|d| Check {
                    checked: r.decision == Some(d),
                    label: d.name(self.lang).to_owned(),
                })
                .collect(),
        ));
        if r.conditions.trim().is_empty() {
            self.out.push(Block::WriteLines {
                label: self.s.conditions.to_owned(),
                lines: 3,
            });
        } else {
            self.para(
                format!("{}: {}", self.s.conditions_2, r.conditions.trim()),
                TextStyle::Body,
            );
        }
        let deviation = self.s.the_dpo_s_advice_was.to_owned();
        if r.deviation_reason.trim().is_empty() {
            self.out.push(Block::WriteLines {
                label: deviation,
                lines: 3,
            });
        } else {
            self.para(
                format!("{deviation}\n{}", r.deviation_reason.trim()),
                TextStyle::Body,
            );
        }
        if self.score.overall_residual == RiskClass::Hoch {
            self.note(self.s.the_residual_risk_stays_high.to_owned());
        }
        self.fields(
            vec![
                (self.s.decided_by.to_owned(), cell(r.decided_by.trim())),
                (
                    self.s.date_of_the_decision.to_owned(),
                    cell(self.form_date(r.decision_date)),
                ),
            ],
            None,
        );
        let date_caption = self.s.place_date.to_owned();
        // Where the name is not recorded, it is written by hand under the signature.
        let signature_caption = |name: &str| {
            if name.trim().is_empty() {
                self.s.signature_name_in_capitals.to_owned()
            } else {
                self.s.signature.to_owned()
            }
        };
        let role = |role: String, name: &str| {
            if name.trim().is_empty() {
                role
            } else {
                format!("{role}: {}", name.trim())
            }
        };
        let signatures = vec![
            Signature {
                role: role(self.terms.meta.dpo.name.to_owned(), &dpo),
                date: r.opinion_date.map(|d| format_date(d, self.lang)),
                date_caption: date_caption.clone(),
                signature_caption: signature_caption(&dpo),
            },
            Signature {
                role: role(self.s.for_the_head_of_the.to_owned(), &r.decided_by),
                date: r.decision_date.map(|d| format_date(d, self.lang)),
                date_caption,
                signature_caption: signature_caption(&r.decided_by),
            },
        ];
        self.out.push(Block::Signatures(signatures));
    }

    fn decision_next_review(&mut self) {
        let r = self.assessment.review.clone();
        self.heading(2, self.s.h_next_review.to_owned());
        match r.next_review {
            Some(d) => self.fields(
                vec![(
                    self.s.no_later_than.to_owned(),
                    marked(format_date(d, self.lang), Mark::Strong),
                )],
                None,
            ),
            None => self.out.push(Block::WriteLines {
                label: self.s.no_later_than_2.to_owned(),
                lines: 1,
            }),
        }
        self.para(
            self.s.regardless_of_that_date_repeat.to_owned(),
            TextStyle::Small,
        );
    }
}
