//! Reading the JSON contract: size limit, fast decoding, and — only when decoding fails — a second
//! pass that names the JSON path of the problem and classifies it under a stable code.

use serde::de::DeserializeOwned;

use crate::error::Error;

/// Largest JSON or text input accepted: 32 MiB. A real annual report is well under 1 MiB; the
/// limit keeps a hostile upload from exhausting memory.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// Deepest nesting of JSON arrays and objects accepted: 127 levels, serde_json's own bound
/// (exceeding it is `json.too_deep`). The contract types nest a few levels and refuse a
/// deeper value by its type before descending into it (`json.wrong_type`, `json.unknown_key`);
/// the bound guards any value decoded whole.
///
/// ```
/// let deep = "[".repeat(100_000);
/// let e = zfxxgk::json::from_json_str::<serde_json::Value>(&deep).unwrap_err();
/// assert_eq!(e.code(), "json.too_deep");
/// // A report refuses the first array by its type.
/// assert_eq!(zfxxgk::Report::from_json(&deep).unwrap_err().code(), "json.wrong_type");
/// ```
pub const MAX_JSON_DEPTH: usize = 127;

/// Decodes one JSON document of the contract type `T`.
///
/// The common case (valid input) runs serde_json alone; the path-tracking pass runs only to
/// explain an error, so valid input pays nothing for good messages.
///
/// On WebAssembly only the path-tracking pass is compiled: a second copy of every decoder costs
/// the browser download more (about 30 KB gzipped) than the slower decoding of valid input costs
/// a page that checks one report at a time. Results and errors are the same.
pub fn from_json_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    check_size(text.len())?;
    #[cfg(not(target_family = "wasm"))]
    if let Ok(v) = serde_json::from_str::<T>(text) {
        return Ok(v);
    }
    with_path::<T>(text)
}

/// Decodes with serde_path_to_error, so that an error names its JSON path.
fn with_path<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => Err(match classify(&e.path().to_string(), e.inner()) {
            Error::JsonSyntax { path, line, column, .. } if escapes_lone_surrogate(text, line, column) => {
                Error::JsonLoneSurrogate { path }
            }
            other => other,
        }),
        // Trailing characters are reported by `end`, outside the path tracker.
        Ok(v) => de.end().map(|()| v).map_err(|e| classify("", &e)),
    }
}

/// Whether the syntax error at `line`:`column` is a leading surrogate escape (`\ud800`) followed
/// by something other than the trailing one: serde_json reports it as the end of a hex escape,
/// the same words as a truncated `\u12`, with its position on the character after the escape.
fn escapes_lone_surrogate(text: &str, line: usize, column: usize) -> bool {
    let Some(start) =
        text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).try_fold(0usize, usize::checked_add)
    else {
        return false;
    };
    let bytes = text.as_bytes();
    let mut end = start.saturating_add(column).saturating_sub(1).min(bytes.len());
    // After `\ud800\n` the position is on the `n`: the `\` before it was read as the pair's start.
    if end > 0 && bytes.get(end - 1) == Some(&b'\\') {
        end -= 1;
    }
    let before = bytes.get(end.saturating_sub(6)..end).unwrap_or_default();
    matches!(before, [b'\\', b'u', b'd' | b'D', b'8' | b'9' | b'a' | b'b' | b'A' | b'B', x, y] if x.is_ascii_hexdigit() && y.is_ascii_hexdigit())
}

/// Rejects inputs over [`MAX_INPUT_BYTES`].
pub fn check_size(len: usize) -> Result<(), Error> {
    if len > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge { size: len as u64, limit: MAX_INPUT_BYTES as u64 });
    }
    Ok(())
}

pub(crate) fn classify(path: &str, e: &serde_json::Error) -> Error {
    // serde_path_to_error writes "." for the root and "?" where it lost track (e.g. at end of input).
    let path = if path.is_empty() || path == "." || path == "?" { "$".to_owned() } else { path.to_owned() };
    let full = e.to_string();
    // serde_json appends " at line L column C"; the path says where, so keep the message alone.
    let detail = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_owned(),
        None => full.clone(),
    };
    if !e.is_data() && detail == "recursion limit exceeded" {
        return Error::JsonTooDeep { path, limit: MAX_JSON_DEPTH };
    }
    if !e.is_data() && detail == "lone leading surrogate in hex escape" {
        // serde_json's name for any unpaired surrogate escape, leading or trailing.
        return Error::JsonLoneSurrogate { path };
    }
    if !e.is_data() {
        return Error::JsonSyntax { path, line: e.line(), column: e.column(), detail };
    }
    let quoted = detail.split('`').nth(1).unwrap_or("").to_owned();
    let (code, zh) = if detail.starts_with("unknown field") || detail.starts_with("unknown key") {
        ("json.unknown_key", format!("未知字段“{quoted}”"))
    } else if detail.starts_with("missing field") {
        ("json.missing_key", format!("缺少字段“{quoted}”"))
    } else if detail.starts_with("duplicate") {
        ("json.duplicate_key", format!("字段重复“{quoted}”"))
    } else if detail.starts_with("invalid value: integer `-") && !detail.contains("expected i") {
        // Negative where only counts belong; a signed field (the year) refuses it by range.
        ("json.negative", format!("不能为负数：{quoted}"))
    } else if detail.starts_with("invalid value: integer") {
        ("json.out_of_range", format!("数值超出范围：{quoted}"))
    } else if detail.starts_with("invalid type: floating point") {
        // serde_json reads an integer too large for u64 as a float.
        match quoted.parse::<f64>() {
            Ok(f) if f.fract() == 0.0 && f.abs() >= 9.0e15 => ("json.out_of_range", format!("数值超出范围：{quoted}")),
            _ => ("json.wrong_type", format!("应为整数，实为小数：{quoted}")),
        }
    } else if detail.starts_with("invalid type") {
        ("json.wrong_type", format!("类型错误：{}", type_zh(&detail)))
    } else {
        ("json.invalid_value", format!("取值无效：{}", crate::report::keyed::clip(&detail)))
    };
    Error::JsonContract { code, path, zh, en: detail }
}

/// "invalid type: string \"x\", expected u64" → a short Chinese rendering of the two types.
fn type_zh(detail: &str) -> String {
    let found = detail.trim_start_matches("invalid type: ").split(',').next().unwrap_or("");
    let expected = detail.split("expected ").nth(1).unwrap_or("");
    let name = |s: &str| -> String {
        let s = s.trim();
        let zh = if s.starts_with("string") || s.contains("string") {
            "字符串"
        } else if s.starts_with("integer") || s == "u64" || s == "i64" || s == "i32" {
            "整数"
        } else if s.starts_with("floating") {
            "小数"
        } else if s.starts_with("boolean") {
            "布尔值"
        } else if s.starts_with("map") || s.contains("object") || s.starts_with("struct") {
            "对象"
        } else if s.starts_with("sequence") || s.starts_with("a sequence") {
            "数组"
        } else if s.starts_with("null") || s.starts_with("unit") {
            "null"
        } else {
            return crate::report::keyed::clip(s);
        };
        zh.to_owned()
    };
    format!("应为{}，实为{}", name(expected), name(found))
}
