//! `zfxxgk fee --items N | --pages N`: the 信息处理费 in yuan.

use std::process::ExitCode;

use clap::Args;
use zfxxgk::Error;

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct FeeArgs {
    /// 按件：同一申请人当月累计件数 / by items: the applicant's cumulative count this month
    #[arg(long)]
    pub items: Option<u64>,
    /// 按量：页数 / by pages
    #[arg(long)]
    pub pages: Option<u64>,
}

pub fn run(args: FeeArgs) -> Result<ExitCode, Error> {
    println!("{}", zfxxgk::information_fee(args.items, args.pages)?);
    Ok(ExitCode::SUCCESS)
}
