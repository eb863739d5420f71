//! Running the built `zfxxgk` binary from the CLI's integration tests.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// `zfxxgk ARGS` with an empty standard input.
pub fn zfxxgk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zfxxgk")).args(args).output().unwrap()
}

/// `zfxxgk ARGS` with `stdin` on its standard input.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zfxxgk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Written from a thread: the program may stop reading (too large) before the end.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}
