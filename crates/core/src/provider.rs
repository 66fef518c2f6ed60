//! Providers: the hospitals and clinics that receive patients, named in each language.

use rusqlite::{Connection, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::Specialty;
use crate::error::Result;
use crate::ids::ProviderId;

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
