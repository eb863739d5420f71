//! `zfxxgk`: the command line of the zfxxgk library. Exit status 0: ran, no error-level finding;
//! 1: error-level findings; 2: could not run (bad arguments, unreadable or malformed input, a
//! refused event, an uncovered calendar year), with a one-line reason on stderr.

mod batch;
mod cmd;
mod input;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "zfxxgk",
    version,
    about = "政府信息公开：年度报告检查、工作日期限、依申请公开 / government information disclosure: annual report checks, working-day deadlines, applications"
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
    /// 按官方版式输出报告（文本、Markdown、HTML）/ print a Report JSON in the official layout (text, Markdown, HTML)
    Render(cmd::render::RenderArgs),
    /// 输出报告 JSON Schema / print the JSON Schema of the Report JSON
    Schema(cmd::schema::SchemaArgs),
    /// 工作日计算 / working days
    #[command(subcommand)]
    Workdays(cmd::workdays::WorkdaysCommand),
    /// 依申请公开：事件 → 状态、期限、说明、发现 / one application's events → state, deadline, findings
    App(cmd::app::AppArgs),
    /// 申请汇总为表三 / applications (JSON Lines) → table 三 of a year
    Aggregate(cmd::aggregate::AggregateArgs),
    /// 汇总各报告的表二、三、四，并与汇总报告逐格比较 / sum tables 二 三 四 over reports, compare with the summary report
    Rollup(cmd::rollup::RollupArgs),
    /// 信息处理费（元）/ the information processing fee in yuan
    Fee(cmd::fee::FeeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => return cmd::check::run(&args),
        Command::Parse(args) => return cmd::parse::run(&args),
        Command::Render(args) => return cmd::render::run(&args),
        Command::Schema(args) => return cmd::schema::run(&args),
        Command::Workdays(c) => cmd::workdays::run(c),
        Command::App(a) => cmd::app::run(a),
        Command::Aggregate(a) => cmd::aggregate::run(a),
        Command::Fee(a) => cmd::fee::run(a),
        Command::Rollup(a) => return cmd::rollup::run(a),
    };
    result.unwrap_or_else(|e| output::fail_error(None, &e))
}
