//! Patients: who travels, how their name is written and read, and how to reach them.

use chrono::{NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::ids::{CaseRef, PatientId};
use crate::store::{Store, audit, instant};
use crate::validate::{
    Field, LONG_TEXT_MAX, SHORT_TEXT_MAX, not_in_future, optional, parse_id, required,
};

id_enum! {
    "kebab-case" pub enum Sex {
        Female,
        Male,
        Other,
        Unspecified,
    }
}

id_enum! {
    /// How the name is written in Western languages; Japanese always puts the family first.
    "kebab-case" pub enum NameOrder {
        FamilyFirst,
        GivenFirst,
    }
}

/// A name as a reader of `lang` expects it: Japanese always family name first;
/// English and French in the patient's own order.
pub fn display_name(family: &str, given: &str, order: NameOrder, lang: Lang) -> String {
    if lang == Lang::Ja || order == NameOrder::FamilyFirst {
        format!("{family} {given}")
    } else {
        format!("{given} {family}")
    }
}

/// A patient as typed in a form or a JSON file: text, checked by [`NewPatient::validate`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct NewPatient {
    pub family_name: String,
    pub given_name: String,
    pub family_name_kana: Option<String>,
    pub given_name_kana: Option<String>,
    pub name_order: Option<String>,
    /// `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    pub sex: Option<String>,
    pub nationality: Option<String>,
    pub home_region: Option<String>,
    /// IANA zone; when empty it follows from the nationality and home region.
    pub home_zone: Option<String>,
    pub preferred_language: Option<String>,
    pub interpreter_language: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub emergency_contact: Option<String>,
    pub passport_number: Option<String>,
    pub passport_expiry: Option<String>,
    pub insurance: Option<String>,
    pub dietary_notes: Option<String>,
}

/// A stored patient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Patient {
    pub id: PatientId,
    pub family_name: String,
    pub given_name: String,
    pub family_name_kana: Option<String>,
    pub given_name_kana: Option<String>,
    pub name_order: NameOrder,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// ISO 3166-1 alpha-2, e.g. `CA`, `JP`.
    pub nationality: Option<String>,
    pub home_region: Option<String>,
    /// IANA zone the patient lives in; timeline events are shown in it too.
    pub home_zone: Option<String>,
    pub preferred_language: Option<Lang>,
    pub interpreter_language: Option<Lang>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub emergency_contact: Option<String>,
    pub passport_number: Option<String>,
    pub passport_expiry: Option<NaiveDate>,
    pub insurance: Option<String>,
    pub dietary_notes: Option<String>,
}

pub(crate) fn parse_date(field: Field, value: Option<&str>) -> Result<Option<NaiveDate>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| Error::InvalidDate { field }),
    }
}

/// Japanese script in a name means the family name comes first in every language.
pub fn looks_japanese(text: &str) -> bool {
    text.chars().any(|c| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF))
}

/// The zone of a home province or prefecture; Japan has one zone.
fn zone_for(nationality: Option<&str>, region: Option<&str>) -> Option<String> {
    let zone = match (nationality, region.map(str::to_lowercase).as_deref()) {
        (_, Some("bc" | "british columbia" | "colombie-britannique")) => "America/Vancouver",
        (_, Some("ab" | "alberta")) => "America/Edmonton",
        (_, Some("sk" | "saskatchewan")) => "America/Regina",
        (_, Some("mb" | "manitoba")) => "America/Winnipeg",
        (
            _,
            Some(
                "ns" | "nb" | "pe" | "nova scotia" | "new brunswick" | "nouvelle-écosse"
                | "nouveau-brunswick",
            ),
        ) => "America/Halifax",
        (_, Some("nl" | "newfoundland and labrador" | "terre-neuve-et-labrador")) => {
            "America/St_Johns"
        }
        (_, Some("yt" | "yukon")) => "America/Whitehorse",
        (_, Some("nt" | "northwest territories" | "territoires du nord-ouest")) => {
            "America/Yellowknife"
        }
        (_, Some("nu" | "nunavut")) => "America/Iqaluit",
        (_, Some("on" | "qc" | "ontario" | "quebec" | "québec")) => "America/Toronto",
        (Some("JP"), _) => "Asia/Tokyo",
        (Some("CA"), _) => "America/Toronto",
        _ => return None,
    };
    Some(zone.to_owned())
}

impl NewPatient {
    /// Checks every field, naming the first at fault; nothing is written on error.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidPatient> {
        let family_name = required(Field::FamilyName, &self.family_name, SHORT_TEXT_MAX)?;
        let given_name = required(Field::GivenName, &self.given_name, SHORT_TEXT_MAX)?;
        let family_name_kana = optional(
            Field::FamilyNameKana,
            self.family_name_kana.as_deref(),
            SHORT_TEXT_MAX,
        )?;
        let given_name_kana = optional(
            Field::GivenNameKana,
            self.given_name_kana.as_deref(),
            SHORT_TEXT_MAX,
        )?;
        let name_order = match optional(Field::NameOrder, self.name_order.as_deref(), 20)? {
            Some(v) => parse_id(Field::NameOrder, &v)?,
            None if looks_japanese(&family_name) => NameOrder::FamilyFirst,
            None => NameOrder::GivenFirst,
        };
        let birth_date = parse_date(Field::BirthDate, self.birth_date.as_deref())?;
        not_in_future(Field::BirthDate, birth_date, today)?;
        let sex = optional(Field::Sex, self.sex.as_deref(), 20)?
            .map(|v| parse_id(Field::Sex, &v))
            .transpose()?;
        let nationality =
            optional(Field::Nationality, self.nationality.as_deref(), 2)?.map(|v| v.to_uppercase());
        if let Some(n) = &nationality
            && !(n.len() == 2 && n.chars().all(|c| c.is_ascii_uppercase()))
        {
            return Err(Error::Invalid {
                field: Field::Nationality,
            });
        }
        let home_region = optional(
            Field::HomeRegion,
            self.home_region.as_deref(),
            SHORT_TEXT_MAX,
        )?;
        let preferred_language = optional(
            Field::PreferredLanguage,
            self.preferred_language.as_deref(),
            5,
        )?
        .map(|v| parse_id(Field::PreferredLanguage, &v))
        .transpose()?;
        let interpreter_language = optional(
            Field::InterpreterLanguage,
            self.interpreter_language.as_deref(),
            5,
        )?
        .map(|v| parse_id(Field::InterpreterLanguage, &v))
        .transpose()?;
        let email = optional(Field::Email, self.email.as_deref(), SHORT_TEXT_MAX)?;
        if let Some(e) = &email
            && !e.contains('@')
        {
            return Err(Error::Invalid {
                field: Field::Email,
            });
        }
        let home_zone = match optional(Field::HomeZone, self.home_zone.as_deref(), 64)? {
            Some(z) => Some(
                crate::zones::parse_zone(Field::HomeZone, &z)?
                    .name()
                    .to_owned(),
            ),
            // Only what was stated decides the zone: a kanji name says nothing of where one lives.
            None => zone_for(nationality.as_deref(), home_region.as_deref()),
        };
        Ok(ValidPatient(Patient {
            id: PatientId(0),
            home_zone,
            family_name,
            given_name,
            family_name_kana,
            given_name_kana,
            name_order,
            birth_date,
            sex,
            nationality,
            home_region,
            preferred_language,
            interpreter_language,
            phone: optional(Field::Phone, self.phone.as_deref(), 50)?,
            email,
            emergency_contact: optional(
                Field::EmergencyContact,
                self.emergency_contact.as_deref(),
                SHORT_TEXT_MAX,
            )?,
            passport_number: optional(Field::PassportNumber, self.passport_number.as_deref(), 20)?,
            passport_expiry: parse_date(Field::PassportExpiry, self.passport_expiry.as_deref())?,
            insurance: optional(Field::Insurance, self.insurance.as_deref(), SHORT_TEXT_MAX)?,
            dietary_notes: optional(
                Field::DietaryNotes,
                self.dietary_notes.as_deref(),
                LONG_TEXT_MAX,
            )?,
        }))
    }
}

/// A patient that passed validation; only this can be inserted.
#[derive(Debug, Clone)]
pub struct ValidPatient(pub(crate) Patient);

pub(crate) const PATIENT_COLUMNS: &str = "id, family_name, given_name, family_name_kana, given_name_kana, name_order, birth_date, sex, nationality, home_region, home_zone, preferred_language, interpreter_language, phone, email, emergency_contact, passport_number, passport_expiry, insurance, dietary_notes";

impl Patient {
    pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<Patient> {
        Ok(Patient {
            id: r.get(0)?,
            family_name: r.get(1)?,
            given_name: r.get(2)?,
            family_name_kana: r.get(3)?,
            given_name_kana: r.get(4)?,
            name_order: r.get(5)?,
            birth_date: r.get(6)?,
            sex: r.get(7)?,
            nationality: r.get(8)?,
            home_region: r.get(9)?,
            home_zone: r.get(10)?,
            preferred_language: r.get(11)?,
            interpreter_language: r.get(12)?,
            phone: r.get(13)?,
            email: r.get(14)?,
            emergency_contact: r.get(15)?,
            passport_number: r.get(16)?,
            passport_expiry: r.get(17)?,
            insurance: r.get(18)?,
            dietary_notes: r.get(19)?,
        })
    }

    pub(crate) fn load(tx: &rusqlite::Connection, id: PatientId) -> rusqlite::Result<Patient> {
        tx.query_row(
            &format!("SELECT {PATIENT_COLUMNS} FROM patients WHERE id = ?1"),
            [id],
            Patient::from_row,
        )
    }
}

impl ValidPatient {
    pub(crate) fn insert(&self, tx: &Transaction<'_>, now: &str) -> rusqlite::Result<PatientId> {
        let p = &self.0;
        tx.prepare_cached(
            "INSERT INTO patients (family_name, given_name, family_name_kana, given_name_kana, name_order, birth_date, sex, nationality, home_region, home_zone, preferred_language, interpreter_language, phone, email, emergency_contact, passport_number, passport_expiry, insurance, dietary_notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20)",
        )?
        .execute(params![
            p.family_name, p.given_name, p.family_name_kana, p.given_name_kana, p.name_order,
            p.birth_date, p.sex, p.nationality, p.home_region, p.home_zone, p.preferred_language,
            p.interpreter_language, p.phone, p.email, p.emergency_contact, p.passport_number,
            p.passport_expiry, p.insurance, p.dietary_notes, now,
        ])?;
        Ok(PatientId(tx.last_insert_rowid()))
    }
}

/// One row of the patients screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PatientRow {
    pub id: PatientId,
    pub family_name: String,
    pub given_name: String,
    pub family_name_kana: Option<String>,
    pub given_name_kana: Option<String>,
    pub name_order: NameOrder,
    pub birth_date: Option<NaiveDate>,
    pub nationality: Option<String>,
    /// The patient's cases, newest first.
    pub cases: Vec<CaseRef>,
}

/// A page of patients in name order, or those whose cases match a search.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct PatientQuery {
    pub query: Option<String>,
    pub offset: Option<u32>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PatientPage {
    pub total: u32,
    pub offset: u32,
    pub patients: Vec<PatientRow>,
}

macro_rules! patient_row_select {
    () => {
        "SELECT p.id, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana, p.name_order, p.birth_date, p.nationality,
                (SELECT json_group_array(reference) FROM (SELECT reference FROM cases WHERE patient_id = p.id ORDER BY id DESC))"
    };
}

/// A page in name order, chosen on the name index before the rows are read.
pub(crate) const PATIENTS_PAGE: &str = concat!(
    patient_row_select!(),
    " FROM (SELECT id FROM patients ORDER BY family_name, given_name, id LIMIT ?1 OFFSET ?2) page JOIN patients p ON p.id = page.id ORDER BY p.family_name, p.given_name, p.id"
);
const PATIENTS_BY_IDS: &str = concat!(
    patient_row_select!(),
    " FROM json_each(?1) ids JOIN patients p ON p.id = ids.value ORDER BY ids.key"
);

impl PatientRow {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<PatientRow> {
        let cases: String = r.get(8)?;
        Ok(PatientRow {
            id: r.get(0)?,
            family_name: r.get(1)?,
            given_name: r.get(2)?,
            family_name_kana: r.get(3)?,
            given_name_kana: r.get(4)?,
            name_order: r.get(5)?,
            birth_date: r.get(6)?,
            nationality: r.get(7)?,
            cases: serde_json::from_str::<Vec<String>>(&cases)
                .unwrap_or_default()
                .into_iter()
                .map(CaseRef)
                .collect(),
        })
    }
}

impl Store {
    /// Patients in name order; with a query, the patients of the matching cases in
    /// the order search ranks them.
    pub fn list_patients(&self, q: &PatientQuery) -> Result<PatientPage> {
        let limit = q.limit.unwrap_or(100).min(500);
        let offset = q.offset.unwrap_or(0);
        let conn = self.conn();
        if let Some(query) = q.query.as_deref().filter(|t| !t.trim().is_empty()) {
            let mut ids: Vec<i64> = Vec::new();
            for hit in self.search(query, limit)? {
                if !ids.contains(&hit.patient_id.0) {
                    ids.push(hit.patient_id.0);
                }
            }
            let patients = conn
                .prepare_cached(PATIENTS_BY_IDS)?
                .query_map(
                    [serde_json::to_string(&ids).expect("ids")],
                    PatientRow::from_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            return Ok(PatientPage {
                total: u32::try_from(patients.len()).unwrap_or(u32::MAX),
                offset: 0,
                patients,
            });
        }
        let total = conn.query_row("SELECT count(*) FROM patients", [], |r| r.get(0))?;
        let patients = conn
            .prepare_cached(PATIENTS_PAGE)?
            .query_map(params![limit, offset], PatientRow::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(PatientPage {
            total,
            offset,
            patients,
        })
    }

    pub fn patient(&self, id: PatientId) -> Result<Patient> {
        Patient::load(self.conn(), id)
            .optional()?
            .ok_or(Error::PatientNotFound { id: id.0 })
    }

    /// Saves a patient's details. Names are searchable, so each of their cases is
    /// indexed again. The audit log names the fields changed, not their values.
    pub fn update_patient(&mut self, id: PatientId, input: &NewPatient) -> Result<Patient> {
        let valid = input.validate(self.today())?.0;
        let before = self.patient(id)?;
        let now = instant(Utc::now());
        let actor = self.actor().to_owned();
        let tx = self.transaction()?;
        let p = &valid;
        tx.execute(
            "UPDATE patients SET family_name = ?2, given_name = ?3, family_name_kana = ?4, given_name_kana = ?5, name_order = ?6, birth_date = ?7, sex = ?8, nationality = ?9, home_region = ?10, home_zone = ?11, preferred_language = ?12, interpreter_language = ?13, phone = ?14, email = ?15, emergency_contact = ?16, passport_number = ?17, passport_expiry = ?18, insurance = ?19, dietary_notes = ?20, updated_at = ?21 WHERE id = ?1",
            params![
                id, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana, p.name_order,
                p.birth_date, p.sex, p.nationality, p.home_region, p.home_zone, p.preferred_language,
                p.interpreter_language, p.phone, p.email, p.emergency_contact, p.passport_number,
                p.passport_expiry, p.insurance, p.dietary_notes, now,
            ],
        )?;
        let cases: Vec<crate::ids::CaseId> = tx
            .prepare_cached("SELECT id FROM cases WHERE patient_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for case in cases {
            crate::search::index_case(&tx, case)?;
        }
        let old = serde_json::to_value(Patient { id, ..before }).expect("serialisable");
        let new = serde_json::to_value(Patient { id, ..valid }).expect("serialisable");
        let changed: Vec<&String> = new
            .as_object()
            .expect("a struct")
            .iter()
            .filter(|(k, v)| old.get(k.as_str()) != Some(v))
            .map(|(k, _)| k)
            .collect();
        audit(
            &tx,
            &actor,
            "patient",
            id.0,
            "edit",
            &serde_json::json!({ "fields": changed }),
        )?;
        tx.commit()?;
        self.patient(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn valid() -> NewPatient {
        NewPatient {
            family_name: "Côté".into(),
            given_name: "Élodie".into(),
            ..Default::default()
        }
    }

    #[test]
    fn missing_family_name_names_the_field() {
        let p = NewPatient {
            family_name: "  ".into(),
            ..valid()
        };
        let e = p.validate(today()).unwrap_err();
        assert_eq!(e.payload().field.as_deref(), Some("field-family-name"));
        assert_eq!(e.code(), "error-required");
    }

    #[test]
    fn birth_date_in_the_future_is_refused() {
        let p = NewPatient {
            birth_date: Some("2030-01-01".into()),
            ..valid()
        };
        assert!(matches!(
            p.validate(today()),
            Err(Error::DateInFuture {
                field: Field::BirthDate
            })
        ));
    }

    #[test]
    fn malformed_birth_date_is_refused() {
        let p = NewPatient {
            birth_date: Some("1961-02-30".into()),
            ..valid()
        };
        assert!(matches!(
            p.validate(today()),
            Err(Error::InvalidDate {
                field: Field::BirthDate
            })
        ));
    }

    #[test]
    fn name_of_twenty_thousand_characters_is_too_long() {
        let p = NewPatient {
            given_name: "a".repeat(20_000),
            ..valid()
        };
        assert!(matches!(
            p.validate(today()),
            Err(Error::TooLong {
                field: Field::GivenName,
                ..
            })
        ));
    }

    #[test]
    fn japanese_name_defaults_to_family_first_but_zone_needs_stated_facts() {
        let p = NewPatient {
            family_name: "高橋".into(),
            given_name: "健一".into(),
            ..Default::default()
        };
        let v = p.clone().validate(today()).unwrap().0;
        assert_eq!(v.name_order, NameOrder::FamilyFirst);
        assert_eq!(v.home_zone, None);
        let p = NewPatient {
            nationality: Some("jp".into()),
            ..p
        };
        assert_eq!(
            p.validate(today()).unwrap().0.home_zone.as_deref(),
            Some("Asia/Tokyo")
        );
        let w = valid().validate(today()).unwrap().0;
        assert_eq!(w.name_order, NameOrder::GivenFirst);
    }

    #[test]
    fn unknown_language_is_refused_naming_the_field() {
        let p = NewPatient {
            preferred_language: Some("de".into()),
            ..valid()
        };
        assert!(matches!(
            p.validate(today()),
            Err(Error::UnknownValue {
                field: Field::PreferredLanguage,
                ..
            })
        ));
    }
}
