//! The action plan as rows, built once for every front end: the report's chapter, the result
//! screen's sortable table and the command line's list of findings all read these rows.
//!
//! A row is a finding with its planned measure, a finding without one (the checklist's
//! recommendation stands in), or a measure whose finding went away because the answer changed
//! (it stays part of the plan until someone removes it).

use time::Date;

use crate::assessment::{Assessment, Measure, MeasureStatus};
use crate::checklist::Checklist;
use crate::scoring::{FindingKind, Rating, Score, ScoredFinding};
use crate::text::Lang;

/// One row of the action plan.
#[derive(Clone, Copy, Debug)]
pub struct PlanRow<'a> {
    /// The finding id (a question or a baseline risk).
    pub id: &'a str,
    /// The finding; `None` for a measure whose finding went away.
    pub finding: Option<&'a ScoredFinding>,
    /// The planned measure; `None` where none is planned yet.
    pub measure: Option<&'a Measure>,
}

/// How the plan can be sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanSort {
    /// As scored: knock-outs first, then the worst class, then checklist order.
    Finding,
    /// By owner, alphabetically (unplanned last).
    Owner,
    /// By due date, earliest first (none last).
    Due,
    /// By state of the measure.
    Status,
    /// By residual class, worst first.
    Residual,
}

impl PlanSort {
    /// The sort keys in the order of the table's columns.
    pub const ALL: [Self; 5] = [
        Self::Finding,
        Self::Owner,
        Self::Due,
        Self::Status,
        Self::Residual,
    ];
}

impl<'a> PlanRow<'a> {
    /// The row of finding `f`, with its planned measure if there is one.
    pub fn of(f: &'a ScoredFinding) -> Self {
        Self {
            id: f.id.as_str(),
            finding: Some(f),
            measure: f.planned.as_ref(),
        }
    }

    /// What will be done: the measure's own text, or the checklist's recommendation where the
    /// measure has none or none is planned.
    pub fn text(&self, lang: Lang) -> &'a str {
        match (self.measure, self.finding) {
            (Some(m), _) if !m.text.trim().is_empty() => m.text.trim(),
            (_, Some(f)) => f.recommended.get(lang),
            (Some(m), None) => m.text.trim(),
            (None, None) => "",
        }
    }

    /// Who is responsible (empty if nobody is named or nothing is planned).
    pub fn owner(&self) -> &'a str {
        self.measure.map_or("", |m| m.owner.trim())
    }

    /// By when.
    pub fn due(&self) -> Option<Date> {
        self.measure.and_then(|m| m.due)
    }

    /// The state of the measure, if one is planned.
    pub fn status(&self) -> Option<MeasureStatus> {
        self.measure.map(|m| m.status)
    }

    /// The gross rating of the finding.
    pub fn gross(&self) -> Option<Rating> {
        self.finding.map(|f| f.gross)
    }

    /// The rating expected once the measure is in place.
    pub fn residual(&self) -> Option<Rating> {
        self.finding.map(|f| f.residual)
    }

    /// The finding as the plan names it: the question's text, or "Baseline risk: …".
    pub fn title(&self, checklist: &Checklist, lang: Lang) -> String {
        self.finding
            .map(|f| f.title(checklist, lang))
            .unwrap_or_default()
    }

    /// Whether the row leads to a question (not a baseline risk, not a vanished finding).
    pub fn is_question(&self) -> bool {
        self.finding
            .is_some_and(|f| f.kind != FindingKind::Baseline)
    }
}

/// Every row of the plan: each finding (planned or not) in the score's order, then the measures
/// whose finding went away.
pub fn rows<'a>(assessment: &'a Assessment, score: &'a Score) -> Vec<PlanRow<'a>> {
    let mut rows: Vec<PlanRow<'a>> = score.findings.iter().map(PlanRow::of).collect();
    rows.extend(
        assessment
            .measures
            .iter()
            .filter(|(id, _)| score.finding(id).is_none())
            .map(|(id, m)| PlanRow {
                id: id.as_str(),
                finding: None,
                measure: Some(m),
            }),
    );
    rows
}

/// Sorts `rows` by `key`; rows that are equal by it keep their order.
pub fn sort(rows: &mut [PlanRow<'_>], key: PlanSort) {
    match key {
        PlanSort::Finding => {}
        PlanSort::Owner => rows.sort_by_key(|r| {
            let owner = r.owner().to_lowercase();
            (owner.is_empty(), owner)
        }),
        PlanSort::Due => rows.sort_by_key(|r| (r.due().is_none(), r.due())),
        PlanSort::Status => rows.sort_by_key(|r| (r.status().is_none(), r.status())),
        PlanSort::Residual => {
            rows.sort_by_key(|r| std::cmp::Reverse(r.residual().map(|x| x.class)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cover_findings_and_vanished_measures_and_sort_stably() {
        let path = std::path::Path::new("assets/examples/stadt-musterstadt-tiktok.ron");
        let (checklist, mut assessment) = crate::session::open_file(path, None)
            .expect("example")
            .into_parts();
        assessment.measures.insert("X9".into(), Measure::default());
        let score = crate::scoring::score(&checklist, &assessment);
        let mut all = rows(&assessment, &score);
        assert_eq!(
            all.len(),
            score.findings.len() + 1,
            "every finding, plus X9"
        );
        let last = all.last().expect("rows");
        assert!(
            last.id == "X9" && last.finding.is_none(),
            "the vanished one last"
        );
        assert!(
            all.iter()
                .filter(|r| r.measure.is_none())
                .all(|r| !r.text(Lang::De).is_empty()),
            "unplanned rows show the recommendation"
        );
        sort(&mut all, PlanSort::Due);
        let dues: Vec<Option<Date>> = all.iter().map(PlanRow::due).collect();
        let planned: Vec<Date> = dues.iter().flatten().copied().collect();
        assert!(planned.windows(2).all(|w| w[0] <= w[1]), "earliest first");
        assert!(
            dues.iter().skip_while(|d| d.is_some()).all(Option::is_none),
            "rows without a date last"
        );
    }
}
