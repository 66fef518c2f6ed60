//! The app's state: its one database connection and the machine's preferences.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use kakehashi_core::prefs::{Preferences, Settings};
use kakehashi_core::{ErrorPayload, Localizer, Store};

/// Which file is open, or why none is.
#[derive(Debug, Clone)]
pub struct Database {
    pub path: PathBuf,
    pub error: Option<ErrorPayload>,
}

#[derive(Debug)]
pub struct AppState {
    store: Arc<Mutex<Option<Store>>>,
    database: Mutex<Database>,
    pub prefs_path: PathBuf,
    prefs: Mutex<Preferences>,
    pub os_locale: Option<String>,
    /// For the few words the shell itself shows: the native menu and file dialogs.
    pub l10n: Localizer,
    /// For exported files: no isolation marks, which would end up in PDF text and CSV cells.
    pub export_l10n: std::sync::Arc<Localizer>,
}

/// Locks shared plain data; a panic elsewhere cannot leave it half-written.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Opens `path` and names the coordinator as the author of its changes.
pub fn open_store(path: &Path, prefs: &Preferences) -> Result<Store, ErrorPayload> {
    let mut store = Store::open(path).map_err(|e| e.payload())?;
    if let Some(name) = &prefs.coordinator {
        store.set_actor(name.clone());
    }
    Ok(store)
}

impl AppState {
    pub fn new(path: PathBuf, prefs_path: PathBuf, prefs: Preferences) -> AppState {
        // A database that cannot be opened is not a crash: the UI explains why.
        let (store, error) = match open_store(&path, &prefs) {
            Ok(store) => (Some(store), None),
            Err(e) => (None, Some(e)),
        };
        AppState {
            store: Arc::new(Mutex::new(store)),
            database: Mutex::new(Database { path, error }),
            prefs_path,
            prefs: Mutex::new(prefs),
            os_locale: sys_locale::get_locale(),
            l10n: Localizer::new(true),
            export_l10n: std::sync::Arc::new(Localizer::new(false)),
        }
    }

    pub fn database(&self) -> Database {
        lock(&self.database).clone()
    }

    pub fn settings(&self) -> Settings {
        lock(&self.prefs).settings(self.os_locale.as_deref())
    }

    /// Checks, saves and applies new settings; the coordinator's name becomes the
    /// author of changes in the audit log, and the OS user again when it is cleared.
    pub async fn update_settings(&self, settings: Settings) -> Result<Settings, ErrorPayload> {
        let mut next = lock(&self.prefs).clone();
        next.apply(&settings).map_err(|e| e.payload())?;
        next.save(&self.prefs_path).map_err(|e| e.payload())?;
        let actor = next
            .coordinator
            .clone()
            .unwrap_or_else(kakehashi_core::store::default_actor);
        *lock(&self.prefs) = next;
        // No database open is fine here: the name is used once one is.
        let _ = self
            .with_store(move |s| {
                s.set_actor(actor);
                Ok(())
            })
            .await;
        Ok(self.settings())
    }

    /// Opens another database file in place of the current one and remembers it.
    /// If the new file cannot be opened, the current one stays open and untouched.
    pub async fn switch_database(&self, path: PathBuf) -> Result<(), ErrorPayload> {
        let prefs = lock(&self.prefs).clone();
        let for_store = prefs.clone();
        let store = Arc::clone(&self.store);
        let opened = path.clone();
        tauri::async_runtime::spawn_blocking(move || -> Result<(), ErrorPayload> {
            let mut slot = lock(&store);
            // The open file's lock must go before the same file can be opened again.
            if slot.as_ref().is_some_and(|s| same_file(s.path(), &opened)) {
                return Ok(());
            }
            let new = open_store(&opened, &for_store)?;
            *slot = Some(new);
            Ok(())
        })
        .await
        .map_err(|e| ErrorPayload::unexpected(e.to_string()))??;
        let mut next = prefs;
        next.database = Some(path.clone());
        next.save(&self.prefs_path).map_err(|e| e.payload())?;
        *lock(&self.prefs) = next;
        *lock(&self.database) = Database { path, error: None };
        Ok(())
    }

    /// Runs `f` on the store off the UI thread: SQLite calls block, and a long one
    /// (demo data, a big search) must not freeze the window.
    pub async fn with_store<T, F>(&self, f: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> kakehashi_core::Result<T> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        tauri::async_runtime::spawn_blocking(move || {
            // A panic in an earlier command poisons the lock but leaves SQLite consistent:
            // every change is one transaction, rolled back if it did not commit.
            let mut guard = lock(&store);
            match guard.as_mut() {
                Some(store) => f(store).map_err(|e| e.payload()),
                None => Err(ErrorPayload::new("error-no-database")),
            }
        })
        .await
        .map_err(|e| ErrorPayload::unexpected(e.to_string()))?
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_to_a_bad_file_keeps_the_open_one_and_a_good_one_is_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first.sqlite");
        let prefs_path = dir.path().join("prefs.json");
        let state = AppState::new(first.clone(), prefs_path.clone(), Preferences::default());
        let junk = dir.path().join("junk.sqlite");
        std::fs::write(&junk, b"not a database at all, just some text......").unwrap();
        tauri::async_runtime::block_on(async {
            let err = state.switch_database(junk.clone()).await.unwrap_err();
            assert_eq!(err.code, "error-not-a-database");
            assert_eq!(state.database().path, first);
            let path = state.with_store(|s| Ok(s.path().to_owned())).await.unwrap();
            assert_eq!(path, first, "still on the first file");

            let second = dir.path().join("second.sqlite");
            state.switch_database(second.clone()).await.unwrap();
            assert_eq!(state.database().path, second);
            assert_eq!(Preferences::load(&prefs_path).database, Some(second));
            // The first file's lock is released: another process could open it now.
            Store::open(&first).unwrap();
        });
    }

    #[test]
    fn clearing_the_coordinator_name_gives_the_audit_log_back_to_the_os_user() {
        let dir = tempfile::tempdir().unwrap();
        let prefs = Preferences {
            coordinator: Some("Marie Tremblay".into()),
            ..Default::default()
        };
        let state = AppState::new(
            dir.path().join("a.sqlite"),
            dir.path().join("p.json"),
            prefs,
        );
        tauri::async_runtime::block_on(async {
            let actor = state
                .with_store(|s| Ok(s.actor().to_owned()))
                .await
                .unwrap();
            assert_eq!(actor, "Marie Tremblay");
            let mut s = state.settings();
            s.coordinator = None;
            state.update_settings(s).await.unwrap();
            let actor = state
                .with_store(|s| Ok(s.actor().to_owned()))
                .await
                .unwrap();
            assert_eq!(actor, kakehashi_core::store::default_actor());
        });
    }
}
