//! check_report on a full 2021 report: in memory, and from JSON text (decode + check).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zfxxgk::{Report, check_report};

const WITH_MISTAKES: &str = include_str!("../../examples/reports/demo-2021.json");
const CLEAN: &str = include_str!("../../examples/reports/demo-2021-previous.json");

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_report");
    group.throughput(Throughput::Elements(1));
    for (name, text) in [("clean", CLEAN), ("planted_mistakes", WITH_MISTAKES)] {
        let Ok(report) = Report::from_json(text) else { return };
        group.bench_function(format!("in_memory/{name}"), |b| b.iter(|| check_report(black_box(&report), None)));
        group.bench_function(format!("from_json/{name}"), |b| {
            b.iter(|| Report::from_json(black_box(text)).and_then(|r| check_report(&r, None)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
