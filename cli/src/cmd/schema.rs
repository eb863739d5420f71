//! `zfxxgk schema`: the JSON Schema of the Report JSON.

use std::process::ExitCode;

use crate::output;

#[derive(clap::Args)]
pub struct SchemaArgs {
    /// 输出“发现”(Finding) 列表的 Schema / print the schema of a findings list instead
    #[arg(long)]
    findings: bool,
}

pub fn run(args: &SchemaArgs) -> ExitCode {
    let schema = if args.findings { zfxxgk::schema::findings_schema() } else { zfxxgk::report_schema() };
    // A schema is a JSON value: writing it cannot fail.
    output::line(&mut std::io::stdout().lock(), &serde_json::to_string_pretty(&schema).unwrap_or_default());
    ExitCode::SUCCESS
}
