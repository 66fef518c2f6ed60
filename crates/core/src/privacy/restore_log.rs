//! What a restore owes the access log: a restore must never rewind who looked at what.
//! The rows the replaced file held and the backup lacks are carried over from the copy
//! kept aside, and the restore itself goes into the audit log. The engine writes down
//! what is owed before the restore takes effect (`store::backup::PendingRestore`);
//! the next writing open pays it, so a crash in between loses nothing.

use std::path::Path;

use rusqlite::params;

use super::INSERT_ACCESS;
use crate::error::Result;
use crate::store::backup::{LogTail, PendingRestore};
use crate::store::{Store, audit};

/// One access row as it is carried over: at, actor, patient, case, action.
type Row = (String, String, i64, Option<i64>, String);

/// The rows of the kept-aside copy written after the backup's newest row. That row is
/// found by its link in the chain, since ids may have moved on in the restored file
/// (an erasure done again adds rows); a backup from before the chain falls back to ids.
fn rows_after(aside: &Path, key: Option<&str>, tail: &LogTail) -> Result<Vec<Row>> {
    let before = crate::store::open_ro_connection(aside, key)?;
    let found: Option<i64> = match &tail.chain {
        Some(chain) => {
            use rusqlite::OptionalExtension;
            before
                .query_row("SELECT id FROM access_log WHERE chain = ?1", [chain], |r| {
                    r.get(0)
                })
                .optional()?
        }
        None => None,
    };
    let after = found.unwrap_or(tail.id);
    Ok(before
        .prepare(
            "SELECT at, actor, patient_id, case_id, action FROM access_log
              WHERE id > ?1 ORDER BY id",
        )?
        .query_map([after], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Pays what a restore of this file owes its log, if anything (see the module).
    pub(crate) fn finish_pending_restore(&mut self) -> Result<()> {
        let Some(pending) = PendingRestore::load(self.path())? else {
            return Ok(());
        };
        // The file kept aside may be the damaged one the restore was for: then there is
        // nothing to carry over, and the audit row says its log could not be read.
        let read = pending
            .kept_aside
            .as_deref()
            .map(|aside| rows_after(Path::new(aside), self.key(), &pending.log_tail));
        let (carried, unreadable) = match read {
            Some(Ok(rows)) => (rows, false),
            Some(Err(_)) => (Vec::new(), true),
            None => (Vec::new(), false),
        };
        let tx = self.transaction()?;
        for (at, who, patient, case, action) in &carried {
            // A patient or case made after the backup is not in this file; its rows stay
            // off the ids, as an erasure's do, so that no later record inherits them.
            let held = |table: &str, id: i64| -> rusqlite::Result<bool> {
                tx.query_row(
                    &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
                    [id],
                    |r| r.get(0),
                )
            };
            let patient = if *patient > 0 && !held("patients", *patient)? {
                -patient
            } else {
                *patient
            };
            let case = match case {
                Some(c) if *c > 0 && (patient < 0 || !held("cases", *c)?) => Some(-c),
                other => *other,
            };
            tx.prepare_cached(INSERT_ACCESS)?
                .execute(params![at, who, patient, case, action])?;
        }
        audit(
            &tx,
            &pending.actor,
            "database",
            0,
            "restore",
            &serde_json::json!({
                "backup": pending.backup,
                "kept-aside": pending.kept_aside,
                "access-rows-carried-over": carried.len(),
                "kept-aside-unreadable": unreadable,
            }),
        )?;
        tx.commit()?;
        PendingRestore::done(self.path())
    }
}
