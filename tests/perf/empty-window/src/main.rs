//! An empty Tauri 2 window, measured beside Kakehashi by `tests/perf/memory.sh` and
//! `tests/perf/startup.sh`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::{SystemTime, UNIX_EPOCH};

/// The same startup probe as the app's (`src-tauri/src/probe.rs`), kept apart so this
/// window links nothing of Kakehashi: its page calls it two frames after loading.
#[tauri::command]
fn first_paint(app: tauri::AppHandle) {
    let Some(path) = std::env::var_os("KAKEHASHI_STARTUP_PROBE") else {
        return;
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    if std::fs::write(path, now.to_string()).is_ok() {
        app.exit(0);
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_paint])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
