//! Chapter 4, every question with its answer, justification, evidence, rating and measure; the
//! questions hidden by their conditions as "not applicable".

use super::{
    Builder, Mark, Question, RiskClass, TextStyle, cell, checklist, marked, open_marker, or_dash,
};

impl Builder<'_> {
    pub(super) fn continued(&self, what: &str) -> String {
        let id = what.split_whitespace().next().unwrap_or(what);
        format!("{id} ({})", self.s.continued)
    }

    pub(super) fn questions(&mut self) {
        self.heading(1, self.s.h_questions.to_owned());
        self.para(
            self.s.every_question_shown_with_the.to_owned(),
            TextStyle::Small,
        );
        let (checklist, assessment) = (self.checklist, self.assessment);
        let answer_of = |id: &str| assessment.choice(id);
        let visible = checklist.visibility(&answer_of);
        for section in checklist.sections() {
            self.heading(
                2,
                format!("{} {}", section.id, section.title.get(self.lang)),
            );
            let mut hidden = Vec::new();
            for q in &section.questions {
                if checklist.position(&q.id).is_some_and(|n| visible.shown(n)) {
                    self.question(q);
                } else {
                    hidden.push(q);
                }
            }
            for q in hidden {
                self.para(self.not_applicable(q), TextStyle::Small);
            }
        }
    }

    pub(super) fn not_applicable(&self, q: &Question) -> String {
        let condition = q.show_if.as_ref().map(|c| {
            let labels: Vec<String> = self
                .checklist
                .question(&c.question)
                .map(|target| {
                    c.any_of
                        .iter()
                        .map(|o| target.choice_label(o, self.lang))
                        .collect()
                })
                .unwrap_or_default();
            format!(
                " ({} {} {} „{}“)",
                self.s.only_if,
                c.question,
                self.s.text,
                labels.join("“ / „")
            )
        });
        format!(
            "{} {} — {}{}",
            q.id,
            q.text.get(self.lang),
            self.s.not_applicable,
            condition.unwrap_or_default()
        )
    }

    pub(super) fn question(&mut self, q: &Question) {
        let heading = format!("{} {}", q.id, q.text.get(self.lang));
        self.heading(3, heading.clone());
        let answer = self.assessment.answers.get(&q.id);
        let choice = self
            .assessment
            .choice(&q.id)
            .filter(|c| q.accepts(c))
            .cloned();
        let finding = self.score.finding(&q.id).cloned();
        let mut rows = Vec::new();
        if answer.is_some_and(|a| a.recheck) {
            rows.push((
                self.terms.recheck.to_owned(),
                marked(self.terms.recheck_why, Mark::Open),
            ));
        }
        if let Some(parent) = self
            .checklist
            .shown_by_unknown(q, &|id: &str| self.assessment.choice(id))
        {
            rows.push((
                self.terms.note.to_owned(),
                marked(self.terms.shown_note(parent.as_str()), Mark::Open),
            ));
        }
        match &choice {
            None => {
                rows.push((
                    self.s.answer.to_owned(),
                    marked(open_marker(self.lang), Mark::Open),
                ));
                let mut options: Vec<String> = q
                    .options
                    .iter()
                    .map(|o| o.label.get(self.lang).to_owned())
                    .collect();
                options.push(checklist::unknown_label(self.lang).to_owned());
                rows.push((
                    self.s.possible_answers.to_owned(),
                    cell(options.join(" / ")),
                ));
            }
            Some(c) => rows.push((
                self.s.answer.to_owned(),
                marked(q.choice_label(c, self.lang), Mark::Strong),
            )),
        }
        let justification = answer.map(|a| a.justification.as_str()).unwrap_or_default();
        let evidence = answer.map(|a| a.evidence.as_str()).unwrap_or_default();
        rows.push((
            self.s.justification.to_owned(),
            cell(or_dash(justification)),
        ));
        rows.push((self.s.evidence.to_owned(), cell(or_dash(evidence))));
        match &finding {
            Some(f) => {
                rows.push((self.s.rating.to_owned(), self.rating_cell(f)));
                if let Some(k) = &f.knockout {
                    rows.push((
                        self.s.knock_out.to_owned(),
                        marked(k.get(self.lang), Mark::Class(RiskClass::Hoch)),
                    ));
                }
                if let Some(c) = &f.contradiction {
                    rows.push((
                        crate::i18n::tr(self.lang).terms.contradiction.to_owned(),
                        marked(c.get(self.lang), Mark::Class(f.gross.class)),
                    ));
                }
                rows.push((self.s.measure.to_owned(), self.measure_cell(f)));
            }
            None if choice.is_some() => {
                rows.push((
                    self.s.rating.to_owned(),
                    cell(self.s.no_finding_an_answer_without.to_owned()),
                ));
                if let Some(m) = self.assessment.measures.get(q.id.as_str()) {
                    rows.push((
                        self.s.measure.to_owned(),
                        cell(format!("{}\n{}", or_dash(&m.text), self.measure_details(m))),
                    ));
                }
            }
            None => rows.push((
                self.s.rating.to_owned(),
                marked(self.s.not_rated_the_question_is.to_owned(), Mark::Open),
            )),
        }
        rows.extend(self.verdict_rows(&q.id));
        // The reasoning behind the question, so that a DPO reviewing on paper sees it too.
        rows.push((self.s.why_it_matters.to_owned(), cell(q.why.get(self.lang))));
        if !q.legal.is_empty() {
            rows.push((self.s.legal_references.to_owned(), cell(q.legal.join("; "))));
        }
        rows.push((
            self.s.sources.to_owned(),
            cell(self.sources_text(&q.sources)),
        ));
        self.fields(rows, Some(self.continued(&heading)));
    }
}
