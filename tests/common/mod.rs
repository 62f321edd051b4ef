//! Helpers shared by the integration tests: fixture paths, running the binary, readable asserts.
#![allow(dead_code)] // Each test crate uses a different subset.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A path below `tests/fixtures`, relative to the package root (cargo's working directory for
/// tests), so that messages naming it are the same on every machine.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new("tests/fixtures").join(rel)
}

/// Runs the `plattformcheck` binary with `args` in `dir` (the package root when `None`).
pub fn run(args: &[&str], dir: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plattformcheck"));
    cmd.args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    cmd.output().expect("the plattformcheck binary runs")
}

/// Exit code, stdout and stderr of a run, as text.
pub fn outcome(out: &Output) -> (Option<i32>, String, String) {
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts that two multi-line texts are equal, printing both as blocks when they are not.
#[track_caller]
pub fn assert_text_eq(expected: &str, actual: &str, what: &str) {
    assert!(
        expected == actual,
        "{what}: texts differ\n----- expected -----\n{expected}\n----- actual -----\n{actual}\n--------------------"
    );
}

/// The `*.ron` files directly in `dir`, sorted by name.
pub fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// The first option of `q` that gives a finding, or "unknown" if none does: what the stress
/// tests answer to make every question risky.
pub fn risky_choice(q: &plattformcheck::checklist::Question) -> plattformcheck::choice::Choice {
    use plattformcheck::choice::Choice;
    q.options
        .iter()
        .find(|o| o.finding.is_some())
        .map_or(Choice::Unknown, |o| Choice::Option(o.id.clone()))
}

/// Opens an assessment file with its built-in checklist, as the command line does.
pub fn open_assessment(
    path: &Path,
    checklist_file: Option<&Path>,
) -> Result<
    (
        plattformcheck::checklist::Checklist,
        plattformcheck::assessment::Assessment,
    ),
    String,
> {
    plattformcheck::session::open_file(path, checklist_file)
        .map(plattformcheck::session::Session::into_parts)
        .map_err(|e| e.to_string())
}

/// The 0-based position of option `id` among the options of question `q`.
pub fn option_index(doc: &plattformcheck::session::Session, q: &str, id: &str) -> usize {
    let question = doc.wizard().checklist().question(q).expect("question");
    question
        .options
        .iter()
        .position(|o| o.id == id)
        .expect("option")
}

/// The label of option `id` of question `q` as the question screen shows it ("2   Nein").
pub fn option_label(doc: &plattformcheck::session::Session, q: &str, id: &str) -> String {
    let i = option_index(doc, q, id);
    let question = doc.wizard().checklist().question(q).expect("question");
    format!("{}   {}", i + 1, question.options[i].label.de)
}

/// The app in an `egui_kittest` harness of `size` points, with the app's fonts.
pub fn harness(
    app: plattformcheck::ui::App,
    size: egui::Vec2,
) -> egui_kittest::Harness<'static, plattformcheck::ui::App> {
    egui_kittest::Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .with_context_setup(plattformcheck::ui::style::install_fonts)
        .build_ui_state(|ui, app: &mut plattformcheck::ui::App| app.show(ui), app)
}

/// A fresh app with its data folder in `data`.
pub fn app(data: &Path) -> plattformcheck::ui::App {
    plattformcheck::ui::App::new(
        plattformcheck::ui::Prefs::default(),
        Some(data.to_path_buf()),
    )
}
