//! Parse + check throughput over the dev corpus (published text, HTML, Markdown).
//! Run: `cargo bench -p zfxxgk --bench parse`. The corpus is `$ZFXXGK_CORPUS` or `../shared/corpus`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<String> {
    let dir = std::env::var_os("ZFXXGK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus")));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("dev/reports"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    if texts.is_empty() {
        eprintln!("corpus missing: set ZFXXGK_CORPUS");
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("dev_corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse_report", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(zfxxgk::parse_report(t).unwrap());
            }
        })
    });
    group.bench_function("check_text", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(zfxxgk::check_text(t, None).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
