//! Search finds people however their name is typed.

mod common;

use common::*;
use kakehashi_core::notes::NoteInput;
use kakehashi_core::search::variants;
use kakehashi_core::{NewPatient, SearchHit, Store};

fn names(hits: &[SearchHit]) -> Vec<String> {
    hits.iter()
        .map(|h| format!("{} {}", h.family_name, h.given_name))
        .collect()
}

/// A demo database with 高橋 健一 and Côté Élodie added among many others.
fn fixture() -> (tempfile::TempDir, Store, String, String) {
    let (dir, mut store) = demo_store(600);
    let tk = store.create_case(&takahashi()).unwrap().0;
    let cote = store
        .create_case(&new_case("Côté", "Élodie", "ca-to-jp"))
        .unwrap()
        .0;
    (dir, store, tk, cote)
}

fn finds(store: &Store, query: &str, reference: &str) {
    let hits = store.search(query, 50).unwrap();
    assert!(
        hits.iter().any(|h| h.reference.as_str() == reference),
        "{query:?} did not find {reference}; got {:?}",
        names(&hits)
    );
}

#[test]
fn search_finds_two_kanji_family_name() {
    let (_d, store, tk, _) = fixture();
    finds(&store, "高橋", &tk);
    assert!(
        store
            .search("高橋", 50)
            .unwrap()
            .iter()
            .all(|h| h.family_name == "高橋")
    );
}

#[test]
fn search_finds_reading_in_hiragana_katakana_and_half_width() {
    let (_d, store, tk, _) = fixture();
    for q in ["たかはし", "タカハシ", "ﾀｶﾊｼ", "takahashi", "TAKAHASHI"] {
        finds(&store, q, &tk);
    }
}

#[test]
fn search_finds_a_name_typed_with_a_variant_kanji() {
    let (_d, store, tk, _) = fixture();
    finds(&store, "髙橋", &tk);
    finds(&store, "髙橋 健一", &tk);
}

/// One case per form of every group of `search::variants`, the family name written
/// with that form: `{form}田` (two characters, the short index) and `{form}田川` (three,
/// the trigram index).
fn one_case_per_form() -> (tempfile::TempDir, Store, Vec<(String, String)>) {
    let (dir, mut store) = store();
    let mut cases = Vec::new();
    for group in variants::GROUPS {
        for form in group.forms.chars() {
            let family = format!("{form}田川");
            let r = store
                .create_case(&new_case(&family, "花子", "jp-to-ca"))
                .unwrap();
            cases.push((family, r.to_string()));
        }
    }
    (dir, store, cases)
}

#[test]
fn every_form_of_a_name_kanji_finds_every_other_form_after_itself() {
    let (_d, store, cases) = one_case_per_form();
    let reference = |family: &str| {
        cases
            .iter()
            .find(|(f, _)| f == family)
            .map(|(_, r)| r.clone())
            .unwrap()
    };
    for group in variants::GROUPS {
        for form in group.forms.chars() {
            for query in [format!("{form}田"), format!("{form}田川")] {
                let got = order(&store, &query);
                assert_eq!(
                    got.first(),
                    Some(&reference(&format!("{form}田川"))),
                    "{query}: the name as typed comes first ({:?})",
                    group.sources
                );
                for other in group.forms.chars() {
                    let r = reference(&format!("{other}田川"));
                    assert!(got.contains(&r), "{query} does not find {other}田川");
                }
                assert_eq!(got.len(), group.forms.chars().count(), "{query}: {got:?}");
            }
        }
    }
}

#[test]
fn an_exact_name_ranks_before_a_newer_variant_spelling() {
    let (_d, mut store) = store();
    let saito_old = store
        .create_case(&new_case("齋藤", "一郎", "jp-to-ca"))
        .unwrap()
        .to_string();
    let saito = store
        .create_case(&new_case("斉藤", "一郎", "jp-to-ca"))
        .unwrap()
        .to_string();
    let yoshida = store
        .create_case(&new_case("𠮷田", "一郎", "jp-to-ca"))
        .unwrap()
        .to_string();
    assert_eq!(order(&store, "齋藤"), [saito_old.clone(), saito.clone()]);
    assert_eq!(order(&store, "斉藤"), [saito.clone(), saito_old.clone()]);
    assert_eq!(order(&store, "斎藤 一郎"), [saito, saito_old]);
    assert_eq!(order(&store, "吉田"), [yoshida]);
}

#[test]
fn a_variant_in_a_note_is_found_after_names() {
    let (_d, mut store) = store();
    let named = store
        .create_case(&new_case("小野寺", "光", "jp-to-ca"))
        .unwrap()
        .to_string();
    let noted = store
        .create_case(&new_case("Tremblay", "Anne", "ca-to-jp"))
        .unwrap();
    store
        .add_note(
            noted.as_str(),
            &NoteInput {
                channel: "email".into(),
                body: "Dr 小埜寺 of Sendai called".into(),
                ..Default::default()
            },
        )
        .unwrap();
    // The note holds the spelling typed, the name another (埜 for 野): the name, though
    // older, still comes first.
    assert_eq!(order(&store, "小埜寺"), [named, noted.to_string()]);
}

#[test]
fn a_file_of_schema_8_gets_its_folded_search_text_rewritten_as_typed() {
    let (_d, mut store) = store();
    let folded = store
        .create_case(&new_case("髙橋", "健一", "jp-to-ca"))
        .unwrap()
        .to_string();
    let common = store
        .create_case(&new_case("高橋", "健一", "jp-to-ca"))
        .unwrap()
        .to_string();
    let path = store.path().to_owned();
    drop(store);
    // Schema 8 wrote 髙橋 as 高橋 in the search text.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "UPDATE case_search SET names = replace(names, '髙', '高'), short = replace(short, '髙', '高');
         PRAGMA user_version = 8;",
    )
    .unwrap();
    drop(conn);
    let old = Store::open_read_only(&path).unwrap();
    assert_eq!(
        order(&old, "髙橋"),
        [common.clone(), folded.clone()],
        "found, not yet first"
    );
    drop(old);
    let store = Store::open(&path).unwrap();
    assert_eq!(order(&store, "髙橋"), [folded.clone(), common.clone()]);
    assert_eq!(order(&store, "高橋"), [common, folded]);
    store.check().unwrap();
}

#[test]
fn search_ignores_accents_and_case() {
    let (_d, store, _, cote) = fixture();
    for q in ["cote", "COTE", "Côté", "élodie cote"] {
        finds(&store, q, &cote);
    }
}

#[test]
fn search_answers_one_and_two_character_queries() {
    let (_d, store, tk, _) = fixture();
    finds(&store, "健", &tk);
    finds(&store, "橋", &tk);
    let one = store.search("林", 50).unwrap();
    assert!(
        !one.is_empty()
            && one
                .iter()
                .all(|h| h.family_name.contains('林') || h.given_name.contains('林'))
    );
}

#[test]
fn search_finds_case_by_reference_or_its_number() {
    let (_d, store) = demo_store(300);
    let hits = store.search("KH-2026-0042", 10).unwrap();
    assert_eq!(
        hits[0].reference.as_str(),
        "KH-2026-0042",
        "exact reference ranks first"
    );
    let hits = store.search("0042", 10).unwrap();
    assert!(hits.iter().any(|h| h.reference.as_str() == "KH-2026-0042"));
    assert!(
        hits.iter().all(|h| h.reference.as_str().ends_with("0042")),
        "{:?}",
        names(&hits)
    );
    let hits = store.search("kh-2026-0042", 10).unwrap();
    assert_eq!(hits[0].reference.as_str(), "KH-2026-0042");
}

#[test]
fn search_finds_provider_and_note_text() {
    let (_d, store) = demo_store(300);
    let hits = store.search("陽子線", 20).unwrap();
    assert!(hits.iter().all(|h| {
        h.provider_name_ja
            .as_deref()
            .is_some_and(|n| n.contains("陽子線"))
    }));
    assert!(!hits.is_empty());
    assert!(
        !store.search("wheelchair", 20).unwrap().is_empty(),
        "note text is searchable"
    );
}

#[test]
fn search_is_limited() {
    let (_d, store) = demo_store(600);
    assert_eq!(store.search("a", 7).unwrap().len(), 7);
}

#[test]
fn a_name_match_ranks_before_a_match_in_other_text() {
    let (_d, mut store) = store();
    let mut referred = new_case("Tremblay", "Anne", "ca-to-jp");
    referred.case.treatment = Some("Referred by Dr 高橋 of Sendai".into());
    store.create_case(&referred).unwrap();
    let tk = store.create_case(&takahashi()).unwrap();
    for q in ["高橋", "高橋 健"] {
        let hits = store.search(q, 10).unwrap();
        assert_eq!(hits[0].reference, tk, "{q}: {:?}", names(&hits));
    }
    let hits = store.search("たかはし", 10).unwrap();
    assert_eq!(hits[0].reference, tk);
}

/// The references a search returns, in order.
fn order(store: &Store, query: &str) -> Vec<String> {
    store
        .search(query, 10)
        .unwrap()
        .iter()
        .map(|h| h.reference.to_string())
        .collect()
}

#[test]
fn a_name_ranks_before_a_newer_case_that_has_the_word_elsewhere() {
    let (_d, mut store) = store();
    let tk = store.create_case(&takahashi()).unwrap().to_string();
    let mut referred = new_case("Tremblay", "Anne", "ca-to-jp");
    referred.case.treatment = Some("Referred by Dr Takahashi of Sendai".into());
    let newer = store.create_case(&referred).unwrap().to_string();
    assert_eq!(order(&store, "takahashi"), [tk.clone(), newer.clone()]);
    assert_eq!(order(&store, "sendai"), vec![newer.clone()]);

    // A file from before the index of names (schema 5), as a read-only store opens it
    // beside an older Kakehashi: the names are found by a column filter instead.
    let path = store.path().to_owned();
    drop(store);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP TRIGGER case_names_ai; DROP TRIGGER case_names_ad; DROP TRIGGER case_names_au;
             DROP TABLE case_names_fts;
             DROP INDEX documents_requested; CREATE INDEX documents_state ON documents(state, case_id);
             ALTER TABLE access_log DROP COLUMN chain;
             PRAGMA user_version = 5;",
        )
        .unwrap();
    let old = Store::open_read_only(&path).unwrap();
    assert_eq!(order(&old, "takahashi"), [tk.clone(), newer.clone()]);
    drop(old);
    // Opened for editing, the file gets the index, filled from its cases.
    let store = Store::open(&path).unwrap();
    assert_eq!(order(&store, "takahashi"), [tk, newer]);
    store.check().unwrap();
}

#[test]
fn the_names_index_follows_renames_notes_and_erasure() {
    let (_d, mut store) = store();
    let other = store
        .create_case(&new_case("Pelletier", "Marc", "ca-to-jp"))
        .unwrap()
        .to_string();
    let r = store
        .create_case(&new_case("Gagnon", "Luc", "ca-to-jp"))
        .unwrap();
    let patient = store.case_detail(r.as_str()).unwrap().patient.id;
    let renamed = NewPatient {
        family_name: "Bouchard".into(),
        given_name: "Luc".into(),
        ..Default::default()
    };
    store.update_patient(patient, &renamed).unwrap();
    assert!(order(&store, "gagnon").is_empty(), "the old name is gone");
    assert_eq!(order(&store, "bouchard"), [r.to_string()]);

    // A note on the newer case naming the older case's patient: found, but after the
    // name itself. Were the note's words in the names index, the newer case would
    // come first.
    store
        .add_note(
            r.as_str(),
            &NoteInput {
                channel: "email".into(),
                body: "Pelletier's cousin called".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(order(&store, "pelletier"), [other.clone(), r.to_string()]);
    assert_eq!(order(&store, "bouchard"), [r.to_string()]);

    store.erase_patient(patient).unwrap();
    assert!(order(&store, "bouchard").is_empty());
    assert_eq!(order(&store, "pelletier"), [other]);
    store.check().unwrap();
    let path = store.path().to_owned();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO case_names_fts (case_names_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM case_names_fts WHERE case_names_fts MATCH '\"bouchard\"'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0, "the erased name is out of the names index");
    let secure: i64 = conn
        .query_row(
            "SELECT v FROM case_names_fts_config WHERE k = 'secure-delete'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(secure, 1, "an erased name leaves the index at once");
}

#[test]
fn search_treats_query_syntax_as_text() {
    let (_d, mut store) = demo_store(50);
    let odd = store
        .create_case(&new_case("O\"Brien OR", "NEAR(x)", "ca-to-jp"))
        .unwrap();
    for q in [
        "\"",
        "O\"Brien OR",
        "NEAR(x)",
        "*",
        "a AND b",
        "'; DROP TABLE cases; --",
        "%",
        "_",
    ] {
        store.search(q, 10).unwrap();
    }
    finds(&store, "O\"Brien OR", odd.as_str());
    assert!(store.search("", 10).unwrap().is_empty());
    assert!(store.search("   ", 10).unwrap().is_empty());
}
