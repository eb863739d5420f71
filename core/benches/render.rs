//! Render speed: the demo 2021 report (every row of the F2021 tables) printed in each layout, and
//! the round trip (render, then parse the page back).
//! Run: `cargo bench -p zfxxgk --bench render`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use zfxxgk::{RenderFormat, Report, parse_report, render_report};

fn bench(c: &mut Criterion) {
    let json = include_str!("../../examples/reports/demo-2021.json");
    let report = Report::from_json(json).unwrap();
    let mut group = c.benchmark_group("render_report");
    for to in RenderFormat::ALL {
        group.bench_function(to.key(), |b| b.iter(|| std::hint::black_box(render_report(&report, to))));
    }
    for to in RenderFormat::ALL {
        group.bench_function(format!("{}_round_trip", to.key()), |b| {
            b.iter(|| std::hint::black_box(parse_report(&render_report(&report, to)).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
