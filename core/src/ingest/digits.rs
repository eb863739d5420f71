//! Splitting a run of digits printed without separators into a table row's cells, using the
//! row's own arithmetic. The search is bounded: a run too long, or a search too wide, is
//! undecidable rather than slow.

/// A row's arithmetic: each `(parts, total)` says cells `parts` add up to cell `total`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    /// Number of cells in the row.
    pub cells: usize,
    /// Sum constraints, in cell order: the cells `start..total` add up to the cell `total`.
    pub sums: &'static [(usize, usize)],
}

/// Table 三: six applicant columns, then their total.
pub(crate) const TABLE3_ROW: Shape = Shape { cells: 7, sums: &[(0, 6)] };
/// Table 四: three groups of four outcomes, each followed by its total.
pub(crate) const TABLE4_ROW: Shape = Shape { cells: 15, sums: &[(0, 4), (5, 9), (10, 14)] };

/// Longest run considered: beyond it the split is undecidable (a real cell has at most a few
/// digits; 8 per cell is generous for any government's yearly counts).
const MAX_CELL_DIGITS: usize = 8;
/// Upper bound on search steps for one run.
const MAX_STEPS: usize = 200_000;

/// The ways to read a digit run as the row's cells.
#[derive(Debug, Default)]
pub(crate) struct Splits {
    /// Every reading that respects the number syntax (no leading zeros), up to a bound, as
    /// cell lengths in digits.
    pub syntactic: usize,
    /// The readings whose sums hold, as cell lengths.
    pub consistent: Vec<Vec<u8>>,
    /// The only syntactic reading, when there is exactly one.
    pub only: Option<Vec<u8>>,
    /// The search hit its bound: the counts above are incomplete.
    pub truncated: bool,
}

/// All readings of `digits` (ASCII digit bytes) as `shape.cells` numbers without leading zeros.
pub(crate) fn split(digits: &[u8], shape: Shape) -> Splits {
    let mut out = Splits::default();
    let n = shape.cells;
    if digits.len() < n || digits.len() > n.saturating_mul(MAX_CELL_DIGITS) || !digits.iter().all(u8::is_ascii_digit) {
        out.truncated = digits.len() > n.saturating_mul(MAX_CELL_DIGITS);
        return out;
    }
    let mut lens: Vec<u8> = Vec::with_capacity(n);
    let mut values: Vec<u64> = Vec::with_capacity(n);
    let mut steps = 0usize;
    search(digits, shape, &mut lens, &mut values, &mut steps, &mut out);
    out
}

fn search(rest: &[u8], shape: Shape, lens: &mut Vec<u8>, values: &mut Vec<u64>, steps: &mut usize, out: &mut Splits) {
    *steps += 1;
    if *steps > MAX_STEPS {
        out.truncated = true;
        return;
    }
    let i = lens.len();
    if i == shape.cells {
        if rest.is_empty() {
            out.syntactic += 1;
            out.only = if out.syntactic == 1 { Some(lens.clone()) } else { None };
            if sums_hold(values, shape) {
                out.consistent.push(lens.clone());
            }
        }
        return;
    }
    let cells_left = shape.cells - i;
    // Each remaining cell needs at least one digit and at most MAX_CELL_DIGITS.
    let max_len = rest.len().saturating_sub(cells_left - 1).min(MAX_CELL_DIGITS);
    let min_len = rest.len().saturating_sub((cells_left - 1) * MAX_CELL_DIGITS).max(1);
    for len in min_len..=max_len {
        let Some(cell) = rest.get(..len) else { break };
        if len > 1 && cell.first() == Some(&b'0') {
            break; // a leading zero: longer cells starting here are no numbers either
        }
        let value = cell.iter().fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0'));
        lens.push(len as u8);
        values.push(value);
        search(rest.get(len..).unwrap_or(&[]), shape, lens, values, steps, out);
        lens.pop();
        values.pop();
        if out.truncated {
            return;
        }
    }
}

fn sums_hold(values: &[u64], shape: Shape) -> bool {
    shape.sums.iter().all(|&(start, total)| {
        let parts = values.get(start..total).map(|p| p.iter().map(|v| u128::from(*v)).sum::<u128>());
        parts.is_some() && parts == values.get(total).map(|t| u128::from(*t))
    })
}

/// The values of `digits` cut at `lens`.
pub(crate) fn cut(digits: &[u8], lens: &[u8]) -> Vec<u64> {
    let mut at = 0usize;
    lens.iter()
        .map(|&l| {
            let end = at + usize::from(l);
            let v = digits.get(at..end).unwrap_or(&[]).iter().fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0'));
            at = end;
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn consistent(s: &str, shape: Shape) -> Vec<Vec<u64>> {
        split(s.as_bytes(), shape).consistent.iter().map(|l| cut(s.as_bytes(), l)).collect()
    }

    #[test]
    fn row_totals_decide() {
        assert_eq!(consistent("291000030", TABLE3_ROW), vec![vec![29, 1, 0, 0, 0, 0, 30]]);
        assert_eq!(consistent("580000058", TABLE3_ROW), vec![vec![58, 0, 0, 0, 0, 0, 58]]);
        // Seven digits: one per cell, whatever the sums say.
        let s = split(b"2000000", TABLE3_ROW);
        assert!(s.consistent.is_empty());
        assert_eq!(s.only, Some(vec![1; 7]));
    }

    #[test]
    fn several_consistent_readings_are_all_returned() {
        let c = consistent("11101011033", TABLE3_ROW);
        assert_eq!(c.len(), 9);
        assert!(c.contains(&vec![1, 1, 10, 10, 1, 10, 33]));
        assert!(c.contains(&vec![11, 10, 10, 1, 1, 0, 33]));
    }

    #[test]
    fn bounded() {
        let long = "1".repeat(100_000);
        let s = split(long.as_bytes(), TABLE3_ROW);
        assert!(s.truncated && s.consistent.is_empty());
        let wide = "123456789".repeat(6);
        let s = split(wide.as_bytes(), TABLE4_ROW);
        assert!(s.syntactic > 0 || s.truncated);
    }
}
