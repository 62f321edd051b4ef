//! What changed between two versions of an assessment: metadata, answers, justifications,
//! evidence, measures (field by field), the DPO's verdicts and the gross and residual class.
//!
//! Used for "Änderungen seit Runde N" (the current content against a round's submitted
//! [`crate::review::Snapshot`]), for comparing two files (`plattformcheck diff`, the app's
//! "mit Datei vergleichen …") and for the report's annex of changes.

use serde::Serialize;

use crate::assessment::{Assessment, Measure};
use crate::checklist::Checklist;
use crate::choice::Choice;
use crate::edit::MetaField;
use crate::review::VerdictEntry;
use crate::text::Lang;

/// What a change concerns.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// A metadata text field.
    Meta(#[serde(skip)] MetaField),
    /// The date of the assessment.
    MetaDate,
    /// The answer chosen.
    Answer,
    /// The justification of an answer.
    Justification,
    /// The evidence of an answer.
    Evidence,
    /// A measure added or removed.
    Measure,
    /// A measure's text.
    MeasureText,
    /// A measure's owner.
    MeasureOwner,
    /// A measure's due date.
    MeasureDue,
    /// A measure's state.
    MeasureStatus,
    /// A measure's residual severity and likelihood.
    MeasureResidual,
    /// The DPO's verdict.
    Verdict,
    /// The DPO's comment on an answer.
    VerdictComment,
    /// The overall gross class.
    GrossClass,
    /// The overall residual class.
    ResidualClass,
}

/// One change.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Change {
    /// The question or finding id, `metadata.<field>` for metadata, `result` for the classes.
    pub id: String,
    /// What changed.
    pub field: Field,
    /// Before, as shown to people (`None`: not there).
    pub before: Option<String>,
    /// After.
    pub after: Option<String>,
}

impl Change {
    /// The question this change concerns, for a click that jumps to it.
    pub fn question<'a>(&self, checklist: &'a Checklist) -> Option<&'a crate::checklist::Question> {
        checklist.question(&self.id)
    }
}

/// One side of a comparison: an assessment and the checklist it is read with.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    /// The checklist (labels of options, order of questions, scoring).
    pub checklist: &'a Checklist,
    /// The assessment.
    pub assessment: &'a Assessment,
}

/// Every change from `old` to `new`, in the order of the form: metadata, then the questions in
/// checklist order, measures, verdicts, and last the classes.
pub fn diff(old: Side<'_>, new: Side<'_>, lang: Lang) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |id: String, field, before: Option<String>, after: Option<String>| {
        if before != after {
            out.push(Change {
                id,
                field,
                before,
                after,
            });
        }
    };
    let (a, b) = (old.assessment, new.assessment);
    for field in MetaField::ALL {
        push(
            format!("metadata.{}", field.key()),
            Field::Meta(field),
            text(field.get(&a.metadata)),
            text(field.get(&b.metadata)),
        );
    }
    let date = |d: Option<time::Date>| d.map(|d| crate::report::format_date(d, lang));
    push(
        "metadata.date".into(),
        Field::MetaDate,
        date(a.metadata.date),
        date(b.metadata.date),
    );
    for (_, q) in new.checklist.questions() {
        let id = q.id.to_string();
        let (x, y) = (a.answers.get(&q.id), b.answers.get(&q.id));
        let choice =
            |side: Side<'_>, c: Option<&Choice>| c.map(|c| label(side.checklist, &q.id, c, lang));
        push(
            id.clone(),
            Field::Answer,
            choice(old, x.and_then(|x| x.choice.as_ref())),
            choice(new, y.and_then(|y| y.choice.as_ref())),
        );
        push(
            id.clone(),
            Field::Justification,
            x.and_then(|x| text(&x.justification)),
            y.and_then(|y| text(&y.justification)),
        );
        push(
            id,
            Field::Evidence,
            x.and_then(|x| text(&x.evidence)),
            y.and_then(|y| text(&y.evidence)),
        );
    }
    for id in finding_ids(new.checklist, a, b) {
        measure(
            &id,
            a.measures.get(id.as_str()),
            b.measures.get(id.as_str()),
            lang,
            &mut push,
        );
    }
    for id in verdict_ids(a, b) {
        let (x, y) = (verdict(a, &id), verdict(b, &id));
        let name =
            |v: Option<&VerdictEntry>| v.and_then(|v| v.verdict).map(|v| v.name(lang).to_owned());
        push(id.clone(), Field::Verdict, name(x), name(y));
        push(
            id,
            Field::VerdictComment,
            x.and_then(|v| text(&v.comment)),
            y.and_then(|v| text(&v.comment)),
        );
    }
    let (sa, sb) = (
        crate::scoring::score(old.checklist, a),
        crate::scoring::score(new.checklist, b),
    );
    let class = |c: crate::risk::RiskClass| Some(c.name(lang).to_owned());
    push(
        "result".into(),
        Field::GrossClass,
        class(sa.overall_gross),
        class(sb.overall_gross),
    );
    push(
        "result".into(),
        Field::ResidualClass,
        class(sa.overall_residual),
        class(sb.overall_residual),
    );
    out
}

/// A text, or `None` when it is blank.
fn text(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// How an answer is shown: the option's label (and id), or "unknown".
fn label(checklist: &Checklist, question: &str, choice: &Choice, lang: Lang) -> String {
    match choice {
        Choice::Unknown => crate::i18n::tr(lang).terms.unknown.to_owned(),
        Choice::Option(id) => checklist
            .question(question)
            .and_then(|q| q.options.iter().find(|o| o.id == *id))
            .map_or_else(
                || id.to_string(),
                |o| format!("{} ({id})", o.label.get(lang)),
            ),
    }
}

/// The finding ids with a measure on either side: questions in checklist order, then the
/// others (baseline risks) in id order.
fn finding_ids(checklist: &Checklist, a: &Assessment, b: &Assessment) -> Vec<String> {
    let mut ids: Vec<String> = checklist
        .questions()
        .map(|(_, q)| q.id.to_string())
        .filter(|id| a.measures.contains_key(id.as_str()) || b.measures.contains_key(id.as_str()))
        .collect();
    let mut rest: Vec<String> = a
        .measures
        .keys()
        .chain(b.measures.keys())
        .map(ToString::to_string)
        .filter(|id| checklist.question(id).is_none())
        .collect();
    rest.sort();
    rest.dedup();
    ids.extend(rest);
    ids
}

fn measure(
    id: &str,
    x: Option<&Measure>,
    y: Option<&Measure>,
    lang: Lang,
    push: &mut impl FnMut(String, Field, Option<String>, Option<String>),
) {
    let s = &crate::i18n::tr(lang).review;
    match (x, y) {
        (None, Some(m)) => push(id.into(), Field::Measure, None, Some(summary(m))),
        (Some(m), None) => push(id.into(), Field::Measure, Some(summary(m)), None),
        (Some(x), Some(y)) => {
            push(id.into(), Field::MeasureText, text(&x.text), text(&y.text));
            push(
                id.into(),
                Field::MeasureOwner,
                text(&x.owner),
                text(&y.owner),
            );
            let due = |m: &Measure| m.due.map(|d| crate::report::format_date(d, lang));
            push(id.into(), Field::MeasureDue, due(x), due(y));
            let status = |m: &Measure| Some(m.status.name(lang).to_owned());
            push(id.into(), Field::MeasureStatus, status(x), status(y));
            let residual = |m: &Measure| match (m.residual_severity, m.residual_likelihood) {
                (None, None) => None,
                (sev, lik) => Some(format!(
                    "S{} / L{}",
                    sev.map_or_else(|| s.none.to_owned(), |l| l.get().to_string()),
                    lik.map_or_else(|| s.none.to_owned(), |l| l.get().to_string())
                )),
            };
            push(id.into(), Field::MeasureResidual, residual(x), residual(y));
        }
        (None, None) => {}
    }
}

/// A measure in one line, for one that was added or removed.
fn summary(m: &Measure) -> String {
    let text = m.text.trim();
    if text.is_empty() {
        "…".to_owned()
    } else {
        text.to_owned()
    }
}

fn verdict<'a>(a: &'a Assessment, id: &str) -> Option<&'a VerdictEntry> {
    a.review.round.verdicts.get(id)
}

fn verdict_ids(a: &Assessment, b: &Assessment) -> Vec<String> {
    let mut ids: Vec<String> = a
        .review
        .round
        .verdicts
        .keys()
        .chain(b.review.round.verdicts.keys())
        .map(ToString::to_string)
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

impl Field {
    /// How the field is named in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        let s = &crate::i18n::tr(lang).review;
        match self {
            Self::Meta(field) => crate::i18n::tr(lang).terms.meta.of(field).name,
            Self::MetaDate => crate::i18n::tr(lang).terms.meta.date.name,
            Self::Answer => s.field_answer,
            Self::Justification => s.field_justification,
            Self::Evidence => s.field_evidence,
            Self::Measure => s.field_measure,
            Self::MeasureText => s.measure_text,
            Self::MeasureOwner => s.measure_owner,
            Self::MeasureDue => s.measure_due,
            Self::MeasureStatus => s.measure_status,
            Self::MeasureResidual => s.measure_residual,
            Self::Verdict => s.field_verdict,
            Self::VerdictComment => s.comment,
            Self::GrossClass => s.field_class_gross,
            Self::ResidualClass => s.field_class_residual,
        }
    }
}
