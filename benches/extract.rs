//! Throughput of pith against the parse floor.
//!
//! For each page set, two measurements over the same pages in one run:
//! * `parse`: html5ever building scraper's DOM, nothing else (the floor every DOM-based
//!   extractor pays; `../shared/peers.md` reports ratios to it);
//! * `extract`: `pith::extract_bytes`, the whole pipeline from bytes to `Article`.
//!
//! Each is reported twice: as pages/s (group `<set>/pages`) and as bytes/s (group
//! `<set>/bytes`); the ratio `extract / parse` is read off one run.
//!
//! Page sets: `corpus/html/*.html` always; when `PITH_BENCH_DATASET` points at a dataset
//! in the shared layout (`DIR/html/*.html`), its pages too:
//!
//! ```sh
//! cargo bench --bench extract
//! PITH_BENCH_DATASET=../shared/datasets/scrapinghub cargo bench --bench extract
//! ```

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn pages(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "html"));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn bench_set(c: &mut Criterion, name: &str, pages: &[Vec<u8>]) {
    if pages.is_empty() {
        return;
    }
    let texts: Vec<String> = pages
        .iter()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    let bytes: u64 = pages.iter().map(|p| p.len() as u64).sum();
    for (unit, throughput) in [
        ("pages", Throughput::Elements(pages.len() as u64)),
        ("bytes", Throughput::Bytes(bytes)),
    ] {
        let mut group = c.benchmark_group(format!("{name}/{unit}"));
        group.throughput(throughput);
        group.sample_size(10);
        group.bench_function(BenchmarkId::new("parse", pages.len()), |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(scraper::Html::parse_document(black_box(t)));
                }
            })
        });
        group.bench_function(BenchmarkId::new("extract", pages.len()), |b| {
            b.iter(|| {
                for p in pages {
                    let _ = black_box(pith::extract_bytes(black_box(p), None));
                }
            })
        });
        group.finish();
    }
}

fn corpus(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html");
    bench_set(c, "corpus", &pages(&dir));
}

fn dataset(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("PITH_BENCH_DATASET") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dataset".into());
    bench_set(c, &name, &pages(&dir.join("html")));
}

criterion_group!(benches, corpus, dataset);
criterion_main!(benches);
