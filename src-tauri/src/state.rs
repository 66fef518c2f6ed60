//! The app's state: its one database connection and the machine's preferences.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use kakehashi_core::dashboard::Dashboard;
use kakehashi_core::prefs::{Preferences, Settings};
use kakehashi_core::store::Secret;
use kakehashi_core::{ErrorPayload, Localizer, Store};

use crate::first_screen::FirstScreen;

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
    /// The passphrase the coordinator typed for this file, to open it again after a
    /// restore without asking twice: the store's own, shared, not a copy.
    passphrase: Mutex<Option<Arc<Secret>>>,
    /// Why the last automatic backup failed, until one succeeds: shown in Settings.
    backup_error: Mutex<Option<ErrorPayload>>,
    /// The first screen's data for the page's HTML (`first_screen.rs`).
    pub first_screen: FirstScreen,
    /// Told once the first screen shows its data (the page's `first_paint`).
    first_screen_shown: tokio::sync::Notify,
    pub os_locale: Option<String>,
    /// For the few words the shell itself shows: the native menu and file dialogs.
    pub l10n: Localizer,
    /// For exported files: no isolation marks, which would end up in PDF text and CSV cells.
    pub export_l10n: std::sync::Arc<Localizer>,
}

/// The longest the daily backup waits for the first screen before it starts anyway.
const FIRST_SCREEN_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Locks shared plain data; a panic elsewhere cannot leave it half-written.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// How to open a file: for writing or only reading, and with which passphrase.
#[derive(Debug, Clone, Default)]
pub struct OpenMode {
    pub read_only: bool,
    pub passphrase: Option<Arc<Secret>>,
}

/// Opens `path` and names the coordinator as the author of its changes.
pub fn open_store(
    path: &Path,
    prefs: &Preferences,
    mode: &OpenMode,
) -> Result<Store, ErrorPayload> {
    let key = mode.passphrase.clone();
    let opened = if mode.read_only {
        Store::open_read_only_keyed(path, key)
    } else {
        Store::open_keyed(path, key)
    };
    let mut store = opened.map_err(|e| e.payload())?;
    if let Some(name) = &prefs.coordinator {
        store.set_actor(name.clone());
    }
    Ok(store)
}

/// What the UI shows about the open file, read from the store itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct FileState {
    pub read_only: bool,
    pub encrypted: bool,
}

impl AppState {
    pub fn new(path: PathBuf, prefs_path: PathBuf, prefs: Preferences) -> AppState {
        // A database that cannot be opened is not a crash: the UI explains why.
        let (store, error) = match open_store(&path, &prefs, &OpenMode::default()) {
            Ok(store) => (Some(store), None),
            Err(e) => (None, Some(e)),
        };
        let store = Arc::new(Mutex::new(store));
        AppState {
            store,
            database: Mutex::new(Database { path, error }),
            prefs_path,
            prefs: Mutex::new(prefs),
            passphrase: Mutex::new(None),
            backup_error: Mutex::new(None),
            first_screen: FirstScreen::default(),
            first_screen_shown: tokio::sync::Notify::new(),
            os_locale: sys_locale::get_locale(),
            l10n: Localizer::new(true),
            export_l10n: std::sync::Arc::new(Localizer::new(false)),
        }
    }

    /// The case count and the Today screen's data, read for the first screen while the
    /// window starts (`first_screen.rs`). `None` when no file is open or a read failed:
    /// the screen then asks by command, and shows why.
    pub fn read_first_screen(&self) -> Option<(u32, Dashboard)> {
        let guard = lock(&self.store);
        let store = guard.as_ref()?;
        let count = store.case_count().ok()?;
        let dashboard = store.dashboard(chrono::Utc::now()).ok()?;
        Some((count, dashboard))
    }

    pub fn database(&self) -> Database {
        lock(&self.database).clone()
    }

    pub fn file_state(&self) -> FileState {
        lock(&self.store)
            .as_ref()
            .map(|s| FileState {
                read_only: s.is_read_only(),
                encrypted: s.is_encrypted(),
            })
            .unwrap_or_default()
    }

    pub fn backup_error(&self) -> Option<ErrorPayload> {
        lock(&self.backup_error).clone()
    }

    pub fn settings(&self) -> Settings {
        lock(&self.prefs).settings(self.os_locale.as_deref())
    }

    /// Checks, saves and applies new settings; the coordinator's name becomes the
    /// author of changes in the audit log, and the OS user again when it is cleared.
    pub async fn update_settings(&self, settings: Settings) -> Result<Settings, ErrorPayload> {
        self.first_screen.close();
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

    fn remember_database(&self, path: &Path) -> Result<(), ErrorPayload> {
        let mut next = lock(&self.prefs).clone();
        if next.database.as_deref() == Some(path) {
            return Ok(());
        }
        next.database = Some(path.to_owned());
        next.save(&self.prefs_path).map_err(|e| e.payload())?;
        *lock(&self.prefs) = next;
        Ok(())
    }

    /// Opens another database file in place of the current one and remembers it.
    /// If the new file cannot be opened, the current one stays open and untouched;
    /// an encrypted one is the exception: it becomes the file the recovery screen
    /// asks the passphrase for.
    pub async fn switch_database(&self, path: PathBuf) -> Result<(), ErrorPayload> {
        self.first_screen.close();
        let prefs = lock(&self.prefs).clone();
        let store = Arc::clone(&self.store);
        let opened = path.clone();
        let outcome =
            tauri::async_runtime::spawn_blocking(move || -> Result<bool, ErrorPayload> {
                let mut slot = lock(&store);
                // The open file's lock must go before the same file can be opened again.
                if slot.as_ref().is_some_and(|s| same_file(s.path(), &opened)) {
                    return Ok(false);
                }
                match open_store(&opened, &prefs, &OpenMode::default()) {
                    Ok(new) => {
                        *slot = Some(new);
                        Ok(true)
                    }
                    Err(e) if e.code == "error-passphrase-needed" => {
                        *slot = None;
                        Err(e)
                    }
                    Err(e) => Err(e),
                }
            })
            .await
            .map_err(|e| ErrorPayload::unexpected(e.to_string()))?;
        match outcome {
            Ok(false) => Ok(()),
            Ok(true) => {
                *lock(&self.database) = Database {
                    path: path.clone(),
                    error: None,
                };
                *lock(&self.passphrase) = None;
                self.remember_database(&path)
            }
            Err(e) if e.code == "error-passphrase-needed" => {
                *lock(&self.database) = Database {
                    path,
                    error: Some(e),
                };
                *lock(&self.passphrase) = None;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Opens the current file again: after the coordinator freed space, closed the
    /// other window, typed the passphrase or asked for a read-only view. On failure
    /// the reason is kept for the recovery screen.
    pub async fn reopen(&self, mode: OpenMode) -> Result<(), ErrorPayload> {
        self.first_screen.close();
        let path = self.database().path;
        let prefs = lock(&self.prefs).clone();
        let store = Arc::clone(&self.store);
        let m = mode.clone();
        let p = path.clone();
        let opened = tauri::async_runtime::spawn_blocking(move || -> Result<(), ErrorPayload> {
            let mut slot = lock(&store);
            // Our own lock on the file goes first, or we would find it "in use" by us.
            *slot = None;
            let new = open_store(&p, &prefs, &m)?;
            *slot = Some(new);
            Ok(())
        })
        .await
        .map_err(|e| ErrorPayload::unexpected(e.to_string()))?;
        match &opened {
            Ok(()) => {
                lock(&self.database).error = None;
                *lock(&self.passphrase) = mode.passphrase;
                self.remember_database(&path)?;
            }
            Err(e) => lock(&self.database).error = Some(e.clone()),
        }
        opened
    }

    /// Restores one of the file's backups over it (the current file is kept aside
    /// by the core), then opens the result. If the backup is refused, the current
    /// file is opened again as it was.
    pub async fn restore_backup(&self, backup: PathBuf) -> Result<(), ErrorPayload> {
        self.first_screen.close();
        let db_path = self.database().path;
        let pass = lock(&self.passphrase).clone();
        let store = Arc::clone(&self.store);
        let p = pass.clone();
        // The restore writes its own audit row, by the coordinator named in Settings.
        let actor = lock(&self.prefs)
            .coordinator
            .clone()
            .unwrap_or_else(kakehashi_core::store::default_actor);
        let restored = tauri::async_runtime::spawn_blocking(move || {
            let mut slot = lock(&store);
            *slot = None;
            kakehashi_core::store::backup::restore_listed(
                &db_path,
                &backup,
                p.as_ref().map(|p| Secret::expose(p)),
                &actor,
            )
            .map(|_| ())
            .map_err(|e| e.payload())
        })
        .await
        .map_err(|e| ErrorPayload::unexpected(e.to_string()))?;
        let mode = OpenMode {
            read_only: false,
            passphrase: pass,
        };
        let reopened = self.reopen(mode).await;
        restored?;
        reopened
    }

    /// Encrypts the open file with `new`, or removes its encryption; the core checks
    /// an encrypted file's `current` passphrase. Whatever the outcome, the passphrase
    /// kept is the one the store holds afterwards: once the file is swapped, the new
    /// one, even when the backup that follows fails.
    pub async fn set_encryption(
        &self,
        current: Option<Secret>,
        new: Option<Secret>,
    ) -> Result<(), ErrorPayload> {
        self.first_screen.close();
        let (changed, key) = self
            .with_store(move |s| {
                let current = current.as_ref().map(Secret::expose);
                let changed = match new {
                    Some(new) => s.encrypt(current, new),
                    None => s.decrypt(current),
                };
                Ok((changed.map_err(|e| e.payload()), s.passphrase()))
            })
            .await?;
        *lock(&self.passphrase) = key;
        changed
    }

    /// Notes that the first screen shows its data.
    pub fn first_screen_shown(&self) {
        self.first_screen_shown.notify_one();
    }

    /// Returns once the first screen shows its data, or after a few seconds: a screen
    /// that never reports (the recovery screen, a first start) must not keep the
    /// daily backup from being made.
    pub async fn first_screen_drawn(&self) {
        let _ = tokio::time::timeout(FIRST_SCREEN_WAIT, self.first_screen_shown.notified()).await;
    }

    /// The daily automatic backup, if one is due (the core decides, and skips a
    /// read-only view). A failure is kept for Settings and the next start tries again.
    pub async fn backup_if_due(&self) {
        if self.database().error.is_some() {
            return;
        }
        // The store is held only to decide; the copy and its check read the file
        // through their own connection, so the first screen never waits on them.
        let result = match self.with_store(|s| s.start_backup_if_due()).await {
            Ok(Some(pending)) => tauri::async_runtime::spawn_blocking(move || pending.finish())
                .await
                .map_err(|e| ErrorPayload::unexpected(e.to_string()))
                .and_then(|r| r.map(|_| ()).map_err(|e| e.payload())),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        };
        *lock(&self.backup_error) = result.err();
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
    fn after_a_change_of_key_the_app_keeps_the_new_one_even_if_the_backup_failed() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.sqlite");
        let state = AppState::new(
            db.clone(),
            dir.path().join("p.json"),
            Preferences::default(),
        );
        // A file where the backup folder should be: the backup after the swap fails.
        let folder = kakehashi_core::store::backup::backup_dir(&db);
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::write(&folder, b"not a folder").unwrap();
        tauri::async_runtime::block_on(async {
            let new = Some(Secret::from("correct horse battery"));
            let err = state.set_encryption(None, new).await.unwrap_err();
            assert_eq!(err.code, "error-backup-after-rekey-failed", "{err:?}");
            assert!(state.file_state().encrypted);
            let kept = lock(&state.passphrase)
                .clone()
                .expect("the new one is kept");
            let held = state.with_store(|s| Ok(s.passphrase())).await.unwrap();
            assert!(Arc::ptr_eq(&kept, &held.unwrap()), "one copy, shared");
            // A restore checks the backup, and opens the file, with the key kept.
            std::fs::remove_file(&folder).unwrap();
            let backup = state.with_store(|s| s.backup_now()).await.unwrap();
            state.restore_backup(backup.path.into()).await.unwrap();
            assert!(state.file_state().encrypted);
            // Removing the encryption takes the current passphrase.
            let wrong = Some(Secret::from("not the passphrase"));
            let refused = state.set_encryption(wrong, None).await.unwrap_err();
            assert_eq!(refused.code, "error-not-the-passphrase");
            assert_eq!(refused.field.as_deref(), Some("field-current-passphrase"));
            let current = Some(Secret::from("correct horse battery"));
            state.set_encryption(current, None).await.unwrap();
            assert!(!state.file_state().encrypted);
            assert!(lock(&state.passphrase).is_none());
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

    /// What the page's HTML carries when the app starts on `dir`, after `before` ran.
    fn first_page(dir: &Path, before: impl FnOnce(&AppState)) -> String {
        std::fs::create_dir_all(dir).unwrap();
        let state = AppState::new(
            dir.join("a.sqlite"),
            dir.join("p.json"),
            Preferences::default(),
        );
        let (count, dashboard) = state.read_first_screen().expect("nothing read");
        let info = crate::commands::app_info_with(&state, Some(count));
        state.first_screen.offer(&info, &dashboard);
        before(&state);
        crate::first_screen::tests::served(&state.first_screen)
    }

    #[test]
    fn a_language_picked_before_the_page_loads_withdraws_the_first_screen() {
        let dir = tempfile::tempdir().unwrap();
        let untouched = first_page(&dir.path().join("one"), |_| {});
        assert!(untouched.contains(r#"id="first-screen""#), "{untouched}");
        // The native menu's Language items call update_settings before any page loads.
        let changed = first_page(&dir.path().join("two"), |state| {
            let mut s = state.settings();
            s.language = kakehashi_core::Lang::Ja;
            tauri::async_runtime::block_on(state.update_settings(s)).unwrap();
        });
        assert_eq!(
            changed,
            crate::first_screen::tests::PAGE,
            "settings read before the change were served"
        );
    }
}
