//! The access log's hash chain: each row carries SHA-256 of the row before it and of
//! its own fields, so a row changed or removed outside Kakehashi no longer fits the
//! next one (`kakehashi check`, and the patient's log, show where).
//!
//! What it proves, and what not: anyone who can write the file can also recompute the
//! whole chain, since there is no secret in it; it catches a row edited or deleted with
//! an ordinary SQLite tool, not a careful forger. Erasure turns a row's ids negative
//! (`privacy::erase_patient`), so the hash takes their absolute values: an erasure
//! keeps the chain whole.

use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};

/// The SQL function that links a new row to the last one; see `INSERT_ACCESS`.
pub(crate) const FUNCTION: &str = "kakehashi_chain";

/// The link of a row whose fields are these, after a row whose link was `prev`.
pub(crate) fn link(
    prev: Option<&[u8]>,
    at: &str,
    actor: &str,
    patient: Option<i64>,
    case: Option<i64>,
    action: &str,
) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(b"kakehashi-access/1");
    h.update(prev.unwrap_or(&[0; 32]));
    for text in [at, actor, action] {
        h.update((text.len() as u64).to_le_bytes());
        h.update(text.as_bytes());
    }
    for id in [patient, case] {
        match id {
            Some(id) => {
                h.update([1]);
                h.update(id.unsigned_abs().to_le_bytes());
            }
            None => h.update([0]),
        }
    }
    h.finalize().to_vec()
}

fn link_in_sql(ctx: &Context<'_>) -> rusqlite::Result<Vec<u8>> {
    let prev = match ctx.get_raw(0) {
        ValueRef::Blob(b) => Some(b),
        _ => None,
    };
    Ok(link(
        prev,
        &ctx.get::<String>(1)?,
        &ctx.get::<String>(2)?,
        ctx.get::<Option<i64>>(3)?,
        ctx.get::<Option<i64>>(4)?,
        &ctx.get::<String>(5)?,
    ))
}

/// Gives a connection the function; every connection that writes the access log needs it.
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        FUNCTION,
        6,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| link_in_sql(ctx),
    )?;
    Ok(())
}

/// One row of the access log with its stored link and the link of the row before it.
pub(crate) struct Row {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub patient: Option<i64>,
    pub case: Option<i64>,
    pub action: String,
    pub chain: Option<Vec<u8>>,
    pub prev: Option<Vec<u8>>,
}

impl Row {
    /// True when the row's link is what its fields and the row before it give.
    pub fn holds(&self) -> bool {
        self.chain.as_deref()
            == Some(
                link(
                    self.prev.as_deref(),
                    &self.at,
                    &self.actor,
                    self.patient,
                    self.case,
                    &self.action,
                )
                .as_slice(),
            )
    }
}

/// The ids of the rows that do not fit the chain, in order; empty when it is whole.
pub(crate) fn broken_links(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, patient_id, case_id, action, chain FROM access_log ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev: Option<Vec<u8>> = None;
    let mut broken = Vec::new();
    while let Some(r) = rows.next()? {
        let row = Row {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            patient: r.get(3)?,
            case: r.get(4)?,
            action: r.get(5)?,
            chain: r.get(6)?,
            prev: prev.take(),
        };
        if !row.holds() {
            broken.push(row.id);
        }
        prev = row.chain;
    }
    Ok(broken)
}

/// Links the rows written before the chain existed (migration 0008), in order.
pub(crate) fn link_existing(conn: &Connection) -> rusqlite::Result<()> {
    /// id, at, actor, patient, case, action.
    type Fields = (i64, String, String, Option<i64>, Option<i64>, String);
    let rows: Vec<Fields> = conn
        .prepare("SELECT id, at, actor, patient_id, case_id, action FROM access_log ORDER BY id")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare("UPDATE access_log SET chain = ?1 WHERE id = ?2")?;
    let mut prev: Option<Vec<u8>> = None;
    for (id, at, actor, patient, case, action) in rows {
        let chain = link(prev.as_deref(), &at, &actor, patient, case, &action);
        update.execute(params![chain, id])?;
        prev = Some(chain);
    }
    Ok(())
}
