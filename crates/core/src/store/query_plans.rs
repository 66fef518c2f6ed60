//! The guard on speed that does not depend on a clock: every hot query is answered
//! through an index. EXPLAIN QUERY PLAN must show no full scan of a table, except the
//! few allowed below, each with the reason it stays bounded.

use chrono::NaiveDate;
use rusqlite::ToSql;
use rusqlite::types::Value;

use crate::anchors::{Seek, condition};

use crate::case::{
    CASE_BY_REFERENCE, CASE_EXTRAS, CaseListQuery, CaseSort, Direction, Priority, SUMMARIES_BY_IDS,
    SUMMARY_BY_ID, Specialty,
};
use crate::dashboard::{
    DOCUMENTS_WAITING, EVENTS_UPCOMING, STATUS_COUNTS, TASKS_DUE, TASKS_DUE_COUNT,
};
use crate::demo::DemoOptions;
use crate::documents::DOCUMENTS_FOR_CASE;
use crate::ids::ProviderId;
use crate::notes::NOTES_FOR_CASE;
use crate::patient::PATIENT_COLUMNS;
use crate::patient::PATIENTS_PAGE;
use crate::privacy::{ACCESS_LOG_FOR_PATIENT, CONSENTS_FOR_PATIENT};
use crate::provider::PROVIDER_COLUMNS;
use crate::search::{LONG_AND_SHORT, LONG_ONLY, NAMES_LONG_AND_SHORT, NAMES_LONG_ONLY, SHORT_ONLY};
use crate::status::CaseStatus;
use crate::store::{COUNT_KEPT, Store};
use crate::tasks::TASKS_FOR_CASE;
use crate::timeline::TIMELINE_FOR_CASE;

/// (query, start of a plan line) pairs that may scan, and why.
const ALLOWED: &[(&str, &str)] = &[
    // Walks the rowid order (or the oldest first) and stops after offset + limit rows:
    // bounded by the page.
    ("page:newest", "SCAN c"),
    ("page:oldest", "SCAN c"),
    // The page itself: at most `limit` (≤ 500) rows chosen by the subquery.
    ("page:", "SCAN page"),
    ("seek:", "SCAN page"),
    // Walks the name index and stops after offset + limit rows.
    (
        "page:name",
        "SCAN c USING COVERING INDEX cases_patient_sort",
    ),
    (
        "patients_page",
        "SCAN patients USING COVERING INDEX patients_name",
    ),
    ("patients_page", "SCAN page"),
    // The references of one patient's cases, found through cases_patient: a handful.
    ("patients_page", "SCAN (subquery-1)"),
    // Walks the target-date index in order and stops after offset + limit rows.
    (
        "page:target-date",
        "SCAN c USING COVERING INDEX cases_target",
    ),
    // The list's total sums `case_counts`: one row per combination of filter values
    // that occurs (hundreds), whatever the number of cases.
    ("count:", "SCAN c"),
    // An index of requested documents alone, read newest case first until the screen
    // has its cases: the rows it holds are the rows the query wants.
    (
        "documents_waiting",
        "SCAN d USING INDEX documents_requested",
    ),
    ("count_patients", "SCAN patients USING COVERING INDEX"),
    // One case's tasks and notes, sorted for display: a handful of rows.
    ("tasks", "USE TEMP B-TREE FOR ORDER BY"),
    ("notes", "USE TEMP B-TREE FOR ORDER BY"),
    // One patient's log and consents, merged and sorted for display: that patient's rows only.
    ("access_log", "USE TEMP B-TREE FOR ORDER BY"),
    ("consents", "USE TEMP B-TREE FOR ORDER BY"),
    // The two index passes' candidates, at most 2 × limit ids, merged newest first.
    ("search_long_and_short", "USE TEMP B-TREE FOR ORDER BY"),
    ("search_names_and_short", "USE TEMP B-TREE FOR ORDER BY"),
    // The capped count reads its own subquery's rows: at most 1,000.
    ("tasks_due_count", "SCAN (subquery-1)"),
    // The dashboard's per-status counts sum the same rows, grouped by status, which
    // leads their key.
    ("status_counts", "SCAN case_counts"),
    // The app's total for its header and first screen: the same rows, summed.
    ("case_count", "SCAN case_counts"),
];

fn plan(store: &Store, sql: &str, params: &[&dyn ToSql]) -> Vec<String> {
    plan_tree(store, sql, params)
        .into_iter()
        .map(|(_, l)| l)
        .collect()
}

/// Each plan line with the id of the step it belongs to (0 for the outer query).
fn plan_tree(store: &Store, sql: &str, params: &[&dyn ToSql]) -> Vec<(i64, String)> {
    let mut stmt = store
        .conn()
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    stmt.query_map(params, |r| {
        Ok((r.get::<_, i64>(1)?, r.get::<_, String>(3)?))
    })
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
            language: crate::i18n::Lang::En,
        })
        .unwrap();
    store.conn().execute_batch("ANALYZE").unwrap();

    let patient = format!("SELECT {PATIENT_COLUMNS} FROM patients WHERE id = ?1");
    let provider = format!("SELECT {PROVIDER_COLUMNS} FROM providers WHERE id = ?1");
    let queries: Vec<(&str, &str, Vec<&dyn ToSql>)> = vec![
        ("search_long", LONG_ONLY, vec![&"\"cote\"", &50]),
        (
            "search_long_and_short",
            LONG_AND_SHORT,
            vec![&"\"ken\"", &"\"高\"", &50],
        ),
        ("search_short", SHORT_ONLY, vec![&"\"ro\"*", &50]),
        ("search_names", NAMES_LONG_ONLY, vec![&"\"cote\"", &50]),
        (
            "search_names_and_short",
            NAMES_LONG_AND_SHORT,
            vec![&"\"ken\"", &"\"高\"", &50],
        ),
        (
            "case_by_reference",
            CASE_BY_REFERENCE,
            vec![&"KH-2026-0001"],
        ),
        ("summary", SUMMARY_BY_ID, vec![&1]),
        ("summaries", SUMMARIES_BY_IDS, vec![&"[3, 1, 2]"]),
        ("count_patients", "SELECT count(*) FROM patients", vec![]),
        ("patients_page", PATIENTS_PAGE, vec![&100, &0]),
        (
            "tasks_due",
            TASKS_DUE,
            vec![&"2026-11-01", &"2026-11-08", &50],
        ),
        (
            "tasks_due_count",
            TASKS_DUE_COUNT,
            vec![&"2026-11-01", &"2026-11-08", &1000],
        ),
        (
            "events_upcoming",
            EVENTS_UPCOMING,
            vec![
                &"2026-11-01T00:00:00.000Z",
                &"2026-11-15T00:00:00.000Z",
                &50,
            ],
        ),
        ("documents_waiting", DOCUMENTS_WAITING, vec![]),
        ("status_counts", STATUS_COUNTS, vec![]),
        ("case_count", COUNT_KEPT, vec![]),
        ("case_extras", CASE_EXTRAS, vec![&1]),
        ("patient", &patient, vec![&1]),
        ("provider", &provider, vec![&1]),
        ("timeline", TIMELINE_FOR_CASE, vec![&1]),
        ("documents", DOCUMENTS_FOR_CASE, vec![&1]),
        ("tasks", TASKS_FOR_CASE, vec![&1]),
        ("notes", NOTES_FOR_CASE, vec![&1]),
        ("access_log", ACCESS_LOG_FOR_PATIENT, vec![&1]),
        ("consents", CONSENTS_FOR_PATIENT, vec![&1]),
    ];
    // Every filter alone and every order, as the case list sends them.
    let lists: Vec<(String, CaseListQuery)> = [
        ("newest", CaseListQuery::default()),
        (
            "oldest",
            CaseListQuery {
                sort: Some(CaseSort::Oldest),
                ..Default::default()
            },
        ),
        (
            "target-date",
            CaseListQuery {
                sort: Some(CaseSort::TargetDate),
                ..Default::default()
            },
        ),
        (
            "name",
            CaseListQuery {
                sort: Some(CaseSort::Name),
                ..Default::default()
            },
        ),
        (
            "status",
            CaseListQuery {
                status: Some(CaseStatus::OnHold),
                ..Default::default()
            },
        ),
        (
            "direction",
            CaseListQuery {
                direction: Some(Direction::JapanToCanada),
                ..Default::default()
            },
        ),
        (
            "specialty",
            CaseListQuery {
                specialty: Some(Specialty::Oncology),
                ..Default::default()
            },
        ),
        (
            "provider",
            CaseListQuery {
                provider_id: Some(ProviderId(1)),
                ..Default::default()
            },
        ),
        (
            "priority",
            CaseListQuery {
                priority: Some(Priority::Urgent),
                ..Default::default()
            },
        ),
    ]
    .into_iter()
    .map(|(n, q)| (n.to_owned(), q))
    .collect();
    let mut statements: Vec<(String, String, Vec<Value>)> = Vec::new();
    for (name, q) in &lists {
        let st = q.statements(None);
        statements.push((format!("count:{name}"), st.count, st.count_params));
        statements.push((format!("page:{name}"), st.page, st.page_params));
    }
    // A deep page starts from its anchor: each order's index must seek to it. These
    // have no allowance for a scan, so an anchor that is not sought is caught.
    let int = Value::Integer;
    let deep = [
        ("newest", CaseSort::Newest, None, vec![int(50)]),
        ("oldest", CaseSort::Oldest, None, vec![int(50)]),
        (
            "name",
            CaseSort::Name,
            None,
            vec![Value::Text("Tanaka\u{1f}Ken".into()), int(50)],
        ),
        (
            "target-date",
            CaseSort::TargetDate,
            None,
            vec![Value::Text("2027-01-01000000000050".into())],
        ),
        (
            "direction-newest",
            CaseSort::Newest,
            Some(Direction::JapanToCanada),
            vec![int(50)],
        ),
    ];
    for (name, sort, direction, key) in deep {
        let (condition, values) = condition(sort, &key);
        let q = CaseListQuery {
            sort: Some(sort),
            direction,
            ..Default::default()
        };
        let seek = Seek {
            condition,
            values,
            skip: 10,
        };
        let st = q.statements(Some(&seek));
        statements.push((format!("seek:{name}"), st.page, st.page_params));
    }
    let mut queries = queries;
    for (name, sql, values) in &statements {
        queries.push((name, sql, values.iter().map(|v| v as &dyn ToSql).collect()));
    }
    let mut scans = Vec::new();
    for (name, sql, params) in &queries {
        for (parent, line) in plan_tree(&store, sql, params) {
            // A page chosen by sorting in a temporary tree has read every matching row
            // first; sorting the chosen page itself (the outer query) is bounded.
            let bounded_page =
                name.starts_with("page:") || name.starts_with("seek:") || *name == "patients_page";
            let sorted = line.starts_with("USE TEMP B-TREE") && (parent != 0 || !bounded_page);
            let scan = sorted || line.starts_with("SCAN ") && !line.contains("VIRTUAL TABLE");
            let allowed = ALLOWED
                .iter()
                .any(|(n, start)| name.starts_with(n) && line.starts_with(start));
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
    let lines = plan(&store, "SELECT id FROM patients WHERE email = ?1", &[&"x"]);
    assert!(lines.iter().any(|l| l == "SCAN patients"), "{lines:?}");
    // And a page chosen by sorting every row, inside its subquery.
    let tree = plan_tree(
        &store,
        "SELECT c.id FROM (SELECT id FROM cases ORDER BY opened_on LIMIT 10) page JOIN cases c ON c.id = page.id ORDER BY c.opened_on",
        &[],
    );
    assert!(
        tree.iter()
            .any(|(parent, l)| *parent != 0 && l.starts_with("USE TEMP B-TREE")),
        "{tree:?}"
    );
}
