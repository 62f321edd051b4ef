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

/// Whether `c` is a control or an invisible format character.
///
/// That is: zero-width space and joiners, word joiner, byte-order mark, bidirectional controls:
/// characters that change what a terminal shows, or that make two different ids look the same.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{ad}'
        )
}

/// `text` with every [hidden](is_hidden) character written out as `\u{…}`.
///
/// So a file cannot move the cursor, clear the screen or overwrite a line of a terminal, and an
/// invisible character in an id shows in a message. Line breaks and tabs stay.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_written_out() {
        assert_eq!(printable("A1.1"), "A1.1");
        assert_eq!(printable("A1.1\u{200b}"), "A1.1\\u{200b}");
        assert_eq!(
            printable("\u{1b}[2J\rGERINGES RISIKO"),
            "\\u{1b}[2J\\u{d}GERINGES RISIKO"
        );
        assert_eq!(printable("zwei\nZeilen\tund Tab"), "zwei\nZeilen\tund Tab");
    }
}
