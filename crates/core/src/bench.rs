//! `kakehashi bench`: the hot paths timed in the core and, side by side, the same SQL
//! run straight on SQLite (prepared, stepped, columns read, no Rust types built), on
//! the database at hand. The difference is what the core adds: normalising the query,
//! ranking, and building the results.

use std::time::Instant;

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};
use serde::Serialize;

use crate::case::SUMMARIES_BY_IDS;
use crate::case::{CASE_BY_REFERENCE, CaseListQuery, CaseSort, Direction, Priority, SUMMARY_BY_ID};
use crate::error::Result;
use crate::search::{QueryPlan, Scope, passes, plan, variant_plan};
use crate::store::Store;

/// One query of each class: two and one kanji, a hiragana reading, half-width
/// katakana, accented Latin, two Latin letters, a reference number, a whole reference,
/// a provider, a word of many providers' names and of no patient's, two terms.
pub const SEARCH_QUERIES: &[&str] = &[
    "高橋",
    "林",
    "たかはし",
    "ﾀｶﾊｼ",
    "côté",
    "ro",
    "0042",
    "KH-2026-0042",
    "proton",
    "hospital",
    "高橋 健一",
];

/// What was timed; the CLI puts it into words.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum BenchClass {
    Search {
        query: String,
    },
    ListPage {
        offset: u32,
    },
    /// A page in another order, halfway down the list.
    ListSorted {
        sort: CaseSort,
        offset: u32,
    },
    /// Two filters at once (direction and priority), first page.
    ListFiltered,
    CaseDetail,
    /// The Today screen: due tasks, upcoming events, cases waiting, counts.
    Dashboard,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timing {
    pub p50_ms: f64,
    pub p95_ms: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct BenchRow {
    pub class: BenchClass,
    pub core: Timing,
    pub sqlite: Timing,
}

fn time(iterations: usize, mut f: impl FnMut() -> Result<()>) -> Result<Timing> {
    f()?; // warm the page cache and the statement cache
    let mut samples = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let start = Instant::now();
        f()?;
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Ok(Timing {
        p50_ms: at(0.50),
        p95_ms: at(0.95),
    })
}

/// Steps every row and reads every column, as any client of SQLite must.
fn drain(conn: &Connection, sql: &str, params: &[Value]) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query(params_from_iter(params.iter()))?;
    let mut first = Vec::new();
    while let Some(row) = rows.next()? {
        for i in 0..columns {
            let _ = row.get_ref(i)?;
        }
        if let Ok(id) = row.get::<_, i64>(0) {
            first.push(id);
        }
    }
    Ok(first)
}

/// The statements `Store::search` runs for these plans, with their parameters ready-made.
fn raw_search(
    conn: &Connection,
    (plan, variants): (&QueryPlan, Option<&QueryPlan>),
    names: Scope,
    exact: &str,
    limit: i64,
) -> rusqlite::Result<()> {
    let mut ids = drain(conn, CASE_BY_REFERENCE, &[Value::Text(exact.to_owned())])?;
    for (pass, scope) in passes(plan, variants, names) {
        if ids.len() as i64 >= limit {
            break;
        }
        if let Some((sql, params)) = pass.statement(scope, limit) {
            ids.extend(drain(conn, sql, &params)?);
        }
    }
    ids.truncate(limit as usize);
    if !ids.is_empty() {
        let list = Value::Text(serde_json::to_string(&ids).expect("integers serialise"));
        drain(conn, SUMMARIES_BY_IDS, &[list])?;
    }
    Ok(())
}

impl Store {
    /// The statements a list page runs (a deep page from its anchor, taken by the
    /// core's own warm-up call), timed straight on SQLite.
    fn time_list_sql(&self, iterations: usize, q: &CaseListQuery) -> Result<Timing> {
        let st = self.list_statements(q)?;
        let conn = self.conn();
        time(iterations, || {
            drain(conn, &st.count, &st.count_params)?;
            Ok(drain(conn, &st.page, &st.page_params).map(drop)?)
        })
    }

    /// Times each hot path `iterations` times in the core and straight on SQLite.
    pub fn bench(&self, iterations: usize) -> Result<Vec<BenchRow>> {
        let conn = self.conn();
        let mut rows = Vec::new();
        for query in SEARCH_QUERIES {
            let core = time(iterations, || self.search(query, 50).map(drop))?;
            let (p, v) = (plan(query), variant_plan(query));
            let exact = query.trim().to_uppercase();
            let sqlite = time(iterations, || {
                Ok(raw_search(
                    conn,
                    (&p, v.as_ref()),
                    self.names_scope(),
                    &exact,
                    50,
                )?)
            })?;
            rows.push(BenchRow {
                class: BenchClass::Search {
                    query: (*query).to_owned(),
                },
                core,
                sqlite,
            });
        }
        let total = self.case_count()?;
        for offset in [0, total / 2, total.saturating_sub(100)] {
            let q = CaseListQuery {
                offset: Some(offset),
                limit: Some(100),
                ..Default::default()
            };
            let core = time(iterations, || self.list_cases(&q).map(drop))?;
            let sqlite = self.time_list_sql(iterations, &q)?;
            rows.push(BenchRow {
                class: BenchClass::ListPage { offset },
                core,
                sqlite,
            });
        }
        let mut lists: Vec<(BenchClass, CaseListQuery)> =
            [CaseSort::Name, CaseSort::TargetDate, CaseSort::Oldest]
                .into_iter()
                .map(|sort| {
                    let offset = total / 2;
                    (
                        BenchClass::ListSorted { sort, offset },
                        CaseListQuery {
                            sort: Some(sort),
                            offset: Some(offset),
                            limit: Some(100),
                            ..Default::default()
                        },
                    )
                })
                .collect();
        lists.push((
            BenchClass::ListFiltered,
            CaseListQuery {
                direction: Some(Direction::JapanToCanada),
                priority: Some(Priority::Urgent),
                limit: Some(100),
                ..Default::default()
            },
        ));
        for (class, q) in lists {
            let core = time(iterations, || self.list_cases(&q).map(drop))?;
            let sqlite = self.time_list_sql(iterations, &q)?;
            rows.push(BenchRow {
                class,
                core,
                sqlite,
            });
        }
        if let Some(case) = self
            .list_cases(&CaseListQuery {
                limit: Some(1),
                offset: Some(total / 3),
                ..Default::default()
            })?
            .cases
            .first()
        {
            let reference = case.reference.clone();
            let core = time(iterations, || {
                self.case_detail(reference.as_str()).map(drop)
            })?;
            let id = Value::Integer(case.id.0);
            let sqlite = time(iterations, || {
                drain(conn, CASE_BY_REFERENCE, &[Value::Text(reference.0.clone())])?;
                drain(conn, SUMMARY_BY_ID, std::slice::from_ref(&id))?;
                for sql in [
                    crate::case::CASE_EXTRAS,
                    crate::timeline::TIMELINE_FOR_CASE,
                    crate::documents::DOCUMENTS_FOR_CASE,
                    crate::tasks::TASKS_FOR_CASE,
                    crate::notes::NOTES_FOR_CASE,
                ] {
                    drain(conn, sql, std::slice::from_ref(&id))?;
                }
                Ok(())
            })?;
            rows.push(BenchRow {
                class: BenchClass::CaseDetail,
                core,
                sqlite,
            });
        }
        let now = chrono::Utc::now();
        let today = self.today();
        let core = time(iterations, || self.dashboard(now).map(drop))?;
        let sqlite = time(iterations, || {
            use crate::dashboard::*;
            let day = |d: chrono::NaiveDate| Value::Text(d.to_string());
            let at = |t: chrono::DateTime<chrono::Utc>| Value::Text(crate::store::instant(t));
            let rows = Value::Integer(i64::from(DASHBOARD_ROWS));
            let soon = today + chrono::Duration::days(DUE_SOON_DAYS + 1);
            for (from, to) in [(chrono::NaiveDate::MIN, today), (today, soon)] {
                drain(conn, TASKS_DUE, &[day(from), day(to), rows.clone()])?;
                let cap = Value::Integer(i64::from(COUNT_CAP));
                drain(conn, TASKS_DUE_COUNT, &[day(from), day(to), cap])?;
            }
            let until = now + chrono::Duration::days(UPCOMING_DAYS);
            drain(conn, EVENTS_UPCOMING, &[at(now), at(until), rows.clone()])?;
            // Read until the 51st case, as the core does.
            let mut stmt = conn.prepare_cached(DOCUMENTS_WAITING)?;
            let mut found = stmt.query([])?;
            let mut cases = std::collections::BTreeSet::new();
            while let Some(r) = found.next()? {
                cases.insert(r.get::<_, i64>(0)?);
                if cases.len() > DASHBOARD_ROWS as usize {
                    break;
                }
            }
            drain(conn, STATUS_COUNTS, &[])?;
            Ok(())
        })?;
        rows.push(BenchRow {
            class: BenchClass::Dashboard,
            core,
            sqlite,
        });
        Ok(rows)
    }
}
