//! The timeline of a case: travel and care events, each an instant in the IANA
//! zone where it happens, and every status change.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::CaseDetail;
use crate::error::{Error, Result};
use crate::ids::CaseId;
use crate::status::CaseStatus;
use crate::store::Store;
use crate::undo::{Removal, Removed};
use crate::validate::{Field, SHORT_TEXT_MAX, optional, parse_id};
use crate::zones::{local_text, local_to_instant, parse_local, parse_zone};

id_enum! {
    "kebab-case" pub enum EventKind {
        Consultation,
        Flight,
        Arrival,
        Admission,
        Procedure,
        Discharge,
        FollowUp,
        StatusChange,
        Other,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineEvent {
    pub id: i64,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    /// IANA zone the event happens in; shown there and in the patient's home zone.
    pub zone: String,
    pub title: Option<String>,
    pub status_from: Option<CaseStatus>,
    pub status_to: Option<CaseStatus>,
    /// The start as the event's own clock reads it (`2026-12-01T09:00`), for editing.
    pub starts_local: String,
    pub ends_local: Option<String>,
}

/// An event as typed: local times in the event's zone, checked by the core.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct EventInput {
    pub kind: String,
    /// `YYYY-MM-DDTHH:MM` in `zone`.
    pub starts_local: String,
    pub ends_local: Option<String>,
    /// IANA zone where the event happens, e.g. `Asia/Tokyo`.
    pub zone: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone)]
struct ValidEvent {
    kind: EventKind,
    starts_at: DateTime<Utc>,
    ends_at: Option<DateTime<Utc>>,
    zone: String,
    title: Option<String>,
}

impl EventInput {
    fn validate(&self) -> Result<ValidEvent> {
        let kind: EventKind = match self.kind.trim() {
            "" => {
                return Err(Error::Required {
                    field: Field::EventKind,
                });
            }
            k => parse_id(Field::EventKind, k)?,
        };
        // Status changes are written by the pipeline, never by hand.
        if kind == EventKind::StatusChange {
            return Err(Error::Invalid {
                field: Field::EventKind,
            });
        }
        let tz = parse_zone(Field::EventZone, &self.zone)?;
        let starts_at = local_to_instant(
            Field::EventStart,
            parse_local(Field::EventStart, &self.starts_local)?,
            tz,
        )?;
        let ends_at = match self.ends_local.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(local_to_instant(
                Field::EventEnd,
                parse_local(Field::EventEnd, text)?,
                tz,
            )?),
        };
        if ends_at.is_some_and(|e| e < starts_at) {
            return Err(Error::EndBeforeStart {
                field: Field::EventEnd,
            });
        }
        Ok(ValidEvent {
            kind,
            starts_at,
            ends_at,
            zone: tz.name().to_owned(),
            title: optional(Field::EventTitle, self.title.as_deref(), SHORT_TEXT_MAX)?,
        })
    }
}

/// Read on every case opening; guarded by the query-plan test.
pub(crate) const TIMELINE_FOR_CASE: &str =
    "SELECT id, kind, starts_at, ends_at, zone, title, status_from, status_to
             FROM timeline_events WHERE case_id = ?1 ORDER BY starts_at, id";

impl TimelineEvent {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<TimelineEvent> {
        let starts_at: DateTime<Utc> = r.get(2)?;
        let ends_at: Option<DateTime<Utc>> = r.get(3)?;
        let zone: String = r.get(4)?;
        Ok(TimelineEvent {
            id: r.get(0)?,
            kind: r.get(1)?,
            starts_local: local_text(starts_at, &zone),
            ends_local: ends_at.map(|e| local_text(e, &zone)),
            starts_at,
            ends_at,
            zone,
            title: r.get(5)?,
            status_from: r.get(6)?,
            status_to: r.get(7)?,
        })
    }

    fn insert(tx: &Transaction<'_>, case: CaseId, id: Option<i64>, e: &ValidEvent) -> Result<i64> {
        tx.prepare_cached(
            "INSERT INTO timeline_events (id, case_id, kind, starts_at, ends_at, zone, title) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            id,
            case,
            e.kind,
            crate::store::instant(e.starts_at),
            e.ends_at.map(crate::store::instant),
            e.zone,
            e.title
        ])?;
        Ok(tx.last_insert_rowid())
    }

    fn input(&self) -> EventInput {
        EventInput {
            kind: <&str>::from(self.kind).to_owned(),
            starts_local: self.starts_local.clone(),
            ends_local: self.ends_local.clone(),
            zone: self.zone.clone(),
            title: self.title.clone(),
        }
    }

    pub(crate) fn for_case(
        conn: &Connection,
        case: CaseId,
    ) -> rusqlite::Result<Vec<TimelineEvent>> {
        let mut stmt = conn.prepare_cached(TIMELINE_FOR_CASE)?;
        stmt.query_map([case], TimelineEvent::from_row)?.collect()
    }
}

/// Only hand-made events may be changed: status changes are the pipeline's record.
const EDITABLE_EVENT: &str = "id = ?1 AND case_id = ?2 AND kind <> 'status-change'";

impl Store {
    pub fn add_event(&mut self, reference: &str, input: &EventInput) -> Result<CaseDetail> {
        let event = input.validate()?;
        self.edit_case(reference, "event-add", false, |tx, case| {
            let id = TimelineEvent::insert(tx, case, None, &event)?;
            Ok(serde_json::json!({ "event": id, "kind": event.kind, "starts_at": event.starts_at }))
        })
    }

    pub fn update_event(
        &mut self,
        reference: &str,
        id: i64,
        input: &EventInput,
    ) -> Result<CaseDetail> {
        let e = input.validate()?;
        self.edit_case(reference, "event-edit", false, |tx, case| {
            let changed = tx.execute(
                &format!("UPDATE timeline_events SET kind = ?3, starts_at = ?4, ends_at = ?5, zone = ?6, title = ?7 WHERE {EDITABLE_EVENT}"),
                params![id, case, e.kind, crate::store::instant(e.starts_at), e.ends_at.map(crate::store::instant), e.zone, e.title],
            )?;
            if changed == 0 {
                return Err(Error::ItemNotFound);
            }
            Ok(serde_json::json!({ "event": id, "kind": e.kind, "starts_at": e.starts_at }))
        })
    }

    /// Removes an event and hands it back, so that the UI can offer to undo.
    pub fn delete_event(&mut self, reference: &str, id: i64) -> Result<Removal> {
        let mut removed = None;
        let detail = self.edit_case(reference, "event-delete", false, |tx, case| {
            let event = tx
                .query_row(
                    &format!("SELECT id, kind, starts_at, ends_at, zone, title, status_from, status_to FROM timeline_events WHERE {EDITABLE_EVENT}"),
                    params![id, case],
                    TimelineEvent::from_row,
                )
                .map_err(|_| Error::ItemNotFound)?;
            tx.execute("DELETE FROM timeline_events WHERE id = ?1", [id])?;
            let audit = serde_json::json!({ "event": id, "kind": event.kind });
            removed = Some(Removed::Event(event));
            Ok(audit)
        })?;
        Ok(Removal {
            detail,
            removed: removed.expect("set when the edit succeeded"),
        })
    }

    pub(crate) fn restore_event(
        &mut self,
        reference: &str,
        event: &TimelineEvent,
    ) -> Result<CaseDetail> {
        let valid = event.input().validate()?;
        self.edit_case(reference, "event-restore", false, |tx, case| {
            let old_id = crate::undo::old_id_if_free(tx, "timeline_events", event.id)?;
            let id = TimelineEvent::insert(tx, case, old_id, &valid)?;
            Ok(serde_json::json!({ "event": id }))
        })
    }
}
