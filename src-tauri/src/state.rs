//! The app's state: its one database connection and the machine's preferences.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use kakehashi_core::prefs::{Preferences, Settings};
use kakehashi_core::{ErrorPayload, Localizer, Store};

#[derive(Debug)]
pub struct AppState {
    store: Arc<Mutex<Option<Store>>>,
    pub startup_error: Option<ErrorPayload>,
    pub db_path: PathBuf,
    pub prefs_path: PathBuf,
    prefs: Mutex<Preferences>,
    pub os_locale: Option<String>,
    /// For the few words the shell itself shows: the native menu.
    pub l10n: Localizer,
}

impl AppState {
    pub fn new(
        store: Option<Store>,
        startup_error: Option<ErrorPayload>,
        db_path: PathBuf,
        prefs_path: PathBuf,
        prefs: Preferences,
    ) -> AppState {
        AppState {
            store: Arc::new(Mutex::new(store)),
            startup_error,
            db_path,
            prefs_path,
            prefs: Mutex::new(prefs),
            os_locale: sys_locale::get_locale(),
            l10n: Localizer::new(true),
        }
    }

    fn prefs(&self) -> MutexGuard<'_, Preferences> {
        // Preferences are plain data: a panic elsewhere cannot leave them half-written.
        self.prefs.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn settings(&self) -> Settings {
        self.prefs().settings(self.os_locale.as_deref())
    }

    /// Checks, saves and applies new settings; the coordinator's name becomes the
    /// author of changes in the audit log.
    pub async fn update_settings(&self, settings: Settings) -> Result<Settings, ErrorPayload> {
        let mut next = self.prefs().clone();
        next.apply(&settings).map_err(|e| e.payload())?;
        next.save(&self.prefs_path).map_err(|e| e.payload())?;
        let actor = next.coordinator.clone();
        *self.prefs() = next;
        if let Some(actor) = actor {
            // No database open is fine here: the name is used once one is.
            let _ = self
                .with_store(move |s| {
                    s.set_actor(actor);
                    Ok(())
                })
                .await;
        }
        Ok(self.settings())
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
            let mut guard = store.lock().unwrap_or_else(|p| p.into_inner());
            match guard.as_mut() {
                Some(store) => f(store).map_err(|e| e.payload()),
                None => Err(ErrorPayload::new("error-no-database")),
            }
        })
        .await
        .map_err(|e| ErrorPayload::unexpected(e.to_string()))?
    }
}
