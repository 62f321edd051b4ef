//! Golden tests: each deliberately broken checklist in `tests/fixtures/invalid/` gives exactly the
//! problems in its `.expected` file (run with `UPDATE_GOLDEN=1` to rewrite them after a deliberate
//! change, then review the diff).

mod common;

use std::path::PathBuf;

use plattformcheck::checklist::load;

fn invalid_fixtures() -> Vec<PathBuf> {
    common::ron_files(&common::fixture("invalid"))
}

#[test]
fn broken_checklists_give_located_messages() {
    let files = invalid_fixtures();
    assert!(
        files.len() >= 6,
        "expected the broken fixtures, found {}",
        files.len()
    );
    for file in files {
        let (checklist, problems) = load::load_file(&file);
        // `warning_*` files load, with warnings; the others are refused.
        let warnings_only = file
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("warning_"));
        assert_eq!(
            checklist.is_some(),
            warnings_only,
            "{}: loads only if it has warnings only",
            file.display()
        );
        assert_eq!(
            problems.iter().any(|p| p.is_error()),
            !warnings_only,
            "{}: errors unless a warning_ file",
            file.display()
        );
        assert!(
            !problems.is_empty(),
            "{}: reports a problem",
            file.display()
        );
        assert!(
            problems.iter().all(|p| p.file == file),
            "{}: every problem names the file",
            file.display()
        );
        let actual: String = problems.iter().map(|p| format!("{p}\n")).collect();
        let golden = file.with_extension("expected");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &actual).expect("write golden file");
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("{} missing; run with UPDATE_GOLDEN=1", golden.display()));
        common::assert_text_eq(&expected, &actual, &file.display().to_string());
    }
}

#[test]
fn one_broken_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        common::fixture("valid/minimal.ron"),
        dir.path().join("a.ron"),
    )
    .expect("copy");
    std::fs::copy(
        common::fixture("invalid/semantic.ron"),
        dir.path().join("b.ron"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("c.ron"), [0xff, 0xfe, 0x00, 0x42]).expect("write garbage");
    let report = load::load_dir(dir.path());
    assert_eq!(report.checklists.len(), 1, "the valid file loads");
    assert!(
        report.problems.iter().any(|p| p.file.ends_with("b.ron")),
        "b.ron reported"
    );
    let garbage = report
        .problems
        .iter()
        .find(|p| p.file.ends_with("c.ron"))
        .expect("c.ron reported");
    assert!(
        garbage.message.contains("not UTF-8"),
        "binary file explained: {}",
        garbage.message
    );
}

#[test]
fn odd_unicode_and_huge_text_are_handled() {
    let source = std::fs::read_to_string(common::fixture("valid/minimal.ron")).expect("fixture");
    let odd = source.replace(
        "Ist die Rechtsgrundlage benannt?",
        "Ist die Rechtsgrundlage benannt? 🚀 漢字 \u{202e}rtl\u{202c} e\u{301} \u{200b}",
    );
    let (checklist, problems) = load::parse_str(std::path::Path::new("odd.ron"), &odd);
    assert!(
        checklist.is_some(),
        "odd Unicode in texts is fine: {problems:?}"
    );

    let huge = source.replace("Ist die Rechtsgrundlage benannt?", &"Ä".repeat(200_000));
    let (checklist, _) = load::parse_str(std::path::Path::new("huge.ron"), &huge);
    assert!(checklist.is_some(), "a very long text is fine");

    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.ron");
    std::fs::write(&big, vec![b' '; (load::MAX_CHECKLIST_BYTES + 1) as usize]).expect("write");
    let (checklist, problems) = load::load_file(&big);
    assert!(checklist.is_none(), "oversized file refused");
    assert!(
        problems[0].to_string().contains("big.ron"),
        "names the file: {}",
        problems[0]
    );
}

#[test]
fn a_checklist_with_a_byte_order_mark_loads() {
    let source = std::fs::read_to_string("tests/fixtures/valid/minimal.ron").expect("fixture");
    let (checklist, problems) = plattformcheck::checklist::load::parse_str(
        std::path::Path::new("bom.ron"),
        &format!("\u{feff}{source}"),
    );
    assert!(checklist.is_some(), "{problems:?}");
}
