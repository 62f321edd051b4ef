//! The `plattformcheck` binary: the command line, or (without a command) the desktop app.
//! Errors are printed once, here at the edge.

use std::process::ExitCode;

use clap::Parser as _;
use plattformcheck::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return cli::usage(&err),
    };
    match cli.command {
        Some(command) => cli::run(command),
        None => match plattformcheck::ui::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("plattformcheck: cannot start the desktop app: {err}");
                ExitCode::FAILURE
            }
        },
    }
}
