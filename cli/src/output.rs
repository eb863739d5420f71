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

/// Reports a failure that prevents running, on one line, and returns exit code 2.
pub fn fail(what: &str, err: &dyn std::fmt::Display) -> ExitCode {
    let _ = writeln!(io::stderr(), "zfxxgk: {what}: {err}");
    ExitCode::from(EXIT_CANNOT_RUN)
}

/// `error: [code] message` for a core error, naming the input.
pub fn fail_error(what: &str, err: &zfxxgk::Error) -> ExitCode {
    let _ = writeln!(io::stderr(), "zfxxgk: {what}: [{}] {err}", err.code());
    ExitCode::from(EXIT_CANNOT_RUN)
}
