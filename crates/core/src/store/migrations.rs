//! Schema migrations, numbered by SQLite's `user_version`. Each runs once, in one
//! transaction with the version bump; a landed migration is never edited.

use rusqlite::Connection;

use crate::error::{Error, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_workspace.sql"),
    include_str!("migrations/0003_privacy.sql"),
    include_str!("migrations/0004_target_sort.sql"),
    include_str!("migrations/0005_case_counts.sql"),
    include_str!("migrations/0006_names_search.sql"),
    include_str!("migrations/0007_documents_requested.sql"),
];

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
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    // New indexes have no statistics, and without them the planner can pick a slower
    // path: a 100k file migrated from schema 1 paged 4–8× slower than a freshly
    // generated (analysed) one. A sampled ANALYZE stays quick even at a million cases.
    if found < SCHEMA_VERSION {
        conn.execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
    }
    Ok(())
}
