//! A report's own dict: handed to serde with the values read faster elsewhere set aside — tables
//! 二 三 四 (`tables`), and the text no selected rule reads (checked for its type only).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde::de::{self, Visitor};
use serde::forward_to_deserialize_any;
use zfxxgk::Report;
use zfxxgk::report::{Keyed, Proactive};

use super::tables::{proactive, table};
use super::{Cx, De, Decline, MAX_DEPTH, Map, Name, Reads, Tables, enter};

/// A report dict read by serde except its tables 三 and 四, which `table` reads: they are most of
/// a report's values, and serde's visitors, built for any data, cost several times the reading
/// itself there. The result is the one serde gives (a value `table` does not take goes to serde).
pub(super) fn with_tables(d: &Bound<'_, PyDict>, cx: &mut Cx<'_>, reads: Reads) -> Result<Report, Decline> {
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
