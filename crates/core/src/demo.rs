//! Deterministic demo data: realistic patients in three languages, fictional
//! providers on both sides of the Pacific, and cases in every status.
//!
//! The same seed and anchor date give the same database, byte for byte in content,
//! so tests and benchmarks can build their fixtures from it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc};
use rusqlite::{Connection, params};
use strum::IntoEnumIterator;

use crate::case::{Direction, Priority, Specialty};
use crate::documents::{DocumentKind, DocumentState, default_checklist};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::ids::{CaseRef, ProviderId};
use crate::money::Currency;
use crate::notes::NoteChannel;
use crate::patient::{NameOrder, Sex};
use crate::provider::{Country, Provider, ProviderSummary};
use crate::search::{SearchDocument, case_document};
use crate::status::CaseStatus;
use crate::store::harden::quote_ident;
use crate::store::{Store, instant};
use crate::timeline::EventKind;

mod search_index;

#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub cases: u32,
    pub seed: u64,
    /// "Today" for the data: cases open before it, tasks fall due around it.
    pub anchor: NaiveDate,
    /// The coordinator's language: the demo's tasks and notes are written in it, as the
    /// coordinator would have typed them (`locales/*/demo.ftl`).
    pub language: Lang,
}

/// Family names with their readings; the variant and rare forms (髙, 﨑, 𠮷, 邊)
/// are the ones search and PDF fonts most often get wrong.
const JA_FAMILY: &[(&str, &str)] = &[
    ("高橋", "たかはし"),
    ("佐藤", "さとう"),
    ("鈴木", "すずき"),
    ("田中", "たなか"),
    ("伊藤", "いとう"),
    ("渡辺", "わたなべ"),
    ("山本", "やまもと"),
    ("中村", "なかむら"),
    ("小林", "こばやし"),
    ("加藤", "かとう"),
    ("吉田", "よしだ"),
    ("山田", "やまだ"),
    ("佐々木", "ささき"),
    ("松本", "まつもと"),
    ("井上", "いのうえ"),
    ("林", "はやし"),
    ("斎藤", "さいとう"),
    ("山﨑", "やまざき"),
    ("髙木", "たかぎ"),
    ("𠮷田", "よしだ"),
    ("渡邊", "わたなべ"),
    ("長谷川", "はせがわ"),
];
const JA_GIVEN: &[(&str, &str)] = &[
    ("健一", "けんいち"),
    ("美咲", "みさき"),
    ("翔太", "しょうた"),
    ("陽子", "ようこ"),
    ("大輔", "だいすけ"),
    ("恵子", "けいこ"),
    ("直樹", "なおき"),
    ("由美", "ゆみ"),
    ("誠", "まこと"),
    ("花子", "はなこ"),
    ("隆", "たかし"),
    ("愛", "あい"),
];
const EN_FAMILY: &[&str] = &[
    "Smith",
    "MacDonald",
    "Wilson",
    "Brown",
    "Campbell",
    "Chen",
    "Singh",
    "Patel",
    "Thompson",
    "Anderson",
    "O'Brien",
    "Nguyen",
];
const EN_GIVEN: &[&str] = &[
    "Emily", "James", "Olivia", "Liam", "Sarah", "Michael", "Ava", "Noah", "Grace", "Ethan",
];
const FR_FAMILY: &[&str] = &[
    "Côté",
    "Tremblay",
    "Gagnon",
    "Roy",
    "Bouchard",
    "Gauthier",
    "Lévesque",
    "Bélanger",
    "Pelletier",
    "Bérubé",
    "Ouellet",
    "Fortin",
];
const FR_GIVEN: &[&str] = &[
    "Élodie",
    "Jérôme",
    "Chloé",
    "François",
    "Geneviève",
    "Mathieu",
    "Maxime",
    "Hélène",
    "Anaïs",
    "Benoît",
];
const CA_REGIONS: &[&str] = &["ON", "QC", "BC", "AB", "MB", "NS"];
const JP_REGIONS: &[&str] = &[
    "東京都",
    "大阪府",
    "北海道",
    "福岡県",
    "愛知県",
    "宮城県",
    "京都府",
];

/// The notes a demo case may have: messages of `locales/*/demo.ftl`.
const NOTES: &[&str] = &[
    "demo-note-passport",
    "demo-note-imaging",
    "demo-note-companion",
    "demo-note-diet",
];

/// The tasks a demo case may have: messages of `locales/*/demo.ftl`.
const TASKS: &[&str] = &[
    "demo-task-send-referral",
    "demo-task-book-flights",
    "demo-task-confirm-interpreter",
    "demo-task-request-translation",
    "demo-task-collect-deposit",
    "demo-task-follow-up-call",
];

struct ProviderSeed {
    en: &'static str,
    fr: &'static str,
    ja: &'static str,
    country: Country,
    city: &'static str,
    zone: &'static str,
    specialties: &'static [Specialty],
    accreditations: &'static [&'static str],
}

const PROVIDERS: &[ProviderSeed] = &[
    ProviderSeed {
        en: "Kanto International Proton Centre",
        fr: "Centre international de protonthérapie du Kantō",
        ja: "関東国際陽子線センター",
        country: Country::Jp,
        city: "千葉",
        zone: "Asia/Tokyo",
        specialties: &[Specialty::ProtonTherapy, Specialty::Oncology],
        accreditations: &["JMIP"],
    },
    ProviderSeed {
        en: "Osaka Bay Heart Institute",
        fr: "Institut cardiaque de la baie d'Osaka",
        ja: "大阪ベイ心臓研究所",
        country: Country::Jp,
        city: "大阪",
        zone: "Asia/Tokyo",
        specialties: &[Specialty::CardiacSurgery],
        accreditations: &["JCI", "JMIP"],
    },
    ProviderSeed {
        en: "Kyoto Regenerative Medicine Clinic",
        fr: "Clinique de médecine régénérative de Kyoto",
        ja: "京都再生医療クリニック",
        country: Country::Jp,
        city: "京都",
        zone: "Asia/Tokyo",
        specialties: &[Specialty::RegenerativeMedicine, Specialty::Orthopaedics],
        accreditations: &["JMIP"],
    },
    ProviderSeed {
        en: "Tokyo Harbour Health Screening Centre",
        fr: "Centre de dépistage du port de Tokyo",
        ja: "東京ハーバー健診センター",
        country: Country::Jp,
        city: "東京",
        zone: "Asia/Tokyo",
        specialties: &[Specialty::HealthScreening],
        accreditations: &["JMIP"],
    },
    ProviderSeed {
        en: "Gunma Heavy Ion Hospital",
        fr: "Hôpital d'ions lourds de Gunma",
        ja: "群馬重粒子線病院",
        country: Country::Jp,
        city: "前橋",
        zone: "Asia/Tokyo",
        specialties: &[Specialty::HeavyIonTherapy, Specialty::Oncology],
        accreditations: &["JCI"],
    },
    ProviderSeed {
        en: "Sapporo Neurosurgical Hospital",
        fr: "Hôpital de neurochirurgie de Sapporo",
        ja: "札幌脳神経外科病院",
        country: Country::Jp,
        city: "札幌",
        zone: "Asia/Tokyo",
        specialties: &[Specialty::Neurosurgery, Specialty::Rehabilitation],
        accreditations: &["JMIP"],
    },
    ProviderSeed {
        en: "Lakeshore Cancer Centre",
        fr: "Centre de cancérologie Lakeshore",
        ja: "レイクショアがんセンター",
        country: Country::Ca,
        city: "Toronto",
        zone: "America/Toronto",
        specialties: &[Specialty::Oncology],
        accreditations: &["Accreditation Canada"],
    },
    ProviderSeed {
        en: "Pacific Rehabilitation Hospital",
        fr: "Hôpital de réadaptation du Pacifique",
        ja: "パシフィック・リハビリテーション病院",
        country: Country::Ca,
        city: "Vancouver",
        zone: "America/Vancouver",
        specialties: &[Specialty::Rehabilitation, Specialty::Orthopaedics],
        accreditations: &["Accreditation Canada"],
    },
    ProviderSeed {
        en: "Saint-Laurent Hospital",
        fr: "Hôpital Saint-Laurent",
        ja: "サン・ローラン病院",
        country: Country::Ca,
        city: "Montréal",
        zone: "America/Toronto",
        specialties: &[Specialty::CardiacSurgery, Specialty::Neurosurgery],
        accreditations: &["Accreditation Canada"],
    },
    ProviderSeed {
        en: "Rocky Mountain Fertility Clinic",
        fr: "Clinique de fertilité des Rocheuses",
        ja: "ロッキーマウンテン不妊クリニック",
        country: Country::Ca,
        city: "Calgary",
        zone: "America/Edmonton",
        specialties: &[Specialty::Fertility],
        accreditations: &["Accreditation Canada"],
    },
];

/// A stored provider as the generator needs it.
struct DemoProvider {
    id: ProviderId,
    country: Country,
    zone: String,
    specialties: Vec<Specialty>,
    names: [String; 3],
}

/// A route through the pipeline the core would have allowed, from inquiry to `target`.
fn demo_path(rng: &mut fastrand::Rng, target: CaseStatus) -> Vec<CaseStatus> {
    use CaseStatus::*;
    let upto = |last: CaseStatus| -> Vec<CaseStatus> {
        let end = last.stage().expect("pipeline status");
        CaseStatus::all()
            .filter(|s| s.stage().is_some_and(|i| i >= 1 && i <= end))
            .collect()
    };
    match target {
        OnHold | Cancelled => {
            let mut path = upto(*pick(rng, &[Inquiry, RecordsReview, Quoted, Confirmed]));
            path.push(target);
            path
        }
        // Not every patient needs follow-up: some close straight after returning home.
        Closed if rng.bool() => {
            let mut path = upto(ReturnedHome);
            path.push(Closed);
            path
        }
        _ => upto(target),
    }
}

/// Enough for any benchmark; more would only fill a disk by mistake.
pub const MAX_DEMO_CASES: u32 = 2_000_000;

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

struct DemoPatient {
    family: String,
    given: String,
    family_kana: Option<&'static str>,
    given_kana: Option<&'static str>,
    lang: Lang,
}

fn demo_patient(rng: &mut fastrand::Rng, lang: Lang) -> DemoPatient {
    match lang {
        Lang::Ja => {
            let (f, fk) = *pick(rng, JA_FAMILY);
            let (g, gk) = *pick(rng, JA_GIVEN);
            DemoPatient {
                family: f.into(),
                given: g.into(),
                family_kana: Some(fk),
                given_kana: Some(gk),
                lang,
            }
        }
        Lang::Fr => DemoPatient {
            family: pick(rng, FR_FAMILY).to_string(),
            given: pick(rng, FR_GIVEN).to_string(),
            family_kana: None,
            given_kana: None,
            lang,
        },
        Lang::En => DemoPatient {
            family: pick(rng, EN_FAMILY).to_string(),
            given: pick(rng, EN_GIVEN).to_string(),
            family_kana: None,
            given_kana: None,
            lang,
        },
    }
}

/// How far along the checklist a case at this stage usually is.
fn document_state(rng: &mut fastrand::Rng, status: CaseStatus) -> DocumentState {
    let stage = status.stage().unwrap_or(2);
    match (stage, rng.u8(..10)) {
        (0, _) => DocumentState::Missing,
        (1..=2, 0..=4) => DocumentState::Requested,
        (1..=2, 5..=7) => DocumentState::Received,
        (1..=2, _) => DocumentState::Missing,
        (3..=4, 0..=1) => DocumentState::Received,
        (_, 9) => DocumentState::NotNeeded,
        _ => DocumentState::Verified,
    }
}

/// Cases sent at a time from the thread that makes them to the one that writes them.
const DEMO_BATCH: usize = 256;

/// A patient's row as the demo makes it: the person and the rest of the record.
struct DemoPatientRow {
    person: DemoPatient,
    name_order: NameOrder,
    birth: NaiveDate,
    sex: Sex,
    nationality: &'static str,
    region: &'static str,
    home_zone: &'static str,
    interpreter: Option<Lang>,
    email: Option<String>,
}

struct DemoEvent<'a> {
    kind: EventKind,
    starts_at: String,
    ends_at: Option<String>,
    zone: &'a str,
    title: Option<&'static str>,
    from: Option<CaseStatus>,
    to: Option<CaseStatus>,
}

/// One case and everything under it, without the row ids, which SQLite hands out
/// as the rows are written.
struct DemoCase<'a> {
    patient: DemoPatientRow,
    reference: CaseRef,
    direction: Direction,
    specialty: Specialty,
    provider_id: ProviderId,
    status: CaseStatus,
    priority: Priority,
    opened_on: NaiveDate,
    target: NaiveDate,
    companions: u32,
    estimate: i64,
    currency: Currency,
    deposit: Option<i64>,
    events: Vec<DemoEvent<'a>>,
    documents: Vec<(DocumentKind, DocumentState)>,
    tasks: Vec<(&'a str, NaiveDate, bool)>,
    notes: Vec<(String, NoteChannel, &'a str)>,
    search: SearchDocument,
}

/// Makes demo cases one after another from the seeded generator.
struct CaseMaker<'a> {
    providers: &'a [DemoProvider],
    anchor: NaiveDate,
    /// The last reference number handed out, per year.
    counters: HashMap<i32, i64>,
    statuses: Vec<CaseStatus>,
    channels: Vec<NoteChannel>,
    /// [`TASKS`] and [`NOTES`] in the coordinator's language.
    tasks: &'a [String],
    notes: &'a [String],
}

/// A date bound as the text rusqlite writes for a `NaiveDate` (`%F`), made without
/// chrono parsing a format string for each of the demo's 450,000 dates: that was 3 % of
/// the writing thread's time, which the whole demo waits for.
struct Day(NaiveDate);

impl rusqlite::ToSql for Day {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        let d = self.0;
        Ok(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()).into())
    }
}

/// The stored instant of `hour`:00 on `d` in `zone`.
fn demo_instant(d: NaiveDate, hour: u32, zone: &str) -> String {
    let tz: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::UTC);
    let local = d.and_hms_opt(hour, 0, 0).expect("valid time");
    let utc = tz
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc));
    instant(utc)
}

impl<'a> CaseMaker<'a> {
    // The generator is drawn from in a fixed order; changing the order here changes
    // every demo database, which tests and benchmarks build from their seed.
    fn case(&mut self, rng: &mut fastrand::Rng, opened_on: NaiveDate) -> DemoCase<'a> {
        // Japanese patients go to Canada; Canadians (English or French) go to Japan.
        let lang = *pick(rng, &[Lang::Ja, Lang::Ja, Lang::En, Lang::Fr]);
        let p = demo_patient(rng, lang);
        let (direction, nationality, region) = match lang {
            Lang::Ja => (Direction::JapanToCanada, "JP", *pick(rng, JP_REGIONS)),
            Lang::Fr => (
                Direction::CanadaToJapan,
                "CA",
                if rng.bool() { "QC" } else { "NB" },
            ),
            Lang::En => (Direction::CanadaToJapan, "CA", *pick(rng, CA_REGIONS)),
        };
        let home_zone = match (lang, region) {
            (Lang::Ja, _) => "Asia/Tokyo",
            (_, "BC") => "America/Vancouver",
            (_, "AB") => "America/Edmonton",
            (_, "MB") => "America/Winnipeg",
            (_, "NS" | "NB") => "America/Halifax",
            _ => "America/Toronto",
        };
        let want = if direction == Direction::JapanToCanada {
            Country::Ca
        } else {
            Country::Jp
        };
        let mut candidates: Vec<&'a DemoProvider> = self
            .providers
            .iter()
            .filter(|p| p.country == want)
            .collect();
        // A file's own providers may all be in one country: any will do for a demo.
        if candidates.is_empty() {
            candidates = self.providers.iter().collect();
        }
        let provider = *pick(rng, &candidates);
        let provider_zone = provider.zone.as_str();
        let specialty = if provider.specialties.is_empty() {
            Specialty::Other
        } else {
            *pick(rng, &provider.specialties)
        };
        let birth = NaiveDate::from_ymd_opt(1940 + rng.i32(0..60), rng.u32(1..13), rng.u32(1..29))
            .expect("valid date");
        let name_order = if lang == Lang::Ja {
            NameOrder::FamilyFirst
        } else {
            NameOrder::GivenFirst
        };
        let email = match lang {
            Lang::Ja => None,
            _ => Some(format!(
                "{}.{}@example.ca",
                normalize_ascii(&p.given),
                normalize_ascii(&p.family)
            )),
        };
        let sex = *pick(
            rng,
            &[
                Sex::Female,
                Sex::Male,
                Sex::Female,
                Sex::Male,
                Sex::Unspecified,
            ],
        );
        let interpreter = (lang != Lang::Ja && rng.u8(..3) == 0)
            .then_some(Lang::Ja)
            .or((lang == Lang::Ja).then_some(Lang::En));

        let year = opened_on.year();
        let seq = self.counters.entry(year).or_insert(0);
        *seq += 1;
        let reference = CaseRef::new(year, *seq);
        let status = *pick(rng, &self.statuses);
        let currency = if direction == Direction::CanadaToJapan {
            Currency::Jpy
        } else {
            Currency::Cad
        };
        let estimate = match currency {
            Currency::Jpy => rng.i64(50..600) * 100_000,
            Currency::Cad => rng.i64(200..1500) * 10_000,
        };
        let deposit = (status.stage().unwrap_or(0) >= 3).then_some(estimate / 5);
        let target = opened_on + Days::new(rng.u64(45..200));
        let priority = *pick(
            rng,
            &[
                Priority::Normal,
                Priority::Normal,
                Priority::Normal,
                Priority::High,
                Priority::Low,
                Priority::Urgent,
            ],
        );
        let companions = rng.u32(0..3);

        let event = |kind, starts_at, zone, title| DemoEvent {
            kind,
            starts_at,
            ends_at: None,
            zone,
            title,
            from: None,
            to: None,
        };
        let mut events = vec![
            DemoEvent {
                to: Some(CaseStatus::Inquiry),
                ..event(
                    EventKind::StatusChange,
                    demo_instant(opened_on, 9, home_zone),
                    "UTC",
                    None,
                )
            },
            event(
                EventKind::Consultation,
                demo_instant(opened_on + Days::new(10), rng.u32(8..17), provider_zone),
                provider_zone,
                None,
            ),
        ];
        let stage = status.stage().unwrap_or(3);
        if stage >= 4 {
            let fly = target - Days::new(3);
            events.push(event(
                EventKind::Flight,
                demo_instant(fly, rng.u32(10..20), home_zone),
                home_zone,
                Some(if direction == Direction::CanadaToJapan {
                    "YVR → HND"
                } else {
                    "NRT → YYZ"
                }),
            ));
            events.push(event(
                EventKind::Admission,
                demo_instant(target - Days::new(1), 10, provider_zone),
                provider_zone,
                None,
            ));
            events.push(DemoEvent {
                ends_at: Some(demo_instant(target, 12, provider_zone)),
                ..event(
                    EventKind::Procedure,
                    demo_instant(target, 9, provider_zone),
                    provider_zone,
                    None,
                )
            });
        }
        let mut from = CaseStatus::Inquiry;
        let mut changed = opened_on;
        for to in demo_path(rng, status) {
            debug_assert!(from.can_move_to(to), "{from:?} -> {to:?}");
            changed = (changed + Days::new(rng.u64(1..15))).min(self.anchor);
            events.push(DemoEvent {
                from: Some(from),
                to: Some(to),
                ..event(
                    EventKind::StatusChange,
                    demo_instant(changed, 15, home_zone),
                    "UTC",
                    None,
                )
            });
            from = to;
        }
        let documents = default_checklist(direction)
            .iter()
            .map(|kind| (*kind, document_state(rng, status)))
            .collect();
        let tasks = (0..rng.usize(1..3))
            .map(|_| {
                let due = self.anchor + Days::new(rng.u64(0..30)) - Days::new(rng.u64(0..20));
                let title = pick(rng, self.tasks).as_str();
                (title, due, !status.is_active() || rng.u8(..4) == 0)
            })
            .collect();
        let notes: Vec<(String, NoteChannel, &'a str)> = (0..rng.usize(0..3))
            .map(|_| {
                let body = pick(rng, self.notes).as_str();
                let written = demo_instant(
                    opened_on + Days::new(rng.u64(0..30)),
                    rng.u32(8..18),
                    home_zone,
                );
                (written, *pick(rng, &self.channels), body)
            })
            .collect();
        let bodies: Vec<&str> = notes.iter().map(|(_, _, body)| *body).collect();
        let names = &provider.names;
        let search = case_document(
            [
                Some(&p.family),
                Some(&p.given),
                p.family_kana,
                p.given_kana,
                Some(reference.as_str()),
                Some(&names[0]),
                Some(&names[1]),
                Some(&names[2]),
                None,
            ],
            &bodies,
        );
        DemoCase {
            patient: DemoPatientRow {
                person: p,
                name_order,
                birth,
                sex,
                nationality,
                region,
                home_zone,
                interpreter,
                email,
            },
            reference,
            direction,
            specialty,
            provider_id: provider.id,
            status,
            priority,
            opened_on,
            target,
            companions,
            estimate,
            currency,
            deposit,
            events,
            documents,
            tasks,
            notes,
            search,
        }
    }
}

/// The page cache while the demo is written, in KiB (SQLite's negative form), of the
/// store and of the search indexes' scratch file. One transaction writes hundreds of
/// megabytes; with SQLite's default 2 MiB cache each index page is read back from the
/// file again and again.
const DEMO_CACHE_KIB: i64 = -131_072;

/// The settings the demo changes, as they were before it.
struct ConnectionSettings {
    cache_size: i64,
    synchronous: i64,
    foreign_keys: bool,
    wal: bool,
}

impl ConnectionSettings {
    fn read(conn: &Connection) -> Result<ConnectionSettings> {
        let get =
            |name: &str| conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, i64>(0));
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        Ok(ConnectionSettings {
            cache_size: get("cache_size")?,
            synchronous: get("synchronous")?,
            foreign_keys: get("foreign_keys")? == 1,
            wal: mode == "wal",
        })
    }

    /// Puts every setting back, and reports the first that could not be. Outside a
    /// transaction: inside one SQLite would not switch foreign keys, and say nothing.
    fn restore(&self, conn: &Connection) -> Result<()> {
        let keys = conn.pragma_update(None, "foreign_keys", self.foreign_keys);
        let sync = conn.pragma_update(None, "synchronous", self.synchronous);
        let cache = conn.pragma_update(None, "cache_size", self.cache_size);
        if self.wal {
            back_to_wal(conn);
        }
        keys.and(sync).and(cache).map_err(Error::from)
    }
}

/// The settings for the demo's one bulk transaction.
fn demo_settings(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "cache_size", DEMO_CACHE_KIB)?;
    // In WAL the demo's hundreds of megabytes are written twice: into the log, then by
    // the checkpoint into the file. A rollback journal keeps only the pages the file
    // held before, and a file without cases holds few, so each new page is written
    // once. A crash leaves a journal that the next opening rolls back (`Store::open`).
    // Leaving WAL needs the file to ourselves: with any other connection open SQLite
    // refuses, and the demo goes through WAL as before.
    let _ = conn.pragma_update(None, "journal_mode", "DELETE");
    // There the commit is the journal's removal, which FULL does not sync; EXTRA syncs
    // the folder after it, so a committed demo stays committed after a power cut.
    conn.pragma_update(None, "synchronous", "EXTRA")?;
    // Each row the demo writes refers to a provider read from the file or to a row it
    // has just written, so it is right by construction, and SQLite's lookup of each
    // reference was about a quarter of the writing thread's time. Tests run
    // `foreign_key_check` on demo files (`Store::check`).
    conn.pragma_update(None, "foreign_keys", false)?;
    Ok(())
}

/// Back to WAL once the demo is committed. That needs a moment when no one is in the
/// middle of reading (the daily backup's copy may be). SQLite's busy handler waits for
/// a reader, but not for a connection that has begun to write, so this tries again
/// until the same 5 s have passed. Failing that, the connection stays in rollback mode,
/// which is as safe but lets a reader hold up a write, until the file is next opened
/// (`configure` sets WAL).
fn back_to_wal(conn: &Connection) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let mode =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0));
        if mode.is_ok_and(|m| m == "wal") || std::time::Instant::now() >= until {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Removes the scratch file of a demo that did not finish (see `search_index`).
pub(crate) fn remove_scratch(store: &std::path::Path) {
    let scratch = search_index::scratch_path(store);
    let _ = std::fs::remove_file(crate::store::with_suffix(&scratch, "-journal"));
    let _ = std::fs::remove_file(scratch);
}

/// Tells the indexing thread to stop, and interrupts its rebuild, unless disarmed: the
/// writer failed or panicked, and the error should not wait for work thrown away.
struct Stopper<'a> {
    stop: &'a AtomicBool,
    interrupt: rusqlite::InterruptHandle,
    armed: bool,
}

impl Stopper<'_> {
    fn disarm(mut self) {
        self.armed = false;
    }
}

impl Drop for Stopper<'_> {
    fn drop(&mut self) {
        if self.armed {
            self.stop.store(true, Ordering::Relaxed);
            self.interrupt.interrupt();
        }
    }
}

impl Store {
    /// Adds the demo providers (once) and `opts.cases` cases, in one transaction.
    /// Refused on a database that already holds cases.
    pub fn generate_demo(&mut self, opts: DemoOptions) -> Result<()> {
        if opts.cases > MAX_DEMO_CASES {
            return Err(Error::DemoTooLarge {
                max: MAX_DEMO_CASES,
            });
        }
        // Fictional people must never be mixed into a database that holds real ones.
        // Asked before any setting changes, so a refused demo leaves the file alone; the
        // file's lock keeps every other writer out until the demo's transaction.
        let has_cases: bool =
            self.conn()
                .query_row("SELECT EXISTS (SELECT 1 FROM cases)", [], |r| r.get(0))?;
        if has_cases {
            return Err(Error::DemoNeedsEmptyDatabase);
        }
        let usual = ConnectionSettings::read(self.conn())?;
        // The usual settings come back however the demo ends, a panic included: the app
        // goes on using this connection after a failed command, and without foreign keys
        // erasing a patient would leave their notes behind (ON DELETE CASCADE).
        let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            demo_settings(self.conn())?;
            self.fill_demo(opts)
        }));
        // The demo's transaction is rolled back when dropped, but a failed rollback
        // would leave it open, and neither the detaching nor the settings below can be
        // done inside one.
        let ended = if self.conn().is_autocommit() {
            Ok(())
        } else {
            self.conn().execute_batch("ROLLBACK").map_err(Error::from)
        };
        // Again here for a panic, which skips the one in `fill_demo`; before the
        // settings, since SQLite sets the journal mode of every attached file.
        let detached = search_index::detach(self.conn());
        let restored = usual.restore(self.conn());
        match made {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(made) => made.and(ended).and(detached).and(restored),
        }
    }

    fn fill_demo(&mut self, opts: DemoOptions) -> Result<()> {
        let mut rng = fastrand::Rng::with_seed(opts.seed);
        let actor = self.actor().to_owned();
        let now = instant(Utc::now());
        let scratch_path = search_index::scratch_path(self.path());
        let store_path = self.path().to_owned();
        let key = self.passphrase();
        // The store's own refusal (read-only, busy) comes first, then the scratch
        // file's, and both before a row is written.
        let tx = self.transaction()?;
        let scratch = search_index::Scratch::open(&scratch_path, key)?;
        let interrupt = scratch.interrupt_handle();

        // The tables are empty: building each secondary index once at the end, from
        // sorted data, is cheaper than growing it row by row. The definitions come from
        // the program's own migrations, never from the file, whose schema text is
        // untrusted: a file whose schema differs from them gets no demo at all.
        let own = crate::store::check_own_schema(&tx, &store_path)?;
        let defined =
            |keep: &dyn Fn(&crate::store::SchemaObject) -> bool| -> Vec<(String, String)> {
                own.iter()
                    .filter(|o| keep(o))
                    .filter_map(|o| Some((o.name.clone(), o.sql.clone()?)))
                    .collect()
            };
        let indexes = defined(&|o| {
            o.kind == "index"
                && [
                    "cases",
                    "patients",
                    "timeline_events",
                    "documents",
                    "tasks",
                    "notes",
                    "audit_log",
                ]
                .contains(&o.table.as_str())
        });
        for (name, _) in &indexes {
            tx.execute(&format!("DROP INDEX {}", quote_ident(name)), [])?;
        }
        // Likewise the search indexes are built once the rows are written, on a thread of
        // their own (`search_index`), instead of by their triggers, row by row, and the
        // list's counts by one GROUP BY instead of an upsert per case.
        let bulk_triggers = defined(&|o| {
            o.kind == "trigger" && (o.table == "case_search" || o.name.starts_with("case_counts_"))
        });
        for (name, _) in &bulk_triggers {
            tx.execute(&format!("DROP TRIGGER {}", quote_ident(name)), [])?;
        }
        let search_schema = search_index::search_schema(&tx, &own)?;

        let existing: i64 = tx.query_row("SELECT count(*) FROM providers", [], |r| r.get(0))?;
        if existing == 0 {
            for p in PROVIDERS {
                Provider {
                    summary: ProviderSummary {
                        id: ProviderId(0),
                        name_en: p.en.into(),
                        name_fr: p.fr.into(),
                        name_ja: p.ja.into(),
                        country: p.country,
                        city: p.city.into(),
                        time_zone: p.zone.into(),
                    },
                    specialties: p.specialties.to_vec(),
                    accreditations: p.accreditations.iter().map(|s| s.to_string()).collect(),
                    languages: match p.country {
                        Country::Jp => vec!["ja".into(), "en".into()],
                        Country::Ca => vec!["en".into(), "fr".into()],
                    },
                    desk_contact: Some(format!(
                        "international@{}.example",
                        p.en.to_lowercase().split(' ').next().unwrap_or("desk")
                    )),
                }
                .insert(&tx)?;
            }
        }
        let providers: Vec<DemoProvider> = {
            let mut stmt = tx.prepare("SELECT id, country, time_zone, specialties, name_en, name_fr, name_ja FROM providers ORDER BY id")?;
            stmt.query_map([], |r| {
                let specs: String = r.get(3)?;
                Ok(DemoProvider {
                    id: r.get(0)?,
                    country: r.get(1)?,
                    zone: r.get(2)?,
                    specialties: serde_json::from_str(&specs).unwrap_or_default(),
                    names: [r.get(4)?, r.get(5)?, r.get(6)?],
                })
            })?
            .collect::<rusqlite::Result<_>>()?
        };

        // Opening dates first, sorted, so references rise with the date as they would.
        let mut opened: Vec<NaiveDate> = (0..opts.cases)
            .map(|_| opts.anchor - Days::new(rng.u64(0..730)))
            .collect();
        opened.sort();
        let mut counters: HashMap<i32, i64> = HashMap::new();
        {
            let mut stmt = tx.prepare("SELECT year, last_seq FROM case_ref_counters")?;
            for row in stmt.query_map([], |r| Ok((r.get::<_, i32>(0)?, r.get::<_, i64>(1)?)))? {
                let (y, s) = row?;
                counters.insert(y, s);
            }
        }

        let mut ins_patient = tx.prepare_cached(
            "INSERT INTO patients (family_name, given_name, family_name_kana, given_name_kana, name_order, birth_date, sex, nationality, home_region, home_zone, preferred_language, interpreter_language, email, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        )?;
        let mut ins_case = tx.prepare_cached(
            "INSERT INTO cases (reference, patient_id, direction, specialty, treatment, provider_id, physician, status, priority, opened_on, target_date, companions, estimate_minor, currency, deposit_minor, created_at, updated_at, patient_sort)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, (SELECT family_name || char(31) || given_name FROM patients WHERE id = ?2))",
        )?;
        let mut ins_event = tx.prepare_cached(
            "INSERT INTO timeline_events (case_id, kind, starts_at, ends_at, zone, title, status_from, status_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut ins_doc =
            tx.prepare_cached("INSERT INTO documents (case_id, kind, state) VALUES (?1, ?2, ?3)")?;
        let mut ins_task = tx.prepare_cached(
            "INSERT INTO tasks (case_id, title, due_on, done) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut ins_note = tx.prepare_cached(
            "INSERT INTO notes (case_id, written_at, channel, body) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut ins_audit = tx.prepare_cached(
            "INSERT INTO audit_log (at, actor, entity, entity_id, action, detail) VALUES (?1, ?2, ?3, ?4, 'demo', '{}')",
        )?;

        // The text the coordinator would have typed, in their language.
        let words = crate::i18n::Localizer::new(false);
        let in_language = |ids: &[&str]| -> Vec<String> {
            ids.iter()
                .map(|id| words.format(opts.language, id, &[]))
                .collect()
        };
        let (tasks, notes) = (in_language(TASKS), in_language(NOTES));

        // The cases are made on a second thread while this one writes them: at 100,000
        // cases each side takes about 4 s of CPU (making them is mostly search text and
        // instants). Only that thread draws from the seeded generator, in the same order
        // as before, so the same seed still gives the same data.
        let mut maker = CaseMaker {
            providers: &providers,
            anchor: opts.anchor,
            counters,
            statuses: CaseStatus::iter().collect(),
            channels: NoteChannel::iter().collect(),
            tasks: &tasks,
            notes: &notes,
        };
        let stop = AtomicBool::new(false);
        let search = std::thread::scope(|scope| -> Result<search_index::Scratch> {
            let (send, batches) = std::sync::mpsc::sync_channel::<Vec<DemoCase<'_>>>(4);
            let making = scope.spawn(move || {
                for chunk in opened.chunks(DEMO_BATCH) {
                    let batch = chunk.iter().map(|d| maker.case(&mut rng, *d)).collect();
                    // A closed channel means the writer stopped on an error.
                    if send.send(batch).is_err() {
                        break;
                    }
                }
                maker.counters
            });
            // The search text goes to the indexing thread in the maker's batches; it is
            // indexed only once the rows are written: indexed as it came, as three busy
            // threads on two cores, it slowed the writer, which the rest waits for, by
            // more than it saved (100,000 cases: 12.3–14.0 s against 11.9–12.8 s).
            let (to_index, documents) = std::sync::mpsc::sync_channel(16);
            let (search_schema, stop_ref) = (&search_schema, &stop);
            let indexing = std::thread::Builder::new()
                .name("demo-search".into())
                .spawn_scoped(scope, move || {
                    search_index::build(scratch, search_schema, documents, stop_ref)
                })?;
            // Declared after the channel so that it goes first: on an error or a panic
            // the indexing is told to stop before it sees the channel close.
            let stopper = Stopper {
                stop: &stop,
                interrupt,
                armed: true,
            };
            let mut documents = Vec::with_capacity(DEMO_BATCH);
            let mut indexing_stopped = false;
            for c in batches.iter().flatten() {
                let p = &c.patient;
                let person = &p.person;
                ins_patient.execute(params![
                    person.family,
                    person.given,
                    person.family_kana,
                    person.given_kana,
                    p.name_order,
                    Day(p.birth),
                    p.sex,
                    p.nationality,
                    p.region,
                    p.home_zone,
                    person.lang,
                    p.interpreter,
                    p.email,
                    now,
                ])?;
                let patient_id = tx.last_insert_rowid();
                ins_case.execute(params![
                    c.reference.as_str(),
                    patient_id,
                    c.direction,
                    c.specialty,
                    Option::<String>::None,
                    c.provider_id,
                    Option::<String>::None,
                    c.status,
                    c.priority,
                    Day(c.opened_on),
                    Day(c.target),
                    c.companions,
                    c.estimate,
                    c.currency,
                    c.deposit,
                    now,
                ])?;
                let case_id = tx.last_insert_rowid();
                for e in &c.events {
                    ins_event.execute(params![
                        case_id,
                        e.kind,
                        e.starts_at,
                        e.ends_at,
                        e.zone,
                        e.title,
                        e.from,
                        e.to
                    ])?;
                }
                for (kind, state) in &c.documents {
                    ins_doc.execute(params![case_id, kind, state])?;
                }
                for (title, due, done) in &c.tasks {
                    ins_task.execute(params![case_id, title, Day(*due), done])?;
                }
                for (written, channel, body) in &c.notes {
                    ins_note.execute(params![case_id, written, channel, body])?;
                }
                ins_audit.execute(params![now, actor, "patient", patient_id])?;
                ins_audit.execute(params![now, actor, "case", case_id])?;
                documents.push((case_id, c.search));
                if documents.len() == DEMO_BATCH
                    && to_index.send(std::mem::take(&mut documents)).is_err()
                {
                    // It stopped on an error, which its join returns.
                    indexing_stopped = true;
                    break;
                }
            }
            let _ = to_index.send(documents);
            drop((to_index, batches));
            let counters = making
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            if !indexing_stopped {
                let mut upd = tx.prepare_cached(
                    "INSERT INTO case_ref_counters (year, last_seq) VALUES (?1, ?2) ON CONFLICT(year) DO UPDATE SET last_seq = excluded.last_seq",
                )?;
                for (year, seq) in &counters {
                    upd.execute(params![year, seq])?;
                }
                drop((
                    ins_patient,
                    ins_case,
                    ins_event,
                    ins_doc,
                    ins_task,
                    ins_note,
                    ins_audit,
                    upd,
                ));
                // While the search indexes are rebuilt on the other core.
                for (_, sql) in &indexes {
                    tx.execute(sql, [])?;
                }
                tx.execute_batch(
                    "DELETE FROM case_counts;
                     INSERT INTO case_counts (status, direction, specialty, priority, provider_id, n)
                     SELECT status, direction, specialty, priority, coalesce(provider_id, 0), count(*)
                     FROM cases GROUP BY 1, 2, 3, 4, 5;",
                )?;
            }
            stopper.disarm();
            let built = indexing
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            if indexing_stopped {
                // It closed its end only by failing, and its error is returned above;
                // a demo without its indexes must never be committed.
                return Err(Error::Io(std::io::Error::other(
                    "the demo's search indexing stopped without an error",
                )));
            }
            Ok(built)
        })?;
        // The search text comes from the scratch file with its indexes, so the two
        // agree; the triggers that keep them in step come back after it.
        let copied = search_index::copy_into(&tx, &search_schema, &search).and_then(|()| {
            for (_, sql) in &bulk_triggers {
                tx.execute(sql, [])?;
            }
            Ok(())
        });
        let finished = match copied {
            Ok(()) => tx.commit().map_err(Error::from),
            Err(e) => {
                drop(tx);
                Err(e)
            }
        };
        // Before the scratch file is removed: Windows cannot delete a file SQLite has open.
        let detached = search_index::detach(self.conn());
        drop(search);
        finished.and(detached)
    }
}

fn normalize_ascii(s: &str) -> String {
    crate::search::normalize(s)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ToSql;

    #[test]
    fn a_day_is_stored_as_the_same_text_as_its_date() {
        // Dates are compared as text in queries, so one byte of difference would
        // misplace a demo row among rows written by the app.
        let mut d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        while d.year() <= 2100 {
            assert_eq!(Day(d).to_sql().unwrap(), d.to_sql().unwrap(), "{d}");
            d = d.succ_opt().unwrap();
        }
    }
}
