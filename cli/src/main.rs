//! `zfxxgk`: check annual reports, read published reports, print the report schema. Exit 0: ran, no error-level finding;
//! 1: error-level findings; 2: could not run (bad arguments, unreadable or malformed input).

mod cmd;
mod input;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "zfxxgk",
    version,
    about = "政府信息公开：年度报告检查、工作日期限 / government information disclosure: annual report checks, working-day deadlines"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 检查年度报告 / check annual reports (Report JSON, published text, HTML or Markdown; files or directories)
    Check(cmd::check::CheckArgs),
    /// 读取已发布的报告，输出报告 JSON / read a published report, print its Report JSON
    Parse(cmd::parse::ParseArgs),
    /// 输出报告 JSON Schema / print the JSON Schema of the Report JSON
    Schema(cmd::schema::SchemaArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => cmd::check::run(&args),
        Command::Parse(args) => cmd::parse::run(&args),
        Command::Schema(args) => cmd::schema::run(&args),
    }
}
