//! `zfxxgk app FILE.json`: one application's events → its state JSON on stdout.

use std::process::ExitCode;

use clap::Args;
use zfxxgk::Error;
use zfxxgk::application::Application;

#[derive(Args)]
pub struct AppArgs {
    /// 申请 JSON 文件（- 为标准输入）/ the application JSON file (- for standard input)
    pub file: String,
}

/// Exit status 1 when a finding is an error (e.g. `app.reply_overdue`).
pub fn run(args: AppArgs) -> Result<ExitCode, Error> {
    let app = Application::from_json(&super::read_text(&args.file)?)?;
    let state = zfxxgk::replay_application(&app)?;
    super::print_json(&state);
    Ok(if state.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
