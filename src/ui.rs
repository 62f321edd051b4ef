//! The desktop app (eframe/egui), a thin layer over the domain core. Only this subtree imports
//! egui or eframe. Views draw and return [`action::Action`]s; [`App::apply`] carries them out.

pub mod action;
pub mod app;
pub mod command;
pub mod files;
mod launch;
mod open;
pub mod prefs;
mod review;
pub mod screens;
pub mod state;
pub mod style;
pub mod widgets;
mod workshop;

pub use app::{App, Prefs};
pub use launch::{launch, run, start_failure};

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
