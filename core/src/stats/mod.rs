//! Year aggregation (DOMAIN §3): applications → table 三 of a year, streaming in constant
//! memory. The 勾稽 identity received + carried_in = total_handled + carried_over holds by
//! construction, per column.

mod aggregate;

pub use aggregate::{Aggregator, aggregate, aggregate_jsonl};
