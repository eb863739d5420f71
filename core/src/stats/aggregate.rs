//! The aggregator: each application is replayed (without deadlines, which table 三 does not
//! need) and counted into fixed arrays; nothing is kept per application.

use crate::application::{Application, Machine, check_event_count};
use crate::date::Date;
use crate::error::Error;
use crate::report::{Format, Key, OTHER_ROWS_2021, RequestColumn, RequestCounts, RequestRow, Requests};

const ROWS: usize = 26;
const APPLICANTS: usize = RequestColumn::APPLICANTS.len();

/// Counts applications into table 三 of one year.
///
/// Per application: `received` if first received within the year; `carried_in` if received
/// earlier and not closed before 1 January; its outcome row if closed within the year;
/// `carried_over` if not closed by 31 December. Columns by applicant kind; `total` = the row's
/// sum; `total_handled` = the sum of the result rows. F2019 years fold the three `other_*` rows
/// into `other`.
///
/// ```
/// use zfxxgk::report::{RequestColumn, RequestRow};
/// let mut agg = zfxxgk::stats::Aggregator::new(2025, None)?;
/// agg.push_line(r#"{"id": "1", "events": [
///     {"type": "received", "at": "2024-12-20", "channel": "post", "applicant": "natural_person"},
///     {"type": "replied", "at": "2025-01-10", "outcome": "granted", "delivery": "post"}]}"#)?;
/// agg.push_line(r#"{"id": "2", "events": [
///     {"type": "received", "at": "2025-12-29", "channel": "online", "applicant": "commercial"}]}"#)?;
/// let table = agg.finish();
/// let cell = |row, col| table.get(row).and_then(|r: &zfxxgk::report::RequestCounts| r.value(col));
/// assert_eq!(cell(RequestRow::CarriedIn, RequestColumn::NaturalPerson), Some(1));
/// assert_eq!(cell(RequestRow::Granted, RequestColumn::Total), Some(1));
/// assert_eq!(cell(RequestRow::CarriedOver, RequestColumn::Commercial), Some(1));
/// # Ok::<(), zfxxgk::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Aggregator {
    format: Format,
    first_day: Date,
    last_day: Date,
    counts: [[u64; APPLICANTS]; ROWS],
    lines: u64,
}

impl Aggregator {
    /// An empty table for `year`, in `format` or else the format in force for the year
    /// ([`Format::in_force_for`]). Pre-2019 reports have no table 三: `stats.no_requests_table`.
    ///
    /// ```
    /// use zfxxgk::stats::Aggregator;
    /// assert!(Aggregator::new(2019, None).is_ok());
    /// assert_eq!(Aggregator::new(2018, None).unwrap_err().code(), "stats.no_requests_table");
    /// ```
    pub fn new(year: i32, format: Option<Format>) -> Result<Aggregator, Error> {
        let format = format.unwrap_or(Format::in_force_for(year));
        if format == Format::Pre2019 {
            return Err(Error::NoRequestsTable { format: format.key() });
        }
        Ok(Aggregator {
            format,
            first_day: Date::new(year, 1, 1)?,
            last_day: Date::new(year, 12, 31)?,
            counts: [[0; APPLICANTS]; ROWS],
            lines: 0,
        })
    }

    /// Counts one application. A refused event is an error (`app.event_refused`) and counts
    /// nothing.
    ///
    /// ```
    /// use zfxxgk::application::Application;
    /// let app = Application::from_json(r#"{"id": "1", "events": [
    ///     {"type": "received", "at": "2021-07-01", "channel": "online", "applicant": "research"},
    ///     {"type": "withdrawn", "at": "2021-07-02"}]}"#)?;
    /// let mut agg = zfxxgk::stats::Aggregator::new(2021, None)?;
    /// agg.push(&app)?;
    /// let table = agg.finish();
    /// let misc = table.get(zfxxgk::report::RequestRow::OtherMisc).and_then(|r| r.value(zfxxgk::report::RequestColumn::Research));
    /// assert_eq!(misc, Some(1));
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn push(&mut self, app: &Application) -> Result<(), Error> {
        check_event_count(app)?;
        let mut machine = Machine::new();
        for (index, event) in app.events.iter().enumerate() {
            machine.step(index, event)?;
        }
        let (Some(received), Some(applicant)) = (machine.received, machine.applicant) else {
            return Err(Error::NoEvents);
        };
        if received > self.last_day {
            return Ok(());
        }
        let closed = machine.closed.zip(machine.outcome);
        if matches!(closed, Some((at, _)) if at < self.first_day) {
            return Ok(());
        }
        let column = applicant.column().index();
        // Each counted application enters once (left side of the balance) and leaves once.
        let intake = if received >= self.first_day { RequestRow::Received } else { RequestRow::CarriedIn };
        let result = match closed {
            Some((at, outcome)) if at <= self.last_day => self.fold(outcome.row()),
            _ => RequestRow::CarriedOver,
        };
        // Both counts are checked before either changes: a refused application counts nothing.
        // (`intake` and `result` are different rows.)
        let full = |row: RequestRow| self.counts.get(row.index()).and_then(|r| r.get(column)) == Some(&u64::MAX);
        if full(intake) || full(result) {
            return Err(Error::Overflow { what: "表三计数 / table 三 count" });
        }
        for row in [intake, result] {
            if let Some(cell) = self.counts.get_mut(row.index()).and_then(|r| r.get_mut(column)) {
                *cell += 1;
            }
        }
        Ok(())
    }

    /// Counts the application on the next line of a JSON Lines input. Blank lines are skipped;
    /// errors name the line (`第 N 行 / line N`), keeping the inner error's code.
    ///
    /// ```
    /// let mut agg = zfxxgk::stats::Aggregator::new(2021, None)?;
    /// agg.push_line("")?;
    /// let e = agg.push_line(r#"{"id": 1, "events": []}"#).unwrap_err();
    /// assert_eq!(e.code(), "json.wrong_type");
    /// assert!(e.to_string().starts_with("第 2 行"));
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn push_line(&mut self, line: &str) -> Result<(), Error> {
        self.lines = self.lines.saturating_add(1);
        if line.trim().is_empty() {
            return Ok(());
        }
        let line_no = self.lines;
        let at_line = |error| Error::AtLine { line: line_no, error: Box::new(error) };
        let app = Application::from_json(line).map_err(at_line)?;
        self.push(&app).map_err(at_line)
    }

    /// The table: every row of the format, every column filled.
    ///
    /// ```
    /// let table = zfxxgk::stats::Aggregator::new(2021, None)?.finish();
    /// assert_eq!(table.iter().count(), 25); // F2021 rows
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn finish(self) -> Requests {
        let mut table = Requests::new();
        let mut handled = [0u64; APPLICANTS];
        for row in RequestRow::of_format(self.format) {
            let counts = match row {
                RequestRow::TotalHandled => handled,
                _ => self.counts.get(row.index()).copied().unwrap_or_default(),
            };
            if row.is_result() {
                for (sum, n) in handled.iter_mut().zip(counts) {
                    *sum = sum.saturating_add(n);
                }
            }
            table.set(row, Some(RequestCounts::from_applicants(counts)));
        }
        table
    }

    /// F2019 prints the three （六） rows as one.
    fn fold(&self, row: RequestRow) -> RequestRow {
        if self.format == Format::F2019 && OTHER_ROWS_2021.contains(&row) { RequestRow::Other } else { row }
    }
}

/// Table 三 of `year` from applications.
///
/// ```
/// let apps: Vec<zfxxgk::application::Application> = vec![];
/// let table = zfxxgk::stats::aggregate(&apps, 2020, None)?;
/// // F2019 (in force for 2020) has 23 rows.
/// assert_eq!(table.iter().count(), 23);
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn aggregate<'a>(
    applications: impl IntoIterator<Item = &'a Application>,
    year: i32,
    format: Option<Format>,
) -> Result<Requests, Error> {
    let mut agg = Aggregator::new(year, format)?;
    for app in applications {
        agg.push(app)?;
    }
    Ok(agg.finish())
}

/// Table 三 of `year` from a JSON Lines text (one application per line).
///
/// ```
/// let text = r#"{"id": "1", "events": [{"type": "received", "at": "2023-03-01", "channel": "fax", "applicant": "other"}]}
/// {"id": "2", "events": [{"type": "corrected", "at": "2023-03-01"}]}"#;
/// let e = zfxxgk::stats::aggregate_jsonl(text, 2023, None).unwrap_err();
/// assert_eq!(e.code(), "app.event_refused");
/// assert!(e.to_string().starts_with("第 2 行"));
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn aggregate_jsonl(text: &str, year: i32, format: Option<Format>) -> Result<Requests, Error> {
    let mut agg = Aggregator::new(year, format)?;
    for line in text.lines() {
        agg.push_line(line)?;
    }
    Ok(agg.finish())
}
