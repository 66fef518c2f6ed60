//! Encryption at rest with SQLCipher: a passphrase is stretched by SQLCipher itself
//! (PBKDF2-HMAC-SHA512) into the page key, so the file is unreadable without it.
//! Switching a file between plain and encrypted writes a whole new copy beside it
//! and swaps it in with a rename, so a crash leaves the old file or the new one.
//! Afterwards the old backups, which hold the data under the old key (or none),
//! are removed, and then one new backup is made. Changing or removing the key of an
//! encrypted file takes its current passphrase.

use std::path::Path;
use std::sync::Arc;

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
    let mut conn = Connection::open(path)?;
    super::apply_key(&conn, key)?;
    super::configure(&mut conn)?;
    Ok(conn)
}

impl Store {
    /// Encrypts the file with `new`, or gives an encrypted file a new passphrase. An
    /// encrypted file's `current` passphrase must be given (see [`Store::decrypt`]).
    ///
    /// Once the file is swapped, the new key is in force, here and on disk, even if
    /// an error follows: [`Error::OldCopiesRemain`] names copies under the old key that
    /// could not be removed, [`Error::BackupAfterRekeyFailed`] says the fresh backup
    /// failed (the next automatic one makes it, none being left).
    pub fn encrypt(&mut self, current: Option<&str>, new: Secret) -> Result<()> {
        self.check_current(current)?;
        validate_passphrase(new.expose())?;
        self.rewrite_with_key(Some(Arc::new(new)))
    }

    /// Writes the file back without encryption. The `current` passphrase is asked for
    /// again, so that whoever finds a session open cannot strip the file of its key
    /// (or change it) without knowing it. See [`Store::encrypt`] for what follows.
    pub fn decrypt(&mut self, current: Option<&str>) -> Result<()> {
        self.check_current(current)?;
        self.rewrite_with_key(None)
    }

    /// Refuses a change of key unless `current` is the passphrase the file is
    /// encrypted with; a file without encryption has none to give.
    fn check_current(&self, current: Option<&str>) -> Result<()> {
        let field = Field::CurrentPassphrase;
        match (self.key(), current.filter(|c| !c.is_empty())) {
            (None, _) => Ok(()),
            (Some(_), None) => Err(Error::Required { field }),
            (Some(key), Some(given)) if given == key => Ok(()),
            (Some(_), Some(_)) => Err(Error::NotThePassphrase { field }),
        }
    }

    fn rewrite_with_key(&mut self, new: Option<Arc<Secret>>) -> Result<()> {
        let key = new.as_deref().map(Secret::expose);
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
            super::harden::permit_attach(|| {
                self.conn.execute(
                    "ATTACH DATABASE ?1 AS rekey KEY ?2",
                    rusqlite::params![part.to_string_lossy(), key.unwrap_or("")],
                )
            })?;
            // sqlcipher_export writes the search indexes' shadow tables as it copies
            // them, which defensive mode refuses; the file is the one this store opened.
            let exported = super::harden::with_shadow_writes(&self.conn, || -> Result<()> {
                self.conn
                    .query_row("SELECT sqlcipher_export('rekey')", [], |_| Ok(()))?;
                self.conn
                    .pragma_update(Some("rekey"), "user_version", version)?;
                self.conn.pragma_update(
                    Some("rekey"),
                    "application_id",
                    super::harden::APPLICATION_ID,
                )?;
                Ok(())
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
        let old_key = self.passphrase();
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        let swapped = old.close().map_err(|(_, e)| Error::from(e)).and_then(|()| {
            for ext in ["-wal", "-shm"] {
                let side = with_suffix(&self.path, ext);
                if side.exists() {
                    std::fs::remove_file(side)?;
                }
            }
            std::fs::rename(&part, &self.path)?;
            super::private_files::sync_dir(&self.path);
            Ok(())
        });
        // Whatever happened, the store must hold a working connection again: the new
        // file under the new key, or the old one under the old key.
        // A new connection counts its changes from zero: anchors taken on the old
        // one could look current.
        self.anchors().clear();
        if let Err(e) = swapped {
            let _ = std::fs::remove_file(&part);
            self.conn = open_keyed(&self.path, old_key.as_deref().map(Secret::expose))?;
            return Err(e);
        }
        // The commit point: the file has its new key from here on, and so has this
        // store, whatever follows.
        self.passphrase = new;
        self.conn = open_keyed(&self.path, self.key())?;
        // The copies under the old key (or none) go before the fresh backup is made,
        // so that if it fails, none of them is left behind.
        let removed = super::backup::remove_old_copies(&self.path);
        drop(copying);
        let fresh = self
            .backup_now()
            .map_err(|cause| Error::BackupAfterRekeyFailed {
                cause: Box::new(cause),
            });
        removed.and(fresh.map(drop))
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

    /// `Probe::<T>::is_clone` is the inherent method where `T: Clone`, and the
    /// trait's otherwise: a test of a bound that must not hold.
    struct Probe<T>(std::marker::PhantomData<T>);

    trait NotClone {
        fn is_clone(&self) -> bool {
            false
        }
    }

    impl<T> NotClone for Probe<T> {}

    impl<T: Clone> Probe<T> {
        fn is_clone(&self) -> bool {
            true
        }
    }

    #[test]
    fn a_passphrase_is_wiped_on_drop_never_cloned_and_never_printed() {
        fn wiped_on_drop<T: zeroize::ZeroizeOnDrop>() {}
        wiped_on_drop::<Secret>();
        assert!(
            Probe::<String>(std::marker::PhantomData).is_clone(),
            "the probe works"
        );
        assert!(
            !Probe::<Secret>(std::marker::PhantomData).is_clone(),
            "a copy would outlive the one that is wiped"
        );
        let secret = Secret::from("correct horse battery");
        assert_eq!(format!("{secret:?}"), "Secret(***)");
        assert_eq!(secret.expose(), "correct horse battery");
    }
}
