//! What privacy law asks of a coordinator's records (PIPEDA, PHIPA, Québec's Law 25,
//! Japan's APPI): a log of who viewed or exported a patient's record as well as who
//! changed it, consent with its scope and withdrawal, and on request a copy of
//! everything held about a patient or its erasure, leaving a trace without the data.

use chrono::{NaiveDate, Utc};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::CaseDetail;
use crate::error::{Error, Result};
use crate::exchange::CaseRecord;
use crate::ids::{CaseId, PatientId};
use crate::patient::{Patient, parse_date};
use crate::recipient::Recipient;
use crate::store::{Store, audit, instant};
use crate::validate::{Field, LONG_TEXT_MAX, not_in_future, optional};

mod export_consent;
mod restore_log;
pub use export_consent::{ExportConsent, consent_covers};

id_enum! {
    /// What a patient agreed to. Transfer across the border is its own scope: both
    /// PIPEDA and APPI want it named.
    "kebab-case"
    pub enum ConsentScope {
        CareCoordination,
        CrossBorderTransfer,
        ShareWithProviders,
        ShareWithInsurer,
        ShareWithInterpreter,
    }
}

/// One consent as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Consent {
    #[ts(type = "number")]
    pub id: i64,
    pub given_on: NaiveDate,
    pub scopes: Vec<ConsentScope>,
    pub note: Option<String>,
    pub recorded_at: String,
    pub recorded_by: String,
    pub withdrawn_on: Option<NaiveDate>,
    pub withdrawn_by: Option<String>,
}

/// A consent as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ConsentInput {
    pub given_on: String,
    pub scopes: Vec<String>,
    pub note: Option<String>,
}

id_enum! {
    /// One line of a patient's access log.
    "kebab-case"
    pub enum AccessAction {
        ViewCase,
        ViewPatient,
        ExportCase,
        ExportPatient,
        CreateCase,
        ChangeCase,
        CreatePatient,
        ChangePatient,
        ConsentGiven,
        ConsentWithdrawn,
        ExportList,
        Erase,
        /// A case exported to a recipient whom no consent in force covers, after the
        /// coordinator confirmed it (`privacy::export_consent`).
        ExportWithoutConsent,
    }
}

/// Who did what to a patient's record, and when.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AccessEntry {
    pub at: String,
    pub actor: String,
    pub action: AccessAction,
    pub reference: Option<String>,
    /// The row no longer fits the access log's hash chain: it, or the row before
    /// it, was changed or removed outside Kakehashi (`store::chain`).
    pub altered: bool,
}

/// Everything held about one patient, as handed over on request.
#[derive(Debug, Clone, Serialize)]
pub struct PatientRecord {
    /// Always `kakehashi-patient/1`.
    pub format: String,
    pub exported_at: String,
    pub patient: Patient,
    pub cases: Vec<CaseRecord>,
    pub consents: Vec<Consent>,
    pub access_log: Vec<AccessEntry>,
}

/// What an erasure left behind: the references, which identify no one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Erasure {
    pub references: Vec<String>,
    /// A reader elsewhere held the WAL, so the erased pages are still in it; they go
    /// when this store closes or the file is next opened.
    pub checkpoint_pending: bool,
}

/// The part of a patient's log that the chain does not cover: the audit log's changes
/// to their cases and record, each with the chain check's five columns empty.
macro_rules! changes_of_patient {
    () => {
        "
             UNION ALL
             SELECT l.at, l.actor,
                    CASE WHEN l.action IN ('create', 'import') THEN 'create-case' ELSE 'change-case' END,
                    c.reference, NULL, NULL, NULL, NULL, NULL
               FROM audit_log l JOIN cases c ON l.entity = 'case' AND l.entity_id = c.id
              WHERE c.patient_id = ?1
             UNION ALL
             SELECT l.at, l.actor,
                    CASE l.action WHEN 'create' THEN 'create-patient' WHEN 'edit' THEN 'change-patient'
                                  ELSE l.action END,
                    NULL, NULL, NULL, NULL, NULL, NULL
               FROM audit_log l
              WHERE l.entity = 'patient' AND l.entity_id = ?1
             ORDER BY 1 DESC"
    };
}

/// One patient's log: views and exports, then changes of their cases and record.
/// Read when the patient is opened; guarded by the query-plan test. An access row
/// comes with what its hash-chain check needs: its ids, its link and the link of
/// the row before it.
pub(crate) const ACCESS_LOG_FOR_PATIENT: &str = concat!(
    "SELECT a.at, a.actor, a.action, c.reference,
                    a.id, a.patient_id, a.case_id, a.chain,
                    (SELECT p.chain FROM access_log p WHERE p.id < a.id ORDER BY p.id DESC LIMIT 1)
               FROM access_log a LEFT JOIN cases c ON c.id = a.case_id
              WHERE a.patient_id = ?1",
    changes_of_patient!()
);

/// The same for a file a read-only view opened before any Kakehashi with the chain
/// migrated it: nothing to check.
const ACCESS_LOG_FOR_PATIENT_UNCHAINED: &str = concat!(
    "SELECT a.at, a.actor, a.action, c.reference, NULL, NULL, NULL, NULL, NULL
               FROM access_log a LEFT JOIN cases c ON c.id = a.case_id
              WHERE a.patient_id = ?1",
    changes_of_patient!()
);

/// Each row is linked to the last one in the same statement, which holds the write
/// lock from its start, so two writers never link to the same row.
pub(crate) const INSERT_ACCESS: &str =
    "INSERT INTO access_log (at, actor, patient_id, case_id, action, chain)
     VALUES (?1, ?2, ?3, ?4, ?5,
             kakehashi_chain((SELECT chain FROM access_log ORDER BY id DESC LIMIT 1), ?1, ?2, ?3, ?4, ?5))";

/// The statement for a read-only view's side connection, asked of the file as it is
/// now: a writer may have migrated it to the chain since the view opened it.
fn side_insert_access(conn: &rusqlite::Connection) -> Result<&'static str> {
    let chained: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('access_log') WHERE name = 'chain')",
        [],
        |r| r.get(0),
    )?;
    Ok(if chained {
        INSERT_ACCESS
    } else {
        INSERT_ACCESS_UNCHAINED
    })
}

/// For a file not yet migrated to the chain, written by a read-only view beside it.
const INSERT_ACCESS_UNCHAINED: &str =
    "INSERT INTO access_log (at, actor, patient_id, case_id, action) VALUES (?1, ?2, ?3, ?4, ?5)";

/// An erased patient's trace: ids are negated on erasure (see `erase_patient`).
const ERASED_TRACE: &str = "SELECT at, actor, action, NULL, NULL, NULL, NULL, NULL, NULL
       FROM access_log WHERE patient_id = -?1 ORDER BY at DESC";

/// Read when the patient is opened; guarded by the query-plan test.
pub(crate) const CONSENTS_FOR_PATIENT: &str =
    "SELECT id, given_on, scopes, note, recorded_at, recorded_by, withdrawn_on, withdrawn_by
             FROM consents WHERE patient_id = ?1 ORDER BY given_on DESC, id DESC";

/// The file name offered when saving everything about a patient.
pub fn patient_file_name(patient: PatientId) -> String {
    format!("kakehashi-patient-{}.json", patient.0)
}

impl ConsentInput {
    fn validate(&self, today: NaiveDate) -> Result<(NaiveDate, Vec<ConsentScope>, Option<String>)> {
        let given_on =
            parse_date(Field::ConsentGivenOn, Some(&self.given_on))?.ok_or(Error::Required {
                field: Field::ConsentGivenOn,
            })?;
        not_in_future(Field::ConsentGivenOn, Some(given_on), today)?;
        let mut scopes = Vec::new();
        for s in &self.scopes {
            let scope: ConsentScope = s.parse().map_err(|_| Error::UnknownValue {
                field: Field::ConsentScope,
                value: s.clone(),
            })?;
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
        if scopes.is_empty() {
            return Err(Error::Required {
                field: Field::ConsentScope,
            });
        }
        let note = optional(Field::NoteText, self.note.as_deref(), LONG_TEXT_MAX)?;
        Ok((given_on, scopes, note))
    }
}

/// One row of `ACCESS_LOG_FOR_PATIENT` or `ERASED_TRACE`: time, actor, action,
/// reference. An audit action this version does not know reads as a change.
fn read_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<AccessEntry> {
    let action: String = r.get(2)?;
    let altered = match r.get::<_, Option<i64>>(4)? {
        Some(id) => !crate::store::chain::Row {
            id,
            at: r.get(0)?,
            actor: r.get(1)?,
            patient: r.get(5)?,
            case: r.get(6)?,
            action: action.clone(),
            chain: r.get(7)?,
            prev: r.get(8)?,
        }
        .holds(),
        None => false,
    };
    Ok(AccessEntry {
        at: r.get(0)?,
        actor: r.get(1)?,
        action: action.parse().unwrap_or(AccessAction::ChangePatient),
        reference: r.get(3)?,
        altered,
    })
}

fn read_consent(r: &rusqlite::Row<'_>) -> rusqlite::Result<Consent> {
    let scopes: String = r.get(2)?;
    Ok(Consent {
        id: r.get(0)?,
        given_on: r.get(1)?,
        scopes: serde_json::from_str(&scopes).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?,
        note: r.get(3)?,
        recorded_at: r.get(4)?,
        recorded_by: r.get(5)?,
        withdrawn_on: r.get(6)?,
        withdrawn_by: r.get(7)?,
    })
}

impl Store {
    /// Writes one row of the access log. A read-only view (beside another window,
    /// or of a file in a read-only folder) writes it through a connection of its
    /// own when the file allows, since the log is appended to and nothing else is;
    /// when the file cannot take it, the view goes on: the banner says read-only.
    fn log_access(
        &self,
        patient: PatientId,
        case: Option<CaseId>,
        action: AccessAction,
    ) -> Result<()> {
        let row = params![instant(Utc::now()), self.actor(), patient, case, action];
        if self.is_read_only() {
            let _ = self
                .side_connection()
                .and_then(|c| Ok(c.execute(side_insert_access(&c)?, row)?));
            return Ok(());
        }
        let before = self.conn().total_changes();
        self.conn()
            .prepare_cached(self.insert_access())?
            .execute(row)?;
        // A line in the access log moves no case in the list: the list's anchors stay.
        self.anchors()
            .carry_over(before, self.conn().total_changes());
        Ok(())
    }

    /// The statement that appends to this file's access log.
    fn insert_access(&self) -> &'static str {
        if self.access_chained() {
            INSERT_ACCESS
        } else {
            INSERT_ACCESS_UNCHAINED
        }
    }

    /// A case opened by a person: loaded and logged as a view of the patient's record,
    /// by a read-only view too (`log_access` writes beside it where the file allows).
    pub fn view_case(&self, reference: &str) -> Result<CaseDetail> {
        let detail = self.case_detail(reference)?;
        self.log_access(
            detail.patient.id,
            Some(detail.summary.id),
            AccessAction::ViewCase,
        )?;
        Ok(detail)
    }

    /// A patient's record opened by a person, logged.
    pub fn view_patient(&self, id: PatientId) -> Result<Patient> {
        let patient = self.patient(id)?;
        self.log_access(id, None, AccessAction::ViewPatient)?;
        Ok(patient)
    }

    /// Logs that a case left the app in a file.
    /// `consent` is what [`Store::export_consent`] decided before the export.
    pub fn log_case_export(&self, reference: &str, consent: ExportConsent) -> Result<()> {
        let (case, patient): (CaseId, PatientId) = self.conn().query_row(
            "SELECT id, patient_id FROM cases WHERE id = ?1",
            [self.case_id(reference)?],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let action = match consent {
            ExportConsent::Covered => AccessAction::ExportCase,
            ExportConsent::Overridden => AccessAction::ExportWithoutConsent,
        };
        self.log_access(patient, Some(case), action)
    }

    /// Records a consent.
    pub fn add_consent(
        &mut self,
        patient: PatientId,
        input: &ConsentInput,
    ) -> Result<Vec<Consent>> {
        let (given_on, scopes, note) = input.validate(self.today())?;
        self.patient(patient)?;
        let actor = self.actor().to_owned();
        let tx = self.transaction()?;
        tx.execute(
            "INSERT INTO consents (patient_id, given_on, scopes, note, recorded_at, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                patient,
                given_on,
                serde_json::to_string(&scopes).expect("serialisable"),
                note,
                instant(Utc::now()),
                actor
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit(
            &tx,
            &actor,
            "patient",
            patient.0,
            "consent-given",
            &serde_json::json!({ "consent": id, "scopes": scopes }),
        )?;
        tx.commit()?;
        self.consents(patient)
    }

    /// Records the withdrawal of a consent on `withdrawn_on`. The consent stays on
    /// record: what was allowed until then still matters.
    pub fn withdraw_consent(
        &mut self,
        patient: PatientId,
        consent: i64,
        withdrawn_on: &str,
    ) -> Result<Vec<Consent>> {
        let on =
            parse_date(Field::ConsentWithdrawnOn, Some(withdrawn_on))?.ok_or(Error::Required {
                field: Field::ConsentWithdrawnOn,
            })?;
        not_in_future(Field::ConsentWithdrawnOn, Some(on), self.today())?;
        let actor = self.actor().to_owned();
        let tx = self.transaction()?;
        let given: Option<(NaiveDate, Option<NaiveDate>)> = tx
            .query_row(
                "SELECT given_on, withdrawn_on FROM consents WHERE id = ?1 AND patient_id = ?2",
                params![consent, patient],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match given {
            None => return Err(Error::ItemNotFound),
            Some((_, Some(_))) => {
                return Err(Error::Invalid {
                    field: Field::ConsentWithdrawnOn,
                });
            }
            Some((given_on, None)) if on < given_on => {
                return Err(Error::EndBeforeStart {
                    field: Field::ConsentWithdrawnOn,
                });
            }
            Some(_) => {}
        }
        tx.execute(
            "UPDATE consents SET withdrawn_on = ?1, withdrawn_by = ?2 WHERE id = ?3",
            params![on, actor, consent],
        )?;
        audit(
            &tx,
            &actor,
            "patient",
            patient.0,
            "consent-withdrawn",
            &serde_json::json!({ "consent": consent }),
        )?;
        tx.commit()?;
        self.consents(patient)
    }

    /// A patient's consents, newest first.
    pub fn consents(&self, patient: PatientId) -> Result<Vec<Consent>> {
        let mut stmt = self.conn().prepare_cached(CONSENTS_FOR_PATIENT)?;
        Ok(stmt
            .query_map([patient], read_consent)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Everything that happened to a patient's record, newest first: views and
    /// exports from the access log, changes and consents from the audit log.
    pub fn access_log(&self, patient: PatientId) -> Result<Vec<AccessEntry>> {
        let sql = if self.access_chained() {
            ACCESS_LOG_FOR_PATIENT
        } else {
            ACCESS_LOG_FOR_PATIENT_UNCHAINED
        };
        let mut stmt = self.conn().prepare_cached(sql)?;
        let rows = stmt.query_map([patient], read_entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything held about a patient, for a request of access; logged.
    pub fn export_patient(&self, patient: PatientId) -> Result<PatientRecord> {
        let person = self.patient(patient)?;
        let references: Vec<String> = self
            .conn()
            .prepare_cached("SELECT reference FROM cases WHERE patient_id = ?1 ORDER BY id")?
            .query_map([patient], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let now = Utc::now();
        let cases = references
            .iter()
            .map(|r| {
                Ok(CaseRecord::from_detail(
                    &self.case_detail(r)?,
                    Recipient::Coordinator,
                    now,
                ))
            })
            .collect::<Result<_>>()?;
        self.log_access(patient, None, AccessAction::ExportPatient)?;
        Ok(PatientRecord {
            format: "kakehashi-patient/1".to_owned(),
            exported_at: instant(now),
            patient: person,
            cases,
            consents: self.consents(patient)?,
            access_log: self.access_log(patient)?,
        })
    }

    /// Erases a patient and all their cases on request. What stays is the trace the
    /// law asks for: case references, the access log's ids and actions, the audit
    /// log's entries with their details emptied, and one entry for the erasure.
    /// Freed pages are overwritten and the WAL truncated, so the data does not linger
    /// in the file. Backups made earlier still hold it until they roll off; the
    /// erasure ledger (`erasures`) erases the patient again from any of them that is
    /// restored or opened.
    pub fn erase_patient(&mut self, patient: PatientId) -> Result<Erasure> {
        if self.is_read_only() {
            return Err(Error::ReadOnly);
        }
        let created_at: String = self
            .conn()
            .query_row(
                "SELECT created_at FROM patients WHERE id = ?1",
                [patient],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::PatientNotFound { id: patient.0 })?;
        let erased_at = instant(Utc::now());
        crate::erasures::record(
            self.path(),
            crate::erasures::Erased {
                patient: patient.0,
                created_at,
                erased_at: erased_at.clone(),
                checkpointed: false,
            },
        )?;
        let mut erased = self.erase_rows(patient, None)?;
        // The erasure is committed: a checkpoint that fails is one still to do.
        if self.checkpoint_after_erasure().unwrap_or(false) {
            crate::erasures::mark_checkpointed(self.path())?;
        } else {
            erased.checkpoint_pending = true;
            self.set_erasure_pending(true);
        }
        Ok(erased)
    }

    /// The rows of an erasure, in one transaction. `again`: the time of the erasure
    /// being done again (a restored or reopened older copy), noted in its audit entry.
    pub(crate) fn erase_rows(
        &mut self,
        patient: PatientId,
        again: Option<&str>,
    ) -> Result<Erasure> {
        let actor = self.actor().to_owned();
        let insert_access = self.insert_access();
        self.conn().pragma_update(None, "secure_delete", "ON")?;
        let erased = (|| -> Result<Erasure> {
            let tx = self.transaction()?;
            let cases: Vec<(i64, String)> = tx
                .prepare("SELECT id, reference FROM cases WHERE patient_id = ?1 ORDER BY id")?
                .query_map([patient], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            // Row ids are reused by SQLite once the highest is gone: the trace is moved
            // off them, so that a later patient or case with the same id inherits none
            // of it. Details go: the first audit row of a patient held the whole record.
            for (id, _) in &cases {
                tx.execute(
                    "UPDATE audit_log SET entity = 'erased-case', detail = '{}' WHERE entity = 'case' AND entity_id = ?1",
                    [id],
                )?;
                tx.execute(
                    "UPDATE access_log SET case_id = -case_id WHERE case_id = ?1",
                    [id],
                )?;
            }
            tx.execute(
                "UPDATE audit_log SET entity = 'erased-patient', detail = '{}' WHERE entity = 'patient' AND entity_id = ?1",
                [patient],
            )?;
            tx.execute(
                "UPDATE access_log SET patient_id = -patient_id WHERE patient_id = ?1",
                [patient],
            )?;
            tx.execute("DELETE FROM cases WHERE patient_id = ?1", [patient])?;
            tx.execute("DELETE FROM patients WHERE id = ?1", [patient])?;
            let references: Vec<String> = cases.into_iter().map(|(_, r)| r).collect();
            let detail = match again {
                None => serde_json::json!({ "cases": references }),
                Some(at) => serde_json::json!({ "cases": references, "erased-again-from": at }),
            };
            audit(&tx, &actor, "erased-patient", patient.0, "erase", &detail)?;
            tx.execute(
                insert_access,
                params![
                    instant(Utc::now()),
                    actor,
                    -patient.0,
                    None::<i64>,
                    AccessAction::Erase
                ],
            )?;
            tx.commit()?;
            Ok(Erasure {
                references,
                checkpoint_pending: false,
            })
        })();
        self.conn().pragma_update(None, "secure_delete", "OFF")?;
        erased
    }

    /// The WAL still holds the pages as they were before an erasure; they go when it
    /// is checkpointed and truncated, which waits for a reader (a read-only view
    /// elsewhere) to let go: SQLite's busy handler waits up to the connection's busy
    /// timeout (5 s) within the one call. False when a reader still held it then.
    pub(crate) fn checkpoint_after_erasure(&self) -> Result<bool> {
        let busy: i64 = self
            .conn()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        Ok(busy == 0)
    }

    /// What is left of an erased patient: who viewed, exported and erased the record,
    /// when, with no personal data. Empty for a patient never erased.
    pub fn erasure_trace(&self, patient: PatientId) -> Result<Vec<AccessEntry>> {
        let mut stmt = self.conn().prepare_cached(ERASED_TRACE)?;
        let rows = stmt.query_map([patient], read_entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Logs that a list of cases left the app in a file (the CSV export): a row for
    /// each patient in it.
    pub fn log_list_export(&self, cases: &[crate::case::CaseSummary]) -> Result<()> {
        let now = instant(Utc::now());
        let write = |conn: &rusqlite::Connection| -> Result<()> {
            let insert = if self.is_read_only() {
                side_insert_access(conn)?
            } else {
                self.insert_access()
            };
            let tx = conn.unchecked_transaction()?;
            for c in cases {
                tx.prepare_cached(insert)?.execute(params![
                    now,
                    self.actor(),
                    c.patient_id,
                    c.id,
                    AccessAction::ExportList
                ])?;
            }
            tx.commit()?;
            Ok(())
        };
        if self.is_read_only() {
            let _ = self.side_connection().and_then(|c| write(&c));
            return Ok(());
        }
        write(self.conn())
    }
}
