//! # zfxxgk — 政府信息公开 (government information disclosure)
//!
//! The annual report schema (formats 2019 and 2021), its consistency checks, the working-day
//! calendar and the 依申请公开 (disclosure application) rules, as one pure library: no I/O, no
//! threads, no global state but embedded data.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod application;
pub mod argument;
pub mod calendar;
pub mod date;
pub mod error;
pub mod fee;
mod from_str_serde;
pub mod json;
pub mod render;
pub mod report;
pub mod stats;

pub use application::replay_application;
pub use calendar::{Calendar, add_working_days, count_working_days, explain_working_days, is_working_day};
pub use date::Date;
pub use error::Error;
pub use fee::information_fee;
pub use report::{Format, OrganKind, Report};
pub mod check;

pub use check::{Code, Finding, Rules, Severity, check_report, check_report_with};
pub mod ingest;
pub mod schema;

pub use ingest::{CellSource, Parsed, Provenance, check_text, check_text_with, parse_report, read_report};

pub use render::{RenderFormat, render_report};
pub use schema::report_schema;
pub mod metrics;
pub mod rollup;

pub use metrics::{Metrics, report_metrics};
pub use rollup::{Rollup, rollup};
