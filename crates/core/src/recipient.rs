//! Who an export is for, and what each recipient must not see. Minimal disclosure is
//! decided here, once, for every format: PDF, JSON and FHIR all pass through it.

use crate::exchange::CaseRecord;
use crate::privacy::ConsentScope;

id_enum! {
    /// The people a case summary goes to.
    #[derive(Default)]
    "kebab-case" pub enum Recipient {
        /// The coordinator's own full copy (a backup, a move to another laptop).
        #[default]
        Coordinator,
        /// The receiving hospital's international desk: the medical and travel facts,
        /// passport and insurance for admission; not the coordinator's notes or tasks.
        Hospital,
        /// The patient: their own file, without the coordinator's notes and tasks.
        Patient,
        /// An insurer: identity, insurance, the care and its costs; no notes, tasks,
        /// contacts, passport or dietary notes.
        Insurer,
        /// An interpreter: names, languages, the appointments and where; no passport,
        /// insurance, costs, contacts, notes or tasks.
        Interpreter,
    }
}

/// The parts of a case a recipient may be refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Notes,
    Tasks,
    Costs,
    Passport,
    Insurance,
    Contacts,
    Dietary,
    BirthDate,
}

impl Recipient {
    /// What this recipient must not see.
    pub fn withheld(self) -> &'static [Part] {
        use Part::*;
        match self {
            Recipient::Coordinator => &[],
            Recipient::Hospital => &[Notes, Tasks],
            Recipient::Patient => &[Notes, Tasks],
            Recipient::Insurer => &[Notes, Tasks, Contacts, Passport, Dietary],
            Recipient::Interpreter => &[
                Notes, Tasks, Costs, Passport, Insurance, Contacts, BirthDate,
            ],
        }
    }

    /// What the patient must have agreed to before a case goes to this recipient; none
    /// for the coordinator's own copy or the patient's own file.
    pub fn consent_needed(self) -> Option<ConsentScope> {
        match self {
            Recipient::Coordinator | Recipient::Patient => None,
            Recipient::Hospital => Some(ConsentScope::ShareWithProviders),
            Recipient::Insurer => Some(ConsentScope::ShareWithInsurer),
            Recipient::Interpreter => Some(ConsentScope::ShareWithInterpreter),
        }
    }

    pub fn sees(self, part: Part) -> bool {
        !self.withheld().contains(&part)
    }

    /// Removes from `record` what this recipient must not see.
    pub fn redact(self, record: &mut CaseRecord) {
        let p = &mut record.patient;
        for part in self.withheld() {
            match part {
                Part::Notes => record.notes.clear(),
                Part::Tasks => record.tasks.clear(),
                Part::Costs => {
                    record.case.estimated_cost = None;
                    record.case.deposit = None;
                }
                Part::Passport => {
                    p.passport_number = None;
                    p.passport_expiry = None;
                }
                Part::Insurance => p.insurance = None,
                Part::Contacts => {
                    p.phone = None;
                    p.email = None;
                    p.emergency_contact = None;
                }
                Part::Dietary => p.dietary_notes = None,
                Part::BirthDate => p.birth_date = None,
            }
        }
        record.recipient = self;
    }
}
