//! Names of domain values, the same in every front end: risk classes, decisions, review states,
//! verdicts, measure states,
//! "unknown", baseline risks, and the metadata fields with their labels.

use crate::assessment::{Decision, MeasureStatus};
use crate::edit::MetaField;
use crate::review::{Status, Verdict};
use crate::risk::RiskClass;

/// How a metadata field is named: a short name (lists of missing fields, the report) and the
/// longer label of the form, which says what belongs in it.
#[derive(Clone, Copy, Debug)]
pub struct MetaLabel {
    /// The short name.
    pub name: &'static str,
    /// The form's label.
    pub form: &'static str,
}

/// The labels of the metadata fields ("Stammdaten").
#[expect(missing_docs)] // One field per metadata field, named alike.
pub struct MetaLabels {
    pub public_body: MetaLabel,
    pub unit: MetaLabel,
    pub platform: MetaLabel,
    pub account: MetaLabel,
    pub purposes: MetaLabel,
    pub target_groups: MetaLabel,
    pub data_subjects: MetaLabel,
    pub responsible: MetaLabel,
    pub dpo: MetaLabel,
    pub operator: MetaLabel,
    pub third_countries: MetaLabel,
    pub date: MetaLabel,
}

impl MetaLabels {
    /// The label of a text field.
    pub fn of(&self, field: MetaField) -> MetaLabel {
        match field {
            MetaField::PublicBody => self.public_body,
            MetaField::Unit => self.unit,
            MetaField::Platform => self.platform,
            MetaField::Account => self.account,
            MetaField::Purposes => self.purposes,
            MetaField::TargetGroups => self.target_groups,
            MetaField::DataSubjects => self.data_subjects,
            MetaField::Responsible => self.responsible,
            MetaField::Dpo => self.dpo,
            MetaField::Operator => self.operator,
            MetaField::ThirdCountries => self.third_countries,
        }
    }
}

/// Names of domain values in one language.
pub struct Terms {
    /// Risk classes, in the order of [`RiskClass::ALL`].
    pub classes: [&'static str; 3],
    /// Decisions, in the order of [`Decision::ALL`].
    pub decisions: [&'static str; 3],
    /// Measure states, in the order of [`MeasureStatus::ALL`].
    pub statuses: [&'static str; 4],
    /// Review states, in the order of [`Status::ALL`].
    pub review_statuses: [&'static str; 5],
    /// The DPO's verdicts, in the order of [`Verdict::ALL`].
    pub verdicts: [&'static str; 3],
    /// The answer every question offers besides its own options.
    pub unknown: &'static str,
    /// What a finding of the platform itself is called.
    pub baseline_risk: &'static str,
    /// "Erneut prüfen": an answer whose question changed in a newer checklist version.
    pub recheck: &'static str,
    /// Why: "Die Frage hat sich seit der Checkliste … geändert; die Antwort bitte prüfen."
    pub recheck_why: &'static str,
    /// "Antwort geprüft": the button that confirms it.
    pub recheck_confirm: &'static str,
    /// "migriert von Version" (a file made with an earlier checklist version).
    pub migrated_from: &'static str,
    /// "auf" (… to version …).
    pub migrated_to: &'static str,
    /// "noch nicht gespeichert; beim Speichern bleibt die bisherige Datei als Sicherung".
    pub migrated_unsaved: &'static str,
    /// "Untergrenze": the best residual rating measures can reach for a baseline risk.
    pub floor: &'static str,
    /// "Begründung der Absenkung": why a measure lowers a rating by two or more levels.
    pub reason: &'static str,
    /// "Begründung fehlt: …" for such a measure without one.
    pub reason_missing: &'static str,
    /// "auf die Untergrenze angehoben" (a residual set below the floor).
    pub floored: &'static str,
    /// Label of a finding whose answer contradicts the result ("no DPIA needed" while the
    /// result is "hohes Risiko").
    pub contradiction: &'static str,
    /// "Hinweis": the label of such a note in the report.
    pub note: &'static str,
    /// "Angezeigt, weil die Antwort auf" … question id … [`Self::is_unknown_may_hold`].
    pub shown_because: &'static str,
    /// "Angenommen, weil die Antwort auf" (a modifier applied for an unknown trigger).
    pub assumed_because: &'static str,
    /// "„unbekannt“ ist: Die Bedingung könnte zutreffen."
    pub is_unknown_may_hold: &'static str,
    /// The metadata fields.
    pub meta: MetaLabels,
}

impl Terms {
    /// The DSK name of a risk class.
    pub fn class(&self, class: RiskClass) -> &'static str {
        self.classes[RiskClass::ALL
            .iter()
            .position(|c| *c == class)
            .unwrap_or_default()]
    }

    /// The name of a decision.
    pub fn decision(&self, decision: Decision) -> &'static str {
        self.decisions[Decision::ALL
            .iter()
            .position(|d| *d == decision)
            .unwrap_or_default()]
    }

    /// The name of a review state.
    pub fn review_status(&self, status: Status) -> &'static str {
        self.review_statuses[Status::ALL
            .iter()
            .position(|s| *s == status)
            .unwrap_or_default()]
    }

    /// The name of a verdict.
    pub fn verdict(&self, verdict: Verdict) -> &'static str {
        self.verdicts[Verdict::ALL
            .iter()
            .position(|v| *v == verdict)
            .unwrap_or_default()]
    }

    /// " (Angenommen, weil die Antwort auf A6.1 „unbekannt“ ist: …)" after a modifier that
    /// applies only because its trigger is unknown; empty otherwise.
    pub fn assumed_note(&self, question: Option<&str>) -> String {
        question.map_or_else(String::new, |q| {
            format!(
                " ({} {q} {})",
                self.assumed_because, self.is_unknown_may_hold
            )
        })
    }

    /// "Angezeigt, weil die Antwort auf A4.2 „unbekannt“ ist: …" for a question shown only
    /// because a condition's answer is unknown.
    pub fn shown_note(&self, question: &str) -> String {
        format!(
            "{} {question} {}",
            self.shown_because, self.is_unknown_may_hold
        )
    }

    /// "Mit der Checkliste in Version 1.0.0 erstellt und auf Version 1.1.0 übertragen (…).
    /// Erneut prüfen: A1.4."
    pub fn migration_note(&self, m: &crate::checklist::migrate::Migration) -> String {
        let mut text = format!(
            "{} {} {} {} {}",
            self.migrated_from, m.from, self.migrated_to, m.to, self.migrated_unsaved
        );
        if !m.recheck.is_empty() {
            text.push_str(&format!(". {}: {}", self.recheck, m.recheck.join(", ")));
        }
        text
    }

    /// The name of a measure state.
    pub fn status(&self, status: MeasureStatus) -> &'static str {
        self.statuses[MeasureStatus::ALL
            .iter()
            .position(|s| *s == status)
            .unwrap_or_default()]
    }
}

/// German.
pub const DE: Terms = Terms {
    classes: ["geringes Risiko", "Risiko", "hohes Risiko"],
    decisions: ["freigegeben", "freigegeben mit Auflagen", "abgelehnt"],
    statuses: ["geplant", "in Umsetzung", "umgesetzt", "verworfen"],
    review_statuses: [
        "Entwurf",
        "Eingereicht",
        "In Prüfung",
        "Entschieden",
        "Überarbeitung",
    ],
    verdicts: ["akzeptiert", "nachbessern", "Nachweis fehlt"],
    unknown: "unbekannt / nicht geprüft",
    baseline_risk: "Grundrisiko",
    recheck: "Erneut prüfen",
    recheck_why: "Die Frage hat sich in einer neueren Version der Checkliste geändert; bitte die Antwort prüfen und bestätigen.",
    recheck_confirm: "Antwort geprüft",
    migrated_from: "Mit der Checkliste in Version",
    migrated_to: "erstellt und auf Version",
    migrated_unsaved: "übertragen (noch nicht gespeichert; beim Speichern bleibt die bisherige Datei als Sicherung)",
    floor: "Untergrenze",
    reason: "Begründung der Absenkung",
    reason_missing: "Begründung fehlt: Die Maßnahme senkt Schwere und Wahrscheinlichkeit zusammen um zwei oder mehr Stufen; bitte begründen, was sie ändert.",
    floored: "Das erwartete Restrisiko liegt unter dem, was Maßnahmen hier erreichen können; es wird mit der Untergrenze bewertet.",
    contradiction: "Widerspruch zum Ergebnis",
    note: "Hinweis",
    shown_because: "Angezeigt, weil die Antwort auf",
    assumed_because: "Angenommen, weil die Antwort auf",
    is_unknown_may_hold: "„unbekannt“ ist: Die Bedingung könnte zutreffen.",
    meta: MetaLabels {
        public_body: MetaLabel {
            name: "Öffentliche Stelle",
            form: "Öffentliche Stelle",
        },
        unit: MetaLabel {
            name: "Organisationseinheit",
            form: "Organisationseinheit",
        },
        platform: MetaLabel {
            name: "Plattform",
            form: "Plattform",
        },
        account: MetaLabel {
            name: "Konto",
            form: "Konto (Name oder Handle)",
        },
        purposes: MetaLabel {
            name: "Zwecke",
            form: "Zwecke des Kanals",
        },
        target_groups: MetaLabel {
            name: "Zielgruppen",
            form: "Zielgruppen",
        },
        data_subjects: MetaLabel {
            name: "Betroffene Personen",
            form: "Betroffene Personen (Besuchende, Follower, Kommentierende, Abgebildete, Beschäftigte)",
        },
        responsible: MetaLabel {
            name: "Verantwortliche Person",
            form: "Verantwortliche Person",
        },
        dpo: MetaLabel {
            name: "Datenschutzbeauftragte/r",
            form: "Datenschutzbeauftragte/r",
        },
        operator: MetaLabel {
            name: "Betreiber der Plattform",
            form: "Betreiber der Plattform (Unternehmen)",
        },
        third_countries: MetaLabel {
            name: "Drittländer",
            form: "Drittländer (soweit bekannt)",
        },
        date: MetaLabel {
            name: "Datum",
            form: "Datum der Prüfung",
        },
    },
};

/// English.
pub const EN: Terms = Terms {
    classes: ["low risk", "risk", "high risk"],
    decisions: ["approved", "approved with conditions", "rejected"],
    statuses: ["planned", "in progress", "implemented", "rejected"],
    review_statuses: ["Draft", "Submitted", "Under review", "Decided", "Revision"],
    verdicts: ["accepted", "to be improved", "evidence missing"],
    unknown: "unknown / not checked",
    baseline_risk: "Baseline risk",
    recheck: "Check again",
    recheck_why: "The question changed in a newer version of the checklist; please check the answer and confirm it.",
    recheck_confirm: "Answer checked",
    migrated_from: "Made with the checklist in version",
    migrated_to: "and carried over to version",
    migrated_unsaved: "(not saved yet; saving keeps the previous file as the backup)",
    floor: "Floor",
    reason: "Reason for the reduction",
    reason_missing: "Reason missing: the measure lowers severity and likelihood together by two or more levels; please say what it changes.",
    floored: "The expected residual risk is below what measures can achieve here; it is rated at the floor.",
    contradiction: "Contradicts the result",
    note: "Note",
    shown_because: "Shown because the answer to",
    assumed_because: "Assumed because the answer to",
    is_unknown_may_hold: "is \"unknown\": the condition may hold.",
    meta: MetaLabels {
        public_body: MetaLabel {
            name: "Public body",
            form: "Public body",
        },
        unit: MetaLabel {
            name: "Organisational unit",
            form: "Organisational unit",
        },
        platform: MetaLabel {
            name: "Platform",
            form: "Platform",
        },
        account: MetaLabel {
            name: "Account",
            form: "Account (name or handle)",
        },
        purposes: MetaLabel {
            name: "Purposes",
            form: "Purposes of the channel",
        },
        target_groups: MetaLabel {
            name: "Target groups",
            form: "Target groups",
        },
        data_subjects: MetaLabel {
            name: "Data subjects",
            form: "Data subjects (visitors, followers, commenters, people shown, staff)",
        },
        responsible: MetaLabel {
            name: "Person responsible",
            form: "Person responsible",
        },
        dpo: MetaLabel {
            name: "Data protection officer",
            form: "Data protection officer",
        },
        operator: MetaLabel {
            name: "Platform operator",
            form: "Platform operator (companies)",
        },
        third_countries: MetaLabel {
            name: "Third countries",
            form: "Third countries (as far as known)",
        },
        date: MetaLabel {
            name: "Date",
            form: "Date of the assessment",
        },
    },
};
