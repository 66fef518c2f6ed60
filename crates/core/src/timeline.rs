//! The timeline of a case: travel and care events, each an instant in the IANA
//! zone where it happens, and every status change.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::CaseId;
use crate::status::CaseStatus;

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
}

/// Read on every case opening; guarded by the query-plan test.
pub(crate) const TIMELINE_FOR_CASE: &str =
    "SELECT id, kind, starts_at, ends_at, zone, title, status_from, status_to
             FROM timeline_events WHERE case_id = ?1 ORDER BY starts_at, id";

impl TimelineEvent {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<TimelineEvent> {
        Ok(TimelineEvent {
            id: r.get(0)?,
            kind: r.get(1)?,
            starts_at: r.get(2)?,
            ends_at: r.get(3)?,
            zone: r.get(4)?,
            title: r.get(5)?,
            status_from: r.get(6)?,
            status_to: r.get(7)?,
        })
    }

    pub(crate) fn for_case(
        conn: &Connection,
        case: CaseId,
    ) -> rusqlite::Result<Vec<TimelineEvent>> {
        let mut stmt = conn.prepare_cached(TIMELINE_FOR_CASE)?;
        stmt.query_map([case], TimelineEvent::from_row)?.collect()
    }
}
