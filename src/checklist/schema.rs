//! The serde mirror of a checklist RON file: exactly what the file says, nothing resolved yet.
//!
//! These types only parse. Every rule that needs the whole picture (unique ids, known source keys,
//! conditions that point somewhere, values in range) lives in [`super::validate`], which turns a
//! [`ChecklistFile`] into a [`super::Checklist`]. Fields that the validator must be able to report
//! as *missing* (rather than have ron reject the file) are `Option` or `#[serde(default)]`.

use serde::{Deserialize, Serialize};

use crate::risk::RiskClass;

/// A text in German and English. German is required; English is expected in shipped checklists.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TextDecl {
    /// German text (required).
    #[serde(default)]
    pub de: Option<String>,
    /// English text.
    #[serde(default)]
    pub en: Option<String>,
}

/// The whole file: `Checklist( id: …, version: …, … )`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Checklist")]
pub struct ChecklistFile {
    /// Stable identifier, lowercase ASCII with dashes (e.g. `tiktok`); assessments refer to it.
    pub id: String,
    /// Version of the content (e.g. `1.0.0`); bump it whenever a question or a value changes.
    pub version: String,
    /// ISO date (`YYYY-MM-DD`) on which the sources were last checked.
    pub date: String,
    /// Title shown on the start screen and on the report cover.
    pub title: TextDecl,
    /// What the checklist covers and for whom.
    pub description: TextDecl,
    /// The platform every assessment with this checklist is about (`TikTok`), prefilled in new
    /// assessments; absent where the team names it (social networks, messengers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// Every source that a question, modifier, baseline risk or the matrix cites.
    #[serde(default)]
    pub sources: Vec<SourceDecl>,
    /// The severity × likelihood matrix.
    pub matrix: Option<MatrixDecl>,
    /// Answers that change how other findings are rated (e.g. the channel addresses minors).
    #[serde(default)]
    pub modifiers: Vec<ModifierDecl>,
    /// Risks of the platform that no answer removes.
    #[serde(default)]
    pub baseline_risks: Vec<BaselineDecl>,
    /// The questions, grouped.
    #[serde(default)]
    pub sections: Vec<SectionDecl>,
    /// The question that asks whether a DPIA was carried out, and the rating of answering "not
    /// needed" while the result itself requires one (Art. 35(1) GDPR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpia: Option<DpiaDecl>,
    /// Earlier versions and what changed since each, so that assessments made with them can be
    /// migrated. Left out of the fingerprint input when empty (versions before it had none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<RevisionDecl>,
}

/// `Dpia(question: "A1.4", not_needed: ["nicht_erforderlich"], finding: Finding(…), reason: (…),
/// sources: ["…"])`: a "no DPIA needed" answer contradicts a result of "hohes Risiko".
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Dpia")]
pub struct DpiaDecl {
    /// The question about the DPIA.
    pub question: String,
    /// Its options that say no DPIA is needed.
    pub not_needed: Vec<String>,
    /// The rating of such an answer while the gross result is "hohes Risiko".
    pub finding: FindingDecl,
    /// Why the answer contradicts the result, for people.
    pub reason: TextDecl,
    /// Source keys.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// An earlier version of the checklist: `Revision(version: "1.0.0", fingerprint: "…",
/// changed: ["A1.4"], removed: [], note: (de: "…", en: "…"))`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Revision")]
pub struct RevisionDecl {
    /// The earlier version.
    pub version: String,
    /// Its fingerprint, as assessments made with it record it.
    pub fingerprint: String,
    /// Questions and baseline risks whose wording, options or rating changed in the next version.
    #[serde(default)]
    pub changed: Vec<String>,
    /// Questions and baseline risks that the next version no longer has.
    #[serde(default)]
    pub removed: Vec<String>,
    /// What changed, for people.
    #[serde(default)]
    pub note: Option<TextDecl>,
}

/// One cited source.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Source")]
pub struct SourceDecl {
    /// Key used in `sources: [..]` lists (e.g. `LFDI-TT`).
    pub key: String,
    /// Title of the document or page.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where it can be read.
    pub url: String,
    /// Publication date or state, as precise as known (`2024-05`, `2025-07-17`).
    pub date: String,
    /// What the checklist relies on, and what is not verified.
    #[serde(default)]
    pub note: Option<TextDecl>,
}

/// The risk matrix after DSK Kurzpapier Nr. 18.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Matrix")]
pub struct MatrixDecl {
    /// Names of severity levels 1 to 4, level 1 first.
    #[serde(default)]
    pub severity_levels: Vec<TextDecl>,
    /// Names of likelihood levels 1 to 4, level 1 first.
    #[serde(default)]
    pub likelihood_levels: Vec<TextDecl>,
    /// Four rows, one per likelihood (1 first), of four cells, one per severity (1 first).
    #[serde(default)]
    pub cells: Vec<Vec<RiskClass>>,
    /// Source keys for the matrix.
    #[serde(default)]
    pub sources: Vec<String>,
    /// How the matrix was derived and what is not verified.
    pub note: TextDecl,
    /// Whether the cell colouring was checked against the original publication.
    pub verified: bool,
}

/// A condition on another question's answer.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "When")]
pub struct ConditionDecl {
    /// Id of the question whose answer decides.
    pub question: String,
    /// The condition holds when that question is answered with one of these option ids.
    pub any_of: Vec<String>,
}

/// Raises (or lowers) the rating of findings while a condition holds.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Modifier")]
pub struct ModifierDecl {
    /// Unique id.
    pub id: String,
    /// Short name ("Kanal richtet sich an Minderjährige").
    pub label: TextDecl,
    /// Why the rating changes.
    pub reason: TextDecl,
    /// When the modifier applies.
    pub when: ConditionDecl,
    /// Added to the severity of affected findings (result kept within 1..=4).
    #[serde(default)]
    pub severity: i8,
    /// Added to the likelihood of affected findings (result kept within 1..=4).
    #[serde(default)]
    pub likelihood: i8,
    /// Question ids whose findings are affected; empty means every finding, baseline risks included.
    #[serde(default)]
    pub applies_to: Vec<String>,
    /// Source keys.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A platform risk that exists whatever the answers are.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Baseline")]
pub struct BaselineDecl {
    /// Unique id (shares the namespace of question ids).
    pub id: String,
    /// Short name of the risk.
    pub title: TextDecl,
    /// What happens and why the body cannot remove it.
    pub description: TextDecl,
    /// Severity 1..=4.
    pub severity: u8,
    /// Likelihood 1..=4.
    pub likelihood: u8,
    /// Legal references.
    #[serde(default)]
    pub legal: Vec<String>,
    /// Source keys.
    #[serde(default)]
    pub sources: Vec<String>,
    /// What the body can do to limit it.
    pub measure: TextDecl,
    /// When the risk applies at all (e.g. only on a commercial operator's platform); without it
    /// the risk always applies. An unknown answer counts as applying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<ConditionDecl>,
    /// The best that measures can achieve: the residual rating is never taken below it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<FloorDecl>,
}

/// The lowest residual rating measures can reach for a baseline risk, with its reason:
/// `Floor(severity: 3, likelihood: 2, sources: ["…"], note: (de: "…", en: "…"))`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Floor")]
pub struct FloorDecl {
    /// Severity 1..=4.
    pub severity: u8,
    /// Likelihood 1..=4.
    pub likelihood: u8,
    /// Source keys that support it.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Why measures cannot go below it.
    pub note: TextDecl,
}

/// A group of questions.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Section")]
pub struct SectionDecl {
    /// Unique id (e.g. `A1`).
    pub id: String,
    /// Section title.
    pub title: TextDecl,
    /// The questions, in order.
    #[serde(default)]
    pub questions: Vec<QuestionDecl>,
}

/// One question.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Question")]
pub struct QuestionDecl {
    /// Unique id (e.g. `A1.3`).
    pub id: String,
    /// How it is answered; only `SingleChoice` (the default) so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<KindDecl>,
    /// The question itself.
    pub text: TextDecl,
    /// Why it matters ("Warum ist das wichtig?").
    pub why: TextDecl,
    /// How to find the answer in practice (where the setting is, which document to look at).
    #[serde(default)]
    pub hint: Option<TextDecl>,
    /// Legal references (e.g. `Art. 6 Abs. 1 lit. e DSGVO`).
    #[serde(default)]
    pub legal: Vec<String>,
    /// Source keys (at least one).
    #[serde(default)]
    pub sources: Vec<String>,
    /// Shown only when this condition holds.
    #[serde(default)]
    pub show_if: Option<ConditionDecl>,
    /// The answer options; "unbekannt / nicht geprüft" is added by the app.
    #[serde(default)]
    pub options: Vec<OptionDecl>,
    /// Rating of "unbekannt / nicht geprüft"; by default the worst option's rating, without knock-out.
    #[serde(default)]
    pub unknown: Option<FindingDecl>,
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub enum KindDecl {
    /// Exactly one option (or "unknown").
    SingleChoice,
}

/// One answer option.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Option")]
pub struct OptionDecl {
    /// Id unique within the question (e.g. `ja`, `nein`, `privatgeraet`).
    pub id: String,
    /// Label shown to the user.
    pub label: TextDecl,
    /// Present when choosing this option is a finding.
    #[serde(default)]
    pub finding: Option<FindingDecl>,
    /// The fact of the rating policy (`checklists/policy/rating-policy.ron`) this option
    /// expresses; its finding must then be rated as the policy says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
}

/// The rating of a risky answer.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Finding")]
pub struct FindingDecl {
    /// Severity of the damage, 1 (geringfügig) to 4 (groß).
    pub severity: u8,
    /// Likelihood, 1 (geringfügig) to 4 (groß).
    pub likelihood: u8,
    /// Present when this answer alone makes the whole result "hohes Risiko": the reason.
    #[serde(default)]
    pub knockout: Option<TextDecl>,
    /// The recommended measure.
    pub measure: Option<TextDecl>,
}
