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

    /// The input is not valid UTF-8 text.
    #[error("输入不是 UTF-8 编码（第 {offset} 字节处）/ input is not valid UTF-8 (at byte {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },

    /// The input could not be read.
    #[error("无法读取输入：{detail} / cannot read input: {detail}")]
    Io {
        /// The operating system's description.
        detail: String,
    },

    /// The report given as previous year's is not for the year before.
    #[error("上年报告年度为 {previous}，应为 {expected} / the previous report is for {previous}, expected {expected}")]
    PreviousYearMismatch {
        /// The year of the report given as previous.
        previous: i32,
        /// The year before the checked report's.
        expected: i32,
    },
}

impl Error {
    /// The JSON path of the offending value, for errors in JSON input (`$` is the root).
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::JsonSyntax { path, .. } | Error::JsonContract { path, .. } => Some(path),
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
            Error::InputTooLarge { .. } => "input.too_large",
            Error::InvalidDate { .. } => "input.invalid_date",
            Error::InvalidAmount { .. } => "input.invalid_amount",
            Error::PreviousYearMismatch { .. } => "input.previous_year_mismatch",
            Error::NotUtf8 { .. } => "input.not_utf8",
            Error::Io { .. } => "input.io",
        }
    }
}
