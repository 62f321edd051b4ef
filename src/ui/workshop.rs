//! The app's side of workshops: starting an example as an exercise, showing the solution (the
//! comparison of [`crate::workshop`]) and beginning again.

use super::action::{Action, Edit};
use super::app::App;
use super::state::{Dialog, Workshop};
use crate::assessment::Assessment;
use crate::session::Session;
use crate::wizard::Step;
use crate::workshop::{TrainerNotes, compare};

impl App {
    /// Applies the workshop's actions; returns any other action unchanged.
    pub(super) fn apply_workshop(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::StartWorkshop(index) => {
                self.leave_then(action.clone(), |app| app.start_workshop(index));
            }
            Action::ShowSolution => {
                let (Some(doc), Some(w)) = (&self.doc, &self.workshop) else {
                    return None;
                };
                let c = compare(doc.checklist(), doc.assessment(), &w.reference, &w.notes);
                self.dialog = Some(Dialog::Solution(Box::new(c)));
            }
            Action::RestartWorkshop => {
                self.dialog = None;
                self.edit_now(Edit::ResetAnswers);
                if let Some(doc) = &mut self.doc {
                    let first = doc
                        .checklist()
                        .questions()
                        .next()
                        .map(|(_, q)| q.id.clone());
                    if let Some(first) = first {
                        doc.wizard_mut().go(Step::Question(first));
                    }
                }
            }
            other => return Some(other),
        }
        None
    }

    /// Example `index` as an exercise: its checklist and case (the metadata), no answers, and
    /// its answers kept as the reference. Undo cannot bring the reference answers back: the
    /// exercise starts from a fresh assessment, not from a reset.
    fn start_workshop(&mut self, index: usize) {
        let Some((name, text)) = super::EXAMPLES.get(index) else {
            return;
        };
        let path = std::path::Path::new("assets/examples").join(name);
        let session = match Session::open_text(&self.library, &path, text) {
            Ok(s) => s,
            Err(err) => {
                self.open_failed(err);
                return;
            }
        };
        let notes = super::TRAINER_NOTES
            .get(index)
            .and_then(|t| TrainerNotes::parse(t).ok())
            .unwrap_or_default();
        let (checklist, reference) = session.into_parts();
        let mut fresh = Assessment::new(&checklist);
        fresh.metadata = reference.metadata.clone();
        let first = checklist.questions().next().map(|(_, q)| q.id.clone());
        let mut doc = Session::new(checklist, None, fresh);
        if let Some(first) = first {
            doc.wizard_mut().go(Step::Question(first));
        }
        self.set_doc(Some(doc));
        self.dialog = None;
        self.workshop = Some(Workshop {
            example: index,
            reference,
            notes,
        });
    }
}
