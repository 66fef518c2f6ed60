//! The store's hot paths over a 100,000-case demo database: a page of the case list at
//! several offsets and filters, opening a case, and a durable write (synchronous=FULL).
//! Run: `cargo bench -p kakehashi-core --bench store` (shares the search bench's fixture).

mod fixture;

use criterion::{Criterion, criterion_group, criterion_main};
use kakehashi_core::{CaseListQuery, CaseStatus, NewCase, NewCaseDetails, NewPatient, Store};

fn reads(c: &mut Criterion) {
    let path = fixture::demo_database();
    let store = Store::open_read_only(&path).expect("open");
    let mut group = c.benchmark_group("store_100k");
    for offset in [0, 50_000, 99_900] {
        let q = CaseListQuery {
            offset: Some(offset),
            limit: Some(100),
            ..Default::default()
        };
        group.bench_function(format!("list_page_offset_{offset}"), |b| {
            b.iter(|| store.list_cases(&q).expect("page"))
        });
    }
    let held = CaseListQuery {
        status: Some(CaseStatus::OnHold),
        offset: Some(0),
        limit: Some(100),
        ..Default::default()
    };
    // The slowest orders and filters the list offers, deep in the list.
    for (name, q) in [
        (
            "list_page_name_sort_offset_50000",
            CaseListQuery {
                sort: Some(kakehashi_core::CaseSort::Name),
                offset: Some(50_000),
                limit: Some(100),
                ..Default::default()
            },
        ),
        (
            "list_page_direction_and_priority",
            CaseListQuery {
                direction: Some(kakehashi_core::Direction::JapanToCanada),
                priority: Some(kakehashi_core::Priority::Urgent),
                limit: Some(100),
                ..Default::default()
            },
        ),
    ] {
        group.bench_function(name, |b| b.iter(|| store.list_cases(&q).expect("page")));
    }
    group.bench_function("list_page_status_filter", |b| {
        b.iter(|| store.list_cases(&held).expect("page"))
    });
    let reference = store
        .list_cases(&CaseListQuery {
            offset: Some(40_000),
            limit: Some(1),
            ..Default::default()
        })
        .expect("page")
        .cases[0]
        .reference
        .clone();
    group.bench_function("open_case_detail", |b| {
        b.iter(|| store.case_detail(reference.as_str()).expect("case"))
    });
    group.finish();
}

fn writes(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("writes.sqlite")).expect("open");
    let input = NewCase {
        patient: NewPatient {
            family_name: "高橋".into(),
            given_name: "健一".into(),
            family_name_kana: Some("たかはし".into()),
            ..Default::default()
        },
        case: NewCaseDetails {
            direction: "jp-to-ca".into(),
            specialty: "oncology".into(),
            ..Default::default()
        },
    };
    c.bench_function("create_case_durable", |b| {
        b.iter(|| store.create_case(&input).expect("create"))
    });
}

criterion_group!(benches, reads, writes);
criterion_main!(benches);
