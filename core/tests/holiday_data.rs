//! The embedded holiday table against the raw holiday-cn files (`../shared/data/holiday-cn`, or
//! `$HOLIDAY_CN_DIR`): the generated file is up to date, and every date of the covered years is
//! classified as the data says. Skipped when the data is absent, except under CI where that fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

#[path = "../src/calendar/generate.rs"]
mod generate;

use std::collections::HashMap;

use zfxxgk::calendar::DayKind;
use zfxxgk::{Calendar, Date};

const GENERATED: &str = include_str!("../src/calendar/holidays_data.rs");

#[test]
fn embedded_table_is_generated_from_the_data() {
    let Some(dir) = generate::data_dir_or_skip("embedded_table_is_generated_from_the_data") else { return };
    let rendered = generate::render(&generate::read_years(&dir));
    if std::env::var_os("ZFXXGK_REGENERATE_HOLIDAYS").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/calendar/holidays_data.rs");
        std::fs::write(path, &rendered).unwrap();
        return;
    }
    assert!(
        rendered == GENERATED,
        "src/calendar/holidays_data.rs is stale: ZFXXGK_REGENERATE_HOLIDAYS=1 cargo test -p zfxxgk --test holiday_data"
    );
}

#[test]
fn every_covered_date_matches_the_raw_data() {
    let Some(dir) = generate::data_dir_or_skip("every_covered_date_matches_the_raw_data") else { return };
    let years = generate::read_years(&dir);
    let mut listed: HashMap<String, (bool, String)> = HashMap::new();
    for (_, days) in &years {
        for d in days {
            listed.insert(d.date.clone(), (d.is_off_day, d.name.clone()));
        }
    }
    let first = years.first().unwrap().0;
    let last = years.last().unwrap().0;
    let cal = Calendar::embedded();
    assert_eq!(cal.years(), first..=last);

    let start = Date::first_of_year(first).unwrap().days();
    let end = Date::first_of_year(last + 1).unwrap().days();
    let mut working_so_far = 0u32;
    let origin = Date::from_days(start);
    for n in start..end {
        let date = Date::from_days(n);
        let weekend = date.weekday() >= 5;
        let expected = match listed.get(&date.to_string()) {
            Some((off, _)) => !off,
            None => !weekend,
        };
        assert_eq!(zfxxgk::is_working_day(date).unwrap(), expected, "{date}");
        let kind = cal.day_kind(date).unwrap();
        assert_eq!(kind.is_working(), expected, "{date}");
        if let Some((_, name)) = listed.get(&date.to_string()) {
            match &kind {
                DayKind::Holiday { name: n } | DayKind::MakeUpDay { name: n } => assert_eq!(n, name, "{date}"),
                DayKind::Workday => assert!(!weekend, "{date}"),
                DayKind::Weekend => panic!("{date} is listed but reported as an ordinary weekend"),
            }
        }
        // The prefix table agrees with a day-by-day count from the first covered day.
        if expected && n > start {
            working_so_far += 1;
            assert_eq!(cal.add_working_days(origin, working_so_far).unwrap(), date);
        }
        assert_eq!(cal.count_working_days(origin, date).unwrap(), working_so_far, "{date}");
    }
}

#[test]
fn every_raw_year_file_loads_at_run_time_to_the_same_calendar() {
    let Some(dir) = generate::data_dir_or_skip("every_raw_year_file_loads_at_run_time_to_the_same_calendar") else {
        return;
    };
    // Replacing each embedded year by its raw file changes nothing.
    let mut cal = Calendar::default();
    for (year, _) in generate::read_years(&dir) {
        let text = std::fs::read_to_string(dir.join(format!("{year}.json"))).unwrap();
        cal = cal.with_year_json(&text).unwrap();
    }
    let embedded = Calendar::embedded();
    let start = Date::first_of_year(2007).unwrap().days();
    for n in start..start + 20 * 366 {
        let date = Date::from_days(n);
        assert_eq!(cal.day_kind(date).ok(), embedded.day_kind(date).ok(), "{date}");
    }
    // The placeholder of a year not yet published is refused.
    let placeholder = dir.join("2027.json");
    if let Ok(text) = std::fs::read_to_string(placeholder) {
        assert_eq!(cal.with_year_json(&text).unwrap_err().code(), "calendar.data_invalid");
    }
}
