// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's accelerated compositing costs ~90 MiB of idle memory (its GL stack,
    // llvmpipe where there is no GPU) and slows the first paint; forms and lists gain
    // nothing from it (docs/performance.md). WebKit reads the switch from the
    // environment only, before its first web process starts. A value already set
    // (`WEBKIT_DISABLE_COMPOSITING_MODE=0`) is left alone.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // SAFETY: nothing else runs yet: this is the first statement of `main`, before
        // Tauri, GTK or any thread exists, so no one can read the environment meanwhile.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
        }
    }
    kakehashi_app_lib::run();
}
