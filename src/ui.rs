//! The desktop app (eframe/egui), a thin layer over the domain core. Only this subtree imports
//! egui or eframe. Views draw and return [`action::Action`]s; [`App::apply`] carries them out.

pub mod action;
pub mod app;
pub mod command;
pub mod files;
mod open;
pub mod prefs;
mod review;
pub mod screens;
pub mod state;
pub mod style;
pub mod widgets;
mod workshop;

pub use app::{App, Prefs};

/// The example assessments, built in so that workshops work wherever the program is installed.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "stadt-musterstadt-tiktok.ron",
        include_str!("../assets/examples/stadt-musterstadt-tiktok.ron"),
    ),
    (
        "gymnasium-tiktok-knockout.ron",
        include_str!("../assets/examples/gymnasium-tiktok-knockout.ron"),
    ),
    (
        "ministerium-tiktok-untergrenze.ron",
        include_str!("../assets/examples/ministerium-tiktok-untergrenze.ron"),
    ),
    (
        "polizei-instagram.ron",
        include_str!("../assets/examples/polizei-instagram.ron"),
    ),
    (
        "stadt-fediverse-mastodon.ron",
        include_str!("../assets/examples/stadt-fediverse-mastodon.ron"),
    ),
    (
        "jugendamt-messenger.ron",
        include_str!("../assets/examples/jugendamt-messenger.ron"),
    ),
];

/// The trainer's notes of each example (same order as [`EXAMPLES`]), for the workshop's
/// comparison ("Auflösung zeigen").
pub const TRAINER_NOTES: &[&str] = &[
    include_str!("../assets/examples/trainer/stadt-musterstadt-tiktok.ron"),
    include_str!("../assets/examples/trainer/gymnasium-tiktok-knockout.ron"),
    include_str!("../assets/examples/trainer/ministerium-tiktok-untergrenze.ron"),
    include_str!("../assets/examples/trainer/polizei-instagram.ron"),
    include_str!("../assets/examples/trainer/stadt-fediverse-mastodon.ron"),
    include_str!("../assets/examples/trainer/jugendamt-messenger.ron"),
];

/// The app id (X11 `WM_CLASS` / Wayland app id); also names eframe's storage folder.
pub const APP_ID: &str = "de.plattform-check.PlattformCheck";

/// Runs the app (see [`run`]); if its window cannot open, says why and what to do, on the
/// console and, on Windows, in a message box (the GUI binary has no console).
pub fn launch(file: Option<&std::path::Path>) -> std::process::ExitCode {
    match run(file) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            let text = start_failure(&err.to_string());
            eprintln!("plattformcheck: cannot start the desktop app: {err}\n\n{text}");
            show_start_failure(&text);
            std::process::ExitCode::FAILURE
        }
    }
}

/// The message of a failed start: both languages (the preferences may be what failed to
/// load), then the technical cause.
pub fn start_failure(cause: &str) -> String {
    format!(
        "{}\n\n{}\n\n({})",
        crate::i18n::ui::DE.start_failed,
        crate::i18n::ui::EN.start_failed,
        crate::text::printable(cause)
    )
}

#[cfg(windows)]
fn show_start_failure(text: &str) {
    // The system's own message box (MessageBoxW): it needs no OpenGL and no console.
    let _shown: rfd::MessageDialogResult = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Plattform-Check")
        .set_description(text)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

#[cfg(not(windows))]
fn show_start_failure(_text: &str) {
    // Linux and macOS users start it from a terminal or a desktop file whose output the
    // session logs; rfd's dialog there needs a portal or zenity, which may be the very thing
    // that is missing, and can block.
}

/// Opens the window and runs the app until it is closed; `file` (from the command line or a
/// double-click) is opened first: an assessment, or a checklist file to begin one with.
pub fn run(file: Option<&std::path::Path>) -> eframe::Result {
    let file = file.map(std::path::Path::to_path_buf);
    let started = std::time::Instant::now();
    // Parsing the built-in checklists (some 800 KB of RON) takes milliseconds; the window and its
    // GL context take longer, so both happen at once.
    let builtins = std::thread::spawn(crate::builtin::load_all);
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Plattform-Check")
        .with_app_id(APP_ID)
        .with_inner_size([1200.0, 780.0])
        .with_min_inner_size([960.0, 600.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let dir = files::data_dir();
    let loaded = dir
        .as_deref()
        .map(|d| prefs::load(d, prefs::old_storage_file().as_deref()));
    let options = eframe::NativeOptions {
        viewport,
        // eframe's own state (window size and place) in the app's one folder, too.
        persistence_path: dir.as_ref().map(|d| d.join(prefs::WINDOW_FILE)),
        ..Default::default()
    };
    eframe::run_native(
        "Plattform-Check",
        options,
        Box::new(|cc| {
            style::install_fonts(&cc.egui_ctx);
            let (prefs, problem) =
                loaded.map_or_else(|| (Prefs::default(), None), |l| (l.prefs, l.problem));
            let library = builtins.join().map_or_else(
                |_| crate::session::Library::with_builtins(),
                crate::session::Library::from_builtins,
            );
            let mut app = App::with_library(prefs, dir, library);
            if let Some(problem) = problem {
                app.error(problem);
            }
            // `PLATTFORMCHECK_TIMING=1` prints the time to the first frame (for the benchmark
            // figures in the README).
            app.started = std::env::var_os("PLATTFORMCHECK_TIMING").map(|_| started);
            if let Some(file) = &file {
                app.open_any(file);
            }
            Ok(Box::new(app))
        }),
    )
}
