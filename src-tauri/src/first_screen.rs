//! The first screen's data, carried by the page's own HTML at launch.
//!
//! Every answer to a command reaches the page through GTK's main thread, which is
//! busy while the window starts: each answer waited 30–65 ms there at launch, longer
//! than the command itself (docs/performance.md). So the app's facts and the Today
//! screen's data are read on a thread while WebKit starts, and the first load of
//! `index.html` carries them as a JSON data block, which the page takes instead of
//! asking. A data block is never run as script, and its text can never close it
//! (every `<` is escaped), so record text stays text.
//!
//! Served once: to the first page load only, and only if nothing that the data shows
//! changed before it (a language picked from the native menu, another file opened).
//! A reload, or a read that did not finish in time, finds nothing and the page asks
//! by command as before.

use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Duration;

use kakehashi_core::dashboard::Dashboard;
use serde::Serialize;

use crate::commands::AppInfo;

/// The `id` of the data block; `ui/src/lib/api.ts` reads it.
const BLOCK_ID: &str = "first-screen";

/// How long the page's HTML may wait for a read still running. The screen cannot be
/// drawn without that data, and the commands it would send instead wait for the
/// same store, which the read holds.
const WAIT: Duration = Duration::from_millis(300);

#[derive(Debug, Default)]
enum Slot {
    /// Still being read.
    #[default]
    Pending,
    /// Read, as the escaped JSON text of the data block.
    Ready(String),
    /// The page has been served, with or without it: nothing more is offered.
    Closed,
}

/// The one offer of the first screen's data to the first page load.
#[derive(Debug, Default)]
pub struct FirstScreen {
    slot: Mutex<Slot>,
    settled: Condvar,
}

#[derive(Serialize)]
struct Payload<'a> {
    app_info: &'a AppInfo,
    dashboard: &'a Dashboard,
}

impl FirstScreen {
    /// Offers what was read, unless the page was already served without it.
    pub fn offer(&self, app_info: &AppInfo, dashboard: &Dashboard) {
        if let Ok(json) = serde_json::to_string(&Payload {
            app_info,
            dashboard,
        }) {
            self.offer_json(&json);
        }
    }

    fn offer_json(&self, json: &str) {
        let mut slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        if matches!(*slot, Slot::Pending) {
            *slot = Slot::Ready(escape(json));
        }
        self.settled.notify_all();
    }

    /// Withdraws the offer for good: nothing could be read, or something it shows
    /// has changed since.
    pub fn close(&self) {
        *self.slot.lock().unwrap_or_else(PoisonError::into_inner) = Slot::Closed;
        self.settled.notify_all();
    }

    /// The data block's text for the page being served now, if it is the first page
    /// and the data is there, or comes within [`WAIT`]; after this call nothing more is
    /// offered. Tauri serves pages on its async runtime, not on the window's thread.
    fn take(&self) -> Option<String> {
        let slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        let (mut slot, _) = self
            .settled
            .wait_timeout_while(slot, WAIT, |s| matches!(s, Slot::Pending))
            .unwrap_or_else(PoisonError::into_inner);
        match std::mem::replace(&mut *slot, Slot::Closed) {
            Slot::Ready(json) => Some(json),
            Slot::Pending | Slot::Closed => None,
        }
    }

    /// For `on_web_resource_request`: puts the data into the first HTML page served.
    pub fn serve(&self, response: &mut tauri::http::Response<std::borrow::Cow<'static, [u8]>>) {
        let is_html = response
            .headers()
            .get(tauri::http::header::CONTENT_TYPE)
            .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
        if !is_html {
            return;
        }
        if let Some(json) = self.take()
            && let Some(page) = inject(response.body(), &json)
        {
            *response.body_mut() = page.into();
            // A page holding one moment's data must never be replayed from a cache.
            response.headers_mut().insert(
                tauri::http::header::CACHE_CONTROL,
                tauri::http::HeaderValue::from_static("no-store"),
            );
        }
    }
}

/// JSON that can sit inside a `<script>` element: `<` only occurs inside strings in
/// JSON, where `\u003c` means the same, so no `</script>` or `<!--` can appear.
fn escape(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// `html` with the data block placed before its `</body>`; `None` if it has none.
fn inject(html: &[u8], json: &str) -> Option<Vec<u8>> {
    const END: &[u8] = b"</body>";
    let at = html.windows(END.len()).rposition(|w| w == END)?;
    let open = format!(r#"<script type="application/json" id="{BLOCK_ID}">"#);
    let mut page = Vec::with_capacity(html.len() + open.len() + json.len() + 9);
    page.extend_from_slice(&html[..at]);
    page.extend_from_slice(open.as_bytes());
    page.extend_from_slice(json.as_bytes());
    page.extend_from_slice(b"</script>");
    page.extend_from_slice(&html[at..]);
    Some(page)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const PAGE: &str = "<!doctype html><html><head><script type=\"module\" src=\"/a.js\"></script></head><body><div id=\"app\"></div></body></html>";

    fn block_text(page: &str) -> &str {
        let open = format!(r#"<script type="application/json" id="{BLOCK_ID}">"#);
        let start = page.find(&open).expect("no data block") + open.len();
        // An HTML parser ends the element at the first `</script`, whatever it is in.
        let end = start + page[start..].find("</script").expect("block never closed");
        &page[start..end]
    }

    #[test]
    fn record_text_cannot_close_the_block_or_become_markup() {
        let name = "</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)>";
        let json = escape(&serde_json::json!({ "name": name }).to_string());
        let page = String::from_utf8(inject(PAGE.as_bytes(), &json).unwrap()).unwrap();
        let text = block_text(&page);
        assert!(!text.contains('<'), "a raw < inside the block: {text}");
        let back: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(back["name"], name, "the text did not come back unchanged");
        assert!(
            page.ends_with("</script></body></html>"),
            "the block is not just before </body>: {page}"
        );
    }

    #[test]
    fn the_page_is_unchanged_without_a_body_end() {
        assert_eq!(inject(b"<p>no body end", "{}"), None);
    }

    fn html_response() -> tauri::http::Response<std::borrow::Cow<'static, [u8]>> {
        tauri::http::Response::builder()
            .header(tauri::http::header::CONTENT_TYPE, "text/html")
            .body(PAGE.as_bytes().into())
            .unwrap()
    }

    /// The page `first` serves now: the test page, with or without the data block.
    pub(crate) fn served(first: &FirstScreen) -> String {
        let mut page = html_response();
        first.serve(&mut page);
        String::from_utf8(page.body().to_vec()).unwrap()
    }

    fn offered() -> FirstScreen {
        let first = FirstScreen::default();
        first.offer_json(r#"{"x":"<b>"}"#);
        first
    }

    #[test]
    fn only_the_first_page_carries_the_data() {
        let first = offered();
        let mut script = tauri::http::Response::builder()
            .header(tauri::http::header::CONTENT_TYPE, "text/javascript")
            .body(std::borrow::Cow::Borrowed(&b"let a = 1;"[..]))
            .unwrap();
        first.serve(&mut script);
        assert_eq!(&script.body()[..], b"let a = 1;", "a script was changed");

        let mut page = html_response();
        first.serve(&mut page);
        assert_eq!(
            page.headers()
                .get(tauri::http::header::CACHE_CONTROL)
                .unwrap(),
            "no-store"
        );
        let page = String::from_utf8(page.body().to_vec()).unwrap();
        assert_eq!(block_text(&page), r#"{"x":"\u003cb>"}"#);

        assert_eq!(served(&first), PAGE, "a reload got the data again");
    }

    #[test]
    fn data_read_after_the_page_was_served_is_never_offered() {
        let first = FirstScreen::default();
        assert_eq!(served(&first), PAGE);
        // The reading thread finishing late, then a reload.
        first.offer_json(r#"{"x":1}"#);
        assert_eq!(served(&first), PAGE, "stale data reached a reload");
    }
}
