//! Reading input files: the size limit is checked before the file is read, and text must be UTF-8.

use std::io::Read;
use std::path::Path;

use zfxxgk::json::{MAX_INPUT_BYTES, check_size};

/// Reads a whole UTF-8 file of at most `MAX_INPUT_BYTES`, without a leading byte-order mark.
pub fn read_text(path: &Path) -> Result<String, zfxxgk::Error> {
    let io_err =
        |e: std::io::Error| zfxxgk::Error::Unreadable { path: path.display().to_string(), detail: e.to_string() };
    let file = std::fs::File::open(path).map_err(io_err)?;
    let mut bytes = Vec::new();
    // Read one byte past the limit: enough to know the file is too large, whatever its metadata says.
    file.take(MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(io_err)?;
    if bytes.len() > MAX_INPUT_BYTES {
        let size = std::fs::metadata(path).map(|m| m.len() as usize).unwrap_or(bytes.len());
        check_size(size)?;
    }
    let text = String::from_utf8(bytes).map_err(|e| zfxxgk::Error::NotUtf8 { offset: e.utf8_error().valid_up_to() })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The text of a command-line argument naming a file, or `-` for standard input.
pub fn read_arg(arg: &str) -> Result<String, zfxxgk::Error> {
    if arg != "-" {
        return read_text(Path::new(arg));
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| zfxxgk::Error::Unreadable { path: "-".to_owned(), detail: e.to_string() })?;
    check_size(bytes.len())?;
    String::from_utf8(bytes).map_err(|e| zfxxgk::Error::NotUtf8 { offset: e.utf8_error().valid_up_to() })
}
