//! Checking a batch while it is still being read. Reading Python dicts needs the GIL and so runs
//! on one thread; the checks do not. Each run of `CHUNK` reports read goes to the thread pool at
//! once, so the other cores check while this thread reads the next run, and what is left to wait
//! for when reading ends is the last run's checks (BENCHMARKS.md: about a fifth of a batch's time
//! on table dicts was the checks, run after all the reading).

use std::sync::Arc;
use std::sync::mpsc;

use zfxxgk::{Error, Finding, Report, Rules};

/// A report of a batch: read from its dict, or its text (JSON or published) for the core to read.
#[allow(
    clippy::large_enum_variant,
    reason = "moved into its run's Vec: a box per report (a few KiB each) cost the allocator more"
)]
pub enum Item {
    Report(Report),
    Text(String),
}

/// Reports sent to the pool at a time: enough checking to outweigh handing it over (a task and a
/// message), few enough that the last run, checked after reading ends, is short.
const CHUNK: usize = 16;

type Checked = Result<Vec<Finding>, Error>;

/// The checks of one run, or the panic that stopped them (resumed on the calling thread, where
/// pyo3 turns it into a Python exception, as it would any panic of the checks).
type Run = (usize, std::thread::Result<Vec<Checked>>);

/// Hands runs of items to the pool as they are read; `finish` waits (without the GIL) for every
/// run and returns the results in input order.
pub struct Pipeline {
    previous: Arc<Option<Report>>,
    rules: Arc<Rules>,
    run: Vec<Item>,
    start: usize,
    sent: usize,
    tx: mpsc::Sender<Run>,
    rx: mpsc::Receiver<Run>,
}

impl Pipeline {
    pub fn new(previous: Option<Report>, rules: Rules) -> Pipeline {
        let (tx, rx) = mpsc::channel();
        Pipeline { previous: Arc::new(previous), rules: Arc::new(rules), run: Vec::new(), start: 0, sent: 0, tx, rx }
    }

    /// The next item, in input order.
    pub fn push(&mut self, item: Item) {
        self.run.push(item);
        if self.run.len() == CHUNK {
            self.send();
        }
    }

    fn send(&mut self) {
        let run = std::mem::take(&mut self.run);
        let start = self.start;
        self.start += run.len();
        self.sent += 1;
        let (tx, previous, rules) = (self.tx.clone(), Arc::clone(&self.previous), Arc::clone(&self.rules));
        rayon::spawn(move || {
            let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run.iter().map(|item| check(item, previous.as_ref().as_ref(), &rules)).collect()
            }));
            // The receiver is gone only when reading failed: nobody wants these results.
            let _ = tx.send((start, checked));
        });
    }

    /// Every item's result, in input order, waited for without the GIL.
    pub fn finish(mut self, py: pyo3::Python<'_>) -> Vec<Checked> {
        if self.sent == 0 {
            // A batch of one run (one report, for `check_report`): checked here, which costs less
            // than waking the pool.
            let (run, previous, rules) = (self.run, self.previous, self.rules);
            return py.detach(move || run.iter().map(|item| check(item, previous.as_ref().as_ref(), &rules)).collect());
        }
        if !self.run.is_empty() {
            self.send();
        }
        let (rx, sent) = (self.rx, self.sent);
        let runs: Vec<Run> = py.detach(move || rx.iter().take(sent).collect());
        let mut ordered: Vec<(usize, Vec<Checked>)> = Vec::with_capacity(runs.len());
        for (start, checked) in runs {
            match checked {
                Ok(results) => ordered.push((start, results)),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        ordered.sort_unstable_by_key(|(start, _)| *start);
        ordered.into_iter().flat_map(|(_, results)| results).collect()
    }
}

/// One item checked: a report read from a dict as `check_text` would check its JSON text (no
/// parse findings), a text as `check_text` does.
fn check(item: &Item, previous: Option<&Report>, rules: &Rules) -> Checked {
    match item {
        Item::Report(report) => zfxxgk::check_report_with(report, previous, rules),
        Item::Text(text) => zfxxgk::check_text_with(text, previous, rules),
    }
}
