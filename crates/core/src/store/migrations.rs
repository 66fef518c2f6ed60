//! Schema migrations, numbered by SQLite's `user_version`. Each runs once, in one
//! transaction with the version bump; a landed migration is never edited.

use std::path::Path;

use rusqlite::Connection;

use super::harden::{self, APPLICATION_ID};
use crate::error::{Error, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_workspace.sql"),
    include_str!("migrations/0003_privacy.sql"),
    include_str!("migrations/0004_target_sort.sql"),
    include_str!("migrations/0005_case_counts.sql"),
    include_str!("migrations/0006_names_search.sql"),
    include_str!("migrations/0007_documents_requested.sql"),
    include_str!("migrations/0008_access_chain.sql"),
    include_str!("migrations/0009_search_variants.sql"),
];

/// The first schema version whose search text keeps variant kanji as written
/// (`search::variants`); the cases it changes are indexed again right after the step.
pub(crate) const SEARCH_VARIANTS_SINCE: i64 = 9;

/// The first schema version whose access log is a hash chain (`store::chain`).
pub(crate) const ACCESS_CHAIN_SINCE: i64 = 8;

/// The first schema version with `case_counts`.
pub(crate) const CASE_COUNTS_SINCE: i64 = 5;

/// The first schema version with an index of names alone (`case_names_fts`).
pub(crate) const NAMES_INDEX_SINCE: i64 = 6;

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the file up to [`SCHEMA_VERSION`]. A file written by a newer Kakehashi is
/// refused before anything is changed: an older program cannot know its rules.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    run_from(conn, found)?;
    let marked: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if marked != APPLICATION_ID {
        // Files written before Kakehashi marked its own (`Store::open` checked it is one).
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    // New indexes have no statistics, and without them the planner can pick a slower
    // path: a 100k file migrated from schema 1 paged 4–8× slower than a freshly
    // generated (analysed) one. A sampled ANALYZE stays quick even at a million cases.
    if found < SCHEMA_VERSION {
        conn.execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
    }
    Ok(())
}

/// Runs the migrations after `found`, each in its own transaction with its version.
fn run_from(conn: &mut Connection, found: i64) -> Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        tx.execute_batch(sql)?;
        if i as i64 + 1 == ACCESS_CHAIN_SINCE {
            super::chain::link_existing(&tx)?;
        }
        if i as i64 + 1 == SEARCH_VARIANTS_SINCE {
            crate::search::index_again_with_variants_as_written(&tx)?;
        }
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// One object of a schema as SQLite keeps it in `sqlite_schema`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SchemaObject {
    pub kind: String,
    pub name: String,
    pub table: String,
    pub sql: Option<String>,
}

/// SQLite's own objects (`sqlite_stat1`, autoindexes) differ between files of one schema.
const OBJECTS: &str = "SELECT type, name, tbl_name, sql FROM sqlite_schema
     WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name";

fn schema_objects(conn: &Connection) -> Result<Vec<SchemaObject>> {
    Ok(conn
        .prepare(OBJECTS)?
        .query_map([], |r| {
            Ok(SchemaObject {
                kind: r.get(0)?,
                name: r.get(1)?,
                table: r.get(2)?,
                sql: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The schema this program writes, made by its own migrations in memory. Code that
/// rebuilds indexes, triggers or search tables takes their definitions from here,
/// never from the file, whose schema text is untrusted input.
pub(crate) fn own_schema() -> Result<Vec<SchemaObject>> {
    let mut conn = Connection::open_in_memory()?;
    harden::harden(&mut conn)?;
    run_from(&mut conn, 0)?;
    schema_objects(&conn)
}

/// The program's own schema, once the file's has been found to be the same object for
/// object: a file with an extra trigger or a renamed index was changed by someone else.
pub(crate) fn check_own_schema(conn: &Connection, path: &Path) -> Result<Vec<SchemaObject>> {
    let own = own_schema()?;
    if user_version(conn)? != SCHEMA_VERSION || schema_objects(conn)? != own {
        return Err(Error::SchemaAltered {
            path: path.display().to_string(),
        });
    }
    Ok(own)
}
