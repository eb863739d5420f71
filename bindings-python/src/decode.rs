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
use zfxxgk::report::{
    DecisionCounts, DocumentCounts, FeeCounts, Key as TableKey, Keyed, Money, Proactive, ProcurementCounts,
    RequestColumn, RequestRow, ReviewColumn, ReviewGroup, SectionKey,
};

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

/// A report dict read by serde except its tables 三 and 四, which `table` reads: they are most of
/// a report's values, and serde's visitors, built for any data, cost several times the reading
/// itself there. The result is the one serde gives (a value `table` does not take goes to serde).
fn with_tables(d: &Bound<'_, PyDict>, cx: &mut Cx<'_>, reads: Reads) -> Result<Report, Decline> {
    let mut tables = Tables { skip_texts: !reads.texts, skip_names: !reads.names, ..Tables::default() };
    let cx = enter(cx)?;
    cx.grow(2 + d.len())?;
    let mut report = <Report as serde::Deserialize>::deserialize(Top { d, cx: &mut *cx, tables: &mut tables })?;
    if let Some(v) = &tables.requests {
        let (rows, columns) = (&mut cx.batch.rows, &mut cx.batch.columns);
        let t = report.requests.insert(Keyed::new());
        if !table(v, t, rows, columns, &mut cx.size, cx.depth) {
            report.requests = serde::Deserialize::deserialize(De { obj: v, cx: &mut *cx })?;
        }
    }
    if let Some(v) = &tables.review_litigation {
        let (groups, columns) = (&mut cx.batch.groups, &mut cx.batch.review_columns);
        let t = report.review_litigation.insert(Keyed::new());
        if !table(v, t, groups, columns, &mut cx.size, cx.depth) {
            report.review_litigation = serde::Deserialize::deserialize(De { obj: v, cx: &mut *cx })?;
        }
    }
    if let Some(v) = &tables.proactive {
        let t = report.proactive.insert(Proactive::default());
        if !proactive(v, t, cx) {
            report.proactive = serde::Deserialize::deserialize(De { obj: v, cx: &mut *cx })?;
        }
    }
    // Texts no rule reads: their types checked (what serde would refuse, serde reads and
    // refuses), their contents not converted.
    if let Some(v) = &tables.sections {
        if !texts(v, cx, false) {
            report.sections = serde::Deserialize::deserialize(De { obj: v, cx: &mut *cx })?;
        }
    }
    if let Some(v) = &tables.headings {
        if !texts(v, cx, true) {
            report.headings = serde::Deserialize::deserialize(De { obj: v, cx: &mut *cx })?;
        }
    }
    for (name, v) in &tables.names {
        let light = if v.is_none() {
            cx.grow(4).is_ok()
        } else if v.is_exact_instance_of::<PyString>() {
            v.len().is_ok_and(|chars| cx.grow(chars.saturating_mul(24).saturating_add(2)).is_ok())
        } else {
            false
        };
        if !light {
            let text: Option<String> = serde::Deserialize::deserialize(De { obj: v, cx: &mut *cx })?;
            match name {
                Name::Title => report.title = text,
                Name::Organ => report.organ = text,
                Name::IndexNo => report.index_no = text,
            }
        }
    }
    cx.depth -= 1;
    Ok(report)
}

/// Whether `v` is None or a dict of section keys to exact strs (and None, with `nulls`), within
/// the size bound, counted as if read (a str's UTF-8 is at most 4 bytes a character).
fn texts(v: &Bound<'_, PyAny>, cx: &mut Cx<'_>, nulls: bool) -> bool {
    if v.is_none() {
        return cx.grow(4).is_ok();
    }
    let Ok(d) = v.cast_exact::<PyDict>() else { return false };
    let mut size = cx.size.saturating_add(2 + d.len());
    for (i, (k, text)) in d.iter().enumerate() {
        let Some((_, len)) = cx.batch.sections.get(i, &k) else { return false };
        size = size.saturating_add(len * 6 + 4);
        if text.is_none() && nulls {
            size = size.saturating_add(4);
        } else if text.is_exact_instance_of::<PyString>() {
            let Ok(chars) = text.len() else { return false };
            size = size.saturating_add(chars.saturating_mul(24).saturating_add(2));
        } else {
            return false;
        }
    }
    if size > zfxxgk::json::MAX_INPUT_BYTES || cx.depth + 1 > MAX_DEPTH {
        return false;
    }
    cx.size = size;
    true
}

/// The report's own dict, handed to serde as a map with the tables set aside.
struct Top<'a, 'b, 'py> {
    d: &'a Bound<'py, PyDict>,
    cx: &'a mut Cx<'b>,
    tables: &'a mut Tables<'py>,
}

impl<'de> de::Deserializer<'de> for Top<'_, '_, '_> {
    type Error = Decline;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Decline> {
        v.visit_map(Map { items: self.d.iter(), value: None, cx: self.cx, tables: Some(self.tables) })
    }
    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// A dict key: the set's key it names (if any), its length, and the object (held).
type Resolved<K> = (Option<K>, usize, Py<PyAny>);

/// Dict keys resolved to one key set's keys, by object identity (as `Batch::keys`, holding the
/// object), with the key's length for the size bound.
pub struct KeyIndex<K> {
    keys: HashMap<usize, Resolved<K>, BuildHasherDefault<Address>>,
    /// The key objects of the last dict read, by position: the rows of a table, and the tables
    /// of a batch, list the same key objects in the same order, so most keys are found here by
    /// one comparison.
    last: Vec<(usize, K, usize)>,
}

impl<K> Default for KeyIndex<K> {
    fn default() -> Self {
        KeyIndex { keys: HashMap::default(), last: Vec::new() }
    }
}

impl<K: TableKey> KeyIndex<K> {
    /// The key of the str `k`, the `i`th key of its dict (None: not a str, or not one of the
    /// set's keys).
    fn get(&mut self, i: usize, k: &Bound<'_, PyAny>) -> Option<(K, usize)> {
        let addr = k.as_ptr() as usize;
        if let Some(&(a, key, len)) = self.last.get(i) {
            if a == addr {
                return Some((key, len));
            }
        }
        let (key, len, _) = match self.keys.entry(addr) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let s = k.cast::<PyString>().ok()?.to_cow().ok()?;
                e.insert((K::from_key(&s), s.len(), k.clone().unbind()))
            }
        };
        let (key, len) = ((*key)?, *len);
        // Remembered only once the key is held in `keys` (so its address stays its own).
        if let Some(slot) = self.last.get_mut(i) {
            *slot = (addr, key, len);
        } else if self.last.len() == i {
            self.last.push((addr, key, len));
        }
        Some((key, len))
    }
}

/// Table 三 or 四 as the contract has it (a dict of rows, each None or a dict of counts, each
/// None or an exact non-negative int, every key the table's own) read into `t` (empty): what
/// serde would read, without its visitors. `false` for anything else — a null table, a subclass,
/// an unknown key, a bool, a float, a negative or huge int, the size bound passed — which serde
/// then reads or declines (`t`, partly filled, is then replaced).
fn table<R: TableKey, C: TableKey, const N: usize, const M: usize>(
    v: &Bound<'_, PyAny>,
    t: &mut Keyed<R, Keyed<C, u64, M>, N>,
    rows: &mut KeyIndex<R>,
    columns: &mut KeyIndex<C>,
    total: &mut usize,
    depth: u32,
) -> bool {
    let Ok(d) = v.cast_exact::<PyDict>() else { return false };
    // Counted as serde's path counts: the same bound, the same depth.
    let mut size = total.saturating_add(2 + d.len());
    for (i, (k, row)) in d.iter().enumerate() {
        let Some(len) = read_row(rows, columns, i, &k, &row, t, &mut size) else { return false };
        size = size.saturating_add(len.saturating_mul(6).saturating_add(4));
        if size > zfxxgk::json::MAX_INPUT_BYTES || depth + 2 > MAX_DEPTH {
            return false;
        }
    }
    *total = size;
    true
}

/// One row into `t`; the row key's length.
fn read_row<R: TableKey, C: TableKey, const N: usize, const M: usize>(
    rows: &mut KeyIndex<R>,
    columns: &mut KeyIndex<C>,
    i: usize,
    k: &Bound<'_, PyAny>,
    row: &Bound<'_, PyAny>,
    t: &mut Keyed<R, Keyed<C, u64, M>, N>,
    size: &mut usize,
) -> Option<usize> {
    let (key, len) = rows.get(i, k)?;
    if row.is_none() {
        *size = size.saturating_add(4);
        t.set(key, None);
        return Some(len);
    }
    let cells = row.cast_exact::<PyDict>().ok()?;
    // The row's share of the size bound: a dict of at most a table's columns, each key at most a
    // few dozen bytes, so the sum cannot overflow before it is added.
    let mut row_size = 2 + cells.len();
    let mut counts = Keyed::<C, u64, M>::new();
    for (j, (ck, cell)) in cells.iter().enumerate() {
        let (col, clen) = columns.get(j, &ck)?;
        row_size += clen * 6 + 4;
        if cell.is_none() {
            row_size += 4;
            counts.set(col, None);
        } else {
            let n = cell.cast_exact::<PyInt>().ok()?.extract::<u64>().ok()?;
            row_size += 20;
            counts.set(col, Some(n));
        }
    }
    *size = size.saturating_add(row_size);
    t.set(key, Some(counts));
    Some(len)
}

/// Table 二 read into `p` (empty) as serde would read it — rows of counts (exact ints, negative
/// ones too: 本年增/减), amounts as exact decimal strs — or `false` for anything else, which serde
/// then reads or declines (`p` is then replaced).
fn proactive(v: &Bound<'_, PyAny>, p: &mut Proactive, cx: &mut Cx<'_>) -> bool {
    let Ok(d) = v.cast_exact::<PyDict>() else { return false };
    let mut size = cx.size.saturating_add(2 + d.len());
    for (k, row) in d.iter() {
        let Some(key) = key_text(&k, cx) else { return false };
        size = size.saturating_add(key.len().saturating_mul(6).saturating_add(4));
        let ok = match key {
            "regulations" => fields(&row, &mut p.regulations, cx, &mut size, document),
            "normative_documents" => fields(&row, &mut p.normative_documents, cx, &mut size, document),
            "licensing" => fields(&row, &mut p.licensing, cx, &mut size, decision),
            "other_services" => fields(&row, &mut p.other_services, cx, &mut size, decision),
            "punishment" => fields(&row, &mut p.punishment, cx, &mut size, decision),
            "coercion" => fields(&row, &mut p.coercion, cx, &mut size, decision),
            "fees" => fields(&row, &mut p.fees, cx, &mut size, fee),
            "procurement" => fields(&row, &mut p.procurement, cx, &mut size, procurement),
            _ => false,
        };
        if !ok || size > zfxxgk::json::MAX_INPUT_BYTES || cx.depth + 2 > MAX_DEPTH {
            return false;
        }
    }
    cx.size = size;
    true
}

/// The keys of table 二 (rows and columns).
const PROACTIVE_KEYS: &[&str] = &[
    "regulations",
    "normative_documents",
    "licensing",
    "other_services",
    "punishment",
    "coercion",
    "fees",
    "procurement",
    "issued",
    "repealed",
    "in_force",
    "made",
    "published",
    "total_published",
    "decisions",
    "last_year",
    "change",
    "amount",
    "projects",
];

/// A dict key of table 二 (read once per key object in a batch, as `Map` reads keys), or None.
fn key_text(k: &Bound<'_, PyAny>, cx: &mut Cx<'_>) -> Option<&'static str> {
    let k = k.cast::<PyString>().ok()?;
    let key = match cx.batch.keys.entry(k.as_ptr() as usize) {
        Entry::Occupied(e) => &e.into_mut().0,
        Entry::Vacant(e) => &e.insert((k.to_cow().ok()?.into_owned(), k.clone().unbind())).0,
    };
    PROACTIVE_KEYS.iter().find(|n| **n == key.as_str()).copied()
}

/// One row of table 二: None, or a dict whose every key `set` takes.
fn fields<T: Default>(
    row: &Bound<'_, PyAny>,
    slot: &mut Option<T>,
    cx: &mut Cx<'_>,
    size: &mut usize,
    set: fn(&mut T, &str, &Bound<'_, PyAny>, &mut usize) -> bool,
) -> bool {
    if row.is_none() {
        *size = size.saturating_add(4);
        *slot = None;
        return true;
    }
    let Ok(d) = row.cast_exact::<PyDict>() else { return false };
    *size = size.saturating_add(2 + d.len());
    let t = slot.insert(T::default());
    for (k, v) in d.iter() {
        let Some(key) = key_text(&k, cx) else { return false };
        *size = size.saturating_add(key.len().saturating_mul(6).saturating_add(4));
        if !set(t, key, &v, size) {
            return false;
        }
    }
    true
}

/// A count: None, or an exact int within i64 (as serde reads an `Option<i64>`).
fn count(v: &Bound<'_, PyAny>, size: &mut usize) -> Option<Option<i64>> {
    if v.is_none() {
        *size = size.saturating_add(4);
        return Some(None);
    }
    let n = v.cast_exact::<PyInt>().ok()?.extract::<i64>().ok()?;
    *size = size.saturating_add(20);
    Some(Some(n))
}

/// An amount: None, or an exact str that is an exact decimal.
fn amount(v: &Bound<'_, PyAny>, size: &mut usize) -> Option<Option<Money>> {
    if v.is_none() {
        *size = size.saturating_add(4);
        return Some(None);
    }
    if !v.is_exact_instance_of::<PyString>() {
        return None;
    }
    let text = v.cast::<PyString>().ok()?.to_cow().ok()?;
    *size = size.saturating_add(text.len().saturating_mul(6).saturating_add(2));
    text.parse().ok().map(Some)
}

fn document(t: &mut DocumentCounts, key: &str, v: &Bound<'_, PyAny>, size: &mut usize) -> bool {
    let slot = match key {
        "issued" => &mut t.issued,
        "repealed" => &mut t.repealed,
        "in_force" => &mut t.in_force,
        "made" => &mut t.made,
        "published" => &mut t.published,
        "total_published" => &mut t.total_published,
        _ => return false,
    };
    count(v, size).map(|n| *slot = n).is_some()
}

fn decision(t: &mut DecisionCounts, key: &str, v: &Bound<'_, PyAny>, size: &mut usize) -> bool {
    let slot = match key {
        "decisions" => &mut t.decisions,
        "last_year" => &mut t.last_year,
        "change" => &mut t.change,
        _ => return false,
    };
    count(v, size).map(|n| *slot = n).is_some()
}

fn fee(t: &mut FeeCounts, key: &str, v: &Bound<'_, PyAny>, size: &mut usize) -> bool {
    match key {
        "amount" => amount(v, size).map(|a| t.amount = a).is_some(),
        "last_year" => count(v, size).map(|n| t.last_year = n).is_some(),
        "change" => count(v, size).map(|n| t.change = n).is_some(),
        _ => false,
    }
}

fn procurement(t: &mut ProcurementCounts, key: &str, v: &Bound<'_, PyAny>, size: &mut usize) -> bool {
    match key {
        "projects" => count(v, size).map(|n| t.projects = n).is_some(),
        "amount" => amount(v, size).map(|a| t.amount = a).is_some(),
        _ => false,
    }
}
