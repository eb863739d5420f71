//! Python report dicts written as JSON text in Rust, for the batch calls: the Python `json`
//! encoder makes a string object for every number and key, which cost more than checking the
//! report (BENCHMARKS.md). Only plain JSON data is written here — dicts with str keys, lists,
//! tuples, str, int, bool, None; anything else (a float, a non-str key, a Mapping that is not a
//! dict or a dict subclass, an int beyond 64 bits, deep nesting) is handed back, and the caller
//! encodes that item with the Python encoder, so results and errors stay exactly those of the
//! Python path.

use std::fmt::Write as _;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString, PyTuple};

/// Deeper than any report; beyond it the Python encoder decides (it raises RecursionError).
const MAX_DEPTH: u32 = 64;

/// Not plain JSON data: encode this item in Python.
pub struct Unsupported;

/// Dict keys already written, by object identity: reports repeat the same few dozen key objects,
/// and reading a str's UTF-8 costs an allocation under the stable ABI. The objects stay alive
/// (the caller holds the reports) for as long as the cache is used.
#[derive(Default)]
pub struct Keys(std::collections::HashMap<usize, String>);

/// The JSON text of a dict of plain JSON data.
pub fn dict_to_json(obj: &Bound<'_, PyAny>, keys: &mut Keys) -> Result<String, Unsupported> {
    let mut out = String::with_capacity(4096);
    write_value(obj, &mut out, 0, keys)?;
    Ok(out)
}

fn write_value(obj: &Bound<'_, PyAny>, out: &mut String, depth: u32, keys: &mut Keys) -> Result<(), Unsupported> {
    if depth > MAX_DEPTH {
        return Err(Unsupported);
    }
    if obj.is_none() {
        out.push_str("null");
    } else if let Ok(b) = obj.cast::<PyBool>() {
        out.push_str(if b.is_true() { "true" } else { "false" });
    } else if let Ok(s) = obj.cast::<PyString>() {
        write_str(&s.to_cow().map_err(|_| Unsupported)?, out);
    } else if let Ok(i) = obj.cast::<PyInt>() {
        let v: i64 = i.extract().map_err(|_| Unsupported)?;
        let _ = write!(out, "{v}");
    } else if let Ok(d) = obj.cast_exact::<PyDict>() {
        // Exact dicts only: Python's encoder reads a subclass through its `items()`.
        out.push('{');
        for (n, (k, v)) in d.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            let k = k.cast::<PyString>().map_err(|_| Unsupported)?;
            let id = k.as_ptr() as usize;
            if let Some(quoted) = keys.0.get(&id) {
                out.push_str(quoted);
            } else {
                let mut quoted = String::new();
                write_str(&k.to_cow().map_err(|_| Unsupported)?, &mut quoted);
                out.push_str(&quoted);
                keys.0.insert(id, quoted);
            }
            out.push(':');
            write_value(&v, out, depth + 1, keys)?;
        }
        out.push('}');
    } else if let Ok(l) = obj.cast::<PyList>() {
        write_seq(l.iter(), out, depth, keys)?;
    } else if let Ok(t) = obj.cast::<PyTuple>() {
        write_seq(t.iter(), out, depth, keys)?;
    } else {
        return Err(Unsupported);
    }
    Ok(())
}

fn write_seq<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    out: &mut String,
    depth: u32,
    keys: &mut Keys,
) -> Result<(), Unsupported> {
    out.push('[');
    for (n, v) in items.enumerate() {
        if n > 0 {
            out.push(',');
        }
        write_value(&v, out, depth + 1, keys)?;
    }
    out.push(']');
    Ok(())
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
fn write_str(s: &str, out: &mut String) {
    out.push('"');
    let mut rest = s;
    // Bytes, not chars: the characters to escape are ASCII, and section texts are long.
    while let Some(i) = rest.bytes().position(|b| b == b'"' || b == b'\\' || b < b' ') {
        let (plain, tail) = rest.split_at(i);
        out.push_str(plain);
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
            }
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out.push('"');
}
