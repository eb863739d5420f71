//! One file per subcommand: clap arguments and `run`.

pub mod aggregate;
pub mod app;
pub mod check;
pub mod fee;
pub mod parse;
pub mod render;
pub mod rollup;
pub mod schema;
pub mod workdays;

/// The whole text of `path` (`-` = standard input).
pub fn read_text(path: &str) -> Result<String, zfxxgk::Error> {
    crate::input::read_arg(path)
}

/// Writes a value as pretty JSON and a newline on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) {
    // Serializing the library's contract types cannot fail: every map key is a string.
    crate::output::line(&mut std::io::stdout().lock(), &serde_json::to_string_pretty(value).unwrap_or_default());
}
