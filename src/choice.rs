//! The answer to a question: one of its options, or "unknown / not checked". In the file both
//! are a string; the reserved id of "unknown" is spelled out here and nowhere else.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ids::OptionId;

/// The id that stands for [`Choice::Unknown`] in assessment files and checklist conditions. No
/// checklist option may use it (validation refuses it).
pub const UNKNOWN_ID: &str = "unbekannt";

/// What was chosen for a question.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Choice {
    /// One of the question's own options.
    Option(OptionId),
    /// "unbekannt / nicht geprüft": every question offers it; not knowing is a finding.
    Unknown,
}

impl Choice {
    /// The choice as written in a file.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Option(id) => id.as_str(),
            Self::Unknown => UNKNOWN_ID,
        }
    }

    /// The choice written as `text` in a file (`None` for an empty text: not answered).
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "" => None,
            UNKNOWN_ID => Some(Self::Unknown),
            other => Some(Self::Option(OptionId::from(other))),
        }
    }

    /// Whether it is "unknown".
    pub fn is_unknown(&self) -> bool {
        matches!(self, Self::Unknown)
    }

    /// The option chosen, if it is one.
    pub fn option(&self) -> Option<&OptionId> {
        match self {
            Self::Option(id) => Some(id),
            Self::Unknown => None,
        }
    }
}

impl From<&str> for Choice {
    /// A choice from its file spelling; an empty text is taken as an option with an empty id
    /// (which no question accepts). Use [`Choice::parse`] where empty means "not answered".
    fn from(text: &str) -> Self {
        Self::parse(text).unwrap_or_else(|| Self::Option(OptionId::default()))
    }
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Choice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Choice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(Self::from(text.as_str()))
    }
}

/// Serde for an `Option<Choice>` field written as one string, empty when not answered: the file
/// format of version 1.
pub mod optional {
    use super::{Choice, Deserialize as _, Deserializer, Serializer};

    /// Writes `None` as `""`.
    pub fn serialize<S: Serializer>(choice: &Option<Choice>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(choice.as_ref().map_or("", Choice::as_str))
    }

    /// Reads `""` as `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Choice>, D::Error> {
        let text = String::deserialize(d)?;
        Ok(Choice::parse(&text))
    }
}
