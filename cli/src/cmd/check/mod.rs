//! `zfxxgk check`: findings for each report file (Report JSON or published text / HTML /
//! Markdown, told apart by content); directories are walked.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zfxxgk::{Finding, Report, Severity};

use crate::output;

mod csv;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// 每个文件输出一行 JSON {"file", "findings"} / one JSON object per file per line
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// 以 CSV 输出发现，每个发现一行，供电子表格使用 / findings as CSV, one row per finding, for spreadsheets
    #[arg(long)]
    csv: bool,
    /// 上一年度的报告，用于跨年度检查 / last year's report, for the cross-year rules
    #[arg(long, value_name = "FILE")]
    previous: Option<PathBuf>,
    /// 只运行这些规则：规则族（table3）或规则代码（table3.balance），逗号分隔 / run only these rules:
    /// families (table3) or codes (table3.balance), comma-separated
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    rules: Option<Vec<String>>,
    /// 报告文件或目录 / report files or directories
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let files = match report_files(&args.paths) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let rules = match &args.rules {
        // `--rules=` names no rule: an empty selection.
        Some(names) => match zfxxgk::Rules::only(names.iter().filter(|n| !n.is_empty())) {
            Ok(r) => r,
            Err(e) => return output::fail_error(None, &e),
        },
        None => zfxxgk::Rules::all(),
    };
    let previous = match &args.previous {
        Some(path) => match load(path) {
            Ok(r) => Some(r),
            Err(e) => return output::fail_error(Some(&path.display().to_string()), &e),
        },
        None => None,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let (mut failed, mut any_error) = (false, false);
    let mut totals = [0usize; 3];
    if args.csv {
        output::line(&mut out, &csv::header());
    }
    let work = |file: &Path| {
        crate::input::read_text(file).and_then(|text| zfxxgk::check_text_with(&text, previous.as_ref(), &rules))
    };
    crate::batch::ordered(&files, work, |file, result, suspend| {
        let name = file.display().to_string();
        match result {
            Ok(findings) => {
                any_error |= zfxxgk::check::has_error(&findings);
                for f in &findings {
                    if let Some(n) = totals.get_mut(f.severity as usize) {
                        *n += 1;
                    }
                }
                if args.json {
                    let line = serde_json::json!({"file": name, "findings": findings});
                    output::line(&mut out, &line.to_string());
                } else if args.csv {
                    for f in &findings {
                        output::line(&mut out, &csv::row(&name, f));
                    }
                } else {
                    write_text(&mut out, &name, &findings);
                }
            }
            Err(e) => {
                failed = true;
                suspend(&mut || {
                    output::fail_error(Some(&name), &e);
                });
            }
        }
    });
    if !args.json && !args.csv && files.len() > 1 {
        let [errors, warnings, infos] = totals;
        output::line(
            &mut out,
            &format!(
                "共 {} 个文件：错误 {errors}，警告 {warnings}，提示 {infos} / {} files: {errors} errors, {warnings} warnings, {infos} infos",
                files.len(),
                files.len()
            ),
        );
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(output::EXIT_CANNOT_RUN)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_text(out: &mut impl Write, name: &str, findings: &[Finding]) {
    if findings.is_empty() {
        output::line(out, &format!("{name}: 未发现问题 / no findings"));
        return;
    }
    for f in findings {
        let zh = match f.severity {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        };
        let loc = [
            f.location.section.map(|s| s.to_string()),
            f.location.row.as_ref().map(|s| s.to_string()),
            f.location.column.as_ref().map(|s| s.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(".");
        let numbers = match (&f.expected, &f.found) {
            (Some(e), Some(x)) => format!(" (expected {e}, found {x})"),
            _ => String::new(),
        };
        output::line(
            out,
            &format!(
                "{name}: {zh} {} {} [{loc}] {} / {}{numbers}",
                f.severity.as_str(),
                f.code,
                f.message,
                f.message_en
            ),
        );
    }
}

/// [`collect`], or the exit after printing the one-line `input.unreadable` error for the path that
/// could not be read.
pub(crate) fn report_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ExitCode> {
    collect(paths).map_err(|(path, e)| {
        let name = path.display().to_string();
        output::fail_error(Some(&name), &zfxxgk::Error::Unreadable { path: name.clone(), detail: e.to_string() })
    })
}

/// The files to check: files as given, directories walked in sorted order for their report files
/// (`.json`, `.txt`, `.html`, `.htm`, `.md`), not following symlinked directories.
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| (path.clone(), e))?;
        if meta.is_dir() {
            walk(path, &mut files).map_err(|e| (path.clone(), e))?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        // A symlinked directory is not followed: a link to an ancestor would make the walk endless
        // (two such links, exponential). Symlinked files are read like files.
        let kind = std::fs::symlink_metadata(&path)?.file_type();
        if kind.is_dir() {
            walk(&path, files)?;
        } else if is_report_file(&path) && !(kind.is_symlink() && path.is_dir()) {
            files.push(path);
        }
    }
    Ok(())
}

fn is_report_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["json", "txt", "html", "htm", "md"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Reads one report file (Report JSON or published text, sniffed from the content), enforcing
/// the size limit before reading it whole.
fn load(path: &Path) -> Result<Report, zfxxgk::Error> {
    let text = crate::input::read_text(path)?;
    zfxxgk::read_report(&text).map(|parsed| parsed.report)
}
