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
            language: kakehashi_core::Lang::En,
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

/// A folder made read-only for the life of the value: with a read-only bind mount
/// when running as root (root ignores permission bits), else with the bits.
pub struct ReadOnlyDir {
    path: std::path::PathBuf,
    mounted: bool,
}

impl ReadOnlyDir {
    /// `None` (with a note on stderr) where this machine allows neither: root in a
    /// container without the right to mount.
    pub fn new(dir: &std::path::Path) -> Option<ReadOnlyDir> {
        use std::os::unix::fs::PermissionsExt;
        let is_root = std::process::Command::new("id")
            .arg("-u")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
            .unwrap_or(false);
        if is_root {
            let ok = |args: &[&str]| {
                std::process::Command::new("mount")
                    .args(args)
                    .status()
                    .is_ok_and(|s| s.success())
            };
            let d = dir.to_str().unwrap();
            if !ok(&["--bind", d, d]) {
                eprintln!("SKIPPED: running as root without the right to mount a read-only folder");
                return None;
            }
            if !ok(&["-o", "remount,bind,ro", d]) {
                let _ = std::process::Command::new("umount").arg(d).status();
                eprintln!("SKIPPED: running as root without the right to remount read-only");
                return None;
            }
            Some(ReadOnlyDir {
                path: dir.to_owned(),
                mounted: true,
            })
        } else {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
            Some(ReadOnlyDir {
                path: dir.to_owned(),
                mounted: false,
            })
        }
    }

    pub fn path(&self) -> &std::path::Path {
        &self.path
    }
}

impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.mounted {
            let _ = std::process::Command::new("umount")
                .arg(&self.path)
                .status();
        } else {
            let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o755));
        }
    }
}

/// A real small disk (tmpfs) that tests can fill; needs root, as the CI has.
pub struct SmallDisk {
    dir: TempDir,
}

impl SmallDisk {
    /// `None` (with a note on stderr) where mounting is not allowed.
    pub fn new(mib: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("SKIPPED: a real full disk needs the right to mount a small tmpfs (root)");
            return None;
        }
        Some(SmallDisk { dir })
    }

    pub fn path(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Writes a filler file until the disk refuses more.
    pub fn fill(&self) {
        use std::io::Write;
        let mut f = std::fs::File::create(self.path().join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
    }

    pub fn free(&self) {
        std::fs::remove_file(self.path().join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

/// A provider of the file's own, in Japan.
pub fn okinawa_provider() -> kakehashi_core::provider::ProviderInput {
    kakehashi_core::provider::ProviderInput {
        name_en: "Okinawa Heart Institute".into(),
        name_ja: "沖縄ハートインスティテュート".into(),
        country: "JP".into(),
        city: "Naha".into(),
        time_zone: "Asia/Tokyo".into(),
        specialties: vec!["cardiac-surgery".into()],
        ..Default::default()
    }
}
