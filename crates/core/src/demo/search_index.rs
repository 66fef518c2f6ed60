//! The demo's search text and search indexes, built on a connection of their own while
//! the writer builds the secondary indexes.
//!
//! One connection runs one statement at a time: the demo used to rebuild its FTS5
//! indexes (about 3 s at 100,000 cases) after the secondary indexes (3.5 s), with the
//! second core idle. FTS5 keeps an index in ordinary tables beside its virtual table
//! (`_data`, `_idx`, `_docsize`). So a second connection stores the search text as the
//! writer makes the cases, in a scratch file beside the store, rebuilds the same
//! indexes there once the rows are written, and the writer copies the text and those
//! tables into the store, which costs a fraction of the tokenising. The scratch file is
//! keyed like the store, since a passphrase is meant to cover everything of the store
//! on disk, and removed after. Its page cache and FTS5's term buffer bound the memory
//! this takes (an in-memory database peaked at 1.9 GB for 1,000,000 cases); the file
//! itself grows to about 1.1 KB per case.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;

use rusqlite::Connection;
use rusqlite::types::Value;

use crate::error::Result;
use crate::search::SearchDocument;
use crate::store::SchemaObject;
use crate::store::Secret;
use crate::store::harden::{self, quote_ident};

/// FTS5's buffer of pending terms while a search index is rebuilt, in bytes: at 1 MiB,
/// FTS5's default, 100,000 cases of trigrams made hundreds of segments to merge again
/// (measured on the store's own rebuild: 4.6 s against 1.9 s; 256 MiB was no better).
const DEMO_FTS_HASH_BYTES: i64 = 64 << 20;

/// The tables FTS5 keeps an index of external content in. `_config` is not among
/// them: the store's settings are given back through FTS5 (`copy_into`).
const SHADOWS: [&str; 3] = ["data", "idx", "docsize"];

/// The search text, kept here and copied into the store with its indexes.
const INSERT_DOCUMENT: &str =
    "INSERT INTO case_search (case_id, names, other, short) VALUES (?1, ?2, ?3, ?4)";

/// The search text's table and its FTS5 indexes, as the store defines them.
pub(super) struct SearchSchema {
    content: String,
    tables: Vec<SearchTable>,
}

struct SearchTable {
    name: String,
    sql: String,
    /// The store's FTS5 settings for the table (`secure-delete`, `hashsize`, ...).
    settings: Vec<(String, Value)>,
}

impl SearchTable {
    /// Gives the table the store's settings, through FTS5, which keeps them in
    /// `_config` and notes the change.
    fn apply_settings(&self, conn: &Connection) -> Result<()> {
        let name = quote_ident(&self.name);
        let set = format!("INSERT INTO {name} ({name}, rank) VALUES (?1, ?2)");
        for (key, value) in &self.settings {
            conn.execute(&set, rusqlite::params![key, value])?;
        }
        Ok(())
    }
}

/// The definitions come from the program's own schema (`own`, see
/// `migrations::own_schema`), so the demo keeps no copy of them and never runs schema
/// text read from the file. Every virtual table of it is an FTS5 index of
/// `case_search`. The settings are the file's, as values: FTS5's numeric options only.
pub(super) fn search_schema(conn: &Connection, own: &[SchemaObject]) -> Result<SearchSchema> {
    let sql_of = |o: &SchemaObject| o.sql.clone().unwrap_or_default();
    let content = own
        .iter()
        .find(|o| o.kind == "table" && o.name == "case_search")
        .map(sql_of)
        .unwrap_or_default();
    let defined: Vec<(String, String)> = own
        .iter()
        .filter(|o| o.kind == "table" && sql_of(o).starts_with("CREATE VIRTUAL TABLE"))
        .map(|o| (o.name.clone(), sql_of(o)))
        .collect();
    let mut tables = Vec::with_capacity(defined.len());
    for (name, sql) in defined {
        let settings = conn
            .prepare(&format!(
                "SELECT k, v FROM {} WHERE k <> 'version' AND typeof(v) = 'integer' ORDER BY k",
                quote_ident(&format!("{name}_config"))
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        tables.push(SearchTable {
            name,
            sql,
            settings,
        });
    }
    Ok(SearchSchema { content, tables })
}

/// The scratch file beside the store: `cases.sqlite` has `cases.sqlite-demo-search`.
pub(super) fn scratch_path(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push("-demo-search");
    PathBuf::from(name)
}

/// The scratch database; the file goes when this does.
pub(super) struct Scratch {
    conn: Option<Connection>,
    path: PathBuf,
    /// The store's passphrase, which the file was keyed with, to attach it with.
    key: Option<Arc<Secret>>,
}

impl Scratch {
    /// Opens a new scratch file keyed like the store, before the demo writes anything,
    /// so that a folder or key it cannot use fails the demo at once.
    pub(super) fn open(path: &Path, key: Option<Arc<Secret>>) -> Result<Scratch> {
        // One left by a demo that did not finish holds nothing of use; `Store::open`
        // removes it too, but the store may have stayed open since.
        let _ = std::fs::remove_file(path);
        let mut conn = Connection::open(path)?;
        crate::store::private_files::restrict(path)?;
        crate::store::apply_key(&conn, key.as_deref().map(Secret::expose))?;
        // Nothing here needs to survive a crash: the store's own transaction decides.
        // Set before defensive mode, which refuses to turn the journal off.
        conn.pragma_update(None, "journal_mode", "OFF")?;
        harden::harden(&mut conn)?;
        let scratch = Scratch {
            conn: Some(conn),
            path: path.to_owned(),
            key,
        };
        let conn = scratch.conn();
        conn.pragma_update(None, "synchronous", "OFF")?;
        conn.pragma_update(None, "cache_size", super::DEMO_CACHE_KIB)?;
        // The copy of `case_search` has no cases to refer to.
        conn.pragma_update(None, "foreign_keys", false)?;
        Ok(scratch)
    }

    fn conn(&self) -> &Connection {
        self.conn.as_ref().expect("open until dropped")
    }

    fn key(&self) -> Option<&str> {
        self.key.as_deref().map(Secret::expose)
    }

    /// Stops a rebuild in progress from another thread.
    pub(super) fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn().get_interrupt_handle()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        drop(self.conn.take());
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Keeps the documents as they come, then rebuilds each index from them once the
/// sender is gone. Stops short of the rebuild when `stop` is set: the writer failed
/// and the work would be thrown away.
pub(super) fn build(
    scratch: Scratch,
    schema: &SearchSchema,
    documents: Receiver<Vec<(i64, SearchDocument)>>,
    stop: &AtomicBool,
) -> Result<Scratch> {
    fill(scratch.conn(), schema, documents, stop)?;
    Ok(scratch)
}

fn fill(
    conn: &Connection,
    schema: &SearchSchema,
    documents: Receiver<Vec<(i64, SearchDocument)>>,
    stop: &AtomicBool,
) -> Result<()> {
    conn.execute(&schema.content, [])?;
    for t in &schema.tables {
        let name = quote_ident(&t.name);
        conn.execute(&t.sql, [])?;
        t.apply_settings(conn)?;
        conn.execute(
            &format!("INSERT INTO {name} ({name}, rank) VALUES ('hashsize', ?1)"),
            [DEMO_FTS_HASH_BYTES],
        )?;
    }
    let tx = conn.unchecked_transaction()?;
    {
        let mut insert = tx.prepare(INSERT_DOCUMENT)?;
        for (case_id, doc) in documents.iter().flatten() {
            insert.execute(rusqlite::params![case_id, doc.names, doc.other, doc.short])?;
        }
    }
    for t in &schema.tables {
        if stop.load(Ordering::Relaxed) {
            // Left uncommitted: with no journal SQLite cannot roll it back cleanly,
            // which does not matter for a file about to be removed.
            return Ok(());
        }
        let name = quote_ident(&t.name);
        tx.execute(
            &format!("INSERT INTO {name} ({name}) VALUES ('rebuild')"),
            [],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// The name the scratch file is attached under to the store's connection.
const ATTACHED: &str = "demo_search";

/// Puts the search text and the indexes `scratch` holds in place of the store's own.
///
/// The file is attached to the store's connection, so that each table is copied by one
/// `INSERT … SELECT *` between tables of the same definition, which SQLite does record
/// by record without taking the records apart (its transfer optimisation): 0.1 s at
/// 100,000 cases, where reading each row on one connection and writing it on the other
/// took 0.4–0.7 s. The attachment stays until [`detach`], since a database read in a
/// transaction cannot be detached before the transaction ends.
///
/// Each virtual table is dropped and made again first: FTS5 keeps what it has read of
/// an index with the connection, and reads it again only when another connection has
/// changed the file, so it would not see rows copied under it; a new table has read
/// nothing. A new table's `_config` holds only its version, so the store's settings
/// are given back through FTS5 after the copy. The triggers of `case_search` must not
/// exist yet: SQLite would index each copied row through them, one at a time.
pub(super) fn copy_into(conn: &Connection, schema: &SearchSchema, scratch: &Scratch) -> Result<()> {
    // SQLCipher reads an empty key as a file without encryption. The name goes as its
    // bytes where it has them: a path that is not UTF-8 would otherwise name another
    // file.
    #[cfg(unix)]
    let file =
        Value::Blob(std::os::unix::ffi::OsStrExt::as_bytes(scratch.path.as_os_str()).to_vec());
    #[cfg(not(unix))]
    let file = Value::Text(scratch.path.to_string_lossy().into_owned());
    harden::permit_attach(|| {
        conn.execute(
            &format!("ATTACH DATABASE ?1 AS {ATTACHED} KEY ?2"),
            rusqlite::params![file, scratch.key().unwrap_or("")],
        )
    })?;
    let copy = |table: &str| -> Result<()> {
        let table = quote_ident(table);
        conn.execute(
            &format!("INSERT INTO main.{table} SELECT * FROM {ATTACHED}.{table}"),
            [],
        )?;
        Ok(())
    };
    copy("case_search")?;
    for t in &schema.tables {
        conn.execute(&format!("DROP TABLE main.{}", quote_ident(&t.name)), [])?;
        conn.execute(&t.sql, [])?;
        // Straight into FTS5's shadow tables, which defensive mode keeps read-only;
        // every name here is the program's own.
        harden::with_shadow_writes(conn, || -> Result<()> {
            for shadow in SHADOWS {
                let table = format!("{}_{shadow}", t.name);
                // A new table's `_data` holds an empty index's two records.
                conn.execute(&format!("DELETE FROM main.{}", quote_ident(&table)), [])?;
                copy(&table)?;
            }
            Ok(())
        })?;
        t.apply_settings(conn)?;
    }
    Ok(())
}

/// Lets go of the scratch file once the demo's transaction has ended, however it ended
/// (SQLite refuses to detach a file read in a transaction still open); nothing to do if
/// it was never attached.
pub(super) fn detach(conn: &Connection) -> Result<()> {
    let attached: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_database_list WHERE name = ?1)",
        [ATTACHED],
        |r| r.get(0),
    )?;
    if attached {
        conn.execute_batch(&format!("DETACH DATABASE {ATTACHED}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    const PASSPHRASE: &str = "correct horse battery";

    fn documents(stop: bool) -> (Store, tempfile::TempDir, Result<Scratch>) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_with(&dir.path().join("cases.sqlite"), Some(PASSPHRASE)).unwrap();
        let own = crate::store::check_own_schema(store.conn(), store.path()).unwrap();
        let schema = search_schema(store.conn(), &own).unwrap();
        let path = scratch_path(store.path());
        // What a crash would leave behind: replaced, not an error.
        std::fs::write(&path, b"half a scratch file").unwrap();
        let scratch = Scratch::open(&path, store.passphrase()).unwrap();
        let (send, documents) = std::sync::mpsc::sync_channel(1);
        let doc = SearchDocument {
            names: "takahashi | kenichi".into(),
            other: "sapporo hospital".into(),
            short: "kenichi takahashi".into(),
        };
        send.send(vec![(7, doc)]).unwrap();
        drop(send);
        let built = build(scratch, &schema, documents, &AtomicBool::new(stop));
        (store, dir, built)
    }

    #[test]
    fn the_scratch_file_is_keyed_like_the_store_and_goes_with_it() {
        let (store, _dir, built) = documents(false);
        let scratch = built.unwrap();
        let path = scratch_path(store.path());
        let bytes = std::fs::read(&path).unwrap();
        let holds = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(!holds(b"SQLite format 3") && !holds(b"takahashi") && !holds(b"half a"));
        // Another connection reads it with the store's passphrase and no other.
        let count = |key: &str| {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "key", key).unwrap();
            conn.query_row("SELECT count(*) FROM case_search", [], |r| {
                r.get::<_, i64>(0)
            })
        };
        assert_eq!(count(PASSPHRASE).unwrap(), 1);
        assert!(count("some other passphrase").is_err());
        for fts in ["case_search_fts", "case_names_fts", "case_search_short"] {
            let found: i64 = scratch
                .conn()
                .query_row(
                    &format!("SELECT rowid FROM {fts} WHERE {fts} MATCH 'takahashi'"),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(found, 7, "{fts}");
        }
        drop(scratch);
        assert!(!path.exists());
    }

    #[test]
    fn the_copy_lets_go_of_the_scratch_file_however_the_transaction_ends() {
        let (mut store, _dir, built) = documents(false);
        let scratch = built.unwrap();
        let own = crate::store::check_own_schema(store.conn(), store.path()).unwrap();
        let schema = search_schema(store.conn(), &own).unwrap();
        // As in the demo: case 7 exists only in the scratch file.
        store
            .conn()
            .pragma_update(None, "foreign_keys", false)
            .unwrap();
        let databases = |conn: &Connection| -> Vec<String> {
            conn.prepare("SELECT name FROM pragma_database_list")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let texts = |conn: &Connection| -> i64 {
            conn.query_row("SELECT count(*) FROM case_search", [], |r| r.get(0))
                .unwrap()
        };
        for commit in [false, true] {
            let tx = store.transaction().unwrap();
            // Keyed with the store's passphrase, or the attachment would fail.
            copy_into(&tx, &schema, &scratch).unwrap();
            assert_eq!(texts(&tx), 1);
            if commit {
                tx.commit().unwrap();
            } else {
                drop(tx);
                assert_eq!(texts(store.conn()), 0, "rolled back");
            }
            detach(store.conn()).unwrap();
            assert_eq!(databases(store.conn()), ["main"]);
            // A second call finds nothing to let go of.
            detach(store.conn()).unwrap();
        }
        assert_eq!(texts(store.conn()), 1);
        assert_eq!(
            store.search("takahashi", 5).unwrap().len(),
            0,
            "no such case"
        );
        let found: i64 = store
            .conn()
            .query_row(
                "SELECT rowid FROM case_names_fts WHERE case_names_fts MATCH 'takahashi'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 7);
    }

    #[test]
    fn a_stopped_build_skips_the_rebuild_and_leaves_no_file() {
        let (store, _dir, built) = documents(true);
        let scratch = built.unwrap();
        let docs: i64 = scratch
            .conn()
            .query_row("SELECT count(*) FROM case_search_fts_docsize", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(docs, 0, "nothing indexed");
        drop(scratch);
        assert!(!scratch_path(store.path()).exists());
    }
}
