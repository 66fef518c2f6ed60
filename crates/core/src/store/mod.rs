//! The SQLite store: opening a file safely (for writing, or read-only beside another
//! window or in a read-only folder; with a SQLCipher key when encrypted), migrations,
//! the audit log and case references. One connection, one writer per file; backups
//! and switching encryption live in `backup` and `encryption`.

pub mod backup;
pub(crate) mod chain;
pub mod encryption;
pub mod harden;
mod migrations;
pub mod private_files;
#[cfg(test)]
mod query_plans;

use std::cell::{RefCell, RefMut};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{Datelike, Local, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params};
use zeroize::Zeroizing;

use crate::anchors::Anchors;
use crate::error::{Error, Result};
use crate::ids::{CaseId, CaseRef};
use crate::status::CaseStatus;

pub use migrations::SCHEMA_VERSION;
pub(crate) use migrations::{SchemaObject, check_own_schema};

/// An open Kakehashi database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: String,
    today: Option<NaiveDate>,
    // Kept for backups, which must be written with the same key as the file; shared
    // with the app and with backups in progress, never copied.
    passphrase: Option<Arc<Secret>>,
    read_only: bool,
    // The file's schema version: a read-only store may look at a file not yet migrated.
    schema: i64,
    // Deep-page anchors of the case list; a reader's cache, so `&self` may fill it.
    anchors: RefCell<Anchors>,
    // An erasure's checkpoint could not finish: tried again when the store closes.
    erasure_pending: bool,
    // Held for the life of the store: a second writer on the same file is refused.
    _lock: Option<File>,
}

impl Drop for Store {
    fn drop(&mut self) {
        if self.erasure_pending
            && self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    r.get::<_, i64>(0)
                })
                .is_ok_and(|busy| busy == 0)
        {
            let _ = crate::erasures::mark_checkpointed(&self.path);
        }
    }
}

/// The store's page cache, in KiB (SQLite's negative form). SQLite's default of 2 MiB
/// is smaller than one list index of a 100,000-case file (the target-date key alone is
/// 3 MiB), so counting the list read every page of it from the file again on each page.
/// Pages are cached as they are read, so a small file never costs this much.
pub(crate) const CACHE_KIB: i64 = -32_768;

/// The durability settings a health record deserves, set on every connection:
/// WAL so readers never block the writer, FULL sync so a commit survives power loss.
fn configure(conn: &mut Connection) -> Result<()> {
    harden::harden(conn)?;
    chain::register(conn)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "cache_size", CACHE_KIB)?;
    Ok(())
}

/// Turns SQLite's "not a database" into an error naming the file; everything else
/// (damaged, read-only, full) is already classified by `From<rusqlite::Error>`.
fn map_open_error(e: Error, path: &Path, passphrase: Option<&str>) -> Error {
    match e {
        Error::Sqlite(s) if s.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            if passphrase.is_some() {
                Error::WrongPassphrase
            } else if looks_encrypted(path) {
                Error::PassphraseNeeded {
                    path: path.display().to_string(),
                }
            } else if has_sqlite_header(path) {
                Error::DatabaseCorrupt
            } else {
                Error::NotADatabase {
                    path: path.display().to_string(),
                }
            }
        }
        other => other,
    }
}

fn first_bytes(path: &Path) -> Option<(u64, [u8; 16])> {
    use std::io::Read;
    let mut file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut head = [0u8; 16];
    file.read_exact(&mut head).ok()?;
    Some((len, head))
}

fn has_sqlite_header(path: &Path) -> bool {
    first_bytes(path).is_some_and(|(_, head)| &head == b"SQLite format 3\0")
}

/// SQLCipher files have no plain header: the first 16 bytes are a random salt, and
/// the file is whole pages. A file of text or of one repeated byte is not one.
pub fn looks_encrypted(path: &Path) -> bool {
    first_bytes(path).is_some_and(|(len, head)| {
        let mut distinct = head.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        let binary = head
            .iter()
            .any(|b| !(b.is_ascii_graphic() || b.is_ascii_whitespace()));
        &head != b"SQLite format 3\0"
            && len >= 1024
            && len % 512 == 0
            && distinct.len() >= 8
            && binary
    })
}

/// A passphrase, kept out of every `Debug` print (error reports, test failures) and
/// wiped from memory when dropped. Not `Clone`: the app, the store and a backup in
/// progress share one copy (`Arc<Secret>`), so no stray copy outlives the session.
#[derive(PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Takes `s` as it is, without copying it: wrap a typed passphrase as it arrives.
    pub fn new(s: String) -> Secret {
        Secret(Zeroizing::new(s))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A copy of a passphrase known as text (a literal, a test's); wiped when dropped too.
impl From<&str> for Secret {
    fn from(s: &str) -> Secret {
        Secret::new(s.to_owned())
    }
}

/// `Zeroizing` wipes the text when the secret is dropped.
impl zeroize::ZeroizeOnDrop for Secret {}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// SQLite counts itself initialised before SQLCipher's own start-up has registered
/// `sqlcipher_export` for new connections, so a connection that another thread opens
/// meanwhile lacks it, and a change of key through it fails ("no such function").
/// The first store to open lets that start-up finish before any other goes on.
fn init_sqlcipher() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| drop(Connection::open_in_memory()));
}

/// The key must come before any statement that reads the file (setting SQLCipher's
/// log level reads nothing).
pub(crate) fn apply_key(conn: &Connection, passphrase: Option<&str>) -> Result<()> {
    // SQLCipher would print a wrong key to stderr; the caller reports it, translated.
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()))
        .optional()?;
    if let Some(key) = passphrase {
        // The statement holds the passphrase too, so it is built here, in memory that
        // is wiped afterwards (rusqlite's `pragma_update` would leave its copy behind).
        // Sized up front: growing it would leave the first buffer unwiped. SQLite's own
        // copy of the text while it prepares the statement is not ours to wipe
        // (`cipher_memory_security` stays off: docs/reliability.md §4).
        let mut sql = Zeroizing::new(String::with_capacity(2 * key.len() + 16));
        sql.push_str("PRAGMA key = '");
        for c in key.chars() {
            if c == '\'' {
                sql.push('\'');
            }
            sql.push(c);
        }
        sql.push('\'');
        conn.query_row(&sql, [], |_| Ok(())).optional()?;
    }
    Ok(())
}

/// True when the file beside the database with this suffix holds something: a WAL with
/// changes not yet in the file, or a rollback journal of a transaction (the demo's, see
/// `generate_demo`) cut short by a crash.
fn beside_holds_data(path: &Path, suffix: &str) -> bool {
    std::fs::metadata(with_suffix(path, suffix)).is_ok_and(|m| m.len() > 0)
}

/// Puts the file back as it was before the cut-short transaction. A read-only
/// connection may not do this (SQLite refuses it with `SQLITE_READONLY_ROLLBACK`); a
/// writing one does it on its first read. The state it restores is whole and was
/// committed, whichever version wrote it, so this is safe before the version check.
fn roll_back_journal(path: &Path, passphrase: Option<&str>) -> Result<()> {
    let mut conn =
        Connection::open(path).map_err(|e| map_open_error(e.into(), path, passphrase))?;
    harden::harden(&mut conn)?;
    apply_key(&conn, passphrase)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .map_err(|e| map_open_error(e.into(), path, passphrase))?;
    Ok(())
}

/// [`open_ro_connection`], after rolling back what a crash in rollback mode left. The
/// rolled-back file is what every reader should see; in a read-only folder, where it
/// cannot be, the error stays `ReadOnly`.
///
/// `locked`: the caller holds the file's lock. A reader takes it for the rollback, so
/// that where the OS's byte-range locks cannot be trusted (a network share) a live
/// Kakehashi's journal is never taken for a crashed one.
fn open_ro_after_crash(path: &Path, passphrase: Option<&str>, locked: bool) -> Result<Connection> {
    match open_ro_connection(path, passphrase) {
        Err(Error::ReadOnly) if beside_holds_data(path, "-journal") => {
            let _lock = if locked {
                None
            } else {
                Some(acquire_lock(path)?)
            };
            roll_back_journal(path, passphrase)?;
            open_ro_connection(path, passphrase)
        }
        other => other,
    }
}

/// Opens `path` read-only for a probe, a check or a read-only view. In a read-only
/// folder a WAL file cannot get its shared-memory file, so that case falls back to
/// SQLite's immutable mode, which is exact there: nobody can write beside us.
pub(crate) fn open_ro_connection(path: &Path, passphrase: Option<&str>) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let try_open = |mut conn: Connection| -> Result<Connection> {
        harden::harden(&mut conn)?;
        apply_key(&conn, passphrase)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // Reading the schema finds a wrong key or a damaged first page now, at
        // opening, rather than at the first screen.
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        Ok(conn)
    };
    let first = Connection::open_with_flags(path, flags)
        .map_err(Error::from)
        .and_then(try_open);
    match first {
        // Immutable mode ignores the WAL: if one holds committed changes (a crash
        // left them there), the view would be stale, so it is refused instead.
        Err(Error::Sqlite(e))
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen)
                && !beside_holds_data(path, "-wal")
                // Nor would it see a rollback journal (SQLite reports those otherwise).
                && !beside_holds_data(path, "-journal") =>
        {
            let uri = format!(
                "file:{}?immutable=1",
                path.display()
                    .to_string()
                    .replace('?', "%3f")
                    .replace('#', "%23")
            );
            let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
            try_open(conn)
        }
        other => other,
    }
    .map_err(|e| map_open_error(e, path, passphrase))
}

impl Store {
    /// Opens (or creates) the database at `path` for writing, migrating it to the
    /// current schema. Refuses a file from a newer Kakehashi, or one that another
    /// Kakehashi process holds open.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, None)
    }

    /// As [`Store::open`], for a file encrypted with `passphrase` (SQLCipher).
    pub fn open_with(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        Store::open_keyed(path, passphrase.map(|p| Arc::new(Secret::from(p))))
    }

    /// As [`Store::open_with`], keeping the caller's passphrase rather than a copy: the
    /// app and its store then hold one between them.
    pub fn open_keyed(path: &Path, key: Option<Arc<Secret>>) -> Result<Store> {
        init_sqlcipher();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            private_files::create_dir_all(dir)?;
        }
        let lock = acquire_lock(path)?;
        Store::open_holding(path, key, lock)
    }

    /// [`Store::open_keyed`], for a caller that already holds the file's lock (a
    /// restore, which records itself before anyone else may open the file).
    pub(crate) fn open_holding(path: &Path, key: Option<Arc<Secret>>, lock: File) -> Result<Store> {
        let passphrase = key.as_deref().map(Secret::expose);
        // A demo cut short by a crash leaves its scratch file behind (as large as a
        // gigabyte), and the file may not see another demo. None runs without this lock.
        crate::demo::remove_scratch(path);
        // Whole copies that a restore or a rekey cut short by a crash left beside the
        // file; a rekey's may be the data without encryption.
        for leftover in [".part", ".rekey.part"] {
            let _ = std::fs::remove_file(with_suffix(path, leftover));
        }
        // Read the version through a read-only connection first: a read-write one may
        // switch the journal or fold a leftover WAL into a file we must leave untouched.
        if path.metadata().is_ok_and(|m| m.len() > 0) {
            let probe = open_ro_after_crash(path, passphrase, true)?;
            check_ours(&probe, path)?;
            let found = migrations::user_version(&probe)?;
            if found > SCHEMA_VERSION {
                return Err(Error::SchemaTooNew {
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
        }
        let mut conn =
            Connection::open(path).map_err(|e| map_open_error(e.into(), path, passphrase))?;
        apply_key(&conn, passphrase)?;
        configure(&mut conn).map_err(|e| map_open_error(e, path, passphrase))?;
        migrations::migrate(&mut conn).map_err(|e| map_open_error(e, path, passphrase))?;
        // Files of earlier versions were made with the umask's modes. Best effort: a
        // file another user owns (a colleague's WAL in a shared folder) stays as it is.
        for ours in ["", "-wal", "-shm", "-journal", ".lock"] {
            let _ = private_files::restrict(&with_suffix(path, ours));
        }
        let mut store = Store {
            conn,
            path: path.to_owned(),
            actor: default_actor(),
            today: None,
            passphrase: key,
            read_only: false,
            schema: SCHEMA_VERSION,
            anchors: RefCell::default(),
            erasure_pending: false,
            _lock: Some(lock),
        };
        store.reapply_erasures()?;
        store.finish_pending_restore()?;
        Ok(store)
    }

    /// Opens an existing database read-only, without migrating or locking, for
    /// checks and exports beside a running app.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        Store::open_read_only_with(path, None)
    }

    /// As [`Store::open_read_only`], for an encrypted file. Every write through this
    /// store fails with [`Error::ReadOnly`].
    pub fn open_read_only_with(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        Store::open_read_only_keyed(path, passphrase.map(|p| Arc::new(Secret::from(p))))
    }

    /// As [`Store::open_read_only_with`], keeping the caller's passphrase (see
    /// [`Store::open_keyed`]).
    pub fn open_read_only_keyed(path: &Path, key: Option<Arc<Secret>>) -> Result<Store> {
        init_sqlcipher();
        let passphrase = key.as_deref().map(Secret::expose);
        if !path.exists() {
            return Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                path.display().to_string(),
            )));
        }
        let conn = open_ro_after_crash(path, passphrase, false)?;
        check_ours(&conn, path)?;
        // Only a store that serves screens and lists gets the larger cache: a backup's
        // one pass over the file and the version check at opening would only fill it.
        conn.pragma_update(None, "cache_size", CACHE_KIB)?;
        let version = migrations::user_version(&conn)?;
        if version > SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Store {
            conn,
            path: path.to_owned(),
            actor: default_actor(),
            today: None,
            passphrase: key,
            read_only: true,
            schema: version,
            anchors: RefCell::default(),
            erasure_pending: false,
            _lock: None,
        })
    }

    /// True when the file's access log is a hash chain (migration 0008); a read-only
    /// store may look at a file not yet migrated.
    pub(crate) fn access_chained(&self) -> bool {
        self.schema >= migrations::ACCESS_CHAIN_SINCE
    }

    pub(crate) fn set_erasure_pending(&mut self, pending: bool) {
        self.erasure_pending = pending;
    }

    /// The rows of the access log that no longer fit its hash chain (changed or
    /// removed outside Kakehashi), by id; empty when it is whole.
    pub fn access_log_breaks(&self) -> Result<Vec<i64>> {
        if !self.access_chained() {
            return Ok(Vec::new());
        }
        Ok(chain::broken_links(&self.conn)?)
    }

    /// True when this store was opened for reading only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// True when the file keeps the list's counts (`case_counts`, migration 0005). A
    /// file a read-only store has opened before any newer Kakehashi migrated it has
    /// only its cases to count.
    pub(crate) fn counts_kept(&self) -> bool {
        self.schema >= migrations::CASE_COUNTS_SINCE
    }

    /// How search finds names alone in this file: their own index (migration 0006),
    /// or a column filter on the index of everything in a file not yet migrated.
    pub(crate) fn names_scope(&self) -> crate::search::Scope {
        if self.schema >= migrations::NAMES_INDEX_SINCE {
            crate::search::Scope::Names
        } else {
            crate::search::Scope::NamesColumn
        }
    }

    /// A short-lived writing connection beside a read-only store, for the access
    /// log alone. SQLite serialises it with any other writer; Kakehashi's own lock
    /// keeps only a second *editing* window out.
    pub(crate) fn side_connection(&self) -> Result<Connection> {
        let mut conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        harden::harden(&mut conn)?;
        chain::register(&conn)?;
        apply_key(&conn, self.key())?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(conn)
    }

    pub(crate) fn key(&self) -> Option<&str> {
        self.passphrase.as_deref().map(Secret::expose)
    }

    /// The passphrase the file is encrypted with now, shared: after a change of key the
    /// app keeps the one in force, whatever followed the change.
    pub fn passphrase(&self) -> Option<Arc<Secret>> {
        self.passphrase.clone()
    }

    /// True when the file is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.passphrase.is_some()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The coordinator named in the audit log for changes made through this store.
    pub fn set_actor(&mut self, actor: impl Into<String>) {
        self.actor = actor.into();
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Fixes "today" for validation, so tests and demo data do not depend on the clock.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = Some(today);
    }

    pub fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(|| Local::now().date_naive())
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn anchors(&self) -> RefMut<'_, Anchors> {
        self.anchors.borrow_mut()
    }

    /// A read transaction for a screen's several statements, so they all see one
    /// state of the file and its shared lock is taken once. `None` inside a transaction
    /// already open, which gives the same. Dropping it ends it: there is nothing to keep.
    pub(crate) fn snapshot(&self) -> Result<Option<Transaction<'_>>> {
        Ok(snapshot(&self.conn)?)
    }

    pub(crate) fn transaction(&mut self) -> Result<Transaction<'_>> {
        // IMMEDIATE takes the write lock up front, so a busy file fails before work is done.
        Ok(self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(migrations::user_version(&self.conn)?)
    }

    /// SQLite's integrity and foreign-key checks; `Ok` only if both are clean.
    pub fn check(&self) -> Result<()> {
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if result != "ok" {
            return Err(Error::IntegrityCheckFailed { detail: result });
        }
        let fk_problems: i64 =
            self.conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
        if fk_problems > 0 {
            return Err(Error::IntegrityCheckFailed {
                detail: format!("foreign_key_check: {fk_problems}"),
            });
        }
        Ok(())
    }

    /// How many cases the file holds. `count(*)` reads a whole index (every case); the
    /// counts kept per filter combination (migration 0005) give the same total from a
    /// few hundred rows, so the first screen does not wait on the file's size.
    pub fn case_count(&self) -> Result<u32> {
        let sql = if self.counts_kept() {
            COUNT_KEPT
        } else {
            "SELECT count(*) FROM cases"
        };
        Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
    }
}

/// See [`Store::snapshot`]; for the functions that are handed a connection.
pub(crate) fn snapshot(conn: &Connection) -> rusqlite::Result<Option<Transaction<'_>>> {
    Ok(if conn.is_autocommit() {
        Some(conn.unchecked_transaction()?)
    } else {
        None
    })
}

pub(crate) const COUNT_KEPT: &str = "SELECT coalesce(sum(n), 0) FROM case_counts";

/// The app's identifier: its data folder under the OS data directory is named after it.
pub const APP_IDENTIFIER: &str = "org.kakehashi.app";

/// Where the database lives unless told otherwise: the OS app-data folder
/// (`~/.local/share/org.kakehashi.app/kakehashi.sqlite` on Linux), shared by the CLI and the app.
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join("kakehashi.sqlite")
}

/// Who the audit log names when the coordinator has not given a name: the OS user.
pub fn default_actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "coordinator".to_owned())
}

/// A file beside `path` named after it: `cases.sqlite` → `cases.sqlite.lock`.
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn lock_path(db: &Path) -> PathBuf {
    with_suffix(db, ".lock")
}

/// An OS file lock beside the database: released by the OS even if the process dies,
/// so a crash never leaves the file "in use".
pub(crate) fn acquire_lock(db: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, private_files::FILE_MODE);
    let file = options.open(lock_path(db))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::DatabaseInUse {
            path: db.display().to_string(),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::Io(e)),
    }
}

pub use private_files::write_atomically;

/// Refuses a file that is not Kakehashi's before anything writes to it: another
/// program's SQLite file would otherwise be migrated in place. Kakehashi marks its
/// files with [`harden::APPLICATION_ID`]; files from before the mark are known by
/// their version and tables, and an empty SQLite file becomes a new store.
fn check_ours(conn: &Connection, path: &Path) -> Result<()> {
    let marked: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if marked == harden::APPLICATION_ID {
        return Ok(());
    }
    let version = migrations::user_version(conn)?;
    let (objects, ours): (i64, i64) = conn.query_row(
        "SELECT count(*), count(*) FILTER (WHERE type = 'table'
                AND name IN ('patients', 'cases', 'audit_log', 'case_ref_counters'))
           FROM sqlite_schema",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let empty = version == 0 && objects == 0;
    let unmarked_ours = version >= 1 && ours == 4;
    if marked == 0 && (empty || unmarked_ours) {
        Ok(())
    } else {
        Err(Error::ForeignDatabase {
            path: path.display().to_string(),
        })
    }
}

/// An instant as stored: RFC 3339 in UTC with fixed width, so text order is time order.
pub(crate) fn instant(t: chrono::DateTime<Utc>) -> String {
    // The same text as `%Y-%m-%dT%H:%M:%S%.3fZ` for years 0 to 9999, without parsing a
    // format string each time (the demo makes eight instants a case).
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Appends one row to the audit log, inside the caller's transaction.
pub(crate) fn audit(
    tx: &Transaction<'_>,
    actor: &str,
    entity: &str,
    entity_id: i64,
    action: &str,
    detail: &serde_json::Value,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![instant(Utc::now()), actor, entity, entity_id, action, detail.to_string()])?;
    Ok(())
}

/// The next reference for a case opened on `opened`. The counter only grows, so a
/// number is never handed out twice, even after a case is erased.
pub(crate) fn next_reference(tx: &Transaction<'_>, opened: NaiveDate) -> Result<CaseRef> {
    let year = opened.year();
    let seq: i64 = tx
        .prepare_cached(
            "INSERT INTO case_ref_counters (year, last_seq) VALUES (?1, 1)
             ON CONFLICT(year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
        )?
        .query_row([year], |r| r.get(0))?;
    Ok(CaseRef::new(year, seq))
}

/// After an import under its own reference, the year's counter must never hand that
/// number out again.
pub(crate) fn advance_reference_counter(tx: &Transaction<'_>, reference: &CaseRef) -> Result<()> {
    let parts: Vec<&str> = reference.as_str().split('-').collect();
    if let [_, year, seq] = parts[..]
        && let (Ok(year), Ok(seq)) = (year.parse::<i64>(), seq.parse::<i64>())
    {
        tx.prepare_cached(
            "INSERT INTO case_ref_counters (year, last_seq) VALUES (?1, ?2)
             ON CONFLICT(year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
        )?
        .execute(params![year, seq])?;
    }
    Ok(())
}

pub(crate) fn insert_status_event(
    tx: &Transaction<'_>,
    case: CaseId,
    from: Option<CaseStatus>,
    to: CaseStatus,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO timeline_events (case_id, kind, starts_at, zone, status_from, status_to)
         VALUES (?1, 'status-change', ?2, 'UTC', ?3, ?4)",
    )?
    .execute(params![case, at, from, to])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn instants_keep_their_stored_form(ms in -2_208_988_800_000i64..7_258_118_400_000) {
            let t = chrono::DateTime::from_timestamp_millis(ms).unwrap();
            proptest::prop_assert_eq!(instant(t), t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
        }
    }

    #[test]
    fn every_connection_is_durable_and_checks_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("cases.sqlite")).unwrap();
        let pragma = |store: &Store, name: &str| -> String {
            let v: rusqlite::types::Value = store
                .conn
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .unwrap();
            match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            }
        };
        let settings = |store: &Store| {
            assert_eq!(pragma(store, "journal_mode"), "wal");
            assert_eq!(pragma(store, "synchronous"), "2", "FULL");
            assert_eq!(pragma(store, "foreign_keys"), "1");
            assert_eq!(pragma(store, "cache_size"), CACHE_KIB.to_string());
            assert_eq!(pragma(store, "busy_timeout"), "5000");
        };
        settings(&store);
        // The demo writes with other settings (see `generate_demo`) and restores these.
        store
            .generate_demo(crate::demo::DemoOptions {
                cases: 20,
                seed: 1,
                anchor: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                language: crate::i18n::Lang::En,
            })
            .unwrap();
        settings(&store);
        // And after a demo that panics (its dates go out of chrono's range).
        let mut empty = Store::open(&dir.path().join("empty.sqlite")).unwrap();
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            empty.generate_demo(crate::demo::DemoOptions {
                cases: 5,
                seed: 1,
                anchor: chrono::NaiveDate::MIN,
                language: crate::i18n::Lang::En,
            })
        }));
        assert!(panicked.is_err());
        settings(&empty);
        let providers: i64 = empty
            .conn
            .query_row("SELECT count(*) FROM providers", [], |r| r.get(0))
            .unwrap();
        assert_eq!(providers, 0, "the demo's transaction was rolled back");
        let reader = Store::open_read_only(store.path()).unwrap();
        let cache: i64 = reader
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(cache, CACHE_KIB, "a read-only store lists as fast");
    }

    #[test]
    fn every_connection_refuses_attach_and_distrusts_schema_sql() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("cases.sqlite")).unwrap();
        let reader = Store::open_read_only(store.path()).unwrap();
        let side = store.side_connection().unwrap();
        let target = dir.path().join("elsewhere.sqlite");
        let attach = format!("ATTACH DATABASE '{}' AS other", target.display());
        for conn in [store.conn(), reader.conn(), &side] {
            assert!(conn.execute_batch(&attach).is_err(), "attach refused");
            let trusted: i64 = conn
                .query_row("PRAGMA trusted_schema", [], |r| r.get(0))
                .unwrap();
            assert_eq!(trusted, 0);
        }
        assert!(!target.exists());
    }

    #[test]
    fn lock_file_sits_beside_the_database() {
        assert_eq!(
            lock_path(Path::new("/a/b/cases.sqlite")),
            Path::new("/a/b/cases.sqlite.lock")
        );
    }
}
