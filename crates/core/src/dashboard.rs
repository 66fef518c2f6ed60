//! The Today screen: what needs the coordinator now, across every open case.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::documents::DocumentKind;
use crate::error::Result;
use crate::ids::CaseRef;
use crate::patient::NameOrder;
use crate::status::CaseStatus;
use crate::store::{Store, instant};
use crate::timeline::EventKind;

/// Tasks due within this many days count as due soon.
pub const DUE_SOON_DAYS: i64 = 7;
/// Events starting within this many days are upcoming.
pub const UPCOMING_DAYS: i64 = 14;
/// Rows per list; the counts say how many there are in all.
pub const DASHBOARD_ROWS: u32 = 50;
/// Counting stops here: "more than 1,000 overdue" is all anyone needs to know, and
/// counting 90,000 overdue demo tasks took 80 ms.
pub const COUNT_CAP: u32 = 1000;

/// Which case an item belongs to, enough to name it and open it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseLabel {
    pub reference: CaseRef,
    pub family_name: String,
    pub given_name: String,
    pub name_order: NameOrder,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DueTask {
    pub case: CaseLabel,
    pub task_id: i64,
    pub title: String,
    pub due_on: NaiveDate,
    pub due_in_days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UpcomingEvent {
    pub case: CaseLabel,
    pub event_id: i64,
    pub kind: EventKind,
    pub title: Option<String>,
    pub starts_at: DateTime<Utc>,
    /// Where it happens; shown there and in the coordinator's zone.
    pub zone: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WaitingCase {
    pub case: CaseLabel,
    /// The documents requested and not yet received.
    pub documents: Vec<DocumentKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusCount {
    pub status: CaseStatus,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub overdue: Vec<DueTask>,
    /// How many in all, counted up to `count_cap`.
    pub overdue_total: u32,
    pub due_soon: Vec<DueTask>,
    pub due_soon_total: u32,
    pub count_cap: u32,
    pub upcoming: Vec<UpcomingEvent>,
    pub waiting: Vec<WaitingCase>,
    /// Every status, in pipeline order, with how many cases stand there.
    pub status_counts: Vec<StatusCount>,
}

macro_rules! label_columns {
    () => {
        "c.reference, p.family_name, p.given_name, p.name_order"
    };
}

fn label(r: &Row<'_>, at: usize) -> rusqlite::Result<CaseLabel> {
    Ok(CaseLabel {
        reference: CaseRef(r.get(at)?),
        family_name: r.get(at + 1)?,
        given_name: r.get(at + 2)?,
        name_order: r.get(at + 3)?,
    })
}

/// Open tasks of open cases due in `[?1, ?2)`, soonest first; guarded by the plan test.
pub(crate) const TASKS_DUE: &str = concat!(
    "SELECT t.id, t.title, t.due_on, ",
    label_columns!(),
    " FROM tasks t JOIN cases c ON c.id = t.case_id JOIN patients p ON p.id = c.patient_id
      WHERE t.done = 0 AND t.due_on >= ?1 AND t.due_on < ?2 AND c.status NOT IN ('closed', 'cancelled')
      ORDER BY t.due_on, t.id LIMIT ?3"
);
pub(crate) const TASKS_DUE_COUNT: &str = "SELECT count(*) FROM (SELECT 1 FROM tasks t JOIN cases c ON c.id = t.case_id
      WHERE t.done = 0 AND t.due_on >= ?1 AND t.due_on < ?2 AND c.status NOT IN ('closed', 'cancelled') LIMIT ?3)";
pub(crate) const EVENTS_UPCOMING: &str = concat!(
    "SELECT e.id, e.kind, e.title, e.starts_at, e.zone, ",
    label_columns!(),
    " FROM timeline_events e JOIN cases c ON c.id = e.case_id JOIN patients p ON p.id = c.patient_id
      WHERE e.kind <> 'status-change' AND e.starts_at >= ?1 AND e.starts_at < ?2 AND c.status NOT IN ('closed', 'cancelled')
      ORDER BY e.starts_at, e.id LIMIT ?3"
);
/// Requested documents of open cases, newest case first, read until enough cases are
/// found: grouping them all first took 90 ms at 100k cases.
pub(crate) const DOCUMENTS_WAITING: &str = concat!(
    "SELECT d.case_id, d.kind, ",
    label_columns!(),
    " FROM documents d JOIN cases c ON c.id = d.case_id JOIN patients p ON p.id = c.patient_id
      WHERE d.state = 'requested' AND c.status NOT IN ('closed', 'cancelled')
      ORDER BY d.case_id DESC"
);
/// From the counts the triggers keep (migration 0005): a few hundred rows at any size,
/// where counting the status index read every case (55–124 ms at a million).
pub(crate) const STATUS_COUNTS: &str = "SELECT status, sum(n) FROM case_counts GROUP BY status";
/// The same from the cases themselves, for a file not yet migrated (read-only).
const STATUS_COUNTS_COUNTED: &str = "SELECT status, count(*) FROM cases GROUP BY status";

impl Store {
    /// Everything the Today screen shows, as of `now`.
    pub fn dashboard(&self, now: DateTime<Utc>) -> Result<Dashboard> {
        // Its lists and counts from one state of the file.
        let _snapshot = self.snapshot()?;
        let today = self.today();
        let conn = self.conn();
        let tasks = |from: NaiveDate, to: NaiveDate| -> Result<(Vec<DueTask>, u32)> {
            let rows = conn
                .prepare_cached(TASKS_DUE)?
                .query_map(params![from, to, DASHBOARD_ROWS], |r| {
                    let due_on: NaiveDate = r.get(2)?;
                    Ok(DueTask {
                        task_id: r.get(0)?,
                        title: r.get(1)?,
                        due_in_days: (due_on - today).num_days(),
                        due_on,
                        case: label(r, 3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let total = conn
                .prepare_cached(TASKS_DUE_COUNT)?
                .query_row(params![from, to, COUNT_CAP], |r| r.get(0))?;
            Ok((rows, total))
        };
        let (overdue, overdue_total) = tasks(NaiveDate::MIN, today)?;
        let (due_soon, due_soon_total) = tasks(today, today + Duration::days(DUE_SOON_DAYS + 1))?;
        let upcoming = conn
            .prepare_cached(EVENTS_UPCOMING)?
            .query_map(
                params![
                    instant(now),
                    instant(now + Duration::days(UPCOMING_DAYS)),
                    DASHBOARD_ROWS
                ],
                |r| {
                    Ok(UpcomingEvent {
                        event_id: r.get(0)?,
                        kind: r.get(1)?,
                        title: r.get(2)?,
                        starts_at: r.get(3)?,
                        zone: r.get(4)?,
                        case: label(r, 5)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut waiting: Vec<WaitingCase> = Vec::new();
        let mut last_case = None;
        let mut stmt = conn.prepare_cached(DOCUMENTS_WAITING)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let case: i64 = r.get(0)?;
            if last_case != Some(case) {
                if waiting.len() == DASHBOARD_ROWS as usize {
                    break;
                }
                waiting.push(WaitingCase {
                    case: label(r, 2)?,
                    documents: Vec::new(),
                });
                last_case = Some(case);
            }
            if let Some(w) = waiting.last_mut() {
                w.documents.push(r.get(1)?);
            }
        }
        let mut counts: Vec<(CaseStatus, u32)> = conn
            .prepare_cached(if self.counts_kept() {
                STATUS_COUNTS
            } else {
                STATUS_COUNTS_COUNTED
            })?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let status_counts = CaseStatus::all()
            .map(|status| StatusCount {
                status,
                count: counts
                    .iter_mut()
                    .find(|(s, _)| *s == status)
                    .map_or(0, |(_, n)| *n),
            })
            .collect();
        Ok(Dashboard {
            today,
            overdue,
            overdue_total,
            due_soon,
            due_soon_total,
            count_cap: COUNT_CAP,
            upcoming,
            waiting,
            status_counts,
        })
    }
}
