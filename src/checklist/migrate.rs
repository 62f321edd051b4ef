//! Migrating an assessment made with an earlier version of its checklist to the current one.
//!
//! The checklist lists its earlier versions with their fingerprints and what changed since each
//! ([`super::Revision`]). Answers carry over by question id; an answer to a question that changed
//! since is kept and marked "erneut prüfen" (to check again); an answer whose option the question
//! no longer offers is kept without its choice and marked too; answers, measures and verdicts for
//! findings that were removed are dropped (the file before the migration is kept as the backup
//! when it is saved).

use std::collections::BTreeSet;

use super::Checklist;
use crate::assessment::{Assessment, ChecklistRef};

/// What a migration did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    /// The version migrated from.
    pub from: String,
    /// The version migrated to.
    pub to: String,
    /// Answers kept but marked to check again, in id order.
    pub recheck: Vec<String>,
    /// Answers, measures or verdicts dropped because their question or risk is gone.
    pub dropped: Vec<String>,
}

/// Whether `assessment`, made with an earlier version of `checklist`, can be migrated: its
/// version and fingerprint are listed among the checklist's revisions.
pub fn can_migrate(assessment: &Assessment, checklist: &Checklist) -> bool {
    position(&assessment.checklist, checklist).is_some()
}

fn position(from: &ChecklistRef, checklist: &Checklist) -> Option<usize> {
    if from.id != checklist.id() {
        return None;
    }
    checklist
        .revisions()
        .iter()
        .position(|r| r.version == from.version && r.fingerprint == from.fingerprint)
}

/// Migrates `assessment` to `checklist`; `None` (and nothing changed) when it is not made with
/// one of the checklist's earlier versions.
pub fn migrate(assessment: &mut Assessment, checklist: &Checklist) -> Option<Migration> {
    let start = position(&assessment.checklist, checklist)?;
    let later = &checklist.revisions()[start..];
    let changed: BTreeSet<&str> = later
        .iter()
        .flat_map(|r| &r.changed)
        .map(String::as_str)
        .collect();
    let from = assessment.checklist.version.clone();
    let mut recheck = Vec::new();
    let mut dropped = Vec::new();
    let known = |id: &str| {
        checklist.question(id).is_some() || checklist.baseline_risks().iter().any(|b| b.id == id)
    };
    assessment.answers.retain(|id, answer| {
        let Some(q) = checklist.question(id) else {
            dropped.push(id.to_string());
            return false;
        };
        let option_gone = answer.choice.as_ref().is_some_and(|c| !q.accepts(c));
        if option_gone {
            answer.choice = None;
        }
        if option_gone || changed.contains(id.as_str()) {
            answer.recheck = true;
            recheck.push(id.to_string());
        }
        true
    });
    assessment.measures.retain(|id, _| {
        let keep = known(id);
        if !keep {
            dropped.push(id.to_string());
        }
        keep
    });
    assessment.review.round.verdicts.retain(|id, _| {
        let keep = known(id);
        if !keep {
            dropped.push(id.to_string());
        }
        keep
    });
    for round in &mut assessment.review.history {
        round.verdicts.retain(|id, _| known(id));
    }
    dropped.sort();
    dropped.dedup();
    assessment.checklist = ChecklistRef {
        id: checklist.id().to_owned(),
        version: checklist.version().to_owned(),
        fingerprint: checklist.fingerprint().to_owned(),
    };
    Some(Migration {
        from,
        to: checklist.version().to_owned(),
        recheck,
        dropped,
    })
}
