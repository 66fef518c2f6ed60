//! The document checklist of a case and its defaults for each direction of travel.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::{CaseDetail, Direction};
use crate::error::{Error, Result};
use crate::ids::CaseId;
use crate::store::Store;
use crate::undo::{Removal, Removed};
use crate::validate::{Field, LONG_TEXT_MAX, optional, parse_id};

id_enum! {
    "kebab-case" pub enum DocumentKind {
        Passport,
        MedicalStayVisa,
        Eta,
        GuarantorLetter,
        CertificateOfEligibility,
        /// 受診等予定表: the treatment schedule a Medical Stay visa application through a
        /// guarantor organisation includes (MOFA).
        TreatmentSchedule,
        /// 医療機関による受入証明書: the receiving hospital's certificate that it accepts
        /// the patient, for the same application (MOFA).
        AcceptanceCertificate,
        ReferralLetter,
        MedicalRecords,
        TranslatedRecords,
        Imaging,
        Insurance,
        ConsentForm,
        CostEstimate,
        Other,
    }
}

id_enum! {
    "kebab-case" pub enum DocumentState {
        Missing,
        Requested,
        Received,
        Verified,
        NotNeeded,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocumentItem {
    pub id: i64,
    pub kind: DocumentKind,
    pub state: DocumentState,
    pub note: Option<String>,
}

/// The checklist a new case starts with. Japan's Medical Stay visa, applied for through
/// a guarantor organisation, needs its letter, the treatment schedule and the hospital's
/// acceptance certificate (MOFA); Canada's eTA replaces a visa for Japanese citizens.
/// The certificate of eligibility (stays over 90 days) is added when it applies.
pub fn default_checklist(direction: Direction) -> &'static [DocumentKind] {
    use DocumentKind::*;
    match direction {
        Direction::CanadaToJapan => &[
            Passport,
            MedicalStayVisa,
            GuarantorLetter,
            TreatmentSchedule,
            AcceptanceCertificate,
            ReferralLetter,
            MedicalRecords,
            TranslatedRecords,
            Imaging,
            Insurance,
            ConsentForm,
            CostEstimate,
        ],
        Direction::JapanToCanada => &[
            Passport,
            Eta,
            MedicalRecords,
            TranslatedRecords,
            Insurance,
            ConsentForm,
            CostEstimate,
        ],
    }
}

/// A Japanese Medical Stay visa for more than 90 days needs a certificate of eligibility.
pub const LONG_STAY_DAYS: u32 = 90;

/// The checklist for a case of this direction and expected length of stay.
pub fn checklist_for(direction: Direction, stay_days: Option<u32>) -> Vec<DocumentKind> {
    let mut list = default_checklist(direction).to_vec();
    if direction == Direction::CanadaToJapan && stay_days.is_some_and(|d| d > LONG_STAY_DAYS) {
        let after_visa = list
            .iter()
            .position(|k| *k == DocumentKind::GuarantorLetter)
            .map_or(list.len(), |i| i + 1);
        list.insert(after_visa, DocumentKind::CertificateOfEligibility);
    }
    list
}

/// A checklist item's state and note as the coordinator sets them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct DocumentInput {
    pub state: String,
    pub note: Option<String>,
}

/// Read on every case opening; guarded by the query-plan test.
pub(crate) const DOCUMENTS_FOR_CASE: &str =
    "SELECT id, kind, state, note FROM documents WHERE case_id = ?1 ORDER BY id";

impl DocumentItem {
    pub(crate) fn insert_defaults(
        tx: &Transaction<'_>,
        case: CaseId,
        direction: Direction,
        stay_days: Option<u32>,
    ) -> rusqlite::Result<()> {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO documents (case_id, kind, state) VALUES (?1, ?2, 'missing')",
        )?;
        for kind in checklist_for(direction, stay_days) {
            stmt.execute(params![case, kind])?;
        }
        Ok(())
    }

    /// Adds what the checklist now requires and the case lacks (a longer stay needs
    /// the certificate of eligibility); never removes what a coordinator may have ticked.
    pub(crate) fn add_missing_defaults(
        tx: &Transaction<'_>,
        case: CaseId,
        direction: Direction,
        stay_days: Option<u32>,
    ) -> rusqlite::Result<()> {
        for kind in checklist_for(direction, stay_days) {
            tx.prepare_cached(
                "INSERT INTO documents (case_id, kind, state) SELECT ?1, ?2, 'missing'
                 WHERE NOT EXISTS (SELECT 1 FROM documents WHERE case_id = ?1 AND kind = ?2)",
            )?
            .execute(params![case, kind])?;
        }
        Ok(())
    }

    pub(crate) fn for_case(conn: &Connection, case: CaseId) -> rusqlite::Result<Vec<DocumentItem>> {
        let mut stmt = conn.prepare_cached(DOCUMENTS_FOR_CASE)?;
        stmt.query_map([case], DocumentItem::from_row)?.collect()
    }

    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentItem> {
        Ok(DocumentItem {
            id: r.get(0)?,
            kind: r.get(1)?,
            state: r.get(2)?,
            note: r.get(3)?,
        })
    }
}

impl Store {
    pub fn set_document(
        &mut self,
        reference: &str,
        id: i64,
        input: &DocumentInput,
    ) -> Result<CaseDetail> {
        let state: DocumentState = parse_id(Field::DocumentState, input.state.trim())?;
        let note = optional(Field::DocumentNote, input.note.as_deref(), LONG_TEXT_MAX)?;
        self.edit_case(reference, "document-set", false, |tx, case| {
            let changed = tx.execute(
                "UPDATE documents SET state = ?3, note = ?4 WHERE id = ?1 AND case_id = ?2",
                params![id, case, state, note],
            )?;
            if changed == 0 {
                return Err(Error::ItemNotFound);
            }
            Ok(serde_json::json!({ "document": id, "state": state }))
        })
    }

    pub fn add_document(&mut self, reference: &str, kind: &str) -> Result<CaseDetail> {
        let kind: DocumentKind = parse_id(Field::DocumentKind, kind.trim())?;
        self.edit_case(reference, "document-add", false, |tx, case| {
            tx.execute(
                "INSERT INTO documents (case_id, kind, state) VALUES (?1, ?2, 'missing')",
                params![case, kind],
            )?;
            Ok(serde_json::json!({ "document": tx.last_insert_rowid(), "kind": kind }))
        })
    }

    pub fn delete_document(&mut self, reference: &str, id: i64) -> Result<Removal> {
        let mut removed = None;
        let detail = self.edit_case(reference, "document-delete", false, |tx, case| {
            let item = tx
                .query_row(
                    "SELECT id, kind, state, note FROM documents WHERE id = ?1 AND case_id = ?2",
                    params![id, case],
                    DocumentItem::from_row,
                )
                .optional()?
                .ok_or(Error::ItemNotFound)?;
            tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
            let audit = serde_json::json!({ "document": id, "kind": item.kind });
            removed = Some(Removed::Document(item));
            Ok(audit)
        })?;
        Ok(Removal {
            detail,
            removed: removed.expect("set when the edit succeeded"),
        })
    }

    pub(crate) fn restore_document(
        &mut self,
        reference: &str,
        item: &DocumentItem,
    ) -> Result<CaseDetail> {
        let note = optional(Field::DocumentNote, item.note.as_deref(), LONG_TEXT_MAX)?;
        self.edit_case(reference, "document-restore", false, |tx, case| {
            let old_id = crate::undo::old_id_if_free(tx, "documents", item.id)?;
            tx.execute(
                "INSERT INTO documents (id, case_id, kind, state, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![old_id, case, item.kind, item.state, note],
            )?;
            Ok(serde_json::json!({ "document": tx.last_insert_rowid() }))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canada_to_japan_needs_a_medical_stay_visa_and_translation() {
        let list = default_checklist(Direction::CanadaToJapan);
        assert!(list.contains(&DocumentKind::MedicalStayVisa));
        assert!(list.contains(&DocumentKind::GuarantorLetter));
        assert!(list.contains(&DocumentKind::TranslatedRecords));
        assert!(!list.contains(&DocumentKind::Eta));
    }

    #[test]
    fn a_medical_stay_visa_through_a_guarantor_needs_the_schedule_and_acceptance() {
        let list = default_checklist(Direction::CanadaToJapan);
        assert!(list.contains(&DocumentKind::TreatmentSchedule));
        assert!(list.contains(&DocumentKind::AcceptanceCertificate));
        let back = default_checklist(Direction::JapanToCanada);
        assert!(!back.contains(&DocumentKind::TreatmentSchedule));
    }

    #[test]
    fn japan_to_canada_needs_an_eta_not_a_visa() {
        let list = default_checklist(Direction::JapanToCanada);
        assert!(list.contains(&DocumentKind::Eta));
        assert!(!list.contains(&DocumentKind::MedicalStayVisa));
    }

    #[test]
    fn a_stay_over_ninety_days_in_japan_needs_a_certificate_of_eligibility() {
        let coe = DocumentKind::CertificateOfEligibility;
        assert!(!checklist_for(Direction::CanadaToJapan, None).contains(&coe));
        assert!(!checklist_for(Direction::CanadaToJapan, Some(90)).contains(&coe));
        let long = checklist_for(Direction::CanadaToJapan, Some(91));
        assert_eq!(
            long.iter().position(|k| *k == coe),
            long.iter()
                .position(|k| *k == DocumentKind::GuarantorLetter)
                .map(|i| i + 1),
            "listed with the visa papers"
        );
        // Canada has no such certificate: a long stay there changes nothing.
        assert!(!checklist_for(Direction::JapanToCanada, Some(200)).contains(&coe));
    }
}
