//! Rules that tie a checklist to something outside a single question: the rating policy shared
//! by all checklists, and the DPIA question that must not contradict the result.

use super::{Choice, DpiaDecl, DpiaRule, Finding, HashSet, Section, Validator};
use crate::checklist::policy;

impl Validator<'_> {
    /// An option tagged with a fact of the rating policy must be rated as the policy says:
    /// the same severity and likelihood, and a knock-out exactly where the policy has one.
    pub(super) fn fact(
        &mut self,
        fact: &str,
        finding: Option<&Finding>,
        path: &str,
        anchors: &[&str],
    ) {
        let fpath = format!("{path}.fact");
        let policy = match policy::builtin() {
            Ok(p) => p,
            Err(e) => {
                self.error(
                    &fpath,
                    anchors,
                    format!("the rating policy cannot be read: {e}"),
                );
                return;
            }
        };
        let Some(rule) = policy.fact(fact) else {
            self.error(
                &fpath,
                anchors,
                format!(
                    "`{}` is not a fact of the rating policy ({})",
                    crate::text::printable(fact),
                    policy::FILE
                ),
            );
            return;
        };
        let Some(f) = finding else {
            self.error(
                &fpath,
                anchors,
                format!(
                    "option expresses the fact `{fact}`, which the rating policy rates S{}/L{}, but it has no finding",
                    rule.severity, rule.likelihood
                ),
            );
            return;
        };
        let rated = (f.severity.get(), f.likelihood.get(), f.knockout.is_some());
        if rated != (rule.severity, rule.likelihood, rule.knockout) {
            let ko = |k: bool| if k { ", knock-out" } else { "" };
            self.error(
                &format!("{path}.finding"),
                anchors,
                format!(
                    "rated S{}/L{}{} but the rating policy rates the fact `{fact}` S{}/L{}{} ({})",
                    rated.0,
                    rated.1,
                    ko(rated.2),
                    rule.severity,
                    rule.likelihood,
                    ko(rule.knockout),
                    policy::FILE
                ),
            );
        }
    }

    /// The DPIA rule: its question and options exist, its finding is valid and its sources are
    /// declared.
    pub(super) fn dpia(
        &mut self,
        decl: DpiaDecl,
        sections: &[Section],
        declared: &HashSet<String>,
    ) -> Option<DpiaRule> {
        let DpiaDecl {
            question,
            not_needed,
            finding,
            reason,
            sources,
        } = decl;
        let anchors: &[&str] = &["dpia"];
        let q = sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.id == question.as_str());
        let Some(q) = q else {
            self.error(
                "dpia.question",
                anchors,
                format!(
                    "the DPIA rule names the unknown question `{}`",
                    crate::text::printable(&question)
                ),
            );
            return None;
        };
        if not_needed.is_empty() {
            self.error("dpia.not_needed", anchors, "the DPIA rule names no option");
        }
        for o in &not_needed {
            if q.option(o).is_none() {
                self.error(
                    "dpia.not_needed",
                    anchors,
                    format!(
                        "question `{question}` has no option `{}`",
                        crate::text::printable(o)
                    ),
                );
            }
        }
        let finding = self.finding(&finding, "dpia.finding", anchors);
        if finding.knockout.is_some() {
            self.error(
                "dpia.finding",
                anchors,
                "the DPIA rule's finding cannot be a knock-out: it depends on the other findings",
            );
        }
        let reason = self.text(&reason, "dpia.reason", anchors);
        if sources.is_empty() {
            self.error("dpia", anchors, "no source: the DPIA rule must cite one");
        }
        self.source_keys(&sources, declared, "dpia.sources", anchors);
        Some(DpiaRule {
            question: question.into(),
            not_needed: not_needed
                .iter()
                .map(|o| Choice::from(o.as_str()))
                .collect(),
            finding,
            reason,
            sources,
        })
    }
}
