//! The commands the UI may call. Each is a doorway: typed input, one core call,
//! typed output or an error payload.

use kakehashi_core::Lang;
use kakehashi_core::dashboard::Dashboard;
use kakehashi_core::demo::DemoOptions;
use kakehashi_core::prefs::Settings;
use kakehashi_core::{
    CaseDetail, CaseListQuery, CasePage, CaseRef, CaseStatus, CaseSummary, CaseUpdate, CostsInput,
    DocumentInput, DomainValues, ErrorPayload, EventInput, NewCase, NewPatient, NoteInput, Patient,
    PatientId, PatientPage, PatientQuery, Provider, ProviderId, ProviderInput, Removal, Removed,
    TaskInput,
};
use kakehashi_export::options::ExportOptions;
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::state::{AppState, OpenMode};
use kakehashi_core::privacy::{AccessEntry, Consent, ConsentInput, Erasure};
use kakehashi_core::store::Secret;
use kakehashi_core::store::backup::BackupInfo;

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
    /// Opened for reading only, from the recovery screen.
    pub read_only: bool,
    pub encrypted: bool,
    /// Where the automatic backups go, and how many are kept.
    pub backup_dir: String,
    pub backups_kept: u32,
    /// Why the last automatic backup failed, if it did.
    pub backup_error: Option<ErrorPayload>,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ErrorPayload> {
    let case_count = match &state.database().error {
        Some(_) => None,
        None => Some(state.with_store(|s| s.case_count()).await?),
    };
    Ok(app_info_with(&state, case_count))
}

/// The app's facts, given the case count read from the open file (`None` if none is).
pub fn app_info_with(state: &AppState, case_count: Option<u32>) -> AppInfo {
    let db = state.database();
    let file = state.file_state();
    AppInfo {
        db_path: db.path.display().to_string(),
        case_count,
        settings: state.settings(),
        startup_error: db.error,
        values: DomainValues::default(),
        read_only: file.read_only,
        encrypted: file.encrypted,
        backup_dir: kakehashi_core::store::backup::backup_dir(&db.path)
            .display()
            .to_string(),
        backups_kept: kakehashi_core::store::backup::KEEP as u32,
        backup_error: state.backup_error(),
    }
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

/// Asks for a database file with the native dialog (an existing one, or a new one
/// when `create`) and opens it in place of the current one. `None` if cancelled.
#[tauri::command]
pub async fn choose_database(
    app: AppHandle,
    state: State<'_, AppState>,
    create: bool,
) -> Result<Option<AppInfo>, ErrorPayload> {
    let lang = state.settings().language;
    let t = |id: &str| state.l10n.format(lang, id, &[]);
    let dialog = app
        .dialog()
        .file()
        .add_filter(t("settings-database-filter"), &["sqlite", "db"]);
    let chosen = if create {
        dialog
            .set_title(t("settings-new-database"))
            .set_file_name("kakehashi.sqlite")
            .blocking_save_file()
    } else {
        dialog
            .set_title(t("settings-open-database"))
            .blocking_pick_file()
    };
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    state.switch_database(path).await?;
    app_info(state).await.map(Some)
}

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> Result<Dashboard, ErrorPayload> {
    state.with_store(|s| s.dashboard(chrono::Utc::now())).await
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
    state.with_store(move |s| s.view_case(&reference)).await
}

#[tauri::command]
pub async fn create_case(
    state: State<'_, AppState>,
    input: NewCase,
) -> Result<CaseRef, ErrorPayload> {
    state.with_store(move |s| s.create_case(&input)).await
}

#[tauri::command]
pub async fn update_case(
    state: State<'_, AppState>,
    reference: String,
    input: CaseUpdate,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.update_case(&reference, &input))
        .await
}

#[tauri::command]
pub async fn change_status(
    state: State<'_, AppState>,
    reference: String,
    to: CaseStatus,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.change_status(&reference, to))
        .await
}

#[tauri::command]
pub async fn update_costs(
    state: State<'_, AppState>,
    reference: String,
    input: CostsInput,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.update_costs(&reference, &input))
        .await
}

#[tauri::command]
pub async fn add_event(
    state: State<'_, AppState>,
    reference: String,
    input: EventInput,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.add_event(&reference, &input))
        .await
}

#[tauri::command]
pub async fn update_event(
    state: State<'_, AppState>,
    reference: String,
    id: i64,
    input: EventInput,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.update_event(&reference, id, &input))
        .await
}

#[tauri::command]
pub async fn delete_event(
    state: State<'_, AppState>,
    reference: String,
    id: i64,
) -> Result<Removal, ErrorPayload> {
    state
        .with_store(move |s| s.delete_event(&reference, id))
        .await
}

#[tauri::command]
pub async fn set_document(
    state: State<'_, AppState>,
    reference: String,
    id: i64,
    input: DocumentInput,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.set_document(&reference, id, &input))
        .await
}

#[tauri::command]
pub async fn add_document(
    state: State<'_, AppState>,
    reference: String,
    kind: String,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.add_document(&reference, &kind))
        .await
}

#[tauri::command]
pub async fn delete_document(
    state: State<'_, AppState>,
    reference: String,
    id: i64,
) -> Result<Removal, ErrorPayload> {
    state
        .with_store(move |s| s.delete_document(&reference, id))
        .await
}

#[tauri::command]
pub async fn add_task(
    state: State<'_, AppState>,
    reference: String,
    input: TaskInput,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.add_task(&reference, &input))
        .await
}

#[tauri::command]
pub async fn update_task(
    state: State<'_, AppState>,
    reference: String,
    id: i64,
    input: TaskInput,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.update_task(&reference, id, &input))
        .await
}

#[tauri::command]
pub async fn set_task_done(
    state: State<'_, AppState>,
    reference: String,
    id: i64,
    done: bool,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.set_task_done(&reference, id, done))
        .await
}

#[tauri::command]
pub async fn delete_task(
    state: State<'_, AppState>,
    reference: String,
    id: i64,
) -> Result<Removal, ErrorPayload> {
    state
        .with_store(move |s| s.delete_task(&reference, id))
        .await
}

#[tauri::command]
pub async fn add_note(
    state: State<'_, AppState>,
    reference: String,
    input: NoteInput,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.add_note(&reference, &input))
        .await
}

#[tauri::command]
pub async fn restore(
    state: State<'_, AppState>,
    reference: String,
    removed: Removed,
) -> Result<CaseDetail, ErrorPayload> {
    state
        .with_store(move |s| s.restore(&reference, &removed))
        .await
}

#[tauri::command]
pub async fn list_patients(
    state: State<'_, AppState>,
    query: PatientQuery,
) -> Result<PatientPage, ErrorPayload> {
    state.with_store(move |s| s.list_patients(&query)).await
}

#[tauri::command]
pub async fn patient(state: State<'_, AppState>, id: PatientId) -> Result<Patient, ErrorPayload> {
    state.with_store(move |s| s.view_patient(id)).await
}

#[tauri::command]
pub async fn update_patient(
    state: State<'_, AppState>,
    id: PatientId,
    input: NewPatient,
) -> Result<Patient, ErrorPayload> {
    state
        .with_store(move |s| s.update_patient(id, &input))
        .await
}

#[tauri::command]
pub async fn list_providers(state: State<'_, AppState>) -> Result<Vec<Provider>, ErrorPayload> {
    state.with_store(|s| s.providers()).await
}

#[tauri::command]
pub async fn create_provider(
    state: State<'_, AppState>,
    input: ProviderInput,
) -> Result<Provider, ErrorPayload> {
    state.with_store(move |s| s.create_provider(&input)).await
}

#[tauri::command]
pub async fn update_provider(
    state: State<'_, AppState>,
    id: ProviderId,
    input: ProviderInput,
) -> Result<Provider, ErrorPayload> {
    state
        .with_store(move |s| s.update_provider(id, &input))
        .await
}

#[tauri::command]
pub async fn delete_provider(
    state: State<'_, AppState>,
    id: ProviderId,
) -> Result<(), ErrorPayload> {
    state.with_store(move |s| s.delete_provider(id)).await
}

/// Fills the open, empty database with demo cases; returns how many it now holds.
#[tauri::command]
pub async fn create_demo(state: State<'_, AppState>, cases: u32) -> Result<u32, ErrorPayload> {
    // The demo's tasks and notes are written in the coordinator's language.
    let language = state.settings().language;
    state
        .with_store(move |s| {
            let anchor = s.today();
            s.generate_demo(DemoOptions {
                cases,
                seed: 42,
                anchor,
                language,
            })?;
            s.case_count()
        })
        .await
}

fn unexpected(e: impl std::fmt::Display) -> ErrorPayload {
    ErrorPayload::unexpected(e.to_string())
}

/// The first page of the PDF a set of choices would make, as PNG bytes.
#[tauri::command]
pub async fn export_preview(
    state: State<'_, AppState>,
    reference: String,
    options: ExportOptions,
) -> Result<tauri::ipc::Response, ErrorPayload> {
    let record = state
        .with_store(move |s| s.export_case(&reference, options.recipient))
        .await?;
    let l10n = std::sync::Arc::clone(&state.export_l10n);
    let png = tauri::async_runtime::spawn_blocking(move || {
        let now = chrono::Utc::now();
        let summary =
            kakehashi_export::summary::summary(&record, &l10n, options.lang, options.second, now);
        kakehashi_export::pdf::first_page_png(&summary, 1.5)
    })
    .await
    .map_err(unexpected)?
    .map_err(unexpected)?;
    Ok(tauri::ipc::Response::new(png))
}

/// Exports one case: asks where with the native dialog, then writes the file.
/// Returns the path written, or `None` if the coordinator cancelled. Refused with
/// `error-no-consent` when the patient's consent does not cover the recipient,
/// unless the coordinator confirmed (`without_consent`), which the log then says.
#[tauri::command]
pub async fn export_case(
    app: AppHandle,
    state: State<'_, AppState>,
    reference: String,
    options: ExportOptions,
    without_consent: bool,
) -> Result<Option<String>, ErrorPayload> {
    let (record, consent) = state
        .with_store(move |s| {
            let consent = s.export_consent(&reference, options.recipient, without_consent)?;
            Ok((s.export_case(&reference, options.recipient)?, consent))
        })
        .await?;
    let lang = state.settings().language;
    let t = |id: &str| state.l10n.format(lang, id, &[]);
    let format: &str = options.format.into();
    let chosen = app
        .dialog()
        .file()
        .set_title(t("export-save-title"))
        .set_file_name(options.file_name(&record))
        .add_filter(
            t(&format!("export-format-{format}")),
            &[options.format.filter()],
        )
        .blocking_save_file();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let l10n = std::sync::Arc::clone(&state.export_l10n);
    let reference = record.reference.clone();
    let bytes = tauri::async_runtime::spawn_blocking(move || {
        options.render(&record, &l10n, chrono::Utc::now())
    })
    .await
    .map_err(unexpected)?
    .map_err(unexpected)?;
    kakehashi_core::store::write_atomically(&path, &bytes)
        .map_err(|e| kakehashi_core::Error::from(e).payload())?;
    state
        .with_store(move |s| s.log_case_export(reference.as_str(), consent))
        .await?;
    Ok(Some(path.display().to_string()))
}

/// Exports the case list as the coordinator sees it (its filters and order, or the
/// results of a search) as CSV in `lang`, asking where with the native dialog.
#[tauri::command]
pub async fn export_list(
    app: AppHandle,
    state: State<'_, AppState>,
    query: CaseListQuery,
    search: Option<String>,
    lang: Lang,
) -> Result<Option<String>, ErrorPayload> {
    let cases = state
        .with_store(move |s| match search.filter(|q| !q.trim().is_empty()) {
            Some(q) => s.search(&q, 500),
            None => s.list_all(&query),
        })
        .await?;
    let ui = state.settings().language;
    let t = |id: &str| state.l10n.format(ui, id, &[]);
    let chosen = app
        .dialog()
        .file()
        .set_title(t("export-save-title"))
        .set_file_name(format!("kakehashi-cases-{}.csv", lang.id()))
        .add_filter(t("export-format-csv"), &["csv"])
        .blocking_save_file();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let bytes = kakehashi_export::csv_list::case_list(&cases, &state.export_l10n, lang)
        .map_err(unexpected)?;
    let listed = cases.clone();
    kakehashi_core::store::write_atomically(&path, &bytes)
        .map_err(|e| kakehashi_core::Error::from(e).payload())?;
    state
        .with_store(move |s| s.log_list_export(&listed))
        .await?;
    Ok(Some(path.display().to_string()))
}

/// Opens the current file again, for writing or reading only, with a passphrase if
/// it is encrypted: the ways out of the recovery screen.
#[tauri::command]
pub async fn reopen_database(
    state: State<'_, AppState>,
    read_only: bool,
    passphrase: Option<String>,
) -> Result<AppInfo, ErrorPayload> {
    state
        .reopen(OpenMode {
            read_only,
            passphrase: passphrase.map(|p| std::sync::Arc::new(Secret::new(p))),
        })
        .await?;
    if !read_only {
        state.backup_if_due().await;
    }
    app_info(state).await
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, ErrorPayload> {
    kakehashi_core::store::backup::list_backups(&state.database().path).map_err(|e| e.payload())
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo, ErrorPayload> {
    state.with_store(|s| s.backup_now()).await
}

/// Restores one of the file's backups, chosen from the list.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    path: String,
) -> Result<AppInfo, ErrorPayload> {
    state.restore_backup(path.into()).await?;
    app_info(state).await
}

/// Encrypts the file with `passphrase`, or removes its encryption when it is `None`;
/// an encrypted file's `current` passphrase is asked for again.
#[tauri::command]
pub async fn set_encryption(
    state: State<'_, AppState>,
    current: Option<String>,
    passphrase: Option<String>,
) -> Result<AppInfo, ErrorPayload> {
    state
        .set_encryption(current.map(Secret::new), passphrase.map(Secret::new))
        .await?;
    app_info(state).await
}

#[tauri::command]
pub async fn consents(
    state: State<'_, AppState>,
    patient: PatientId,
) -> Result<Vec<Consent>, ErrorPayload> {
    state.with_store(move |s| s.consents(patient)).await
}

#[tauri::command]
pub async fn add_consent(
    state: State<'_, AppState>,
    patient: PatientId,
    input: ConsentInput,
) -> Result<Vec<Consent>, ErrorPayload> {
    state
        .with_store(move |s| s.add_consent(patient, &input))
        .await
}

#[tauri::command]
pub async fn withdraw_consent(
    state: State<'_, AppState>,
    patient: PatientId,
    consent: i64,
    withdrawn_on: String,
) -> Result<Vec<Consent>, ErrorPayload> {
    state
        .with_store(move |s| s.withdraw_consent(patient, consent, &withdrawn_on))
        .await
}

#[tauri::command]
pub async fn access_log(
    state: State<'_, AppState>,
    patient: PatientId,
) -> Result<Vec<AccessEntry>, ErrorPayload> {
    state.with_store(move |s| s.access_log(patient)).await
}

/// Everything held about a patient, as JSON, where the coordinator chooses.
#[tauri::command]
pub async fn export_patient(
    app: AppHandle,
    state: State<'_, AppState>,
    patient: PatientId,
) -> Result<Option<String>, ErrorPayload> {
    let lang = state.settings().language;
    let chosen = app
        .dialog()
        .file()
        .set_title(state.l10n.format(lang, "dialog-patient-export-title", &[]))
        .set_file_name(kakehashi_core::privacy::patient_file_name(patient))
        .add_filter(
            state.l10n.format(lang, "export-format-json", &[]),
            &["json"],
        )
        .blocking_save_file();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let record = state.with_store(move |s| s.export_patient(patient)).await?;
    let bytes = serde_json::to_vec_pretty(&record).map_err(unexpected)?;
    kakehashi_core::store::write_atomically(&path, &bytes)
        .map_err(|e| kakehashi_core::Error::from(e).payload())?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn erase_patient(
    state: State<'_, AppState>,
    patient: PatientId,
) -> Result<Erasure, ErrorPayload> {
    state.with_store(move |s| s.erase_patient(patient)).await
}
