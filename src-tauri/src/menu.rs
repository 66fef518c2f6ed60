//! The native menu bar, in the interface language and rebuilt when it changes.
//! Its items only forward to the UI (`menu` event) or change the language.

use kakehashi_core::{Lang, Localizer};
use tauri::menu::{CheckMenuItem, Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

pub fn build<R: Runtime>(
    app: &AppHandle<R>,
    lang: Lang,
    l10n: &Localizer,
) -> tauri::Result<Menu<R>> {
    let t = |id: &str| l10n.format(lang, id, &[]);
    let new_case = MenuItem::with_id(app, "new-case", t("menu-new-case"), true, None::<&str>)?;
    let settings = MenuItem::with_id(app, "settings", t("menu-settings"), true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let quit = PredefinedMenuItem::quit(app, Some(&t("menu-quit")))?;
    let file = Submenu::with_items(
        app,
        t("menu-file"),
        true,
        &[&new_case, &settings, &separator, &quit],
    )?;
    let choices = Lang::all()
        .map(|l| {
            // Each language is named in itself, so that anyone can find their own.
            let label = l10n.format(l, &format!("lang-native-{}", l.id()), &[]);
            CheckMenuItem::with_id(
                app,
                format!("lang-{}", l.id()),
                label,
                true,
                l == lang,
                None::<&str>,
            )
        })
        .collect::<tauri::Result<Vec<_>>>()?;
    let refs: Vec<&dyn tauri::menu::IsMenuItem<R>> = choices
        .iter()
        .map(|c| c as &dyn tauri::menu::IsMenuItem<R>)
        .collect();
    let language = Submenu::with_items(app, t("menu-language"), true, &refs)?;
    Menu::with_items(app, &[&file, &language])
}

/// Puts the menu in `lang` on the app.
pub fn refresh<R: Runtime>(app: &AppHandle<R>, lang: Lang) -> tauri::Result<()> {
    let state = app.state::<AppState>();
    let menu = build(app, lang, &state.l10n)?;
    app.set_menu(menu)?;
    Ok(())
}

pub fn on_event<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if let Some(lang) = id
        .strip_prefix("lang-")
        .and_then(|l| l.parse::<Lang>().ok())
    {
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            let state = app.state::<AppState>();
            let mut settings = state.settings();
            settings.language = lang;
            if let Ok(settings) = state.update_settings(settings).await {
                let _ = refresh(&app, settings.language);
                let _ = app.emit("settings-changed", settings);
            }
        });
    } else {
        let _ = app.emit("menu", id.to_owned());
    }
}
