//! The review's findings as a script meets them: file modes under the usual umask,
//! read-only views in the access log, and `check` finding a tampered log.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `kakehashi --db DB ARGS…` under umask 022, as most desktops and CI start it.
fn run_umask_022(db: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_kakehashi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn everything_the_cli_writes_is_private_under_umask_022() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("new-folder");
    let db = folder.join("cases.sqlite");
    ok(&run_umask_022(&db, &["demo", "--cases", "3"]));
    let exports = dir.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let csv = exports.join("list.csv");
    let patient = exports.join("patient.json");
    let backup = exports.join("copy.sqlite");
    ok(&run_umask_022(
        &db,
        &[
            "export",
            "--all",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
        ],
    ));
    ok(&run_umask_022(
        &db,
        &["patient", "export", "1", "--out", patient.to_str().unwrap()],
    ));
    ok(&run_umask_022(&db, &["backup", backup.to_str().unwrap()]));
    assert_eq!(mode(&folder), 0o700, "the folder it made");
    for file in [
        &db,
        &csv,
        &patient,
        &backup,
        &folder.join("cases.sqlite.lock"),
    ] {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
}

#[test]
fn case_show_is_logged_and_check_finds_a_changed_access_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.sqlite");
    ok(&run_umask_022(&db, &["demo", "--cases", "2"]));
    let reference: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT reference FROM cases ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let views = || -> i64 {
        rusqlite::Connection::open(&db)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM access_log WHERE action = 'view-case'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    ok(&run_umask_022(&db, &["case", "show", &reference]));
    ok(&run_umask_022(&db, &["case", "show", &reference]));
    assert_eq!(views(), 2, "each showing of a case is in the access log");
    ok(&run_umask_022(&db, &["check"]));
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE access_log SET actor = 'someone else' WHERE id = 1",
            [],
        )
        .unwrap();
    let checked = run_umask_022(&db, &["--lang", "en", "check"]);
    assert!(!checked.status.success());
    let said = String::from_utf8_lossy(&checked.stderr);
    assert!(said.contains("1 row no longer fits"), "{said}");
}
