//! Year aggregation of 1 million applications from JSON Lines (decoding included), on one core.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zfxxgk::Date;
use zfxxgk::application::Application;

const APPLICATIONS: usize = 1_000_000;

/// Typical applications: received, sometimes consulted or extended, mostly replied.
fn jsonl(count: usize) -> String {
    let applicants = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other"];
    let outcomes = ["granted", "partially_granted", "denied_process", "unavailable_not_held", "rejected_repeat"];
    let first = Date::new(2024, 11, 1).unwrap().days();
    let mut out = String::with_capacity(count * 260);
    for i in 0..count {
        let received = Date::from_days(first + (i % 420) as i32);
        let later = |d: i32| Date::from_days(received.days() + d);
        write!(
            out,
            r#"{{"id":"2025-{i:07}","events":[{{"type":"received","at":"{received}","channel":"online","applicant":"{}"}}"#,
            applicants[i % applicants.len()]
        )
        .unwrap();
        match i % 10 {
            0 => write!(out, r#",{{"type":"consultation_started","at":"{}","party":"third_party"}},{{"type":"consultation_ended","at":"{}"}}"#, later(3), later(12)).unwrap(),
            1 => write!(out, r#",{{"type":"extended","at":"{}","days":20}}"#, later(20)).unwrap(),
            _ => {}
        }
        if i % 7 != 0 {
            write!(
                out,
                r#",{{"type":"replied","at":"{}","outcome":"{}","delivery":"online"}}"#,
                later(25),
                outcomes[i % outcomes.len()]
            )
            .unwrap();
        }
        out.push_str("]}\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = jsonl(APPLICATIONS);
    let mut g = c.benchmark_group("aggregate");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    g.throughput(Throughput::Elements(APPLICATIONS as u64));
    g.bench_function("jsonl_1m_applications", |b| {
        b.iter(|| black_box(zfxxgk::stats::aggregate_jsonl(black_box(&text), 2025, None).unwrap()))
    });
    let apps: Vec<Application> = text.lines().take(100_000).map(|l| Application::from_json(l).unwrap()).collect();
    g.throughput(Throughput::Elements(apps.len() as u64));
    g.bench_function("decoded_100k_applications", |b| {
        b.iter(|| black_box(zfxxgk::stats::aggregate(black_box(&apps), 2025, None).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
