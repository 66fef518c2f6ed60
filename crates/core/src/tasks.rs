//! Tasks with due dates, attached to a case.

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::CaseDetail;
use crate::error::{Error, Result};
use crate::ids::CaseId;
use crate::patient::parse_date;
use crate::store::Store;
use crate::undo::{Removal, Removed};
use crate::validate::{Field, SHORT_TEXT_MAX, required};

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

/// A task as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct TaskInput {
    pub title: String,
    /// `YYYY-MM-DD`.
    pub due_on: Option<String>,
}

/// Read on every case opening; guarded by the query-plan test.
pub(crate) const TASKS_FOR_CASE: &str = "SELECT id, title, due_on, done FROM tasks WHERE case_id = ?1 ORDER BY done, due_on IS NULL, due_on, id";

impl TaskInput {
    fn validate(&self) -> Result<(String, Option<NaiveDate>)> {
        Ok((
            required(Field::TaskTitle, &self.title, SHORT_TEXT_MAX)?,
            // A due date in the past is allowed: tasks are often written down late.
            parse_date(Field::TaskDue, self.due_on.as_deref())?,
        ))
    }
}

impl Task {
    pub(crate) fn for_case(
        conn: &Connection,
        case: CaseId,
        today: NaiveDate,
    ) -> rusqlite::Result<Vec<Task>> {
        let mut stmt = conn.prepare_cached(TASKS_FOR_CASE)?;
        stmt.query_map([case], |r| Task::from_row(r, today))?
            .collect()
    }

    fn from_row(r: &rusqlite::Row<'_>, today: NaiveDate) -> rusqlite::Result<Task> {
        let due_on: Option<NaiveDate> = r.get(2)?;
        Ok(Task {
            id: r.get(0)?,
            title: r.get(1)?,
            due_in_days: due_on.map(|d| (d - today).num_days()),
            due_on,
            done: r.get(3)?,
        })
    }
}

impl Store {
    pub fn add_task(&mut self, reference: &str, input: &TaskInput) -> Result<CaseDetail> {
        let (title, due_on) = input.validate()?;
        self.edit_case(reference, "task-add", false, |tx, case| {
            tx.execute(
                "INSERT INTO tasks (case_id, title, due_on) VALUES (?1, ?2, ?3)",
                params![case, title, due_on],
            )?;
            Ok(serde_json::json!({ "task": tx.last_insert_rowid(), "due_on": due_on }))
        })
    }

    pub fn update_task(
        &mut self,
        reference: &str,
        id: i64,
        input: &TaskInput,
    ) -> Result<CaseDetail> {
        let (title, due_on) = input.validate()?;
        self.edit_case(reference, "task-edit", false, |tx, case| {
            let changed = tx.execute(
                "UPDATE tasks SET title = ?3, due_on = ?4 WHERE id = ?1 AND case_id = ?2",
                params![id, case, title, due_on],
            )?;
            if changed == 0 {
                return Err(Error::ItemNotFound);
            }
            Ok(serde_json::json!({ "task": id, "due_on": due_on }))
        })
    }

    /// Ticks a task off, or back on; the time it was done is kept for the record.
    pub fn set_task_done(&mut self, reference: &str, id: i64, done: bool) -> Result<CaseDetail> {
        let at = done.then(|| crate::store::instant(Utc::now()));
        self.edit_case(reference, "task-done", false, |tx, case| {
            let changed = tx.execute(
                "UPDATE tasks SET done = ?3, done_at = ?4 WHERE id = ?1 AND case_id = ?2",
                params![id, case, done, at],
            )?;
            if changed == 0 {
                return Err(Error::ItemNotFound);
            }
            Ok(serde_json::json!({ "task": id, "done": done }))
        })
    }

    pub fn delete_task(&mut self, reference: &str, id: i64) -> Result<Removal> {
        let today = self.today();
        let mut removed = None;
        let detail = self.edit_case(reference, "task-delete", false, |tx, case| {
            let task = tx
                .query_row(
                    "SELECT id, title, due_on, done FROM tasks WHERE id = ?1 AND case_id = ?2",
                    params![id, case],
                    |r| Task::from_row(r, today),
                )
                .optional()?
                .ok_or(Error::ItemNotFound)?;
            tx.execute("DELETE FROM tasks WHERE id = ?1", [id])?;
            removed = Some(Removed::Task(task));
            Ok(serde_json::json!({ "task": id }))
        })?;
        Ok(Removal {
            detail,
            removed: removed.expect("set when the edit succeeded"),
        })
    }

    pub(crate) fn restore_task(&mut self, reference: &str, task: &Task) -> Result<CaseDetail> {
        let title = required(Field::TaskTitle, &task.title, SHORT_TEXT_MAX)?;
        self.edit_case(reference, "task-restore", false, |tx, case| {
            let old_id = crate::undo::old_id_if_free(tx, "tasks", task.id)?;
            tx.execute(
                "INSERT INTO tasks (id, case_id, title, due_on, done) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![old_id, case, title, task.due_on, task.done],
            )?;
            Ok(serde_json::json!({ "task": tx.last_insert_rowid() }))
        })
    }
}
