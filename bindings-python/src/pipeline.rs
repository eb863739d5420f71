//! Checking a batch while it is still being read. Reading Python dicts needs the GIL and so runs
//! on one thread; the checks do not. Each run of `CHUNK` reports read is queued for a pool of one
//! thread fewer than the cores, which check while this thread reads the next run; when reading
//! ends, this thread checks what is still queued too. Before, every check waited for all the
//! reading (BENCHMARKS.md: about a fifth of a batch's time on table dicts).

use std::collections::VecDeque;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};

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

/// What the checkers share: the runs not yet taken, and what every check needs.
struct Shared {
    queue: Mutex<VecDeque<(usize, Vec<Item>)>>,
    previous: Option<Report>,
    rules: Rules,
}

impl Shared {
    fn take(&self) -> Option<(usize, Vec<Item>)> {
        // A poisoned lock (a checker panicked while holding it: it holds it only to pop) still
        // guards a sound queue.
        self.queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop_front()
    }

    fn check_run(&self, (start, run): (usize, Vec<Item>)) -> Run {
        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run.iter().map(|item| check(item, self.previous.as_ref(), &self.rules)).collect()
        }));
        (start, checked)
    }
}

/// Queues runs of items as they are read, each with a task for the pool to take one; `finish`
/// checks what is still queued on this thread too (without the GIL), waits for the rest, and
/// returns the results in input order.
pub struct Pipeline {
    shared: Arc<Shared>,
    run: Vec<Item>,
    start: usize,
    /// Tasks given to the pool; each sends one result, or none if the queue was empty.
    tasks: usize,
    tx: mpsc::Sender<Option<Run>>,
    rx: mpsc::Receiver<Option<Run>>,
}

impl Pipeline {
    pub fn new(previous: Option<Report>, rules: Rules) -> Pipeline {
        let (tx, rx) = mpsc::channel();
        let shared = Arc::new(Shared { queue: Mutex::new(VecDeque::new()), previous, rules });
        Pipeline { shared, run: Vec::with_capacity(CHUNK), start: 0, tasks: 0, tx, rx }
    }

    /// The next item, in input order.
    pub fn push(&mut self, item: Item) {
        self.run.push(item);
        if self.run.len() == CHUNK {
            self.send();
        }
    }

    fn send(&mut self) {
        // Each run's Vec made to its full size at once: a report is a few KiB, and growing the
        // Vec by doubling moved them again and again.
        let run = std::mem::replace(&mut self.run, Vec::with_capacity(CHUNK));
        let start = self.start;
        self.start += run.len();
        self.shared.queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push_back((start, run));
        self.tasks += 1;
        let (tx, shared) = (self.tx.clone(), Arc::clone(&self.shared));
        let task = move || {
            // The receiver is gone only when reading failed: nobody wants these results.
            let _ = tx.send(shared.take().map(|run| shared.check_run(run)));
        };
        match pool() {
            Some(pool) => pool.spawn(task),
            None => rayon::spawn(task),
        }
    }

    /// Every item's result, in input order, waited for without the GIL.
    pub fn finish(mut self, py: pyo3::Python<'_>) -> Vec<Checked> {
        let (run, start) = (std::mem::take(&mut self.run), self.start);
        let (shared, rx, tasks) = (self.shared, self.rx, self.tasks);
        let runs: Vec<Run> = py.detach(move || {
            let mut runs = Vec::new();
            // The last run, then whatever the pool has not taken yet (a batch of one run — one
            // report, for `check_report` — is checked here alone, which costs less than waking
            // the pool).
            if !run.is_empty() {
                runs.push(shared.check_run((start, run)));
            }
            while let Some(queued) = shared.take() {
                runs.push(shared.check_run(queued));
            }
            runs.extend(rx.iter().take(tasks).flatten());
            runs
        });
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

/// Frees a batch's findings on a checker: some thousands of small allocations (messages, keys),
/// which the calling thread, back in Python, need not wait for. A batch of one run is freed here
/// (waking a checker would cost more).
pub fn discard(results: Vec<Checked>) {
    match pool() {
        Some(pool) if results.len() > CHUNK => pool.spawn(move || drop(results)),
        _ => drop(results),
    }
}

/// The checkers: one thread fewer than the cores, since the thread reading the batch keeps one
/// busy (a full-size pool left a core's worth of checkers spinning for work against it). `None`
/// if it cannot be made; the global pool then checks.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores.saturating_sub(1).max(1))
            .thread_name(|i| format!("zfxxgk-check-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// One item checked: a report read from a dict as `check_text` would check its JSON text (no
/// parse findings), a text as `check_text` does.
fn check(item: &Item, previous: Option<&Report>, rules: &Rules) -> Checked {
    match item {
        Item::Report(report) => zfxxgk::check_report_with(report, previous, rules),
        Item::Text(text) => zfxxgk::check_text_with(text, previous, rules),
    }
}
