//! `zfxxgk aggregate --year Y [--format 2019|2021] FILE.jsonl`: applications → table 三 (the
//! `requests` JSON), reading the file line by line in constant memory.

use std::io::BufRead;
use std::process::ExitCode;

use clap::Args;
use zfxxgk::stats::Aggregator;
use zfxxgk::{Error, Format};

#[derive(Args)]
pub struct AggregateArgs {
    /// 统计年度 / the year
    #[arg(long)]
    pub year: i32,
    /// 表格格式（默认为该年度适用的格式）/ the table layout (default: the one in force for the year)
    #[arg(long, value_parser = parse_format)]
    pub format: Option<Format>,
    /// JSON Lines 文件，每行一件申请（- 为标准输入）/ JSON Lines, one application per line (- for stdin)
    pub file: String,
}

fn parse_format(s: &str) -> Result<Format, String> {
    match s {
        "2019" => Ok(Format::F2019),
        "2021" => Ok(Format::F2021),
        _ => Err("2019 或 2021 / 2019 or 2021".to_owned()),
    }
}

pub fn run(args: AggregateArgs) -> Result<ExitCode, Error> {
    let mut agg = Aggregator::new(args.year, args.format)?;
    let unreadable = |e: std::io::Error| Error::Unreadable { path: args.file.clone(), detail: e.to_string() };
    let reader: Box<dyn BufRead> = if args.file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(&args.file).map_err(unreadable)?))
    };
    let mut bytes = Vec::new();
    let mut reader = reader;
    let (mut line_no, mut offset) = (0u64, 0usize);
    loop {
        bytes.clear();
        // Bounded like any other input, so one endless line cannot exhaust memory.
        let limit = zfxxgk::json::MAX_INPUT_BYTES as u64 + 1;
        let n = std::io::Read::take(&mut reader, limit).read_until(b'\n', &mut bytes).map_err(unreadable)?;
        if n == 0 {
            break;
        }
        line_no = line_no.saturating_add(1);
        // Not UTF-8 is `input.not_utf8` at its byte in the file, as for every other input.
        let line = std::str::from_utf8(&bytes).map_err(|e| Error::AtLine {
            line: line_no,
            error: Box::new(Error::NotUtf8 { offset: offset.saturating_add(e.valid_up_to()) }),
        })?;
        offset = offset.saturating_add(n);
        agg.push_line(line.trim_end_matches(['\n', '\r']))?;
    }
    super::print_json(&agg.finish());
    Ok(ExitCode::SUCCESS)
}
