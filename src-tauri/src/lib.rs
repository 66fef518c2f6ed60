//! Kakehashi's desktop shell: opens the database, hosts the web UI in a Tauri 2
//! window and exposes the core through a few typed commands.
//!
//! No business rule lives here: each command takes typed input, calls one core
//! function on the app's one connection and hands back the result or an
//! [`ErrorPayload`] the UI shows in the active language.

mod commands;
mod menu;
mod state;

use std::path::PathBuf;

use kakehashi_core::Store;
use kakehashi_core::prefs::Preferences;
use tauri::Manager;

pub use commands::AppInfo;
use state::AppState;

/// The database to open: `--db PATH` (or `--db=PATH`), then `KAKEHASHI_DB`, then the
/// OS app-data folder.
fn db_path(args: impl Iterator<Item = String>) -> PathBuf {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(path) = args.next() {
                return PathBuf::from(path);
            }
        } else if let Some(path) = arg.strip_prefix("--db=") {
            return PathBuf::from(path);
        }
    }
    std::env::var_os("KAKEHASHI_DB")
        .map(PathBuf::from)
        .unwrap_or_else(kakehashi_core::store::default_path)
}

pub fn run() {
    let db_path = db_path(std::env::args());
    let prefs_path = kakehashi_core::prefs::default_path();
    let prefs = Preferences::load(&prefs_path);
    // A database that cannot be opened is not a crash: the UI explains why.
    let (store, startup_error) = match Store::open(&db_path) {
        Ok(mut store) => {
            if let Some(name) = &prefs.coordinator {
                store.set_actor(name.clone());
            }
            (Some(store), None)
        }
        Err(e) => (None, Some(e.payload())),
    };
    let state = AppState::new(store, startup_error, db_path, prefs_path, prefs);

    tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(state)
        .setup(|app| {
            let lang = app.state::<AppState>().settings().language;
            menu::refresh(app.handle(), lang)?;
            app.on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::update_settings,
            commands::list_cases,
            commands::search_cases,
            commands::case_detail,
            commands::create_case,
            commands::list_providers,
            commands::create_demo,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> impl Iterator<Item = String> {
        a.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn db_flag_in_either_form_chooses_the_file() {
        assert_eq!(
            db_path(args(&["app", "--db", "/tmp/a.sqlite"])),
            PathBuf::from("/tmp/a.sqlite")
        );
        assert_eq!(
            db_path(args(&["app", "--db=/tmp/b.sqlite"])),
            PathBuf::from("/tmp/b.sqlite")
        );
    }
}
