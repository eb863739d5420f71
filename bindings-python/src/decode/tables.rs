//! Tables 二 三 四 read straight from their dicts: they are most of a report's values, and serde's
//! visitors, built for any data, cost several times the reading itself there. Each reader takes
//! exactly what serde would take and gives what serde would give; for anything else it answers
//! `false`, and serde reads the value (or declines it).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasherDefault;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyString};
use zfxxgk::report::{
    DecisionCounts, DocumentCounts, FeeCounts, Key as TableKey, Keyed, Money, Proactive, ProcurementCounts,
};

use super::{Address, Cx, MAX_DEPTH, borrowed};

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
    /// The key of the object at `addr`, the `i`th key of its dict, if that object is a key of the
    /// set already seen (None: not seen, or not one of the set's keys).
    pub(super) fn known(&mut self, i: usize, addr: usize) -> Option<(K, usize)> {
        if let Some(&(a, key, len)) = self.last.get(i) {
            if a == addr {
                return Some((key, len));
            }
        }
        let &(key, len, _) = self.keys.get(&addr)?;
        let key = key?;
        self.remember(i, addr, key, len);
        Some((key, len))
    }

    /// The `i`th key of the dict read last (held in `keys`, so its address stays its own).
    fn remember(&mut self, i: usize, addr: usize, key: K, len: usize) {
        if let Some(slot) = self.last.get_mut(i) {
            *slot = (addr, key, len);
        } else if self.last.len() == i {
            self.last.push((addr, key, len));
        }
    }

    /// The key of the str `k`, the `i`th key of its dict (None: not a str, or not one of the
    /// set's keys).
    pub(super) fn get(&mut self, i: usize, k: &Bound<'_, PyAny>) -> Option<(K, usize)> {
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
        self.remember(i, addr, key, len);
        Some((key, len))
    }
}

/// Table 三 or 四 as the contract has it (a dict of rows, each None or a dict of counts, each
/// None or an exact non-negative int, every key the table's own) read into `t` (empty): what
/// serde would read, without its visitors. `false` for anything else — a null table, a subclass,
/// an unknown key, a bool, a float, a negative or huge int, the size bound passed — which serde
/// then reads or declines (`t`, partly filled, is then replaced).
pub(super) fn table<R: TableKey, C: TableKey, const N: usize, const M: usize>(
    v: &Bound<'_, PyAny>,
    t: &mut Keyed<R, Keyed<C, u64, M>, N>,
    rows: &mut KeyIndex<R>,
    columns: &mut KeyIndex<C>,
    total: &mut usize,
    depth: u32,
) -> bool {
    let Ok(d) = v.cast_exact::<PyDict>() else { return false };
    // Most tables are read without taking a reference to each item (`borrowed`); the first of a
    // batch, and any with what that reader does not take, are read here.
    if borrowed::table(d, t, rows, columns, total, depth) {
        return true;
    }
    *t = Keyed::new();
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
pub(super) fn proactive(v: &Bound<'_, PyAny>, p: &mut Proactive, cx: &mut Cx<'_>) -> bool {
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

/// A dict key of table 二 (resolved once per key object in a batch), or None.
fn key_text(k: &Bound<'_, PyAny>, cx: &mut Cx<'_>) -> Option<&'static str> {
    match cx.batch.proactive_keys.entry(k.as_ptr() as usize) {
        Entry::Occupied(e) => e.get().0,
        Entry::Vacant(e) => {
            let text = k.cast::<PyString>().ok()?.to_cow().ok()?;
            let name = PROACTIVE_KEYS.iter().find(|n| **n == text).copied();
            e.insert((name, k.clone().unbind())).0
        }
    }
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
