// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's DMA-BUF renderer brings in a GL stack (Mesa's llvmpipe where there is
    // no GPU): ~90 MiB of idle memory that lists and forms gain nothing from
    // (docs/performance.md). Without it WebKit still composites, through shared
    // memory, and the end-to-end tests have always run that way. WebKit reads the
    // switch from the environment only, before its first web process starts. A value
    // already set (`WEBKIT_DISABLE_DMABUF_RENDERER=0`) is left alone.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: nothing else runs yet: this is the first statement of `main`, before
        // Tauri, GTK or any thread exists, so no one can read the environment meanwhile.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
        }
    }
    kakehashi_app_lib::run();
}
