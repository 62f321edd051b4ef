//! The `plattformcheck` binary: the command line, or (without a command) the desktop app.

use std::process::ExitCode;

use clap::Parser as _;
use plattformcheck::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => cli::run(command),
        None => {
            // TODO(desktop): start the eframe app here; until it exists, explain the commands.
            println!(
                "Plattform-Check: the desktop app is not part of this build yet; use the commands below.\n"
            );
            let _ = <Cli as clap::CommandFactory>::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
