//! The startup probe: how long the app takes from launch to a first screen that shows
//! its data, measured by the app itself so that no WebDriver session is counted.
//!
//! Only `tests/perf/startup.sh` sets `KAKEHASHI_STARTUP_PROBE`; without it the command
//! does nothing. `tests/perf/empty-window` answers the same call the same way, so the
//! two can be compared.

use std::time::{SystemTime, UNIX_EPOCH};

use kakehashi_core::ErrorPayload;
use tauri::AppHandle;

/// The UI calls this once, two animation frames after its first screen received its
/// data (the second frame starts after the first was painted). The moment goes to the
/// probe file as nanoseconds since the epoch, comparable with `date +%s%N` taken by
/// the launcher, and the app quits so the next run can start.
#[tauri::command]
pub fn first_paint(app: AppHandle) -> Result<(), ErrorPayload> {
    let Some(path) = std::env::var_os("KAKEHASHI_STARTUP_PROBE") else {
        return Ok(());
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    std::fs::write(path, now.to_string()).map_err(|e| ErrorPayload::unexpected(e.to_string()))?;
    app.exit(0);
    Ok(())
}
