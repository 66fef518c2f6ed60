fn main() {
    // Listing the commands makes Tauri generate one permission per command, so the
    // capability file grants exactly these and nothing else.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_info",
        "update_settings",
        "list_cases",
        "search_cases",
        "case_detail",
        "create_case",
        "list_providers",
        "create_demo",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("failed to run tauri-build");
}
