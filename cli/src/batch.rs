//! Many files on every core, results in input order, memory flat whatever the corpus size: files
//! are taken in windows of a few per thread, each window worked on in parallel and emitted in
//! order before the next is read. A progress bar shows on a terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// Above this many files a progress bar is shown (on a terminal).
const PROGRESS_THRESHOLD: usize = 8;

/// Files in flight per worker thread: enough to keep every core busy across uneven file sizes,
/// few enough that memory is a handful of reports per core.
const PER_THREAD: usize = 4;

/// Runs `work` on every file on the rayon pool and hands each result to `emit` in input order.
/// `emit` runs on the calling thread; it may print (the progress bar is suspended meanwhile).
pub fn ordered<T: Send>(
    files: &[PathBuf],
    work: impl Fn(&Path) -> T + Sync,
    mut emit: impl FnMut(&Path, T, &dyn Fn(&mut dyn FnMut())),
) {
    let progress = (files.len() > PROGRESS_THRESHOLD && std::io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(files.len() as u64));
    let window = (rayon::current_num_threads() * PER_THREAD).max(PER_THREAD);
    let suspend = |f: &mut dyn FnMut()| match &progress {
        Some(p) => p.suspend(f),
        None => f(),
    };
    for chunk in files.chunks(window) {
        let results: Vec<T> = chunk.par_iter().map(|f| work(f)).collect();
        for (file, result) in chunk.iter().zip(results) {
            emit(file, result, &suspend);
            if let Some(p) = &progress {
                p.inc(1);
            }
        }
    }
    if let Some(p) = progress {
        p.finish_and_clear();
    }
}
