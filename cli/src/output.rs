//! Writing results: stdout that tolerates a closed pipe, and one-line errors on stderr.

use std::io::{self, Write};
use std::process::ExitCode;

/// Exit code for "could not run".
pub const EXIT_CANNOT_RUN: u8 = 2;

/// Writes a line to stdout; a closed pipe (`zfxxgk check … | head`) ends the program quietly
/// instead of panicking.
pub fn line(out: &mut impl Write, text: &str) {
    if writeln!(out, "{text}").is_err() {
        std::process::exit(0);
    }
}

/// Reports an error that prevents running as one line on stderr, `code: input: message` (or
/// `code: message` when no input is named), and returns exit code 2. Every subcommand reports
/// this way, so scripts can read the code from the start of the line.
pub fn fail_error(what: Option<&str>, err: &zfxxgk::Error) -> ExitCode {
    let message = err.to_string().replace(['\n', '\r'], " ");
    let line = match what {
        Some(what) => format!("{}: {what}: {message}\n", err.code()),
        None => format!("{}: {message}\n", err.code()),
    };
    let _ = io::stderr().write_all(line.as_bytes());
    ExitCode::from(EXIT_CANNOT_RUN)
}
