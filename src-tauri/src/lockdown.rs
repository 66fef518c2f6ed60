//! Keeps the window on the app's own pages.
//!
//! Tauri 2 lets a webview navigate anywhere unless told otherwise, and a page that
//! has left the app's origin is a browser holding health records. This plugin
//! refuses every navigation, of the top page or of a frame, except to the app's own
//! origin: `tauri://localhost` (Linux, macOS), `http(s)://tauri.localhost`
//! (Windows) and, in a `tauri dev` build only, the `devUrl` of `tauri.conf.json`.
//!
//! Pages opened by `window.open` or `target=_blank` need no rule here: wry 0.55
//! refuses them when no new-window handler is set (WebView2 marks the request
//! handled, WebKitGTK and WKWebView create no view), and Tauri only offers that
//! handler on a webview builder, not on a plugin. `tests/e2e/lockdown.test.mjs`
//! checks both in the real window, with the CSP and the capability file.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Manager, Runtime, Url};

/// The plugin that refuses navigation away from the app's own pages.
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("lockdown")
        .on_navigation(|webview, url| {
            let dev_url = if tauri::is_dev() {
                webview.config().build.dev_url.as_ref()
            } else {
                None
            };
            let allowed = is_own_page(url, dev_url);
            if !allowed {
                let state = webview.state::<crate::state::AppState>();
                let lang = state.settings().language;
                let url = url.as_str();
                eprintln!(
                    "{}",
                    state.l10n.format(lang, "lockdown-refused", &[("url", url)])
                );
            }
            allowed
        })
        .build()
}

/// Whether `url` is one of the app's own pages: the origin Tauri serves the bundled
/// UI from, or the dev server's origin when one is given.
fn is_own_page(url: &Url, dev_url: Option<&Url>) -> bool {
    // A user name or password in the URL has no use here and only serves to disguise it.
    if !url.username().is_empty() || url.password().is_some() {
        return false;
    }
    let served_by_tauri = match url.scheme() {
        "tauri" => url.host_str() == Some("localhost") && url.port().is_none(),
        "http" | "https" => url.host_str() == Some("tauri.localhost") && url.port().is_none(),
        _ => false,
    };
    served_by_tauri
        || dev_url.is_some_and(|dev| {
            matches!(dev.scheme(), "http" | "https") && url.origin() == dev.origin()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    /// The `devUrl` the app is developed against, read from the real config.
    fn dev_url() -> Url {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        url(config["build"]["devUrl"].as_str().expect("devUrl is set"))
    }

    #[test]
    fn the_bundled_ui_on_every_platform_is_allowed() {
        for own in [
            "tauri://localhost",
            "tauri://localhost/",
            "tauri://localhost/index.html#/cases/KH-2026-0001",
            "http://tauri.localhost/",
            "https://tauri.localhost/assets/index.js?x=1",
        ] {
            assert!(is_own_page(&url(own), None), "{own} should be allowed");
        }
    }

    #[test]
    fn remote_and_local_files_and_lookalikes_are_refused() {
        for other in [
            "https://example.com/",
            "http://example.com/",
            "http://127.0.0.1:8080/",
            "http://localhost/",
            "https://tauri.localhost.example.com/",
            "http://tauri.localhost:8080/",
            "https://user@tauri.localhost/",
            "tauri://evil@localhost/",
            "tauri://localhost:1/",
            "tauri://localhost.example.com/",
            "tauri://example.com/",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "javascript:alert(1)",
            "about:blank",
            "blob:tauri://localhost/5f1c7a8e-0000-4000-8000-000000000000",
            "ipc://localhost/app_info",
            "ftp://tauri.localhost/",
        ] {
            assert!(!is_own_page(&url(other), None), "{other} should be refused");
        }
    }

    #[test]
    fn the_dev_server_is_allowed_only_when_given_and_only_its_origin() {
        let dev = dev_url();
        assert_eq!(dev.host_str(), Some("localhost"), "the dev server is local");
        assert!(!is_own_page(&dev, None), "not in a release build");
        assert!(is_own_page(&dev, Some(&dev)));
        assert!(is_own_page(&dev.join("/src/main.ts").unwrap(), Some(&dev)));
        let mut other_port = dev.clone();
        other_port
            .set_port(Some(dev.port().unwrap_or(80) + 1))
            .unwrap();
        assert!(!is_own_page(&other_port, Some(&dev)));
        assert!(!is_own_page(&url("https://example.com/"), Some(&dev)));
        assert!(!is_own_page(&url("file:///etc/passwd"), Some(&dev)));
    }
}
