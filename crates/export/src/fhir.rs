//! A case as a FHIR R4 `collection` Bundle, for a hospital system to take in:
//! Patient, Organization (the provider), EpisodeOfCare (the case), an Appointment per
//! timeline event and a DocumentReference per checklist item.
//!
//! Japanese names follow JP Core: the written name and its reading as two HumanNames,
//! marked with the iso21090 `EN-representation` extension (IDE and SYL), the reading
//! in katakana.

use chrono::{DateTime, SecondsFormat, Utc};
use kakehashi_core::documents::DocumentState;
use kakehashi_core::exchange::CaseRecord;
use kakehashi_core::patient::looks_japanese;
use kakehashi_core::recipient::Part;
use kakehashi_core::timeline::EventKind;
use kakehashi_core::{CaseStatus, Lang, Localizer, Sex};
use serde_json::{Value, json};
use uuid::Uuid;
use wana_kana::{ConvertJapanese, IsJapaneseStr};

pub const REPRESENTATION: &str =
    "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";
/// The system of Kakehashi's case references.
pub const CASE_SYSTEM: &str = "urn:kakehashi:case-reference";

/// Stable ids for the entries: the same case gives the same bundle.
fn urn(reference: &str, part: &str) -> String {
    let id = Uuid::new_v5(
        &Uuid::NAMESPACE_URL,
        format!("kakehashi:{reference}:{part}").as_bytes(),
    );
    format!("urn:uuid:{id}")
}

/// An instant as FHIR writes it, with the offset of the zone it happens in.
fn instant_in(at: DateTime<Utc>, zone: &str) -> String {
    let tz: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::Tz::UTC);
    at.with_timezone(&tz)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn names(r: &CaseRecord) -> Vec<Value> {
    let p = &r.patient;
    let written = |family: &str, given: &str, code: Option<&str>| {
        let mut name = json!({
            "use": "official",
            "text": format!("{family} {given}").trim().to_owned(),
            "family": family,
            "given": [given],
        });
        if let Some(code) = code {
            name["extension"] = json!([{ "url": REPRESENTATION, "valueCode": code }]);
        }
        name
    };
    let japanese = looks_japanese(&p.family_name) || looks_japanese(&p.given_name);
    let reading = p.family_name_kana.is_some() || p.given_name_kana.is_some();
    if !japanese && !reading {
        return vec![written(&p.family_name, &p.given_name, None)];
    }
    let mut out = vec![written(&p.family_name, &p.given_name, Some("IDE"))];
    if reading {
        // JP Core writes readings in katakana; a reading typed in hiragana is converted,
        // anything else (romaji, stray text) is passed on as typed, never transliterated.
        let kana = |v: &Option<String>| {
            v.as_deref()
                .map(|t| {
                    // Spaces and the combining (han)dakuten of decomposed text are part of a reading.
                    let bare: String = t
                        .chars()
                        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{3099}' | '\u{309A}'))
                        .collect();
                    if bare.as_str().is_kana() {
                        t.to_katakana()
                    } else {
                        t.to_owned()
                    }
                })
                .unwrap_or_default()
        };
        out.push(written(
            &kana(&p.family_name_kana),
            &kana(&p.given_name_kana),
            Some("SYL"),
        ));
    }
    out
}

fn patient(r: &CaseRecord) -> Value {
    let p = &r.patient;
    let mut v = json!({
        "resourceType": "Patient",
        "name": names(r),
    });
    if let Some(sex) = p.sex {
        v["gender"] = json!(match sex {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Other => "other",
            Sex::Unspecified => "unknown",
        });
    }
    if let Some(b) = p.birth_date {
        v["birthDate"] = json!(b.to_string());
    }
    let telecom: Vec<Value> = [("phone", &p.phone), ("email", &p.email)]
        .into_iter()
        .filter_map(|(system, value)| {
            value
                .as_ref()
                .map(|v| json!({ "system": system, "value": v }))
        })
        .collect();
    if !telecom.is_empty() {
        v["telecom"] = json!(telecom);
    }
    let languages: Vec<Value> = [
        (p.preferred_language, true),
        (p.interpreter_language, false),
    ]
    .into_iter()
    .filter_map(|(l, preferred)| {
        l.map(|l| {
            json!({
                "language": { "coding": [{ "system": "urn:ietf:bcp:47", "code": l.id() }] },
                "preferred": preferred,
            })
        })
    })
    .collect();
    if !languages.is_empty() {
        v["communication"] = json!(languages);
    }
    if let Some(number) = p
        .passport_number
        .as_ref()
        .filter(|_| r.recipient.sees(Part::Passport))
    {
        v["identifier"] = json!([{
            "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PPN" }] },
            "value": number,
        }]);
    }
    if let Some(country) = &p.nationality {
        v["address"] = json!([{ "country": country, "state": p.home_region }]);
        if p.home_region.is_none() {
            v["address"][0]
                .as_object_mut()
                .expect("an object")
                .remove("state");
        }
    }
    v
}

fn organization(r: &CaseRecord, lang: Lang) -> Option<Value> {
    let v = r.provider.as_ref()?;
    let name = v.name(lang);
    let aliases: Vec<&String> = [&v.name_en, &v.name_fr, &v.name_ja]
        .into_iter()
        .filter(|n| n.as_str() != name)
        .collect();
    let mut org = json!({
        "resourceType": "Organization",
        "active": true,
        "name": name,
        "address": [{ "city": v.city, "country": <&str>::from(v.country) }],
    });
    if !aliases.is_empty() {
        org["alias"] = json!(aliases);
    }
    if let Some(contact) = &v.desk_contact {
        let system = if contact.contains('@') {
            "email"
        } else {
            "phone"
        };
        org["telecom"] = json!([{ "system": system, "value": contact }]);
    }
    Some(org)
}

fn episode_status(s: CaseStatus) -> &'static str {
    use CaseStatus::*;
    match s {
        Inquiry | RecordsReview | Quoted | Confirmed | TravelBooked => "planned",
        InTreatment | Recovering | ReturnedHome | FollowUp => "active",
        OnHold => "onhold",
        Closed => "finished",
        Cancelled => "cancelled",
    }
}

/// The bundle for `record`, with labels in `lang`, as of `now`.
pub fn bundle(record: &CaseRecord, l10n: &Localizer, lang: Lang, now: DateTime<Utc>) -> Value {
    let r = record;
    let t = |id: String| l10n.format(lang, &id, &[]);
    let reference = r.reference.as_str();
    let patient_url = urn(reference, "patient");
    let org_url = urn(reference, "organization");
    let episode_url = urn(reference, "episode");
    let mut entries = vec![json!({ "fullUrl": patient_url, "resource": patient(r) })];
    let org = organization(r, lang);
    if let Some(org) = org.clone() {
        entries.push(json!({ "fullUrl": org_url, "resource": org }));
    }
    let mut episode = json!({
        "resourceType": "EpisodeOfCare",
        "identifier": [{ "system": CASE_SYSTEM, "value": reference }],
        "status": episode_status(r.case.status),
        "type": [{ "text": t(format!("specialty-{}", <&str>::from(r.case.specialty))) }],
        "patient": { "reference": patient_url },
        "period": { "start": r.case.opened_on.to_string() },
    });
    if org.is_some() {
        episode["managingOrganization"] = json!({ "reference": org_url });
    }
    entries.push(json!({ "fullUrl": episode_url, "resource": episode }));

    for (i, e) in r.timeline.iter().enumerate() {
        if e.kind == EventKind::StatusChange {
            continue;
        }
        // A point in time (a flight's departure) ends when it starts: R4 wants both.
        let end = e.ends_at.unwrap_or(e.starts_at);
        let status = if r.case.status == CaseStatus::Cancelled {
            "cancelled"
        } else if end < now {
            "fulfilled"
        } else {
            "booked"
        };
        let kind = t(format!("event-{}", <&str>::from(e.kind)));
        let description = match &e.title {
            Some(title) => format!("{kind} — {title}"),
            None => kind,
        };
        entries.push(json!({
            "fullUrl": urn(reference, &format!("event-{i}")),
            "resource": {
                "resourceType": "Appointment",
                "status": status,
                "description": description,
                "start": instant_in(e.starts_at, &e.zone),
                "end": instant_in(end, &e.zone),
                "supportingInformation": [{ "reference": episode_url }],
                "participant": [{ "actor": { "reference": patient_url }, "status": "accepted" }],
            },
        }));
    }
    for (i, d) in r.documents.iter().enumerate() {
        let label = t(format!("document-{}", <&str>::from(d.kind)));
        let state = t(format!("document-state-{}", <&str>::from(d.state)));
        let mut doc = json!({
            "resourceType": "DocumentReference",
            "status": "current",
            "type": { "text": label },
            "description": match &d.note {
                Some(note) => format!("{state} — {note}"),
                None => state,
            },
            "subject": { "reference": patient_url },
            "content": [{ "attachment": { "title": label } }],
        });
        match d.state {
            DocumentState::Verified => doc["docStatus"] = json!("final"),
            DocumentState::Received => doc["docStatus"] = json!("preliminary"),
            _ => {}
        }
        entries
            .push(json!({ "fullUrl": urn(reference, &format!("document-{i}")), "resource": doc }));
    }
    json!({
        "resourceType": "Bundle",
        "identifier": { "system": CASE_SYSTEM, "value": reference },
        "type": "collection",
        "timestamp": r.exported_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        "entry": entries,
    })
}
