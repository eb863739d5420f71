//! Runs one hot path many times over given inputs, for profilers (callgrind counts instructions,
//! which are stable on a busy machine where wall-clock times are not):
//!
//! ```text
//! cargo build --release -p zfxxgk --example hot_paths
//! valgrind --tool=callgrind target/release/examples/hot_paths check-json 20 FILE.json...
//! ```
//!
//! Modes: `check-json` (Report JSON → findings, as the bindings call it), `parse` (published text
//! → report), `aggregate` (JSON Lines of applications → table 三; the year is the file's first
//! `"at"` year or `AGG_YEAR`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, times, files) = (&args[1], args[2].parse::<usize>().unwrap(), &args[3..]);
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    let year: i32 = std::env::var("AGG_YEAR").map(|y| y.parse().unwrap()).unwrap_or(2025);
    for _ in 0..times {
        for text in &texts {
            match mode.as_str() {
                "check-json" => {
                    let findings = zfxxgk::check_text(black_box(text), None).unwrap();
                    black_box(serde_json::to_string(&findings).unwrap());
                }
                "parse" => {
                    black_box(zfxxgk::parse_report(black_box(text)).unwrap());
                }
                "aggregate" => {
                    black_box(zfxxgk::stats::aggregate_jsonl(black_box(text), year, None).unwrap());
                }
                other => panic!("unknown mode {other}"),
            }
        }
    }
}
