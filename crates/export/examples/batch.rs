//! Times a batch of case-summary PDFs, the export of a whole caseload:
//! `cargo run --release -p kakehashi-export --example batch -- 1000 2`
//! (cases, threads). Prints the total and per-PDF time; writes nothing.

use std::time::Instant;

use chrono::Utc;
use kakehashi_core::demo::DemoOptions;
use kakehashi_core::{CaseListQuery, Lang, Localizer, Recipient, Store};
use kakehashi_export::{pdf, summary};

fn main() {
    let mut args = std::env::args().skip(1);
    let count: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let threads: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("batch.sqlite")).expect("open");
    let anchor = store.today();
    store
        .generate_demo(DemoOptions {
            cases: count,
            seed: 8,
            anchor,
            language: kakehashi_core::Lang::En,
        })
        .expect("demo");
    let mut records = Vec::new();
    let mut offset = 0;
    while records.len() < count as usize {
        let page = store
            .list_cases(&CaseListQuery {
                offset: Some(offset),
                limit: Some(500),
                ..Default::default()
            })
            .expect("list");
        if page.cases.is_empty() {
            break;
        }
        offset += u32::try_from(page.cases.len()).expect("page size");
        for c in page.cases {
            records.push(
                store
                    .export_case(c.reference.as_str(), Recipient::Hospital)
                    .expect("record"),
            );
        }
    }
    let l10n = Localizer::new(false);
    let now = Utc::now();
    let langs = [Lang::En, Lang::Fr, Lang::Ja];
    // Warm-up: decode and parse the fonts once, as a running app would have.
    let first = Instant::now();
    pdf::pdf(
        &summary::summary(&records[0], &l10n, Lang::Ja, None, now),
        now,
    )
    .expect("pdf");
    println!(
        "first PDF of the process (fonts decoded and parsed): {:.0} ms",
        first.elapsed().as_secs_f64() * 1000.0
    );
    let start = Instant::now();
    let chunk = records.len().div_ceil(threads);
    let bytes: usize = std::thread::scope(|s| {
        let handles: Vec<_> = records
            .chunks(chunk)
            .map(|part| {
                let l10n = &l10n;
                s.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let s = summary::summary(r, l10n, langs[i % 3], None, now);
                            pdf::pdf(&s, now).expect("pdf").len()
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("thread")).sum()
    });
    let elapsed = start.elapsed();
    println!(
        "{} PDFs on {threads} threads in {:.2} s ({:.1} ms each, {:.0} KiB on average)",
        records.len(),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / records.len() as f64,
        bytes as f64 / 1024.0 / records.len() as f64
    );
}
