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
    if let Some(file) = cli.file.as_ref().filter(|f| !f.exists()) {
        // A mistyped command lands here as a file name: say both.
        eprintln!(
            "plattformcheck: `{}` is neither a command nor an existing file; see plattformcheck --help",
            plattformcheck::text::printable(&file.display().to_string())
        );
        return ExitCode::from(cli::EXIT_USAGE);
    }
    match cli.command {
        Some(command) => cli::run(command),
        None => plattformcheck::ui::launch(cli.file.as_deref()),
    }
}
