//! Workshops: an example's case answered from scratch, compared with the example's answers.
//!
//! Question by question, with the reference justification and the trainer's note on the key
//! questions.
//!
//! The comparison lives in the core so that any front end can show it; the app shows it as
//! "Auflösung zeigen".

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::assessment::Assessment;
use crate::checklist::Checklist;
use crate::choice::Choice;
use crate::ids::QuestionId;
use crate::risk::RiskClass;
use crate::scoring::score;
use crate::text::Text;

/// The trainer's notes of an example: `TrainerNotes(notes: { "A1.3": (de: "…", en: "…") })`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename = "TrainerNotes")]
pub struct TrainerNotes {
    /// A note per key question (or baseline risk) id.
    pub notes: BTreeMap<String, Text>,
}

impl TrainerNotes {
    /// Parses notes from RON text.
    pub fn parse(text: &str) -> Result<Self, String> {
        ron::from_str(text).map_err(|e| e.to_string())
    }

    /// The note on `id`, if the trainer wrote one.
    pub fn note(&self, id: &str) -> Option<&Text> {
        self.notes.get(id)
    }
}

/// One question of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The question.
    pub question: QuestionId,
    /// The participants' answer (`None`: not answered, or not shown for their answers).
    pub participant: Option<Choice>,
    /// The reference answer (`None`: not shown for the reference answers).
    pub reference: Option<Choice>,
    /// The class of the participants' finding (`None`: no finding).
    pub participant_class: Option<RiskClass>,
    /// The class of the reference finding (`None`: no finding).
    pub reference_class: Option<RiskClass>,
    /// Why the reference answers so.
    pub reference_justification: String,
    /// The trainer's note on this question, if any.
    pub note: Option<Text>,
}

impl Row {
    /// Whether both answered alike.
    pub fn agrees(&self) -> bool {
        self.participant.is_some() && self.participant == self.reference
    }

    /// Whether the two answers are rated differently (a finding on one side only, or another
    /// class).
    pub fn rated_differently(&self) -> bool {
        self.participant_class != self.reference_class
    }
}

/// The participants' answers against the reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Every question shown for either set of answers, in checklist order.
    pub rows: Vec<Row>,
    /// Overall gross class of the participants' answers, and of the reference.
    pub gross: (RiskClass, RiskClass),
    /// Knock-outs of the participants' answers, and of the reference.
    pub knockouts: (usize, usize),
}

impl Comparison {
    /// How many answers agree with the reference.
    pub fn agreeing(&self) -> usize {
        self.rows.iter().filter(|r| r.agrees()).count()
    }

    /// The notes on baseline risks and other ids that are no question of the comparison.
    pub fn other_notes<'n>(&self, notes: &'n TrainerNotes) -> Vec<(&'n str, &'n Text)> {
        notes
            .notes
            .iter()
            .filter(|(id, _)| !self.rows.iter().any(|r| r.question == id.as_str()))
            .map(|(id, t)| (id.as_str(), t))
            .collect()
    }
}

/// Compares `participant` with `reference`, both answering `checklist`.
pub fn compare(
    checklist: &Checklist,
    participant: &Assessment,
    reference: &Assessment,
    notes: &TrainerNotes,
) -> Comparison {
    let (mine, theirs) = (score(checklist, participant), score(checklist, reference));
    let shown = |a: &Assessment| checklist.visibility(&|id: &str| a.choice(id));
    let (shown_mine, shown_theirs) = (shown(participant), shown(reference));
    let class = |s: &crate::scoring::Score, id: &str| s.finding(id).map(|f| f.gross.class);
    let rows = checklist
        .questions()
        .enumerate()
        .filter(|(n, _)| shown_mine.shown(*n) || shown_theirs.shown(*n))
        .map(|(n, (_, q))| Row {
            question: q.id.clone(),
            participant: shown_mine
                .shown(n)
                .then(|| participant.choice(&q.id).cloned())
                .flatten(),
            reference: shown_theirs
                .shown(n)
                .then(|| reference.choice(&q.id).cloned())
                .flatten(),
            participant_class: class(&mine, &q.id),
            reference_class: class(&theirs, &q.id),
            reference_justification: reference
                .answers
                .get(q.id.as_str())
                .map(|a| a.justification.clone())
                .unwrap_or_default(),
            note: notes.note(&q.id).cloned(),
        })
        .collect();
    Comparison {
        rows,
        gross: (mine.overall_gross, theirs.overall_gross),
        knockouts: (mine.knockouts.len(), theirs.knockouts.len()),
    }
}
