//! Kakehashi's desktop shell: opens the database, hosts the web UI in a Tauri 2
//! window and exposes the core through a few typed commands.
//!
//! No business rule lives here: each command takes typed input, calls one core
//! function on the app's one connection and hands back the result or an
//! [`ErrorPayload`] the UI shows in the active language.

mod commands;
mod first_screen;
mod lockdown;
mod menu;
mod probe;
mod state;

use std::path::PathBuf;

use kakehashi_core::prefs::Preferences;
use tauri::{Emitter, Manager};

pub use commands::AppInfo;
use state::AppState;

/// The database to open: `--db PATH` (or `--db=PATH`), then `KAKEHASHI_DB`, then the
/// file last opened from Settings, then the OS app-data folder.
fn db_path(args: impl Iterator<Item = String>, remembered: Option<PathBuf>) -> PathBuf {
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
        .or(remembered)
        .unwrap_or_else(kakehashi_core::store::default_path)
}

pub fn run() {
    probe::mark("main");
    let prefs_path = kakehashi_core::prefs::default_path();
    let prefs = Preferences::load(&prefs_path);
    let db_path = db_path(std::env::args(), prefs.database.clone());
    let state = AppState::new(db_path, prefs_path, prefs);
    probe::mark("store-open");

    tauri::Builder::default()
        .plugin(lockdown::plugin())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(|app| {
            probe::mark("setup");
            // Read while WebKit starts, for the page's HTML to carry (first_screen.rs).
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let state = handle.state::<AppState>();
                match state.read_first_screen() {
                    Some((count, dashboard)) => state
                        .first_screen
                        .offer(&commands::app_info_with(&state, Some(count)), &dashboard),
                    None => state.first_screen.close(),
                }
            });
            // The window is made here rather than from the config alone, to serve its
            // first page with that data.
            let config = app
                .config()
                .app
                .windows
                .iter()
                .find(|w| w.label == "main")
                .cloned()
                .ok_or("tauri.conf.json has no main window")?;
            let page_handle = app.handle().clone();
            tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
                .on_web_resource_request(move |_, response| {
                    page_handle.state::<AppState>().first_screen.serve(response)
                })
                .build()?;
            let lang = app.state::<AppState>().settings().language;
            menu::refresh(app.handle(), lang)?;
            app.on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()));
            // The daily backup waits for the first screen: on two cores its copy
            // slowed the start (docs/performance.md).
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let state = handle.state::<AppState>();
                state.first_screen_drawn().await;
                state.backup_if_due().await;
                // The page read the app's facts before the backup ran; Settings shows
                // a failure from this.
                let _ = handle.emit("backup-finished", state.backup_error());
            });
            probe::mark("setup-done");
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::update_settings,
            commands::choose_database,
            commands::dashboard,
            commands::list_cases,
            commands::search_cases,
            commands::case_detail,
            commands::create_case,
            commands::update_case,
            commands::change_status,
            commands::update_costs,
            commands::add_event,
            commands::update_event,
            commands::delete_event,
            commands::set_document,
            commands::add_document,
            commands::delete_document,
            commands::add_task,
            commands::update_task,
            commands::set_task_done,
            commands::delete_task,
            commands::add_note,
            commands::restore,
            commands::list_patients,
            commands::patient,
            commands::update_patient,
            commands::list_providers,
            commands::create_provider,
            commands::update_provider,
            commands::delete_provider,
            commands::create_demo,
            commands::export_preview,
            commands::export_case,
            commands::export_list,
            commands::reopen_database,
            commands::list_backups,
            commands::backup_now,
            commands::restore_backup,
            commands::set_encryption,
            commands::consents,
            commands::add_consent,
            commands::withdraw_consent,
            commands::access_log,
            commands::export_patient,
            commands::erase_patient,
            probe::first_paint,
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
            db_path(args(&["app", "--db", "/tmp/a.sqlite"]), None),
            PathBuf::from("/tmp/a.sqlite")
        );
        assert_eq!(
            db_path(
                args(&["app", "--db=/tmp/b.sqlite"]),
                Some("/tmp/c.sqlite".into())
            ),
            PathBuf::from("/tmp/b.sqlite")
        );
    }
}
