//! An empty Tauri 2 window, measured beside Kakehashi by `tests/perf/memory.sh` and
//! `tests/perf/startup.sh`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

static MAIN: OnceLock<u128> = OnceLock::new();

fn epoch_nanos() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos()
}

/// The same startup probe as the app's (`src-tauri/src/probe.rs`), kept apart so this
/// window links nothing of Kakehashi: its page calls it two frames after loading, with
/// the moment the page started (milliseconds since the epoch), and `main`'s moment goes
/// beside it, so both programs' starts can be read the same way.
#[tauri::command]
fn first_paint(app: tauri::AppHandle, marks: Option<Vec<(String, f64)>>) {
    let Some(path) = std::env::var_os("KAKEHASHI_STARTUP_PROBE") else {
        return;
    };
    let now = epoch_nanos();
    let mut lines = format!("main {}\n", MAIN.get().copied().unwrap_or_default());
    for (name, ms) in marks.unwrap_or_default() {
        lines.push_str(&format!("{name} {}\n", (ms * 1e6) as u128));
    }
    let mut marks_path = path.clone();
    marks_path.push(".marks");
    if std::fs::write(marks_path, lines).is_ok() && std::fs::write(path, now.to_string()).is_ok() {
        app.exit(0);
    }
}

fn main() {
    MAIN.get_or_init(epoch_nanos);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_paint])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
