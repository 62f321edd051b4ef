//! `plattformcheck-app`: the desktop app alone, for the Start menu and double-clicked files.
//!
//! On Windows it is a GUI-subsystem program, so no console window opens beside it; with no
//! console to print to, a failed start is explained in a message box. Its only argument is an
//! optional file to open (an assessment, or a checklist to begin one with).

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    // Explorer passes exactly one file ("%1"); anything more is not ours to interpret.
    let mut args = std::env::args_os().skip(1);
    let file = args.next().map(std::path::PathBuf::from);
    plattformcheck::ui::launch(file.as_deref())
}
