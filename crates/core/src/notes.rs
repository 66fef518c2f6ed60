//! The notes log of a case: what was said, when, and through which channel.
//! A log is only ever added to; a correction is a new note.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::CaseDetail;
use crate::error::{Error, Result};
use crate::ids::CaseId;
use crate::store::Store;
use crate::validate::{Field, LONG_TEXT_MAX, parse_id, required};
use crate::zones::{local_to_instant, parse_local, parse_zone};

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

/// A note as typed. Without `written_local` the note is dated now; with it, the
/// local time is read in `zone` (the coordinator's).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct NoteInput {
    pub channel: String,
    pub body: String,
    pub written_local: Option<String>,
    pub zone: Option<String>,
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

impl Store {
    /// Adds a note to the log; notes are searchable, so the case is indexed again.
    pub fn add_note(&mut self, reference: &str, input: &NoteInput) -> Result<CaseDetail> {
        let channel: NoteChannel = match input.channel.trim() {
            "" => {
                return Err(Error::Required {
                    field: Field::NoteChannel,
                });
            }
            c => parse_id(Field::NoteChannel, c)?,
        };
        let body = required(Field::NoteText, &input.body, LONG_TEXT_MAX)?;
        let written_at = match input.written_local.as_deref().map(str::trim) {
            None | Some("") => Utc::now(),
            Some(text) => {
                let zone = parse_zone(Field::HomeZone, input.zone.as_deref().unwrap_or("UTC"))?;
                let at = local_to_instant(
                    Field::NoteWrittenAt,
                    parse_local(Field::NoteWrittenAt, text)?,
                    zone,
                )?;
                // A log records what happened: a note cannot be dated in the future.
                if at > Utc::now() {
                    return Err(Error::DateInFuture {
                        field: Field::NoteWrittenAt,
                    });
                }
                at
            }
        };
        self.edit_case(reference, "note-add", true, |tx, case| {
            tx.execute(
                "INSERT INTO notes (case_id, written_at, channel, body) VALUES (?1, ?2, ?3, ?4)",
                params![case, crate::store::instant(written_at), channel, body],
            )?;
            Ok(serde_json::json!({ "note": tx.last_insert_rowid(), "channel": channel }))
        })
    }
}
