//! The rating policy: one table, shared by every checklist, of facts that several checklists ask
//! about and how each is rated (severity, likelihood, knock-out or not) with its source.
//!
//! The same fact must not be a knock-out in one checklist and a middling finding in another. An
//! answer option that expresses a fact of the table names it (`fact: "privates-konto"`), and
//! validation refuses a checklist whose tagged option is rated differently from the table
//! ([`super::validate`]). The table itself lives in `checklists/policy/rating-policy.ron` and is
//! built into the program, so own checklists are held to the same policy.

use std::sync::OnceLock;

use serde::Deserialize;

use super::schema::TextDecl;

/// The file of the rating policy shipped with the program.
pub const FILE: &str = "checklists/policy/rating-policy.ron";

/// Its content, built in.
const SOURCE: &str = include_str!("../../checklists/policy/rating-policy.ron");

/// The whole table: `RatingPolicy(version: "…", facts: [Fact(…), …])`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "RatingPolicy")]
pub struct RatingPolicy {
    /// Version of the table; bump it whenever a rating changes (and the checklists with it).
    pub version: String,
    /// The facts, each rated once.
    pub facts: Vec<Fact>,
}

/// One fact and its rating.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Fact")]
pub struct Fact {
    /// Stable id that options name in `fact: "…"`.
    pub id: String,
    /// What the fact is, for people.
    pub text: TextDecl,
    /// Severity 1..=4.
    pub severity: u8,
    /// Likelihood 1..=4.
    pub likelihood: u8,
    /// Whether the fact alone makes the result "hohes Risiko".
    pub knockout: bool,
    /// Where the rating comes from (authority, court, statute), as a citation people can follow.
    pub source: String,
    /// Why it is rated so (in particular where the rating is this project's own judgement).
    pub reason: TextDecl,
}

impl RatingPolicy {
    /// The fact with this id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// Problems of the table itself: empty or duplicate ids, levels outside 1..=4, missing
    /// texts or sources. The shipped table has none (a test checks it).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for f in &self.facts {
            if f.id.trim().is_empty() || f.id.chars().any(crate::text::is_hidden) {
                out.push(format!("fact id `{}` is empty or invisible", f.id));
            }
            if !seen.insert(f.id.as_str()) {
                out.push(format!("fact `{}` is given twice", f.id));
            }
            for (what, v) in [("severity", f.severity), ("likelihood", f.likelihood)] {
                if !(1..=4).contains(&v) {
                    out.push(format!("fact `{}`: {what} {v} is outside 1..=4", f.id));
                }
            }
            let texts = [&f.text.de, &f.text.en, &f.reason.de, &f.reason.en];
            if texts.iter().any(|t| t.as_deref().is_none_or(str::is_empty)) {
                out.push(format!("fact `{}`: text or reason is missing", f.id));
            }
            if f.source.trim().is_empty() {
                out.push(format!("fact `{}`: no source", f.id));
            }
        }
        out
    }
}

/// Parses a rating policy from RON text (with `Some` implied, as in checklist files).
pub fn parse(text: &str) -> Result<RatingPolicy, String> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| format!("{FILE}:{e}"))
}

/// The built-in rating policy, parsed once. `Err` only if the shipped table is broken, which the
/// tests rule out; validation then reports it instead of failing silently.
pub fn builtin() -> Result<&'static RatingPolicy, &'static str> {
    static POLICY: OnceLock<Result<RatingPolicy, String>> = OnceLock::new();
    POLICY
        .get_or_init(|| parse(SOURCE))
        .as_ref()
        .map_err(String::as_str)
}
