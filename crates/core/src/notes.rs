//! The notes log of a case: what was said, when, and through which channel.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::CaseId;

id_enum! {
    "kebab-case" pub enum NoteChannel {
        Phone,
        Email,
        Meeting,
        Message,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Note {
    pub id: i64,
    pub written_at: DateTime<Utc>,
    pub channel: NoteChannel,
    pub body: String,
}

/// Read on every case opening; guarded by the query-plan test.
pub(crate) const NOTES_FOR_CASE: &str = "SELECT id, written_at, channel, body FROM notes WHERE case_id = ?1 ORDER BY written_at DESC, id DESC";

impl Note {
    pub(crate) fn for_case(conn: &Connection, case: CaseId) -> rusqlite::Result<Vec<Note>> {
        let mut stmt = conn.prepare_cached(NOTES_FOR_CASE)?;
        stmt.query_map([case], |r| {
            Ok(Note {
                id: r.get(0)?,
                written_at: r.get(1)?,
                channel: r.get(2)?,
                body: r.get(3)?,
            })
        })?
        .collect()
    }
}
