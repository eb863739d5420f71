//! 信息处理费 (DOMAIN §5; 《政府信息公开信息处理费管理办法》国办函〔2020〕109号): the fee for
//! one application, on one basis — by items (按件) or by pages (按量) — charged progressively.

use crate::error::Error;

/// Items free of charge (按件: 1–10).
const FREE_ITEMS: u64 = 10;
/// Items 11–30 are charged at 100 元 each.
const FIRST_BAND_END: u64 = 30;
const FIRST_BAND_YUAN: u64 = 100;
/// From item 31, each further block of 10 items costs 100 元 more per item than the one before
/// (31–40 at 200, 41–50 at 300, …).
const BLOCK_ITEMS: u64 = 10;
const BLOCK_STEP_YUAN: u64 = 100;

/// Page bands (按量): (last page of the band, yuan per page); pages beyond the last band are
/// charged at [`PAGE_YUAN_BEYOND`].
const PAGE_BANDS: [(u64, u64); 3] = [(30, 0), (100, 10), (200, 20)];
const PAGE_YUAN_BEYOND: u64 = 40;

/// The 信息处理费 in yuan for one application: give exactly one basis, the number of items
/// (按件, counted cumulatively for the same applicant in one calendar month) or the number of
/// pages (按量).
///
/// By items: 1–10 free, 11–30 at 100 元, then each block of 10 at 100 元 more per item than the
/// block before (31–40 at 200, 41–50 at 300, …). **UNCONFIRMED** reading of FEE: the
/// national text could not be checked for the bands beyond 40 items; DOMAIN §5 states this
/// progression as the default. By pages: 1–30 free, 31–100 at 10 元, 101–200 at 20 元, from
/// 201 at 40 元.
///
/// ```
/// use zfxxgk::information_fee;
/// assert_eq!(information_fee(Some(40), None)?, 4000);
/// assert_eq!(information_fee(None, Some(250))?, 4700);
/// assert_eq!(information_fee(Some(10), None)?, 0);
/// assert_eq!(information_fee(Some(1), Some(1)).unwrap_err().code(), "fee.basis_invalid");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn information_fee(items: Option<u64>, pages: Option<u64>) -> Result<u64, Error> {
    let yuan = match (items, pages) {
        (Some(items), None) => by_items(items),
        (None, Some(pages)) => by_pages(pages),
        _ => return Err(Error::FeeBasis),
    };
    yuan.and_then(|y| u64::try_from(y).ok()).ok_or(Error::Overflow { what: "信息处理费 / information fee" })
}

/// Closed form (no loop over blocks), checked in u128.
fn by_items(items: u64) -> Option<u128> {
    let items = u128::from(items);
    let first_band = items.clamp(u128::from(FREE_ITEMS), u128::from(FIRST_BAND_END)) - u128::from(FREE_ITEMS);
    let beyond = items.saturating_sub(u128::from(FIRST_BAND_END));
    let (block, step) = (u128::from(BLOCK_ITEMS), u128::from(BLOCK_STEP_YUAN));
    let first_rate = u128::from(FIRST_BAND_YUAN) + step;
    let full_blocks = beyond / block;
    let rest = beyond % block;
    // Block k (0-based) costs block × (first_rate + k × step); over the full blocks that is
    // block × (first_rate × q + step × q(q−1)/2).
    let triangle = full_blocks.checked_mul(full_blocks.saturating_sub(1))? / 2;
    let per_item_sum = first_rate.checked_mul(full_blocks)?.checked_add(step.checked_mul(triangle)?)?;
    let rest_rate = first_rate.checked_add(step.checked_mul(full_blocks)?)?;
    (first_band * u128::from(FIRST_BAND_YUAN))
        .checked_add(block.checked_mul(per_item_sum)?)?
        .checked_add(rest.checked_mul(rest_rate)?)
}

fn by_pages(pages: u64) -> Option<u128> {
    // u64 pages × 40 元 cannot overflow u128.
    let pages = u128::from(pages);
    let mut yuan = 0;
    let mut band_start = 0;
    for (band_end, rate) in PAGE_BANDS {
        let band_end = u128::from(band_end);
        yuan += pages.clamp(band_start, band_end).saturating_sub(band_start) * u128::from(rate);
        band_start = band_end;
    }
    Some(yuan + pages.saturating_sub(band_start) * u128::from(PAGE_YUAN_BEYOND))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Item by item, the way the bands are stated.
    fn items_by_hand(items: u64) -> u64 {
        (1..=items)
            .map(|i| match i {
                0..=10 => 0,
                11..=30 => 100,
                _ => 200 + (i - 31) / 10 * 100,
            })
            .sum()
    }

    fn pages_by_hand(pages: u64) -> u64 {
        (1..=pages)
            .map(|p| match p {
                0..=30 => 0,
                31..=100 => 10,
                101..=200 => 20,
                _ => 40,
            })
            .sum()
    }

    #[test]
    fn closed_forms_match_the_bands_item_by_item() {
        for n in 0..=500 {
            assert_eq!(information_fee(Some(n), None).unwrap(), items_by_hand(n), "{n} items");
            assert_eq!(information_fee(None, Some(n)).unwrap(), pages_by_hand(n), "{n} pages");
        }
    }

    #[test]
    fn domain_examples() {
        assert_eq!(information_fee(Some(40), None).unwrap(), 4000);
        assert_eq!(information_fee(None, Some(250)).unwrap(), 4700);
    }

    #[test]
    fn exactly_one_basis_and_no_overflow() {
        assert_eq!(information_fee(None, None).unwrap_err().code(), "fee.basis_invalid");
        assert_eq!(information_fee(Some(0), Some(0)).unwrap_err().code(), "fee.basis_invalid");
        assert_eq!(information_fee(Some(u64::MAX), None).unwrap_err().code(), "input.overflow");
        assert_eq!(information_fee(None, Some(u64::MAX)).unwrap_err().code(), "input.overflow");
    }
}
