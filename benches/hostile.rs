//! Hostile and large pages: time must grow linearly with input size.
//!
//! `cargo bench --bench hostile` (release). Groups:
//! * `nested/<shape>`: each shape of `tests/common/hostile.rs` at 25,000 and 100,000
//!   repetitions (100,000-deep `<div>`, `<ul><li>`, `<table>` in `<td>`, formatting
//!   elements, adoption agency, foreign content…): four times the repetitions should take
//!   about four times as long, and 100,000 well under a second;
//! * `realistic`: generated news pages of 1, 10 and 50 MB (byte throughput should be flat);
//! * `large`: a 10 MB text node, a 10 MB attribute value, 4 MB of `<br>`.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) criterion runs each benchmark
//! once as a smoke test; the sizes are then cut a hundredfold so the debug build stays quick.

#[path = "../tests/common/hostile.rs"]
mod hostile;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// 1 for a real benchmark run, 100 for the smoke test under `cargo test`.
fn divisor() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        1
    } else {
        100
    }
}

fn nested(c: &mut Criterion) {
    let d = divisor();
    for name in hostile::SHAPES {
        let mut group = c.benchmark_group(format!("nested/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for n in [25_000 / d, 100_000 / d] {
            let html = hostile::shape(name, n);
            group.throughput(Throughput::Bytes(html.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), &html, |b, html| {
                b.iter(|| pith::extract(black_box(html)))
            });
        }
        group.finish();
    }
}

fn realistic(c: &mut Criterion) {
    let d = divisor();
    let mut group = c.benchmark_group("realistic");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    for mb in [1, 10, 50] {
        let html = hostile::realistic_page((mb << 20) / d);
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new("MB", mb), &html, |b, html| {
            b.iter(|| pith::extract(black_box(html)))
        });
    }
    group.finish();
}

fn large(c: &mut Criterion) {
    let d = divisor();
    let sentence = "The ferry left on time and the harbour was busy again with the cars. ";
    let pages = [
        (
            "text-node-10MB",
            format!(
                "<html><body><p>{}</p></body></html>",
                sentence.repeat((10 << 20) / sentence.len() / d)
            ),
        ),
        (
            "attribute-10MB",
            format!(
                "<html><body><img src=\"data:image/png;base64,{}\">{}</body></html>",
                "A".repeat((10 << 20) / d),
                hostile::ARTICLE
            ),
        ),
        (
            "br-4MB",
            format!(
                "<html><body>{}{}</body></html>",
                hostile::ARTICLE,
                "<br>".repeat((1 << 20) / d)
            ),
        ),
    ];
    let mut group = c.benchmark_group("large");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    for (name, html) in &pages {
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), html, |b, html| {
            b.iter(|| pith::extract(black_box(html)))
        });
    }
    group.finish();
}

criterion_group!(benches, nested, realistic, large);
criterion_main!(benches);
