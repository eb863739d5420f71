//! Holiday notices (放假安排) as data: the embedded holiday-cn table and holiday-cn JSON loaded at
//! run time, both turned into the same [`YearNotice`] values.

use serde::Deserialize;

use super::holidays_data;
use crate::date::Date;
use crate::error::Error;

/// One day listed by a notice: a day off (`off == true`) or a weekend day worked (调休).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ListedDay {
    pub date: Date,
    pub off: bool,
    pub name: String,
}

/// The State Council notice for one year, as published (it may list late-December days of the
/// year before).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct YearNotice {
    pub year: i32,
    pub days: Vec<ListedDay>,
}

/// The notices embedded in the crate (holiday-cn, MIT).
pub(crate) fn embedded() -> Vec<YearNotice> {
    holidays_data::YEARS
        .iter()
        .map(|(year, days)| YearNotice {
            year: *year,
            days: days
                .iter()
                .filter_map(|(ymd, off, name)| {
                    // The generated table is checked against the data by a test; an entry that
                    // does not decode could only come from hand-editing and is left out.
                    let date = Date::new((ymd / 10_000) as i32, (ymd / 100) % 100, ymd % 100).ok()?;
                    let name = holidays_data::NAMES.get(usize::from(*name))?;
                    Some(ListedDay { date, off: *off, name: (*name).to_owned() })
                })
                .collect(),
        })
        .collect()
}

/// holiday-cn `YYYY.json` (https://github.com/NateScarlet/holiday-cn).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayCnFile {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    #[serde(rename = "$id", default)]
    _id: Option<String>,
    year: i32,
    // Required by the holiday-cn schema; the URLs of the notices are not used.
    #[serde(rename = "papers")]
    _papers: Vec<String>,
    days: Vec<HolidayCnDay>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayCnDay {
    name: String,
    date: Date,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

/// Reads one holiday-cn year file. A file without any day is a placeholder for a notice not yet
/// published and is refused: loading it would make the year look covered.
pub(crate) fn from_holiday_cn_json(text: &str) -> Result<YearNotice, Error> {
    let file: HolidayCnFile = crate::json::from_json_str(text)?;
    let year = file.year;
    if file.days.is_empty() {
        return Err(Error::HolidayData {
            zh: format!("{year} 年的文件没有列出任何日期（尚未发布的占位文件）"),
            en: format!("the file for {year} lists no day (a placeholder for a notice not yet published)"),
        });
    }
    let mut days = Vec::with_capacity(file.days.len());
    for d in file.days {
        // A notice covers its own year and, at most, the end of the year before.
        if d.date.year() != year && d.date.year() != year - 1 {
            return Err(Error::HolidayData {
                zh: format!("{year} 年的文件列出了不属于该年或上年的日期 {}", d.date),
                en: format!("the file for {year} lists {}, outside that year and the one before", d.date),
            });
        }
        days.push(ListedDay { date: d.date, off: d.is_off_day, name: d.name });
    }
    Ok(YearNotice { year, days })
}
