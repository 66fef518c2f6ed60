//! Backups through SQLite's online backup API, rolling copies beside the database,
//! and restoring one only after it has passed SQLite's integrity check.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::private_files::sync_dir;
use super::{Store, acquire_lock, apply_key, open_ro_connection, private_files, with_suffix};
use crate::error::{Error, Result};
use crate::validate::Field;

/// How many automatic backups are kept; the oldest goes when a new one is made.
pub const KEEP: usize = 7;
/// An automatic backup is made when the newest one is older than this.
pub const EVERY: chrono::TimeDelta = chrono::TimeDelta::hours(24);

const PREFIX: &str = "kakehashi-";
const STAMP: &str = "%Y%m%dT%H%M%S%3fZ";
const SUFFIX: &str = ".sqlite";
/// The current file as it was before a restore, kept beside it.
const BEFORE_RESTORE: &str = ".before-restore-";

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
    with_suffix(db, ".backups")
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

/// The copies of `db` kept aside by restores (with their WAL files).
fn kept_aside(db: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (db.parent(), db.file_name().and_then(|n| n.to_str())) else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{name}{BEFORE_RESTORE}");
    files_named(dir, |n| n.starts_with(&prefix))
}

/// The files in `dir` whose names `keep` accepts; none when the folder cannot be read.
fn files_named(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&keep))
        .collect()
}

/// Removes every backup of `db` and every copy a restore kept aside: they hold the
/// data under the old key (or none) once the file's encryption has changed. Each one
/// is tried; those that stay are named in [`Error::OldCopiesRemain`], and a backup
/// folder that cannot be read is named in their place.
pub(crate) fn remove_old_copies(db: &Path) -> Result<()> {
    let mut remain = Vec::new();
    let backups = match list_backups(db) {
        Ok(list) => list.into_iter().map(|b| PathBuf::from(b.path)).collect(),
        // A file where the folder should be holds no backup.
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::NotADirectory => Vec::new(),
        Err(_) => {
            remain.push(backup_dir(db));
            Vec::new()
        }
    };
    let old = backups
        .into_iter()
        .chain(kept_aside(db))
        .chain(abandoned_parts(db));
    for copy in old {
        match std::fs::remove_file(&copy) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => remain.push(copy),
            _ => {}
        }
    }
    if remain.is_empty() {
        Ok(())
    } else {
        Err(Error::OldCopiesRemain {
            paths: remain.iter().map(|p| p.display().to_string()).collect(),
        })
    }
}

/// Opens `file` read-only and runs SQLite's integrity and foreign-key checks on it.
/// A file from a newer Kakehashi, or one that is no Kakehashi database at all
/// (schema version 0), is refused too.
pub fn verify(file: &Path, passphrase: Option<&str>) -> Result<()> {
    let store = Store::open_read_only_with(file, passphrase)?;
    if store.schema_version()? < 1 {
        return Err(Error::NotADatabase {
            path: file.display().to_string(),
        });
    }
    store.check()
}

/// One copy of pages at a time in this process, and none while the file's key
/// changes (see `encryption`).
static COPYING: Mutex<()> = Mutex::new(());

pub(crate) fn copy_guard() -> MutexGuard<'static, ()> {
    COPYING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Half-made copies in the backup folder, and SQLite's journals beside them: a backup
/// cut short when the app quit. They are never a backup, and may hold the data under
/// an old key.
fn abandoned_parts(db: &Path) -> Vec<PathBuf> {
    files_named(&backup_dir(db), |n| {
        n.starts_with(PREFIX) && (n.ends_with(".part") || n.ends_with(".part-journal"))
    })
}

/// Copies a whole database with the online backup API into `part`, as one file
/// (no WAL) under `key`, and syncs it.
fn copy_pages(from: &Connection, part: &Path, key: Option<&str>) -> Result<()> {
    let _ = std::fs::remove_file(part);
    let copied = (|| -> Result<()> {
        let mut dest = Connection::open(part)?;
        apply_key(&dest, key)?;
        {
            let backup = rusqlite::backup::Backup::new(from, &mut dest)?;
            // One step: one read transaction on the source, so the copy is one moment
            // of the file, and a write meanwhile (WAL) neither waits nor restarts it.
            loop {
                match backup.step(-1)? {
                    rusqlite::backup::StepResult::Done => break,
                    // A writer holds a lock for a moment; the step is tried again.
                    _ => std::thread::sleep(std::time::Duration::from_millis(20)),
                }
            }
        }
        // The copy carries the source's WAL flag; a backup is a single file.
        dest.pragma_update(None, "journal_mode", "DELETE")?;
        dest.close().map_err(|(_, e)| Error::from(e))?;
        private_files::restrict(part)?;
        std::fs::File::open(part)?.sync_all()?;
        Ok(())
    })();
    if copied.is_err() {
        let _ = std::fs::remove_file(part);
    }
    copied
}

impl Store {
    /// Copies the whole database to `out` with SQLite's online backup API, checks
    /// the copy, and only then gives it its name. An encrypted database gives an
    /// encrypted backup under the same passphrase.
    pub fn backup_to(&self, out: &Path) -> Result<BackupInfo> {
        self.copy_for_backup(out.to_owned())?.finish()
    }

    /// A backup of this file to `out`, to be made by [`PendingBackup::finish`], which
    /// needs nothing of the store: it reads the file through a connection of its own,
    /// so the app's screens never wait on a copy of a large database.
    pub fn copy_for_backup(&self, out: PathBuf) -> Result<PendingBackup> {
        Ok(PendingBackup {
            source: self.path.clone(),
            part: with_suffix(&out, ".part"),
            out,
            key: self.passphrase(),
            prune: None,
        })
    }

    /// Makes a backup in the backup folder now and keeps the newest [`KEEP`].
    pub fn backup_now(&self) -> Result<BackupInfo> {
        self.start_backup_now()?.finish()
    }

    fn start_backup_now(&self) -> Result<PendingBackup> {
        let name = format!("{PREFIX}{}{SUFFIX}", Utc::now().format(STAMP));
        let mut pending = self.copy_for_backup(backup_dir(&self.path).join(name))?;
        pending.prune = Some(self.path.clone());
        Ok(pending)
    }

    /// The automatic backup: begun when the newest is older than [`EVERY`] (or there
    /// is none). A read-only view makes none: it may not even be able to write beside
    /// the file. Finish the returned backup with [`PendingBackup::finish`].
    pub fn start_backup_if_due(&self) -> Result<Option<PendingBackup>> {
        if self.read_only {
            return Ok(None);
        }
        let newest = list_backups(&self.path)?
            .first()
            .and_then(|b| taken_at(Path::new(&b.path)));
        match newest {
            Some(at) if Utc::now() - at < EVERY => Ok(None),
            _ => self.start_backup_now().map(Some),
        }
    }

    /// [`Store::start_backup_if_due`] and its finish in one call.
    pub fn backup_if_due(&self) -> Result<Option<BackupInfo>> {
        self.start_backup_if_due()?
            .map(PendingBackup::finish)
            .transpose()
    }
}

/// A backup whose pages are copied but not yet checked nor named.
#[derive(Debug)]
pub struct PendingBackup {
    source: PathBuf,
    part: PathBuf,
    out: PathBuf,
    key: Option<std::sync::Arc<super::Secret>>,
    /// The database whose backup folder keeps only the newest [`KEEP`] afterwards.
    prune: Option<PathBuf>,
}

impl PendingBackup {
    /// Copies the pages, checks the copy and gives it its name; a copy that fails the
    /// check is removed.
    pub fn finish(self) -> Result<BackupInfo> {
        let key = self.key.as_deref().map(super::Secret::expose);
        {
            let _copying = copy_guard();
            if let Some(db) = &self.prune {
                for part in abandoned_parts(db) {
                    let _ = std::fs::remove_file(part);
                }
            }
            if let Some(dir) = self.out.parent().filter(|d| !d.as_os_str().is_empty()) {
                private_files::create_dir_all(dir)?;
                // The backup folder is always ours (one made by an earlier version
                // took the umask's mode); a folder given to `backup_to` may be shared.
                if self.prune.is_some() {
                    private_files::restrict(dir)?;
                }
            }
            let source = open_ro_connection(&self.source, key)?;
            copy_pages(&source, &self.part, key)?;
        }
        if let Err(e) = verify(&self.part, key) {
            let _ = std::fs::remove_file(&self.part);
            return Err(e);
        }
        std::fs::rename(&self.part, &self.out)?;
        sync_dir(&self.out);
        if let Some(db) = &self.prune {
            for old in list_backups(db)?.into_iter().skip(KEEP) {
                std::fs::remove_file(&old.path)?;
            }
        }
        Ok(BackupInfo {
            path: self.out.display().to_string(),
            taken_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            bytes: std::fs::metadata(&self.out)?.len(),
        })
    }
}

/// Restores one of the backups listed for `db` (see [`list_backups`]); any other
/// file is refused, so the app can only put back what it made.
pub fn restore_listed(
    db: &Path,
    backup: &Path,
    passphrase: Option<&str>,
    actor: &str,
) -> Result<Option<PathBuf>> {
    let listed = list_backups(db)?
        .iter()
        .any(|b| Path::new(&b.path) == backup);
    if !listed {
        return Err(Error::UnknownValue {
            field: Field::BackupFile,
            value: backup.display().to_string(),
        });
    }
    restore(db, backup, passphrase, actor)
}

/// Replaces the database at `db` with the backup `from`, after checking the backup.
/// The current file is kept aside (its name plus `.before-restore-<time>`, the newest
/// [`KEEP`] of them), and its path is returned. Refused while a Kakehashi has `db`
/// open for writing.
///
/// A restore must not rewind what the file owes its patients: before anyone else may
/// open it, the restored file is migrated, every erasure of the ledger is done again
/// (`erasures`), the access log's rows written since the backup are carried over from
/// the copy kept aside, and the restore itself goes into the audit log as `actor`'s.
pub fn restore(
    db: &Path,
    from: &Path,
    passphrase: Option<&str>,
    actor: &str,
) -> Result<Option<PathBuf>> {
    let lock = acquire_lock(db)?;
    verify(from, passphrase)?;
    let part = with_suffix(db, ".part");
    // Through the backup API rather than a file copy: a source in WAL mode brings
    // its committed tail with it.
    let source = Store::open_read_only_with(from, passphrase)?;
    copy_pages(source.conn(), &part, passphrase)?;
    drop(source);
    let stamp = Utc::now().format(STAMP);
    let aside = if db.exists() {
        let aside = with_suffix(db, &format!("{BEFORE_RESTORE}{stamp}"));
        std::fs::hard_link(db, &aside).or_else(|_| std::fs::copy(db, &aside).map(|_| ()))?;
        private_files::restrict(&aside)?;
        Some(aside)
    } else {
        None
    };
    // A leftover WAL belongs to the old file; replayed onto the backup it would
    // corrupt it. It goes aside with the old file.
    for ext in ["-wal", "-shm"] {
        let side = with_suffix(db, ext);
        if side.exists() {
            match &aside {
                Some(a) => std::fs::rename(&side, with_suffix(a, ext))?,
                None => std::fs::remove_file(&side)?,
            }
        }
    }
    // What the restored file must be told about its restore, written before the rename
    // makes the restore real: the next writing open (just below, or after a crash, the
    // next start) carries the access log over and records the restore, then removes it.
    let pending = PendingRestore {
        backup: from
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        kept_aside: aside.as_ref().map(|a| a.display().to_string()),
        actor: actor.to_owned(),
        log_tail: log_tail(&part, passphrase)?,
    };
    pending.save(db)?;
    std::fs::rename(&part, db)?;
    sync_dir(db);
    drop(Store::open_holding(
        db,
        passphrase.map(|p| std::sync::Arc::new(super::Secret::from(p))),
        lock,
    )?);
    // The restore is done; a copy that cannot be pruned now is pruned after the next.
    let _ = prune_kept_aside(db);
    Ok(aside)
}

/// A restore whose accountability is still to be written into the restored file
/// (`privacy::restore_log`), kept beside it as `<file>.restore-pending.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct PendingRestore {
    /// The backup's file name.
    pub backup: String,
    /// Where the file it replaced was kept.
    pub kept_aside: Option<String>,
    /// Who restored it.
    pub actor: String,
    /// The backup's newest access-log row, before anything was written to it.
    pub log_tail: LogTail,
}

/// The newest row of an access log: its id and its link in the hash chain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct LogTail {
    pub id: i64,
    pub chain: Option<Vec<u8>>,
}

impl PendingRestore {
    pub fn path(db: &Path) -> PathBuf {
        with_suffix(db, ".restore-pending.json")
    }

    fn save(&self, db: &Path) -> Result<()> {
        let bytes = serde_json::to_vec_pretty(self).expect("plain struct");
        private_files::write_atomically(&Self::path(db), &bytes)?;
        Ok(())
    }

    /// The restore the file at `db` still owes its log, if any.
    pub fn load(db: &Path) -> Result<Option<PendingRestore>> {
        match std::fs::read(Self::path(db)) {
            Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| {
                Error::Io(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: {e}", Self::path(db).display()),
                ))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub fn done(db: &Path) -> Result<()> {
        match std::fs::remove_file(Self::path(db)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }
}

/// The newest access-log row of the file at `path`; none in a file older than the
/// log (schema 3), no link in one older than the chain (schema 8).
fn log_tail(path: &Path, passphrase: Option<&str>) -> Result<LogTail> {
    let conn = open_ro_connection(path, passphrase)?;
    let has = |column: &str| -> Result<bool> {
        Ok(conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM pragma_table_info('access_log') WHERE name = ?1)",
            [column],
            |r| r.get(0),
        )?)
    };
    if !has("id")? {
        return Ok(LogTail::default());
    }
    let sql = if has("chain")? {
        "SELECT id, chain FROM access_log ORDER BY id DESC LIMIT 1"
    } else {
        "SELECT id, NULL FROM access_log ORDER BY id DESC LIMIT 1"
    };
    Ok(conn
        .query_row(sql, [], |r| {
            Ok(LogTail {
                id: r.get(0)?,
                chain: r.get(1)?,
            })
        })
        .optional()?
        .unwrap_or_default())
}

/// Keeps the newest [`KEEP`] copies set aside by restores, like the backups; each is
/// a whole copy of the file, erased patients included.
fn prune_kept_aside(db: &Path) -> Result<()> {
    let mut copies: Vec<PathBuf> = kept_aside(db)
        .into_iter()
        .filter(|p| {
            let name = p.to_string_lossy();
            !(name.ends_with("-wal") || name.ends_with("-shm"))
        })
        .collect();
    // The stamp sorts as time, and every name shares the prefix.
    copies.sort();
    copies.reverse();
    for old in copies.into_iter().skip(KEEP) {
        for ext in ["", "-wal", "-shm"] {
            match std::fs::remove_file(with_suffix(&old, ext)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
        }
    }
    Ok(())
}
