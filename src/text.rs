//! Bilingual texts (German first, English second) as they appear in checklists and reports.

use serde::{Deserialize, Serialize};

/// A language that checklists and reports are written in.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Lang {
    /// German, the primary language.
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code (`de`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Self::De => "de",
            Self::En => "en",
        }
    }
}

/// A language code that is neither `de` nor `en`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`, expected `de` or `en`")]
pub struct UnknownLang(pub String);

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "de" => Ok(Self::De),
            "en" => Ok(Self::En),
            other => Err(UnknownLang(other.to_owned())),
        }
    }
}

/// A validated text: German is always present; English may be empty, then German is shown.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Text {
    /// German.
    pub de: String,
    /// English; empty when the checklist does not provide it.
    pub en: String,
}

impl Text {
    /// A text with both languages.
    pub fn new(de: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            de: de.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to German where English is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.de,
        }
    }
}
