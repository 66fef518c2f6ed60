//! The crash harness: the real `kakehashi` writer is killed with SIGKILL at random
//! moments while it creates and edits cases, and while it generates demo data.
//! After each kill, every change the writer acknowledged (printed after its commit)
//! must be in the file, SQLite's integrity check must pass, and the next writer must
//! open the file and go on.
//!
//! `cargo test -p kakehashi-cli --test crash` runs a few trials of each kind;
//! `KAKEHASHI_CRASH_TRIALS=200 cargo test --release -p kakehashi-cli --test crash -- --nocapture`
//! is the full run whose figures are in docs/reliability.md.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use kakehashi_core::Store;

fn trials(default: usize) -> usize {
    std::env::var("KAKEHASHI_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What the writer said it had committed.
#[derive(Default)]
struct Acknowledged {
    cases: BTreeSet<String>,
    notes: BTreeSet<(String, String)>,
    tasks: BTreeSet<(String, String)>,
}

impl Acknowledged {
    fn take(&mut self, line: &str) {
        let mut parts = line.splitn(3, ' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("case"), Some(r), None) => {
                self.cases.insert(r.to_owned());
            }
            (Some("note"), Some(r), Some(body)) => {
                self.notes.insert((r.to_owned(), body.to_owned()));
            }
            (Some("task"), Some(r), Some(title)) => {
                self.tasks.insert((r.to_owned(), title.to_owned()));
            }
            _ => panic!("the writer printed something unexpected: {line:?}"),
        }
    }

    fn len(&self) -> usize {
        self.cases.len() + self.notes.len() + self.tasks.len()
    }
}

/// Runs the writer on `db` and kills it `after` from start; returns the lines it
/// printed before dying.
fn write_and_kill(db: &Path, seed: u64, after: Duration) -> Vec<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kakehashi"))
        .arg("--db")
        .arg(db)
        .args(["crash-writer", "--seed", &seed.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    std::thread::sleep(after);
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    reader.join().unwrap();
    rx.try_iter().collect()
}

/// Everything acknowledged so far must be in the file, after every kill: a later
/// crash must not take back an earlier change either. Read with plain SQL in one pass.
fn verify(db: &Path, acked: &Acknowledged) {
    let store = Store::open_read_only(db).unwrap();
    store.check().expect("integrity check after a kill");
    drop(store);
    let conn = rusqlite::Connection::open(db).unwrap();
    let set = |sql: &str| -> BTreeSet<(String, String)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let cases: BTreeSet<String> = set("SELECT reference, '' FROM cases")
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    let notes = set("SELECT c.reference, n.body FROM notes n JOIN cases c ON c.id = n.case_id");
    let tasks = set("SELECT c.reference, t.title FROM tasks t JOIN cases c ON c.id = t.case_id");
    let lost: Vec<String> = acked
        .cases
        .difference(&cases)
        .map(|r| format!("case {r}"))
        .chain(
            acked
                .notes
                .difference(&notes)
                .map(|(r, b)| format!("note {r} {b}")),
        )
        .chain(
            acked
                .tasks
                .difference(&tasks)
                .map(|(r, t)| format!("task {r} {t}")),
        )
        .collect();
    assert!(lost.is_empty(), "acknowledged changes lost: {lost:?}");
}

#[test]
fn killing_the_writer_never_loses_an_acknowledged_change() {
    let n = trials(12);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.sqlite");
    let mut rng = fastrand::Rng::with_seed(7);
    let mut acked = Acknowledged::default();
    let started = Instant::now();
    for trial in 0..n {
        // From during start-up to well into a run of writes.
        let after = Duration::from_millis(rng.u64(5..400));
        for line in write_and_kill(&db, trial as u64 + 1, after) {
            acked.take(&line);
        }
        verify(&db, &acked);
    }
    eprintln!(
        "crash harness (writes): {n} kills, {} acknowledged changes all present, {:.1} s",
        acked.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        acked.cases.len() > n / 2,
        "the writer got to write between kills"
    );
}

#[test]
fn killing_demo_generation_leaves_all_or_nothing() {
    let n = trials(4);
    let mut rng = fastrand::Rng::with_seed(11);
    let (mut empty, mut whole) = (0, 0);
    for _ in 0..n {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cases.sqlite");
        let mut child = Command::new(env!("CARGO_BIN_EXE_kakehashi"))
            .arg("--db")
            .arg(&db)
            .args([
                "demo",
                "--cases",
                "3000",
                "--seed",
                "5",
                "--anchor",
                "2026-11-01",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.u64(20..1500)));
        child.kill().unwrap();
        let finished = child.wait_with_output().unwrap();
        let acknowledged = !finished.stdout.is_empty();
        let store = Store::open(&db).unwrap();
        store.check().expect("integrity check after a kill");
        // The rows themselves, and the total the app shows (kept by triggers) agreeing.
        let rows: u32 = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            store.case_count().unwrap(),
            rows,
            "the kept total after a kill"
        );
        match rows {
            0 => {
                assert!(!acknowledged, "the writer said it had finished");
                empty += 1;
            }
            3000 => whole += 1,
            other => panic!("a killed demo left {other} cases: it must be all or nothing"),
        }
        // The indexes dropped for the bulk load are back, whichever way it ended.
        let fresh = Store::open(&dir.path().join("fresh.sqlite")).unwrap();
        assert_eq!(index_names(&db), index_names(fresh.path()));
        drop(store);
        // And the next run can write.
        let out = Command::new(env!("CARGO_BIN_EXE_kakehashi"))
            .arg("--db")
            .arg(&db)
            .args(["check"])
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    eprintln!("crash harness (demo): {n} kills, {empty} left empty, {whole} whole");
}

fn index_names(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}
