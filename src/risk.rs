//! The risk vocabulary of DSK Kurzpapier Nr. 18: levels 1–4 for severity and likelihood, the three
//! risk classes, and the 4×4 matrix that maps one to the other.
//!
//! The matrix itself is data (it comes from the checklist file), because its cell colouring is
//! provisional until verified against the original publication; a correction is then a data fix.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::{Lang, Text};

/// The three risk classes that the GDPR and the DSK use, ordered from least to most severe.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RiskClass {
    /// "geringes Risiko": the GDPR's "voraussichtlich nicht zu einem Risiko führt".
    Gering,
    /// "Risiko": measures proportionate to the risk (Art. 24, 25, 32 GDPR).
    Risiko,
    /// "hohes Risiko": a DPIA is required (Art. 35 GDPR).
    Hoch,
}

impl RiskClass {
    /// All classes, least severe first.
    pub const ALL: [Self; 3] = [Self::Gering, Self::Risiko, Self::Hoch];

    /// The DSK name of the class in the given language.
    pub fn name(self, lang: Lang) -> &'static str {
        crate::i18n::tr(lang).terms.class(self)
    }

    /// A stable lowercase key for machine-readable output.
    pub fn key(self) -> &'static str {
        match self {
            Self::Gering => "gering",
            Self::Risiko => "risiko",
            Self::Hoch => "hoch",
        }
    }
}

impl fmt::Display for RiskClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name(Lang::De))
    }
}

/// A severity or likelihood level, always within 1..=4.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(transparent)]
pub struct Level(u8);

impl Level {
    /// The lowest level (geringfügig).
    pub const MIN: Self = Self(1);
    /// The highest level (groß).
    pub const MAX: Self = Self(4);

    /// The level for `value`, or `None` when it is outside 1..=4.
    pub fn new(value: u8) -> Option<Self> {
        (1..=4).contains(&value).then_some(Self(value))
    }

    /// The numeric value, 1..=4.
    pub fn get(self) -> u8 {
        self.0
    }

    /// This level moved by `delta`, kept within 1..=4.
    pub fn shifted(self, delta: i8) -> Self {
        let moved = i16::from(self.0) + i16::from(delta);
        // The clamp keeps the value in 1..=4, so the narrowing cannot lose anything.
        Self(u8::try_from(moved.clamp(1, 4)).unwrap_or(4))
    }

    /// Zero-based index for tables.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = u8::deserialize(deserializer)?;
        Self::new(value)
            .ok_or_else(|| serde::de::Error::custom(format!("level {value} is outside 1..=4")))
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The validated 4×4 matrix of a checklist.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Matrix {
    /// Names of severity levels 1..=4.
    pub severity_levels: [Text; 4],
    /// Names of likelihood levels 1..=4.
    pub likelihood_levels: [Text; 4],
    /// `cells[likelihood - 1][severity - 1]`.
    pub cells: [[RiskClass; 4]; 4],
    /// Source keys for the matrix.
    pub sources: Vec<String>,
    /// How it was derived and what is not verified.
    pub note: Text,
    /// Whether the cells were checked against the original publication.
    pub verified: bool,
}

impl Matrix {
    /// The risk class of a finding with this severity and likelihood.
    pub fn classify(&self, severity: Level, likelihood: Level) -> RiskClass {
        self.cells[likelihood.index()][severity.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_range_is_enforced() {
        assert_eq!(Level::new(0), None, "0 is below the scale");
        assert_eq!(Level::new(5), None, "5 is above the scale");
        assert_eq!(Level::new(3).map(Level::get), Some(3), "3 is on the scale");
    }

    #[test]
    fn shifting_is_clamped() {
        let four = Level::MAX;
        assert_eq!(four.shifted(1), Level::MAX, "cannot exceed 4");
        assert_eq!(Level::MIN.shifted(-2), Level::MIN, "cannot go below 1");
        assert_eq!(Level::MIN.shifted(2).get(), 3, "1 + 2 = 3");
    }

    #[test]
    fn classes_are_ordered_by_severity() {
        assert!(RiskClass::Gering < RiskClass::Risiko, "gering < Risiko");
        assert!(RiskClass::Risiko < RiskClass::Hoch, "Risiko < hoch");
    }
}
