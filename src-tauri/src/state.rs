//! The app's state: its one database connection and the machine's preferences.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use kakehashi_core::{ErrorPayload, Lang, Store};

#[derive(Debug)]
pub struct AppState {
    store: Arc<Mutex<Option<Store>>>,
    pub startup_error: Option<ErrorPayload>,
    pub db_path: PathBuf,
    pub prefs_path: PathBuf,
    pub language: Mutex<Lang>,
}

impl AppState {
    pub fn new(
        store: Option<Store>,
        startup_error: Option<ErrorPayload>,
        db_path: PathBuf,
        prefs_path: PathBuf,
        language: Lang,
    ) -> AppState {
        AppState {
            store: Arc::new(Mutex::new(store)),
            startup_error,
            db_path,
            prefs_path,
            language: Mutex::new(language),
        }
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
