//! Finding the line of an element in the checklist text, from the path of ids that leads to it.

/// The 1-based line where the element reached through `anchors` starts.
///
/// Each anchor is an id; it is searched as `id: "…"` (or `key: "…"`) after the previous anchor's
/// position, so `["A4.1", "nein"]` finds the `nein` option of question A4.1.
pub(super) fn locate(source: &str, anchors: &[&str]) -> Option<usize> {
    if anchors.is_empty() {
        return None;
    }
    let mut from = 0;
    for anchor in anchors {
        let needle = format!("\"{anchor}\"");
        let mut found = None;
        let mut search = from;
        while let Some(rel) = source.get(search..)?.find(&needle) {
            let at = search + rel;
            let before = source.get(..at)?.trim_end();
            if before.ends_with("id:") || before.ends_with("key:") {
                found = Some(at);
                break;
            }
            search = at + needle.len();
        }
        from = found?;
    }
    Some(source.get(..from)?.matches('\n').count() + 1)
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
