//! Consent at export: a case goes to a hospital, an insurer or an interpreter only
//! under a consent in force that names them. Without one the export is refused,
//! unless the coordinator confirms it, and the access log then says so.

use super::Consent;
use crate::error::{Error, Result};
use crate::ids::PatientId;
use crate::recipient::Recipient;
use crate::store::Store;

/// How an export stands with the patient's consent, decided before it is made and
/// logged once it is (see [`Store::log_case_export`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportConsent {
    /// A consent in force covers the recipient, or the recipient needs none.
    Covered,
    /// None does; the coordinator confirmed the export all the same.
    Overridden,
}

/// True when `consents` let a case go to `recipient`: one not withdrawn names what
/// the recipient needs ([`Recipient::consent_needed`]). A withdrawal is never dated
/// in the future, so one recorded is in force.
pub fn consent_covers(consents: &[Consent], recipient: Recipient) -> bool {
    match recipient.consent_needed() {
        None => true,
        Some(scope) => consents
            .iter()
            .any(|c| c.withdrawn_on.is_none() && c.scopes.contains(&scope)),
    }
}

impl Store {
    /// Decides whether case `reference` may go to `recipient`. Refused with
    /// [`Error::NoConsent`] when no consent in force covers it, unless the coordinator
    /// has confirmed the export (`without_consent`): it is then
    /// [`ExportConsent::Overridden`], and logged as such.
    pub fn export_consent(
        &self,
        reference: &str,
        recipient: Recipient,
        without_consent: bool,
    ) -> Result<ExportConsent> {
        let Some(scope) = recipient.consent_needed() else {
            return Ok(ExportConsent::Covered);
        };
        let patient: PatientId = self.conn().query_row(
            "SELECT patient_id FROM cases WHERE id = ?1",
            [self.case_id(reference)?],
            |r| r.get(0),
        )?;
        if consent_covers(&self.consents(patient)?, recipient) {
            Ok(ExportConsent::Covered)
        } else if without_consent {
            Ok(ExportConsent::Overridden)
        } else {
            Err(Error::NoConsent {
                reference: reference.to_owned(),
                recipient: recipient.into(),
                scope: scope.into(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::ConsentScope;
    use chrono::NaiveDate;

    fn consent(scopes: &[ConsentScope], withdrawn: bool) -> Consent {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        Consent {
            id: 1,
            given_on: day,
            scopes: scopes.to_vec(),
            note: None,
            recorded_at: "2026-03-01T09:00:00.000Z".into(),
            recorded_by: "Marie".into(),
            withdrawn_on: withdrawn.then_some(day),
            withdrawn_by: withdrawn.then(|| "Marie".into()),
        }
    }

    #[test]
    fn each_outside_recipient_needs_its_own_consent_in_force() {
        use ConsentScope::*;
        use Recipient::*;
        let none: &[Consent] = &[];
        for r in [Coordinator, Patient] {
            assert!(consent_covers(none, r), "{r:?} needs no consent");
        }
        for r in [Hospital, Insurer, Interpreter] {
            assert!(!consent_covers(none, r), "{r:?} without any consent");
        }
        let insurer = [consent(&[CareCoordination, ShareWithInsurer], false)];
        assert!(consent_covers(&insurer, Insurer));
        assert!(!consent_covers(&insurer, Hospital));
        assert!(!consent_covers(&insurer, Interpreter));
        let withdrawn = [consent(&[ShareWithProviders], true)];
        assert!(!consent_covers(&withdrawn, Hospital), "withdrawn");
        let given_again = [
            consent(&[ShareWithProviders], true),
            consent(&[ShareWithProviders], false),
        ];
        assert!(consent_covers(&given_again, Hospital));
    }
}
