//! Cases: one patient's journey to care across the Pacific, from inquiry to closed.

use chrono::{NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, Transaction, params, params_from_iter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::anchors::Seek;
use crate::documents::DocumentItem;
use crate::error::{Error, Result};
use crate::ids::{CaseId, CaseRef, PatientId, ProviderId};
use crate::money::{Currency, Money};
use crate::notes::Note;
use crate::patient::{NameOrder, NewPatient, Patient, parse_date};
use crate::provider::{Country, Provider};
use crate::status::CaseStatus;
use crate::store::{Store, audit, instant};
use crate::tasks::Task;
use crate::timeline::TimelineEvent;
use crate::validate::{Field, LONG_TEXT_MAX, SHORT_TEXT_MAX, not_in_future, optional, parse_id};

macro_rules! summary_columns {
    () => {
        "c.id, c.reference, c.patient_id, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana, p.name_order, c.direction, c.specialty, c.status, c.priority, v.name_en, v.name_fr, v.name_ja, c.opened_on, c.target_date"
    };
}
macro_rules! summary_joins {
    () => {
        "JOIN patients p ON p.id = c.patient_id LEFT JOIN providers v ON v.id = c.provider_id"
    };
}

id_enum! {
    "kebab-case" pub enum Direction {
        #[serde(rename = "ca-to-jp")]
        #[strum(serialize = "ca-to-jp")]
        CanadaToJapan,
        #[serde(rename = "jp-to-ca")]
        #[strum(serialize = "jp-to-ca")]
        JapanToCanada,
    }
}

impl Direction {
    /// The country where the care happens.
    pub fn destination(self) -> Country {
        match self {
            Direction::CanadaToJapan => Country::Jp,
            Direction::JapanToCanada => Country::Ca,
        }
    }
}

id_enum! {
    "kebab-case" pub enum Specialty {
        Oncology,
        ProtonTherapy,
        HeavyIonTherapy,
        CardiacSurgery,
        Orthopaedics,
        Neurosurgery,
        RegenerativeMedicine,
        Fertility,
        HealthScreening,
        Rehabilitation,
        Other,
    }
}

id_enum! {
    #[derive(Default)]
    "kebab-case" pub enum Priority {
        Low,
        #[default]
        Normal,
        High,
        Urgent,
    }
}

id_enum! {
    /// Orders of the case list; each is served by an index.
    #[derive(Default)]
    "kebab-case" pub enum CaseSort {
        #[default]
        Newest,
        Oldest,
        TargetDate,
        Name,
    }
}

/// A stay longer than ten years is a typing slip, not a medical trip.
const MAX_STAY_DAYS: u32 = 3650;

/// The case part of a new case, as typed: ids and dates are text until validated.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct NewCaseDetails {
    pub direction: String,
    pub specialty: String,
    pub status: Option<String>,
    pub priority: Option<String>,
    pub treatment: Option<String>,
    pub provider_id: Option<ProviderId>,
    pub physician: Option<String>,
    /// `YYYY-MM-DD`; defaults to today.
    pub opened_on: Option<String>,
    pub target_date: Option<String>,
    pub companions: Option<u32>,
    /// Expected length of the stay abroad; over 90 days in Japan needs more papers.
    pub expected_stay_days: Option<u32>,
    /// A decimal amount as typed ("12500.50"); see `currency`.
    pub estimated_cost: Option<String>,
    pub currency: Option<String>,
}

/// The editable part of a case header, as typed. Direction and opening date stay as
/// created: the checklist and the reference were derived from them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct CaseUpdate {
    pub specialty: String,
    pub priority: String,
    pub provider_id: Option<ProviderId>,
    pub treatment: Option<String>,
    pub physician: Option<String>,
    pub target_date: Option<String>,
    pub companions: Option<u32>,
    pub expected_stay_days: Option<u32>,
}

/// The money of a case as typed: amounts in `currency`, decimal text.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export, optional_fields)]
pub struct CostsInput {
    pub currency: String,
    pub estimate: Option<String>,
    pub deposit: Option<String>,
}

/// A new patient and their first case, created together in one transaction.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct NewCase {
    pub patient: NewPatient,
    pub case: NewCaseDetails,
}

/// One row of the case list and of search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseSummary {
    pub id: CaseId,
    pub reference: CaseRef,
    pub patient_id: PatientId,
    pub family_name: String,
    pub given_name: String,
    pub family_name_kana: Option<String>,
    pub given_name_kana: Option<String>,
    pub name_order: NameOrder,
    pub direction: Direction,
    pub specialty: Specialty,
    pub status: CaseStatus,
    pub priority: Priority,
    pub provider_name_en: Option<String>,
    pub provider_name_fr: Option<String>,
    pub provider_name_ja: Option<String>,
    pub opened_on: NaiveDate,
    pub target_date: Option<NaiveDate>,
}

/// Everything the case detail screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseDetail {
    pub summary: CaseSummary,
    pub patient: Patient,
    pub provider: Option<Provider>,
    pub treatment: Option<String>,
    pub physician: Option<String>,
    pub companions: u32,
    pub expected_stay_days: Option<u32>,
    pub estimated_cost: Option<Money>,
    pub deposit: Option<Money>,
    /// Estimate less deposit: what the patient still owes. Counted by the core.
    pub balance: Option<Money>,
    pub timeline: Vec<TimelineEvent>,
    pub documents: Vec<DocumentItem>,
    pub tasks: Vec<Task>,
    pub notes: Vec<Note>,
    /// The statuses the core will accept next, for the status menu.
    pub allowed_next: Vec<CaseStatus>,
}

/// A page of the case list, narrowed by any of the filters and in one of the orders.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct CaseListQuery {
    pub status: Option<CaseStatus>,
    pub direction: Option<Direction>,
    pub specialty: Option<Specialty>,
    pub provider_id: Option<ProviderId>,
    pub priority: Option<Priority>,
    pub sort: Option<CaseSort>,
    pub offset: Option<u32>,
    pub limit: Option<u32>,
}

/// The target-date order's key, as the `cases_target` index holds it: the date (no
/// date sorts last) then the zero-padded id, one text a deep page can seek on.
pub(crate) const TARGET_KEY: &str = "coalesce(c.target_date, '~') || printf('%012d', c.id)";

/// The ORDER BY of each list order. Every order ends with the id, so a position in
/// the list is one row.
pub(crate) fn order_by(sort: CaseSort) -> &'static str {
    match sort {
        CaseSort::Newest => "c.id DESC",
        CaseSort::Oldest => "c.id",
        CaseSort::TargetDate => TARGET_KEY,
        CaseSort::Name => "c.patient_sort, c.id",
    }
}

/// The statements one page of the list runs, with their parameters. Shared with
/// `kakehashi bench` and the query-plan guard, so that both see exactly what the core runs.
#[derive(Debug, Clone)]
pub(crate) struct ListStatements {
    pub count: String,
    pub count_params: Vec<Value>,
    pub page: String,
    pub page_params: Vec<Value>,
}

impl CaseListQuery {
    /// The filters as a WHERE clause (empty when there are none) and their values.
    pub(crate) fn filters(&self) -> (String, Vec<Value>) {
        let mut conditions = Vec::new();
        let mut values = Vec::new();
        let mut filter = |column: &str, value: Option<Value>| {
            if let Some(v) = value {
                values.push(v);
                conditions.push(format!("c.{column} = ?"));
            }
        };
        let id = |s: &'static str| Value::Text(s.to_owned());
        filter("status", self.status.map(|v| id(v.into())));
        filter("direction", self.direction.map(|v| id(v.into())));
        filter("specialty", self.specialty.map(|v| id(v.into())));
        filter("provider_id", self.provider_id.map(|v| Value::Integer(v.0)));
        filter("priority", self.priority.map(|v| id(v.into())));
        let filters = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        (filters, values)
    }

    /// The count and page statements, for the tests that check them against a plain
    /// OFFSET page and their query plans.
    #[cfg(test)]
    pub(crate) fn statements(&self, seek: Option<&Seek>) -> ListStatements {
        self.statements_for(self.filters(), seek, true)
    }

    /// The count and page statements over `filters`: the page starts at `offset`, or
    /// from an anchor and `skip` rows after it when `seek` is given.
    fn statements_for(
        &self,
        (filters, values): (String, Vec<Value>),
        seek: Option<&Seek>,
        counts_kept: bool,
    ) -> ListStatements {
        let limit = self.limit.unwrap_or(100).min(500);
        let offset = self.offset.unwrap_or(0);
        let order = order_by(self.sort.unwrap_or_default());
        let mut page_params = values.clone();
        let (page_filters, skip) = match seek {
            None => (filters.clone(), offset),
            Some(seek) => {
                page_params.extend(seek.values.iter().cloned());
                let joiner = if filters.is_empty() { " WHERE" } else { " AND" };
                (format!("{filters}{joiner} {}", seek.condition), seek.skip)
            }
        };
        page_params.extend([Value::Integer(limit.into()), Value::Integer(skip.into())]);
        // A page is chosen on narrow indexes and only its rows are joined: an OFFSET
        // over the joined rows would read every skipped patient too.
        let page = format!(
            "SELECT {} FROM (SELECT c.id FROM cases c{page_filters} ORDER BY {order} LIMIT ? OFFSET ?) page JOIN cases c ON c.id = page.id {} ORDER BY {order}",
            summary_columns!(),
            summary_joins!(),
        );
        ListStatements {
            // The filters name the same columns in `case_counts` (migration 0005), which
            // holds one row per combination of their values, not one per case.
            count: if counts_kept {
                format!("SELECT coalesce(sum(c.n), 0) FROM case_counts c{filters}")
            } else {
                format!("SELECT count(*) FROM cases c{filters}")
            },
            count_params: values,
            page,
            page_params,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CasePage {
    pub total: u32,
    pub offset: u32,
    pub cases: Vec<CaseSummary>,
}

pub(crate) const CASE_BY_REFERENCE: &str = "SELECT id FROM cases WHERE reference = ?1";
pub(crate) const CASE_EXTRAS: &str = "SELECT provider_id, treatment, physician, companions, estimate_minor, currency, deposit_minor, expected_stay_days FROM cases WHERE id = ?1";

/// The rows for a JSON array of case ids, in no particular order: one statement
/// whatever the number of ids, so it is compiled once and cached.
pub(crate) const SUMMARIES_BY_IDS: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM json_each(?1) ids JOIN cases c ON c.id = ids.value ",
    summary_joins!()
);

pub(crate) const SUMMARY_BY_ID: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM cases c ",
    summary_joins!(),
    " WHERE c.id = ?1"
);

impl CaseSummary {
    pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<CaseSummary> {
        Ok(CaseSummary {
            id: r.get(0)?,
            reference: CaseRef(r.get(1)?),
            patient_id: r.get(2)?,
            family_name: r.get(3)?,
            given_name: r.get(4)?,
            family_name_kana: r.get(5)?,
            given_name_kana: r.get(6)?,
            name_order: r.get(7)?,
            direction: r.get(8)?,
            specialty: r.get(9)?,
            status: r.get(10)?,
            priority: r.get(11)?,
            provider_name_en: r.get(12)?,
            provider_name_fr: r.get(13)?,
            provider_name_ja: r.get(14)?,
            opened_on: r.get(15)?,
            target_date: r.get(16)?,
        })
    }
}

/// The columns of a case that the summary does not carry.
struct CaseExtras {
    provider_id: Option<ProviderId>,
    treatment: Option<String>,
    physician: Option<String>,
    companions: u32,
    stay: Option<u32>,
    estimate: Option<i64>,
    currency: Option<Currency>,
    deposit: Option<i64>,
}

/// A case that passed validation.
#[derive(Debug, Clone)]
pub(crate) struct ValidCase {
    pub direction: Direction,
    pub specialty: Specialty,
    pub status: CaseStatus,
    pub priority: Priority,
    pub treatment: Option<String>,
    pub provider_id: Option<ProviderId>,
    pub physician: Option<String>,
    pub opened_on: NaiveDate,
    pub target_date: Option<NaiveDate>,
    pub companions: u32,
    pub expected_stay_days: Option<u32>,
    pub estimated_cost: Option<Money>,
}

impl NewCaseDetails {
    pub(crate) fn validate(&self, today: NaiveDate) -> Result<ValidCase> {
        let direction = match self.direction.trim() {
            "" => {
                return Err(Error::Required {
                    field: Field::Direction,
                });
            }
            v => parse_id(Field::Direction, v)?,
        };
        let specialty = match self.specialty.trim() {
            "" => {
                return Err(Error::Required {
                    field: Field::Specialty,
                });
            }
            v => parse_id(Field::Specialty, v)?,
        };
        let status = match optional(Field::Status, self.status.as_deref(), 40)? {
            Some(v) => parse_id(Field::Status, &v)?,
            None => CaseStatus::Inquiry,
        };
        let priority = match optional(Field::Priority, self.priority.as_deref(), 40)? {
            Some(v) => parse_id(Field::Priority, &v)?,
            None => Priority::Normal,
        };
        let currency: Currency = match optional(Field::Currency, self.currency.as_deref(), 3)? {
            Some(v) => parse_id(Field::Currency, &v.to_uppercase())?,
            None if direction == Direction::CanadaToJapan => Currency::Jpy,
            None => Currency::Cad,
        };
        let estimated_cost = optional(Field::EstimatedCost, self.estimated_cost.as_deref(), 40)?
            .map(|v| {
                Money::parse(&v, currency).ok_or(Error::Invalid {
                    field: Field::EstimatedCost,
                })
            })
            .transpose()?;
        // A mistyped year would otherwise mint a reference like KH-2099-0001 for good.
        let opened_on = parse_date(Field::OpenedOn, self.opened_on.as_deref())?.unwrap_or(today);
        not_in_future(Field::OpenedOn, Some(opened_on), today)?;
        let target_date = parse_date(Field::TargetDate, self.target_date.as_deref())?;
        if target_date.is_some_and(|t| t < opened_on) {
            return Err(Error::Invalid {
                field: Field::TargetDate,
            });
        }
        let companions = check_companions(self.companions)?;
        let expected_stay_days = check_stay(self.expected_stay_days)?;
        Ok(ValidCase {
            expected_stay_days,
            direction,
            specialty,
            status,
            priority,
            treatment: optional(Field::Treatment, self.treatment.as_deref(), LONG_TEXT_MAX)?,
            provider_id: self.provider_id,
            physician: optional(Field::Physician, self.physician.as_deref(), SHORT_TEXT_MAX)?,
            opened_on,
            target_date,
            companions,
            estimated_cost,
        })
    }
}

fn check_companions(n: Option<u32>) -> Result<u32> {
    match n.unwrap_or(0) {
        n @ 0..=20 => Ok(n),
        _ => Err(Error::Invalid {
            field: Field::Companions,
        }),
    }
}

fn check_stay(days: Option<u32>) -> Result<Option<u32>> {
    match days {
        Some(0) | None => Ok(None),
        Some(d) if d <= MAX_STAY_DAYS => Ok(Some(d)),
        Some(_) => Err(Error::Invalid {
            field: Field::ExpectedStay,
        }),
    }
}

/// A patient going to Japan is treated by a Japanese provider, and the reverse.
pub(crate) fn check_provider(
    tx: &Transaction<'_>,
    provider: Option<ProviderId>,
    direction: Direction,
) -> Result<()> {
    let Some(pid) = provider else { return Ok(()) };
    let country: Option<Country> = tx
        .query_row("SELECT country FROM providers WHERE id = ?1", [pid], |r| {
            r.get(0)
        })
        .optional()?;
    match country {
        None => Err(Error::ProviderNotFound { id: pid.0 }),
        Some(c) if c != direction.destination() => Err(Error::Invalid {
            field: Field::Provider,
        }),
        Some(_) => Ok(()),
    }
}

impl ValidCase {
    /// Inserts an imported case as it was: its own reference, deposit and documents
    /// (no default checklist) and its own history (no "opened" entry).
    pub(crate) fn insert_imported(
        &self,
        tx: &Transaction<'_>,
        patient: PatientId,
        reference: &CaseRef,
        now: &str,
        deposit: Option<Money>,
    ) -> Result<CaseId> {
        tx.prepare_cached(
            "INSERT INTO cases (reference, patient_id, direction, specialty, treatment, provider_id, physician, status, priority, opened_on, target_date, companions, estimate_minor, currency, deposit_minor, created_at, updated_at, expected_stay_days, patient_sort)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, (SELECT family_name || char(31) || given_name FROM patients WHERE id = ?2))",
        )?
        .execute(params![
            reference.as_str(), patient, self.direction, self.specialty, self.treatment,
            self.provider_id, self.physician, self.status, self.priority, self.opened_on,
            self.target_date, self.companions, self.estimated_cost.map(|m| m.minor),
            self.estimated_cost.or(deposit).map(|m| m.currency), deposit.map(|m| m.minor), now,
            self.expected_stay_days,
        ])?;
        Ok(CaseId(tx.last_insert_rowid()))
    }

    /// Inserts the case with its default checklist and first timeline entry.
    pub(crate) fn insert(
        &self,
        tx: &Transaction<'_>,
        patient: PatientId,
        reference: &CaseRef,
        now: &str,
    ) -> Result<CaseId> {
        tx.prepare_cached(
            "INSERT INTO cases (reference, patient_id, direction, specialty, treatment, provider_id, physician, status, priority, opened_on, target_date, companions, estimate_minor, currency, created_at, updated_at, expected_stay_days, patient_sort)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16, (SELECT family_name || char(31) || given_name FROM patients WHERE id = ?2))",
        )?
        .execute(params![
            reference.as_str(), patient, self.direction, self.specialty, self.treatment,
            self.provider_id, self.physician, self.status, self.priority, self.opened_on,
            self.target_date, self.companions, self.estimated_cost.map(|m| m.minor),
            self.estimated_cost.map(|m| m.currency), now, self.expected_stay_days,
        ])?;
        let id = CaseId(tx.last_insert_rowid());
        DocumentItem::insert_defaults(tx, id, self.direction, self.expected_stay_days)?;
        Ok(id)
    }
}

impl Store {
    /// Creates a patient and their case in one transaction and returns the new
    /// reference. On any error nothing is written.
    pub fn create_case(&mut self, input: &NewCase) -> Result<CaseRef> {
        let today = self.today();
        let patient = input.patient.validate(today)?;
        let case = input.case.validate(today)?;
        let now = crate::store::instant(Utc::now());
        let actor = self.actor().to_owned();
        let tx = self.transaction()?;
        check_provider(&tx, case.provider_id, case.direction)?;
        let patient_id = patient.insert(&tx, &now)?;
        let reference = crate::store::next_reference(&tx, case.opened_on)?;
        let case_id = case.insert(&tx, patient_id, &reference, &now)?;
        crate::store::insert_status_event(&tx, case_id, None, case.status, &now)?;
        crate::search::index_case(&tx, case_id)?;
        audit(
            &tx,
            &actor,
            "patient",
            patient_id.0,
            "create",
            &serde_json::to_value(&patient.0).expect("serialisable"),
        )?;
        audit(
            &tx,
            &actor,
            "case",
            case_id.0,
            "create",
            &serde_json::json!({
                "reference": reference, "status": case.status, "direction": case.direction, "specialty": case.specialty,
            }),
        )?;
        tx.commit()?;
        Ok(reference)
    }

    pub(crate) fn case_id(&self, reference: &str) -> Result<CaseId> {
        self.conn()
            .query_row(
                CASE_BY_REFERENCE,
                // References are printed in capitals; people type them any way.
                [reference.trim().to_uppercase()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::CaseNotFound {
                reference: reference.to_owned(),
            })
    }

    /// The whole case for the detail screen.
    pub fn case_detail(&self, reference: &str) -> Result<CaseDetail> {
        let _snapshot = self.snapshot()?;
        self.case_detail_by_id(self.case_id(reference)?)
    }

    /// Runs one edit of a case in a transaction with its audit entry, and returns the
    /// case as now stored, so the screen always shows what the database holds.
    /// `f` gets the case's id and must touch no other case; it returns the audit detail.
    pub(crate) fn edit_case(
        &mut self,
        reference: &str,
        action: &str,
        reindex: bool,
        f: impl FnOnce(&Transaction<'_>, CaseId) -> Result<serde_json::Value>,
    ) -> Result<CaseDetail> {
        let id = self.case_id(reference)?;
        let now = instant(Utc::now());
        let actor = self.actor().to_owned();
        let tx = self.transaction()?;
        let detail = f(&tx, id)?;
        tx.prepare_cached("UPDATE cases SET updated_at = ?1 WHERE id = ?2")?
            .execute(params![now, id])?;
        if reindex {
            crate::search::index_case(&tx, id)?;
        }
        audit(&tx, &actor, "case", id.0, action, &detail)?;
        tx.commit()?;
        self.case_detail_by_id(id)
    }

    /// Saves the case header. Provider and treatment are searchable, so the case is
    /// indexed again; a longer stay may add papers to the checklist.
    pub fn update_case(&mut self, reference: &str, input: &CaseUpdate) -> Result<CaseDetail> {
        let specialty: Specialty = match input.specialty.trim() {
            "" => {
                return Err(Error::Required {
                    field: Field::Specialty,
                });
            }
            v => parse_id(Field::Specialty, v)?,
        };
        let priority: Priority = match input.priority.trim() {
            "" => Priority::Normal,
            v => parse_id(Field::Priority, v)?,
        };
        let treatment = optional(Field::Treatment, input.treatment.as_deref(), LONG_TEXT_MAX)?;
        let physician = optional(Field::Physician, input.physician.as_deref(), SHORT_TEXT_MAX)?;
        let target_date = parse_date(Field::TargetDate, input.target_date.as_deref())?;
        let companions = check_companions(input.companions)?;
        let stay = check_stay(input.expected_stay_days)?;
        self.edit_case(reference, "edit", true, |tx, case| {
            let (direction, opened_on): (Direction, NaiveDate) = tx.query_row(
                "SELECT direction, opened_on FROM cases WHERE id = ?1",
                [case],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if target_date.is_some_and(|t| t < opened_on) {
                return Err(Error::Invalid {
                    field: Field::TargetDate,
                });
            }
            check_provider(tx, input.provider_id, direction)?;
            tx.execute(
                "UPDATE cases SET specialty = ?2, priority = ?3, provider_id = ?4, treatment = ?5, physician = ?6, target_date = ?7, companions = ?8, expected_stay_days = ?9 WHERE id = ?1",
                params![case, specialty, priority, input.provider_id, treatment, physician, target_date, companions, stay],
            )?;
            DocumentItem::add_missing_defaults(tx, case, direction, stay)?;
            Ok(serde_json::json!({
                "specialty": specialty, "priority": priority, "provider": input.provider_id,
                "target_date": target_date, "companions": companions, "expected_stay_days": stay,
            }))
        })
    }

    /// Saves the estimate and deposit. A deposit over the estimate is refused: it is
    /// almost always a slip of a digit, and a refund is not something this app tracks.
    pub fn update_costs(&mut self, reference: &str, input: &CostsInput) -> Result<CaseDetail> {
        let currency: Currency = parse_id(Field::Currency, &input.currency.trim().to_uppercase())?;
        let amount = |field: Field, text: Option<&str>| -> Result<Option<Money>> {
            optional(field, text, 40)?
                .map(|v| Money::parse(&v, currency).ok_or(Error::Invalid { field }))
                .transpose()
        };
        let estimate = amount(Field::EstimatedCost, input.estimate.as_deref())?;
        let deposit = amount(Field::Deposit, input.deposit.as_deref())?;
        if let (Some(e), Some(d)) = (estimate, deposit)
            && d.minor > e.minor
        {
            return Err(Error::DepositOverEstimate {
                field: Field::Deposit,
            });
        }
        self.edit_case(reference, "costs", false, |tx, case| {
            tx.execute(
                "UPDATE cases SET currency = ?2, estimate_minor = ?3, deposit_minor = ?4 WHERE id = ?1",
                params![case, currency, estimate.map(|m| m.minor), deposit.map(|m| m.minor)],
            )?;
            Ok(serde_json::json!({ "currency": currency, "estimate": estimate.map(|m| m.minor), "deposit": deposit.map(|m| m.minor) }))
        })
    }

    pub(crate) fn case_detail_by_id(&self, id: CaseId) -> Result<CaseDetail> {
        let _snapshot = self.snapshot()?;
        let conn = self.conn();
        let summary = conn
            .prepare_cached(SUMMARY_BY_ID)?
            .query_row([id], CaseSummary::from_row)?;
        let extras = conn.query_row(CASE_EXTRAS, [id], |r| {
            Ok(CaseExtras {
                provider_id: r.get(0)?,
                treatment: r.get(1)?,
                physician: r.get(2)?,
                companions: r.get(3)?,
                estimate: r.get(4)?,
                currency: r.get(5)?,
                deposit: r.get(6)?,
                stay: r.get(7)?,
            })
        })?;
        let CaseExtras {
            provider_id,
            treatment,
            physician,
            companions,
            stay,
            estimate,
            currency,
            deposit,
        } = extras;
        let money = |m: Option<i64>| {
            m.zip(currency)
                .map(|(minor, currency)| Money { minor, currency })
        };
        Ok(CaseDetail {
            patient: Patient::load(conn, summary.patient_id)?,
            provider: provider_id.map(|p| Provider::load(conn, p)).transpose()?,
            allowed_next: summary.status.allowed_next(),
            summary,
            treatment,
            physician,
            companions,
            expected_stay_days: stay,
            estimated_cost: money(estimate),
            deposit: money(deposit),
            balance: money(estimate.map(|e| e - deposit.unwrap_or(0))),
            timeline: TimelineEvent::for_case(conn, id)?,
            documents: DocumentItem::for_case(conn, id)?,
            tasks: Task::for_case(conn, id, self.today())?,
            notes: Note::for_case(conn, id)?,
        })
    }

    /// One page of the case list, filtered and sorted as asked.
    pub fn list_cases(&self, q: &CaseListQuery) -> Result<CasePage> {
        // The total and the page from one state of the file.
        let _snapshot = self.snapshot()?;
        let statements = self.list_statements(q)?;
        let conn = self.conn();
        let total = conn
            .prepare_cached(&statements.count)?
            .query_row(params_from_iter(statements.count_params.iter()), |r| {
                r.get(0)
            })?;
        let cases = conn
            .prepare_cached(&statements.page)?
            .query_map(
                params_from_iter(statements.page_params.iter()),
                CaseSummary::from_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(CasePage {
            total,
            offset: q.offset.unwrap_or(0),
            cases,
        })
    }

    /// What `list_cases` runs for `q` now: a deep page starts from its anchor.
    pub(crate) fn list_statements(&self, q: &CaseListQuery) -> Result<ListStatements> {
        let (filters, values) = q.filters();
        let seek = self.anchors().seek(
            self.conn(),
            &filters,
            &values,
            q.sort.unwrap_or_default(),
            q.offset.unwrap_or(0),
        )?;
        Ok(q.statements_for((filters, values), seek.as_ref(), self.counts_kept()))
    }

    /// Every case the list shows for `q` (its filters and order), read page by page:
    /// what a CSV export of the filtered list holds.
    pub fn list_all(&self, q: &CaseListQuery) -> Result<Vec<CaseSummary>> {
        let mut cases = Vec::new();
        loop {
            let page = self.list_cases(&CaseListQuery {
                offset: Some(u32::try_from(cases.len()).unwrap_or(u32::MAX)),
                limit: Some(500),
                ..q.clone()
            })?;
            let done = page.cases.len() < 500;
            cases.extend(page.cases);
            if done {
                return Ok(cases);
            }
        }
    }

    /// Moves a case along the pipeline if the rules allow it, recording the change
    /// on the timeline and in the audit log.
    pub fn change_status(&mut self, reference: &str, to: CaseStatus) -> Result<CaseDetail> {
        let now = instant(Utc::now());
        self.edit_case(reference, "status", false, |tx, id| {
            let from: CaseStatus =
                tx.query_row("SELECT status FROM cases WHERE id = ?1", [id], |r| r.get(0))?;
            if !from.can_move_to(to) {
                return Err(Error::TransitionNotAllowed {
                    from: from.id().to_owned(),
                    to: to.id().to_owned(),
                });
            }
            tx.execute(
                "UPDATE cases SET status = ?1 WHERE id = ?2",
                params![to, id],
            )?;
            crate::store::insert_status_event(tx, id, Some(from), to, &now)?;
            Ok(serde_json::json!({ "from": from, "to": to }))
        })
    }

    pub fn providers(&self) -> Result<Vec<Provider>> {
        Ok(Provider::list(self.conn())?)
    }
}

/// Every value the forms and filters offer, in display order, so the UI never keeps
/// its own copy of the domain's lists.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DomainValues {
    pub statuses: Vec<CaseStatus>,
    pub directions: Vec<Direction>,
    pub specialties: Vec<Specialty>,
    pub priorities: Vec<Priority>,
    pub sexes: Vec<crate::patient::Sex>,
    pub languages: Vec<crate::i18n::Lang>,
    pub currencies: Vec<Currency>,
    pub sorts: Vec<CaseSort>,
    /// Kinds a coordinator may add by hand (status changes are the pipeline's).
    pub event_kinds: Vec<crate::timeline::EventKind>,
    pub document_kinds: Vec<crate::documents::DocumentKind>,
    pub document_states: Vec<crate::documents::DocumentState>,
    pub note_channels: Vec<crate::notes::NoteChannel>,
    pub countries: Vec<Country>,
    pub accreditations: Vec<String>,
    pub desk_languages: Vec<String>,
    /// IANA zones to choose from.
    pub zones: Vec<String>,
    pub recipients: Vec<crate::recipient::Recipient>,
    pub consent_scopes: Vec<crate::privacy::ConsentScope>,
}

impl Default for DomainValues {
    fn default() -> Self {
        use strum::IntoEnumIterator;
        DomainValues {
            statuses: CaseStatus::iter().collect(),
            directions: Direction::iter().collect(),
            specialties: Specialty::iter().collect(),
            priorities: Priority::iter().collect(),
            sexes: crate::patient::Sex::iter().collect(),
            languages: crate::i18n::Lang::iter().collect(),
            currencies: Currency::iter().collect(),
            sorts: CaseSort::iter().collect(),
            event_kinds: crate::timeline::EventKind::iter()
                .filter(|k| *k != crate::timeline::EventKind::StatusChange)
                .collect(),
            document_kinds: crate::documents::DocumentKind::iter().collect(),
            document_states: crate::documents::DocumentState::iter().collect(),
            note_channels: crate::notes::NoteChannel::iter().collect(),
            countries: Country::iter().collect(),
            accreditations: crate::provider::ACCREDITATIONS.map(str::to_owned).to_vec(),
            desk_languages: crate::provider::DESK_LANGUAGES.map(str::to_owned).to_vec(),
            zones: crate::zones::zone_names()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            recipients: crate::recipient::Recipient::iter().collect(),
            consent_scopes: crate::privacy::ConsentScope::iter().collect(),
        }
    }
}
