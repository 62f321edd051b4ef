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
                    // Each question has at most one condition, so following parents finds any cycle.
                    let mut seen = vec![q.id.as_str()];
                    let mut current = cond.question.as_str();
                    loop {
                        if seen.contains(&current) {
                            seen.push(current);
                            self.error(
                                &path,
                                anchors,
                                format!("circular condition: {}", seen.join(" → ")),
                            );
                            break;
                        }
                        seen.push(current);
                        match parent.get(current) {
                            Some(next) => current = next,
                            None => break,
                        }
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
