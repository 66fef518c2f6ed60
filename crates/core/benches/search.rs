//! Search over a 100,000-case demo database, per query class.
//! Run: `cargo bench -p kakehashi-core --bench search` (builds the fixture once, ~10 s).

use std::path::PathBuf;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use kakehashi_core::Store;
use kakehashi_core::demo::DemoOptions;

const CASES: u32 = 100_000;

fn fixture() -> PathBuf {
    let dir = std::env::temp_dir().join("kakehashi-bench");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("search-{CASES}.sqlite"));
    let fresh = !path.exists();
    let mut store = Store::open(&path).expect("open fixture");
    if fresh || store.case_count().expect("count") != CASES {
        drop(store);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        store = Store::open(&path).expect("open fixture");
        let anchor = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        store
            .generate_demo(DemoOptions {
                cases: CASES,
                seed: 7,
                anchor,
            })
            .expect("demo data");
    }
    path
}

fn search(c: &mut Criterion) {
    let path = fixture();
    let store = Store::open_read_only(&path).expect("open");
    let mut group = c.benchmark_group("search_100k");
    for (class, query) in [
        ("kanji_2_chars", "高橋"),
        ("kanji_1_char", "林"),
        ("hiragana_reading", "たかはし"),
        ("half_width_katakana", "ﾀｶﾊｼ"),
        ("latin_accented", "côté"),
        ("latin_2_chars", "ro"),
        ("reference_suffix", "0042"),
        ("full_reference", "KH-2026-0042"),
        ("provider", "proton"),
        ("two_terms", "高橋 健一"),
    ] {
        group.bench_function(class, |b| {
            b.iter(|| store.search(query, 50).expect("search"))
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
