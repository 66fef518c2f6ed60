//! The guard on speed that does not depend on a clock: every hot query is answered
//! through an index. EXPLAIN QUERY PLAN must show no full scan of a table, except the
//! few allowed below, each with the reason it stays bounded.

use chrono::NaiveDate;
use rusqlite::ToSql;

use crate::case::{
    CASE_BY_REFERENCE, CASE_EXTRAS, PAGE_ALL, PAGE_BY_STATUS, SUMMARIES_BY_IDS, SUMMARY_SELECT,
};
use crate::demo::DemoOptions;
use crate::documents::DOCUMENTS_FOR_CASE;
use crate::notes::NOTES_FOR_CASE;
use crate::patient::PATIENT_COLUMNS;
use crate::provider::PROVIDER_COLUMNS;
use crate::search::{LONG_AND_SHORT, LONG_ONLY, SHORT_ONLY};
use crate::store::Store;
use crate::tasks::TASKS_FOR_CASE;
use crate::timeline::TIMELINE_FOR_CASE;

/// (query, start of a plan line) pairs that may scan, and why.
const ALLOWED: &[(&str, &str)] = &[
    // Walks the rowid order and stops after offset + limit rows: bounded by the page.
    ("page_all", "SCAN cases"),
    // The page itself: at most `limit` (≤ 500) rows chosen by the subquery.
    ("page_all", "SCAN page"),
    ("page_by_status", "SCAN page"),
    // Counting every case reads the smallest index whole by definition; one number per page.
    ("count_all", "SCAN cases USING COVERING INDEX"),
];

fn plan(store: &Store, sql: &str, params: &[&dyn ToSql]) -> Vec<String> {
    let mut stmt = store
        .conn()
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    stmt.query_map(params, |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn hot_queries_use_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plans.sqlite")).unwrap();
    let anchor = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    store
        .generate_demo(DemoOptions {
            cases: 300,
            seed: 1,
            anchor,
        })
        .unwrap();
    store.conn().execute_batch("ANALYZE").unwrap();

    let patient = format!("SELECT {PATIENT_COLUMNS} FROM patients WHERE id = ?1");
    let provider = format!("SELECT {PROVIDER_COLUMNS} FROM providers WHERE id = ?1");
    let summary = format!("{SUMMARY_SELECT} WHERE c.id = ?1");
    let queries: Vec<(&str, &str, Vec<&dyn ToSql>)> = vec![
        ("search_long", LONG_ONLY, vec![&"\"cote\"", &50]),
        (
            "search_long_and_short",
            LONG_AND_SHORT,
            vec![&"\"ken\"", &"\"高\"", &50],
        ),
        ("search_short", SHORT_ONLY, vec![&"\"ro\"*", &50]),
        (
            "case_by_reference",
            CASE_BY_REFERENCE,
            vec![&"KH-2026-0001"],
        ),
        ("summary", &summary, vec![&1]),
        ("summaries", SUMMARIES_BY_IDS, vec![&"[3, 1, 2]"]),
        ("page_all", PAGE_ALL, vec![&100, &0]),
        ("page_by_status", PAGE_BY_STATUS, vec![&100, &0, &"on-hold"]),
        ("count_all", "SELECT count(*) FROM cases", vec![]),
        (
            "count_by_status",
            "SELECT count(*) FROM cases WHERE status = ?1",
            vec![&"on-hold"],
        ),
        ("case_extras", CASE_EXTRAS, vec![&1]),
        ("patient", &patient, vec![&1]),
        ("provider", &provider, vec![&1]),
        ("timeline", TIMELINE_FOR_CASE, vec![&1]),
        ("documents", DOCUMENTS_FOR_CASE, vec![&1]),
        ("tasks", TASKS_FOR_CASE, vec![&1]),
        ("notes", NOTES_FOR_CASE, vec![&1]),
    ];
    let mut scans = Vec::new();
    for (name, sql, params) in &queries {
        for line in plan(&store, sql, params) {
            let scan = line.starts_with("SCAN ") && !line.contains("VIRTUAL TABLE");
            let allowed = ALLOWED
                .iter()
                .any(|(n, start)| n == name && line.starts_with(start));
            if scan && !allowed {
                scans.push(format!("{name}: {line}"));
            }
        }
    }
    assert!(
        scans.is_empty(),
        "full scans in hot queries:\n{}",
        scans.join("\n")
    );
}

#[test]
fn the_guard_sees_a_full_scan() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("plans.sqlite")).unwrap();
    let lines = plan(
        &store,
        "SELECT id FROM patients WHERE given_name = ?1",
        &[&"x"],
    );
    assert!(lines.iter().any(|l| l == "SCAN patients"), "{lines:?}");
}
