//! The module boundaries hold: only `src/ui/` (and `src/ui.rs`) use egui or eframe, and only
//! `src/report/pdf.rs` and its submodules use printpdf and the crates it writes through (lopdf,
//! allsorts, flate2); the front ends go through the session layer; no file or function is too
//! long.
//! Comments may mention them; code may not.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("readable folder")
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of code (comments stripped) that mention `name` as a path or import.
fn uses(path: &Path, names: &[&str]) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("readable file");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .filter(|code| {
            names
                .iter()
                .any(|n| code.contains(&format!("{n}::")) || code.contains(&format!("use {n}")))
        })
        .map(|code| format!("{}: {}", path.display(), code.trim()))
        .collect()
}

#[test]
fn egui_only_in_the_ui_and_printpdf_only_in_the_pdf_module() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    assert!(files.len() > 20, "source files found: {}", files.len());
    let mut violations = Vec::new();
    for file in &files {
        let in_ui = file.starts_with("src/ui") || file == Path::new("src/ui.rs");
        if !in_ui {
            violations.extend(uses(file, &["egui", "eframe"]));
        }
        if file != Path::new("src/report/pdf.rs") && !file.starts_with("src/report/pdf/") {
            violations.extend(uses(file, &["printpdf", "lopdf", "allsorts", "flate2"]));
        }
    }
    assert!(
        violations.is_empty(),
        "boundary violations:\n{}",
        violations.join("\n")
    );
}

/// The front ends open, save and export only through `session`, the use-case layer: neither
/// reads or writes assessment files nor builds reports itself.
#[test]
fn front_ends_use_the_session_layer_for_files_and_reports() {
    let mut files = vec![PathBuf::from("src/cli.rs"), PathBuf::from("src/ui.rs")];
    rust_files(Path::new("src/ui"), &mut files);
    let forbidden = [
        "store::load",
        "store::parse",
        "store::save",
        "write_atomic",
        "write_report",
        "report::build",
        "report::pdf",
        "builtin::load(",
    ];
    let mut violations = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable file");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if let Some(f) = forbidden.iter().find(|f| code.contains(*f)) {
                violations.push(format!(
                    "{}:{}: {f}: {}",
                    file.display(),
                    n + 1,
                    code.trim()
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "front ends bypass the session layer:\n{}",
        violations.join("\n")
    );
}

/// No source file over 800 lines (functions over 100 lines are clippy's `too_many_lines`).
#[test]
fn no_source_file_is_over_800_lines() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    rust_files(Path::new("tests"), &mut files);
    rust_files(Path::new("benches"), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f)
                .expect("readable")
                .lines()
                .count();
            (n > 800).then(|| format!("{}: {n} lines", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over 800 lines:\n{}",
        long.join("\n")
    );
}

/// Views draw what they are given: the screens read `ui::state::View` and never import the app,
/// so there is no import cycle between the app and its screens.
#[test]
fn screens_do_not_import_the_app() {
    let mut files = vec![
        PathBuf::from("src/ui/screens.rs"),
        PathBuf::from("src/ui/state.rs"),
        PathBuf::from("src/ui/widgets.rs"),
    ];
    rust_files(Path::new("src/ui/screens"), &mut files);
    let mut violations = Vec::new();
    for file in &files {
        violations.extend(uses(file, &["ui::app", "super::app", "crate::ui::App"]));
    }
    assert!(
        violations.is_empty(),
        "screens import the app:\n{}",
        violations.join("\n")
    );
}
