//! The commands the UI may call. Each is a doorway: typed input, one core call,
//! typed output or an error payload.

use kakehashi_core::demo::DemoOptions;
use kakehashi_core::prefs::Settings;
use kakehashi_core::{
    CaseDetail, CaseListQuery, CasePage, CaseRef, CaseSummary, DomainValues, ErrorPayload, NewCase,
    Provider,
};
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::state::AppState;

/// What the UI needs to know at start.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub db_path: String,
    /// `None` when the database could not be opened; see `startup_error`.
    pub case_count: Option<u32>,
    pub settings: Settings,
    pub startup_error: Option<ErrorPayload>,
    pub values: DomainValues,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ErrorPayload> {
    let case_count = match &state.startup_error {
        Some(_) => None,
        None => Some(state.with_store(|s| s.case_count()).await?),
    };
    Ok(AppInfo {
        db_path: state.db_path.display().to_string(),
        case_count,
        settings: state.settings(),
        startup_error: state.startup_error.clone(),
        values: DomainValues::default(),
    })
}

/// Saves the settings for this machine; the native menu follows the language.
#[tauri::command]
pub async fn update_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, ErrorPayload> {
    let saved = state.update_settings(settings).await?;
    crate::menu::refresh(&app, saved.language)
        .map_err(|e| ErrorPayload::unexpected(e.to_string()))?;
    Ok(saved)
}

#[tauri::command]
pub async fn list_cases(
    state: State<'_, AppState>,
    query: CaseListQuery,
) -> Result<CasePage, ErrorPayload> {
    state.with_store(move |s| s.list_cases(&query)).await
}

#[tauri::command]
pub async fn search_cases(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Result<Vec<CaseSummary>, ErrorPayload> {
    state.with_store(move |s| s.search(&query, limit)).await
}

#[tauri::command]
pub async fn case_detail(
    state: State<'_, AppState>,
    reference: String,
) -> Result<CaseDetail, ErrorPayload> {
    state.with_store(move |s| s.case_detail(&reference)).await
}

#[tauri::command]
pub async fn create_case(
    state: State<'_, AppState>,
    input: NewCase,
) -> Result<CaseRef, ErrorPayload> {
    state.with_store(move |s| s.create_case(&input)).await
}

#[tauri::command]
pub async fn list_providers(state: State<'_, AppState>) -> Result<Vec<Provider>, ErrorPayload> {
    state.with_store(|s| s.providers()).await
}

/// Fills the open, empty database with demo cases; returns how many it now holds.
#[tauri::command]
pub async fn create_demo(state: State<'_, AppState>, cases: u32) -> Result<u32, ErrorPayload> {
    state
        .with_store(move |s| {
            let anchor = s.today();
            s.generate_demo(DemoOptions {
                cases,
                seed: 42,
                anchor,
            })?;
            s.case_count()
        })
        .await
}
