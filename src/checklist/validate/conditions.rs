//! Conditions: every `show_if` and modifier condition names an existing question and option,
//! and no chain of conditions is circular.

use super::{BTreeMap, Choice, Condition, Section, Validator};

impl Validator<'_> {
    /// Conditions must name an existing question and option, and must not form a cycle.
    pub(super) fn conditions(
        &mut self,
        sections: &[Section],
        questions: &BTreeMap<String, Vec<String>>,
    ) {
        let order: BTreeMap<&str, usize> = sections
            .iter()
            .flat_map(|s| &s.questions)
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let parent: BTreeMap<&str, &str> = sections
            .iter()
            .flat_map(|s| &s.questions)
            .filter_map(|q| {
                q.show_if
                    .as_ref()
                    .map(|c| (q.id.as_str(), c.question.as_str()))
            })
            .collect();
        let cycles = cycles(&parent);
        for (si, section) in sections.iter().enumerate() {
            for q in &section.questions {
                let Some(cond) = &q.show_if else { continue };
                let path = format!("sections[{si}].questions[\"{}\"].show_if", q.id);
                let anchors: &[&str] = &[&section.id, &q.id];
                if self.condition_refs(cond, questions, &path, anchors) {
                    if order.get(cond.question.as_str()) > order.get(q.id.as_str()) {
                        self.warn(
                            &path,
                            anchors,
                            format!("condition refers to the later question `{}`", cond.question),
                        );
                    }
                    if let Some(cycle) = cycles.get(q.id.as_str()) {
                        self.error(&path, anchors, format!("circular condition: {cycle}"));
                    }
                }
            }
        }
    }

    /// Checks that a condition names an existing question and options; returns whether it does.
    pub(super) fn condition_refs(
        &mut self,
        cond: &Condition,
        questions: &BTreeMap<String, Vec<String>>,
        path: &str,
        anchors: &[&str],
    ) -> bool {
        let Some(options) = questions.get(cond.question.as_str()) else {
            self.error(
                path,
                anchors,
                format!("condition names the unknown question `{}`", cond.question),
            );
            return false;
        };
        if cond.any_of.is_empty() {
            self.error(
                path,
                anchors,
                "condition lists no options (`any_of` is empty)",
            );
        }
        let mut ok = true;
        for option in &cond.any_of {
            let known = match option {
                Choice::Unknown => true,
                Choice::Option(id) => options.iter().any(|o| o == id.as_str()),
            };
            if !known {
                ok = false;
                self.error(
                    path,
                    anchors,
                    format!(
                        "condition names the unknown option `{option}` of question `{}`",
                        cond.question
                    ),
                );
            }
        }
        ok
    }
}

/// The cycles among the conditions (`parent` maps a question to the question its condition
/// names): for every question on a cycle, the cycle read from it, back to it (`A → B → A`); a
/// long cycle is shortened to its first and last steps and its length.
///
/// Each question has at most one condition, so the conditions form chains; every question is
/// visited once, and a walk stops at the first question it has seen before. Linear in the number
/// of questions, however long the chains.
fn cycles<'a>(parent: &BTreeMap<&'a str, &'a str>) -> BTreeMap<&'a str, String> {
    let mut done: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut out = BTreeMap::new();
    for &start in parent.keys() {
        let mut path: Vec<&str> = Vec::new();
        let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut current = start;
        loop {
            if done.contains(current) {
                break;
            }
            if let Some(&i) = at.get(current) {
                let cycle = &path[i..];
                for k in 0..cycle.len() {
                    out.insert(cycle[k], read_cycle(cycle, k));
                }
                break;
            }
            at.insert(current, path.len());
            path.push(current);
            match parent.get(current) {
                Some(next) => current = next,
                None => break,
            }
        }
        done.extend(path);
    }
    out
}

/// The cycle read from its member `k` back to it; at most eleven steps are written out.
fn read_cycle(cycle: &[&str], k: usize) -> String {
    const SHOWN: usize = 5;
    let n = cycle.len();
    let step = |j: usize| cycle[(k + j) % n];
    if n <= 2 * SHOWN {
        let mut read: Vec<&str> = (0..n).map(step).collect();
        read.push(cycle[k]);
        return read.join(" → ");
    }
    let head: Vec<&str> = (0..SHOWN).map(step).collect();
    let tail: Vec<&str> = (n - SHOWN + 1..n).map(step).collect();
    format!(
        "{} → … → {} → {} ({n} questions)",
        head.join(" → "),
        tail.join(" → "),
        cycle[k]
    )
}
