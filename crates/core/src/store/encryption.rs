//! Encryption at rest with SQLCipher: a passphrase is stretched by SQLCipher itself
//! (PBKDF2-HMAC-SHA512) into the page key, so the file is unreadable without it.
//! Switching a file between plain and encrypted writes a whole new copy beside it
//! and swaps it in with a rename, so a crash leaves the old file or the new one.
//! Afterwards the old backups, which hold the data under the old key (or none),
//! are replaced by one new backup.

use std::path::Path;

use rusqlite::Connection;

use super::{Secret, Store, migrations, with_suffix};
use crate::error::{Error, Result};
use crate::validate::Field;

/// Short passphrases are the one weakness PBKDF2 cannot make up for.
pub const PASSPHRASE_MIN: usize = 10;

/// Checks a new passphrase: long enough, and no NUL, which SQLite's key pragma would cut.
pub fn validate_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.contains('\0') {
        return Err(Error::Invalid {
            field: Field::Passphrase,
        });
    }
    if passphrase.chars().count() < PASSPHRASE_MIN {
        return Err(Error::TooShort {
            field: Field::Passphrase,
            min: PASSPHRASE_MIN,
        });
    }
    Ok(())
}

fn open_keyed(path: &Path, key: Option<&str>) -> Result<Connection> {
    let conn = Connection::open(path)?;
    super::apply_key(&conn, key)?;
    super::configure(&conn)?;
    Ok(conn)
}

impl Store {
    /// Encrypts the file with `passphrase`, or gives an encrypted file a new one.
    pub fn encrypt(&mut self, passphrase: &str) -> Result<()> {
        validate_passphrase(passphrase)?;
        self.rewrite_with_key(Some(passphrase))
    }

    /// Writes the file back without encryption.
    pub fn decrypt(&mut self) -> Result<()> {
        self.rewrite_with_key(None)
    }

    fn rewrite_with_key(&mut self, key: Option<&str>) -> Result<()> {
        if self.read_only {
            return Err(Error::ReadOnly);
        }
        // No backup may be copying meanwhile: it would hold the WAL, and could end
        // after the old copies are removed below, leaving one under the old key.
        let copying = super::backup::copy_guard();
        // Every page must be in the main file and no reader may hold the WAL: the
        // swapped-in file must not meet a WAL written for the old one.
        let (busy, _, _): (i64, i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        if busy != 0 {
            return Err(Error::DatabaseInUse {
                path: self.path.display().to_string(),
            });
        }
        let part = with_suffix(&self.path, ".rekey.part");
        let _ = std::fs::remove_file(&part);
        let version = migrations::user_version(&self.conn)?;
        // sqlcipher_export copies schema and rows into the attached file under its key;
        // an empty key attaches a plain file.
        let copied = (|| -> Result<()> {
            self.conn.execute(
                "ATTACH DATABASE ?1 AS rekey KEY ?2",
                rusqlite::params![part.to_string_lossy(), key.unwrap_or("")],
            )?;
            let exported = self
                .conn
                .query_row("SELECT sqlcipher_export('rekey')", [], |_| Ok(()))
                .and_then(|()| {
                    self.conn
                        .pragma_update(Some("rekey"), "user_version", version)
                });
            self.conn.execute("DETACH DATABASE rekey", [])?;
            exported?;
            // The copy must be whole before it replaces anything.
            Store::open_read_only_with(&part, key)?.check()?;
            std::fs::File::open(&part)?.sync_all()?;
            Ok(())
        })();
        if let Err(e) = copied {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
        let old_key = self.key().map(str::to_owned);
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        let swapped = old.close().map_err(|(_, e)| Error::from(e)).and_then(|()| {
            for ext in ["-wal", "-shm"] {
                let side = with_suffix(&self.path, ext);
                if side.exists() {
                    std::fs::remove_file(side)?;
                }
            }
            std::fs::rename(&part, &self.path)?;
            sync_dir(&self.path);
            Ok(())
        });
        // Whatever happened, the store must hold a working connection again: the new
        // file under the new key, or the old one under the old key.
        // A new connection counts its changes from zero: anchors taken on the old
        // one could look current.
        self.anchors().clear();
        match swapped.and_then(|()| open_keyed(&self.path, key)) {
            Ok(conn) => {
                self.conn = conn;
                self.passphrase = key.map(Secret::new);
            }
            Err(e) => {
                let _ = std::fs::remove_file(&part);
                self.conn = open_keyed(&self.path, old_key.as_deref())?;
                return Err(e);
            }
        }
        drop(copying);
        let fresh = self.backup_now()?;
        super::backup::remove_old_copies(&self.path, Path::new(&fresh.path))
    }
}

/// Makes a rename durable: the directory entry must reach the disk too.
pub(crate) fn sync_dir(file: &Path) {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrases_must_be_long_and_clean() {
        assert!(matches!(
            validate_passphrase("short"),
            Err(Error::TooShort {
                field: Field::Passphrase,
                min: PASSPHRASE_MIN
            })
        ));
        assert!(matches!(
            validate_passphrase("long enough\0but with NUL"),
            Err(Error::Invalid {
                field: Field::Passphrase
            })
        ));
        validate_passphrase("correct horse battery").unwrap();
    }
}
