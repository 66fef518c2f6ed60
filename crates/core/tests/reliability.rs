//! Reliability and privacy (#7) on real files: backups and restore, encryption,
//! damaged, newer, busy, read-only and full files, consent, the access log, and
//! erasure that leaves no trace of the person in the file.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::{anchor, new_case, store, takahashi};
use kakehashi_core::privacy::{AccessAction, ConsentInput, ExportConsent};
use kakehashi_core::store::Secret;
use kakehashi_core::store::backup::{self, list_backups};
use kakehashi_core::{Error, Field, NoteInput, Store};

fn note(body: &str) -> NoteInput {
    NoteInput {
        channel: "phone".into(),
        body: body.into(),
        written_local: None,
        zone: None,
    }
}

fn file_contains(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_backup_is_whole_checked_and_rolls_over() {
    let (dir, mut s) = store();
    let r = s.create_case(&takahashi()).unwrap();
    s.add_note(r.as_str(), &note("first")).unwrap();
    let out = dir.path().join("manual").join("copy.sqlite");
    s.backup_to(&out).unwrap();
    backup::verify(&out, None).unwrap();
    let copy = Store::open_read_only(&out).unwrap();
    assert_eq!(copy.case_detail(r.as_str()).unwrap().notes.len(), 1);
    assert!(!out.with_extension("sqlite.part").exists());

    assert!(
        s.backup_if_due().unwrap().is_some(),
        "no backup yet: one is made"
    );
    assert!(
        s.backup_if_due().unwrap().is_none(),
        "a fresh one exists: none made"
    );
    for _ in 0..backup::KEEP + 3 {
        s.backup_now().unwrap();
    }
    let kept = list_backups(s.path()).unwrap();
    assert_eq!(kept.len(), backup::KEEP);
    assert!(
        kept.windows(2).all(|w| w[0].taken_at >= w[1].taken_at),
        "newest first"
    );
}

#[test]
fn a_backup_is_made_beside_the_store_not_through_it() {
    let (_dir, mut s) = store();
    let first = s.create_case(&takahashi()).unwrap();
    // The app decides with the store, then lets it go: the copy reads the file through
    // its own connection while the store goes on writing.
    let pending = s.start_backup_if_due().unwrap().expect("none made yet");
    let copying = std::thread::spawn(move || pending.finish());
    for i in 0..20 {
        s.add_note(first.as_str(), &note(&format!("during the copy {i}")))
            .unwrap();
    }
    let made = copying.join().unwrap().unwrap();
    backup::verify(Path::new(&made.path), None).unwrap();
    // One moment of the file: some prefix of the notes, never a torn one.
    let copy = Store::open_read_only(Path::new(&made.path)).unwrap();
    let notes = copy.case_detail(first.as_str()).unwrap().notes.len();
    assert!(notes <= 20, "{notes} notes");
    assert_eq!(s.case_detail(first.as_str()).unwrap().notes.len(), 20);
}

#[test]
fn a_copy_cut_short_is_cleared_by_the_next_backup() {
    let (_dir, s) = store();
    let folder = backup::backup_dir(s.path());
    std::fs::create_dir_all(&folder).unwrap();
    // What a backup leaves when the app quits in the middle of the copy.
    let cut = folder.join("kakehashi-20260101T000000000Z.sqlite.part");
    std::fs::write(&cut, b"half a database").unwrap();
    // SQLite's journal of that copy, left beside it.
    let journal = folder.join("kakehashi-20260101T000000000Z.sqlite.part-journal");
    std::fs::write(&journal, b"a journal").unwrap();
    let other = folder.join("notes.txt");
    std::fs::write(&other, b"not ours").unwrap();
    s.backup_now().unwrap();
    assert!(!cut.exists(), "the abandoned copy is gone");
    assert!(!journal.exists(), "its journal is gone");
    assert!(other.exists(), "a file of another name is left alone");
    assert_eq!(list_backups(s.path()).unwrap().len(), 1);
}

#[test]
fn restore_brings_back_the_backup_and_keeps_the_current_file_aside() {
    let (dir, mut s) = store();
    let r = s.create_case(&takahashi()).unwrap();
    let good = dir.path().join("good.sqlite");
    s.backup_to(&good).unwrap();
    s.add_note(r.as_str(), &note("written after the backup"))
        .unwrap();
    let db = s.path().to_owned();

    assert!(
        matches!(
            backup::restore(&db, &good, None, "tester"),
            Err(Error::DatabaseInUse { .. })
        ),
        "refused while open"
    );
    assert!(
        matches!(
            backup::restore_listed(&db, &good, None, "tester"),
            Err(Error::UnknownValue { .. })
        ),
        "the app restores only the file's own backups"
    );
    drop(s);

    // A damaged backup is refused and the current file is left as it was.
    let bad = dir.path().join("bad.sqlite");
    let mut bytes = std::fs::read(&good).unwrap();
    for b in &mut bytes[4096..8192] {
        *b = 0x5a;
    }
    std::fs::write(&bad, &bytes).unwrap();
    let before = std::fs::read(&db).unwrap();
    assert!(backup::restore(&db, &bad, None, "tester").is_err());
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let aside = backup::restore(&db, &good, None, "tester")
        .unwrap()
        .expect("the old file is kept");
    let restored = Store::open(&db).unwrap();
    assert!(restored.case_detail(r.as_str()).unwrap().notes.is_empty());
    restored.check().unwrap();
    let old = Store::open_read_only(&aside).unwrap();
    assert_eq!(
        old.case_detail(r.as_str()).unwrap().notes.len(),
        1,
        "nothing is lost: the later note is aside"
    );
}

#[test]
fn an_encrypted_file_is_unreadable_without_its_passphrase_and_can_go_back() {
    let (dir, mut s) = store();
    let r = s.create_case(&takahashi()).unwrap();
    s.add_note(r.as_str(), &note("Secret-note-7781")).unwrap();
    let db = s.path().to_owned();
    assert!(matches!(
        s.encrypt(None, "short".into()),
        Err(Error::TooShort { .. })
    ));
    let plain_backup = s.backup_now().unwrap();
    s.encrypt(None, "correct horse battery".into()).unwrap();
    assert!(s.is_encrypted());
    let backups = list_backups(s.path()).unwrap();
    assert!(
        !Path::new(&plain_backup.path).exists(),
        "the plaintext backup is gone"
    );
    assert_eq!(backups.len(), 1, "one fresh backup under the new key");
    assert!(!file_contains(
        Path::new(&backups[0].path),
        "Secret-note-7781"
    ));
    assert_eq!(
        s.case_detail(r.as_str()).unwrap().notes.len(),
        1,
        "still usable after the switch"
    );
    s.add_note(r.as_str(), &note("written encrypted")).unwrap();
    let backup = dir.path().join("enc-backup.sqlite");
    s.backup_to(&backup).unwrap();
    drop(s);

    assert!(!file_contains(&db, "SQLite format 3"));
    assert!(!file_contains(&db, "Secret-note-7781"));
    assert!(
        !file_contains(&backup, "Secret-note-7781"),
        "the backup is encrypted too"
    );
    assert!(matches!(
        Store::open(&db),
        Err(Error::PassphraseNeeded { .. })
    ));
    assert!(matches!(
        Store::open_with(&db, Some("wrong passphrase!")),
        Err(Error::WrongPassphrase)
    ));
    let raw = rusqlite::Connection::open(&db).unwrap();
    assert!(
        raw.query_row("SELECT count(*) FROM cases", [], |r| r.get::<_, i64>(0))
            .is_err()
    );
    drop(raw);

    let mut s = Store::open_with(&db, Some("correct horse battery")).unwrap();
    assert_eq!(s.case_detail(r.as_str()).unwrap().notes.len(), 2);
    assert_eq!(
        s.search("高橋", 5).unwrap().len(),
        1,
        "search works on the encrypted file"
    );
    s.check().unwrap();
    s.encrypt(
        Some("correct horse battery"),
        "another long passphrase".into(),
    )
    .unwrap();
    drop(s);
    let mut s = Store::open_with(&db, Some("another long passphrase")).unwrap();
    s.decrypt(Some("another long passphrase")).unwrap();
    drop(s);
    assert!(file_contains(&db, "SQLite format 3"));
    let s = Store::open(&db).unwrap();
    assert_eq!(s.case_detail(r.as_str()).unwrap().notes.len(), 2);
    drop(s);
    backup::verify(&backup, Some("correct horse battery")).unwrap();
}

#[test]
fn changing_or_removing_the_key_takes_the_current_passphrase() {
    let (_dir, mut s) = store();
    let r = s.create_case(&takahashi()).unwrap();
    let db = s.path().to_owned();
    s.encrypt(None, "correct horse battery".into()).unwrap();
    for current in [None, Some("")] {
        assert!(matches!(
            s.decrypt(current),
            Err(Error::Required {
                field: Field::CurrentPassphrase
            })
        ));
        assert!(matches!(
            s.encrypt(current, "another long passphrase".into()),
            Err(Error::Required {
                field: Field::CurrentPassphrase
            })
        ));
    }
    let wrong = s.decrypt(Some("not the passphrase")).unwrap_err();
    assert!(
        matches!(
            wrong,
            Error::NotThePassphrase {
                field: Field::CurrentPassphrase
            }
        ),
        "{wrong:?}"
    );
    assert_eq!(
        wrong.payload().field.as_deref(),
        Some("field-current-passphrase"),
        "the form shows it under the field"
    );
    assert!(matches!(
        s.encrypt(Some("not the passphrase"), "another long passphrase".into()),
        Err(Error::NotThePassphrase { .. })
    ));
    // Nothing changed: the file opens with its passphrase, and no other.
    drop(s);
    assert!(file_contains_no_header(&db));
    let mut s = Store::open_with(&db, Some("correct horse battery")).unwrap();
    s.encrypt(
        Some("correct horse battery"),
        "another long passphrase".into(),
    )
    .unwrap();
    s.decrypt(Some("another long passphrase")).unwrap();
    assert!(!s.is_encrypted());
    assert_eq!(
        s.case_detail(r.as_str()).unwrap().patient.family_name,
        "高橋"
    );
}

fn file_contains_no_header(db: &Path) -> bool {
    !file_contains(db, "SQLite format 3")
}

#[test]
fn the_passphrase_is_shared_by_the_store_and_its_backups_not_copied() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.sqlite");
    let key = Arc::new(Secret::from("correct horse battery"));
    let mut s = Store::open_keyed(&db, Some(Arc::clone(&key))).unwrap();
    assert!(Arc::ptr_eq(&s.passphrase().unwrap(), &key));
    let held = Arc::strong_count(&key);
    let pending = s.copy_for_backup(dir.path().join("b.sqlite")).unwrap();
    assert_eq!(
        Arc::strong_count(&key),
        held + 1,
        "a backup in progress holds the same passphrase"
    );
    pending.finish().unwrap();
    assert_eq!(Arc::strong_count(&key), held);
    // A new passphrase is moved into the store, not copied.
    let new = Secret::from("another long passphrase");
    let text = new.expose().as_ptr();
    s.encrypt(Some("correct horse battery"), new).unwrap();
    assert_eq!(s.passphrase().unwrap().expose().as_ptr(), text);
    assert_eq!(
        Arc::strong_count(&key),
        1,
        "the old one is the caller's alone"
    );
}

#[test]
fn a_backup_failing_after_a_change_of_key_leaves_the_new_key_and_no_old_copy() {
    let (dir, mut s) = store();
    let r = s.create_case(&takahashi()).unwrap();
    s.add_note(r.as_str(), &note("Secret-note-7781")).unwrap();
    let db = s.path().to_owned();
    drop(s);
    // What a restore keeps aside: the file as it was, without encryption.
    let aside = dir
        .path()
        .join("cases.sqlite.before-restore-20261101T090000000Z");
    std::fs::copy(&db, &aside).unwrap();
    assert!(file_contains(&aside, "Secret-note-7781"));
    // A file where the backup folder should be: the backup after the swap fails.
    let folder = backup::backup_dir(&db);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::write(&folder, b"not a folder").unwrap();
    let mut s = Store::open(&db).unwrap();
    let err = s.encrypt(None, "correct horse battery".into()).unwrap_err();
    assert!(
        matches!(err, Error::BackupAfterRekeyFailed { .. }),
        "{err:?}"
    );
    let Error::BackupAfterRekeyFailed { cause } = &err else {
        panic!("{err:?}");
    };
    let l10n = kakehashi_core::Localizer::new(false);
    for lang in kakehashi_core::Lang::all() {
        let text = l10n.error(lang, &err);
        assert!(!text.contains('{'), "{lang:?}: {text}");
        assert!(
            text.contains(&l10n.error(lang, cause)),
            "{lang:?} gives the cause: {text}"
        );
    }
    // The swap was the commit point: the file, the store and what a restore would
    // verify with are all under the new key, and no copy without it is left.
    assert!(file_contains_no_header(&db));
    assert!(!file_contains(&db, "Secret-note-7781"));
    assert!(s.is_encrypted());
    assert_eq!(s.passphrase().unwrap().expose(), "correct horse battery");
    assert_eq!(s.case_detail(r.as_str()).unwrap().notes.len(), 1);
    assert!(!aside.exists(), "the copy without encryption is gone");
    std::fs::remove_file(&folder).unwrap();
    let fresh = s.backup_now().unwrap();
    backup::verify(Path::new(&fresh.path), Some("correct horse battery")).unwrap();
    drop(s);
    Store::open_with(&db, Some("correct horse battery")).unwrap();
}

#[test]
fn copies_under_the_old_key_that_cannot_be_removed_are_named() {
    let (_dir, mut s) = store();
    s.create_case(&takahashi()).unwrap();
    let plain = s.backup_now().unwrap();
    let Some(ro) = common::ReadOnlyDir::new(&backup::backup_dir(s.path())) else {
        return;
    };
    let err = s.encrypt(None, "correct horse battery".into()).unwrap_err();
    match &err {
        Error::OldCopiesRemain { paths } => assert_eq!(paths, std::slice::from_ref(&plain.path)),
        other => panic!("{other:?}"),
    }
    assert!(
        kakehashi_core::Localizer::new(false)
            .error(kakehashi_core::Lang::En, &err)
            .contains(&plain.path),
        "the message names them"
    );
    assert!(s.is_encrypted(), "the new key is in force all the same");
    assert!(file_contains_no_header(s.path()));
    drop(ro);
}

#[test]
fn a_demo_in_an_encrypted_store_is_found_and_leaves_only_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.sqlite");
    let mut s = Store::open_with(&db, Some("correct horse battery")).unwrap();
    s.generate_demo(kakehashi_core::demo::DemoOptions {
        cases: 60,
        seed: 11,
        anchor: anchor(),
        language: kakehashi_core::Lang::En,
    })
    .unwrap();
    let first = s
        .list_cases(&kakehashi_core::CaseListQuery::default())
        .unwrap()
        .cases
        .remove(0);
    let found = s.search(&first.family_name, 60).unwrap();
    assert!(found.iter().any(|c| c.reference == first.reference));
    s.check().unwrap();
    drop(s);
    assert!(
        !dir.path().join("cases.sqlite-demo-search").exists(),
        "the demo's scratch file is gone"
    );
    assert!(!file_contains(&db, &first.family_name));

    // What a crash in the middle of a demo leaves: gone at the next opening.
    let leftover = dir.path().join("cases.sqlite-demo-search");
    std::fs::write(&leftover, b"half a scratch file").unwrap();
    let s = Store::open_read_only_with(&db, Some("correct horse battery")).unwrap();
    drop(s);
    assert!(
        leftover.exists(),
        "a reader leaves it: a demo may be running"
    );
    drop(Store::open_with(&db, Some("correct horse battery")).unwrap());
    assert!(!leftover.exists());
}

#[test]
fn damaged_and_foreign_files_are_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"just some text, not a database").unwrap();
    assert!(matches!(
        Store::open(&junk),
        Err(Error::NotADatabase { .. })
    ));

    let db = dir.path().join("cases.sqlite");
    {
        let mut s = Store::open(&db).unwrap();
        s.set_today(anchor());
        for i in 0..30 {
            s.create_case(&new_case(&format!("Family{i}"), "Given", "ca-to-jp"))
                .unwrap();
        }
    }
    let mut bytes = std::fs::read(&db).unwrap();
    // Page 1 holds the schema: damage it past the header.
    for b in &mut bytes[100..4096] {
        *b = 0xff;
    }
    std::fs::write(&db, &bytes).unwrap();
    let err = Store::open(&db).unwrap_err();
    assert!(matches!(err, Error::DatabaseCorrupt), "{err:?}");
    assert_eq!(err.code(), "error-database-corrupt");
}

#[test]
fn a_full_disk_refuses_the_change_and_keeps_everything_saved() {
    // A real full disk: a 2 MiB tmpfs, filled up once the database is in it.
    let Some(disk) = common::SmallDisk::new(2) else {
        return;
    };
    let db = disk.path().join("cases.sqlite");
    let mut s = Store::open(&db).unwrap();
    s.set_today(anchor());
    let r = s.create_case(&takahashi()).unwrap();
    s.add_note(r.as_str(), &note("saved before the disk filled"))
        .unwrap();
    disk.fill();
    let mut err = None;
    for _ in 0..50 {
        match s.add_note(r.as_str(), &note(&"x".repeat(19_000))) {
            Ok(_) => continue,
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    let err = err.expect("the disk fills up");
    assert!(matches!(err, Error::DiskFull), "{err:?}");
    assert_eq!(err.code(), "error-disk-full");
    let d = s.case_detail(r.as_str()).unwrap();
    assert_eq!(d.notes.last().unwrap().body, "saved before the disk filled");
    disk.free();
    s.add_note(r.as_str(), &note("after space was freed"))
        .unwrap();
    s.check().unwrap();
    drop(s);
    let s = Store::open(&db).unwrap();
    let bodies: Vec<String> = s
        .case_detail(r.as_str())
        .unwrap()
        .notes
        .iter()
        .map(|n| n.body.clone())
        .collect();
    assert!(bodies.contains(&"saved before the disk filled".to_owned()));
    assert!(bodies.contains(&"after space was freed".to_owned()));
}

/// The demo writes through a rollback journal (see `generate_demo`); a crash in the
/// middle leaves the file half-written with the journal beside it. Copying both while
/// a transaction has spilled pages into the file gives exactly what a crash leaves.
#[test]
fn a_transaction_cut_short_in_rollback_mode_is_undone_at_the_next_opening() {
    let (dir, mut s) = store();
    let r = s.create_case(&takahashi()).unwrap();
    let path = s.path().to_owned();
    drop(s);

    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    conn.pragma_update(None, "cache_size", 10).unwrap();
    let before = std::fs::metadata(&path).unwrap().len();
    conn.execute_batch(
        "BEGIN;
         UPDATE patients SET family_name = 'half-written';
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
         INSERT INTO audit_log (at, actor, entity, entity_id, action, detail)
         SELECT '2026-11-01T00:00:00.000Z', 'crash', 'case', i, 'demo', hex(randomblob(200)) FROM n;",
    )
    .unwrap();
    // Two copies of the crashed state: one for each way of opening.
    let crashed: Vec<std::path::PathBuf> = ["for-editing", "for-reading"]
        .iter()
        .map(|name| {
            let folder = dir.path().join(name);
            std::fs::create_dir(&folder).unwrap();
            let copy = folder.join("cases.sqlite");
            std::fs::copy(&path, &copy).unwrap();
            std::fs::copy(
                dir.path().join("cases.sqlite-journal"),
                folder.join("cases.sqlite-journal"),
            )
            .unwrap();
            copy
        })
        .collect();
    conn.execute_batch("ROLLBACK").unwrap();
    drop(conn);
    assert!(
        std::fs::metadata(&crashed[0]).unwrap().len() > before,
        "the transaction spilled pages into the file, as a large one does"
    );

    let crash_rows = |db: &Path| -> i64 {
        rusqlite::Connection::open(db)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM audit_log WHERE actor = 'crash'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let editing = Store::open(&crashed[0]).unwrap();
    let reading = Store::open_read_only(&crashed[1]).unwrap();
    for (s, db) in [(&editing, &crashed[0]), (&reading, &crashed[1])] {
        assert!(!db.with_extension("sqlite-journal").exists());
        assert_eq!(
            s.case_detail(r.as_str()).unwrap().patient.family_name,
            "高橋"
        );
        assert_eq!(crash_rows(db), 0);
        s.check().unwrap();
    }
}

#[test]
fn a_file_in_a_read_only_place_opens_for_reading() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.sqlite");
    let r = {
        let mut s = Store::open(&db).unwrap();
        s.set_today(anchor());
        s.create_case(&takahashi()).unwrap()
    };
    // Root ignores permission bits, so the folder is made read-only with a bind mount
    // where that is allowed; otherwise with the permission bits.
    let Some(ro) = common::ReadOnlyDir::new(dir.path()) else {
        return;
    };
    let err = Store::open(&db).unwrap_err();
    assert!(matches!(err, Error::ReadOnly), "{err:?}");
    let s = Store::open_read_only(&ro.path().join("cases.sqlite")).unwrap();
    assert!(s.is_read_only());
    let d = s.view_case(r.as_str()).unwrap();
    assert_eq!(d.patient.family_name, "高橋");
    // The folder can be unmounted only once nothing in it is open.
    drop(s);
    drop(ro);
}

#[test]
fn consent_is_recorded_with_scope_and_withdrawn_with_a_date() {
    let (_dir, mut s) = store();
    let r = s.create_case(&takahashi()).unwrap();
    let patient = s.case_detail(r.as_str()).unwrap().patient.id;
    let bad = |given_on: &str, scopes: &[&str]| ConsentInput {
        given_on: given_on.into(),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
        note: None,
    };
    assert!(matches!(
        s.add_consent(patient, &bad("", &["care-coordination"])),
        Err(Error::Required { .. })
    ));
    assert!(matches!(
        s.add_consent(patient, &bad("2030-01-01", &["care-coordination"])),
        Err(Error::DateInFuture { .. })
    ));
    assert!(matches!(
        s.add_consent(patient, &bad("2026-10-01", &[])),
        Err(Error::Required { .. })
    ));
    assert!(matches!(
        s.add_consent(patient, &bad("2026-10-01", &["sell-data"])),
        Err(Error::UnknownValue { .. })
    ));
    let consents = s
        .add_consent(
            patient,
            &bad(
                "2026-10-01",
                &["care-coordination", "cross-border-transfer"],
            ),
        )
        .unwrap();
    assert_eq!(consents.len(), 1);
    let id = consents[0].id;
    assert!(matches!(
        s.withdraw_consent(patient, id, "2026-09-01"),
        Err(Error::EndBeforeStart { .. })
    ));
    let consents = s.withdraw_consent(patient, id, "2026-10-20").unwrap();
    assert_eq!(consents[0].withdrawn_on.unwrap().to_string(), "2026-10-20");
    assert!(
        s.withdraw_consent(patient, id, "2026-10-21").is_err(),
        "withdrawn once"
    );
    let actions: Vec<AccessAction> = s
        .access_log(patient)
        .unwrap()
        .iter()
        .map(|e| e.action)
        .collect();
    assert!(actions.contains(&AccessAction::ConsentGiven));
    assert!(actions.contains(&AccessAction::ConsentWithdrawn));
}

#[test]
fn views_exports_and_changes_are_in_the_patients_log() {
    let (_dir, mut s) = store();
    s.set_actor("Marie Tremblay");
    let r = s.create_case(&takahashi()).unwrap();
    let other = s.create_case(&new_case("Roy", "Luc", "ca-to-jp")).unwrap();
    let patient = s.view_case(r.as_str()).unwrap().patient.id;
    s.view_patient(patient).unwrap();
    s.add_note(r.as_str(), &note("called")).unwrap();
    s.view_case(other.as_str()).unwrap();
    s.log_case_export(r.as_str(), ExportConsent::Covered)
        .unwrap();
    let log = s.access_log(patient).unwrap();
    let actions: Vec<AccessAction> = log.iter().map(|e| e.action).collect();
    for a in [
        AccessAction::ViewCase,
        AccessAction::ViewPatient,
        AccessAction::ExportCase,
        AccessAction::CreateCase,
        AccessAction::ChangeCase,
        AccessAction::CreatePatient,
    ] {
        assert!(actions.contains(&a), "{a:?} in {actions:?}");
    }
    assert_eq!(
        actions
            .iter()
            .filter(|a| **a == AccessAction::ViewCase)
            .count(),
        1,
        "the other patient's view is not here"
    );
    assert!(log.iter().all(|e| e.actor == "Marie Tremblay"));
    assert!(log.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
    assert!(
        log.iter()
            .filter(|e| e.reference.is_some())
            .all(|e| e.reference.as_deref() == Some(r.as_str()))
    );
}

#[test]
fn an_export_without_consent_is_refused_unless_confirmed_and_then_logged_as_such() {
    use kakehashi_core::Recipient;
    let (_dir, mut s) = store();
    let r = s.create_case(&takahashi()).unwrap();
    let patient = s.case_detail(r.as_str()).unwrap().patient.id;
    let covered = |s: &Store, to: Recipient| s.export_consent(r.as_str(), to, false);
    for to in [Recipient::Coordinator, Recipient::Patient] {
        assert_eq!(covered(&s, to).unwrap(), ExportConsent::Covered, "{to:?}");
    }
    for to in [
        Recipient::Hospital,
        Recipient::Insurer,
        Recipient::Interpreter,
    ] {
        assert!(
            matches!(covered(&s, to), Err(Error::NoConsent { recipient, .. }) if recipient == <&str>::from(to)),
            "{to:?} without any consent"
        );
    }
    let given = s
        .add_consent(
            patient,
            &ConsentInput {
                given_on: "2026-10-01".into(),
                scopes: vec!["share-with-insurer".into()],
                note: None,
            },
        )
        .unwrap();
    assert_eq!(
        covered(&s, Recipient::Insurer).unwrap(),
        ExportConsent::Covered
    );
    assert!(covered(&s, Recipient::Hospital).is_err(), "another scope");
    s.withdraw_consent(patient, given[0].id, "2026-10-20")
        .unwrap();
    let refused = covered(&s, Recipient::Insurer).unwrap_err();
    assert!(matches!(
        refused,
        Error::NoConsent {
            scope: "share-with-insurer",
            ..
        }
    ));
    let payload = refused.payload();
    assert_eq!(payload.code, "error-no-consent");
    assert_eq!(
        payload.message_args["scope"],
        "consent-scope-share-with-insurer"
    );
    assert_eq!(payload.message_args["recipient"], "recipient-insurer");
    let confirmed = s
        .export_consent(r.as_str(), Recipient::Insurer, true)
        .unwrap();
    assert_eq!(confirmed, ExportConsent::Overridden);
    s.log_case_export(r.as_str(), confirmed).unwrap();
    let actions: Vec<AccessAction> = s
        .access_log(patient)
        .unwrap()
        .iter()
        .map(|e| e.action)
        .collect();
    assert!(
        actions.contains(&AccessAction::ExportWithoutConsent),
        "{actions:?}"
    );
    assert!(!actions.contains(&AccessAction::ExportCase), "{actions:?}");
}

#[test]
fn export_all_gives_everything_and_erase_leaves_a_trace_without_the_person() {
    let (_dir, mut s) = store();
    let mut c = new_case("Zyxwvutson", "Quillaby", "ca-to-jp");
    c.patient.email = Some("quillaby@example.org".into());
    let r1 = s.create_case(&c).unwrap();
    let patient = s.case_detail(r1.as_str()).unwrap().patient.id;
    let mut second = c.clone();
    second.case.specialty = "cardiology".into();
    s.add_note(r1.as_str(), &note("Zyxwvutson asked about the visa"))
        .unwrap();
    let keep = s.create_case(&takahashi()).unwrap();
    s.add_consent(
        patient,
        &ConsentInput {
            given_on: "2026-10-01".into(),
            scopes: vec!["care-coordination".into()],
            note: None,
        },
    )
    .unwrap();

    let record = s.export_patient(patient).unwrap();
    assert_eq!(record.format, "kakehashi-patient/1");
    assert_eq!(record.patient.family_name, "Zyxwvutson");
    assert_eq!(record.cases.len(), 1);
    assert_eq!(record.consents.len(), 1);
    assert!(!record.access_log.is_empty());
    let json = serde_json::to_string(&record).unwrap();
    assert!(json.contains("Zyxwvutson asked about the visa"));

    let erased = s.erase_patient(patient).unwrap();
    assert_eq!(erased.references, vec![r1.to_string()]);
    assert!(matches!(
        s.case_detail(r1.as_str()),
        Err(Error::CaseNotFound { .. })
    ));
    assert!(s.search("Zyxwvutson", 10).unwrap().is_empty());
    assert!(s.search("Quil", 10).unwrap().is_empty());
    assert_eq!(
        s.case_detail(keep.as_str()).unwrap().patient.family_name,
        "高橋",
        "others untouched"
    );
    assert!(
        s.access_log(patient).unwrap().is_empty(),
        "nothing is left under the id"
    );
    let trace = s.erasure_trace(patient).unwrap();
    assert_eq!(trace[0].action, AccessAction::Erase, "{trace:?}");
    assert!(
        trace
            .iter()
            .any(|e| e.action == AccessAction::ExportPatient)
    );
    // SQLite hands the highest id out again: the next patient must inherit nothing.
    let next = s
        .create_case(&new_case("Newcomer", "Nina", "ca-to-jp"))
        .unwrap();
    let next_patient = s.case_detail(next.as_str()).unwrap().patient.id;
    let inherited: Vec<AccessAction> = s
        .access_log(next_patient)
        .unwrap()
        .iter()
        .map(|e| e.action)
        .collect();
    assert!(
        !inherited.iter().any(|a| matches!(
            a,
            AccessAction::Erase | AccessAction::ExportPatient | AccessAction::ConsentGiven
        )),
        "patient {next_patient:?} inherited {inherited:?}"
    );
    s.check().unwrap();
    let path = s.path().to_owned();
    drop(s);
    for needle in [
        "Zyxwvutson",
        "Quillaby",
        "quillaby@example.org",
        "asked about the visa",
    ] {
        assert!(
            !file_contains(&path, needle),
            "{needle} is gone from the file"
        );
    }
    let s = Store::open(&path).unwrap();
    assert!(s.case_detail(keep.as_str()).is_ok());
}
