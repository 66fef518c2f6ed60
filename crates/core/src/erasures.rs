//! The erasure ledger: which patients were erased, kept beside the database so that
//! no older copy of the file brings one back.
//!
//! An erasure cleans the live file (`privacy::erase_patient`), but backups and the
//! copies a restore keeps aside were made before it. Rewriting each of them would
//! still miss any copy made elsewhere (a backup saved to a USB stick), so the erasure
//! is written down instead, in `<db>.erasures.json`, and done again whenever a file
//! that still holds the patient is opened for writing: after every restore, and on
//! every open. A backup opened from the backup folder, or a copy kept aside by a
//! restore, reads its database's ledger too. The ledger holds ids and dates only,
//! never personal data; a patient is known by id and creation time together, since
//! SQLite may give a freed id to a later patient. See `docs/reliability.md`.

use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::ids::PatientId;
use crate::store::{Store, private_files, with_suffix};

const FORMAT: &str = "kakehashi-erasures/1";

/// One erased patient, as the ledger keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erased {
    pub patient: i64,
    /// The patient row's `created_at`, which a later patient given the same id lacks.
    pub created_at: String,
    pub erased_at: String,
    /// The WAL was checkpointed after the erasure, so no page of the record is left
    /// in it; until then each open and close tries again.
    #[serde(default)]
    pub checkpointed: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Ledger {
    format: String,
    erased: Vec<Erased>,
}

/// The ledger of the database at `db`.
pub fn ledger_path(db: &Path) -> PathBuf {
    with_suffix(db, ".erasures.json")
}

/// The database a backup or a kept-aside copy belongs to, whose ledger covers it too.
fn owner(db: &Path) -> Option<PathBuf> {
    let name = db.file_name()?.to_str()?;
    if let Some((owner, _)) = name.split_once(".before-restore-") {
        return Some(db.with_file_name(owner));
    }
    let folder = db.parent()?;
    let owner = folder.file_name()?.to_str()?.strip_suffix(".backups")?;
    Some(folder.with_file_name(owner))
}

fn load(path: &Path) -> Result<Ledger> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            // A damaged ledger must stop the open, not be taken for an empty one.
            crate::error::Error::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}: {e}", path.display()),
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Ledger::default()),
        Err(e) => Err(e.into()),
    }
}

fn save(path: &Path, ledger: &Ledger) -> Result<()> {
    let ledger = Ledger {
        format: FORMAT.to_owned(),
        erased: ledger.erased.clone(),
    };
    let bytes = serde_json::to_vec_pretty(&ledger).expect("plain struct");
    private_files::write_atomically(path, &bytes)?;
    Ok(())
}

/// Every erasure that applies to the file at `db`: its own and its owner's.
pub fn erased_for(db: &Path) -> Result<Vec<Erased>> {
    let mut all = load(&ledger_path(db))?.erased;
    if let Some(owner) = owner(db) {
        all.extend(load(&ledger_path(&owner))?.erased);
    }
    Ok(all)
}

/// Writes an erasure down before it is done, so that even a crash between the two
/// leaves the patient to be erased at the next open, as was asked.
pub(crate) fn record(db: &Path, erased: Erased) -> Result<()> {
    let path = ledger_path(db);
    let mut ledger = load(&path)?;
    // Two patients may share an id (SQLite reuses a freed one): each keeps its entry.
    ledger
        .erased
        .retain(|e| (e.patient, &e.created_at) != (erased.patient, &erased.created_at));
    ledger.erased.push(erased);
    save(&path, &ledger)
}

/// Notes that the WAL no longer holds any erased page.
pub(crate) fn mark_checkpointed(db: &Path) -> Result<()> {
    let path = ledger_path(db);
    let mut ledger = load(&path)?;
    if ledger.erased.iter().all(|e| e.checkpointed) {
        return Ok(());
    }
    for e in &mut ledger.erased {
        e.checkpointed = true;
    }
    save(&path, &ledger)
}

impl Store {
    /// Erases again every patient of the ledger that this file still holds, and
    /// finishes a checkpoint an earlier erasure could not. Run by every writing open.
    /// Returns how many patients were erased again.
    pub(crate) fn reapply_erasures(&mut self) -> Result<usize> {
        let erased = erased_for(self.path())?;
        let mut again = 0;
        for e in &erased {
            let held: Option<i64> = self
                .conn()
                .query_row(
                    "SELECT id FROM patients WHERE id = ?1 AND created_at = ?2",
                    rusqlite::params![e.patient, e.created_at],
                    |r| r.get(0),
                )
                .optional()?;
            if held.is_some() {
                self.erase_rows(PatientId(e.patient), Some(&e.erased_at))?;
                again += 1;
            }
        }
        if again > 0 || erased.iter().any(|e| !e.checkpointed) {
            if self.checkpoint_after_erasure()? {
                mark_checkpointed(self.path())?;
            } else {
                self.set_erasure_pending(true);
            }
        }
        Ok(again)
    }
}
