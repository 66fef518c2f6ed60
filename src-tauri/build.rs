fn main() {
    // Listing the commands makes Tauri generate one permission per command, so the
    // capability file grants exactly these and nothing else.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_info",
        "update_settings",
        "choose_database",
        "dashboard",
        "list_cases",
        "search_cases",
        "case_detail",
        "create_case",
        "update_case",
        "change_status",
        "update_costs",
        "add_event",
        "update_event",
        "delete_event",
        "set_document",
        "add_document",
        "delete_document",
        "add_task",
        "update_task",
        "set_task_done",
        "delete_task",
        "add_note",
        "restore",
        "list_patients",
        "patient",
        "update_patient",
        "list_providers",
        "create_provider",
        "update_provider",
        "delete_provider",
        "create_demo",
        "export_preview",
        "export_case",
        "export_list",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("failed to run tauri-build");
}
