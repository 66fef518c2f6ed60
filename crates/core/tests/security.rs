//! The security review's findings (M1–M4, L1, L5, L6), each as the attack or the
//! accident it describes, against real files. Hostile files are built with plain
//! SQLite (rusqlite without Kakehashi), as an attacker would.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{anchor, takahashi};
use kakehashi_core::demo::DemoOptions;
use kakehashi_core::store::backup;
use kakehashi_core::{Error, PatientId, Store};
use rusqlite::Connection;

/// The schema of a Kakehashi file of version 7, made by running the landed migration
/// files with plain SQLite: the shape of a file from an earlier Kakehashi.
fn plain_kakehashi_file(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    for sql in [
        include_str!("../src/store/migrations/0001_initial.sql"),
        include_str!("../src/store/migrations/0002_workspace.sql"),
        include_str!("../src/store/migrations/0003_privacy.sql"),
        include_str!("../src/store/migrations/0004_target_sort.sql"),
        include_str!("../src/store/migrations/0005_case_counts.sql"),
        include_str!("../src/store/migrations/0006_names_search.sql"),
        include_str!("../src/store/migrations/0007_documents_requested.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 7).unwrap();
    conn
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn demo() -> DemoOptions {
    DemoOptions {
        cases: 5,
        seed: 3,
        anchor: anchor(),
        language: kakehashi_core::Lang::En,
    }
}

#[test]
fn a_crafted_index_name_never_runs_as_sql_when_demo_data_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    // The coordinator's real file, which the attack wants to copy from.
    let victim = dir.path().join("victim.sqlite");
    {
        let mut real = Store::open(&victim).unwrap();
        real.create_case(&takahashi()).unwrap();
    }
    let dropped = dir.path().join("dropped.sqlite");
    let evil = dir.path().join("evil.sqlite");
    {
        let conn = plain_kakehashi_file(&evil);
        let name = format!(
            "x\"; ATTACH DATABASE '{}' AS real; CREATE TABLE main.loot AS SELECT family_name FROM real.patients; \
             ATTACH DATABASE '{}' AS d; CREATE TABLE d.t(x); CREATE INDEX x ON cases(id); COMMIT; BEGIN; --",
            victim.display(),
            dropped.display()
        );
        conn.execute_batch(&format!(
            "CREATE INDEX \"{}\" ON cases(id); CREATE INDEX x ON cases(reference);",
            name.replace('"', "\"\"")
        ))
        .unwrap();
    }
    let mut store = Store::open(&evil).unwrap();
    let refused = store.generate_demo(demo());
    assert!(
        matches!(refused, Err(Error::SchemaAltered { .. })),
        "{refused:?}"
    );
    drop(store);
    assert!(!dropped.exists(), "no file was created elsewhere");
    let conn = Connection::open(&evil).unwrap();
    let loot: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'loot'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(loot, 0, "nothing was copied from the victim's file");
    let cases: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(cases, 0, "and no demo was written");
}

#[test]
fn an_unchanged_earlier_file_still_takes_demo_data_and_is_marked_as_ours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("earlier.sqlite");
    drop(plain_kakehashi_file(&path));
    let mut store = Store::open(&path).unwrap();
    store.generate_demo(demo()).unwrap();
    store.check().unwrap();
    drop(store);
    let id: i32 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, kakehashi_core::store::harden::APPLICATION_ID);
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("places.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);
             INSERT INTO moz_places (url) VALUES ('https://example.org/');
             PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    for opened in [
        Store::open(&path).map(drop),
        Store::open_read_only(&path).map(drop),
        backup::verify(&path, None),
    ] {
        assert!(
            matches!(opened, Err(Error::ForeignDatabase { .. })),
            "{opened:?}"
        );
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "not migrated in place"
    );
    assert!(!dir.path().join("places.sqlite-wal").exists());
    // One that carries another program's mark is refused too, whatever its tables.
    let marked = dir.path().join("marked.sqlite");
    drop(plain_kakehashi_file(&marked));
    Connection::open(&marked)
        .unwrap()
        .pragma_update(None, "application_id", 0x1234)
        .unwrap();
    assert!(matches!(
        Store::open(&marked),
        Err(Error::ForeignDatabase { .. })
    ));
}

#[test]
fn files_and_folders_are_private_whatever_the_umask() {
    // The test process keeps its umask (022 for CI and most desktops); the CLI test
    // sets one explicitly for the whole program.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    let db = folder.join("cases.sqlite");
    let mut store = Store::open(&db).unwrap();
    store.create_case(&takahashi()).unwrap();
    let backup = store.backup_now().unwrap();
    assert_eq!(mode(&folder), 0o700);
    for file in [
        db.clone(),
        db.with_file_name("cases.sqlite-wal"),
        db.with_file_name("cases.sqlite-shm"),
        db.with_file_name("cases.sqlite.lock"),
        Path::new(&backup.path).to_owned(),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    assert_eq!(mode(&backup::backup_dir(&db)), 0o700);
}

#[test]
fn preferences_are_private_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config").join("preferences.json");
    kakehashi_core::prefs::Preferences::default()
        .save(&path)
        .unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
}

#[test]
fn a_file_left_world_readable_by_an_earlier_version_is_made_private_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.sqlite");
    drop(Store::open(&db).unwrap());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(Store::open(&db).unwrap());
    assert_eq!(mode(&db), 0o600);
}

#[test]
fn an_export_never_follows_a_planted_symlink_and_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, b"keep me").unwrap();
    let out = dir.path().join("list.csv");
    std::os::unix::fs::symlink(&victim, dir.path().join("list.csv.part")).unwrap();
    kakehashi_core::store::write_atomically(&out, b"reference,name\n").unwrap();
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
    assert!(!std::fs::symlink_metadata(&out).unwrap().is_symlink());
    assert_eq!(std::fs::read(&out).unwrap(), b"reference,name\n");
    assert_eq!(mode(&out), 0o600);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".kakehashi-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn erase_takahashi(store: &mut Store) -> PatientId {
    let hits = store.search("高橋", 5).unwrap();
    let reference = hits[0].reference.as_str().to_owned();
    let patient = store.case_detail(&reference).unwrap().patient.id;
    let erased = store.erase_patient(patient).unwrap();
    assert!(!erased.checkpoint_pending);
    patient
}

#[test]
fn an_erased_patient_stays_erased_after_a_restore_of_an_older_backup() {
    let (_dir, mut store) = common::store();
    store.create_case(&takahashi()).unwrap();
    let path = store.path().to_owned();
    let older = store.backup_now().unwrap();
    let patient = erase_takahashi(&mut store);
    drop(store);
    backup::restore(&path, Path::new(&older.path), None, "Marie Tremblay").unwrap();
    let store = Store::open(&path).unwrap();
    assert!(
        store.search("高橋", 5).unwrap().is_empty(),
        "search finds nothing"
    );
    assert!(store.search("takahashi", 5).unwrap().is_empty());
    assert!(store.patient(patient).is_err());
    // The erasure's trace is back, marked as done again.
    let trace = store.erasure_trace(patient).unwrap();
    assert!(!trace.is_empty());
    // The ledger beside the file holds ids and dates, never a name.
    let ledger = std::fs::read_to_string(kakehashi_core::erasures::ledger_path(&path)).unwrap();
    assert!(
        !ledger.contains("高橋") && !ledger.contains("健一"),
        "{ledger}"
    );
    assert_eq!(mode(&kakehashi_core::erasures::ledger_path(&path)), 0o600);
    // And the freed pages were overwritten in the restored file too.
    drop(store);
    let bytes = std::fs::read(&path).unwrap();
    let needle = "健一".as_bytes();
    assert!(!bytes.windows(needle.len()).any(|w| w == needle));
}

#[test]
fn a_backup_opened_directly_forgets_no_erasure_either() {
    let (_dir, mut store) = common::store();
    store.create_case(&takahashi()).unwrap();
    let older = store.backup_now().unwrap();
    erase_takahashi(&mut store);
    drop(store);
    let opened = Store::open(Path::new(&older.path)).unwrap();
    assert!(opened.search("高橋", 5).unwrap().is_empty());
}

#[test]
fn a_later_patient_given_a_freed_id_is_not_erased_again() {
    let (_dir, mut store) = common::store();
    store.create_case(&takahashi()).unwrap();
    let erased = erase_takahashi(&mut store);
    // SQLite hands the freed highest id out again.
    store
        .create_case(&common::new_case("Tremblay", "Marie", "ca-to-jp"))
        .unwrap();
    let path = store.path().to_owned();
    drop(store);
    let store = Store::open(&path).unwrap();
    let hits = store.search("Tremblay", 5).unwrap();
    assert_eq!(hits.len(), 1);
    let id = store
        .case_detail(hits[0].reference.as_str())
        .unwrap()
        .patient
        .id;
    assert_eq!(id, erased, "the id was given out again");
}

#[test]
fn restores_keep_only_the_newest_copies_aside_and_crash_leftovers_go() {
    let (dir, mut store) = common::store();
    store.create_case(&takahashi()).unwrap();
    let path = store.path().to_owned();
    let b = store.backup_now().unwrap();
    drop(store);
    for _ in 0..(backup::KEEP + 2) {
        backup::restore(&path, Path::new(&b.path), None, "tester").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".before-restore-") && !n.ends_with("-wal") && !n.ends_with("-shm"))
        .count();
    assert_eq!(aside, backup::KEEP);
    // What a crash in a restore or a rekey leaves is removed at the next opening.
    for leftover in ["cases.sqlite.part", "cases.sqlite.rekey.part"] {
        std::fs::write(dir.path().join(leftover), b"a whole copy of the data").unwrap();
    }
    drop(Store::open(&path).unwrap());
    for leftover in ["cases.sqlite.part", "cases.sqlite.rekey.part"] {
        assert!(!dir.path().join(leftover).exists(), "{leftover}");
    }
}

#[test]
fn a_read_only_view_of_a_case_is_logged() {
    let (_dir, mut store) = common::store();
    let reference = store.create_case(&takahashi()).unwrap().as_str().to_owned();
    let patient = store.case_detail(&reference).unwrap().patient.id;
    let views = |s: &Store| {
        s.access_log(patient)
            .unwrap()
            .iter()
            .filter(|e| e.action == kakehashi_core::privacy::AccessAction::ViewCase)
            .count()
    };
    let reader = Store::open_read_only(store.path()).unwrap();
    reader.view_case(&reference).unwrap();
    assert_eq!(views(&store), 1);
}

#[test]
fn a_restore_does_not_rewind_the_access_log_and_records_itself() {
    let (_dir, mut store) = common::store();
    let reference = store.create_case(&takahashi()).unwrap().as_str().to_owned();
    let patient = store.case_detail(&reference).unwrap().patient.id;
    let path = store.path().to_owned();
    let older = store.backup_now().unwrap();
    store.view_case(&reference).unwrap();
    store.export_patient(patient).unwrap();
    drop(store);
    backup::restore(&path, Path::new(&older.path), None, "Marie Tremblay").unwrap();
    let store = Store::open(&path).unwrap();
    let actions: Vec<_> = store
        .access_log(patient)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    use kakehashi_core::privacy::AccessAction::*;
    assert!(
        actions.contains(&ViewCase) && actions.contains(&ExportPatient),
        "{actions:?}"
    );
    assert!(store.access_log_breaks().unwrap().is_empty());
    drop(store);
    let (actor, detail): (String, String) = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT actor, detail FROM audit_log WHERE action = 'restore'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(actor, "Marie Tremblay");
    assert!(
        detail.contains("kakehashi-") && detail.contains("before-restore"),
        "{detail}"
    );
}

#[test]
fn a_changed_or_removed_access_row_is_detected() {
    let (_dir, mut store) = common::store();
    let reference = store.create_case(&takahashi()).unwrap().as_str().to_owned();
    let patient = store.case_detail(&reference).unwrap().patient.id;
    for _ in 0..4 {
        store.view_case(&reference).unwrap();
    }
    assert!(store.access_log_breaks().unwrap().is_empty());
    assert!(
        store
            .access_log(patient)
            .unwrap()
            .iter()
            .all(|e| !e.altered)
    );
    let path = store.path().to_owned();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute("UPDATE access_log SET actor = 'nobody' WHERE id = 2", [])
            .unwrap();
    }
    assert_eq!(store.access_log_breaks().unwrap(), [2]);
    let altered = store
        .access_log(patient)
        .unwrap()
        .iter()
        .filter(|e| e.altered)
        .count();
    assert_eq!(altered, 1);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute("DELETE FROM access_log WHERE id = 3", [])
            .unwrap();
    }
    assert_eq!(store.access_log_breaks().unwrap(), [2, 4]);
}

#[test]
fn an_erasure_keeps_the_chain_whole() {
    let (_dir, mut store) = common::store();
    let reference = store.create_case(&takahashi()).unwrap().as_str().to_owned();
    store.view_case(&reference).unwrap();
    erase_takahashi(&mut store);
    assert!(store.access_log_breaks().unwrap().is_empty());
}

#[test]
fn an_erasure_whose_checkpoint_waits_on_a_reader_says_so_and_finishes_later() {
    let (_dir, mut store) = common::store();
    store.create_case(&takahashi()).unwrap();
    let path = store.path().to_owned();
    let hits = store.search("高橋", 5).unwrap();
    let patient = store
        .case_detail(hits[0].reference.as_str())
        .unwrap()
        .patient
        .id;
    // A reader in the middle of a read holds the WAL.
    let reader = Connection::open(&path).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM patients", [], |r| r.get(0))
        .unwrap();
    let erased = store.erase_patient(patient).unwrap();
    assert!(erased.checkpoint_pending);
    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    // Closing finishes it.
    drop(store);
    assert_eq!(
        std::fs::metadata(path.with_file_name("cases.sqlite-wal"))
            .map(|m| m.len())
            .unwrap_or(0),
        0
    );
    let ledger = std::fs::read_to_string(kakehashi_core::erasures::ledger_path(&path)).unwrap();
    assert!(ledger.contains("\"checkpointed\": true"), "{ledger}");
}

#[test]
fn a_restore_over_a_damaged_file_still_records_itself() {
    let (_dir, mut store) = common::store();
    store.create_case(&takahashi()).unwrap();
    let path = store.path().to_owned();
    let good = store.backup_now().unwrap();
    drop(store);
    let len = std::fs::metadata(&path).unwrap().len() as usize;
    std::fs::write(&path, vec![0x5a; len]).unwrap();
    let _ = std::fs::remove_file(path.with_file_name("cases.sqlite-wal"));
    backup::restore(&path, Path::new(&good.path), None, "tester").unwrap();
    let detail: String = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'restore'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        detail.contains("\"kept-aside-unreadable\":true"),
        "{detail}"
    );
}

#[test]
fn a_restore_carries_the_log_over_even_when_it_erases_again() {
    let (_dir, mut store) = common::store();
    let marie = store
        .create_case(&common::new_case("Tremblay", "Marie", "ca-to-jp"))
        .unwrap()
        .as_str()
        .to_owned();
    store.create_case(&takahashi()).unwrap();
    let path = store.path().to_owned();
    let older = store.backup_now().unwrap();
    // After the backup: a view of Marie's case, then Takahashi's erasure.
    store.view_case(&marie).unwrap();
    let marie_id = store.case_detail(&marie).unwrap().patient.id;
    erase_takahashi(&mut store);
    drop(store);
    backup::restore(&path, Path::new(&older.path), None, "tester").unwrap();
    let store = Store::open(&path).unwrap();
    assert!(store.search("高橋", 5).unwrap().is_empty(), "erased again");
    let views = store
        .access_log(marie_id)
        .unwrap()
        .iter()
        .filter(|e| e.action == kakehashi_core::privacy::AccessAction::ViewCase)
        .count();
    assert_eq!(
        views, 1,
        "the view written after the backup was carried over"
    );
    assert!(store.access_log_breaks().unwrap().is_empty());
    assert!(
        !backup::PendingRestore::path(&path).exists(),
        "nothing left owed"
    );
}

#[test]
fn two_patients_erased_under_one_reused_id_both_stay_erased() {
    let (_dir, mut store) = common::store();
    store.create_case(&takahashi()).unwrap();
    let path = store.path().to_owned();
    let older = store.backup_now().unwrap();
    let first = erase_takahashi(&mut store);
    // The freed id goes to the next patient, who is erased too.
    let r = store
        .create_case(&common::new_case("Tremblay", "Marie", "ca-to-jp"))
        .unwrap();
    let second = store.case_detail(r.as_str()).unwrap().patient.id;
    assert_eq!(first, second, "the id was reused");
    store.erase_patient(second).unwrap();
    drop(store);
    backup::restore(&path, Path::new(&older.path), None, "tester").unwrap();
    let store = Store::open(&path).unwrap();
    assert!(store.search("高橋", 5).unwrap().is_empty());
}

#[test]
fn carried_rows_of_a_patient_the_backup_lacks_stay_off_the_ids() {
    let (_dir, mut store) = common::store();
    store.create_case(&takahashi()).unwrap();
    let path = store.path().to_owned();
    let older = store.backup_now().unwrap();
    // Made after the backup, so not in it; its id will be handed out again.
    let later = store
        .create_case(&common::new_case("Tremblay", "Marie", "ca-to-jp"))
        .unwrap()
        .as_str()
        .to_owned();
    let later_id = store.case_detail(&later).unwrap().patient.id;
    store.view_case(&later).unwrap();
    drop(store);
    backup::restore(&path, Path::new(&older.path), None, "tester").unwrap();
    let mut store = Store::open(&path).unwrap();
    let r = store
        .create_case(&common::new_case("Gagnon", "Luc", "ca-to-jp"))
        .unwrap();
    let new_id = store.case_detail(r.as_str()).unwrap().patient.id;
    assert_eq!(new_id, later_id, "the id was given out again");
    let inherited = store
        .access_log(new_id)
        .unwrap()
        .iter()
        .filter(|e| e.action == kakehashi_core::privacy::AccessAction::ViewCase)
        .count();
    assert_eq!(inherited, 0, "Luc inherits none of Marie's log");
    assert!(
        !store.erasure_trace(later_id).unwrap().is_empty(),
        "Marie's rows are kept, off the ids"
    );
}
