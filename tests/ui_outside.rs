//! The app and the world outside it: files dropped on the window open (an assessment, or a
//! checklist to begin one with), assessments get their own extension, and the preferences are
//! written to the app's folder as soon as they change.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use plattformcheck::ui::action::{Action, ChecklistChoice, Edit};
use plattformcheck::ui::state::Dialog;
use plattformcheck::ui::{App, Prefs};

/// A file dropped on the window, as egui-winit hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut egui_kittest::Harness<'_, App>, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    h.run();
}

/// An example saved under the app's own extension.
fn saved_example(dir: &Path) -> PathBuf {
    let mut app = App::new(Prefs::default(), Some(dir.join("data")));
    app.apply(Action::OpenExample(0));
    let name = plattformcheck::ui::files::default_file_name("@stadt");
    assert!(name.ends_with(".pcheck"), "own extension: {name}");
    let file = dir.join(name);
    assert!(app.save_to(&file), "{:?}", app.messages);
    drop(app); // releases the file's lock
    file
}

#[test]
fn a_dropped_assessment_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = saved_example(dir.path());
    let app = App::new(Prefs::default(), Some(dir.path().join("data2")));
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    h.run();
    drop_file(&mut h, &file);
    let doc = h.state().doc.as_ref().expect("the dropped file is open");
    assert_eq!(doc.path(), Some(file.as_path()));
    assert!(
        h.state().messages.iter().all(|m| !m.error),
        "{:?}",
        h.state().messages
    );
}

#[test]
fn a_dropped_checklist_begins_an_assessment_with_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = App::new(Prefs::default(), Some(dir.path().to_path_buf()));
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    h.run();
    let checklist = std::fs::canonicalize("tests/fixtures/valid/minimal.ron").expect("fixture");
    drop_file(&mut h, &checklist);
    let doc = h.state().doc.as_ref().expect("a new assessment");
    assert_eq!(doc.path(), None, "new, not yet saved");
    assert_eq!(doc.checklist_file(), Some(checklist.as_path()));
}

#[test]
fn dropping_a_file_on_unsaved_work_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = saved_example(dir.path());
    let mut app = App::new(Prefs::default(), Some(dir.path().join("data2")));
    app.apply(Action::New(ChecklistChoice::Builtin(
        "soziale-netzwerke".into(),
    )));
    app.apply(Action::Edit(Edit::Answer {
        question: "B1.1".into(),
        choice: "ja".into(),
    }));
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    h.run();
    drop_file(&mut h, &file);
    assert!(
        matches!(h.state().dialog, Some(Dialog::ConfirmLeave(_))),
        "asks before leaving unsaved work: {:?}",
        h.state().dialog
    );
    assert_eq!(
        h.state().doc.as_ref().and_then(|d| d.path()),
        None,
        "still the new assessment"
    );
}

#[test]
fn a_dropped_damaged_file_is_named_in_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("kaputt.pcheck");
    std::fs::write(&file, "Assessment(format: 2, ").expect("write");
    let app = App::new(Prefs::default(), Some(dir.path().join("data")));
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    h.run();
    drop_file(&mut h, &file);
    assert!(h.state().doc.is_none(), "nothing opened");
    assert!(
        h.state()
            .messages
            .iter()
            .any(|m| m.error && m.text.contains("kaputt.pcheck")),
        "{:?}",
        h.state().messages
    );
}

#[test]
fn preferences_are_written_when_they_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let app = App::new(Prefs::default(), Some(data.clone()));
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    h.run();
    let prefs_file = data.join(plattformcheck::ui::prefs::FILE_NAME);
    assert!(
        !prefs_file.exists(),
        "nothing written while nothing changed"
    );
    h.state_mut().apply(Action::SetDark(true));
    h.run();
    let loaded = plattformcheck::ui::prefs::load(&data, None);
    assert!(loaded.prefs.dark, "written at once, not only on exit");

    // The recent files are preferences too: a saved file is remembered at once.
    let file = saved_example(dir.path());
    h.state_mut().apply(Action::Open(file.clone()));
    h.run();
    let loaded = plattformcheck::ui::prefs::load(&data, None);
    assert_eq!(loaded.prefs.recent.first(), Some(&file));
}
