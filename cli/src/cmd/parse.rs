//! `zfxxgk parse`: a published report (text, HTML, Markdown, PDF text) as Report JSON on stdout;
//! the parse findings on stderr, one per line. `--provenance` adds where each cell was read.
//! Several files or a directory: one JSON line per file, `{"file", "report", "findings"}`, in
//! input order, read on every core.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::output;

#[derive(clap::Args)]
pub struct ParseArgs {
    /// 输出 {"report", "provenance"}：每个单元格的来源位置 / print {"report", "provenance"}: where each cell was read
    #[arg(long)]
    provenance: bool,
    /// 已发布的报告文件或目录；多个文件时每个文件输出一行 JSON / published report files or directories; several give one JSON line per file
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
}

pub fn run(args: &ParseArgs) -> ExitCode {
    match args.paths.as_slice() {
        [one] if !one.is_dir() => run_one(args, one),
        _ => run_many(args),
    }
}

fn run_one(args: &ParseArgs, path: &std::path::Path) -> ExitCode {
    let name = path.display().to_string();
    let parsed = match crate::input::read_text(path).and_then(|t| zfxxgk::read_report(&t)) {
        Ok(p) => p,
        Err(e) => return output::fail_error(Some(&name), &e),
    };
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for f in &parsed.findings {
        let _ = writeln!(err, "{name}: {} {} {} / {}", f.severity.as_str(), f.code, f.message, f.message_en);
    }
    let body = if args.provenance {
        serde_json::json!({"report": parsed.report, "provenance": parsed.provenance}).to_string()
    } else {
        parsed.report.to_json()
    };
    output::line(&mut std::io::stdout().lock(), &body);
    ExitCode::SUCCESS
}

fn run_many(args: &ParseArgs) -> ExitCode {
    let files = match super::check::report_files(&args.paths) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    // The JSON line is written on the worker thread: serializing is part of the work.
    let work = |file: &std::path::Path| {
        let parsed = crate::input::read_text(file).and_then(|t| zfxxgk::read_report(&t))?;
        let name = file.display().to_string();
        let line = if args.provenance {
            serde_json::json!({"file": name, "report": parsed.report, "findings": parsed.findings, "provenance": parsed.provenance})
        } else {
            serde_json::json!({"file": name, "report": parsed.report, "findings": parsed.findings})
        };
        Ok::<String, zfxxgk::Error>(line.to_string())
    };
    crate::batch::ordered(&files, work, |file, result, suspend| match result {
        Ok(line) => output::line(&mut out, &line),
        Err(e) => {
            failed = true;
            suspend(&mut || {
                output::fail_error(Some(&file.display().to_string()), &e);
            });
        }
    });
    let _ = out.flush();
    if failed { ExitCode::from(output::EXIT_CANNOT_RUN) } else { ExitCode::SUCCESS }
}
