//! `zfxxgk render --to text|markdown|html FILE.json`: a Report JSON printed in the official
//! layout on stdout. An unknown `--to` is `render.unknown_format` (exit 2), like bad input.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::output;

#[derive(clap::Args)]
pub struct RenderArgs {
    /// 输出格式：text、markdown 或 html / output layout: text, markdown or html
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    to: String,
    /// 报告 JSON 文件（- 为标准输入）/ the Report JSON file (- for standard input)
    #[arg(value_name = "FILE.json")]
    path: PathBuf,
}

pub fn run(args: &RenderArgs) -> ExitCode {
    let to = match args.to.parse::<zfxxgk::RenderFormat>() {
        Ok(to) => to,
        Err(e) => return output::fail_error(None, &e),
    };
    let name = args.path.display().to_string();
    let report = match super::read_text(&name).and_then(|t| zfxxgk::Report::from_json(&t)) {
        Ok(r) => r,
        Err(e) => return output::fail_error(Some(&name), &e),
    };
    let page = zfxxgk::render_report(&report, to);
    // A closed pipe (`zfxxgk render … | head`) is not an error.
    let _ = std::io::stdout().lock().write_all(page.as_bytes());
    ExitCode::SUCCESS
}
