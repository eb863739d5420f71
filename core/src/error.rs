//! The one error type of the crate. Every variant has a stable `code` (a public API, like finding
//! codes) and a bilingual one-line message: 中文 first, English second.

/// What went wrong when zfxxgk could not do what was asked. Findings about a report are not
/// errors: a report full of mistakes checks fine and returns findings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not well-formed JSON.
    #[error(
        "JSON 语法错误（{path}，第 {line} 行第 {column} 列）：{detail} / malformed JSON at {path} (line {line}, column {column}): {detail}"
    )]
    JsonSyntax {
        /// Where decoding stopped (`$` = the document).
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The decoder's description.
        detail: String,
    },

    /// Well-formed JSON that does not fit the contract: wrong type, unknown key, missing key,
    /// negative count, number out of range, invalid date or amount.
    #[error("{zh}（{path}）/ {en} at {path}")]
    JsonContract {
        /// The stable code (`json.unknown_key`, `json.wrong_type`, `json.negative`, …).
        code: &'static str,
        /// The JSON path of the offending value, e.g. `requests.received.total`.
        path: String,
        /// 中文说明.
        zh: String,
        /// English description.
        en: String,
    },

    /// JSON nested deeper than [`crate::json::MAX_JSON_DEPTH`] arrays and objects. No contract
    /// type nests that deep; the limit keeps hostile nesting from exhausting the stack.
    #[error("JSON 嵌套过深（{path}）：上限 {limit} 层 / JSON nested too deep at {path}: the limit is {limit} levels")]
    JsonTooDeep {
        /// Where decoding stopped (`$` = the document).
        path: String,
        /// The limit in levels.
        limit: usize,
    },

    /// The input is larger than the documented limit.
    #[error("输入过大：{size} 字节，上限 {limit} 字节 / input too large: {size} bytes, the limit is {limit} bytes")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },

    /// A date string that is not a real `YYYY-MM-DD` date.
    #[error("无效日期“{text}” / invalid date \"{text}\" (expected YYYY-MM-DD)")]
    InvalidDate {
        /// The text given (shortened).
        text: String,
    },

    /// An amount of money that is not an exact decimal string.
    #[error("无效金额“{text}” / invalid amount \"{text}\" (expected a decimal string such as \"5949.09\")")]
    InvalidAmount {
        /// The text given (shortened).
        text: String,
    },

    /// An HTML page with more opening tags than the documented limit
    /// ([`crate::ingest::MAX_HTML_TAGS`]): the page's element tree would take memory out of
    /// proportion to its size.
    #[error("HTML 标签过多：{count} 个，上限 {limit} 个 / too many HTML tags: {count}, the limit is {limit}")]
    TooManyTags {
        /// Tags in the page.
        count: usize,
        /// The limit.
        limit: usize,
    },

    /// The input is not valid UTF-8 text.
    #[error("输入不是 UTF-8 编码（第 {offset} 字节处）/ input is not valid UTF-8 (at byte {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },

    /// A string of the calling language holds a lone surrogate (a UTF-16 half with no pair: a
    /// JS string, a Python `str`), which has no UTF-8 form. Converting it would replace the
    /// surrogate with U+FFFD, a repair of the input, so it is refused instead.
    #[error(
        "输入不是 UTF-8 编码（第 {index} 个字符为代理字符）/ input is not valid UTF-8 (a lone surrogate at character {index})"
    )]
    LoneSurrogate {
        /// Index of the surrogate in the caller's string (UTF-16 units in JS, characters in Python).
        index: usize,
    },

    /// A JSON string escapes a lone surrogate (`"\ud800"`): the syntax allows it, but it is no
    /// Unicode text (it is what `JSON.stringify` makes of a JS string holding one).
    #[error("输入不是 UTF-8 编码（{path} 含孤立的代理字符）/ input is not valid UTF-8 (a lone surrogate in {path})")]
    JsonLoneSurrogate {
        /// The JSON path of the string.
        path: String,
    },

    /// The report given as previous year's is not for the year before.
    #[error("上年报告年度为 {previous}，应为 {expected} / the previous report is for {previous}, expected {expected}")]
    PreviousYearMismatch {
        /// The year of the report given as previous.
        previous: i32,
        /// The year before the checked report's.
        expected: i32,
    },

    /// A date, or the result of a calculation, in a year the working-day calendar has no holiday
    /// notice for. Never answered with a weekday guess.
    #[error(
        "工作日历未覆盖 {year} 年（现有 {first}–{last} 年放假安排）/ the working-day calendar does not cover {year} (holiday notices for {first}–{last})"
    )]
    YearNotCovered {
        /// The year asked for.
        year: i32,
        /// The first year covered.
        first: i32,
        /// The last year covered.
        last: i32,
    },

    /// A date range whose end lies before its start.
    #[error("日期区间颠倒：{end} 早于 {start} / reversed date range: {end} is before {start}")]
    RangeReversed {
        /// The start given.
        start: crate::Date,
        /// The end given, before the start.
        end: crate::Date,
    },

    /// Holiday data (holiday-cn JSON) that cannot extend or replace a year of the calendar.
    #[error("放假安排数据无效：{zh} / invalid holiday data: {en}")]
    HolidayData {
        /// 中文说明.
        zh: String,
        /// English description.
        en: String,
    },

    /// An application event that cannot happen in the application's current state. The
    /// application is left as it was before the event.
    #[error("事件 events[{index}]“{event}”被拒绝：{zh} / event events[{index}] (`{event}`) refused: {en}")]
    EventRefused {
        /// 0-based index of the event in `events`.
        index: usize,
        /// The event's type.
        event: &'static str,
        /// 中文说明.
        zh: String,
        /// English description.
        en: String,
    },

    /// An application without events: there is nothing to replay.
    #[error("申请没有任何事件 / the application has no events")]
    NoEvents,

    /// More events than the documented limit for one application.
    #[error("事件过多：{count} 个，上限 {limit} 个 / too many events: {count}, the limit is {limit}")]
    TooManyEvents {
        /// Events given.
        count: usize,
        /// The limit.
        limit: usize,
    },

    /// An error in one line of a JSON Lines input; the code is the inner error's.
    #[error("第 {line} 行 / line {line}: {error}")]
    AtLine {
        /// 1-based line number.
        line: u64,
        /// What is wrong with the line.
        error: Box<Error>,
    },

    /// A table 三 was asked for in a layout that has none (pre-2019 reports).
    #[error("格式 {format} 没有表三 / the {format} layout has no table 三")]
    NoRequestsTable {
        /// The layout asked for.
        format: &'static str,
    },

    /// 信息处理费: not exactly one basis (按件 items or 按量 pages) given.
    #[error("信息处理费须且只能按件或按量之一计收 / the information fee takes exactly one basis: items or pages")]
    FeeBasis,

    /// An input that could not be read (reported by front ends that read files; the core does
    /// no I/O).
    #[error("无法读取“{path}”：{detail} / cannot read \"{path}\": {detail}")]
    Unreadable {
        /// The input's name.
        path: String,
        /// The operating system's description.
        detail: String,
    },

    /// An output layout that render does not know (`text`, `markdown` and `html` are known).
    #[error(
        "未知的输出格式“{given}”（可用：text、markdown、html）/ unknown output format \"{given}\" (expected text, markdown or html)"
    )]
    UnknownRenderFormat {
        /// The name given (shortened).
        given: String,
    },

    /// A rule selection naming neither a rule family nor a rule code of the report checks.
    #[error(
        "未知的规则“{given}”（可用：规则族 parse、doc、meta、table2、table3、table4、narrative、cross_year，或其中某条规则的代码，如 table3.balance）/ unknown rule \"{given}\" (expected a rule family — parse, doc, meta, table2, table3, table4, narrative, cross_year — or one of their codes, e.g. table3.balance)"
    )]
    UnknownRule {
        /// The name given (shortened).
        given: String,
    },

    /// A roll-up asked for over no reports.
    #[error("没有可汇总的报告 / no reports to roll up")]
    RollupEmpty,

    /// Reports that cannot be summed cell by cell: different layouts or years, a pre-2019 report
    /// (no tables), or a report whose layout nothing tells. Refused rather than guessed.
    #[error("{which} 无法与其他报告汇总：{zh} / {which} cannot be rolled up with the others: {en}")]
    RollupIncompatible {
        /// The stable code: `rollup.format_mixed`, `rollup.year_mixed` or `rollup.no_tables`.
        code: &'static str,
        /// The report refused: `reports[i]` or `summary`.
        which: String,
        /// Its index in the reports (`None`: the summary report).
        index: Option<usize>,
        /// 中文说明.
        zh: String,
        /// English description.
        en: String,
    },

    /// An argument of the wrong type. Reported by bindings, whose callers can pass any value (the
    /// core's own signatures are typed).
    #[error("“{what}”类型错误：应为 {expected}，实为 {found} / {what}: expected {expected}, found {found}")]
    WrongType {
        /// The argument (or JSON path) concerned.
        what: String,
        /// The type expected.
        expected: String,
        /// The type given.
        found: String,
    },

    /// A number argument outside its range. Reported by bindings, whose integers are unbounded.
    #[error(
        "“{what}”超出范围：{value}，应在 {min} 至 {max} 之间 / {what} out of range: {value}, expected {min} to {max}"
    )]
    OutOfRange {
        /// The argument concerned.
        what: String,
        /// The value given (shortened).
        value: String,
        /// The least value accepted.
        min: String,
        /// The greatest value accepted.
        max: String,
    },

    /// A number too large for the calculation.
    #[error("数值过大，无法计算：{what} / number too large to compute: {what}")]
    Overflow {
        /// The quantity that overflowed.
        what: &'static str,
    },
}

impl Error {
    /// The JSON path of the offending value, for errors in JSON input (`$` is the root).
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::JsonSyntax { path, .. }
            | Error::JsonContract { path, .. }
            | Error::JsonTooDeep { path, .. }
            | Error::JsonLoneSurrogate { path } => Some(path),
            _ => None,
        }
    }

    /// The stable machine-readable code of this error.
    ///
    /// ```
    /// let e = "2023-02-30".parse::<zfxxgk::Date>().unwrap_err();
    /// assert_eq!(e.code(), "input.invalid_date");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::JsonSyntax { .. } => "json.syntax",
            Error::JsonContract { code, .. } => code,
            Error::JsonTooDeep { .. } => "json.too_deep",
            Error::InputTooLarge { .. } => "input.too_large",
            Error::InvalidDate { .. } => "input.invalid_date",
            Error::InvalidAmount { .. } => "input.invalid_amount",
            Error::PreviousYearMismatch { .. } => "input.previous_year_mismatch",
            Error::NotUtf8 { .. } | Error::LoneSurrogate { .. } | Error::JsonLoneSurrogate { .. } => "input.not_utf8",
            Error::TooManyTags { .. } => "input.too_many_tags",
            Error::YearNotCovered { .. } => "calendar.year_not_covered",
            Error::RangeReversed { .. } => "calendar.range_reversed",
            Error::HolidayData { .. } => "calendar.data_invalid",
            Error::EventRefused { .. } => "app.event_refused",
            Error::NoEvents => "app.no_events",
            Error::TooManyEvents { .. } => "app.too_many_events",
            Error::AtLine { error, .. } => error.code(),
            Error::NoRequestsTable { .. } => "stats.no_requests_table",
            Error::FeeBasis => "fee.basis_invalid",
            Error::Unreadable { .. } => "input.unreadable",
            Error::Overflow { .. } => "input.overflow",
            Error::UnknownRenderFormat { .. } => "render.unknown_format",
            Error::UnknownRule { .. } => "input.unknown_rule",
            Error::RollupEmpty => "rollup.empty",
            Error::RollupIncompatible { code, .. } => code,
            Error::WrongType { .. } => "input.wrong_type",
            Error::OutOfRange { .. } => "input.out_of_range",
        }
    }
}
