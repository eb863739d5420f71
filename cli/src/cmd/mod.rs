//! One file per subcommand: clap arguments and `run`.

pub mod aggregate;
pub mod app;
pub mod fee;
pub mod workdays;

use std::io::Read;
use std::process::ExitCode;

/// Prints `code: message` on one line on stderr; exit status 2.
pub fn fail(e: &zfxxgk::Error) -> ExitCode {
    let message = e.to_string().replace(['\n', '\r'], " ");
    eprintln!("{}: {message}", e.code());
    ExitCode::from(2)
}

/// The whole text of `path` (`-` = standard input).
pub fn read_text(path: &str) -> Result<String, zfxxgk::Error> {
    let unreadable = |e: std::io::Error| zfxxgk::Error::Unreadable { path: path.to_owned(), detail: e.to_string() };
    let limit = zfxxgk::json::MAX_INPUT_BYTES as u64 + 1;
    let mut text = String::new();
    if path == "-" {
        std::io::stdin().take(limit).read_to_string(&mut text).map_err(unreadable)?;
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_string(&mut text)).map_err(unreadable)?;
    }
    zfxxgk::json::check_size(text.len())?;
    Ok(text)
}

/// Writes a value as pretty JSON and a newline on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) {
    // Serializing the library's contract types cannot fail: every map key is a string.
    println!("{}", serde_json::to_string_pretty(value).unwrap_or_default());
}
