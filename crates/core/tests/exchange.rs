//! The JSON exchange format: a case out and back in loses nothing, the published
//! schema describes what is written, recipients see only their part, and a bad file
//! changes nothing.

mod common;

use std::path::Path;

use common::*;
use kakehashi_core::exchange::{CaseRecord, FORMAT, json_schema};
use kakehashi_core::{
    CostsInput, DocumentInput, Error, EventInput, Field, NoteInput, Recipient, TaskInput,
};

const SCHEMA_FILE: &str = "../../docs/schemas/case.schema.json";

/// A case with something in every section: Japanese names with readings, an event in
/// Tokyo, a document, a task, a note, costs, a provider.
fn full_case(store: &mut kakehashi_core::Store) -> String {
    let providers = store.providers().unwrap();
    let tokyo = providers
        .iter()
        .find(|p| p.summary.time_zone == "Asia/Tokyo");
    let mut input = takahashi();
    input.case.direction = "ca-to-jp".into();
    input.case.provider_id = tokyo.map(|p| p.summary.id);
    input.patient.given_name = "𠮷郎".into();
    input.patient.passport_number = Some("TZ1234567".into());
    input.patient.insurance = Some("Sun Life 4455".into());
    input.patient.phone = Some("+1 416 555 0100".into());
    input.patient.dietary_notes = Some("No pork".into());
    input.case.expected_stay_days = Some(120);
    let r = store.create_case(&input).unwrap();
    let r = r.as_str().to_owned();
    store
        .add_event(
            &r,
            &EventInput {
                kind: "procedure".into(),
                starts_local: "2026-12-01T09:00".into(),
                ends_local: Some("2026-12-01T11:30".into()),
                zone: "Asia/Tokyo".into(),
                title: Some("陽子線治療".into()),
            },
        )
        .unwrap();
    let doc = store.case_detail(&r).unwrap().documents[0].id;
    store
        .set_document(
            &r,
            doc,
            &DocumentInput {
                state: "verified".into(),
                note: Some("Valid to 2031".into()),
            },
        )
        .unwrap();
    store
        .add_task(
            &r,
            &TaskInput {
                title: "Book interpreter".into(),
                due_on: Some("2026-11-20".into()),
            },
        )
        .unwrap();
    store
        .add_note(
            &r,
            &NoteInput {
                channel: "email".into(),
                body: "Internal: family prefers mornings".into(),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .update_costs(
            &r,
            &CostsInput {
                currency: "JPY".into(),
                estimate: Some("3200000".into()),
                deposit: Some("500000".into()),
            },
        )
        .unwrap();
    r
}

fn without_time(mut r: CaseRecord) -> CaseRecord {
    r.exported_at = chrono::DateTime::UNIX_EPOCH;
    r
}

#[test]
fn a_case_exported_and_imported_elsewhere_comes_back_the_same() {
    let (_a, mut one) = demo_store(3);
    let r = full_case(&mut one);
    let out = one.export_case(&r, Recipient::Coordinator).unwrap();
    let text = serde_json::to_string_pretty(&out).unwrap();

    let (_b, mut two) = store();
    let parsed: CaseRecord = serde_json::from_str(&text).unwrap();
    let imported = two.import_case(&parsed).unwrap();
    assert_eq!(imported.as_str(), r, "the reference travels with the case");
    let back = two.export_case(&r, Recipient::Coordinator).unwrap();
    assert_eq!(without_time(back), without_time(out.clone()));
    assert!(two.check().is_ok());
    // Its number is never handed out again in the new database.
    let next = two
        .create_case(&new_case("Côté", "Élodie", "ca-to-jp"))
        .unwrap();
    assert_ne!(next.as_str(), r);
    // And it is found like any other case.
    assert_eq!(two.search("𠮷郎", 5).unwrap()[0].reference.as_str(), r);
    // Importing it twice is refused and changes nothing.
    assert!(matches!(
        two.import_case(&parsed),
        Err(Error::ReferenceTaken { .. })
    ));
    assert_eq!(count(&two, "cases"), 2);
}

#[test]
fn the_published_schema_is_current_and_describes_every_export() {
    let schema = json_schema();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_FILE);
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("KAKEHASHI_WRITE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == text,
        "docs/schemas/case.schema.json is stale: run KAKEHASHI_WRITE_SCHEMA=1 cargo test -p kakehashi-core --test exchange"
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    let (_d, mut store) = demo_store(3);
    let r = full_case(&mut store);
    for recipient in [Recipient::Coordinator, Recipient::Interpreter] {
        let value = serde_json::to_value(store.export_case(&r, recipient).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    let mut wrong =
        serde_json::to_value(store.export_case(&r, Recipient::Coordinator).unwrap()).unwrap();
    wrong["case"]["status"] = "lost".into();
    assert!(!validator.is_valid(&wrong), "the schema knows the statuses");
}

#[test]
fn each_recipient_sees_only_their_part() {
    let (_d, mut store) = demo_store(3);
    let r = full_case(&mut store);
    let full = store.export_case(&r, Recipient::Coordinator).unwrap();
    assert!(!full.notes.is_empty() && !full.tasks.is_empty());
    assert!(full.patient.passport_number.is_some() && full.case.estimated_cost.is_some());

    let interpreter = store.export_case(&r, Recipient::Interpreter).unwrap();
    assert_eq!(interpreter.patient.passport_number, None);
    assert_eq!(interpreter.patient.insurance, None);
    assert_eq!(interpreter.patient.phone, None);
    assert_eq!(interpreter.case.estimated_cost, None);
    assert!(interpreter.notes.is_empty() && interpreter.tasks.is_empty());
    assert_eq!(
        interpreter.timeline, full.timeline,
        "the appointments are the point"
    );

    let patient = store.export_case(&r, Recipient::Patient).unwrap();
    assert!(
        patient.notes.is_empty(),
        "no internal notes for the patient"
    );
    assert_eq!(
        patient.patient.passport_number,
        full.patient.passport_number
    );

    let insurer = store.export_case(&r, Recipient::Insurer).unwrap();
    assert_eq!(insurer.patient.insurance, full.patient.insurance);
    assert_eq!(insurer.patient.passport_number, None);
    assert_eq!(insurer.patient.dietary_notes, None);
    assert_eq!(insurer.case.estimated_cost, full.case.estimated_cost);

    let text = serde_json::to_string(&interpreter).unwrap();
    for secret in ["TZ1234567", "Sun Life", "Internal:", "+1 416", "3200000"] {
        assert!(!text.contains(secret), "{secret} reached the interpreter");
    }
}

#[test]
fn a_bad_file_is_refused_naming_the_field_and_writes_nothing() {
    let (_d, mut source) = demo_store(3);
    let r = full_case(&mut source);
    let good = source.export_case(&r, Recipient::Coordinator).unwrap();
    let (_e, mut other) = common::store();

    let mut bad_zone = good.clone();
    bad_zone.timeline.last_mut().unwrap().zone = "Mars/Olympus".into();
    let mut bad_name = good.clone();
    bad_name.patient.family_name = " ".into();
    let mut bad_format = good.clone();
    bad_format.format = "something-else/9".into();
    let mut bad_reference = good.clone();
    bad_reference.reference = kakehashi_core::CaseRef("'); DROP TABLE cases; --".into());
    let mut future_birth = good.clone();
    future_birth.patient.birth_date = chrono::NaiveDate::from_ymd_opt(2999, 1, 1);
    for (record, field) in [
        (bad_zone, Field::EventZone),
        (bad_name, Field::FamilyName),
        (bad_format, Field::Format),
        (bad_reference, Field::Reference),
        (future_birth, Field::BirthDate),
    ] {
        assert_eq!(other.import_case(&record).unwrap_err().field(), Some(field));
    }
    assert_eq!(count(&other, "cases"), 0);
    assert_eq!(count(&other, "patients"), 0);

    let mut text = serde_json::to_value(&good).unwrap();
    text["patient"]["favourite_colour"] = "blue".into();
    assert!(
        serde_json::from_value::<CaseRecord>(text).is_err(),
        "unknown fields are refused"
    );
    assert_eq!(good.format, FORMAT);
}
