//! Working-day arithmetic: `add_working_days`, `count_working_days`, `is_working_day` on the
//! embedded calendar, over dates spread across the covered years.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use zfxxgk::Date;

/// 4096 (date, n) pairs: dates across 2007–2025, n from 1 to 60 working days.
fn inputs() -> Vec<(Date, u32)> {
    let first = Date::new(2007, 1, 1).unwrap().days();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let day = first + (x % (19 * 365)) as i32;
            (Date::from_days(day), 1 + (x >> 32) as u32 % 60)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    zfxxgk::is_working_day(inputs[0].0).unwrap(); // build the embedded table outside the timing
    let mut g = c.benchmark_group("calendar");
    g.throughput(Throughput::Elements(inputs.len() as u64));
    g.bench_function("add_working_days", |b| {
        b.iter(|| {
            for &(d, n) in &inputs {
                black_box(zfxxgk::add_working_days(black_box(d), black_box(n)).unwrap());
            }
        })
    });
    g.bench_function("count_working_days", |b| {
        b.iter(|| {
            for &(d, n) in &inputs {
                let end = Date::from_days(d.days() + n as i32);
                black_box(zfxxgk::count_working_days(black_box(d), black_box(end)).unwrap());
            }
        })
    });
    g.bench_function("is_working_day", |b| {
        b.iter(|| {
            for &(d, _) in &inputs {
                black_box(zfxxgk::is_working_day(black_box(d)).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
