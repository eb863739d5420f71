//! Python report dicts read straight into the core's `Report` for `check_many`, without writing
//! them as JSON text and parsing that again (the two cost more than the table rules; BENCHMARKS.md).
//!
//! A serde `Deserializer` over the Python objects, answering each request as `serde_json` does for
//! the JSON text of the same dict (a str only where a str is asked for, numbers only where numbers
//! are, a list for a struct as for a JSON array …), so a report it reads is the report the text
//! path would read. Anything else — a value the contract refuses, a float, a non-str key, an int
//! beyond 64 bits, deep nesting, a dict whose JSON could exceed the input limit — is declined, and
//! the caller checks that item by its JSON text as before: errors keep their codes and JSON paths.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString, PyTuple};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;
use zfxxgk::Report;

mod borrowed;
mod tables;
mod top;

use tables::KeyIndex;
use top::with_tables;
use zfxxgk::report::{RequestColumn, RequestRow, ReviewColumn, ReviewGroup, SectionKey};

/// Deeper than any report (the JSON writer in `encode` stops at the same depth).
const MAX_DEPTH: u32 = 64;

/// The dict cannot be read here: check it by its JSON text.
#[derive(Debug)]
pub struct Decline;

impl fmt::Display for Decline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("declined")
    }
}

impl std::error::Error for Decline {}

impl de::Error for Decline {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Decline
    }
}

/// State shared by the dicts of one batch.
#[derive(Default)]
pub struct Batch {
    /// Dict keys already read, by object identity: reports repeat the same key objects, and
    /// reading a str's UTF-8 allocates under the stable ABI. Each entry holds its object, so that
    /// no other str can take its address while the batch runs (Python code may run between items:
    /// the encoder of an item not read here).
    keys: HashMap<usize, (String, Py<PyString>), BuildHasherDefault<Address>>,
    /// The same for the keys of tables 三 and 四, resolved to the domain's keys.
    rows: KeyIndex<RequestRow>,
    columns: KeyIndex<RequestColumn>,
    groups: KeyIndex<ReviewGroup>,
    review_columns: KeyIndex<ReviewColumn>,
    sections: KeyIndex<SectionKey>,
    /// The keys of table 二 (rows and columns: several key sets, not one), resolved to their
    /// names, holding the objects.
    proactive_keys: HashMap<usize, (Option<&'static str>, Py<PyAny>), BuildHasherDefault<Address>>,
}

/// Hashes an object address: one multiplication (the keys are few and trusted, no need of SipHash).
#[derive(Default)]
pub(crate) struct Address(u64);

impl Hasher for Address {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        // Addresses are aligned (low bits zero): the high half of the product is folded in.
        let h = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 32);
    }
}

/// What of a report's text the rules selected read.
#[derive(Clone, Copy)]
pub struct Reads {
    /// Section texts and headings (`doc`, `narrative`, `cross_year`).
    pub texts: bool,
    /// Title, body's name and index number (`meta`).
    pub names: bool,
}

/// The report in a dict, or `Decline`. Text no rule selected reads (`reads`) is checked for its
/// type but not read, and left out.
pub fn report(obj: &Bound<'_, PyAny>, batch: &mut Batch, reads: Reads) -> Result<Report, Decline> {
    let mut cx = Cx { batch, depth: 0, size: 0 };
    let report = match obj.cast_exact::<PyDict>() {
        Ok(d) => with_tables(d, &mut cx, reads)?,
        Err(_) => <Report as serde::Deserialize>::deserialize(De { obj, cx: &mut cx })?,
    };
    // The text path refuses JSON over the input limit; `size` bounds the length of this dict's
    // JSON from above, so the limit is never passed here unless the text path would also see it.
    if cx.size > zfxxgk::json::MAX_INPUT_BYTES {
        return Err(Decline);
    }
    Ok(report)
}

struct Cx<'b> {
    batch: &'b mut Batch,
    depth: u32,
    /// An upper bound of the JSON text's length so far (a str's JSON is at most 6 bytes per
    /// UTF-8 byte, escapes included).
    size: usize,
}

impl Cx<'_> {
    fn grow(&mut self, n: usize) -> Result<(), Decline> {
        self.size = self.size.saturating_add(n);
        if self.size > zfxxgk::json::MAX_INPUT_BYTES { Err(Decline) } else { Ok(()) }
    }
}

struct De<'a, 'b, 'py> {
    obj: &'a Bound<'py, PyAny>,
    cx: &'a mut Cx<'b>,
}

fn text(s: &Bound<'_, PyString>, cx: &mut Cx<'_>) -> Result<String, Decline> {
    let s = s.to_cow().map_err(|_| Decline)?.into_owned();
    cx.grow(s.len().saturating_mul(6).saturating_add(2))?;
    Ok(s)
}

impl<'de> de::Deserializer<'de> for De<'_, '_, '_> {
    type Error = Decline;

    // What serde_json does for a value of any type: null → unit, bool, u64 / i64, str, array,
    // object.
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        let obj = self.obj;
        if obj.is_none() {
            self.cx.grow(4)?;
            v.visit_unit()
        } else if let Ok(b) = obj.cast::<PyBool>() {
            self.cx.grow(5)?;
            v.visit_bool(b.is_true())
        } else if obj.is_instance_of::<PyInt>() {
            self.deserialize_u64(v)
        } else if let Ok(s) = obj.cast::<PyString>() {
            let s = text(s, self.cx)?;
            v.visit_string(s)
        } else if obj.is_instance_of::<PyDict>() {
            self.deserialize_map(v)
        } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            self.deserialize_seq(v)
        } else {
            Err(Decline)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        let b = self.obj.cast::<PyBool>().map_err(|_| Decline)?;
        self.cx.grow(5)?;
        v.visit_bool(b.is_true())
    }

    // serde_json reads any number for any numeric type and lets the visitor judge the range:
    // non-negative integers as u64, negative ones as i64. Python's bool is an int, JSON's is not.
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        let obj = self.obj;
        // An exact int (every count) is told by its type pointer alone; subclasses are checked.
        let i = match obj.cast_exact::<PyInt>() {
            Ok(i) => i,
            Err(_) if obj.is_instance_of::<PyBool>() => return Err(Decline),
            Err(_) => obj.cast::<PyInt>().map_err(|_| Decline)?,
        };
        self.cx.grow(20)?;
        if let Ok(u) = i.extract::<u64>() {
            v.visit_u64(u)
        } else if let Ok(n) = i.extract::<i64>() {
            v.visit_i64(n)
        } else {
            Err(Decline)
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        let s = self.obj.cast::<PyString>().map_err(|_| Decline)?;
        let s = text(s, self.cx)?;
        v.visit_string(s)
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        self.deserialize_str(v)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        self.deserialize_str(v)
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        if self.obj.is_none() {
            self.cx.grow(4)?;
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        if self.obj.is_none() {
            self.cx.grow(4)?;
            v.visit_unit()
        } else {
            Err(Decline)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value, Decline> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value, Decline> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        let items: Vec<Bound<'_, PyAny>> = if let Ok(l) = self.obj.cast::<PyList>() {
            l.iter().collect()
        } else if let Ok(t) = self.obj.cast::<PyTuple>() {
            t.iter().collect()
        } else {
            return Err(Decline);
        };
        let cx = enter(self.cx)?;
        cx.grow(2 + items.len())?;
        let value = v.visit_seq(Seq { items: items.iter(), cx: &mut *cx })?;
        cx.depth -= 1;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Decline> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _: &'static str, _: usize, v: V) -> Result<V::Value, Decline> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        // Exact dicts only: Python's encoder reads a subclass through its `items()`, which may
        // differ from what is stored; the text path handles those.
        let d = self.obj.cast_exact::<PyDict>().map_err(|_| Decline)?;
        let cx = enter(self.cx)?;
        cx.grow(2 + d.len())?;
        let value = v.visit_map(Map { items: d.iter(), value: None, cx: &mut *cx, tables: None })?;
        cx.depth -= 1;
        Ok(value)
    }

    // serde_json reads a struct from an object or (by position) from an array.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Decline> {
        if self.obj.is_instance_of::<PyDict>() { self.deserialize_map(v) } else { self.deserialize_seq(v) }
    }

    // Unit variants only (a str); the `{"variant": value}` form is left to the text path.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Decline> {
        let s = self.obj.cast::<PyString>().map_err(|_| Decline)?;
        let s = text(s, self.cx)?;
        v.visit_enum(s.into_deserializer())
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        self.deserialize_any(v)
    }

    forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u128 f32 f64 bytes byte_buf
    }
}

fn enter<'c, 'b>(cx: &'c mut Cx<'b>) -> Result<&'c mut Cx<'b>, Decline> {
    cx.depth += 1;
    if cx.depth > MAX_DEPTH { Err(Decline) } else { Ok(cx) }
}

struct Seq<'a, 'b, 'py> {
    items: std::slice::Iter<'a, Bound<'py, PyAny>>,
    cx: &'a mut Cx<'b>,
}

impl<'de> SeqAccess<'de> for Seq<'_, '_, '_> {
    type Error = Decline;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Decline> {
        match self.items.next() {
            Some(obj) => seed.deserialize(De { obj, cx: &mut *self.cx }).map(Some),
            None => Ok(None),
        }
    }
}

struct Map<'a, 'b, 'py> {
    items: pyo3::types::iter::BoundDictIterator<'py>,
    value: Option<Bound<'py, PyAny>>,
    cx: &'a mut Cx<'b>,
    /// For the report's own dict: the values `with_tables` reads itself, set aside instead of
    /// handed to serde.
    tables: Option<&'a mut Tables<'py>>,
}

/// A report dict's values read by `with_tables`: tables 三 and 四, and, when no rule selected
/// reads them, the section texts and headings.
#[derive(Default)]
struct Tables<'py> {
    requests: Option<Bound<'py, PyAny>>,
    review_litigation: Option<Bound<'py, PyAny>>,
    proactive: Option<Bound<'py, PyAny>>,
    /// Whether the texts are set aside too.
    skip_texts: bool,
    sections: Option<Bound<'py, PyAny>>,
    headings: Option<Bound<'py, PyAny>>,
    /// Whether the free-text metadata (title, body's name, index number) is set aside too: only
    /// the `meta` rules read it.
    skip_names: bool,
    names: Vec<(Name, Bound<'py, PyAny>)>,
}

/// A free-text metadata field.
#[derive(Clone, Copy)]
enum Name {
    Title,
    Organ,
    IndexNo,
}

impl<'de> MapAccess<'de> for Map<'_, '_, '_> {
    type Error = Decline;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Decline> {
        let (value, key) = loop {
            let Some((k, value)) = self.items.next() else { return Ok(None) };
            // JSON keys are strings: a dict with another key is left to the text path.
            let k = k.cast::<PyString>().map_err(|_| Decline)?;
            let key = match self.cx.batch.keys.entry(k.as_ptr() as usize) {
                Entry::Occupied(e) => &e.into_mut().0,
                Entry::Vacant(e) => &e.insert((k.to_cow().map_err(|_| Decline)?.into_owned(), k.clone().unbind())).0,
            };
            let slot = match (self.tables.as_deref_mut(), key.as_str()) {
                (Some(t), "requests") => &mut t.requests,
                (Some(t), "review_litigation") => &mut t.review_litigation,
                (Some(t), "proactive") => &mut t.proactive,
                (Some(t), "sections") if t.skip_texts => &mut t.sections,
                (Some(t), "headings") if t.skip_texts => &mut t.headings,
                (Some(t), name @ ("title" | "organ" | "index_no")) if t.skip_names => {
                    let name = match name {
                        "title" => Name::Title,
                        "organ" => Name::Organ,
                        _ => Name::IndexNo,
                    };
                    t.names.push((name, value));
                    let len = key.len();
                    self.cx.grow(len.saturating_mul(6).saturating_add(4))?;
                    continue;
                }
                _ => break (value, key),
            };
            *slot = Some(value);
            let len = key.len();
            self.cx.grow(len.saturating_mul(6).saturating_add(4))?;
        };
        self.value = Some(value);
        let len = key.len();
        let key = seed.deserialize(Key(key)).map(Some);
        self.cx.grow(len.saturating_mul(6).saturating_add(4))?;
        key
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Decline> {
        let value = self.value.take().ok_or(Decline)?;
        seed.deserialize(De { obj: &value, cx: &mut *self.cx })
    }
}

/// A map key: serde_json hands keys to the visitor as strings; other key types are declined.
struct Key<'k>(&'k str);

impl<'de> de::Deserializer<'de> for Key<'_> {
    type Error = Decline;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        v.visit_str(self.0)
    }
    fn deserialize_option<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Decline> {
        v.visit_enum(self.0.into_deserializer())
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value, Decline> {
        v.visit_newtype_struct(self)
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        v.visit_unit()
    }
    fn deserialize_bool<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    forward_to_deserialize_any! {
        str string identifier char
    }
    fn deserialize_i8<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_unit<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _: &'static str, _: usize, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_map<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Decline> {
        Err(Decline)
    }
}
