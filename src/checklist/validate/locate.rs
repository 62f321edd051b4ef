//! Finding the line of an element in the checklist text, from the path of ids that leads to it.

use std::collections::HashMap;

/// Where the ids (`id: "…"`, `key: "…"`) and the lines of a checklist text are, found in one
/// pass, so that locating each of thousands of problems is a look-up rather than a search of the
/// whole text.
pub(super) struct SourceIndex<'a> {
    source: &'a str,
    /// Byte offsets of the quoted ids, by id, in text order.
    ids: HashMap<&'a str, Vec<usize>>,
    /// Byte offset where each line starts.
    lines: Vec<usize>,
}

impl<'a> SourceIndex<'a> {
    pub(super) fn new(source: &'a str) -> Self {
        let mut ids: HashMap<&str, Vec<usize>> = HashMap::new();
        let bytes = source.as_bytes();
        for (at, _) in source.match_indices('"') {
            let before = source[..at].trim_end();
            if !(before.ends_with("id:") || before.ends_with("key:")) {
                continue;
            }
            let rest = &source[at + 1..];
            if let Some(end) = rest.find('"') {
                ids.entry(&rest[..end]).or_default().push(at);
            }
        }
        let lines = std::iter::once(0)
            .chain(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Self { source, ids, lines }
    }

    /// The 1-based line where the element reached through `anchors` starts: each anchor is an
    /// id, found after the previous anchor's position, so `["A4.1", "nein"]` finds the `nein`
    /// option of question A4.1.
    pub(super) fn locate(&self, anchors: &[&str]) -> Option<usize> {
        if anchors.is_empty() {
            return None;
        }
        let mut from = 0;
        for anchor in anchors {
            let positions = self.ids.get(anchor)?;
            let i = positions.partition_point(|p| *p < from);
            from = *positions.get(i)?;
        }
        Some(self.line_of(from))
    }

    /// The 1-based line of byte offset `at`.
    fn line_of(&self, at: usize) -> usize {
        self.lines.partition_point(|start| *start <= at)
    }

    /// The text of 1-based line `line`.
    pub(super) fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.lines.get(line.checked_sub(1)?)?;
        let end = self
            .lines
            .get(line)
            .map_or(self.source.len(), |next| next - 1);
        self.source
            .get(start..end)
            .map(|l| l.trim_end_matches('\r'))
    }
}

/// The 1-based line where the element reached through `anchors` starts (see
/// [`SourceIndex::locate`]; this indexes `source` for one look-up).
#[cfg(test)]
pub(super) fn locate(source: &str, anchors: &[&str]) -> Option<usize> {
    SourceIndex::new(source).locate(anchors)
}

/// The line of the first `field:` named by the last segment of a plain path such as
/// `matrix.cells` or `date`, for problems that concern a field rather than an element with an id.
pub(super) fn locate_field(source: &str, path: &str) -> Option<usize> {
    let field = path.rsplit('.').next()?;
    if field.is_empty() || !field.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return None;
    }
    source
        .lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(field)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::{locate, locate_field};

    #[test]
    fn locate_field_finds_plain_fields() {
        let src = "(
      id: \"x\",
      matrix: (
    cells: [],
      ),
    )";
        assert_eq!(locate_field(src, "matrix.cells"), Some(4), "nested field");
        assert_eq!(
            locate_field(src, "sections[2].questions[\"A\"]"),
            None,
            "indexed paths use anchors"
        );
    }

    #[test]
    fn locate_follows_anchors() {
        let src =
            "(\n id: \"A\",\n options: [\n  (id: \"x\"),\n ],\n id: \"B\",\n  (id: \"x\"),\n)";
        assert_eq!(locate(src, &["A"]), Some(2), "question A on line 2");
        assert_eq!(locate(src, &["B", "x"]), Some(7), "option x of B on line 7");
        assert_eq!(locate(src, &["C"]), None, "missing id");
    }

    #[test]
    fn locate_ignores_references() {
        let src = "(\n when: (question: \"A\"),\n id: \"A\",\n)";
        assert_eq!(
            locate(src, &["A"]),
            Some(3),
            "the definition, not the reference"
        );
    }
}
