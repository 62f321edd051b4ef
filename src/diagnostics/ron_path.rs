//! Finding where an element of the data, named by its path (`answers["A1.3"].choice`,
//! `matrix.likelihood_levels[2]`), is written in RON text, so that a problem found after parsing
//! can name its line.
//!
//! `ron` gives positions only for its own syntax errors, and no crate offers a RON syntax tree
//! with spans, so this is a small reader of RON's structure: it skips strings, characters and
//! comments and counts brackets, and understands no more than it needs to find a path. It never
//! fails loudly: text it cannot follow gives `None`, and the problem is reported without a line.

/// One step of a path into the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    /// A field of a struct: `metadata`, `date`.
    Field(&'a str),
    /// An entry of a map by its string key (`answers["A1.3"]`), or the element of a list whose
    /// `id` or `key` field is this text (`questions["A1.3"]` in a checklist).
    Key(&'a str),
    /// The element at this position of a list, 0-based.
    Index(usize),
}

/// The byte offset where the element reached through `steps` is written: a field's name, a map
/// entry's key, a list element's start (for [`Step::Key`] in a list, its `id:` or `key:` field).
pub fn find(text: &str, steps: &[Step<'_>]) -> Option<usize> {
    let mut reader = Reader { text, at: 0 };
    reader.blank();
    let mut found = reader.at;
    for step in steps {
        let value = reader.enter()?;
        found = match step {
            Step::Field(name) => reader.field(name)?,
            Step::Key(key) if value == b'{' => reader.map_key(key)?,
            Step::Key(key) => reader.element_with_id(key)?,
            Step::Index(index) => reader.element(*index)?,
        };
    }
    Some(found)
}

/// The 1-based line of the element reached through `steps` (see [`find`]).
pub fn line(text: &str, steps: &[Step<'_>]) -> Option<usize> {
    find(text, steps).map(|at| line_of(text, at))
}

/// The 1-based line of byte offset `at`.
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The steps of a path written as problems show it: `sections[2].questions["A4.1"]`,
/// `matrix.likelihood_levels[2]`. `None` for a path it cannot read (a key with `"` in it).
pub fn parse(path: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[\"") {
            let end = after.find("\"]")?;
            steps.push(Step::Key(&after[..end]));
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            steps.push(Step::Index(after[..end].parse().ok()?));
            rest = &after[end + 1..];
        } else {
            let rest_field = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_field.find(['.', '[']).unwrap_or(rest_field.len());
            if end == 0 {
                return None;
            }
            steps.push(Step::Field(&rest_field[..end]));
            rest = &rest_field[end..];
        }
    }
    Some(steps)
}

/// A position in the text, moving forward only.
struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    /// Skips white space and comments (`// …`, and `/* … */`, which RON lets nest).
    fn blank(&mut self) {
        loop {
            while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
                self.at += 1;
            }
            let rest = &self.bytes()[self.at..];
            if rest.starts_with(b"//") {
                self.at += rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
            } else if rest.starts_with(b"/*") {
                let mut depth = 0usize;
                while self.at < self.bytes().len() {
                    let rest = &self.bytes()[self.at..];
                    if rest.starts_with(b"/*") {
                        depth += 1;
                        self.at += 2;
                    } else if rest.starts_with(b"*/") {
                        depth -= 1;
                        self.at += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        self.at += 1;
                    }
                }
            } else {
                return;
            }
        }
    }

    /// Moves into the value at the position: past a struct name and any `Some(`, to just after
    /// its opening bracket. Returns that bracket.
    fn enter(&mut self) -> Option<u8> {
        self.blank();
        loop {
            let name = self.ident();
            self.blank();
            let open = self.peek()?;
            if !matches!(open, b'(' | b'[' | b'{') {
                return None;
            }
            self.at += 1;
            self.blank();
            if name != "Some" {
                return Some(open);
            }
        }
    }

    /// An identifier at the position (possibly empty), moving past it.
    fn ident(&mut self) -> &'a str {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
        {
            self.at += 1;
        }
        let text = self.text;
        text.get(start..self.at).unwrap_or("")
    }

    /// In a struct just entered: finds field `name` and returns where its name starts, leaving
    /// the position at its value.
    fn field(&mut self, name: &str) -> Option<usize> {
        self.entry(|r| {
            let ident = r.ident();
            (!ident.is_empty()).then_some(ident == name)
        })
    }

    /// In a map just entered: finds the entry with string key `key`, returning where the key
    /// starts and leaving the position at its value.
    fn map_key(&mut self, key: &str) -> Option<usize> {
        self.entry(|r| r.string().map(|k| k == key))
    }

    /// The `key: value` entry of a struct or map whose key `is_it` accepts (it reads the key and
    /// says whether it is the one; `None` for text that is no key): where the key starts, with
    /// the position left at its value.
    fn entry(&mut self, is_it: impl Fn(&mut Self) -> Option<bool>) -> Option<usize> {
        loop {
            self.blank();
            let start = self.at;
            let found = is_it(self)?;
            self.blank();
            if self.peek() != Some(b':') {
                return None;
            }
            self.at += 1;
            if found {
                self.blank();
                return Some(start);
            }
            self.next_entry()?;
        }
    }

    /// In a list just entered: moves to element `index`, returning where it starts.
    fn element(&mut self, index: usize) -> Option<usize> {
        for _ in 0..index {
            self.next_entry()?;
        }
        self.blank();
        matches!(self.peek(), Some(b) if b != b']').then_some(self.at)
    }

    /// In a list just entered: finds the element with the field `id: "key"` (or `key: "key"`),
    /// returning where that field starts and leaving the position at the element.
    fn element_with_id(&mut self, key: &str) -> Option<usize> {
        loop {
            self.blank();
            if matches!(self.peek(), None | Some(b']')) {
                return None;
            }
            let element = self.at;
            for name in ["id", "key"] {
                let mut probe = Reader {
                    text: self.text,
                    at: element,
                };
                if probe.enter() == Some(b'(')
                    && let Some(start) = probe.field(name)
                    && probe.string().as_deref() == Some(key)
                {
                    self.at = element;
                    return Some(start);
                }
            }
            self.next_entry()?;
        }
    }

    /// Skips the rest of the current value and its comma; `None` at the end of the enclosing
    /// bracket (or of the text).
    fn next_entry(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.blank();
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'r' if matches!(self.bytes().get(self.at + 1), Some(b'"' | b'#')) => {
                    self.raw_string()?;
                }
                b'\'' => self.char_literal()?,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.at += 1;
                }
                b')' | b']' | b'}' => {
                    if depth == 0 {
                        return None;
                    }
                    depth -= 1;
                    self.at += 1;
                }
                b',' if depth == 0 => {
                    self.at += 1;
                    self.blank();
                    return (!matches!(self.peek(), None | Some(b')' | b']' | b'}'))).then_some(());
                }
                _ => self.at += 1,
            }
        }
    }

    /// A `"…"` string at the position, unescaped, moving past it.
    fn string(&mut self) -> Option<String> {
        if self.peek() == Some(b'r') {
            return self.raw_string();
        }
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let c = self.text.get(self.at..)?.chars().next()?;
            self.at += c.len_utf8();
            match c {
                '"' => return Some(out),
                '\\' => out.push(self.escape()?),
                c => out.push(c),
            }
        }
    }

    /// The character of an escape after its backslash.
    fn escape(&mut self) -> Option<char> {
        let c = self.text.get(self.at..)?.chars().next()?;
        self.at += c.len_utf8();
        Some(match c {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            'x' => {
                let hex = self.text.get(self.at..self.at + 2)?;
                self.at += 2;
                char::from(u8::from_str_radix(hex, 16).ok()?)
            }
            'u' => {
                let rest = self.text.get(self.at..)?.strip_prefix('{')?;
                let end = rest.find('}')?;
                let code = u32::from_str_radix(&rest[..end], 16).ok()?;
                self.at += end + 2;
                char::from_u32(code)?
            }
            other => other,
        })
    }

    /// A raw string `r"…"` / `r#"…"#` at the position, moving past it.
    fn raw_string(&mut self) -> Option<String> {
        self.at += 1;
        let hashes = self.bytes()[self.at..]
            .iter()
            .take_while(|b| **b == b'#')
            .count();
        self.at += hashes;
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = self.text.get(self.at..)?.find(&close)?;
        let content = self.text[self.at..self.at + end].to_owned();
        self.at += end + close.len();
        Some(content)
    }

    /// A `'c'` character literal at the position, moving past it.
    fn char_literal(&mut self) -> Option<()> {
        self.at += 1;
        if self.peek() == Some(b'\\') {
            self.at += 1;
            self.escape()?;
        } else {
            let c = self.text.get(self.at..)?.chars().next()?;
            self.at += c.len_utf8();
        }
        (self.peek() == Some(b'\'')).then(|| self.at += 1)
    }
}

#[cfg(test)]
mod tests {
    use super::{Step, line, parse};

    const TEXT: &str = r##"// comment with "quotes" and (brackets
Assessment(
    format_version: 1,
    /* a (nested /* block */ comment */
    checklist: Checklist(id: "tiktok", version: "1.0.0"),
    metadata: Metadata(
        public_body: "Stadt \"X\" (Nord), [a]",
        date: Some("2026-11-22"),
    ),
    answers: {
        "A1.1": Answer(choice: "ja", justification: r#"raw ") text"#),
        "A1.2":
            Answer(
                choice: "nein",
            ),
    },
    levels: [
        (de: "a", en: "a"),
        (de: "b", en: 'x'),
        (de: "c", en: ""),
    ],
    sections: [Section(id: "S1"), Section(
        id: "S2",
    )],
)
"##;

    fn at(path: &str) -> Option<usize> {
        line(TEXT, &parse(path).expect("path parses"))
    }

    #[test]
    fn finds_fields_keys_and_elements() {
        assert_eq!(at("format_version"), Some(3));
        assert_eq!(at("checklist.version"), Some(5));
        assert_eq!(
            at("metadata.date"),
            Some(8),
            "past a string with quotes and brackets"
        );
        assert_eq!(at("answers[\"A1.2\"]"), Some(12), "past a raw string");
        assert_eq!(at("answers[\"A1.2\"].choice"), Some(14));
        assert_eq!(at("levels[2]"), Some(20), "past a char literal");
        assert_eq!(at("sections[\"S2\"]"), Some(23), "element by id");
        assert_eq!(at("sections[1]"), Some(22), "element start");
        assert_eq!(
            at("sections[\"S2\"].id"),
            Some(23),
            "into an element found by id"
        );
    }

    #[test]
    fn missing_paths_give_none() {
        assert_eq!(at("answers[\"A9.9\"]"), None);
        assert_eq!(at("levels[3]"), None);
        assert_eq!(at("metadata.unit"), None);
        assert_eq!(at("format_version.x"), None);
        assert_eq!(line("(a: \"unterminated", &[Step::Field("b")]), None);
        assert_eq!(line("", &[Step::Field("b")]), None);
    }

    #[test]
    fn paths_parse_as_problems_write_them() {
        assert_eq!(
            parse("sections[2].questions[\"A4.1\"].text"),
            Some(vec![
                Step::Field("sections"),
                Step::Index(2),
                Step::Field("questions"),
                Step::Key("A4.1"),
                Step::Field("text"),
            ])
        );
        assert_eq!(parse("a..b"), None);
        assert_eq!(parse("a[x]"), None);
    }
}
