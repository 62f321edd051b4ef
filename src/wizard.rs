//! The walkthrough over one assessment: which step is shown, moving between visible questions,
//! answering, and undo/redo.
//!
//! Pure domain logic, no egui: the desktop app drives it through actions, and tests drive it
//! directly.

use std::cell::RefCell;

use crate::assessment::{Answer, Assessment, Measure};
use crate::checklist::{Checklist, Question};
use crate::choice::Choice;
use crate::edit::{Edit, Layer, ReviewEdit, UndoKey};
use crate::ids::QuestionId;
use crate::review::lifecycle;
use crate::scoring::{self, Score};

/// Where the walkthrough is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The metadata form ("Stammdaten").
    Metadata,
    /// One question, by id.
    Question(QuestionId),
    /// The result screen.
    Result,
}

/// How many undo steps are kept.
const UNDO_LIMIT: usize = 200;

/// An assessment being worked on, with its checklist.
#[derive(Clone, Debug)]
pub struct Wizard {
    checklist: Checklist,
    assessment: Assessment,
    step: Step,
    undo: Vec<Assessment>,
    redo: Vec<Assessment>,
    last_edit: Option<UndoKey>,
    /// What is derived from the assessment, computed once per change: every frame of the app
    /// asks for the score and the fingerprints, and with thousands of questions recomputing them
    /// each time costs milliseconds.
    derived: RefCell<Derived>,
}

/// The score and the fingerprints of the current content, once computed.
#[derive(Clone, Debug, Default)]
struct Derived {
    score: Option<Score>,
    /// The content's and the team's fingerprint.
    fingerprints: Option<(String, String)>,
}

impl Wizard {
    /// Starts at the metadata step.
    pub fn new(checklist: Checklist, assessment: Assessment) -> Self {
        Self {
            checklist,
            assessment,
            step: Step::Metadata,
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
            derived: RefCell::default(),
        }
    }

    /// The checklist and the assessment, leaving the walkthrough.
    pub fn into_parts(self) -> (Checklist, Assessment) {
        (self.checklist, self.assessment)
    }

    /// The checklist.
    pub fn checklist(&self) -> &Checklist {
        &self.checklist
    }

    /// The assessment as it is now.
    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    /// The current step.
    pub fn step(&self) -> &Step {
        &self.step
    }

    /// The questions shown for the current answers, in order.
    pub fn visible(&self) -> Vec<&Question> {
        let answer_of = |id: &str| self.assessment.choice(id);
        let visible = self.checklist.visibility(&answer_of);
        self.checklist
            .questions()
            .map(|(_, q)| q)
            .enumerate()
            .filter(|(n, _)| visible.shown(*n))
            .map(|(_, q)| q)
            .collect()
    }

    /// Whether the question with this id is shown for the current answers.
    pub fn is_visible(&self, id: &str) -> bool {
        let answer_of = |id: &str| self.assessment.choice(id);
        self.checklist
            .question(id)
            .is_some_and(|q| self.checklist.is_visible(q, &answer_of))
    }

    /// (1-based position, count) of the current question among the visible ones.
    pub fn position(&self) -> Option<(usize, usize)> {
        let Step::Question(id) = &self.step else {
            return None;
        };
        let visible = self.visible();
        visible
            .iter()
            .position(|q| &q.id == id)
            .map(|i| (i + 1, visible.len()))
    }

    /// Share of visible questions answered (including "unknown"), 0.0..=1.0.
    pub fn progress(&self) -> f32 {
        let visible = self.visible();
        if visible.is_empty() {
            return 1.0;
        }
        let answered = visible
            .iter()
            .filter(|q| self.assessment.choice(&q.id).is_some())
            .count();
        answered as f32 / visible.len() as f32
    }

    /// Goes to `step`; a question that is hidden or unknown leads to the result instead.
    pub fn go(&mut self, step: Step) {
        self.step = match step {
            Step::Question(id) if !self.is_visible(&id) => Step::Result,
            other => other,
        };
    }

    /// The next step: metadata → first question → … → last question → result.
    pub fn next(&mut self) {
        let visible: Vec<QuestionId> = self.visible().iter().map(|q| q.id.clone()).collect();
        self.step = match &self.step {
            Step::Metadata => visible
                .first()
                .cloned()
                .map_or(Step::Result, Step::Question),
            Step::Question(id) => {
                let at = self.position_of(&visible, id);
                at.and_then(|i| visible.get(i + 1))
                    .cloned()
                    .map_or(Step::Result, Step::Question)
            }
            Step::Result => Step::Result,
        };
    }

    /// The previous step.
    pub fn back(&mut self) {
        let visible: Vec<QuestionId> = self.visible().iter().map(|q| q.id.clone()).collect();
        self.step = match &self.step {
            Step::Metadata => Step::Metadata,
            Step::Question(id) => match self.position_of(&visible, id) {
                Some(0) | None => Step::Metadata,
                Some(i) => visible
                    .get(i - 1)
                    .cloned()
                    .map_or(Step::Metadata, Step::Question),
            },
            Step::Result => visible
                .last()
                .cloned()
                .map_or(Step::Metadata, Step::Question),
        };
    }

    /// Where `id` stands among `visible`; a question hidden meanwhile counts from its checklist
    /// position, so "next" still moves forward.
    fn position_of(&self, visible: &[QuestionId], id: &str) -> Option<usize> {
        if let Some(i) = visible.iter().position(|v| v == id) {
            return Some(i);
        }
        let order: Vec<&str> = self
            .checklist
            .questions()
            .map(|(_, q)| q.id.as_str())
            .collect();
        let me = order.iter().position(|q| *q == id)?;
        let before = visible
            .iter()
            .filter(|v| order.iter().position(|q| q == v).is_some_and(|p| p < me))
            .count();
        before.checked_sub(1)
    }

    /// Chooses `choice` (an option id, or the file spelling of "unknown") for question `id`;
    /// the same choice again keeps the answer.
    pub fn answer(&mut self, id: &str, choice: &str) {
        self.apply(Edit::Answer {
            question: id.into(),
            choice: Choice::from(choice),
        });
    }

    /// Applies `edit` as one undo step, or as part of the previous one when it continues typing
    /// into the same field. An edit that changes nothing (an unknown question or option, the
    /// same answer again) leaves no undo step.
    pub fn apply(&mut self, edit: Edit) {
        let key = edit.undo_key();
        match edit {
            Edit::Answer { question, choice } => {
                let Some(q) = self.checklist.question(&question) else {
                    return;
                };
                if !q.accepts(&choice) || self.assessment.choice(&question) == Some(&choice) {
                    return;
                }
                self.change(key, |a| {
                    let answer = a.answers.entry(question).or_insert_with(Answer::default);
                    answer.choice = Some(choice);
                    // Answering again is checking again.
                    answer.recheck = false;
                });
            }
            Edit::PlanMeasure { finding, lang } => {
                let Some((text, gross)) = self
                    .score()
                    .finding(&finding)
                    .map(|f| (f.recommended.get(lang).to_owned(), f.gross))
                else {
                    return;
                };
                self.change(key, |a| {
                    a.measures.entry(finding).or_insert_with(|| Measure {
                        text,
                        residual_severity: Some(gross.severity),
                        residual_likelihood: Some(gross.likelihood),
                        ..Measure::default()
                    });
                });
            }
            Edit::Submit { by, date } => {
                self.change(key, |a| lifecycle::submit(a, by, date).unwrap_or_default());
            }
            Edit::NewRound => self.change(key, |a| lifecycle::new_round(a).unwrap_or_default()),
            Edit::Review(ReviewEdit::Decision(decision)) => {
                self.change(key, |a| lifecycle::decide(a, decision).unwrap_or_default());
            }
            other if other.layer() == Layer::Dpo => self.change(key, |a| {
                // The DPO's layer opens with a submission; before it, its edits change nothing.
                if lifecycle::begin_review(a).is_ok() {
                    other.apply_to(a);
                }
            }),
            other => self.change(key, |a| other.apply_to(a)),
        }
    }

    /// Whether `edit` would change the team's layer while it is submitted or decided, and so
    /// begin a new round: the desktop app asks before it applies such an edit.
    pub fn starts_new_round(&self, edit: &Edit) -> bool {
        edit.layer() == Layer::Team && self.assessment.review.status.is_frozen()
    }

    /// Whether the DPO's layer can be edited (the assessment is submitted).
    pub fn review_open(&self) -> bool {
        self.assessment.review.status.is_frozen()
    }

    /// Changes the assessment through `change`, recording an undo step unless it continues the
    /// previous edit of the same field.
    fn change(&mut self, key: UndoKey, change: impl FnOnce(&mut Assessment)) {
        let before = self.assessment.clone();
        change(&mut self.assessment);
        if self.assessment == before {
            return;
        }
        // The one rule that keeps a submission or a decision true: the team's layer never changes
        // under it. A change to it closes the round (kept in the history) and begins the next.
        let a = &self.assessment;
        let team_changed = a.metadata != before.metadata
            || a.answers != before.answers
            || a.measures != before.measures;
        if team_changed && a.review.status.is_frozen() {
            lifecycle::new_round(&mut self.assessment).unwrap_or_default();
        }
        let continues = key != UndoKey::Discrete && self.last_edit.as_ref() == Some(&key);
        if !continues {
            self.undo.push(before);
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_edit = Some(key);
        self.changed();
    }

    /// Forgets what was derived from the content before it changed.
    fn changed(&mut self) {
        *self.derived.get_mut() = Derived::default();
    }

    /// Undoes the last change; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.assessment, previous));
        self.last_edit = None;
        self.changed();
        true
    }

    /// Redoes the last undone change; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo
            .push(std::mem::replace(&mut self.assessment, next));
        self.last_edit = None;
        self.changed();
        true
    }

    /// Whether [`Self::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`Self::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The current score (computed once per change).
    pub fn score(&self) -> Score {
        if let Some(score) = &self.derived.borrow().score {
            return score.clone();
        }
        let score = scoring::score(&self.checklist, &self.assessment);
        self.derived.borrow_mut().score = Some(score.clone());
        score
    }

    /// The fingerprint of the whole content and of the team's layer
    /// ([`Assessment::fingerprint`], [`Assessment::team_fingerprint`]), computed once per change.
    pub fn fingerprints(&self) -> (String, String) {
        if let Some(f) = &self.derived.borrow().fingerprints {
            return f.clone();
        }
        let f = (
            self.assessment.fingerprint(),
            self.assessment.team_fingerprint(),
        );
        self.derived.borrow_mut().fingerprints = Some(f.clone());
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::load::parse_str;

    fn wizard() -> Wizard {
        let src = include_str!("../tests/fixtures/valid/minimal.ron");
        let (c, _) = parse_str(std::path::Path::new("minimal.ron"), src);
        let c = c.expect("fixture loads");
        let a = Assessment::new(&c);
        Wizard::new(c, a)
    }

    #[test]
    fn walks_visible_questions_and_skips_hidden_ones() {
        let mut w = wizard();
        w.next();
        assert_eq!(w.step(), &Step::Question("M1.1".into()), "first question");
        w.next();
        assert_eq!(w.step(), &Step::Question("M2.1".into()), "second");
        w.next();
        assert_eq!(w.step(), &Step::Result, "M2.2 hidden until M2.1 = ja");
        w.back();
        w.answer("M2.1", "ja");
        w.next();
        assert_eq!(w.step(), &Step::Question("M2.2".into()), "now shown");
        assert_eq!(w.position(), Some((3, 3)), "3 of 3");
        w.back();
        w.back();
        w.back();
        assert_eq!(w.step(), &Step::Metadata, "back to the start");
    }

    #[test]
    fn next_from_a_question_that_became_hidden_moves_on() {
        let mut w = wizard();
        w.answer("M2.1", "ja");
        w.go(Step::Question("M2.2".into()));
        w.answer("M2.1", "nein");
        w.next();
        assert_eq!(w.step(), &Step::Result, "forward, not back to the start");
    }

    #[test]
    fn undo_and_redo_answers_and_coalesce_typing() {
        let mut w = wizard();
        w.answer("M1.1", "ja");
        w.answer("M1.1", "nein");
        assert!(w.undo(), "undo");
        assert_eq!(
            w.assessment().choice("M1.1").map(Choice::as_str),
            Some("ja"),
            "previous answer"
        );
        assert!(w.redo(), "redo");
        assert_eq!(
            w.assessment().choice("M1.1").map(Choice::as_str),
            Some("nein"),
            "redone"
        );
        for text in ["P", "Pr", "Pre"] {
            w.apply(Edit::Meta(crate::edit::MetaField::Unit, text.into()));
        }
        assert!(w.undo(), "one undo for the whole typing");
        assert_eq!(w.assessment().metadata.unit, "", "typing undone at once");
        assert_eq!(
            w.assessment().choice("M1.1").map(Choice::as_str),
            Some("nein"),
            "answer kept"
        );
    }

    #[test]
    fn unknown_choice_is_accepted_and_invalid_ignored() {
        let mut w = wizard();
        w.answer("M1.1", crate::choice::UNKNOWN_ID);
        assert_eq!(
            w.assessment().choice("M1.1"),
            Some(&Choice::Unknown),
            "unknown is an answer"
        );
        w.answer("M1.1", "vielleicht");
        assert_eq!(
            w.assessment().choice("M1.1"),
            Some(&Choice::Unknown),
            "invalid ignored"
        );
        assert!(
            (w.progress() - 0.5).abs() < f32::EPSILON,
            "1 of 2 visible answered"
        );
    }
}
