//! Encryption at rest with SQLCipher: a passphrase is stretched by SQLCipher itself
//! (PBKDF2-HMAC-SHA512) into the page key, so the file is unreadable without it.
//! Switching a file between plain and encrypted writes a whole new copy beside it
//! and swaps it in with a rename, so a crash leaves the old file or the new one.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{Store, migrations, open_ro_connection};
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

fn side_path(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
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
        let part = side_path(&self.path, ".rekey.part");
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
            let check = open_ro_connection(&part, key)?;
            let result: String = check.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            if result != "ok" {
                return Err(Error::IntegrityCheckFailed { detail: result });
            }
            Ok(())
        })();
        if let Err(e) = copied {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
        // Close the current connection (folding its WAL into the file) before the swap.
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        old.close().map_err(|(_, e)| Error::from(e))?;
        std::fs::File::open(&part)?.sync_all()?;
        std::fs::rename(&part, &self.path)?;
        sync_dir(&self.path);
        let conn = Connection::open(&self.path)?;
        super::apply_key(&conn, key)?;
        super::configure(&conn)?;
        self.conn = conn;
        self.passphrase = key.map(str::to_owned);
        Ok(())
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
