//! Dict items read without taking a reference to each. Tables 三 and 四 are some 200 items a
//! report; pyo3's dict iterator asks the dict's size and takes and drops a reference to the key
//! and to the value of every item — five calls into Python (functions, under the stable ABI)
//! around the one `PyDict_Next` that reads it, about a sixth of `check_many`'s time under the GIL
//! (BENCHMARKS.md, "Profiles"). CPython's own readers (`marshal`, for one) walk dicts this way.
//!
//! The project's only `unsafe` code, kept to this module (the core forbids it outright). What
//! makes it sound is what the callers may do with a lent object: nothing that can run Python code
//! (a finalizer, run by a collection that any new Python object may start, could change the dict
//! and free what was lent). So no new Python object at all — no error either: ints are read by
//! `PyLong_AsLongLongAndOverflow`, which reports overflow in a flag, not by raising.
#![allow(unsafe_code, reason = "borrowed dict items; the contract of `items` makes them sound")]

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt};
use pyo3::{Borrowed, ffi};
use zfxxgk::report::{Key as TableKey, Keyed};

use super::MAX_DEPTH;
use super::tables::KeyIndex;

/// A value lent by `items`: only looked at, never used to call Python.
#[derive(Clone, Copy)]
struct Lent<'a, 'py>(Borrowed<'a, 'py, PyAny>);

impl<'a, 'py> Lent<'a, 'py> {
    /// The object's address (keys are known by it).
    fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }
    fn is_none(self) -> bool {
        self.0.is_none()
    }
    /// The object, if an exact dict (a type comparison).
    fn exact_dict(self) -> Option<Borrowed<'a, 'py, PyDict>> {
        // (pyo3's `cast_exact` would make a type object reference for its error.)
        // SAFETY: an exact dict, checked first.
        self.0.is_exact_instance_of::<PyDict>().then(|| unsafe { self.0.cast_unchecked::<PyDict>() })
    }
    /// The value of an exact int within i64, or None (another type, or beyond i64: no error is
    /// raised for either).
    fn int(self) -> Option<i64> {
        if !self.0.is_exact_instance_of::<PyInt>() {
            return None;
        }
        let mut overflow: std::os::raw::c_int = 0;
        // SAFETY: an int (checked above), alive while lent. For an int this sets only `overflow`,
        // never an error, and makes no object.
        let n = unsafe { ffi::PyLong_AsLongLongAndOverflow(self.0.as_ptr(), &mut overflow) };
        (overflow == 0).then_some(n)
    }
}

/// Table 三 or 四 read into `t` (empty) as `tables::table` reads it, from keys already known in
/// `rows` and `columns` and ints within i64: `false` for anything else (a key not seen yet, …),
/// which `tables::table` then reads (`t` is then partly filled; it starts again from empty).
pub(super) fn table<R: TableKey, C: TableKey, const N: usize, const M: usize>(
    d: &Bound<'_, PyDict>,
    t: &mut Keyed<R, Keyed<C, u64, M>, N>,
    rows: &mut KeyIndex<R>,
    columns: &mut KeyIndex<C>,
    total: &mut usize,
    depth: u32,
) -> bool {
    // Counted and bounded as `tables::table` counts and bounds.
    let mut size = total.saturating_add(2 + d.len());
    let mut i = 0;
    // SAFETY: the closures only look at what is lent (`Lent`), read Rust data and write `t`.
    let read = unsafe {
        items(d.as_borrowed(), |k, row| {
            let Some((key, len)) = rows.known(i, k.addr()) else { return false };
            i += 1;
            size = size.saturating_add(len.saturating_mul(6).saturating_add(4));
            if row.is_none() {
                size = size.saturating_add(4);
                t.set(key, None);
                return size <= zfxxgk::json::MAX_INPUT_BYTES && depth + 2 <= MAX_DEPTH;
            }
            let Some(cells) = row.exact_dict() else { return false };
            let mut row_size = 2 + cells.len();
            let mut counts = Keyed::<C, u64, M>::new();
            let mut j = 0;
            let read = items(cells, |ck, cell| {
                let Some((col, clen)) = columns.known(j, ck.addr()) else { return false };
                j += 1;
                row_size += clen * 6 + 4;
                if cell.is_none() {
                    row_size += 4;
                    counts.set(col, None);
                    return true;
                }
                let Some(n) = cell.int().and_then(|n| u64::try_from(n).ok()) else { return false };
                row_size += 20;
                counts.set(col, Some(n));
                true
            });
            size = size.saturating_add(row_size);
            t.set(key, Some(counts));
            read && size <= zfxxgk::json::MAX_INPUT_BYTES && depth + 2 <= MAX_DEPTH
        })
    };
    if read {
        *total = size;
    }
    read
}

/// Calls `f` with the key and the value of each item of `d`, in order, lent (no reference taken),
/// until `f` answers `false`; whether it answered `true` to every item.
///
/// # Safety
///
/// `f` must run no Python code (see the module's notes): it may look at what is lent, nothing
/// else of Python's.
unsafe fn items<'a, 'py>(
    d: Borrowed<'a, 'py, PyDict>,
    mut f: impl FnMut(Lent<'a, 'py>, Lent<'a, 'py>) -> bool,
) -> bool {
    let py = d.py();
    let (mut pos, mut key, mut value): (ffi::Py_ssize_t, *mut ffi::PyObject, *mut ffi::PyObject) =
        (0, std::ptr::null_mut(), std::ptr::null_mut());
    // SAFETY: `d` is a live dict (lent to us by our caller). `PyDict_Next` lends its key and
    // value, non-null when it answers non-zero, alive while `d` is unchanged: and nothing can
    // change it, since `f` runs no Python code (the caller's promise).
    while unsafe { ffi::PyDict_Next(d.as_ptr(), &mut pos, &mut key, &mut value) } != 0 {
        // SAFETY: as above.
        let (k, v) = unsafe { (Borrowed::from_ptr(py, key), Borrowed::from_ptr(py, value)) };
        if !f(Lent(k), Lent(v)) {
            return false;
        }
    }
    true
}
