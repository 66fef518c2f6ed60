//! Search over a 100,000-case demo database, per query class.
//! Run: `cargo bench -p kakehashi-core --bench search` (builds the fixture once, ~10 s).

mod fixture;

use criterion::{Criterion, criterion_group, criterion_main};
use kakehashi_core::Store;

fn search(c: &mut Criterion) {
    let path = fixture::demo_database();
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
        ("provider_word_in_no_name", "hospital"),
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
