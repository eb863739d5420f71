//! # zfxxgk — 政府信息公开 (government information disclosure)
//!
//! The annual report schema (formats 2019 and 2021), its consistency checks, the working-day
//! calendar and the 依申请公开 (disclosure application) rules, as one pure library: no I/O, no
//! threads, no global state but embedded data.
#![forbid(unsafe_code)]

pub mod date;
pub mod error;
pub mod json;
pub mod report;

pub use date::Date;
pub use error::Error;
pub use report::{Format, OrganKind, Report};
pub mod check;

pub use check::{Code, Finding, Severity, check_report};
pub mod ingest;
pub mod schema;

pub use ingest::{CellSource, Parsed, Provenance, check_text, parse_report, read_report};

pub use schema::report_schema;
