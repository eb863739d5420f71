//! Properties: working-day arithmetic is additive and `count` inverts `add`; year aggregation of
//! random lawful event logs always satisfies the 勾稽 identities of table 三.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use proptest::prelude::*;
use zfxxgk::application::{Application, Event, Replay, ReplayOptions};
use zfxxgk::report::{Key, RequestColumn, RequestRow};
use zfxxgk::{Calendar, Date, Format};

fn first_day() -> i32 {
    Date::new(2007, 1, 1).unwrap().days()
}

fn last_day() -> i32 {
    Date::new(2026, 12, 31).unwrap().days()
}

fn covered_date() -> impl Strategy<Value = Date> {
    (first_day()..=last_day()).prop_map(Date::from_days)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn adding_working_days_is_additive(d in covered_date(), a in 0u32..400, b in 0u32..400) {
        let direct = zfxxgk::add_working_days(d, a + b);
        let stepwise = zfxxgk::add_working_days(d, a).and_then(|m| zfxxgk::add_working_days(m, b));
        match (direct, stepwise) {
            (Ok(x), Ok(y)) => prop_assert_eq!(x, y),
            (Err(x), Err(y)) => {
                prop_assert_eq!(x.code(), "calendar.year_not_covered");
                prop_assert_eq!(y.code(), "calendar.year_not_covered");
            }
            (x, y) => prop_assert!(false, "{d} + {a} + {b}: {x:?} vs {y:?}"),
        }
    }

    #[test]
    fn count_inverts_add(d in covered_date(), n in 0u32..800) {
        if let Ok(due) = zfxxgk::add_working_days(d, n) {
            prop_assert!(due >= d);
            prop_assert_eq!(zfxxgk::count_working_days(d, due).unwrap(), n);
            if n > 0 {
                prop_assert!(zfxxgk::is_working_day(due).unwrap());
            }
        }
    }

    #[test]
    fn add_inverts_count_up_to_the_last_working_day(d in covered_date(), span in 0i32..600) {
        let end = Date::from_days((d.days() + span).min(last_day()));
        let n = zfxxgk::count_working_days(d, end).unwrap();
        let back = zfxxgk::add_working_days(d, n).unwrap();
        prop_assert!(back <= end);
        // Nothing between the result and `end` is a working day.
        prop_assert_eq!(zfxxgk::count_working_days(back, end).unwrap(), 0);
    }
}

/// One random event of any type; the log keeps it only if the state machine accepts it.
fn event(kind: u8, at: Date, param: u8) -> Event {
    let applicants = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other"];
    let outcomes =
        ["granted", "partially_granted", "denied_security", "unavailable_unclear", "rejected_excessive", "other_misc"];
    let parties = ["third_party", "agency"];
    let p = usize::from(param);
    let json = match kind % 14 {
        0 => format!(r#"{{"type":"received","at":"{at}","channel":"post","applicant":"{}"}}"#, applicants[p % 6]),
        1 => format!(r#"{{"type":"correction_requested","at":"{at}"}}"#),
        2 => format!(r#"{{"type":"corrected","at":"{at}"}}"#),
        3 => format!(r#"{{"type":"correction_lapsed","at":"{at}"}}"#),
        4 => format!(r#"{{"type":"consultation_started","at":"{at}","party":"{}"}}"#, parties[p % 2]),
        5 => format!(r#"{{"type":"consultation_ended","at":"{at}"}}"#),
        6 => format!(r#"{{"type":"extended","at":"{at}","days":{}}}"#, 1 + p % 25),
        7 => format!(r#"{{"type":"fee_notice","at":"{at}","amount_yuan":{}}}"#, p * 100),
        8 => format!(r#"{{"type":"fee_paid","at":"{at}"}}"#),
        9 => format!(r#"{{"type":"fee_lapsed","at":"{at}"}}"#),
        10 => format!(r#"{{"type":"reasons_requested","at":"{at}"}}"#),
        11 => format!(
            r#"{{"type":"reasons_accepted","at":"{at}","due":"{}"}}"#,
            Date::from_days(at.days() + 30 + p as i32)
        ),
        12 => format!(r#"{{"type":"replied","at":"{at}","outcome":"{}","delivery":"online"}}"#, outcomes[p % 6]),
        _ => format!(r#"{{"type":"withdrawn","at":"{at}"}}"#),
    };
    serde_json::from_str(&json).unwrap()
}

/// A lawful event log built from random proposals: the first is always a receipt.
fn application(id: usize, start: i32, proposals: &[(u8, u8, u8)]) -> Application {
    let mut at = Date::from_days(start);
    let mut replay = Replay::new("p", Calendar::embedded(), ReplayOptions::default());
    let mut events = vec![event(0, at, proposals.first().map_or(0, |p| p.2))];
    replay.apply(&events[0]).unwrap();
    for &(kind, gap, param) in proposals {
        at = Date::from_days(at.days() + i32::from(gap % 40));
        let e = event(kind, at, param);
        if replay.apply(&e).is_ok() {
            events.push(e);
        }
    }
    Application { id: id.to_string(), events }
}

fn applications() -> impl Strategy<Value = Vec<Application>> {
    // Receipts in 2019-06 … 2024-12 so every due date stays inside the calendar.
    let start = Date::new(2019, 6, 1).unwrap().days()..Date::new(2024, 12, 31).unwrap().days();
    let one = (start, prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 0..12));
    prop::collection::vec(one, 0..40)
        .prop_map(|apps| apps.iter().enumerate().map(|(i, (s, p))| application(i, *s, p)).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn aggregation_balances_every_column_every_year(apps in applications(), explicit in any::<bool>()) {
        let mut received_total = 0;
        for year in 2019..=2025 {
            let format = explicit.then_some(Format::F2021);
            let table = zfxxgk::stats::aggregate(&apps, year, format).unwrap();
            let format = format.unwrap_or(Format::in_force_for(year));
            let cell = |row: RequestRow, col: RequestColumn| table.get(row).and_then(|r| r.value(col)).unwrap();
            for row in RequestRow::of_format(format) {
                let sum: u64 = RequestColumn::APPLICANTS.iter().map(|c| cell(row, *c)).sum();
                prop_assert_eq!(cell(row, RequestColumn::Total), sum, "{:?} {}", row, year);
            }
            for &col in RequestColumn::ALL {
                let handled: u64 = RequestRow::of_format(format).filter(|r| r.is_result()).map(|r| cell(r, col)).sum();
                prop_assert_eq!(cell(RequestRow::TotalHandled, col), handled);
                prop_assert_eq!(
                    cell(RequestRow::Received, col) + cell(RequestRow::CarriedIn, col),
                    cell(RequestRow::TotalHandled, col) + cell(RequestRow::CarriedOver, col),
                    "{} {:?}", year, col
                );
            }
            // Next year's carried_in is this year's carried_over.
            let next = zfxxgk::stats::aggregate(&apps, year + 1, Some(Format::F2021)).unwrap();
            prop_assert_eq!(
                next.get(RequestRow::CarriedIn).and_then(|r| r.value(RequestColumn::Total)),
                table.get(RequestRow::CarriedOver).and_then(|r| r.value(RequestColumn::Total))
            );
            received_total += cell(RequestRow::Received, RequestColumn::Total);
        }
        // Every application is received in exactly one year.
        prop_assert_eq!(received_total, apps.len() as u64);
    }
}
