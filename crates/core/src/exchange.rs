//! A case as one self-contained JSON document: what `kakehashi export --format json`
//! writes and `kakehashi import` reads back. Its JSON Schema is published in
//! `docs/schemas/case.schema.json` and checked against this code by a test.
//!
//! Import runs every value through the same validation as the forms, so a hand-edited
//! or hostile file cannot put into the database what a coordinator could not type.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{OptionalExtension, params};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::{CaseDetail, Direction, NewCaseDetails, Priority, Specialty};
use crate::documents::{DocumentKind, DocumentState};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::ids::{CaseRef, ProviderId};
use crate::money::{Currency, Money};
use crate::notes::NoteChannel;
use crate::patient::{NameOrder, NewPatient, Sex};
use crate::provider::{Country, Provider, ProviderInput};
use crate::recipient::Recipient;
use crate::status::CaseStatus;
use crate::store::{Store, audit, instant};
use crate::timeline::EventKind;
use crate::validate::{Field, LONG_TEXT_MAX, SHORT_TEXT_MAX, optional, required};

/// The format's name and version, first in every file.
pub const FORMAT: &str = "kakehashi-case/1";

/// One case with everything about it, as exchanged between Kakehashi databases and
/// other programs. Parts a recipient must not see are absent (`null` or empty lists).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseRecord {
    /// Always `kakehashi-case/1` for this version of the format.
    pub format: String,
    pub exported_at: DateTime<Utc>,
    /// Who the file was made for; parts this recipient must not see were left out.
    pub recipient: Recipient,
    pub reference: CaseRef,
    pub patient: PatientRecord,
    pub case: CaseFacts,
    pub provider: Option<ProviderRecord>,
    /// In time order; status changes included.
    pub timeline: Vec<EventRecord>,
    pub documents: Vec<DocumentRecord>,
    pub tasks: Vec<TaskRecord>,
    /// The notes log, newest first.
    pub notes: Vec<NoteRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PatientRecord {
    pub family_name: String,
    pub given_name: String,
    pub family_name_kana: Option<String>,
    pub given_name_kana: Option<String>,
    pub name_order: NameOrder,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// ISO 3166-1 alpha-2.
    pub nationality: Option<String>,
    pub home_region: Option<String>,
    /// IANA zone.
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseFacts {
    pub direction: Direction,
    pub specialty: Specialty,
    pub status: CaseStatus,
    pub priority: Priority,
    pub treatment: Option<String>,
    pub physician: Option<String>,
    pub opened_on: NaiveDate,
    pub target_date: Option<NaiveDate>,
    pub companions: u32,
    pub expected_stay_days: Option<u32>,
    /// Integer minor units (cents, yen) with their currency.
    pub estimated_cost: Option<Money>,
    pub deposit: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProviderRecord {
    pub name_en: String,
    pub name_fr: String,
    pub name_ja: String,
    pub country: Country,
    pub city: String,
    pub time_zone: String,
    pub specialties: Vec<Specialty>,
    pub accreditations: Vec<String>,
    pub languages: Vec<String>,
    pub desk_contact: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    /// IANA zone the event happens in.
    pub zone: String,
    pub title: Option<String>,
    pub status_from: Option<CaseStatus>,
    pub status_to: Option<CaseStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRecord {
    pub kind: DocumentKind,
    pub state: DocumentState,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskRecord {
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteRecord {
    pub written_at: DateTime<Utc>,
    pub channel: NoteChannel,
    pub body: String,
}

/// The JSON Schema of [`CaseRecord`], as published under `docs/schemas/`.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(CaseRecord)).expect("a schema is JSON")
}

impl CaseRecord {
    /// The whole case as stored, shaped for `recipient`.
    pub fn from_detail(d: &CaseDetail, recipient: Recipient, now: DateTime<Utc>) -> CaseRecord {
        let p = &d.patient;
        let mut record = CaseRecord {
            format: FORMAT.to_owned(),
            exported_at: now,
            recipient,
            reference: d.summary.reference.clone(),
            patient: PatientRecord {
                family_name: p.family_name.clone(),
                given_name: p.given_name.clone(),
                family_name_kana: p.family_name_kana.clone(),
                given_name_kana: p.given_name_kana.clone(),
                name_order: p.name_order,
                birth_date: p.birth_date,
                sex: p.sex,
                nationality: p.nationality.clone(),
                home_region: p.home_region.clone(),
                home_zone: p.home_zone.clone(),
                preferred_language: p.preferred_language,
                interpreter_language: p.interpreter_language,
                phone: p.phone.clone(),
                email: p.email.clone(),
                emergency_contact: p.emergency_contact.clone(),
                passport_number: p.passport_number.clone(),
                passport_expiry: p.passport_expiry,
                insurance: p.insurance.clone(),
                dietary_notes: p.dietary_notes.clone(),
            },
            case: CaseFacts {
                direction: d.summary.direction,
                specialty: d.summary.specialty,
                status: d.summary.status,
                priority: d.summary.priority,
                treatment: d.treatment.clone(),
                physician: d.physician.clone(),
                opened_on: d.summary.opened_on,
                target_date: d.summary.target_date,
                companions: d.companions,
                expected_stay_days: d.expected_stay_days,
                estimated_cost: d.estimated_cost,
                deposit: d.deposit,
            },
            provider: d.provider.as_ref().map(ProviderRecord::from),
            timeline: d
                .timeline
                .iter()
                .map(|e| EventRecord {
                    kind: e.kind,
                    starts_at: e.starts_at,
                    ends_at: e.ends_at,
                    zone: e.zone.clone(),
                    title: e.title.clone(),
                    status_from: e.status_from,
                    status_to: e.status_to,
                })
                .collect(),
            documents: d
                .documents
                .iter()
                .map(|x| DocumentRecord {
                    kind: x.kind,
                    state: x.state,
                    note: x.note.clone(),
                })
                .collect(),
            tasks: d
                .tasks
                .iter()
                .map(|t| TaskRecord {
                    title: t.title.clone(),
                    due_on: t.due_on,
                    done: t.done,
                })
                .collect(),
            notes: d
                .notes
                .iter()
                .map(|n| NoteRecord {
                    written_at: n.written_at,
                    channel: n.channel,
                    body: n.body.clone(),
                })
                .collect(),
        };
        recipient.redact(&mut record);
        record
    }
}

impl ProviderRecord {
    /// The provider as the provider form would have it typed, to be validated like one.
    pub fn input(&self) -> ProviderInput {
        ProviderInput {
            name_en: self.name_en.clone(),
            name_fr: self.name_fr.clone(),
            name_ja: self.name_ja.clone(),
            country: id(self.country),
            city: self.city.clone(),
            time_zone: self.time_zone.clone(),
            specialties: self.specialties.iter().map(|s| id(*s)).collect(),
            accreditations: self.accreditations.clone(),
            languages: self.languages.clone(),
            desk_contact: self.desk_contact.clone(),
        }
    }

    /// The provider's name as a reader of `lang` knows it.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Fr => &self.name_fr,
            Lang::Ja => &self.name_ja,
        }
    }
}

impl From<&Provider> for ProviderRecord {
    fn from(p: &Provider) -> Self {
        let s = &p.summary;
        ProviderRecord {
            name_en: s.name_en.clone(),
            name_fr: s.name_fr.clone(),
            name_ja: s.name_ja.clone(),
            country: s.country,
            city: s.city.clone(),
            time_zone: s.time_zone.clone(),
            specialties: p.specialties.clone(),
            accreditations: p.accreditations.clone(),
            languages: p.languages.clone(),
            desk_contact: p.desk_contact.clone(),
        }
    }
}

fn id<T: Into<&'static str> + Copy>(v: T) -> String {
    v.into().to_owned()
}

impl Store {
    /// One case as a [`CaseRecord`] for `recipient`.
    pub fn export_case(&self, reference: &str, recipient: Recipient) -> Result<CaseRecord> {
        let detail = self.case_detail(reference)?;
        Ok(CaseRecord::from_detail(&detail, recipient, Utc::now()))
    }

    /// Reads a case exported by Kakehashi into this database under its own reference.
    /// Every value is checked as if typed; the provider is matched by English name and
    /// country, or created. Nothing is written unless all of it is valid.
    pub fn import_case(&mut self, record: &CaseRecord) -> Result<CaseRef> {
        if record.format != FORMAT {
            return Err(Error::UnknownValue {
                field: Field::Format,
                value: record.format.clone(),
            });
        }
        let today = self.today();
        let p = &record.patient;
        let patient = NewPatient {
            family_name: p.family_name.clone(),
            given_name: p.given_name.clone(),
            family_name_kana: Clone::clone(&p.family_name_kana),
            given_name_kana: Clone::clone(&p.given_name_kana),
            name_order: Some(id(p.name_order)),
            birth_date: p.birth_date.map(|d| d.to_string()),
            sex: p.sex.map(id),
            nationality: Clone::clone(&p.nationality),
            home_region: Clone::clone(&p.home_region),
            home_zone: Clone::clone(&p.home_zone),
            preferred_language: p.preferred_language.map(id),
            interpreter_language: p.interpreter_language.map(id),
            phone: Clone::clone(&p.phone),
            email: Clone::clone(&p.email),
            emergency_contact: Clone::clone(&p.emergency_contact),
            passport_number: Clone::clone(&p.passport_number),
            passport_expiry: p.passport_expiry.map(|d| d.to_string()),
            insurance: Clone::clone(&p.insurance),
            dietary_notes: Clone::clone(&p.dietary_notes),
        }
        .validate(today)?;
        let c = &record.case;
        let money_text = |m: Option<Money>| {
            m.map(|m| {
                let digits = m.currency.minor_digits();
                let scale = 10_i64.pow(digits);
                if digits == 0 {
                    m.minor.to_string()
                } else {
                    format!(
                        "{}.{:0width$}",
                        m.minor / scale,
                        m.minor % scale,
                        width = digits as usize
                    )
                }
            })
        };
        let currency = c
            .estimated_cost
            .or(c.deposit)
            .map(|m| m.currency)
            .unwrap_or(match c.direction {
                Direction::CanadaToJapan => Currency::Jpy,
                Direction::JapanToCanada => Currency::Cad,
            });
        if c.deposit.is_some_and(|d| d.currency != currency) {
            return Err(Error::Invalid {
                field: Field::Currency,
            });
        }
        let details = NewCaseDetails {
            direction: id(c.direction),
            specialty: id(c.specialty),
            status: Some(id(c.status)),
            priority: Some(id(c.priority)),
            treatment: Clone::clone(&c.treatment),
            provider_id: None,
            physician: Clone::clone(&c.physician),
            opened_on: Some(c.opened_on.to_string()),
            target_date: c.target_date.map(|d| d.to_string()),
            companions: Some(c.companions),
            expected_stay_days: c.expected_stay_days,
            estimated_cost: money_text(c.estimated_cost),
            currency: Some(id(currency)),
        };
        let mut case = details.validate(today)?;
        let deposit = money_text(c.deposit)
            .map(|t| {
                Money::parse(&t, currency).ok_or(Error::Invalid {
                    field: Field::Deposit,
                })
            })
            .transpose()?;
        // The same rule as the costs form.
        if let (Some(e), Some(d)) = (case.estimated_cost, deposit)
            && d.minor > e.minor
        {
            return Err(Error::DepositOverEstimate {
                field: Field::Deposit,
            });
        }
        let reference = check_reference(&record.reference)?;
        let events = record
            .timeline
            .iter()
            .map(valid_event)
            .collect::<Result<Vec<_>>>()?;
        let tasks = record
            .tasks
            .iter()
            .map(|t| {
                Ok((
                    required(Field::TaskTitle, &t.title, SHORT_TEXT_MAX)?,
                    t.due_on,
                    t.done,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        let now = Utc::now();
        // Listed newest first; inserted oldest first, so that notes of the same moment
        // keep their order (ties are listed by id, newest first).
        let notes = record
            .notes
            .iter()
            .rev()
            .map(|n| {
                storable(Field::NoteWrittenAt, n.written_at)?;
                // As in the form: a log records what happened, never the future.
                if n.written_at > now {
                    return Err(Error::DateInFuture {
                        field: Field::NoteWrittenAt,
                    });
                }
                Ok((
                    n.written_at,
                    n.channel,
                    required(Field::NoteText, &n.body, LONG_TEXT_MAX)?,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        let documents = record
            .documents
            .iter()
            .map(|d| {
                Ok((
                    d.kind,
                    d.state,
                    optional(Field::DocumentNote, d.note.as_deref(), LONG_TEXT_MAX)?,
                ))
            })
            .collect::<Result<Vec<_>>>()?;

        let now = instant(Utc::now());
        let actor = self.actor().to_owned();
        let tx = self.transaction()?;
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM cases WHERE reference = ?1)",
            [reference.as_str()],
            |r| r.get(0),
        )?;
        if taken {
            return Err(Error::ReferenceTaken {
                reference: reference.0.clone(),
            });
        }
        if let Some(pr) = &record.provider {
            case.provider_id = Some(provider_for(&tx, pr)?);
        }
        crate::case::check_provider(&tx, case.provider_id, case.direction)?;
        let patient_id = patient.insert(&tx, &now)?;
        let case_id = case.insert_imported(&tx, patient_id, &reference, &now, deposit)?;
        crate::store::advance_reference_counter(&tx, &reference)?;
        for e in &events {
            tx.prepare_cached(
                "INSERT INTO timeline_events (case_id, kind, starts_at, ends_at, zone, title, status_from, status_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![case_id, e.kind, instant(e.starts_at), e.ends_at.map(instant), e.zone, e.title, e.status_from, e.status_to])?;
        }
        for (kind, state, note) in &documents {
            tx.prepare_cached(
                "INSERT INTO documents (case_id, kind, state, note) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![case_id, kind, state, note])?;
        }
        for (title, due_on, done) in &tasks {
            tx.prepare_cached(
                "INSERT INTO tasks (case_id, title, due_on, done) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![case_id, title, due_on, done])?;
        }
        for (at, channel, body) in &notes {
            tx.prepare_cached(
                "INSERT INTO notes (case_id, written_at, channel, body) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![case_id, instant(*at), channel, body])?;
        }
        crate::search::index_case(&tx, case_id)?;
        audit(
            &tx,
            &actor,
            "case",
            case_id.0,
            "import",
            &serde_json::json!({ "reference": reference, "format": FORMAT, "recipient": record.recipient }),
        )?;
        tx.commit()?;
        Ok(reference)
    }
}

/// A reference as Kakehashi writes them: `KH-<year>-<number>`.
fn check_reference(r: &CaseRef) -> Result<CaseRef> {
    let text = r.0.trim().to_uppercase();
    let valid = text
        .strip_prefix("KH-")
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(year, seq)| {
            year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
                && (4..=9).contains(&seq.len())
                && seq.chars().all(|c| c.is_ascii_digit())
        });
    if valid {
        Ok(CaseRef(text))
    } else {
        Err(Error::Invalid {
            field: Field::Reference,
        })
    }
}

/// Instants are stored as fixed-width RFC 3339 text: years 0 to 9999 only.
fn storable(field: Field, t: DateTime<Utc>) -> Result<()> {
    if (0..=9999).contains(&t.year()) {
        Ok(())
    } else {
        Err(Error::InvalidDateTime { field })
    }
}

fn valid_event(e: &EventRecord) -> Result<EventRecord> {
    let zone = crate::zones::parse_zone(Field::EventZone, &e.zone)?;
    storable(Field::EventStart, e.starts_at)?;
    if let Some(end) = e.ends_at {
        storable(Field::EventEnd, end)?;
    }
    if e.ends_at.is_some_and(|end| end < e.starts_at) {
        return Err(Error::EndBeforeStart {
            field: Field::EventEnd,
        });
    }
    // A status change names where it went; any other event names no status.
    let is_status = e.kind == EventKind::StatusChange;
    if is_status != e.status_to.is_some() || (!is_status && e.status_from.is_some()) {
        return Err(Error::Invalid {
            field: Field::EventKind,
        });
    }
    Ok(EventRecord {
        zone: zone.name().to_owned(),
        title: optional(Field::EventTitle, e.title.as_deref(), SHORT_TEXT_MAX)?,
        ..e.clone()
    })
}

/// The provider a record names: the same English name in the same country, or a new one.
fn provider_for(tx: &rusqlite::Transaction<'_>, p: &ProviderRecord) -> Result<ProviderId> {
    let found: Option<ProviderId> = tx
        .query_row(
            "SELECT id FROM providers WHERE name_en = ?1 AND country = ?2",
            params![p.name_en, p.country],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    p.input().validate()?.insert(tx)
}
