//! Hostile input through the core and every export. Each string of the shared corpus
//! `tests/hostile/corpus.json` is typed into every free-text field of a case, its
//! patient and its provider; then it is read back, searched for, exported as JSON and
//! imported into another database, exported as FHIR, listed as CSV and laid out as a
//! PDF that poppler reads back.
//!
//! The corpus is a JSON array of `{ "name", "text" }` objects, with an optional
//! `"repeat": n` meaning `text` written n times over (how the 10,000-character string
//! is kept short in the file). JSON, so that NUL and other controls can be written.
//!
//! The core's rules (`crates/core/src/validate.rs`): a value is trimmed of Unicode
//! white space (`str::trim`); then an empty required value (or one of only invisible
//! characters: zero-width spaces and joiners, word joiner, BOM), a value over its field's
//! length in characters, or one containing NUL is refused naming the field, and nothing
//! is written. Everything else is kept byte for byte: no Unicode normalisation, no
//! control or invisible character removed.
//!
//! Each test collects every failing string before it fails, so one run names them all.

mod common;

use common::{collapse, pdftotext};

use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kakehashi_core::exchange::CaseRecord;
use kakehashi_core::patient::display_name;
use kakehashi_core::search::normalize;
use kakehashi_core::timeline::EventKind;
use kakehashi_core::{
    CaseDetail, CaseListQuery, CaseUpdate, DocumentInput, Error, EventInput, Field, Lang,
    Localizer, NewCase, NewCaseDetails, NewPatient, NoteInput, Patient, PatientQuery, Provider,
    ProviderInput, Recipient, Store, TaskInput,
};
use kakehashi_export::options::{ExportFormat, ExportOptions};
use serde::Deserialize;
use serde_json::Value;
use wana_kana::ConvertJapanese;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    text: String,
    #[serde(default)]
    repeat: Option<usize>,
}

struct Hostile {
    name: String,
    text: String,
}

fn corpus() -> Vec<Hostile> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/hostile/corpus.json");
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let entries: Vec<Entry> = serde_json::from_str(&json).expect("the corpus is valid JSON");
    let corpus: Vec<Hostile> = entries
        .into_iter()
        .map(|e| Hostile {
            text: e.text.repeat(e.repeat.unwrap_or(1)),
            name: e.name,
        })
        .collect();
    assert!(corpus.len() >= 60, "a corpus of at least 60 strings");
    for wanted in [
        "nul-middle",
        "ten-thousand-characters",
        "csv-equals",
        "zalgo",
    ] {
        assert!(
            corpus.iter().any(|h| h.name == wanted),
            "{wanted} in the corpus"
        );
    }
    let long = corpus.iter().find(|h| h.name == "ten-thousand-characters");
    assert_eq!(long.map(|h| h.text.chars().count()), Some(10_000));
    corpus
}

/// A string shortened for a failure message: a 10,000-character one would drown it.
fn shown(s: &str) -> String {
    let n = s.chars().count();
    if n <= 60 {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(60).collect();
        format!("{head:?}… ({n} characters)")
    }
}

fn shown_opt(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_owned(), shown)
}

/// Every failure of a test, so that one run lists every string at fault.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.0.push(what());
        }
    }

    fn push(&mut self, failure: String) {
        self.0.push(failure);
    }

    fn assert_none(self, what: &str) {
        assert!(
            self.0.is_empty(),
            "{} failure(s) {what}:\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

/// Every free-text field a coordinator can type into, in the case, its patient and its provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    FamilyName,
    GivenName,
    FamilyNameKana,
    GivenNameKana,
    HomeRegion,
    Phone,
    Email,
    EmergencyContact,
    PassportNumber,
    Insurance,
    DietaryNotes,
    Treatment,
    Physician,
    Note,
    TaskTitle,
    EventTitle,
    DocumentNote,
    NameEn,
    NameFr,
    NameJa,
    City,
    DeskContact,
}

const SLOTS: [Slot; 22] = [
    Slot::FamilyName,
    Slot::GivenName,
    Slot::FamilyNameKana,
    Slot::GivenNameKana,
    Slot::HomeRegion,
    Slot::Phone,
    Slot::Email,
    Slot::EmergencyContact,
    Slot::PassportNumber,
    Slot::Insurance,
    Slot::DietaryNotes,
    Slot::Treatment,
    Slot::Physician,
    Slot::Note,
    Slot::TaskTitle,
    Slot::EventTitle,
    Slot::DocumentNote,
    Slot::NameEn,
    Slot::NameFr,
    Slot::NameJa,
    Slot::City,
    Slot::DeskContact,
];

impl Slot {
    /// The field the core names, its length in characters and whether it is required,
    /// as the core's modules declare them (200 for short text, 20,000 for long).
    fn rule(self) -> (Field, usize, bool) {
        use Slot::*;
        match self {
            FamilyName => (Field::FamilyName, 200, true),
            GivenName => (Field::GivenName, 200, true),
            FamilyNameKana => (Field::FamilyNameKana, 200, false),
            GivenNameKana => (Field::GivenNameKana, 200, false),
            HomeRegion => (Field::HomeRegion, 200, false),
            Phone => (Field::Phone, 50, false),
            Email => (Field::Email, 200, false),
            EmergencyContact => (Field::EmergencyContact, 200, false),
            PassportNumber => (Field::PassportNumber, 20, false),
            Insurance => (Field::Insurance, 200, false),
            DietaryNotes => (Field::DietaryNotes, 20_000, false),
            Treatment => (Field::Treatment, 20_000, false),
            Physician => (Field::Physician, 200, false),
            Note => (Field::NoteText, 20_000, true),
            TaskTitle => (Field::TaskTitle, 200, true),
            EventTitle => (Field::EventTitle, 200, false),
            DocumentNote => (Field::DocumentNote, 20_000, false),
            NameEn => (Field::NameEn, 200, true),
            NameFr => (Field::NameFr, 200, false),
            NameJa => (Field::NameJa, 200, false),
            City => (Field::City, 200, true),
            DeskContact => (Field::DeskContact, 200, false),
        }
    }

    /// What is typed instead when the corpus string is refused here, so that the case,
    /// patient and provider still exist; `None` leaves the field empty (or the note,
    /// task or event unwritten).
    fn fallback(self, name: &str) -> Option<String> {
        match self {
            Slot::FamilyName => Some("Safe".to_owned()),
            Slot::GivenName => Some(name.to_owned()),
            Slot::NameEn => Some(format!("Safe Clinic {name}")),
            Slot::City => Some("Tokyo".to_owned()),
            _ => None,
        }
    }
}

/// What the core must do with a string typed into a field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Stored as this (the string trimmed; `None` when nothing is left of it).
    Kept(Option<String>),
    /// Refused with this error code, naming this field.
    Refused { code: &'static str, field: Field },
}

fn outcome(slot: Slot, text: &str) -> Outcome {
    let (field, max, required) = slot.rule();
    let refused = |code| Outcome::Refused { code, field };
    let v = text.trim();
    if v.is_empty() {
        return if required {
            refused("error-required")
        } else {
            Outcome::Kept(None)
        };
    }
    let invisible = |c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    };
    if required && v.chars().all(invisible) {
        return refused("error-required");
    }
    if v.chars().count() > max {
        return refused("error-too-long");
    }
    if v.contains('\0') {
        return refused("error-invalid");
    }
    // An e-mail address is checked for its @ as well: not a hostile-input rule, but a
    // refusal all the same, which must name the field and change nothing.
    if slot == Slot::Email && !v.contains('@') {
        return refused("error-invalid");
    }
    Outcome::Kept(Some(v.to_owned()))
}

/// A corpus string typed everywhere into its own case.
struct Placed {
    name: String,
    text: String,
    reference: String,
    outcomes: Vec<(Slot, Outcome)>,
}

impl Placed {
    fn outcome(&self, slot: Slot) -> &Outcome {
        &self
            .outcomes
            .iter()
            .find(|(s, _)| *s == slot)
            .expect("every slot")
            .1
    }

    /// The text typed into `slot`: the corpus string where the core takes it, the
    /// fallback where it refuses it.
    fn typed(&self, slot: Slot) -> Option<String> {
        match self.outcome(slot) {
            Outcome::Kept(_) => Some(self.text.clone()),
            Outcome::Refused { .. } => slot.fallback(&self.name),
        }
    }

    /// What the case must hold in `slot` once everything was typed.
    fn expected(&self, slot: Slot) -> Option<String> {
        match (self.outcome(slot), slot) {
            // A provider without a French or Japanese name is shown by its English one.
            (Outcome::Kept(None) | Outcome::Refused { .. }, Slot::NameFr | Slot::NameJa) => {
                self.expected(Slot::NameEn)
            }
            (Outcome::Kept(v), _) => v.clone(),
            (Outcome::Refused { .. }, _) => slot.fallback(&self.name),
        }
    }

    /// The corpus string, kept by the core everywhere it can be: in the note.
    fn kept(&self) -> Option<&str> {
        match self.outcome(Slot::Note) {
            Outcome::Kept(Some(v)) => Some(v),
            _ => None,
        }
    }
}

/// The value a case holds in `slot`, as the detail screen reads it.
fn stored(d: &CaseDetail, slot: Slot) -> Option<String> {
    let p = &d.patient;
    let provider = d.provider.as_ref();
    match slot {
        Slot::FamilyName => Some(p.family_name.clone()),
        Slot::GivenName => Some(p.given_name.clone()),
        Slot::FamilyNameKana => p.family_name_kana.clone(),
        Slot::GivenNameKana => p.given_name_kana.clone(),
        Slot::HomeRegion => p.home_region.clone(),
        Slot::Phone => p.phone.clone(),
        Slot::Email => p.email.clone(),
        Slot::EmergencyContact => p.emergency_contact.clone(),
        Slot::PassportNumber => p.passport_number.clone(),
        Slot::Insurance => p.insurance.clone(),
        Slot::DietaryNotes => p.dietary_notes.clone(),
        Slot::Treatment => d.treatment.clone(),
        Slot::Physician => d.physician.clone(),
        Slot::Note => d.notes.first().map(|n| n.body.clone()),
        Slot::TaskTitle => d.tasks.first().map(|t| t.title.clone()),
        Slot::EventTitle => d
            .timeline
            .iter()
            .find(|e| e.kind != EventKind::StatusChange)
            .and_then(|e| e.title.clone()),
        Slot::DocumentNote => d.documents.first().and_then(|x| x.note.clone()),
        Slot::NameEn => provider.map(|v| v.summary.name_en.clone()),
        Slot::NameFr => provider.map(|v| v.summary.name_fr.clone()),
        Slot::NameJa => provider.map(|v| v.summary.name_ja.clone()),
        Slot::City => provider.map(|v| v.summary.city.clone()),
        Slot::DeskContact => provider.and_then(|v| v.desk_contact.clone()),
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()
}

fn open_store(dir: &Path, file: &str) -> Store {
    let mut store = Store::open(&dir.join(file)).unwrap();
    store.set_today(today());
    store
}

/// Types the string into every field of a new case, patient and provider, where the
/// core takes it; panics if the core refuses what its rules allow.
fn place(store: &mut Store, h: &Hostile) -> Placed {
    let mut placed = Placed {
        name: h.name.clone(),
        text: h.text.clone(),
        reference: String::new(),
        outcomes: SLOTS.iter().map(|s| (*s, outcome(*s, &h.text))).collect(),
    };
    let typed = |slot| placed.typed(slot);
    let provider = store
        .create_provider(&ProviderInput {
            name_en: typed(Slot::NameEn).expect("a name"),
            name_fr: typed(Slot::NameFr).unwrap_or_default(),
            name_ja: typed(Slot::NameJa).unwrap_or_default(),
            country: "JP".into(),
            city: typed(Slot::City).expect("a city"),
            time_zone: "Asia/Tokyo".into(),
            desk_contact: typed(Slot::DeskContact),
            ..Default::default()
        })
        .unwrap_or_else(|e| refused(&h.name, "the provider", e));
    let reference = store
        .create_case(&NewCase {
            patient: NewPatient {
                family_name: typed(Slot::FamilyName).expect("a name"),
                given_name: typed(Slot::GivenName).expect("a name"),
                family_name_kana: typed(Slot::FamilyNameKana),
                given_name_kana: typed(Slot::GivenNameKana),
                nationality: Some("JP".into()),
                home_region: typed(Slot::HomeRegion),
                phone: typed(Slot::Phone),
                email: typed(Slot::Email),
                emergency_contact: typed(Slot::EmergencyContact),
                passport_number: typed(Slot::PassportNumber),
                insurance: typed(Slot::Insurance),
                dietary_notes: typed(Slot::DietaryNotes),
                ..Default::default()
            },
            case: NewCaseDetails {
                direction: "ca-to-jp".into(),
                specialty: "oncology".into(),
                provider_id: Some(provider.summary.id),
                treatment: typed(Slot::Treatment),
                physician: typed(Slot::Physician),
                ..Default::default()
            },
        })
        .unwrap_or_else(|e| refused(&h.name, "the new case", e))
        .0;
    if let Some(body) = typed(Slot::Note) {
        let note = NoteInput {
            channel: "phone".into(),
            body,
            ..Default::default()
        };
        store
            .add_note(&reference, &note)
            .unwrap_or_else(|e| refused(&h.name, "the note", e));
    }
    if let Some(title) = typed(Slot::TaskTitle) {
        let task = TaskInput {
            title,
            due_on: Some("2026-12-01".into()),
        };
        store
            .add_task(&reference, &task)
            .unwrap_or_else(|e| refused(&h.name, "the task", e));
    }
    if let Outcome::Kept(_) = placed.outcome(Slot::EventTitle) {
        store
            .add_event(&reference, &event(typed(Slot::EventTitle)))
            .unwrap_or_else(|e| refused(&h.name, "the event", e));
    }
    if let Outcome::Kept(_) = placed.outcome(Slot::DocumentNote) {
        let doc = store.case_detail(&reference).unwrap().documents[0].id;
        let input = DocumentInput {
            state: "requested".into(),
            note: typed(Slot::DocumentNote),
        };
        store
            .set_document(&reference, doc, &input)
            .unwrap_or_else(|e| refused(&h.name, "the document note", e));
    }
    placed.reference = reference;
    placed
}

fn refused(name: &str, what: &str, e: Error) -> ! {
    panic!("{name}: the core refused {what} where its rules allow it: {e}")
}

fn event(title: Option<String>) -> EventInput {
    EventInput {
        kind: "consultation".into(),
        starts_local: "2026-12-01T09:00".into(),
        zone: "Asia/Tokyo".into(),
        title,
        ..Default::default()
    }
}

struct Fixture {
    dir: tempfile::TempDir,
    store: Store,
    placed: Vec<Placed>,
}

/// One database holding a case for each corpus string.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_store(dir.path(), "cases.sqlite");
    let placed = corpus().iter().map(|h| place(&mut store, h)).collect();
    Fixture { dir, store, placed }
}

fn id(v: impl Into<&'static str>) -> String {
    v.into().to_owned()
}

/// The patient form as it opens: the stored patient as text.
fn patient_form(p: &Patient) -> NewPatient {
    NewPatient {
        family_name: p.family_name.clone(),
        given_name: p.given_name.clone(),
        family_name_kana: p.family_name_kana.clone(),
        given_name_kana: p.given_name_kana.clone(),
        name_order: Some(id(p.name_order)),
        birth_date: p.birth_date.map(|d| d.to_string()),
        sex: p.sex.map(id),
        nationality: p.nationality.clone(),
        home_region: p.home_region.clone(),
        home_zone: p.home_zone.clone(),
        preferred_language: p.preferred_language.map(|l| l.id().to_owned()),
        interpreter_language: p.interpreter_language.map(|l| l.id().to_owned()),
        phone: p.phone.clone(),
        email: p.email.clone(),
        emergency_contact: p.emergency_contact.clone(),
        passport_number: p.passport_number.clone(),
        passport_expiry: p.passport_expiry.map(|d| d.to_string()),
        insurance: p.insurance.clone(),
        dietary_notes: p.dietary_notes.clone(),
    }
}

fn set_patient_field(p: &mut NewPatient, slot: Slot, text: &str) {
    let v = Some(text.to_owned());
    match slot {
        Slot::FamilyName => p.family_name = text.to_owned(),
        Slot::GivenName => p.given_name = text.to_owned(),
        Slot::FamilyNameKana => p.family_name_kana = v,
        Slot::GivenNameKana => p.given_name_kana = v,
        Slot::HomeRegion => p.home_region = v,
        Slot::Phone => p.phone = v,
        Slot::Email => p.email = v,
        Slot::EmergencyContact => p.emergency_contact = v,
        Slot::PassportNumber => p.passport_number = v,
        Slot::Insurance => p.insurance = v,
        Slot::DietaryNotes => p.dietary_notes = v,
        _ => unreachable!("{slot:?} is not a patient field"),
    }
}

/// The provider form as it opens: the stored provider as text.
fn provider_form(v: &Provider) -> ProviderInput {
    let s = &v.summary;
    ProviderInput {
        name_en: s.name_en.clone(),
        name_fr: s.name_fr.clone(),
        name_ja: s.name_ja.clone(),
        country: id(s.country),
        city: s.city.clone(),
        time_zone: s.time_zone.clone(),
        specialties: v.specialties.iter().map(|x| id(*x)).collect(),
        accreditations: v.accreditations.clone(),
        languages: v.languages.clone(),
        desk_contact: v.desk_contact.clone(),
    }
}

fn set_provider_field(p: &mut ProviderInput, slot: Slot, text: &str) {
    match slot {
        Slot::NameEn => p.name_en = text.to_owned(),
        Slot::NameFr => p.name_fr = text.to_owned(),
        Slot::NameJa => p.name_ja = text.to_owned(),
        Slot::City => p.city = text.to_owned(),
        Slot::DeskContact => p.desk_contact = Some(text.to_owned()),
        _ => unreachable!("{slot:?} is not a provider field"),
    }
}

/// Every form through which `text` reaches `slot`, each tried on its own: the form's
/// name and the core's answer.
fn attempts(
    store: &mut Store,
    p: &Placed,
    slot: Slot,
    text: &str,
) -> Vec<(&'static str, Result<(), Error>)> {
    let reference = p.reference.as_str();
    let detail = store.case_detail(reference).unwrap();
    let ok = |r: Result<CaseDetail, Error>| r.map(drop);
    match slot {
        Slot::FamilyName
        | Slot::GivenName
        | Slot::FamilyNameKana
        | Slot::GivenNameKana
        | Slot::HomeRegion
        | Slot::Phone
        | Slot::Email
        | Slot::EmergencyContact
        | Slot::PassportNumber
        | Slot::Insurance
        | Slot::DietaryNotes => {
            let mut new = NewPatient {
                family_name: "Safe".into(),
                given_name: "Case".into(),
                ..Default::default()
            };
            set_patient_field(&mut new, slot, text);
            let created = store.create_case(&NewCase {
                patient: new,
                case: NewCaseDetails {
                    direction: "ca-to-jp".into(),
                    specialty: "oncology".into(),
                    ..Default::default()
                },
            });
            let mut edit = patient_form(&detail.patient);
            set_patient_field(&mut edit, slot, text);
            let edited = store.update_patient(detail.patient.id, &edit);
            vec![
                ("create_case", created.map(drop)),
                ("update_patient", edited.map(drop)),
            ]
        }
        Slot::Treatment | Slot::Physician => {
            let mut new = NewCaseDetails {
                direction: "ca-to-jp".into(),
                specialty: "oncology".into(),
                ..Default::default()
            };
            let mut edit = CaseUpdate {
                specialty: id(detail.summary.specialty),
                priority: id(detail.summary.priority),
                provider_id: detail.provider.as_ref().map(|v| v.summary.id),
                treatment: detail.treatment.clone(),
                physician: detail.physician.clone(),
                target_date: detail.summary.target_date.map(|d| d.to_string()),
                companions: Some(detail.companions),
                expected_stay_days: detail.expected_stay_days,
            };
            if slot == Slot::Treatment {
                new.treatment = Some(text.to_owned());
                edit.treatment = Some(text.to_owned());
            } else {
                new.physician = Some(text.to_owned());
                edit.physician = Some(text.to_owned());
            }
            let created = store.create_case(&NewCase {
                patient: NewPatient {
                    family_name: "Safe".into(),
                    given_name: "Case".into(),
                    ..Default::default()
                },
                case: new,
            });
            vec![
                ("create_case", created.map(drop)),
                ("update_case", ok(store.update_case(reference, &edit))),
            ]
        }
        Slot::Note => {
            let note = NoteInput {
                channel: "email".into(),
                body: text.to_owned(),
                ..Default::default()
            };
            vec![("add_note", ok(store.add_note(reference, &note)))]
        }
        Slot::TaskTitle => {
            let task = TaskInput {
                title: text.to_owned(),
                due_on: None,
            };
            let mut tried = vec![("add_task", ok(store.add_task(reference, &task)))];
            if let Some(existing) = detail.tasks.first() {
                tried.push((
                    "update_task",
                    ok(store.update_task(reference, existing.id, &task)),
                ));
            }
            tried
        }
        Slot::EventTitle => {
            let mut tried = vec![(
                "add_event",
                ok(store.add_event(reference, &event(Some(text.to_owned())))),
            )];
            if let Some(existing) = detail
                .timeline
                .iter()
                .find(|e| e.kind != EventKind::StatusChange)
            {
                tried.push((
                    "update_event",
                    ok(store.update_event(reference, existing.id, &event(Some(text.to_owned())))),
                ));
            }
            tried
        }
        Slot::DocumentNote => {
            let input = DocumentInput {
                state: "received".into(),
                note: Some(text.to_owned()),
            };
            let doc = detail.documents[0].id;
            vec![(
                "set_document",
                ok(store.set_document(reference, doc, &input)),
            )]
        }
        Slot::NameEn | Slot::NameFr | Slot::NameJa | Slot::City | Slot::DeskContact => {
            let mut new = ProviderInput {
                name_en: "Safe Clinic".into(),
                country: "JP".into(),
                city: "Osaka".into(),
                time_zone: "Asia/Tokyo".into(),
                ..Default::default()
            };
            set_provider_field(&mut new, slot, text);
            let existing = detail
                .provider
                .as_ref()
                .expect("every case has its provider");
            let mut edit = provider_form(existing);
            set_provider_field(&mut edit, slot, text);
            vec![
                ("create_provider", store.create_provider(&new).map(drop)),
                (
                    "update_provider",
                    store.update_provider(existing.summary.id, &edit).map(drop),
                ),
            ]
        }
    }
}

#[test]
fn every_string_is_kept_verbatim_in_every_field_or_refused_naming_the_field() {
    let Fixture {
        dir: _dir,
        mut store,
        placed,
    } = fixture();
    let mut failures = Failures::default();
    let mut refusals = 0;
    for p in &placed {
        let detail = store.case_detail(&p.reference).unwrap();
        for slot in SLOTS {
            let (want, got) = (p.expected(slot), stored(&detail, slot));
            failures.check(want == got, || {
                format!(
                    "{} in {slot:?}: stored {}, expected {}",
                    p.name,
                    shown_opt(got.as_deref()),
                    shown_opt(want.as_deref())
                )
            });
        }
        // Refusals: each form on its own, and the database exactly as before.
        for (slot, outcome) in &p.outcomes {
            let Outcome::Refused { code, field } = outcome else {
                continue;
            };
            let before = (
                store.case_detail(&p.reference).unwrap(),
                store.case_count().unwrap(),
                store.providers().unwrap(),
            );
            for (form, result) in attempts(&mut store, p, *slot, &p.text) {
                refusals += 1;
                match result {
                    Ok(()) => failures.push(format!(
                        "{} in {slot:?} through {form}: accepted, expected {code} naming {field}",
                        p.name
                    )),
                    Err(e) => {
                        failures.check(e.code() == *code && e.field() == Some(*field), || {
                            format!(
                                "{} in {slot:?} through {form}: refused with {} naming {:?}, expected {code} naming {field}",
                                p.name,
                                e.code(),
                                e.field()
                            )
                        });
                        if let Error::TooLong { max, .. } = e {
                            failures.check(max == slot.rule().1, || {
                                format!("{} in {slot:?}: limit given as {max}", p.name)
                            });
                        }
                    }
                }
            }
            let after = (
                store.case_detail(&p.reference).unwrap(),
                store.case_count().unwrap(),
                store.providers().unwrap(),
            );
            failures.check(before == after, || {
                format!(
                    "{} in {slot:?}: a refused edit changed what was saved",
                    p.name
                )
            });
        }
    }
    for must in [
        "nul-middle",
        "nul-only",
        "ten-thousand-characters",
        "boundary-201",
    ] {
        let p = placed.iter().find(|p| p.name == must).unwrap();
        assert!(
            p.outcomes
                .iter()
                .any(|(_, o)| matches!(o, Outcome::Refused { .. })),
            "{must} is refused somewhere"
        );
    }
    assert!(refusals > 100, "the refusals were tried: {refusals}");
    failures.assert_none("reading back what was typed");
}

/// The rule the core documents: trimmed, and nothing else changed. Checked apart from
/// the fixture so that a change of the rule is seen as one.
#[test]
fn text_is_trimmed_of_white_space_and_otherwise_not_normalised() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_store(dir.path(), "cases.sqlite");
    let corpus = corpus();
    let text = |name: &str| corpus.iter().find(|h| h.name == name).unwrap().text.clone();
    let mut case = NewCase {
        patient: NewPatient {
            family_name: text("nfd-accents"),
            given_name: text("ideographic-space-padded"),
            family_name_kana: Some(text("bom-leading")),
            given_name_kana: Some(text("zero-width-only")),
            ..Default::default()
        },
        case: NewCaseDetails {
            direction: "ca-to-jp".into(),
            specialty: "oncology".into(),
            treatment: Some(text("crlf-lines")),
            physician: Some(text("csv-tab-prefixed")),
            ..Default::default()
        },
    };
    let reference = store.create_case(&case).unwrap().0;
    let p = store.case_detail(&reference).unwrap();
    assert_eq!(
        p.patient.family_name, "Cafe\u{301} e\u{301}le\u{300}ve Co\u{302}te\u{301}",
        "no NFC"
    );
    assert_eq!(
        p.patient.given_name, "全角スペース",
        "U+3000 is white space"
    );
    assert_eq!(
        p.patient.family_name_kana.as_deref(),
        Some("\u{feff}starts with a byte-order mark"),
        "a BOM is not white space"
    );
    assert_eq!(
        p.patient.given_name_kana.as_deref(),
        Some("\u{200b}\u{200b}"),
        "nor is a zero-width space"
    );
    assert_eq!(
        p.treatment.as_deref(),
        Some("line one\r\nline two\r\n\r\nline four"),
        "CR LF kept"
    );
    assert_eq!(
        p.physician.as_deref(),
        Some("=1+1"),
        "the tab before a formula is trimmed"
    );
    case.patient.family_name = text("whitespace-only");
    let e = store.create_case(&case).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("error-required", Some(Field::FamilyName))
    );
}

#[test]
fn search_finds_each_string_and_no_string_breaks_a_query() {
    let f = fixture();
    let mut failures = Failures::default();
    let mut searched = 0;
    for p in &f.placed {
        // Every string as typed into the search box, NUL and white space included.
        for (what, result) in [
            ("search", f.store.search(&p.text, 50).map(drop)),
            (
                "list_patients",
                f.store
                    .list_patients(&PatientQuery {
                        query: Some(p.text.clone()),
                        ..Default::default()
                    })
                    .map(drop),
            ),
        ] {
            failures.check(result.is_ok(), || {
                format!("{} as a query to {what}: {:?}", p.name, result.unwrap_err())
            });
        }
        let Some(kept) = p.kept() else { continue };
        if !asks_something(kept) {
            continue;
        }
        searched += 1;
        let hits = f.store.search(kept, 500).unwrap_or_default();
        failures.check(hits.iter().any(|h| h.reference.0 == p.reference), || {
            format!(
                "{}: searching for {} does not find its case ({} hits)",
                p.name,
                shown(kept),
                hits.len()
            )
        });
    }
    assert!(searched > 60, "most strings are searched for: {searched}");
    failures.assert_none("in search");
}

/// Whether search can be expected to find `text` in a case holding it: it has a term of
/// three characters or more, or a short term of letters, digits or Japanese script
/// (`crates/core/src/search.rs` drops short terms of punctuation alone).
fn asks_something(text: &str) -> bool {
    normalize(text)
        .split_whitespace()
        .any(|term| term.chars().count() >= 3 || term.chars().any(char::is_alphanumeric))
}

fn options(format: ExportFormat, lang: Lang, second: Option<Lang>) -> ExportOptions {
    ExportOptions {
        format,
        lang,
        second,
        recipient: Recipient::Coordinator,
    }
}

#[test]
fn json_export_then_import_into_another_database_gives_back_every_string() {
    let f = fixture();
    let l10n = Localizer::new(false);
    let mut other = open_store(f.dir.path(), "other.sqlite");
    let mut failures = Failures::default();
    for p in &f.placed {
        let mut record = f
            .store
            .export_case(&p.reference, Recipient::Coordinator)
            .unwrap();
        record.exported_at = now();
        let bytes = options(ExportFormat::Json, Lang::En, None)
            .render(&record, &l10n, now())
            .unwrap();
        let parsed: CaseRecord = match serde_json::from_slice(&bytes) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{}: the JSON export does not parse: {e}", p.name));
                continue;
            }
        };
        failures.check(parsed == record, || {
            format!("{}: the JSON export reads back differently", p.name)
        });
        if let Some(kept) = p.kept() {
            failures.check(
                parsed.notes.first().map(|n| n.body.as_str()) == Some(kept),
                || format!("{}: the note is not in the JSON as typed", p.name),
            );
        }
        match other.import_case(&parsed) {
            Err(e) => failures.push(format!("{}: import refused: {e}", p.name)),
            Ok(reference) => {
                failures.check(reference.0 == p.reference, || {
                    format!("{}: imported as {reference}", p.name)
                });
                let mut back = other
                    .export_case(&reference.0, Recipient::Coordinator)
                    .unwrap();
                back.exported_at = now();
                failures.check(back == record, || {
                    format!(
                        "{}: the imported case differs from the exported one",
                        p.name
                    )
                });
            }
        }
    }
    failures.assert_none("through JSON export and import");
}

fn entries<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

#[test]
fn fhir_bundle_parses_and_carries_every_string_verbatim_in_its_element() {
    let f = fixture();
    let l10n = Localizer::new(false);
    let mut failures = Failures::default();
    for p in &f.placed {
        let record = f
            .store
            .export_case(&p.reference, Recipient::Coordinator)
            .unwrap();
        let bytes = options(ExportFormat::Fhir, Lang::En, None)
            .render(&record, &l10n, now())
            .unwrap();
        let bundle: Value = match serde_json::from_slice(&bytes) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: the FHIR bundle does not parse: {e}", p.name));
                continue;
            }
        };
        let mut expect = |what: &str, got: Option<&str>, want: Option<String>| {
            failures.check(got == want.as_deref(), || {
                format!(
                    "{}: FHIR {what} is {}, expected {}",
                    p.name,
                    shown_opt(got),
                    shown_opt(want.as_deref())
                )
            });
        };
        let patient = entries(&bundle, "Patient")[0];
        let name = &patient["name"][0];
        expect(
            "Patient.name.family",
            name["family"].as_str(),
            p.expected(Slot::FamilyName),
        );
        expect(
            "Patient.name.given",
            name["given"][0].as_str(),
            p.expected(Slot::GivenName),
        );
        // The reading is the JP Core syllabic name (SYL), written in katakana. Only a
        // reading in kana is compared: wana_kana also turns romaji and punctuation
        // into katakana, which the report of this test describes.
        let kana = [Slot::FamilyNameKana, Slot::GivenNameKana].map(|s| p.expected(s));
        if kana.iter().any(Option::is_some) {
            let reading = &patient["name"][1];
            check_reading(&mut expect, reading, &kana);
        }
        let telecom = |system: &str| {
            patient["telecom"]
                .as_array()
                .and_then(|t| t.iter().find(|c| c["system"] == system))
                .and_then(|c| c["value"].as_str())
        };
        expect(
            "Patient.telecom phone",
            telecom("phone"),
            p.expected(Slot::Phone),
        );
        expect(
            "Patient.telecom email",
            telecom("email"),
            p.expected(Slot::Email),
        );
        expect(
            "Patient.identifier passport",
            patient["identifier"][0]["value"].as_str(),
            p.expected(Slot::PassportNumber),
        );
        expect(
            "Patient.address.state",
            patient["address"][0]["state"].as_str(),
            p.expected(Slot::HomeRegion),
        );
        let org = entries(&bundle, "Organization")[0];
        expect(
            "Organization.name",
            org["name"].as_str(),
            p.expected(Slot::NameEn),
        );
        expect(
            "Organization.address.city",
            org["address"][0]["city"].as_str(),
            p.expected(Slot::City),
        );
        expect(
            "Organization.telecom",
            org["telecom"][0]["value"].as_str(),
            p.expected(Slot::DeskContact),
        );
        let aliases: Vec<&str> = org["alias"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for slot in [Slot::NameFr, Slot::NameJa] {
            let alias = p
                .expected(slot)
                .filter(|n| Some(n) != p.expected(Slot::NameEn).as_ref());
            if let Some(alias) = alias {
                failures.check(aliases.contains(&alias.as_str()), || {
                    format!("{}: {slot:?} is not an Organization.alias", p.name)
                });
            }
        }
        let suffix = |v: Option<String>| v.map(|v| format!(" — {v}"));
        let appointment = entries(&bundle, "Appointment");
        if let Some(title) = suffix(p.expected(Slot::EventTitle)) {
            let description = appointment.first().and_then(|a| a["description"].as_str());
            failures.check(description.is_some_and(|d| d.ends_with(&title)), || {
                format!(
                    "{}: Appointment.description {} lacks the title",
                    p.name,
                    shown_opt(description)
                )
            });
        }
        if let Some(note) = suffix(p.expected(Slot::DocumentNote)) {
            let description = entries(&bundle, "DocumentReference")[0]["description"].as_str();
            failures.check(description.is_some_and(|d| d.ends_with(&note)), || {
                format!(
                    "{}: DocumentReference.description {} lacks the note",
                    p.name,
                    shown_opt(description)
                )
            });
        }
    }
    failures.assert_none("in the FHIR bundle");
}

/// Checks the syllabic name against readings written in kana; any other reading must
/// at least be there as a name.
fn check_reading(
    expect: &mut impl FnMut(&str, Option<&str>, Option<String>),
    reading: &Value,
    kana: &[Option<String>; 2],
) {
    let all_kana = |v: &str| {
        v.chars()
            .all(|c| c == ' ' || c == '\u{30fc}' || ('\u{3041}'..='\u{30fa}').contains(&c))
    };
    let parts = [
        ("reading family", reading["family"].as_str()),
        ("reading given", reading["given"][0].as_str()),
    ];
    for ((what, got), v) in parts.into_iter().zip(kana) {
        let v = v.as_deref().unwrap_or("");
        if all_kana(v) {
            expect(what, got, Some(v.to_katakana()));
        } else {
            expect(what, got.map(|_| v), Some(v.to_owned()));
        }
    }
}

/// What a spreadsheet cell must hold: the text, behind an apostrophe when a spreadsheet
/// would read it as a formula (`crates/export/src/csv_list.rs`).
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[test]
fn csv_list_reads_back_verbatim_with_formulas_made_inert() {
    let f = fixture();
    let l10n = Localizer::new(false);
    let cases = f.store.list_all(&CaseListQuery::default()).unwrap();
    assert_eq!(cases.len(), f.placed.len());
    let bytes = kakehashi_export::csv_list::case_list(&cases, &l10n, Lang::En).unwrap();
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM");
    let mut reader = csv::Reader::from_reader(body);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("the CSV parses");
    assert_eq!(
        rows.len(),
        f.placed.len(),
        "one row per case, none split or lost"
    );
    let mut failures = Failures::default();
    let mut formulas = 0;
    for p in &f.placed {
        let Some(row) = rows.iter().find(|r| &r[0] == p.reference.as_str()) else {
            failures.push(format!("{}: no row for {}", p.name, p.reference));
            continue;
        };
        let summary = cases.iter().find(|c| c.reference.0 == p.reference).unwrap();
        let family = p.expected(Slot::FamilyName).unwrap();
        let given = p.expected(Slot::GivenName).unwrap();
        let reading = [Slot::FamilyNameKana, Slot::GivenNameKana]
            .map(|s| p.expected(s))
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let cells = [
            (
                1,
                "patient",
                display_name(&family, &given, summary.name_order, Lang::En),
            ),
            (2, "family name", family),
            (3, "given name", given),
            (4, "reading", reading),
            (9, "provider", p.expected(Slot::NameEn).unwrap()),
        ];
        for (column, what, text) in cells {
            let want = inert(&text);
            formulas += usize::from(want != text);
            failures.check(row[column] == want, || {
                format!(
                    "{}: CSV {what} is {}, expected {}",
                    p.name,
                    shown(&row[column]),
                    shown(&want)
                )
            });
        }
    }
    assert!(formulas >= 10, "formula cells were met: {formulas}");
    failures.assert_none("in the CSV list");
}

/// Strings whose every character poppler gives back as typed: markup, SQL, template
/// syntax and CJK, without emoji, controls or combining marks.
const PDF_TEXT: &[&str] = &[
    "html-script",
    "html-img-onerror",
    "html-entities",
    "html-attribute-breakout",
    "svelte-html",
    "svelte-blocks",
    "fluent-placeable",
    "fluent-message-ref",
    "typst-eval",
    "typst-read-import",
    "typst-markup",
    "typst-brackets",
    "backslashes",
    "sql-drop-table",
    "sql-union",
    "sql-attach",
    "fts-operators",
    "like-wildcards",
    "csv-equals",
    "csv-at",
    "path-traversal",
    "format-strings",
    "json-breaking",
    "japanese-sama",
    "astral-cjk",
    "full-width-latin",
    "apostrophes-names",
    "word-null",
];

/// Lines wrap where the layout chose: text is compared with white space collapsed.
#[test]
fn pdf_lays_out_every_string_and_poppler_reads_it_back_as_text() {
    let f = fixture();
    let l10n = Localizer::new(false);
    let mut failures = Failures::default();
    for p in &f.placed {
        let record = f
            .store
            .export_case(&p.reference, Recipient::Coordinator)
            .unwrap();
        let bytes = match options(ExportFormat::Pdf, Lang::En, Some(Lang::Ja)).render(
            &record,
            &l10n,
            now(),
        ) {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!("{}: no PDF: {e}", p.name));
                continue;
            }
        };
        failures.check(bytes.starts_with(b"%PDF-"), || {
            format!("{}: not a PDF", p.name)
        });
        if !PDF_TEXT.contains(&p.name.as_str()) {
            continue;
        }
        let path = f.dir.path().join(format!("{}.pdf", p.name));
        std::fs::write(&path, &bytes).unwrap();
        let text = pdftotext(&path);
        let treatment = collapse(&p.expected(Slot::Treatment).expect("a plain string is kept"));
        failures.check(text.contains(&treatment), || {
            format!(
                "{}: the PDF text lacks {}: {}",
                p.name,
                shown(&treatment),
                shown(&text)
            )
        });
        failures.check(!text.contains("root:x:0:0"), || {
            format!("{}: a file was read into the PDF", p.name)
        });
    }
    for name in PDF_TEXT {
        assert!(
            f.placed.iter().any(|p| p.name == *name),
            "{name} is in the corpus"
        );
    }
    failures.assert_none("in the PDF");
}
