//! `zfxxgk rollup FILE|DIR... [--summary FILE]`: tables 二 三 四 of a set of reports summed cell by
//! cell, and, with the summary report, every cell where it differs from the sum.

use std::path::PathBuf;
use std::process::ExitCode;

use zfxxgk::{Error, Report};

use crate::output;

#[derive(clap::Args)]
pub struct RollupArgs {
    /// 汇总报告（如县政府年度报告），与各报告之和逐格比较 / the summary report, compared cell by cell with the sum
    #[arg(long, value_name = "FILE")]
    summary: Option<PathBuf>,
    /// 各部门、乡镇的报告（文件或目录）/ the reports to sum (files or directories)
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
}

/// Reads a report file (Report JSON or published text); its parse findings are for `check`.
fn load(path: &std::path::Path) -> Result<Report, Error> {
    crate::input::read_text(path).and_then(|t| zfxxgk::read_report(&t)).map(|p| p.report)
}

pub fn run(args: RollupArgs) -> ExitCode {
    let files = match super::check::report_files(&args.paths) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let mut reports = Vec::with_capacity(files.len());
    for file in &files {
        match load(file) {
            Ok(r) => reports.push(r),
            Err(e) => return output::fail_error(Some(&file.display().to_string()), &e),
        }
    }
    let summary = match args.summary.as_deref().map(load).transpose() {
        Ok(s) => s,
        Err(e) => return output::fail_error(args.summary.as_ref().map(|s| s.display().to_string()).as_deref(), &e),
    };
    match zfxxgk::rollup(&reports, summary.as_ref()) {
        Ok(result) => {
            super::print_json(&result);
            ExitCode::SUCCESS
        }
        Err(e) => {
            // Name the file refused rather than its position.
            let file = match &e {
                Error::RollupIncompatible { index: Some(i), .. } => files.get(*i),
                Error::RollupIncompatible { index: None, .. } => args.summary.as_ref(),
                _ => None,
            };
            output::fail_error(file.map(|f| f.display().to_string()).as_deref(), &e)
        }
    }
}
