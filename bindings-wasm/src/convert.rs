//! JS values in and out: arguments become JSON values (objects through `JSON.stringify`, so a
//! cycle or a BigInt is a typed error, never a crash), results leave through `JSON.parse`, and
//! core errors become `Error`s with a `code`.

use serde_json::Value;
use wasm_bindgen::prelude::*;
use zfxxgk::{Error, argument};

/// An `Error` with the core's stable `code` and its bilingual message.
pub fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error.into()
}

pub fn thrown(e: &Error) -> JsValue {
    js_error(e.code(), &e.to_string())
}

fn not_json(name: &str) -> JsValue {
    thrown(&argument::not_json(name))
}

pub fn is_string(value: &JsValue) -> bool {
    value.is_string()
}

/// A JS argument as a JSON value, with the meaning `JSON.stringify` gives it (`undefined`, `NaN`
/// and infinities are `null`; whole numbers are integers).
pub fn arg(name: &str, value: &JsValue) -> Result<Value, JsValue> {
    if let Some(s) = value.as_string() {
        // The conversion writes U+FFFD for a lone surrogate: only a string holding one (or a real
        // U+FFFD) is looked at again, so the common call pays nothing.
        if s.contains('\u{FFFD}') {
            well_formed(value)?;
        }
        return Ok(Value::String(s));
    }
    if let Some(n) = value.as_f64() {
        return Ok(number(n));
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if value.is_object() && !value.is_function() {
        return match stringify(name, value)? {
            Some(text) => zfxxgk::json::from_json_str(&text).map_err(|e| thrown(&e)),
            None => Ok(Value::Null),
        };
    }
    Err(not_json(name))
}

/// Refuses a string holding a lone surrogate (`input.not_utf8`, as Python refuses its `str`):
/// the conversion to UTF-8 would replace it with U+FFFD, a repair of the input. Called only for a
/// string whose conversion holds U+FFFD.
fn well_formed(value: &JsValue) -> Result<(), JsValue> {
    let text: &js_sys::JsString = value.unchecked_ref();
    // `String.prototype.isWellFormed` (2023 engines) answers at once for a one-byte string.
    let method = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("String"))
        .and_then(|s| js_sys::Reflect::get(&s, &JsValue::from_str("prototype")))
        .and_then(|p| js_sys::Reflect::get(&p, &JsValue::from_str("isWellFormed")))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(Ok(answer)) = method.map(|f| f.call0(value)) {
        if answer.as_bool() == Some(true) {
            return Ok(());
        }
    }
    // Older engines, and the index for the message: a UTF-16 half without its other half
    // (a regular expression without the `u` flag sees code units).
    let lone =
        js_sys::RegExp::new("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?:^|[^\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]", "");
    let Ok(found) = u32::try_from(text.search(&lone)) else { return Ok(()) };
    // The second alternative starts one unit before the trailing half, unless at the start.
    let index = if (0xD800..=0xDFFF).contains(&(text.char_code_at(found) as u32)) { found } else { found + 1 };
    Err(thrown(&Error::LoneSurrogate { index: index as usize }))
}

fn number(n: f64) -> Value {
    if !n.is_finite() {
        Value::Null
    } else if n.fract() == 0.0 {
        // Saturating: a whole number beyond i64 stays out of range for every count.
        Value::from(n as i64)
    } else {
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// A document argument as text: a string is the document; anything else its JSON text.
pub fn document(name: &str, value: &JsValue) -> Result<String, JsValue> {
    if value.is_object() && !value.is_function() {
        return Ok(stringify(name, value)?.unwrap_or_else(|| "null".to_owned()));
    }
    Ok(argument::document(arg(name, value)?))
}

fn stringify(name: &str, value: &JsValue) -> Result<Option<String>, JsValue> {
    let text = js_sys::JSON::stringify(value).map_err(|_| not_json(name))?;
    Ok(text.as_string())
}

pub fn decode<T: serde::de::DeserializeOwned>(name: &str, value: &JsValue) -> Result<T, JsValue> {
    argument::decode(name, arg(name, value)?).map_err(|e| thrown(&e))
}

pub fn date(name: &str, value: &JsValue) -> Result<zfxxgk::Date, JsValue> {
    argument::date(name, arg(name, value)?).map_err(|e| thrown(&e))
}

/// A result as a plain JS value (`JSON.parse` of its contract JSON: maps become objects).
pub fn js_json<T: serde::Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    let value = result.map_err(|e| thrown(&e))?;
    let text = serde_json::to_string(&value).unwrap_or_default();
    js_sys::JSON::parse(&text)
}
