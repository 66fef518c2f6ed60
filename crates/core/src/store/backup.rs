//! Backups through SQLite's online backup API, rolling copies beside the database,
//! and restoring one only after it has passed SQLite's integrity check.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::encryption::sync_dir;
use super::{SCHEMA_VERSION, Store, acquire_lock, apply_key, migrations, open_ro_connection};
use crate::error::{Error, Result};

/// How many automatic backups are kept; the oldest goes when a new one is made.
pub const KEEP: usize = 7;
/// An automatic backup is made when the newest one is older than this.
pub const EVERY: chrono::TimeDelta = chrono::TimeDelta::hours(24);

const PREFIX: &str = "kakehashi-";
const STAMP: &str = "%Y%m%dT%H%M%S%3fZ";
const SUFFIX: &str = ".sqlite";

/// One backup file in the backup folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    /// When it was taken, UTC, RFC 3339.
    pub taken_at: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The folder of a database's automatic backups: beside it, named after it, so two
/// databases in one folder never share backups.
pub fn backup_dir(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".backups");
    db.with_file_name(name)
}

fn taken_at(file: &Path) -> Option<DateTime<Utc>> {
    let name = file.file_name()?.to_str()?;
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| t.and_utc())
}

/// The database's backups, newest first. Files of other names are left alone.
pub fn list_backups(db: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backup_dir(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut found: Vec<(DateTime<Utc>, BackupInfo)> = Vec::new();
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        if let Some(at) = taken_at(&path) {
            found.push((
                at,
                BackupInfo {
                    path: path.display().to_string(),
                    taken_at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    bytes: entry.metadata()?.len(),
                },
            ));
        }
    }
    found.sort_by_key(|b| std::cmp::Reverse(b.0));
    Ok(found.into_iter().map(|(_, b)| b).collect())
}

/// Opens `file` read-only and runs SQLite's integrity and foreign-key checks on it;
/// a file from a newer Kakehashi is refused too.
pub fn verify(file: &Path, passphrase: Option<&str>) -> Result<()> {
    let conn = open_ro_connection(file, passphrase)?;
    let version = migrations::user_version(&conn)?;
    if version > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if result != "ok" {
        return Err(Error::IntegrityCheckFailed { detail: result });
    }
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if fk > 0 {
        return Err(Error::IntegrityCheckFailed {
            detail: format!("foreign_key_check: {fk}"),
        });
    }
    Ok(())
}

fn part_of(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".part");
    PathBuf::from(p)
}

impl Store {
    /// Copies the whole database to `out` with SQLite's online backup API, checks
    /// the copy, and only then gives it its name. An encrypted database gives an
    /// encrypted backup under the same passphrase.
    pub fn backup_to(&self, out: &Path) -> Result<BackupInfo> {
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let part = part_of(out);
        let _ = std::fs::remove_file(&part);
        let written = (|| -> Result<()> {
            let mut dest = Connection::open(&part)?;
            apply_key(&dest, self.passphrase.as_deref())?;
            {
                let backup = rusqlite::backup::Backup::new(self.conn(), &mut dest)?;
                backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
            }
            // The copy carries the source's WAL flag; a backup is a single file.
            dest.pragma_update(None, "journal_mode", "DELETE")?;
            dest.close().map_err(|(_, e)| Error::from(e))?;
            std::fs::File::open(&part)?.sync_all()?;
            verify(&part, self.passphrase.as_deref())
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
        std::fs::rename(&part, out)?;
        sync_dir(out);
        Ok(BackupInfo {
            path: out.display().to_string(),
            taken_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            bytes: std::fs::metadata(out)?.len(),
        })
    }

    /// Makes a backup in the backup folder now and keeps the newest [`KEEP`].
    pub fn backup_now(&self) -> Result<BackupInfo> {
        let name = format!("{PREFIX}{}{SUFFIX}", Utc::now().format(STAMP));
        let info = self.backup_to(&backup_dir(&self.path).join(name))?;
        for old in list_backups(&self.path)?.into_iter().skip(KEEP) {
            std::fs::remove_file(&old.path)?;
        }
        Ok(info)
    }

    /// The automatic backup: made when the newest is older than [`EVERY`] (or there
    /// is none). Returns the new backup, if one was made.
    pub fn backup_if_due(&self) -> Result<Option<BackupInfo>> {
        let newest = list_backups(&self.path)?
            .first()
            .and_then(|b| taken_at(Path::new(&b.path)));
        match newest {
            Some(at) if Utc::now() - at < EVERY => Ok(None),
            _ => self.backup_now().map(Some),
        }
    }
}

/// Replaces the database at `db` with the backup `from`, after checking the backup.
/// The current file is kept aside (its name plus `.before-restore-<time>`), and its
/// path is returned. Refused while any Kakehashi has `db` open.
pub fn restore(db: &Path, from: &Path, passphrase: Option<&str>) -> Result<Option<PathBuf>> {
    let _lock = acquire_lock(db)?;
    verify(from, passphrase)?;
    let part = part_of(db);
    std::fs::copy(from, &part)?;
    std::fs::File::open(&part)?.sync_all()?;
    let stamp = Utc::now().format(STAMP);
    let aside = if db.exists() {
        let mut name = db.as_os_str().to_owned();
        name.push(format!(".before-restore-{stamp}"));
        let aside = PathBuf::from(name);
        std::fs::hard_link(db, &aside).or_else(|_| std::fs::copy(db, &aside).map(|_| ()))?;
        Some(aside)
    } else {
        None
    };
    // A leftover WAL belongs to the old file; replayed onto the backup it would
    // corrupt it. It goes aside with the old file.
    for ext in ["-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(ext);
        let side = PathBuf::from(side);
        if side.exists() {
            match &aside {
                Some(a) => {
                    let mut to = a.as_os_str().to_owned();
                    to.push(ext);
                    std::fs::rename(&side, PathBuf::from(to))?;
                }
                None => std::fs::remove_file(&side)?,
            }
        }
    }
    std::fs::rename(&part, db)?;
    sync_dir(db);
    Ok(aside)
}
