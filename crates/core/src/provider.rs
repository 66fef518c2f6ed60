//! Providers: the hospitals and clinics that receive patients, named in each language.

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::Specialty;
use crate::error::{Error, Result};
use crate::ids::ProviderId;
use crate::store::{Store, audit};
use crate::validate::{Field, SHORT_TEXT_MAX, optional, parse_id, required};

/// The accreditations a coordinator looks for: Japan's JMIP (Japan Medical Service
/// Accreditation for International Patients), Joint Commission International, and
/// Accreditation Canada. Proper names, written the same in every language.
pub const ACCREDITATIONS: [&str; 3] = ["JMIP", "JCI", "Accreditation Canada"];

/// Languages an international-patient desk commonly offers, as ISO 639-1 codes;
/// any two-letter code is accepted, these are offered first.
pub const DESK_LANGUAGES: [&str; 10] = ["en", "fr", "ja", "zh", "ko", "es", "pt", "vi", "tl", "ar"];

/// A provider as typed in its form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct ProviderInput {
    pub name_en: String,
    pub name_fr: String,
    pub name_ja: String,
    pub country: String,
    pub city: String,
    pub time_zone: String,
    pub specialties: Vec<String>,
    pub accreditations: Vec<String>,
    pub languages: Vec<String>,
    pub desk_contact: Option<String>,
}

impl ProviderInput {
    pub(crate) fn validate(&self) -> Result<Provider> {
        let name_en = required(Field::NameEn, &self.name_en, SHORT_TEXT_MAX)?;
        // A provider without a French or Japanese name is shown by its English one.
        let name_fr = optional(Field::NameFr, Some(&self.name_fr), SHORT_TEXT_MAX)?
            .unwrap_or_else(|| name_en.clone());
        let name_ja = optional(Field::NameJa, Some(&self.name_ja), SHORT_TEXT_MAX)?
            .unwrap_or_else(|| name_en.clone());
        let country: Country = match self.country.trim() {
            "" => {
                return Err(Error::Required {
                    field: Field::Country,
                });
            }
            c => parse_id(Field::Country, &c.to_uppercase())?,
        };
        let city = required(Field::City, &self.city, SHORT_TEXT_MAX)?;
        let zone = crate::zones::parse_zone(Field::TimeZone, &self.time_zone)?;
        let mut specialties = Vec::new();
        for s in &self.specialties {
            let s: Specialty = parse_id(Field::Specialties, s.trim())?;
            if !specialties.contains(&s) {
                specialties.push(s);
            }
        }
        let mut accreditations: Vec<String> = Vec::new();
        for a in &self.accreditations {
            let known = ACCREDITATIONS
                .iter()
                .find(|k| k.eq_ignore_ascii_case(a.trim()))
                .ok_or_else(|| Error::UnknownValue {
                    field: Field::Accreditations,
                    value: a.clone(),
                })?;
            if !accreditations.iter().any(|x| x == known) {
                accreditations.push((*known).to_owned());
            }
        }
        let mut languages: Vec<String> = Vec::new();
        for l in &self.languages {
            let code = l.trim().to_lowercase();
            if code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(Error::UnknownValue {
                    field: Field::Languages,
                    value: l.clone(),
                });
            }
            if !languages.contains(&code) {
                languages.push(code);
            }
        }
        Ok(Provider {
            summary: ProviderSummary {
                id: ProviderId(0),
                name_en,
                name_fr,
                name_ja,
                country,
                city,
                time_zone: zone.name().to_owned(),
            },
            specialties,
            accreditations,
            languages,
            desk_contact: optional(
                Field::DeskContact,
                self.desk_contact.as_deref(),
                SHORT_TEXT_MAX,
            )?,
        })
    }
}

id_enum! {
    "UPPERCASE" pub enum Country {
        Ca,
        Jp,
    }
}

/// Enough of a provider to show in a list or a picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProviderSummary {
    pub id: ProviderId,
    pub name_en: String,
    pub name_fr: String,
    pub name_ja: String,
    pub country: Country,
    pub city: String,
    /// IANA zone, e.g. `Asia/Tokyo`.
    pub time_zone: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Provider {
    #[serde(flatten)]
    pub summary: ProviderSummary,
    pub specialties: Vec<Specialty>,
    /// e.g. `JMIP`, `JCI`, `Accreditation Canada`.
    pub accreditations: Vec<String>,
    pub languages: Vec<String>,
    pub desk_contact: Option<String>,
}

pub(crate) const PROVIDER_COLUMNS: &str = "id, name_en, name_fr, name_ja, country, city, time_zone, specialties, accreditations, languages, desk_contact";

fn json_list<T: serde::de::DeserializeOwned>(r: &Row<'_>, i: usize) -> rusqlite::Result<Vec<T>> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Provider {
    pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<Provider> {
        Ok(Provider {
            summary: ProviderSummary {
                id: r.get(0)?,
                name_en: r.get(1)?,
                name_fr: r.get(2)?,
                name_ja: r.get(3)?,
                country: r.get(4)?,
                city: r.get(5)?,
                time_zone: r.get(6)?,
            },
            specialties: json_list(r, 7)?,
            accreditations: json_list(r, 8)?,
            languages: json_list(r, 9)?,
            desk_contact: r.get(10)?,
        })
    }

    pub(crate) fn insert(&self, conn: &Connection) -> Result<ProviderId> {
        let s = &self.summary;
        conn.prepare_cached(
            "INSERT INTO providers (name_en, name_fr, name_ja, country, city, time_zone, specialties, accreditations, languages, desk_contact)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            s.name_en, s.name_fr, s.name_ja, s.country, s.city, s.time_zone,
            serde_json::to_string(&self.specialties).expect("plain list"),
            serde_json::to_string(&self.accreditations).expect("plain list"),
            serde_json::to_string(&self.languages).expect("plain list"),
            self.desk_contact,
        ])?;
        Ok(ProviderId(conn.last_insert_rowid()))
    }

    pub(crate) fn load(conn: &Connection, id: ProviderId) -> rusqlite::Result<Provider> {
        conn.query_row(
            &format!("SELECT {PROVIDER_COLUMNS} FROM providers WHERE id = ?1"),
            [id],
            Provider::from_row,
        )
    }

    pub(crate) fn list(conn: &Connection) -> rusqlite::Result<Vec<Provider>> {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {PROVIDER_COLUMNS} FROM providers ORDER BY country, name_en"
        ))?;
        stmt.query_map([], Provider::from_row)?.collect()
    }
}

impl Store {
    pub fn create_provider(&mut self, input: &ProviderInput) -> Result<Provider> {
        let provider = input.validate()?;
        let actor = self.actor().to_owned();
        let tx = self.transaction()?;
        let id = provider.insert(&tx)?;
        audit(
            &tx,
            &actor,
            "provider",
            id.0,
            "create",
            &serde_json::json!({ "name_en": provider.summary.name_en }),
        )?;
        tx.commit()?;
        Ok(Provider::load(self.conn(), id)?)
    }

    /// Saves a provider. Its names are searchable in every case it treats, so those
    /// cases are indexed again; a provider cannot move to the other country while
    /// cases travel to it.
    pub fn update_provider(&mut self, id: ProviderId, input: &ProviderInput) -> Result<Provider> {
        let p = input.validate()?;
        let actor = self.actor().to_owned();
        let tx = self.transaction()?;
        let country: Country = tx
            .query_row("SELECT country FROM providers WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(Error::ProviderNotFound { id: id.0 })?;
        let cases: Vec<crate::ids::CaseId> = tx
            .prepare_cached("SELECT id FROM cases WHERE provider_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if country != p.summary.country && !cases.is_empty() {
            return Err(Error::Invalid {
                field: Field::Country,
            });
        }
        let s = &p.summary;
        tx.execute(
            "UPDATE providers SET name_en = ?2, name_fr = ?3, name_ja = ?4, country = ?5, city = ?6, time_zone = ?7, specialties = ?8, accreditations = ?9, languages = ?10, desk_contact = ?11 WHERE id = ?1",
            params![
                id, s.name_en, s.name_fr, s.name_ja, s.country, s.city, s.time_zone,
                serde_json::to_string(&p.specialties).expect("plain list"),
                serde_json::to_string(&p.accreditations).expect("plain list"),
                serde_json::to_string(&p.languages).expect("plain list"),
                p.desk_contact,
            ],
        )?;
        for case in cases {
            crate::search::index_case(&tx, case)?;
        }
        audit(
            &tx,
            &actor,
            "provider",
            id.0,
            "edit",
            &serde_json::json!({ "name_en": s.name_en, "at": crate::store::instant(Utc::now()) }),
        )?;
        tx.commit()?;
        Ok(Provider::load(self.conn(), id)?)
    }

    /// Removes a provider no case refers to; one in use is refused, naming how many.
    pub fn delete_provider(&mut self, id: ProviderId) -> Result<()> {
        let actor = self.actor().to_owned();
        let tx = self.transaction()?;
        let cases: u32 = tx.query_row(
            "SELECT count(*) FROM cases WHERE provider_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if cases > 0 {
            return Err(Error::ProviderInUse { cases });
        }
        if tx.execute("DELETE FROM providers WHERE id = ?1", [id])? == 0 {
            return Err(Error::ProviderNotFound { id: id.0 });
        }
        audit(
            &tx,
            &actor,
            "provider",
            id.0,
            "delete",
            &serde_json::json!({}),
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProviderInput {
        ProviderInput {
            name_en: "Sapporo Proton Centre".into(),
            country: "jp".into(),
            city: "Sapporo".into(),
            time_zone: "Asia/Tokyo".into(),
            specialties: vec!["proton-therapy".into(), "proton-therapy".into()],
            accreditations: vec!["jmip".into()],
            languages: vec!["JA".into(), "en".into()],
            ..Default::default()
        }
    }

    #[test]
    fn missing_translations_fall_back_to_english_and_lists_are_cleaned() {
        let p = input().validate().unwrap();
        assert_eq!(p.summary.name_ja, "Sapporo Proton Centre");
        assert_eq!(p.summary.country, Country::Jp);
        assert_eq!(p.specialties, vec![Specialty::ProtonTherapy]);
        assert_eq!(p.accreditations, vec!["JMIP".to_owned()]);
        assert_eq!(p.languages, vec!["ja".to_owned(), "en".to_owned()]);
    }

    #[test]
    fn unknown_zone_accreditation_or_language_names_the_field() {
        let field = |i: ProviderInput| i.validate().unwrap_err().field();
        let bad_zone = ProviderInput {
            time_zone: "Asia/Sapporo".into(),
            ..input()
        };
        assert_eq!(field(bad_zone), Some(Field::TimeZone));
        let bad_accreditation = ProviderInput {
            accreditations: vec!["ISO 9001".into()],
            ..input()
        };
        assert_eq!(field(bad_accreditation), Some(Field::Accreditations));
        let bad_language = ProviderInput {
            languages: vec!["english".into()],
            ..input()
        };
        assert_eq!(field(bad_language), Some(Field::Languages));
        let no_name = ProviderInput {
            name_en: " ".into(),
            ..input()
        };
        assert_eq!(field(no_name), Some(Field::NameEn));
    }
}
