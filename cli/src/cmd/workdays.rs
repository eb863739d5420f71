//! `zfxxgk workdays add DATE N [--explain] | count FROM TO | is DATE` on the embedded calendar.

use std::process::ExitCode;

use clap::Subcommand;
use zfxxgk::calendar::{DayKind, ExplainedDay};
use zfxxgk::{Calendar, Date, Error};

#[derive(Subcommand)]
pub enum WorkdaysCommand {
    /// DATE 之后第 N 个工作日（次日起算）/ the N-th working day after DATE (day 1 = the next working day)
    Add {
        date: Date,
        n: u32,
        /// 说明跳过的周末、节假日和调休上班日 / list the weekends, holidays and make-up days in between
        #[arg(long)]
        explain: bool,
    },
    /// (FROM, TO] 中的工作日数 / the number of working days in (FROM, TO]
    Count { from: Date, to: Date },
    /// 是否工作日：workday 或 offday / whether DATE is a working day: `workday` or `offday`
    Is { date: Date },
}

pub fn run(command: WorkdaysCommand) -> Result<ExitCode, Error> {
    let cal = Calendar::embedded();
    match command {
        WorkdaysCommand::Add { date, n, explain: false } => println!("{}", cal.add_working_days(date, n)?),
        WorkdaysCommand::Add { date, n, explain: true } => {
            let x = cal.explain_working_days(date, n)?;
            println!("{}", x.due);
            println!(
                "起算 start: {}（次日为第 1 日 / day 1 is the next working day），{} 个工作日 / working days",
                x.start, x.working_days
            );
            for d in &x.skipped {
                println!("跳过 skipped: {}", describe(d));
            }
            for d in &x.make_up_days {
                println!("计入 counted: {}", describe(d));
            }
        }
        WorkdaysCommand::Count { from, to } => println!("{}", cal.count_working_days(from, to)?),
        WorkdaysCommand::Is { date } => println!("{}", if cal.is_working_day(date)? { "workday" } else { "offday" }),
    }
    Ok(ExitCode::SUCCESS)
}

fn describe(d: &ExplainedDay) -> String {
    match &d.kind {
        DayKind::Workday => format!("{} 工作日 / workday", d.date),
        DayKind::Weekend => format!("{} 周末 / weekend", d.date),
        DayKind::Holiday { name } => format!("{} {name} 放假 / holiday", d.date),
        DayKind::MakeUpDay { name } => format!("{} {name} 调休上班 / make-up working day", d.date),
    }
}
