//! The document checklist of a case and its defaults for each direction of travel.

use rusqlite::{Connection, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::Direction;
use crate::ids::CaseId;

id_enum! {
    "kebab-case" pub enum DocumentKind {
        Passport,
        MedicalStayVisa,
        Eta,
        GuarantorLetter,
        CertificateOfEligibility,
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

/// The checklist a new case starts with. Japan's Medical Stay visa needs a
/// guarantor organisation's letter; Canada's eTA replaces a visa for Japanese citizens.
/// The certificate of eligibility (stays over 90 days) is added when it applies.
pub fn default_checklist(direction: Direction) -> &'static [DocumentKind] {
    use DocumentKind::*;
    match direction {
        Direction::CanadaToJapan => &[
            Passport,
            MedicalStayVisa,
            GuarantorLetter,
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

/// Read on every case opening; guarded by the query-plan test.
pub(crate) const DOCUMENTS_FOR_CASE: &str =
    "SELECT id, kind, state, note FROM documents WHERE case_id = ?1 ORDER BY id";

impl DocumentItem {
    pub(crate) fn insert_defaults(
        tx: &Transaction<'_>,
        case: CaseId,
        direction: Direction,
    ) -> rusqlite::Result<()> {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO documents (case_id, kind, state) VALUES (?1, ?2, 'missing')",
        )?;
        for kind in default_checklist(direction) {
            stmt.execute(params![case, kind])?;
        }
        Ok(())
    }

    pub(crate) fn for_case(conn: &Connection, case: CaseId) -> rusqlite::Result<Vec<DocumentItem>> {
        let mut stmt = conn.prepare_cached(DOCUMENTS_FOR_CASE)?;
        stmt.query_map([case], |r| {
            Ok(DocumentItem {
                id: r.get(0)?,
                kind: r.get(1)?,
                state: r.get(2)?,
                note: r.get(3)?,
            })
        })?
        .collect()
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
    fn japan_to_canada_needs_an_eta_not_a_visa() {
        let list = default_checklist(Direction::JapanToCanada);
        assert!(list.contains(&DocumentKind::Eta));
        assert!(!list.contains(&DocumentKind::MedicalStayVisa));
    }
}
