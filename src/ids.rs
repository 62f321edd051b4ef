//! Typed ids: a question id, an option id and a finding id are all short strings in the files, but
//! never interchangeable in the code.
//!
//! Each is a transparent newtype: it is written as a plain string, compares with `&str`, and looks
//! up maps keyed by it through [`Borrow<str>`].

use std::borrow::Borrow;
use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl From<&$name> for $name {
            fn from(s: &$name) -> Self {
                s.clone()
            }
        }

        impl From<&$name> for String {
            fn from(id: &$name) -> Self {
                id.0.clone()
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }
    };
}

id_type!(
    /// A question's id (`A1.3`), unique within its checklist.
    QuestionId
);
id_type!(
    /// An answer option's id (`ja`, `rollen_dokumentiert`), unique within its question.
    OptionId
);
id_type!(
    /// A finding's id: the id of the question that raised it, or of a baseline risk (`BR1`).
    /// Planned measures are keyed by it.
    FindingId
);

impl From<&QuestionId> for FindingId {
    fn from(q: &QuestionId) -> Self {
        Self(q.0.clone())
    }
}

impl From<QuestionId> for FindingId {
    fn from(q: QuestionId) -> Self {
        Self(q.0)
    }
}

impl PartialEq<QuestionId> for FindingId {
    fn eq(&self, other: &QuestionId) -> bool {
        self.0 == other.0
    }
}

impl PartialEq<FindingId> for QuestionId {
    fn eq(&self, other: &FindingId) -> bool {
        self.0 == other.0
    }
}

impl From<&FindingId> for QuestionId {
    /// The question a finding belongs to (for a finding raised by an answer).
    fn from(f: &FindingId) -> Self {
        Self(f.0.clone())
    }
}
