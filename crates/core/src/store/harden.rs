//! What every connection to a file is allowed to do, whoever made the file.
//!
//! A Kakehashi file can come from anywhere (Settings → Open database…, a restore), so
//! its schema is untrusted input: SQLite runs the SQL of its triggers and views
//! whenever we touch their tables. Each connection therefore refuses functions with
//! side effects inside schema SQL (`trusted_schema = OFF`), refuses writes to the
//! schema and to virtual tables' shadow tables (defensive mode), and refuses `ATTACH`
//! unless the program itself asked for it (the demo's scratch file, a rekey's copy).

use std::cell::Cell;

use rusqlite::Connection;
use rusqlite::config::DbConfig;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};

/// `PRAGMA application_id` of every Kakehashi file: "KKHS". A SQLite file that carries
/// another is another program's, and is never opened.
pub const APPLICATION_ID: i32 = 0x4B4B_4853;

thread_local! {
    // The authorizer runs while a statement is prepared, on the thread preparing it;
    // a connection carries no data of ours, so the permission is the thread's.
    static ATTACH_PERMITTED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, during which the statements this thread prepares may `ATTACH`. Only the
/// program's own statements run inside it, each naming its file by a bound parameter.
pub(crate) fn permit_attach<T>(f: impl FnOnce() -> T) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            ATTACH_PERMITTED.with(|p| p.set(false));
        }
    }
    ATTACH_PERMITTED.with(|p| p.set(true));
    let _reset = Reset;
    f()
}

fn authorize(ctx: AuthContext<'_>) -> Authorization {
    let attach = match ctx.action {
        AuthAction::Attach { .. } => true,
        AuthAction::Unknown { code, .. } => code == rusqlite::ffi::SQLITE_ATTACH,
        _ => false,
    };
    if attach && !ATTACH_PERMITTED.with(Cell::get) {
        Authorization::Deny
    } else {
        Authorization::Allow
    }
}

/// Applies the rules above to a new connection, before it reads anything.
pub(crate) fn harden(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.authorizer(Some(authorize))?;
    Ok(())
}

/// Runs `f` with defensive mode off: the demo copies prebuilt FTS5 indexes straight
/// into their shadow tables. Only after the file's schema has been checked to be the
/// program's own (`migrations::check_own_schema`).
pub(crate) fn with_shadow_writes<T, E: From<rusqlite::Error>>(
    conn: &Connection,
    f: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, false)?;
    let result = f();
    let restored = conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true);
    let value = result?;
    restored?;
    Ok(value)
}

/// `name` as an SQL identifier, whatever it holds.
pub(crate) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hardened() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        harden(&mut conn).unwrap();
        conn
    }

    #[test]
    fn attach_is_refused_unless_the_program_asks() {
        let conn = hardened();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("other.sqlite");
        let literal = format!("ATTACH DATABASE '{}' AS other", file.display());
        assert!(conn.execute_batch(&literal).is_err());
        assert!(
            conn.execute("ATTACH DATABASE ?1 AS other", [file.display().to_string()])
                .is_err()
        );
        assert!(!file.exists(), "nothing was created");
        permit_attach(|| conn.execute("ATTACH DATABASE ?1 AS other", [file.display().to_string()]))
            .unwrap();
        // The permission ends with the call.
        conn.execute_batch("DETACH DATABASE other").unwrap();
        assert!(conn.execute_batch(&literal).is_err());
    }

    #[test]
    fn schema_sql_may_not_call_functions_with_side_effects_nor_write_the_schema() {
        let conn = hardened();
        let trusted: i64 = conn
            .query_row("PRAGMA trusted_schema", [], |r| r.get(0))
            .unwrap();
        assert_eq!(trusted, 0);
        conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
        assert!(
            conn.execute_batch("CREATE TABLE t(x); UPDATE sqlite_schema SET sql = 'x'")
                .is_err(),
            "defensive mode keeps the schema read-only"
        );
    }

    #[test]
    fn identifiers_are_quoted_whatever_they_hold() {
        assert_eq!(quote_ident("plain"), "\"plain\"");
        assert_eq!(quote_ident("x\"; DROP"), "\"x\"\"; DROP\"");
    }
}
