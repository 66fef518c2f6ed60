//! Least privilege, checked on the files that declare it: the window may call the
//! app's own commands and a short list of core permissions, nothing else, and the
//! Content Security Policy admits no inline or evaluated script and no remote source.
//!
//! The command list is read from `src/lib.rs` (`generate_handler![...]`) and
//! `build.rs` (the app manifest), so a new command needs no edit here; a new core
//! permission does, with its reason. `tests/e2e/lockdown.test.mjs` checks the same
//! promises in the real window.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::Value;

/// The core permissions the UI needs, each with the call that needs it.
const CORE_PERMISSIONS: &[(&str, &str)] = &[
    (
        "core:event:allow-listen",
        "api.ts listens to the native menu and to settings changed from it",
    ),
    (
        "core:event:allow-unlisten",
        "App.svelte stops listening when it is torn down",
    ),
    (
        "core:window:allow-destroy",
        "App.svelte closes the window after asking about unsaved changes",
    ),
];

/// The one non-local source the policy may name: Tauri's IPC endpoint on Windows.
const IPC_ORIGIN: &str = "http://ipc.localhost";

fn app_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    let path = app_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `text` with `//` comments removed, line by line (no string in these lists holds `//`).
fn without_line_comments(text: &str) -> String {
    text.lines()
        .map(|l| l.split_once("//").map_or(l, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text between `opening` and the bracket that closes it.
fn bracketed<'a>(text: &'a str, opening: &str) -> &'a str {
    let start = text
        .find(opening)
        .unwrap_or_else(|| panic!("no `{opening}` found"))
        + opening.len();
    let mut depth = 1;
    for (i, c) in text[start..].char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return &text[start..start + i];
                }
            }
            _ => {}
        }
    }
    panic!("`{opening}` is never closed")
}

/// The commands `lib.rs` hands to `generate_handler!`, by function name.
fn handler_commands() -> BTreeSet<String> {
    let lib = without_line_comments(&read("src/lib.rs"));
    let list = bracketed(&lib, "generate_handler![");
    let names: BTreeSet<String> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|path| path.rsplit("::").next().unwrap().trim().to_owned())
        .collect();
    for name in &names {
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "could not read a command name from generate_handler!: {name:?}"
        );
    }
    names
}

/// The commands `build.rs` declares in the app manifest.
fn manifest_commands() -> BTreeSet<String> {
    let build = without_line_comments(&read("build.rs"));
    let list = bracketed(&build, ".commands(&[");
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .unwrap_or_else(|| panic!("not a string literal in build.rs's command list: {s}"))
                .to_owned()
        })
        .collect()
}

/// Every capability file, parsed. JSON only: a TOML one would escape these checks.
fn capabilities() -> Vec<(PathBuf, Value)> {
    let dir = app_dir().join("capabilities");
    let mut files: Vec<(PathBuf, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            assert_eq!(
                path.extension().and_then(|e| e.to_str()),
                Some("json"),
                "{} is not a JSON capability; this test reads JSON only",
                path.display()
            );
            let value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, value)
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!files.is_empty(), "no capability file in {}", dir.display());
    files
}

fn permission_id(p: &Value) -> String {
    match p {
        Value::String(s) => s.clone(),
        Value::Object(o) => o["identifier"]
            .as_str()
            .expect("a permission object has an identifier")
            .to_owned(),
        other => panic!("unexpected permission entry {other}"),
    }
}

fn config() -> Value {
    serde_json::from_str(&read("tauri.conf.json")).unwrap()
}

/// Every string anywhere inside `v`.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[test]
fn every_handled_command_is_declared_for_its_permission_and_no_other() {
    let handled = handler_commands();
    let declared = manifest_commands();
    assert!(
        handled.contains("app_info"),
        "the command list was not read: {handled:?}"
    );
    assert_eq!(
        handled, declared,
        "src/lib.rs's generate_handler! and build.rs's AppManifest commands differ"
    );
}

/// The permission a command gets from `tauri-build`: `allow-` and its kebab-case name.
fn allow(command: &str) -> String {
    format!("allow-{}", command.replace('_', "-"))
}

/// What is wrong with one capability file, given the app's commands; the
/// permissions it grants are added to `granted`.
fn capability_problems(
    cap: &Value,
    commands: &BTreeSet<String>,
    granted: &mut BTreeSet<String>,
) -> Vec<String> {
    let app: BTreeSet<String> = commands.iter().map(|c| allow(c)).collect();
    let mut problems = Vec::new();
    if cap.get("remote").is_some() {
        problems.push("grants remote URLs".to_owned());
    }
    if cap["windows"] != serde_json::json!(["main"]) {
        problems.push(format!(
            "applies to {} instead of the main window",
            cap["windows"]
        ));
    }
    if cap.get("webviews").is_some() {
        problems.push("names webviews".to_owned());
    }
    let mut texts = Vec::new();
    strings(&cap["permissions"], &mut texts);
    if let Some(url) = texts.iter().find(|t| t.contains("://")) {
        problems.push(format!("a URL in the permissions: {url}"));
    }
    let Some(permissions) = cap["permissions"].as_array() else {
        problems.push("no permissions list".to_owned());
        return problems;
    };
    for p in permissions {
        let id = permission_id(p);
        if id.ends_with("default") || id.contains('*') {
            problems.push(format!("{id} grants a whole default set"));
        } else if id.contains(':') {
            if !CORE_PERMISSIONS.iter().any(|(core, _)| *core == id) {
                problems.push(format!(
                    "{id} is neither an app command nor a listed core permission; \
                     plugin commands run from Rust, never from the page"
                ));
            }
        } else if !app.contains(&id) {
            problems.push(format!(
                "{id} is not allow-<command> of a command in generate_handler!"
            ));
        }
        if !granted.insert(id.clone()) {
            problems.push(format!("{id} granted twice"));
        }
    }
    problems
}

#[test]
fn the_window_may_call_exactly_the_app_commands_and_the_listed_core_permissions() {
    let commands = handler_commands();
    let mut granted = BTreeSet::new();
    for (path, cap) in capabilities() {
        let problems = capability_problems(&cap, &commands, &mut granted);
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
    }
    let needed: BTreeSet<String> = commands
        .iter()
        .map(|c| allow(c))
        .chain(CORE_PERMISSIONS.iter().map(|(p, _)| p.to_string()))
        .collect();
    let missing: Vec<_> = needed.difference(&granted).collect();
    assert!(
        missing.is_empty(),
        "commands or core permissions the UI needs are not granted: {missing:?}"
    );
}

#[test]
fn the_capability_check_refuses_plugins_defaults_remote_urls_and_unknown_commands() {
    let commands = handler_commands();
    let (_, real) = capabilities().remove(0);
    let mut seen = BTreeSet::new();
    assert!(capability_problems(&real, &commands, &mut seen).is_empty());
    let widened = |change: &dyn Fn(&mut Value)| {
        let mut cap = real.clone();
        change(&mut cap);
        capability_problems(&cap, &commands, &mut BTreeSet::new())
    };
    for extra in [
        "dialog:default",
        "dialog:allow-open",
        "fs:allow-read-text-file",
        "shell:allow-open",
        "core:default",
        "core:window:allow-set-title",
        "core:webview:allow-create-webview-window",
        "allow-no-such-command",
    ] {
        let problems = widened(&|cap| {
            cap["permissions"]
                .as_array_mut()
                .unwrap()
                .push(extra.into());
        });
        assert!(!problems.is_empty(), "{extra} passed the check");
    }
    let scoped = serde_json::json!({ "identifier": "core:window:allow-destroy", "allow": [{ "url": "https://example.com" }] });
    assert!(
        !widened(&|cap| cap["permissions"]
            .as_array_mut()
            .unwrap()
            .push(scoped.clone()))
        .is_empty()
    );
    let remote = serde_json::json!({ "urls": ["https://example.com"] });
    assert!(!widened(&|cap| cap["remote"] = remote.clone()).is_empty());
    assert!(!widened(&|cap| cap["windows"] = serde_json::json!(["*"])).is_empty());
}

#[test]
fn no_capability_is_declared_inline_and_each_command_permission_allows_only_its_command() {
    let config = config();
    let inline = &config["app"]["security"]["capabilities"];
    assert!(
        inline.is_null() || inline.as_array().is_some_and(|a| a.is_empty()),
        "tauri.conf.json declares capabilities inline, beside the checked files: {inline}"
    );
    // A permission file could bundle plugin commands under an app-looking name.
    // tauri-build writes one per app command under `autogenerated/`; each may allow
    // that command and nothing else. Any other file needs its own check here.
    let dir = app_dir().join("permissions");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        assert_eq!(
            path.file_name().unwrap(),
            "autogenerated",
            "a hand-written permission file needs a check here: {}",
            path.display()
        );
    }
    for entry in std::fs::read_dir(dir.join("autogenerated")).unwrap() {
        let path = entry.unwrap().path();
        let command = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let allows: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("commands.allow"))
            .collect();
        assert_eq!(
            allows,
            [format!("commands.allow = [\"{command}\"]")],
            "{} allows more than its own command",
            path.display()
        );
        assert!(
            text.contains(&format!("identifier = \"{}\"", allow(&command))),
            "{} does not define {}",
            path.display(),
            allow(&command)
        );
    }
}

/// The policy as `directive -> sources`.
fn csp_directives(csp: &str) -> Vec<(String, Vec<String>)> {
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut words = d.split_whitespace().map(str::to_owned);
            let name = words.next().unwrap().to_ascii_lowercase();
            (name, words.collect())
        })
        .collect()
}

/// What is wrong with a policy; empty when it is strict.
fn csp_problems(csp: &str) -> Vec<String> {
    let directives = csp_directives(csp);
    let mut problems = Vec::new();
    for (name, wanted) in [
        ("default-src", "'self'"),
        ("script-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'none'"),
        ("frame-src", "'none'"),
        ("form-action", "'none'"),
    ] {
        let found: Vec<_> = directives.iter().filter(|(n, _)| n == name).collect();
        if found.len() != 1 || found[0].1 != [wanted] {
            problems.push(format!("{name} must be exactly {wanted} once"));
        }
    }
    for (name, sources) in &directives {
        for source in sources {
            let s = source.to_ascii_lowercase();
            let remote = s.starts_with("http:")
                || s.starts_with("https:")
                || s.starts_with("ws:")
                || s.starts_with("wss:")
                || s.contains("://");
            if s.starts_with("'unsafe-") || s == "'wasm-unsafe-eval'" {
                problems.push(format!("{name} allows {source}"));
            } else if s.contains('*') {
                problems.push(format!("{name} allows the wildcard {source}"));
            } else if remote && !(name == "connect-src" && s == IPC_ORIGIN) {
                problems.push(format!("{name} allows the remote source {source}"));
            } else if (s == "data:" && name != "img-src") || s == "blob:" || s == "filesystem:" {
                problems.push(format!("{name} allows {source}"));
            }
        }
    }
    problems
}

#[test]
fn the_content_security_policy_is_strict() {
    let config = config();
    let security = &config["app"]["security"];
    let csp = security["csp"]
        .as_str()
        .expect("app.security.csp is one string, never null");
    assert_eq!(csp_problems(csp), Vec::<String>::new(), "app.security.csp");
    if let Some(dev) = security.get("devCsp").filter(|v| !v.is_null()) {
        let dev = dev.as_str().expect("devCsp is one string");
        assert_eq!(
            csp_problems(dev),
            Vec::<String>::new(),
            "app.security.devCsp"
        );
    }
    assert_eq!(security["freezePrototype"], Value::Bool(true));
    assert_ne!(
        security["dangerousDisableAssetCspModification"],
        Value::Bool(true),
        "Tauri must keep adding its script hashes and nonces"
    );
    assert_ne!(
        security["assetProtocol"]["enable"],
        Value::Bool(true),
        "the asset protocol would serve files from disk to the page"
    );
    assert_eq!(config["app"]["withGlobalTauri"], Value::Bool(false));
    for window in config["app"]["windows"].as_array().unwrap() {
        if let Some(url) = window["url"].as_str() {
            assert!(
                !url.contains("://"),
                "window {} opens a remote page: {url}",
                window["label"]
            );
        }
    }
}

#[test]
fn the_policy_check_refuses_each_way_of_loosening_the_policy() {
    let csp = config()["app"]["security"]["csp"]
        .as_str()
        .unwrap()
        .to_owned();
    for (from, to) in [
        ("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
        ("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"),
        ("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
        ("img-src 'self'", "img-src 'self' https://cdn.example.com"),
        (
            "connect-src ipc:",
            "connect-src ipc: wss://sync.example.com",
        ),
        ("default-src 'self'", "default-src *"),
        ("script-src 'self'", "script-src 'self' data:"),
        ("object-src 'none'", "object-src 'self'"),
        ("frame-src 'none'", "frame-src https:"),
        ("base-uri 'none';", ""),
    ] {
        let loosened = csp.replace(from, to);
        assert_ne!(loosened, csp, "{from:?} is not in the policy any more");
        assert!(
            !csp_problems(&loosened).is_empty(),
            "a policy with {to:?} passed the check"
        );
    }
}
