//! `zfxxgk parse`: a published report (text, HTML, Markdown, PDF text) as Report JSON on stdout;
//! the parse findings on stderr, one per line. `--provenance` adds where each cell was read.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::output;

#[derive(clap::Args)]
pub struct ParseArgs {
    /// 输出 {"report", "provenance"}：每个单元格的来源位置 / print {"report", "provenance"}: where each cell was read
    #[arg(long)]
    provenance: bool,
    /// 已发布的报告文件 / the published report file
    #[arg(value_name = "FILE")]
    path: PathBuf,
}

pub fn run(args: &ParseArgs) -> ExitCode {
    let name = args.path.display().to_string();
    let parsed = match crate::input::read_text(&args.path).and_then(|t| zfxxgk::read_report(&t)) {
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
