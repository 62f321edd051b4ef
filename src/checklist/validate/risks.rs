//! Baseline risks and modifiers: unique ids, levels in range, sources declared, targets that
//! exist.

use super::*;

impl Validator<'_> {
    pub(super) fn baselines(
        &mut self,
        decls: Vec<BaselineDecl>,
        declared: &HashSet<String>,
        questions: &BTreeMap<String, Vec<String>>,
    ) -> Vec<BaselineRisk> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(decls.len());
        for (i, decl) in decls.into_iter().enumerate() {
            let BaselineDecl {
                id,
                title,
                description,
                severity,
                likelihood,
                legal,
                sources,
                measure,
                applies_if,
                floor,
            } = decl;
            let path = format!("baseline_risks[\"{id}\"]");
            let anchors: &[&str] = &[&id];
            if id.trim().is_empty() {
                self.error(
                    &format!("baseline_risks[{i}]"),
                    &[],
                    "baseline risk id is empty",
                );
            }
            self.id_chars(&id, "baseline risk id", &path, anchors);
            if !seen.insert(id.clone()) || questions.contains_key(&id) {
                self.error(
                    &path,
                    anchors,
                    format!(
                        "duplicate id `{id}` (baseline risks share the namespace of questions)"
                    ),
                );
            }
            let title = self.text(&title, &format!("{path}.title"), anchors);
            let description = self.text(&description, &format!("{path}.description"), anchors);
            let severity = self.level(severity, "severity", &path, anchors);
            let likelihood = self.level(likelihood, "likelihood", &path, anchors);
            if sources.is_empty() {
                self.error(
                    &path,
                    anchors,
                    "no source: every baseline risk must cite at least one",
                );
            }
            self.source_keys(&sources, declared, &format!("{path}.sources"), anchors);
            let measure = self.text(&measure, &format!("{path}.measure"), anchors);
            let applies_if = applies_if.map(|c| {
                let c = condition(c);
                self.condition_refs(&c, questions, &format!("{path}.applies_if"), anchors);
                c
            });
            let floor = floor.map(|f| {
                let fpath = format!("{path}.floor");
                let floor = Floor {
                    severity: self.level(f.severity, "severity", &fpath, anchors),
                    likelihood: self.level(f.likelihood, "likelihood", &fpath, anchors),
                    note: self.text(&f.note, &format!("{fpath}.note"), anchors),
                    sources: f.sources,
                };
                if floor.severity > severity || floor.likelihood > likelihood {
                    self.error(&fpath, anchors, "the floor is above the risk's own rating");
                }
                if floor.sources.is_empty() {
                    self.error(
                        &fpath,
                        anchors,
                        "no source: a floor must cite what supports it",
                    );
                }
                self.source_keys(
                    &floor.sources,
                    declared,
                    &format!("{fpath}.sources"),
                    anchors,
                );
                floor
            });
            out.push(BaselineRisk {
                id: id.into(),
                title,
                description,
                severity,
                likelihood,
                legal,
                sources,
                measure,
                applies_if,
                floor,
            });
        }
        out
    }

    pub(super) fn modifiers(
        &mut self,
        decls: Vec<ModifierDecl>,
        declared: &HashSet<String>,
        questions: &BTreeMap<String, Vec<String>>,
    ) -> Vec<Modifier> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(decls.len());
        for decl in decls {
            let ModifierDecl {
                id,
                label,
                reason,
                when,
                severity,
                likelihood,
                applies_to,
                sources,
            } = decl;
            let path = format!("modifiers[\"{id}\"]");
            let anchors: &[&str] = &[&id];
            self.id_chars(&id, "modifier id", &path, anchors);
            if !seen.insert(id.clone()) {
                self.error(&path, anchors, format!("duplicate modifier id `{id}`"));
            }
            let label = self.text(&label, &format!("{path}.label"), anchors);
            let reason = self.text(&reason, &format!("{path}.reason"), anchors);
            let when = condition(when);
            self.condition_refs(&when, questions, &format!("{path}.when"), anchors);
            if severity == 0 && likelihood == 0 {
                self.warn(
                    &path,
                    anchors,
                    "modifier changes neither severity nor likelihood",
                );
            }
            if !(-3..=3).contains(&severity) || !(-3..=3).contains(&likelihood) {
                self.error(&path, anchors, "modifier shifts a level by more than 3");
            }
            for target in &applies_to {
                if !questions.contains_key(target) {
                    self.error(
                        &format!("{path}.applies_to"),
                        anchors,
                        format!("unknown question `{target}`"),
                    );
                }
            }
            self.source_keys(&sources, declared, &format!("{path}.sources"), anchors);
            out.push(Modifier {
                id,
                label,
                reason,
                when,
                severity,
                likelihood,
                applies_to: applies_to.into_iter().map(Into::into).collect(),
                sources,
            });
        }
        out
    }
}
