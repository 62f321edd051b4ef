//! Rates an assessment the way DSK Kurzpapier Nr. 18 does.
//!
//! Every risky answer, every "unbekannt / nicht geprüft" and every baseline risk is a finding.
//! A finding's severity and likelihood (after active modifiers) give its class through the
//! checklist's matrix. The overall class is the worst finding's class, never an average, so many
//! good answers cannot hide one bad one; any knock-out makes it "hohes Risiko".
//!
//! The residual class uses the expected severity and likelihood recorded with a planned measure.
//! A measure can only lower a rating, and a knock-out stays a knock-out until the facts (and so
//! the answer) change: planning to stop using private phones does not make using them acceptable.

use serde::Serialize;

use crate::assessment::{Assessment, Measure, MeasureStatus};
use crate::checklist::{Checklist, Question};
use crate::choice::Choice;
use crate::ids::{FindingId, QuestionId};
use crate::risk::{Level, RiskClass};
use crate::text::{Lang, Text};

mod dpia;

/// What produced a finding.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub enum FindingKind {
    /// A risky answer.
    Answer,
    /// "unbekannt / nicht geprüft".
    Unknown,
    /// A baseline risk of the platform.
    Baseline,
}

/// A rating: severity, likelihood and the resulting class.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub struct Rating {
    /// Severity.
    pub severity: Level,
    /// Likelihood.
    pub likelihood: Level,
    /// Class from the matrix.
    pub class: RiskClass,
}

/// One rated finding.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ScoredFinding {
    /// Question id or baseline risk id.
    pub id: FindingId,
    /// Index of the question's section (`None` for baseline risks).
    pub section: Option<usize>,
    /// What produced it.
    pub kind: FindingKind,
    /// The answer chosen (`None` for baseline risks).
    pub choice: Option<Choice>,
    /// The rating as the checklist gives it, before modifiers.
    pub base: Rating,
    /// The rating after modifiers: the gross risk.
    pub gross: Rating,
    /// The expected rating once the planned measure is in place (equal to `gross` without one).
    pub residual: Rating,
    /// Knock-out reason, if this finding is one.
    pub knockout: Option<Text>,
    /// The checklist's recommended measure.
    pub recommended: Text,
    /// The measure planned in the assessment.
    pub planned: Option<Measure>,
    /// Ids of the modifiers applied.
    pub modifiers: Vec<String>,
    /// The planned measure's residual was raised to the baseline risk's floor (what measures can
    /// at best achieve).
    pub floored: bool,
    /// The measure lowers severity and likelihood by two or more levels together without a
    /// written reason.
    pub needs_reason: bool,
    /// Present when the answer says no DPIA is needed although the result is "hohes Risiko":
    /// why that contradicts the result (the finding is then rated by the checklist's DPIA rule).
    pub contradiction: Option<Text>,
}

impl ScoredFinding {
    /// What the finding is about: the question's text, or the baseline risk's title (`None`
    /// if `checklist` is not the one it was scored with).
    pub fn subject<'c>(&self, checklist: &'c Checklist, lang: Lang) -> Option<&'c str> {
        match self.kind {
            FindingKind::Baseline => checklist
                .baseline_risks()
                .iter()
                .find(|b| b.id == self.id)
                .map(|b| b.title.get(lang)),
            FindingKind::Answer | FindingKind::Unknown => {
                checklist.question(&self.id).map(|q| q.text.get(lang))
            }
        }
    }

    /// The finding as reports and the command line name it: the question's text, or
    /// "Grundrisiko: " and the baseline risk's title. Empty if the subject is not found.
    pub fn title(&self, checklist: &Checklist, lang: Lang) -> String {
        let Some(subject) = self.subject(checklist, lang) else {
            return String::new();
        };
        match self.kind {
            FindingKind::Baseline => {
                let label = crate::i18n::tr(lang).terms.baseline_risk;
                format!("{label}: {subject}")
            }
            FindingKind::Answer | FindingKind::Unknown => subject.to_owned(),
        }
    }
}

/// Number of findings in each class.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct ClassCounts {
    /// geringes Risiko.
    pub gering: usize,
    /// Risiko.
    pub risiko: usize,
    /// hohes Risiko.
    pub hoch: usize,
}

impl ClassCounts {
    fn add(&mut self, class: RiskClass) {
        match class {
            RiskClass::Gering => self.gering += 1,
            RiskClass::Risiko => self.risiko += 1,
            RiskClass::Hoch => self.hoch += 1,
        }
    }

    fn remove(&mut self, class: RiskClass) {
        let n = match class {
            RiskClass::Gering => &mut self.gering,
            RiskClass::Risiko => &mut self.risiko,
            RiskClass::Hoch => &mut self.hoch,
        };
        *n = n.saturating_sub(1);
    }

    /// The count for `class`.
    pub fn get(&self, class: RiskClass) -> usize {
        match class {
            RiskClass::Gering => self.gering,
            RiskClass::Risiko => self.risiko,
            RiskClass::Hoch => self.hoch,
        }
    }

    /// Total findings.
    pub fn total(&self) -> usize {
        self.gering + self.risiko + self.hoch
    }
}

/// The state of one section.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SectionScore {
    /// Section id.
    pub id: String,
    /// Gross findings by class.
    pub gross: ClassCounts,
    /// Residual findings by class.
    pub residual: ClassCounts,
    /// Knock-outs in this section.
    pub knockouts: usize,
    /// Questions shown (conditions met).
    pub visible: usize,
    /// Questions answered with an option (not "unknown").
    pub answered: usize,
    /// Questions answered "unbekannt / nicht geprüft".
    pub unknown: usize,
    /// Questions shown but not answered.
    pub open: usize,
}

/// How far the assessment is.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Completeness {
    /// Questions shown.
    pub visible: usize,
    /// Answered with an option.
    pub answered: usize,
    /// Answered "unbekannt / nicht geprüft".
    pub unknown: usize,
    /// Ids of questions shown but not answered, in checklist order.
    pub open: Vec<QuestionId>,
    /// Questions hidden by their conditions.
    pub hidden: usize,
    /// Ids of shown questions whose answer is marked to check again (the question changed in a
    /// newer checklist version), in checklist order.
    pub recheck: Vec<QuestionId>,
    /// Findings whose measure lowers the rating by two or more levels without a written reason.
    pub unexplained: Vec<FindingId>,
}

/// The result of scoring an assessment against its checklist.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Score {
    /// Worst gross class (hohes Risiko with any knock-out).
    pub overall_gross: RiskClass,
    /// Worst residual class (hohes Risiko with any knock-out).
    pub overall_residual: RiskClass,
    /// Ids of knock-out findings, in checklist order.
    pub knockouts: Vec<FindingId>,
    /// All findings: knock-outs first, then by gross class (worst first), then checklist order.
    pub findings: Vec<ScoredFinding>,
    /// One entry per checklist section.
    pub sections: Vec<SectionScore>,
    /// Baseline risks by class (gross).
    pub baseline: ClassCounts,
    /// Completeness.
    pub completeness: Completeness,
    /// Ids of modifiers whose condition holds.
    pub active_modifiers: Vec<String>,
}

impl Score {
    /// Whether every shown question has an answer.
    pub fn is_complete(&self) -> bool {
        self.completeness.open.is_empty()
            && self.completeness.recheck.is_empty()
            && self.completeness.unexplained.is_empty()
    }

    /// The finding with this id.
    pub fn finding(&self, id: &str) -> Option<&ScoredFinding> {
        self.findings.iter().find(|f| f.id == id)
    }

    /// Gross and residual counts over all findings, for the 4×4 map: `[likelihood][severity]`.
    pub fn heat_map(&self, residual: bool) -> [[usize; 4]; 4] {
        let mut map = [[0; 4]; 4];
        for f in &self.findings {
            let r = if residual { f.residual } else { f.gross };
            map[r.likelihood.index()][r.severity.index()] += 1;
        }
        map
    }
}

/// Rates findings: the checklist's levels, shifted by the active modifiers, classified by the
/// matrix, with the residual rating of a planned measure.
struct Rater<'a> {
    matrix: &'a crate::risk::Matrix,
    assessment: &'a Assessment,
    active: Vec<&'a crate::checklist::Modifier>,
    visible: crate::checklist::Visibility,
}

/// What a finding is rated from: severity, likelihood, knock-out reason, recommended measure.
type Raw = (Level, Level, Option<Text>, Text);

impl Rater<'_> {
    fn rate(&self, severity: Level, likelihood: Level) -> Rating {
        Rating {
            severity,
            likelihood,
            class: self.matrix.classify(severity, likelihood),
        }
    }

    /// A finding; its residual rating never goes below `floor` (a baseline risk's, shifted by the
    /// same modifiers as the finding itself).
    fn finding(
        &self,
        id: &str,
        section: Option<usize>,
        kind: FindingKind,
        choice: Option<Choice>,
        raw: Raw,
        floor: Option<(Level, Level)>,
    ) -> ScoredFinding {
        let (severity, likelihood, knockout, recommended) = raw;
        // A modifier never raises the finding of the very answer that triggers it: that
        // answer's own rating already expresses the circumstance.
        let applied: Vec<&&crate::checklist::Modifier> = self
            .active
            .iter()
            .filter(|m| m.affects(id) && m.when.question != id)
            .collect();
        let shift = |(mut s, mut l): (Level, Level)| {
            for m in &applied {
                s = s.shifted(m.severity);
                l = l.shifted(m.likelihood);
            }
            (s, l)
        };
        let (s, l) = shift((severity, likelihood));
        let gross = self.rate(s, l);
        let planned = self.assessment.measures.get(id).cloned();
        let rate = |s, l| self.rate(s, l);
        let mut residual = residual_rating(gross, knockout.is_some(), planned.as_ref(), &rate);
        // For the platform's own risks, a measure that lowers the rating a long way must say why
        // (what it changes that the platform does not).
        let needs_reason = kind == FindingKind::Baseline
            && planned.as_ref().is_some_and(|m| {
                let lowered = usize::from(gross.severity.get() - residual.severity.get())
                    + usize::from(gross.likelihood.get() - residual.likelihood.get());
                lowered >= 2 && m.reason.trim().is_empty()
            });
        let mut floored = false;
        if let Some((fs, fl)) = floor {
            let (fs, fl) = shift((fs, fl));
            let (fs, fl) = (fs.min(gross.severity), fl.min(gross.likelihood));
            if residual.severity < fs || residual.likelihood < fl {
                floored = true;
                let class = residual.class;
                residual = self.rate(residual.severity.max(fs), residual.likelihood.max(fl));
                // A knock-out keeps its class (see `residual_rating`).
                residual.class = residual.class.max(class);
            }
        }
        ScoredFinding {
            id: id.into(),
            section,
            kind,
            choice,
            base: self.rate(severity, likelihood),
            gross,
            residual,
            knockout,
            recommended,
            planned,
            modifiers: applied.iter().map(|m| m.id.clone()).collect(),
            floored,
            needs_reason,
            contradiction: None,
        }
    }

    /// Scores section `si`, adding its findings and completeness to the totals.
    fn section(
        &self,
        checklist: &Checklist,
        (si, section): (usize, &crate::checklist::Section),
        findings: &mut Vec<ScoredFinding>,
        completeness: &mut Completeness,
    ) -> SectionScore {
        let mut s = SectionScore {
            id: section.id.clone(),
            gross: ClassCounts::default(),
            residual: ClassCounts::default(),
            knockouts: 0,
            visible: 0,
            answered: 0,
            unknown: 0,
            open: 0,
        };
        for q in &section.questions {
            if !checklist
                .position(&q.id)
                .is_some_and(|n| self.visible.shown(n))
            {
                completeness.hidden += 1;
                continue;
            }
            s.visible += 1;
            let Some(choice) = self.assessment.choice(&q.id).filter(|c| q.accepts(c)) else {
                s.open += 1;
                completeness.open.push(q.id.clone());
                continue;
            };
            if choice.is_unknown() {
                s.unknown += 1;
            } else {
                s.answered += 1;
            }
            if self
                .assessment
                .answers
                .get(&q.id)
                .is_some_and(|a| a.recheck)
            {
                completeness.recheck.push(q.id.clone());
            }
            if let Some(f) = finding_of(q, choice) {
                let kind = if choice.is_unknown() {
                    FindingKind::Unknown
                } else {
                    FindingKind::Answer
                };
                let scored = self.finding(&q.id, Some(si), kind, Some(choice.clone()), f, None);
                s.gross.add(scored.gross.class);
                s.residual.add(scored.residual.class);
                if scored.knockout.is_some() {
                    s.knockouts += 1;
                }
                findings.push(scored);
            }
        }
        completeness.visible += s.visible;
        completeness.answered += s.answered;
        completeness.unknown += s.unknown;
        s
    }
}

/// Scores `assessment` against `checklist`. The caller checks the fit first
/// ([`Assessment::check_against`]); answers that do not fit are treated as unanswered.
pub fn score(checklist: &Checklist, assessment: &Assessment) -> Score {
    let answer_of = |id: &str| assessment.choice(id);
    let rater = Rater {
        matrix: checklist.matrix(),
        assessment,
        active: checklist
            .modifiers()
            .iter()
            .filter(|m| checklist.holds(&m.when, &answer_of))
            .collect(),
        visible: checklist.visibility(&answer_of),
    };
    let mut findings = Vec::new();
    let mut completeness = Completeness::default();
    let mut sections: Vec<SectionScore> = checklist
        .sections()
        .iter()
        .enumerate()
        .map(|entry| rater.section(checklist, entry, &mut findings, &mut completeness))
        .collect();

    let mut baseline = ClassCounts::default();
    // A baseline risk with a condition applies only where it holds. Not knowing must never score
    // milder than knowing: an "unknown" answer counts as holding, and so does a question not
    // answered yet (the result is provisional then anyway), so that a new or migrated assessment
    // does not lose a platform risk before the question is answered.
    let open_and_shown = |c: &crate::checklist::Condition| {
        assessment.choice(&c.question).is_none_or(|choice| {
            checklist
                .question(&c.question)
                .is_some_and(|q| !q.accepts(choice))
        }) && checklist
            .question(&c.question)
            .is_some_and(|q| checklist.is_visible(q, &answer_of))
    };
    for b in checklist.baseline_risks().iter().filter(|b| {
        b.applies_if
            .as_ref()
            .is_none_or(|c| checklist.holds(c, &answer_of) || open_and_shown(c))
    }) {
        let f = (b.severity, b.likelihood, None, b.measure.clone());
        let floor = b.floor.as_ref().map(|f| (f.severity, f.likelihood));
        let scored = rater.finding(&b.id, None, FindingKind::Baseline, None, f, floor);
        baseline.add(scored.gross.class);
        findings.push(scored);
    }
    if let Some(rule) = checklist.dpia() {
        dpia::apply(rule, checklist, &rater, &mut findings, &mut sections);
    }
    completeness.unexplained = findings
        .iter()
        .filter(|f| f.needs_reason)
        .map(|f| f.id.clone())
        .collect();

    let knockouts: Vec<FindingId> = findings
        .iter()
        .filter(|f| f.knockout.is_some())
        .map(|f| f.id.clone())
        .collect();
    let worst = |pick: fn(&ScoredFinding) -> RiskClass| {
        if knockouts.is_empty() {
            findings.iter().map(pick).max().unwrap_or(RiskClass::Gering)
        } else {
            RiskClass::Hoch
        }
    };
    let overall_gross = worst(|f| f.gross.class);
    let overall_residual = worst(|f| f.residual.class);

    // Stable sort keeps checklist order within equal keys.
    findings.sort_by_key(|f| (f.knockout.is_none(), std::cmp::Reverse(f.gross.class)));

    Score {
        overall_gross,
        overall_residual,
        knockouts,
        findings,
        sections,
        baseline,
        completeness,
        active_modifiers: rater.active.iter().map(|m| m.id.clone()).collect(),
    }
}

fn finding_of(q: &Question, choice: &Choice) -> Option<Raw> {
    q.finding_for(choice).map(|f| {
        (
            f.severity,
            f.likelihood,
            f.knockout.clone(),
            f.measure.clone(),
        )
    })
}

/// The residual rating: the measure's expected levels, never above the gross ones; a rejected
/// measure changes nothing, and a knock-out stays "hohes Risiko".
fn residual_rating(
    gross: Rating,
    knockout: bool,
    planned: Option<&Measure>,
    rate: &impl Fn(Level, Level) -> Rating,
) -> Rating {
    let Some(m) = planned.filter(|m| m.status != MeasureStatus::Verworfen) else {
        return gross;
    };
    let s = m
        .residual_severity
        .map_or(gross.severity, |s| s.min(gross.severity));
    let l = m
        .residual_likelihood
        .map_or(gross.likelihood, |l| l.min(gross.likelihood));
    let mut r = rate(s, l);
    if knockout {
        r.class = RiskClass::Hoch;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Answer;
    use crate::checklist::load::parse_str;
    use std::path::Path;

    fn minimal() -> Checklist {
        let src = include_str!("../tests/fixtures/valid/minimal.ron");
        let (checklist, problems) = parse_str(Path::new("minimal.ron"), src);
        assert!(
            problems.iter().all(|p| !p.is_error()),
            "fixture must be valid: {problems:?}"
        );
        checklist.expect("minimal fixture loads")
    }

    fn with(answers: &[(&str, &str)]) -> (Checklist, Assessment) {
        let c = minimal();
        let mut a = Assessment::new(&c);
        for (q, choice) in answers {
            a.answers.insert(
                (*q).into(),
                Answer {
                    choice: Choice::parse(choice),
                    ..Answer::default()
                },
            );
        }
        (c, a)
    }

    fn lv(n: u8) -> Level {
        Level::new(n).expect("test level in range")
    }

    #[test]
    fn matrix_lookup_matches_the_provisional_table() {
        use RiskClass::{Gering as G, Hoch as H, Risiko as R};
        let expected = [[G, G, G, R], [G, R, R, R], [G, R, H, H], [R, R, H, H]];
        let c = minimal();
        for (l, row) in expected.iter().enumerate() {
            for (s, class) in row.iter().enumerate() {
                let got = c.matrix().classify(lv(s as u8 + 1), lv(l as u8 + 1));
                assert_eq!(got, *class, "severity {} likelihood {}", s + 1, l + 1);
            }
        }
    }

    #[test]
    fn baseline_counts_without_any_answer() {
        let (c, a) = with(&[]);
        let score = score(&c, &a);
        let b = score.finding("BR1").expect("baseline finding present");
        assert_eq!(b.kind, FindingKind::Baseline, "kind");
        assert_eq!(b.gross.class, RiskClass::Risiko, "3/2 is Risiko");
        assert_eq!(
            score.overall_gross,
            RiskClass::Risiko,
            "baseline sets the floor"
        );
        assert_eq!(
            score.completeness.open,
            vec!["M1.1", "M2.1"],
            "unanswered are open, M2.2 hidden"
        );
        assert_eq!(score.completeness.hidden, 1, "M2.2 hidden");
        assert!(!score.is_complete(), "open questions make it incomplete");
    }

    #[test]
    fn knockout_forces_high_and_comes_first() {
        let (c, a) = with(&[("M1.1", "nein"), ("M2.1", "nein")]);
        let score = score(&c, &a);
        assert_eq!(score.overall_gross, RiskClass::Hoch, "knock-out → hoch");
        assert_eq!(score.knockouts, vec!["M1.1"], "listed");
        assert_eq!(
            score.findings.first().map(|f| f.id.as_str()),
            Some("M1.1"),
            "first"
        );
        assert!(score.is_complete(), "all visible answered");
    }

    #[test]
    fn worst_finding_wins_over_good_answers() {
        let (c, a) = with(&[("M1.1", "ja"), ("M2.1", "ja"), ("M2.2", "nein")]);
        let score = score(&c, &a);
        // M2.2 nein is 2/3 (Risiko); with the minors modifier 3/3 → hoch.
        let f = score.finding("M2.2").expect("finding");
        assert_eq!(f.base.class, RiskClass::Risiko, "before modifier");
        assert_eq!(
            (f.gross.severity.get(), f.gross.class),
            (3, RiskClass::Hoch),
            "after modifier"
        );
        assert_eq!(f.modifiers, vec!["minderjaehrige"], "modifier recorded");
        assert_eq!(
            score.overall_gross,
            RiskClass::Hoch,
            "worst finding decides"
        );
        assert!(score.knockouts.is_empty(), "no knock-out");
    }

    #[test]
    fn modifier_applies_to_baseline_risks() {
        let (c, a) = with(&[("M2.1", "ja")]);
        let score = score(&c, &a);
        assert_eq!(score.active_modifiers, vec!["minderjaehrige"], "active");
        let b = score.finding("BR1").expect("baseline");
        assert_eq!(b.gross.severity.get(), 4, "3 + 1");
        assert_eq!(b.gross.class, RiskClass::Risiko, "4/2 is Risiko");
    }

    #[test]
    fn modifier_does_not_raise_its_own_trigger() {
        let (c, a) = with(&[("M2.1", "ja")]);
        let score = score(&c, &a);
        let f = score.finding("M2.1").expect("M2.1 ja is a finding");
        assert_eq!(
            f.gross, f.base,
            "the trigger's own rating is not raised again"
        );
        assert!(
            f.modifiers.is_empty(),
            "no modifier recorded on the trigger"
        );
    }

    #[test]
    fn hidden_question_answers_do_not_count() {
        let (c, a) = with(&[("M2.1", "nein"), ("M2.2", "nein")]);
        let score = score(&c, &a);
        assert!(score.finding("M2.2").is_none(), "hidden answer ignored");
    }

    #[test]
    fn unknown_is_a_finding_but_not_a_knockout() {
        let (c, a) = with(&[("M1.1", crate::choice::UNKNOWN_ID)]);
        let score = score(&c, &a);
        let f = score.finding("M1.1").expect("unknown is a finding");
        assert_eq!(f.kind, FindingKind::Unknown, "kind");
        assert_eq!(
            f.gross.class,
            RiskClass::Hoch,
            "rated like the worst option (4/4)"
        );
        assert!(f.knockout.is_none(), "no knock-out for not knowing");
        assert_eq!(score.completeness.unknown, 1, "counted as unknown");
        assert_eq!(score.completeness.answered, 0, "not as answered");
    }

    #[test]
    fn residual_uses_planned_levels_but_never_raises() {
        let (c, mut a) = with(&[("M1.1", "ja"), ("M2.1", "ja"), ("M2.2", "nein")]);
        a.measures.insert(
            "M2.2".into(),
            Measure {
                residual_severity: Some(lv(1)),
                residual_likelihood: Some(lv(4)),
                ..Measure::default()
            },
        );
        let score = score(&c, &a);
        let f = score.finding("M2.2").expect("finding");
        assert_eq!(
            (f.residual.severity.get(), f.residual.likelihood.get()),
            (1, 3),
            "likelihood capped at gross"
        );
        assert_eq!(f.residual.class, RiskClass::Gering, "1/3 is gering");
        assert_eq!(
            score.overall_residual,
            RiskClass::Risiko,
            "baseline 4/2 remains Risiko"
        );
    }

    #[test]
    fn rejected_measure_and_knockout_keep_the_risk() {
        let (c, mut a) = with(&[("M1.1", "nein"), ("M2.1", "nein")]);
        let low = Measure {
            residual_severity: Some(lv(1)),
            residual_likelihood: Some(lv(1)),
            ..Measure::default()
        };
        a.measures.insert("M1.1".into(), low.clone());
        a.measures.insert(
            "BR1".into(),
            Measure {
                status: MeasureStatus::Verworfen,
                ..low
            },
        );
        let score = score(&c, &a);
        assert_eq!(
            score.finding("M1.1").map(|f| f.residual.class),
            Some(RiskClass::Hoch),
            "knock-out stays"
        );
        assert_eq!(
            score.finding("BR1").map(|f| f.residual.class),
            Some(RiskClass::Risiko),
            "rejected changes nothing"
        );
        assert_eq!(score.overall_residual, RiskClass::Hoch, "knock-out");
    }

    #[test]
    fn section_counts() {
        let (c, a) = with(&[
            ("M1.1", "nein"),
            ("M2.1", "ja"),
            ("M2.2", crate::choice::UNKNOWN_ID),
        ]);
        let score = score(&c, &a);
        let m1 = &score.sections[0];
        assert_eq!((m1.gross.hoch, m1.knockouts, m1.answered), (1, 1, 1), "M1");
        let m2 = &score.sections[1];
        assert_eq!(
            (m2.visible, m2.answered, m2.unknown, m2.open),
            (2, 1, 1, 0),
            "M2"
        );
        assert_eq!(m2.gross.total(), 2, "M2.1 ja and the unknown M2.2");
        assert_eq!(
            (m2.gross.gering, m2.gross.hoch),
            (1, 1),
            "M2.1 ja stays 1/2; unknown M2.2 is 2/3 + 1"
        );
    }
}
