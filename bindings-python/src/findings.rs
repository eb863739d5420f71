//! Findings handed to Python as dicts built in Rust, for `check_many`: writing them as JSON in the
//! core and reading that back with `json.loads` cost more than the table rules themselves
//! (BENCHMARKS.md). The dicts are those of the Finding JSON contract, key for key and in the same
//! order as `serde_json` writes them (absent optional fields left out); the tests compare both.
//!
//! Building them is most of a batch's time under the GIL, so what repeats is made once per batch:
//! the str objects of codes, keys and messages without counts (a blank cell's message is the same
//! in every report that leaves that cell blank), and for each shape of dict a filled template that each finding
//! copies (one call, its keys table copied whole) instead of inserting key after key.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::{IntoPyObjectExt, intern};
use zfxxgk::check::Location;
use zfxxgk::report::Key;
use zfxxgk::{Error, Finding};

use crate::decode::Address;

/// A batch's result: (the findings list of every item, in order, None, None, None), or, when an
/// item cannot be checked, (None, the first such item's index, its error code, its message).
pub type Outcome = (Option<Py<PyList>>, Option<usize>, Option<&'static str>, Option<String>);

/// Python objects of every item's findings, in order, or the first item's error.
pub fn outcome(py: Python<'_>, results: &[Result<Vec<Finding>, Error>]) -> PyResult<Outcome> {
    if let Some((i, e)) = results.iter().enumerate().find_map(|(i, r)| r.as_ref().err().map(|e| (i, e))) {
        return Ok((None, Some(i), Some(e.code()), Some(e.to_string())));
    }
    let mut names = Names::default();
    let lists = results
        .iter()
        .map(|r| match r {
            Ok(findings) => list(py, findings, &mut names),
            // Errors were answered above.
            Err(_) => Ok(PyList::empty(py)),
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok((Some(PyList::new(py, lists)?.unbind()), None, None, None))
}

/// Messages kept per batch, at most: the repeating ones (blank cells, missing rows, sections)
/// are a few hundred; past this many they are made anew.
const MAX_MESSAGES: usize = 4096;

/// Hashes a message a word at a time (SipHash cost as much as the str it saves), from a seed
/// drawn per batch so that colliding messages cannot be prepared in advance.
struct Words {
    seed: u64,
    state: u64,
}

impl Hasher for Words {
    fn finish(&self) -> u64 {
        let h = self.state.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^ (h >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let mut w = [0u8; 8];
        let rest = chunks.remainder();
        if let Some(dst) = w.get_mut(..rest.len()) {
            dst.copy_from_slice(rest);
        }
        self.mix(u64::from_le_bytes(w) ^ (bytes.len() as u64).rotate_left(56));
    }
}

impl Words {
    fn mix(&mut self, word: u64) {
        self.state = (self.state.rotate_left(23) ^ word ^ self.seed).wrapping_mul(0xA24B_AED4_963E_E407);
    }
}

#[derive(Clone)]
struct Seeded(u64);

impl Default for Seeded {
    fn default() -> Self {
        Seeded(std::collections::hash_map::RandomState::new().hash_one(0x5A46_5858_474B_u64))
    }
}

impl BuildHasher for Seeded {
    type Hasher = Words;
    fn build_hasher(&self) -> Words {
        Words { seed: self.0, state: self.0 }
    }
}

/// What one batch makes once and shares: str objects of the static names (codes, severities,
/// section, row and column keys) by the address of their text, of messages by their text, and
/// the template dicts.
#[derive(Default)]
struct Names {
    names: HashMap<Id, Py<PyString>, BuildHasherDefault<Address>>,
    /// Messages of findings without counts (those with counts name them and rarely repeat).
    messages: HashMap<String, Py<PyString>, Seeded>,
    /// Finding templates by (code, severity, has expected, has found): every key in contract
    /// order, the code and severity set, the other values None until the copy is filled.
    findings: HashMap<(Id, Id, bool, bool), Py<PyDict>, BuildHasherDefault<Address>>,
    /// Location dicts whose every value is a static name, by (section, row, column) texts.
    locations: HashMap<[Id; 3], Py<PyDict>, BuildHasherDefault<Address>>,
    /// Whole findings without counts at such a location (a blank cell, a missing row: the same
    /// finding in every report that has it), by (code, severity, section, row, column) texts,
    /// with their messages: a finding whose messages are these too is a copy.
    whole: HashMap<[Id; 5], Whole, BuildHasherDefault<Address>>,
}

/// A finding made once per batch: its dict (its location a placeholder), its location's, and
/// the messages they hold.
struct Whole {
    finding: Py<PyDict>,
    location: Py<PyDict>,
    message: String,
    message_en: String,
}

impl Names {
    fn get<'py>(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        // Equal texts at different addresses just get one object each.
        self.names.entry(id(name)).or_insert_with(|| PyString::intern(py, name).unbind()).bind(py).clone()
    }

    /// A row, column or event type: the domain's fixed keys (static) are shared, anything built
    /// at run time is a new str.
    #[allow(clippy::ptr_arg, reason = "whether the text is static (Borrowed) is what decides")]
    fn key<'py>(&mut self, py: Python<'py>, k: &Cow<'static, str>) -> Bound<'py, PyString> {
        match k {
            Cow::Borrowed(s) => self.get(py, s),
            Cow::Owned(s) => PyString::new(py, s),
        }
    }

    fn message<'py>(&mut self, py: Python<'py>, text: &str, counts: bool) -> Bound<'py, PyString> {
        if counts {
            return PyString::new(py, text);
        }
        if let Some(s) = self.messages.get(text) {
            return s.bind(py).clone();
        }
        let s = PyString::new(py, text);
        if self.messages.len() < MAX_MESSAGES {
            self.messages.insert(text.to_owned(), s.clone().unbind());
        }
        s
    }

    /// A new finding dict of `f`'s shape with its code and severity set.
    fn finding<'py>(&mut self, py: Python<'py>, f: &Finding) -> PyResult<Bound<'py, PyDict>> {
        let (code, severity) = (f.code.as_str(), f.severity.as_str());
        let shape = (id(code), id(severity), f.expected.is_some(), f.found.is_some());
        if let Some(t) = self.findings.get(&shape) {
            return t.bind(py).copy();
        }
        let d = PyDict::new(py);
        d.set_item(intern!(py, "code"), self.get(py, code))?;
        d.set_item(intern!(py, "severity"), self.get(py, severity))?;
        for key in [intern!(py, "message"), intern!(py, "message_en"), intern!(py, "location")] {
            d.set_item(key, py.None())?;
        }
        if f.expected.is_some() {
            d.set_item(intern!(py, "expected"), py.None())?;
        }
        if f.found.is_some() {
            d.set_item(intern!(py, "found"), py.None())?;
        }
        self.findings.insert(shape, d.clone().unbind());
        d.copy()
    }
}

fn list<'py>(py: Python<'py>, findings: &[Finding], names: &mut Names) -> PyResult<Bound<'py, PyList>> {
    let items = findings.iter().map(|f| finding(py, f, names)).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

fn finding<'py>(py: Python<'py>, f: &Finding, names: &mut Names) -> PyResult<Bound<'py, PyDict>> {
    let counts = f.expected.is_some() || f.found.is_some();
    // Two copies and one item set, where a new finding takes two lookups of its messages, a copy
    // of its shape's template, a location, and three items set.
    let whole = match counts {
        false => cell(&f.location).map(|[s, r, c]| [id(f.code.as_str()), id(f.severity.as_str()), s, r, c]),
        true => None,
    };
    if let Some(w) = whole.and_then(|k| names.whole.get(&k)) {
        if w.message == f.message && w.message_en == f.message_en {
            let d = w.finding.bind(py).copy()?;
            d.set_item(intern!(py, "location"), w.location.bind(py).copy()?)?;
            return Ok(d);
        }
    }
    let d = names.finding(py, f)?;
    d.set_item(intern!(py, "message"), names.message(py, &f.message, counts))?;
    d.set_item(intern!(py, "message_en"), names.message(py, &f.message_en, counts))?;
    d.set_item(intern!(py, "location"), location(py, &f.location, names)?)?;
    if let Some(v) = &f.expected {
        d.set_item(intern!(py, "expected"), value(py, v)?)?;
    }
    if let Some(v) = &f.found {
        d.set_item(intern!(py, "found"), value(py, v)?)?;
    }
    if let Some(k) = whole {
        if names.whole.len() < MAX_MESSAGES {
            let location = d.get_item(intern!(py, "location"))?.map(|l| l.cast_into::<PyDict>()).transpose()?;
            if let Some(location) = location {
                let w = Whole {
                    finding: d.copy()?.unbind(),
                    location: location.copy()?.unbind(),
                    message: f.message.clone(),
                    message_en: f.message_en.clone(),
                };
                names.whole.insert(k, w);
            }
        }
    }
    Ok(d)
}

/// A static text, known by its address and length (texts may share an address: one a prefix of
/// another).
type Id = (usize, usize);

fn id(s: &'static str) -> Id {
    (s.as_ptr() as usize, s.len())
}

/// The (section, row, column) texts of a plain table location (static names only,
/// nothing else), which identify it within a batch.
fn cell(l: &Location) -> Option<[Id; 3]> {
    let addr = |k: &Option<Cow<'static, str>>| match k {
        None => Some((0, 0)),
        Some(Cow::Borrowed(s)) => Some(id(s)),
        Some(Cow::Owned(_)) => None,
    };
    let plain = l.line.is_none() && l.event.is_none() && l.event_type.is_none() && l.offset.is_none();
    match (plain, addr(&l.row), addr(&l.column)) {
        (true, Some(r), Some(c)) => Some([l.section.map_or((0, 0), |s| id(s.key())), r, c]),
        _ => None,
    }
}

fn location<'py>(py: Python<'py>, l: &Location, names: &mut Names) -> PyResult<Bound<'py, PyDict>> {
    // A table cell's location (static section, row and column, nothing else) is a copy of the
    // one made first for the same cell.
    let cell = cell(l);
    if let Some(t) = cell.and_then(|c| names.locations.get(&c)) {
        return t.bind(py).copy();
    }
    let d = PyDict::new(py);
    if let Some(s) = l.section {
        d.set_item(intern!(py, "section"), names.get(py, s.key()))?;
    }
    if let Some(r) = &l.row {
        d.set_item(intern!(py, "row"), names.key(py, r))?;
    }
    if let Some(c) = &l.column {
        d.set_item(intern!(py, "column"), names.key(py, c))?;
    }
    if let Some(n) = l.line {
        d.set_item(intern!(py, "line"), n)?;
    }
    if let Some(n) = l.event {
        d.set_item(intern!(py, "event"), n)?;
    }
    if let Some(t) = &l.event_type {
        d.set_item(intern!(py, "type"), names.key(py, t))?;
    }
    if let Some(n) = l.offset {
        d.set_item(intern!(py, "offset"), n)?;
    }
    if let Some(c) = cell {
        names.locations.insert(c, d.copy()?.unbind());
    }
    Ok(d)
}

/// A JSON value as `json.loads` returns it.
fn value<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    match v {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(b) => b.into_bound_py_any(py),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)
            }
        }
        Value::String(s) => s.as_str().into_bound_py_any(py),
        Value::Array(items) => {
            let out = PyList::empty(py);
            for item in items {
                out.append(value(py, item)?)?;
            }
            Ok(out.into_any())
        }
        Value::Object(map) => {
            let out = PyDict::new(py);
            for (k, item) in map {
                out.set_item(k.as_str(), value(py, item)?)?;
            }
            Ok(out.into_any())
        }
    }
}
