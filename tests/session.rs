//! The use-case layer: opening, unsaved-change tracking, saving, recovering and exporting, as
//! every front end uses them.

use std::path::Path;

use plattformcheck::fsio::report_target::ReportWriteError;
use plattformcheck::session::{
    ExportError, ExportFormat, Library, OpenError, SaveError, Session, autosave,
};
use plattformcheck::text::Lang;

const EXAMPLE: &str = "assets/examples/stadt-musterstadt-tiktok.ron";

fn example_text() -> String {
    std::fs::read_to_string(EXAMPLE).expect("example")
}

#[test]
fn changes_make_it_unsaved_and_undoing_them_saved_again() {
    let library = Library::lazy();
    let mut s = Session::open_text(&library, Path::new(EXAMPLE), &example_text()).expect("opens");
    assert!(!s.is_dirty(), "freshly opened");
    assert!(s.path().is_none(), "an example is an unsaved copy");
    s.wizard_mut().answer("A1.1", "unbekannt");
    assert!(s.is_dirty(), "changed");
    assert!(s.wizard_mut().undo(), "undo");
    assert!(!s.is_dirty(), "back at the opened state");
    assert!(matches!(s.save(), Err(SaveError::NoPath)), "no file yet");
}

#[test]
fn save_as_then_open_gives_the_same_assessment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    let library = Library::lazy();
    let mut s = Session::open_text(&library, Path::new(EXAMPLE), &example_text()).expect("opens");
    s.wizard_mut().answer("A1.1", "unbekannt");
    s.save_as(&path).expect("saves");
    assert!(!s.is_dirty(), "saved");
    assert_eq!(s.path(), Some(path.as_path()), "belongs to the file now");
    let again = Session::open(&library, &path).expect("reopens");
    assert_eq!(again.assessment(), s.assessment(), "same content");
    assert_eq!(again.path(), Some(path.as_path()));
}

#[test]
fn recovered_work_counts_as_unsaved_and_keeps_its_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::lazy();
    let mut s = Session::open_text(&library, Path::new(EXAMPLE), &example_text()).expect("opens");
    s.save_as(&dir.path().join("a.ron")).expect("saves");
    s.wizard_mut().answer("A1.1", "unbekannt");
    let file = dir.path().join(autosave::FILE_NAME);
    s.autosave(&file, "2026-12-01 10:00".into())
        .expect("autosave");
    let found = autosave::read(&file).expect("readable").expect("present");
    let back = Session::recover(&library, found).expect("recovers");
    assert!(back.is_dirty(), "still to be saved");
    assert_eq!(back.path(), s.path(), "belongs to the same file");
    assert_eq!(back.assessment(), s.assessment(), "the work");
}

#[test]
fn a_damaged_autosave_is_reported_and_kept_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join(autosave::FILE_NAME);
    std::fs::write(&file, "Autosave(saved_at: \"x\", path: None, assess").expect("write");
    let err = autosave::read(&file).expect_err("damaged");
    let message = err.to_string();
    assert!(
        message.contains("autosave.ron: the autosave file is damaged"),
        "{message}"
    );
    assert!(
        message.contains("autosave.ron.damaged"),
        "says where it is: {message}"
    );
    assert!(!file.exists(), "the next autosave cannot overwrite it");
    let aside = dir.path().join("autosave.ron.damaged");
    assert!(
        std::fs::read_to_string(aside)
            .expect("kept")
            .contains("assess"),
        "the damaged copy is kept as it was"
    );
}

#[test]
fn a_missing_checklist_and_a_mismatch_are_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::lazy();
    let other = example_text().replace("id: \"tiktok\"", "id: \"gibt-es-nicht\"");
    let err = Session::open_text(&library, Path::new("x.ron"), &other).expect_err("missing");
    assert!(
        matches!(&err, OpenError::ChecklistMissing { id, .. } if id == "gibt-es-nicht"),
        "{err}"
    );
    let old = example_text().replace("version: \"", "version: \"0.");
    let path = dir.path().join("alt.ron");
    std::fs::write(&path, old).expect("write");
    let err = Session::open(&library, &path).expect_err("mismatch");
    assert!(matches!(err, OpenError::Mismatch { .. }), "{err}");
}

#[test]
fn export_refuses_the_sessions_own_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    std::fs::copy(EXAMPLE, &path).expect("copy");
    let s = Session::open(&Library::lazy(), &path).expect("opens");
    let err = s
        .export(ExportFormat::Pdf, Lang::De, &path)
        .expect_err("refused");
    assert!(
        matches!(err, ExportError::Write(ReportWriteError::IsSource { .. })),
        "{err}"
    );
    let pdf = dir.path().join("a.pdf");
    let done = s
        .export(ExportFormat::Pdf, Lang::En, &pdf)
        .expect("exports");
    assert_eq!(done.path, pdf);
    assert!(done.bytes.starts_with(b"%PDF-"), "a PDF");
    assert_eq!(
        std::fs::read(&pdf).expect("written"),
        done.bytes,
        "as written"
    );
}

/// Someone else saved the file since it was opened: Save refuses and changes nothing; saving
/// over it on purpose keeps the other version as the backup.
#[test]
fn a_change_on_disk_is_not_overwritten_by_save() {
    use plattformcheck::session::{SaveError, Session};
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("A.ron");
    std::fs::copy("assets/examples/stadt-musterstadt-tiktok.ron", &file).expect("copy");
    let mut mine = Session::open(&plattformcheck::session::Library::lazy(), &file).expect("open");
    let mut theirs = Session::open(&plattformcheck::session::Library::lazy(), &file).expect("open");
    theirs.wizard_mut().apply(plattformcheck::edit::Edit::Meta(
        plattformcheck::edit::MetaField::Unit,
        "Ihre Änderung".into(),
    ));
    theirs.save().expect("they save first");
    let their_text = std::fs::read_to_string(&file).expect("read");
    assert!(mine.changed_on_disk(), "my session notices their save");
    mine.wizard_mut().apply(plattformcheck::edit::Edit::Meta(
        plattformcheck::edit::MetaField::Account,
        "@meine".into(),
    ));
    let err = mine.save().expect_err("refused");
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
    assert!(err.to_string().contains("A.ron"), "names the file: {err}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        their_text,
        "theirs intact"
    );
    mine.save_overwriting().expect("overwrite on purpose");
    assert_eq!(
        std::fs::read_to_string(plattformcheck::store::backup_path(&file)).expect("backup"),
        their_text,
        "their version is the backup"
    );
    assert!(
        !mine.changed_on_disk(),
        "after my save the file is mine again"
    );
    mine.save().expect("a later save needs no confirmation");
}
