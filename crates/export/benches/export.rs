//! Criterion benchmarks of the exports of one case, after warm-up (fonts parsed,
//! typst caches filled): the PDF in one and in two languages, its preview, FHIR, JSON.
//! `cargo bench -p kakehashi-export`; the batch of 1,000 PDFs is the `batch` example.

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use kakehashi_core::demo::DemoOptions;
use kakehashi_core::{Lang, Localizer, Recipient, Store};
use kakehashi_export::{fhir, pdf, summary};

fn exports(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.sqlite")).expect("open");
    let anchor = store.today();
    store
        .generate_demo(DemoOptions {
            cases: 200,
            seed: 5,
            anchor,
            language: kakehashi_core::Lang::En,
        })
        .expect("demo");
    let reference = store
        .list_cases(&Default::default())
        .expect("list")
        .cases
        .iter()
        .find(|c| c.family_name_kana.is_some())
        .expect("a Japanese patient")
        .reference
        .clone();
    let record = store
        .export_case(reference.as_str(), Recipient::Hospital)
        .expect("record");
    let l10n = Localizer::new(false);
    let now = Utc::now();
    let one = summary::summary(&record, &l10n, Lang::Ja, None, now);
    let two = summary::summary(&record, &l10n, Lang::Ja, Some(Lang::En), now);
    pdf::pdf(&one, now).expect("warm-up");

    let mut group = c.benchmark_group("export");
    group.bench_function("pdf_ja", |b| b.iter(|| pdf::pdf(&one, now).expect("pdf")));
    group.bench_function("pdf_ja_en", |b| {
        b.iter(|| pdf::pdf(&two, now).expect("pdf"))
    });
    group.bench_function("preview_png", |b| {
        b.iter(|| pdf::first_page_png(&one, 1.0).expect("png"))
    });
    group.bench_function("fhir", |b| {
        b.iter(|| fhir::bundle(&record, &l10n, Lang::Ja, now))
    });
    group.bench_function("json", |b| {
        b.iter(|| serde_json::to_vec(&record).expect("json"))
    });
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
