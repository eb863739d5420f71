//! Shared by the corpus tests: where the corpus of real reports is.

use std::path::PathBuf;

/// The corpus directory: `$ZFXXGK_CORPUS`, else `../shared/corpus` beside the workspace. Missing,
/// it fails the test under CI (env `CI`) and is reported (the test does nothing) elsewhere.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("ZFXXGK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus")));
    if dir.join("dev/truth").is_dir() {
        return Some(dir);
    }
    assert!(std::env::var_os("CI").is_none(), "corpus missing at {} (set ZFXXGK_CORPUS)", dir.display());
    eprintln!("corpus missing at {}: corpus tests not run", dir.display());
    None
}
