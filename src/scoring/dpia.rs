//! "No DPIA needed" while the result is "hohes Risiko": the tool itself then says a DPIA is
//! required (Art. 35(1) GDPR), so the answer contradicts the assessment it is part of. The
//! checklist's [`DpiaRule`] rates such an answer, and the finding names the contradiction.

use super::{FindingKind, Rater, RiskClass, ScoredFinding, SectionScore};
use crate::checklist::{Checklist, DpiaRule};

/// Rates the DPIA question's answer by `rule` when it says "not needed" and the other findings
/// alone make the gross result high (a knock-out, or a finding of "hohes Risiko"). The other
/// findings decide, so the answer's own rating cannot feed back into the condition. A rating
/// milder than the answer's own is never taken.
pub(super) fn apply(
    rule: &DpiaRule,
    checklist: &Checklist,
    rater: &Rater<'_>,
    findings: &mut Vec<ScoredFinding>,
    sections: &mut [SectionScore],
) {
    let Some(question) = checklist.question(&rule.question) else {
        return;
    };
    let shown = checklist
        .position(&question.id)
        .is_some_and(|n| rater.visible.shown(n));
    let Some(choice) = rater
        .assessment
        .choice(&question.id)
        .filter(|c| shown && rule.not_needed.contains(c))
    else {
        return;
    };
    let others_high = findings
        .iter()
        .filter(|f| f.id != question.id)
        .any(|f| f.knockout.is_some() || f.gross.class == RiskClass::Hoch);
    if !others_high {
        return;
    }
    let Some(si) = checklist
        .sections()
        .iter()
        .position(|s| s.questions.iter().any(|q| q.id == question.id))
    else {
        return;
    };
    let raw = (
        rule.finding.severity,
        rule.finding.likelihood,
        None,
        rule.finding.measure.clone(),
    );
    let mut raised = rater.finding(
        &question.id,
        Some(si),
        FindingKind::Answer,
        Some(choice.clone()),
        raw,
        None,
    );
    raised.contradiction = Some(rule.reason.clone());
    let weight = |f: &ScoredFinding| {
        (
            f.gross.class,
            u16::from(f.gross.severity.get()) * u16::from(f.gross.likelihood.get()),
        )
    };
    let Some(section) = sections.get_mut(si) else {
        return;
    };
    match findings.iter_mut().find(|f| f.id == question.id) {
        Some(own) if weight(own) >= weight(&raised) => own.contradiction = raised.contradiction,
        Some(own) => {
            section.gross.remove(own.gross.class);
            section.residual.remove(own.residual.class);
            section.gross.add(raised.gross.class);
            section.residual.add(raised.residual.class);
            *own = raised;
        }
        None => {
            section.gross.add(raised.gross.class);
            section.residual.add(raised.residual.class);
            findings.push(raised);
        }
    }
}
