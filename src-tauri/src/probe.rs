//! The startup probe: how long the app takes from launch to a first screen that shows
//! its data, measured by the app itself so that no WebDriver session is counted.
//!
//! Only `tests/perf/startup.sh` sets `KAKEHASHI_STARTUP_PROBE`; without it the command
//! only tells the daily backup it may begin. `tests/perf/empty-window` answers the
//! same call the same way, so the two can be compared.

use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use kakehashi_core::ErrorPayload;
use tauri::{AppHandle, Manager};

/// The shell's own moments on the way to the first screen, written beside the page's.
static SHELL_MARKS: Mutex<Vec<(&'static str, u128)>> = Mutex::new(Vec::new());

fn epoch_nanos() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos()
}

/// Notes a moment of the start. A few are noted, once each; the bound only keeps a
/// mistaken call in a loop from growing the list.
pub fn mark(name: &'static str) {
    if let Ok(mut marks) = SHELL_MARKS.lock()
        && marks.len() < 64
    {
        marks.push((name, epoch_nanos()));
    }
}

/// The UI calls this once, two animation frames after its first screen received its
/// data (the second frame starts after the first was painted). That lets the daily
/// backup begin. Under the startup probe the moment also goes to the
/// probe file as nanoseconds since the epoch, comparable with `date +%s%N` taken by
/// the launcher, and the app quits so the next run can start.
///
/// `marks` are the page's own moments on the way (milliseconds since the epoch, from
/// `performance.timeOrigin + performance.now()`); they go to `PROBE.marks`, one
/// "name nanoseconds" per line, so the launcher can say where the time went.
#[tauri::command]
pub fn first_paint(app: AppHandle, marks: Option<Vec<(String, f64)>>) -> Result<(), ErrorPayload> {
    app.state::<crate::state::AppState>().first_screen_shown();
    let Some(path) = std::env::var_os("KAKEHASHI_STARTUP_PROBE") else {
        return Ok(());
    };
    let now = epoch_nanos();
    let failed = |e: std::io::Error| ErrorPayload::unexpected(e.to_string());
    let shell = SHELL_MARKS.lock().map(|m| m.clone()).unwrap_or_default();
    let page = marks.unwrap_or_default();
    let page = page
        .iter()
        .map(|(name, ms)| (name.as_str(), (ms * 1e6) as u128));
    let mut all: Vec<(&str, u128)> = shell.into_iter().chain(page).collect();
    all.sort_by_key(|&(_, at)| at);
    let lines: String = all
        .iter()
        .map(|(name, at)| format!("{name} {at}\n"))
        .collect();
    let mut marks_path = path.clone();
    marks_path.push(".marks");
    std::fs::write(marks_path, lines).map_err(failed)?;
    std::fs::write(path, now.to_string()).map_err(failed)?;
    app.exit(0);
    Ok(())
}
