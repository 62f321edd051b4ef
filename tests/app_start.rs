//! Starting the desktop app where it cannot open a window: both binaries say why and what to
//! do (in German and English, with the technical cause) and exit with 1, without hanging.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;

/// `bin` as it would start on a machine with no display, its app folder in `data`.
fn without_display(bin: &str, data: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("PLATTFORMCHECK_DATA_DIR", data);
    cmd
}

#[test]
fn without_a_display_both_binaries_explain_and_exit() {
    let data = tempfile::tempdir().expect("temp dir");
    for bin in [
        env!("CARGO_BIN_EXE_plattformcheck"),
        env!("CARGO_BIN_EXE_plattformcheck-app"),
    ] {
        let out = without_display(bin, data.path())
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{bin}: {stderr}");
        for expected in [
            "kann sein Fenster nicht öffnen",
            "cannot open its window",
            "OpenGL 2.0",
            // Each renderer tried, with its cause.
            "OpenGL: ",
            "plattformcheck export",
            // The cause, as the windowing library gave it.
            "DISPLAY",
        ] {
            assert!(
                stderr.contains(expected),
                "{bin}: no {expected:?} in {stderr}"
            );
        }
    }
}

#[test]
fn the_app_binary_takes_a_file_and_nothing_else_is_parsed() {
    // The file a double-click passes is opened by the app (where a missing file becomes a
    // message naming it); here the start fails first, and the file is left untouched.
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("Prüfung.pcheck");
    std::fs::write(&file, "keep me").expect("write");
    let out = without_display(env!("CARGO_BIN_EXE_plattformcheck-app"), data.path())
        .arg(&file)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "keep me");
}
