//! Tasks with due dates, attached to a case.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::CaseId;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Task {
    pub id: i64,
    pub title: String,
    pub due_on: Option<NaiveDate>,
    /// Days from today to the due date (negative when overdue), counted by the core
    /// so that the UI only has to put it into words.
    pub due_in_days: Option<i64>,
    pub done: bool,
}

/// Read on every case opening; guarded by the query-plan test.
pub(crate) const TASKS_FOR_CASE: &str = "SELECT id, title, due_on, done FROM tasks WHERE case_id = ?1 ORDER BY done, due_on IS NULL, due_on, id";

impl Task {
    pub(crate) fn for_case(
        conn: &Connection,
        case: CaseId,
        today: NaiveDate,
    ) -> rusqlite::Result<Vec<Task>> {
        let mut stmt = conn.prepare_cached(TASKS_FOR_CASE)?;
        stmt.query_map([case], |r| {
            let due_on: Option<NaiveDate> = r.get(2)?;
            Ok(Task {
                id: r.get(0)?,
                title: r.get(1)?,
                due_in_days: due_on.map(|d| (d - today).num_days()),
                due_on,
                done: r.get(3)?,
            })
        })?
        .collect()
    }
}
