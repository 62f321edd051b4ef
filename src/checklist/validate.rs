//! Turns a parsed [`ChecklistFile`] into a [`Checklist`], collecting every problem at once.
//!
//! Each problem carries a logical path (`sections[2].questions["A4.1"].options["nein"]`) and,
//! where the element's id can be found in the source text, its line. Errors make the checklist
//! unusable; warnings (missing English text, unused sources) do not.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use sha2::{Digest as _, Sha256};

use super::schema::{
    BaselineDecl, ChecklistFile, ConditionDecl, DpiaDecl, FindingDecl, KindDecl, MatrixDecl,
    ModifierDecl, OptionDecl, QuestionDecl, RevisionDecl, SectionDecl, SourceDecl, TextDecl,
};
use super::{
    AnswerOption, BaselineRisk, Checklist, Condition, DpiaRule, Finding, Floor, Modifier, Question,
    QuestionIndex, QuestionKind, Revision, Section, Source,
};
use crate::choice::{Choice, UNKNOWN_ID};
use crate::diagnostics::{Location, Problem};
use crate::risk::{Level, Matrix, RiskClass};
use crate::text::Text;

mod conditions;
mod locate;
mod risks;
mod rules;

use locate::{SourceIndex, locate_field};

use crate::diagnostics::ron_path;

/// A condition as the checklist file writes it.
fn condition(decl: ConditionDecl) -> Condition {
    Condition {
        question: decl.question.into(),
        any_of: decl
            .any_of
            .iter()
            .map(|c| Choice::from(c.as_str()))
            .collect(),
    }
}

/// Validates `decl` (parsed from `source`, read from `file`).
///
/// Returns the checklist when there is no error, and every problem found (errors and warnings).
pub fn validate(
    file: &Path,
    source: &str,
    decl: ChecklistFile,
) -> (Option<Checklist>, Vec<Problem>) {
    let fingerprint = fingerprint(&decl);
    let mut v = Validator {
        file,
        source,
        index: SourceIndex::new(source),
        problems: Vec::new(),
        used_sources: BTreeSet::new(),
    };
    let checklist = v.checklist(decl, fingerprint);
    let Validator { mut problems, .. } = v;
    // Stable: problems on the same line keep the order in which they were found.
    problems.sort_by_key(Problem::line);
    let has_error = problems.iter().any(Problem::is_error);
    (if has_error { None } else { checklist }, problems)
}

/// SHA-256 over the canonical JSON form of the parsed file: independent of comments and layout.
pub fn fingerprint(decl: &ChecklistFile) -> String {
    // Serialising plain structs and vectors to JSON cannot fail; an empty digest input would
    // still give a stable (if useless) value, so no panic path is needed here.
    let canonical = serde_json::to_vec(decl).unwrap_or_default();
    hex(&Sha256::digest(&canonical))
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            write!(s, "{b:02x}").ok();
            s
        })
}

struct Validator<'a> {
    file: &'a Path,
    source: &'a str,
    /// Where the ids and lines of `source` are, found once.
    index: SourceIndex<'a>,
    problems: Vec<Problem>,
    used_sources: BTreeSet<String>,
}

impl Validator<'_> {
    /// Records an error at `path`; `anchors` are ids leading to the element, to find its line.
    fn error(&mut self, path: &str, anchors: &[&str], message: impl Into<String>) {
        let problem = self.located(path, anchors, message.into());
        self.problems.push(problem);
    }

    fn warn(&mut self, path: &str, anchors: &[&str], message: impl Into<String>) {
        let problem = self.located(path, anchors, message.into()).warning();
        self.problems.push(problem);
    }

    fn located(&self, path: &str, anchors: &[&str], message: String) -> Problem {
        let mut problem = Problem::at_path(self.file, path, message);
        // The ids leading to the element are the quickest look-up; an element without a usable
        // id (an empty one, a list entry) is found by its path.
        let line = self
            .index
            .locate(anchors)
            .or_else(|| ron_path::parse(path).and_then(|steps| ron_path::line(self.source, &steps)))
            .or_else(|| locate_field(self.source, path));
        if let Some(line) = line {
            problem.at = Location::Path {
                path: path.to_owned(),
                line: Some(line),
            };
            problem.excerpt = self.index.line(line).map(crate::diagnostics::excerpt);
        }
        problem
    }

    /// An id must not contain a control or invisible character: it would make two different ids
    /// look the same, or let a file steer the terminal that shows it.
    fn id_chars(&mut self, id: &str, what: &str, path: &str, anchors: &[&str]) {
        if let Some(c) = id.chars().find(|c| crate::text::is_hidden(*c)) {
            self.error(
                path,
                anchors,
                format!(
                    "{what} `{}` contains the invisible or control character U+{:04X}",
                    crate::text::printable(id),
                    u32::from(c)
                ),
            );
        }
    }

    fn text(&mut self, decl: &TextDecl, path: &str, anchors: &[&str]) -> Text {
        let de = decl.de.clone().unwrap_or_default();
        let en = decl.en.clone().unwrap_or_default();
        if de.trim().is_empty() {
            self.error(path, anchors, "missing German text (`de`)");
        }
        if en.trim().is_empty() {
            self.warn(
                path,
                anchors,
                "missing English text (`en`); German is shown instead",
            );
        }
        Text { de, en }
    }

    fn source_keys(
        &mut self,
        keys: &[String],
        declared: &HashSet<String>,
        path: &str,
        anchors: &[&str],
    ) {
        for key in keys {
            if declared.contains(key) {
                self.used_sources.insert(key.clone());
            } else {
                self.error(
                    path,
                    anchors,
                    format!("source key `{key}` is not declared in `sources`"),
                );
            }
        }
    }

    fn level(&mut self, value: u8, what: &str, path: &str, anchors: &[&str]) -> Level {
        Level::new(value).unwrap_or_else(|| {
            self.error(
                path,
                anchors,
                format!("{what} {value} is out of range (1 to 4)"),
            );
            Level::MIN
        })
    }

    fn checklist(&mut self, decl: ChecklistFile, fingerprint: String) -> Option<Checklist> {
        let ChecklistFile {
            id,
            version,
            date,
            title,
            description,
            platform,
            sources,
            matrix,
            modifiers,
            baseline_risks,
            sections,
            dpia,
            revisions,
        } = decl;

        self.header(&id, &version, &date, platform.as_deref());
        let title = self.text(&title, "title", &[]);
        let description = self.text(&description, "description", &[]);

        let sources = self.sources(sources);
        let declared: HashSet<String> = sources.iter().map(|s| s.key.clone()).collect();
        let matrix = if let Some(m) = matrix {
            self.matrix(m, &declared)
        } else {
            self.error("matrix", &[], "the risk matrix is missing");
            None
        };

        let sections = self.sections(sections, &declared);
        let question_ids: BTreeMap<String, Vec<String>> = sections
            .iter()
            .flat_map(|s| &s.questions)
            .map(|q| {
                (
                    q.id.to_string(),
                    q.options.iter().map(|o| o.id.to_string()).collect(),
                )
            })
            .collect();
        self.conditions(&sections, &question_ids);

        let baseline_risks = self.baselines(baseline_risks, &declared, &question_ids);
        let modifiers = self.modifiers(modifiers, &declared, &question_ids);
        let finding_ids: HashSet<&str> = question_ids
            .keys()
            .map(String::as_str)
            .chain(baseline_risks.iter().map(|b| b.id.as_str()))
            .collect();
        let revisions = self.revisions(revisions, &version, &finding_ids);
        let dpia = dpia.and_then(|d| self.dpia(d, &sections, &declared));

        // In the order of the file, so that the warnings are too.
        for key in sources.iter().map(|s| &s.key) {
            if !self.used_sources.contains(key) {
                self.warn(
                    &format!("sources[\"{key}\"]"),
                    &[key],
                    "source is declared but never cited",
                );
            }
        }

        Some(
            Checklist {
                id,
                version,
                date,
                title,
                description,
                platform,
                sources,
                matrix: matrix?,
                modifiers,
                baseline_risks,
                sections,
                fingerprint,
                revisions,
                dpia,
                index: QuestionIndex::default(),
            }
            .indexed(),
        )
    }

    /// The checklist's id, version, date and platform.
    fn header(&mut self, id: &str, version: &str, date: &str, platform: Option<&str>) {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.error(
                "id",
                &[],
                format!("checklist id `{id}` must be lowercase letters, digits and dashes"),
            );
        }
        if version.trim().is_empty() {
            self.error("version", &[], "version is empty");
        }
        if time::Date::parse(date, crate::dates::ISO_DATE).is_err() {
            self.error(
                "date",
                &[],
                format!("date `{date}` is not an ISO date (YYYY-MM-DD)"),
            );
        }
        if platform.is_some_and(|p| p.trim().is_empty() || p.chars().any(crate::text::is_hidden)) {
            self.error(
                "platform",
                &[],
                "platform is empty or contains an invisible character",
            );
        }
    }

    /// Earlier versions: each named once, not the current version, with a fingerprint, and
    /// naming only findings the current version has as changed (and none it has as removed).
    fn revisions(
        &mut self,
        decls: Vec<RevisionDecl>,
        current: &str,
        findings: &HashSet<&str>,
    ) -> Vec<Revision> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(decls.len());
        for (i, decl) in decls.into_iter().enumerate() {
            let path = format!("revisions[{i}]");
            if decl.version == current || !seen.insert(decl.version.clone()) {
                self.error(
                    &format!("{path}.version"),
                    &[],
                    format!(
                        "version {} is the current version or listed twice",
                        decl.version
                    ),
                );
            }
            if decl.fingerprint.len() != 64
                || !decl.fingerprint.bytes().all(|b| b.is_ascii_hexdigit())
            {
                self.error(
                    &format!("{path}.fingerprint"),
                    &[],
                    "a fingerprint is 64 hexadecimal digits (SHA-256)",
                );
            }
            for id in decl
                .changed
                .iter()
                .filter(|id| !findings.contains(id.as_str()))
            {
                self.error(
                    &format!("{path}.changed"),
                    &[],
                    format!("`{id}` is listed as changed, but this version has no such question or baseline risk"),
                );
            }
            for id in decl
                .removed
                .iter()
                .filter(|id| findings.contains(id.as_str()))
            {
                self.error(
                    &format!("{path}.removed"),
                    &[],
                    format!("`{id}` is listed as removed, but this version still has it"),
                );
            }
            let note = decl
                .note
                .map(|n| self.text(&n, &format!("{path}.note"), &[]));
            out.push(Revision {
                version: decl.version,
                fingerprint: decl.fingerprint.to_ascii_lowercase(),
                changed: decl.changed,
                removed: decl.removed,
                note,
            });
        }
        out
    }

    fn sources(&mut self, decls: Vec<SourceDecl>) -> Vec<Source> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(decls.len());
        for (i, decl) in decls.into_iter().enumerate() {
            let SourceDecl {
                key,
                title,
                publisher,
                url,
                date,
                note,
            } = decl;
            let path = format!("sources[{i}]");
            if key.trim().is_empty() {
                self.error(&path, &[], "source key is empty");
            }
            self.id_chars(&key, "source key", &path, &[&key]);
            if !seen.insert(key.clone()) {
                self.error(&path, &[&key], format!("duplicate source key `{key}`"));
            }
            if title.trim().is_empty() {
                self.error(&path, &[&key], "source title is empty");
            }
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                self.warn(
                    &path,
                    &[&key],
                    format!("source url `{url}` is not a web address"),
                );
            }
            let note = note.map(|n| self.text(&n, &format!("{path}.note"), &[&key]));
            out.push(Source {
                key,
                title,
                publisher,
                url,
                date,
                note,
            });
        }
        out
    }

    fn matrix(&mut self, decl: MatrixDecl, declared: &HashSet<String>) -> Option<Matrix> {
        let MatrixDecl {
            severity_levels,
            likelihood_levels,
            cells,
            sources,
            note,
            verified,
        } = decl;
        let severity_levels = self.levels(&severity_levels, "matrix.severity_levels");
        let likelihood_levels = self.levels(&likelihood_levels, "matrix.likelihood_levels");
        let note = self.text(&note, "matrix.note", &[]);
        self.source_keys(&sources, declared, "matrix.sources", &[]);
        let mut grid = [[RiskClass::Gering; 4]; 4];
        let mut complete = cells.len() == 4;
        if cells.len() != 4 {
            self.error(
                "matrix.cells",
                &[],
                format!(
                    "incomplete matrix: expected 4 rows (one per likelihood), found {}",
                    cells.len()
                ),
            );
        }
        for (l, row) in cells.iter().enumerate().take(4) {
            if row.len() != 4 {
                complete = false;
                self.error(
                    &format!("matrix.cells[{l}]"),
                    &[],
                    format!(
                        "incomplete matrix: row for likelihood {} has {} cells, expected 4",
                        l + 1,
                        row.len()
                    ),
                );
                continue;
            }
            for (s, class) in row.iter().enumerate() {
                grid[l][s] = *class;
            }
        }
        if complete {
            // A finding must never become less risky as severity or likelihood grows.
            for l in 0..4 {
                for s in 0..4 {
                    if (s > 0 && grid[l][s] < grid[l][s - 1])
                        || (l > 0 && grid[l][s] < grid[l - 1][s])
                    {
                        self.warn(
                            &format!("matrix.cells[{l}][{s}]"),
                            &[],
                            format!("class drops at severity {} / likelihood {}: the matrix is not monotonic", s + 1, l + 1),
                        );
                    }
                }
            }
        }
        Some(Matrix {
            severity_levels: severity_levels?,
            likelihood_levels: likelihood_levels?,
            cells: grid,
            sources,
            note,
            verified,
        })
        .filter(|_| complete)
    }

    fn levels(&mut self, decls: &[TextDecl], path: &str) -> Option<[Text; 4]> {
        if decls.len() != 4 {
            self.error(
                path,
                &[],
                format!(
                    "incomplete matrix: expected 4 level names, found {}",
                    decls.len()
                ),
            );
            return None;
        }
        let texts: Vec<Text> = decls
            .iter()
            .enumerate()
            .map(|(i, d)| self.text(d, &format!("{path}[{i}]"), &[]))
            .collect();
        texts.try_into().ok()
    }

    fn sections(&mut self, decls: Vec<SectionDecl>, declared: &HashSet<String>) -> Vec<Section> {
        if decls.is_empty() {
            self.error("sections", &[], "the checklist has no sections");
        }
        let mut section_ids = HashSet::new();
        let mut question_ids = HashSet::new();
        let mut out = Vec::with_capacity(decls.len());
        for (i, decl) in decls.into_iter().enumerate() {
            let SectionDecl {
                id,
                title,
                questions,
            } = decl;
            let path = format!("sections[{i}]");
            if id.trim().is_empty() {
                self.error(&format!("{path}.id"), &[], "section id is empty");
            }
            self.id_chars(&id, "section id", &path, &[&id]);
            if !section_ids.insert(id.clone()) {
                self.error(&path, &[&id], format!("duplicate section id `{id}`"));
            }
            let title = self.text(&title, &format!("{path}.title"), &[&id]);
            if questions.is_empty() {
                self.error(&path, &[&id], format!("section `{id}` has no questions"));
            }
            let mut qs = Vec::with_capacity(questions.len());
            for q in questions {
                let qpath = format!("{path}.questions[\"{}\"]", q.id);
                if !question_ids.insert(q.id.clone()) {
                    self.error(
                        &qpath,
                        &[&id, &q.id],
                        format!("duplicate question id `{}`", q.id),
                    );
                }
                qs.push(self.question(q, &qpath, &id, declared));
            }
            out.push(Section {
                id,
                title,
                questions: qs,
            });
        }
        out
    }

    fn question(
        &mut self,
        decl: QuestionDecl,
        path: &str,
        section: &str,
        declared: &HashSet<String>,
    ) -> Question {
        let QuestionDecl {
            id,
            kind,
            text,
            why,
            hint,
            legal,
            sources,
            show_if,
            options,
            unknown,
        } = decl;
        // Anchoring through the section finds the right element even when an id is duplicated.
        let anchors: &[&str] = &[section, &id];
        if id.trim().is_empty() {
            self.error(path, &[], "question id is empty");
        }
        self.id_chars(&id, "question id", path, anchors);
        let text = self.text(&text, &format!("{path}.text"), anchors);
        let why = self.text(&why, &format!("{path}.why"), anchors);
        let hint = hint.map(|h| self.text(&h, &format!("{path}.hint"), anchors));
        if legal.is_empty() {
            self.warn(path, anchors, "no legal reference");
        }
        if sources.is_empty() {
            self.error(
                path,
                anchors,
                "no source: every question must cite at least one",
            );
        }
        self.source_keys(&sources, declared, &format!("{path}.sources"), anchors);

        let mut option_ids = HashSet::new();
        let opts: Vec<AnswerOption> = options
            .into_iter()
            .map(|o| self.option(o, path, &[section, &id], &mut option_ids))
            .collect();
        if opts.is_empty() {
            self.error(path, anchors, "question has no answer options");
        } else {
            if opts.iter().all(|o| o.finding.is_some()) {
                self.error(
                    path,
                    anchors,
                    "question has no risk-free option: every option carries a finding",
                );
            }
            if opts.iter().all(|o| o.finding.is_none()) {
                self.error(
                    path,
                    anchors,
                    "question has no finding: no option carries a risk",
                );
            }
        }
        let unknown = match unknown {
            Some(f) => self.finding(&f, &format!("{path}.unknown"), anchors),
            None => default_unknown(&opts),
        };
        let show_if = show_if.map(condition);
        Question {
            id: id.into(),
            kind: match kind {
                None | Some(KindDecl::SingleChoice) => QuestionKind::SingleChoice,
            },
            text,
            why,
            hint,
            legal,
            sources,
            show_if,
            options: opts,
            unknown,
        }
    }

    /// One answer option of the question at `path` (`anchors`: its section and id).
    fn option(
        &mut self,
        o: OptionDecl,
        path: &str,
        anchors: &[&str],
        seen: &mut HashSet<String>,
    ) -> AnswerOption {
        let opath = format!("{path}.options[\"{}\"]", o.id);
        let oanchors: Vec<&str> = anchors.iter().copied().chain([o.id.as_str()]).collect();
        let oanchors = oanchors.as_slice();
        if o.id == UNKNOWN_ID {
            self.error(
                &opath,
                oanchors,
                format!("option id `{UNKNOWN_ID}` is reserved: every question offers it already"),
            );
        } else if o.id.trim().is_empty() {
            self.error(&opath, anchors, "option id is empty");
        }
        self.id_chars(&o.id, "option id", &opath, oanchors);
        if !seen.insert(o.id.clone()) {
            self.error(&opath, oanchors, format!("duplicate option id `{}`", o.id));
        }
        let label = self.text(&o.label, &format!("{opath}.label"), oanchors);
        let finding = o
            .finding
            .map(|f| self.finding(&f, &format!("{opath}.finding"), oanchors));
        if let Some(fact) = &o.fact {
            self.fact(fact, finding.as_ref(), &opath, oanchors);
        }
        AnswerOption {
            id: o.id.into(),
            label,
            finding,
            fact: o.fact,
        }
    }

    fn finding(&mut self, decl: &FindingDecl, path: &str, anchors: &[&str]) -> Finding {
        let FindingDecl {
            severity,
            likelihood,
            knockout,
            measure,
        } = decl;
        let severity = self.level(*severity, "severity", path, anchors);
        let likelihood = self.level(*likelihood, "likelihood", path, anchors);
        let knockout = knockout
            .as_ref()
            .map(|k| self.text(k, &format!("{path}.knockout"), anchors));
        let measure = if let Some(m) = measure {
            self.text(m, &format!("{path}.measure"), anchors)
        } else {
            self.error(path, anchors, "finding has no recommended measure");
            Text::default()
        };
        Finding {
            severity,
            likelihood,
            knockout,
            measure,
        }
    }
}

/// "Unknown" is rated like the worst option, but never as a knock-out: not knowing is an
/// accountability gap (Art. 5(2) GDPR), not proof of the worst case.
fn default_unknown(options: &[AnswerOption]) -> Finding {
    let worst = options
        .iter()
        .filter_map(|o| o.finding.as_ref())
        .max_by_key(|f| {
            (
                u16::from(f.severity.get()) * u16::from(f.likelihood.get()),
                f.severity,
            )
        });
    match worst {
        Some(f) => Finding {
            severity: f.severity,
            likelihood: f.likelihood,
            knockout: None,
            measure: Text::new(
                format!("Sachverhalt klären und dokumentieren. {}", f.measure.de),
                format!("Establish and document the facts. {}", f.measure.en),
            ),
        },
        None => Finding {
            severity: Level::MIN,
            likelihood: Level::MIN,
            knockout: None,
            measure: Text::new(
                "Sachverhalt klären und dokumentieren.",
                "Establish and document the facts.",
            ),
        },
    }
}
