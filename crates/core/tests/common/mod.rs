//! Shared fixtures: real SQLite files in a temporary folder.

#![allow(dead_code)] // each test binary uses a different part

use chrono::NaiveDate;
use kakehashi_core::demo::DemoOptions;
use kakehashi_core::{NewCase, NewCaseDetails, NewPatient, Store};
use tempfile::TempDir;

pub fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

pub fn store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("cases.sqlite")).unwrap();
    store.set_today(anchor());
    (dir, store)
}

pub fn demo_store(cases: u32) -> (TempDir, Store) {
    let (dir, mut store) = store();
    store
        .generate_demo(DemoOptions {
            cases,
            seed: 11,
            anchor: anchor(),
        })
        .unwrap();
    (dir, store)
}

pub fn new_case(family: &str, given: &str, direction: &str) -> NewCase {
    NewCase {
        patient: NewPatient {
            family_name: family.into(),
            given_name: given.into(),
            ..Default::default()
        },
        case: NewCaseDetails {
            direction: direction.into(),
            specialty: "oncology".into(),
            ..Default::default()
        },
    }
}

pub fn takahashi() -> NewCase {
    let mut c = new_case("高橋", "健一", "jp-to-ca");
    c.patient.family_name_kana = Some("たかはし".into());
    c.patient.given_name_kana = Some("けんいち".into());
    c.patient.birth_date = Some("1961-04-02".into());
    c.patient.preferred_language = Some("ja".into());
    c
}

pub fn count(store: &Store, table: &str) -> i64 {
    let path = store.path().to_owned();
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}
