//! The `kakehashi` command line fed the hostile corpus (`tests/hostile/corpus.json`: a
//! JSON array of `{ "name", "text" }`, `"repeat": n` meaning `text` written n times).
//! Cases carrying the corpus are made by the core and exported as `kakehashi-case/1`
//! files; the real binary imports them into a fresh database and exports them again
//! as JSON, FHIR, PDF and CSV. What comes back must be what went in: verbatim in JSON
//! and FHIR, inert in CSV. A file holding NUL or an over-long value is refused, naming
//! the field in the chosen language, and the database is left as it was.

mod common;

use std::path::{Path, PathBuf};

use common::run;

use kakehashi_core::exchange::CaseRecord;
use kakehashi_core::search::normalize;
use kakehashi_core::timeline::EventKind;
use kakehashi_core::{
    DocumentInput, Error, EventInput, Field, Lang, Localizer, NewCase, NewCaseDetails, NewPatient,
    NoteInput, ProviderInput, Recipient, Store, TaskInput,
};
use serde_json::Value;

struct Hostile {
    name: String,
    text: String,
}

fn corpus() -> Vec<Hostile> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/hostile/corpus.json");
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let entries: Vec<Value> = serde_json::from_str(&json).expect("the corpus is valid JSON");
    let corpus: Vec<Hostile> = entries
        .iter()
        .map(|e| Hostile {
            name: e["name"].as_str().expect("a name").to_owned(),
            text: e["text"]
                .as_str()
                .expect("a text")
                .repeat(e["repeat"].as_u64().map_or(1, |n| n as usize)),
        })
        .collect();
    assert!(corpus.len() >= 60, "a corpus of at least 60 strings");
    corpus
}

fn text_of(corpus: &[Hostile], name: &str) -> String {
    corpus
        .iter()
        .find(|h| h.name == name)
        .unwrap_or_else(|| panic!("{name} in the corpus"))
        .text
        .clone()
}

/// The value the core keeps for `text` in a required field of `max` characters, if it
/// takes it: trimmed, not empty nor only invisible characters, not too long, no NUL
/// (`crates/core/src/validate.rs`).
fn kept(text: &str, max: usize) -> Option<String> {
    let v = text.trim();
    let invisible = |c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    };
    (!v.chars().all(invisible) && v.chars().count() <= max && !v.contains('\0'))
        .then(|| v.to_owned())
}

/// A string shortened for a failure message.
fn shown(s: &str) -> String {
    let n = s.chars().count();
    if n <= 60 {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(60).collect();
        format!("{head:?}… ({n} characters)")
    }
}

/// Runs a command that must succeed and returns its standard output.
fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args, None);
    assert!(
        out.status.success(),
        "kakehashi {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

/// The source of the files to import: one case carrying every corpus string in its
/// notes, tasks, events and document notes, and a case per string short enough to be
/// a name, with it as the patient's names, readings, treatment and provider.
struct Source {
    dir: tempfile::TempDir,
    /// The case with every string, and its file.
    everything: (CaseRecord, PathBuf),
    /// Corpus name, record and file of each one-string case.
    cases: Vec<(String, CaseRecord, PathBuf)>,
}

fn refused(name: &str, what: &str, e: Error) -> ! {
    panic!("{name}: the core refused the {what}: {e}")
}

fn event(title: String) -> EventInput {
    EventInput {
        kind: "consultation".into(),
        starts_local: "2026-12-01T09:00".into(),
        zone: "Asia/Tokyo".into(),
        title: Some(title),
        ..Default::default()
    }
}

/// A case exported by the core as a `kakehashi-case/1` file.
fn file(store: &Store, dir: &Path, reference: &str, name: &str) -> (CaseRecord, PathBuf) {
    let record = store
        .export_case(reference, Recipient::Coordinator)
        .unwrap();
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&record).unwrap()).unwrap();
    (record, path)
}

fn source(corpus: &[Hostile]) -> Source {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("source.sqlite")).unwrap();
    let all = store
        .create_case(&NewCase {
            patient: NewPatient {
                family_name: "Corpus".into(),
                given_name: "Hostile".into(),
                ..Default::default()
            },
            case: NewCaseDetails {
                direction: "ca-to-jp".into(),
                specialty: "oncology".into(),
                ..Default::default()
            },
        })
        .unwrap()
        .0;
    for h in corpus {
        if kept(&h.text, 20_000).is_some() {
            let note = NoteInput {
                channel: "message".into(),
                body: h.text.clone(),
                ..Default::default()
            };
            store
                .add_note(&all, &note)
                .unwrap_or_else(|e| refused(&h.name, "note", e));
            let detail = store
                .add_document(&all, "other")
                .unwrap_or_else(|e| refused(&h.name, "document", e));
            let doc = detail.documents.last().unwrap().id;
            let input = DocumentInput {
                state: "received".into(),
                note: Some(h.text.clone()),
            };
            store
                .set_document(&all, doc, &input)
                .unwrap_or_else(|e| refused(&h.name, "document note", e));
        }
        if kept(&h.text, 200).is_some() {
            let task = TaskInput {
                title: h.text.clone(),
                due_on: None,
            };
            store
                .add_task(&all, &task)
                .unwrap_or_else(|e| refused(&h.name, "task", e));
            store
                .add_event(&all, &event(h.text.clone()))
                .unwrap_or_else(|e| refused(&h.name, "event", e));
        }
    }
    let everything = file(&store, dir.path(), &all, "everything");
    let mut cases = Vec::new();
    for h in corpus.iter().filter(|h| kept(&h.text, 200).is_some()) {
        let provider = store
            .create_provider(&ProviderInput {
                name_en: h.text.clone(),
                name_fr: h.text.clone(),
                name_ja: h.text.clone(),
                country: "JP".into(),
                city: h.text.clone(),
                time_zone: "Asia/Tokyo".into(),
                desk_contact: Some(h.text.clone()),
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("{}: provider refused: {e}", h.name));
        let reference = store
            .create_case(&NewCase {
                patient: NewPatient {
                    family_name: h.text.clone(),
                    given_name: h.text.clone(),
                    family_name_kana: Some(h.text.clone()),
                    given_name_kana: Some(h.text.clone()),
                    ..Default::default()
                },
                case: NewCaseDetails {
                    direction: "ca-to-jp".into(),
                    specialty: "oncology".into(),
                    provider_id: Some(provider.summary.id),
                    treatment: Some(h.text.clone()),
                    physician: Some(h.text.clone()),
                    ..Default::default()
                },
            })
            .unwrap_or_else(|e| panic!("{}: case refused: {e}", h.name))
            .0;
        let (record, path) = file(&store, dir.path(), &reference, &h.name);
        cases.push((h.name.clone(), record, path));
    }
    drop(store);
    assert!(
        cases.len() >= 60,
        "most strings make a case: {}",
        cases.len()
    );
    Source {
        dir,
        everything,
        cases,
    }
}

/// Imports a file into `db` and returns the reference printed.
fn import(db: &Path, file: &Path) -> String {
    ok(db, &["import", path_str(file)]).trim().to_owned()
}

fn export(db: &Path, reference: &str, format: &str, out: &Path) {
    ok(
        db,
        &[
            "--lang",
            "en",
            "export",
            reference,
            "--format",
            format,
            "--out",
            path_str(out),
        ],
    );
}

fn same_record(mut got: CaseRecord, want: &CaseRecord) -> bool {
    got.exported_at = want.exported_at;
    got == *want
}

fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

/// The rows of a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF
/// between records), read here by hand: the CLI crate does not depend on `csv`.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "a quoted field is closed");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[test]
fn imported_hostile_cases_come_back_verbatim_as_json_and_fhir_inert_as_csv_and_as_a_pdf() {
    let corpus = corpus();
    let src = source(&corpus);
    let db = src.dir.path().join("cases.sqlite");
    let out = src.dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let mut failures: Vec<String> = Vec::new();

    // The case with every string: each note, task, event and document note verbatim.
    let (everything, file) = &src.everything;
    let reference = import(&db, file);
    assert_eq!(reference, everything.reference.0);
    let json = out.join("everything.json");
    export(&db, &reference, "json", &json);
    let back: CaseRecord = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert!(
        same_record(back.clone(), everything),
        "the case with every string changed on its way through import and export"
    );
    let notes: Vec<&str> = back.notes.iter().map(|n| n.body.as_str()).collect();
    for h in &corpus {
        if let Some(v) = kept(&h.text, 20_000)
            && !notes.contains(&v.as_str())
        {
            failures.push(format!("{}: not among the exported notes", h.name));
        }
    }
    let fhir = out.join("everything.fhir.json");
    export(&db, &reference, "fhir", &fhir);
    let bundle: Value =
        serde_json::from_slice(&std::fs::read(&fhir).unwrap()).expect("the FHIR bundle parses");
    let descriptions = |kind: &str| -> Vec<String> {
        resources(&bundle, kind)
            .iter()
            .filter_map(|r| r["description"].as_str().map(str::to_owned))
            .collect()
    };
    let documents = descriptions("DocumentReference");
    let appointments = descriptions("Appointment");
    for h in &corpus {
        let in_fhir = |list: &[String], max| {
            kept(&h.text, max).is_none_or(|v| list.iter().any(|d| d.ends_with(&format!(" — {v}"))))
        };
        if !in_fhir(&documents, 20_000) {
            failures.push(format!(
                "{}: no DocumentReference.description ends with it",
                h.name
            ));
        }
        if !in_fhir(&appointments, 200) {
            failures.push(format!(
                "{}: no Appointment.description ends with it",
                h.name
            ));
        }
    }
    let pdf = out.join("everything.pdf");
    ok(
        &db,
        &[
            "--lang",
            "ja",
            "export",
            &reference,
            "--format",
            "pdf",
            "--bilingual",
            "fr",
            "--out",
            path_str(&pdf),
        ],
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // A case per string: names, readings, provider and treatment through JSON and FHIR.
    for (name, record, file) in &src.cases {
        let reference = import(&db, file);
        let json = out.join(format!("{name}.json"));
        export(&db, &reference, "json", &json);
        let back: CaseRecord = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
        if !same_record(back, record) {
            failures.push(format!(
                "{name}: its case changed on its way through import and export"
            ));
        }
        let fhir = out.join(format!("{name}.fhir.json"));
        export(&db, &reference, "fhir", &fhir);
        let bundle: Value =
            serde_json::from_slice(&std::fs::read(&fhir).unwrap()).expect("the FHIR bundle parses");
        let patient = resources(&bundle, "Patient")[0];
        let org = resources(&bundle, "Organization")[0];
        let want = record.patient.family_name.as_str();
        for (what, got) in [
            ("Patient.name.family", &patient["name"][0]["family"]),
            ("Patient.name.given", &patient["name"][0]["given"][0]),
            ("Organization.name", &org["name"]),
            ("Organization.address.city", &org["address"][0]["city"]),
            ("Organization.telecom", &org["telecom"][0]["value"]),
        ] {
            if got.as_str() != Some(want) {
                failures.push(format!(
                    "{name}: FHIR {what} is {got}, expected {}",
                    shown(want)
                ));
            }
        }
    }

    // The list as CSV: every name as typed, formulas behind an apostrophe.
    let csv_path = out.join("cases.csv");
    ok(
        &db,
        &[
            "--lang",
            "en",
            "export",
            "--all",
            "--format",
            "csv",
            "--out",
            path_str(&csv_path),
        ],
    );
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("a BOM");
    let rows = csv_rows(body);
    assert_eq!(
        rows.len(),
        src.cases.len() + 2,
        "a header and one row per case"
    );
    assert!(rows.iter().all(|r| r.len() == 12), "no row split or merged");
    for (name, record, _) in &src.cases {
        let Some(row) = rows.iter().find(|r| r[0] == record.reference.0) else {
            failures.push(format!("{name}: no CSV row"));
            continue;
        };
        let want = inert(&record.patient.family_name);
        for (column, what) in [(2, "family name"), (3, "given name"), (9, "provider")] {
            if row[column] != want {
                failures.push(format!(
                    "{name}: CSV {what} is {}, expected {}",
                    shown(&row[column]),
                    shown(&want)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Whether search can be expected to find `text` where it is only in a note: it has a
/// term of three characters or more and no shorter term of letters or digits, which
/// the core looks up among names only (`crates/core/src/search.rs`).
fn found_in_notes(text: &str) -> bool {
    let normalized = normalize(text);
    let terms: Vec<&str> = normalized.split_whitespace().collect();
    let long = |t: &&str| t.chars().count() >= 3;
    terms.iter().any(long)
        && terms
            .iter()
            .all(|t| long(t) || !t.chars().any(char::is_alphanumeric))
}

#[test]
fn search_takes_every_corpus_string_as_a_query_and_finds_its_case() {
    let corpus = corpus();
    let src = source(&corpus);
    let db = src.dir.path().join("cases.sqlite");
    let reference = import(&db, &src.everything.1);
    let mut failures = Vec::new();
    let mut searched = 0;
    for h in &corpus {
        // A command line cannot carry NUL: the operating system ends the argument there.
        if h.text.contains('\0') {
            continue;
        }
        // `--` before the query: a query may start with a minus sign.
        let out = run(
            &db,
            &["search", "--json", "--limit", "500", "--", &h.text],
            None,
        );
        if !out.status.success() {
            failures.push(format!(
                "{}: search failed: {}",
                h.name,
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let hits: Value = serde_json::from_slice(&out.stdout).expect("search prints JSON");
        let found = hits
            .as_array()
            .expect("a list")
            .iter()
            .any(|hit| hit["reference"] == reference.as_str());
        if kept(&h.text, 20_000).is_some_and(|v| found_in_notes(&v)) {
            searched += 1;
            if !found {
                failures.push(format!(
                    "{}: search does not find the case holding it",
                    h.name
                ));
            }
        }
        let text = run(&db, &["--lang", "en", "search", "--", &h.text], None);
        if !text.status.success() {
            failures.push(format!("{}: search without --json failed", h.name));
        }
    }
    assert!(searched >= 40, "most strings are searched for: {searched}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Everything the database holds, as the CLI reads it: the case list and each case.
fn snapshot(db: &Path) -> String {
    let list = ok(db, &["case", "list", "--json", "--limit", "500"]);
    let page: Value = serde_json::from_str(&list).unwrap();
    let mut all = list.clone();
    for case in page["cases"].as_array().unwrap() {
        let reference = case["reference"].as_str().unwrap();
        all.push_str(&ok(db, &["case", "show", reference, "--json"]));
    }
    all
}

#[test]
fn a_file_with_nul_or_an_overlong_value_is_refused_naming_the_field_and_changes_nothing() {
    let corpus = corpus();
    let src = source(&corpus);
    let db = src.dir.path().join("cases.sqlite");
    let (everything, file) = &src.everything;
    import(&db, file);
    let l10n = Localizer::new(false);
    let nul = text_of(&corpus, "nul-middle");
    let long = text_of(&corpus, "ten-thousand-characters");
    let event = everything
        .timeline
        .iter()
        .position(|e| e.kind != EventKind::StatusChange)
        .unwrap();
    type Edit = Box<dyn Fn(&mut CaseRecord, &str)>;
    let edits: Vec<(Field, Edit)> = vec![
        (
            Field::NoteText,
            Box::new(|r, t| r.notes[0].body = t.to_owned()),
        ),
        (
            Field::FamilyName,
            Box::new(|r, t| r.patient.family_name = t.to_owned()),
        ),
        (
            Field::GivenNameKana,
            Box::new(|r, t| r.patient.given_name_kana = Some(t.to_owned())),
        ),
        (
            Field::TaskTitle,
            Box::new(|r, t| r.tasks[0].title = t.to_owned()),
        ),
        (
            Field::EventTitle,
            Box::new(move |r, t| r.timeline[event].title = Some(t.to_owned())),
        ),
        (
            Field::DocumentNote,
            Box::new(|r, t| r.documents[0].note = Some(t.to_owned())),
        ),
        (
            Field::Treatment,
            Box::new(|r, t| r.case.treatment = Some(t.to_owned())),
        ),
    ];
    let before = snapshot(&db);
    let mut failures = Vec::new();
    for (i, (field, edit)) in edits.iter().enumerate() {
        for (value, error, lang) in [
            (&nul, Error::Invalid { field: *field }, Lang::En),
            (&nul, Error::Invalid { field: *field }, Lang::Ja),
            (
                &long,
                Error::TooLong {
                    field: *field,
                    max: 200,
                },
                Lang::Fr,
            ),
        ] {
            // Long text fits a note, a treatment and a document note: 20,000 characters.
            if matches!(error, Error::TooLong { .. })
                && matches!(
                    field,
                    Field::NoteText | Field::DocumentNote | Field::Treatment
                )
            {
                continue;
            }
            let mut record = everything.clone();
            // A reference of its own: only the bad value can be the reason for a refusal.
            record.reference.0 = format!("KH-2026-{:05}", 90_000 + i);
            edit(&mut record, value);
            let path = src.dir.path().join("bad.json");
            std::fs::write(&path, serde_json::to_vec_pretty(&record).unwrap()).unwrap();
            let out = run(&db, &["--lang", lang.id(), "import", path_str(&path)], None);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let message = l10n.error(lang, &error);
            let label = l10n.format(lang, field.message_id(), &[]);
            if out.status.success() || !stderr.contains(&message) || !stderr.contains(&label) {
                failures.push(format!(
                    "{field} holding {} ({lang:?}): exit {:?}, said {stderr:?}, expected {message:?}",
                    shown(value),
                    out.status.code()
                ));
            }
            if !out.stdout.is_empty() {
                failures.push(format!(
                    "{field}: a reference was printed for a refused file"
                ));
            }
        }
    }
    assert_eq!(
        snapshot(&db),
        before,
        "a refused import changed the database"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn case_create_keeps_hostile_names_as_typed_and_refuses_nul_naming_the_field() {
    let corpus = corpus();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.sqlite");
    let new_case = |family: &str, given: &str| {
        serde_json::json!({
            "patient": { "family_name": family, "given_name": given, "dietary_notes": given },
            "case": { "direction": "jp-to-ca", "specialty": "oncology", "treatment": family },
        })
        .to_string()
    };
    let mut failures = Vec::new();
    for h in &corpus {
        let Some(want) = kept(&h.text, 200) else {
            continue;
        };
        let out = run(
            &db,
            &["case", "create", "--json", "-"],
            Some(&new_case(&h.text, &h.text)),
        );
        if !out.status.success() {
            failures.push(format!(
                "{}: refused: {}",
                h.name,
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let reference = String::from_utf8(out.stdout).unwrap().trim().to_owned();
        let shown_case: Value =
            serde_json::from_str(&ok(&db, &["case", "show", &reference, "--json"])).unwrap();
        for (what, got) in [
            ("family name", &shown_case["patient"]["family_name"]),
            ("given name", &shown_case["patient"]["given_name"]),
            ("dietary notes", &shown_case["patient"]["dietary_notes"]),
            ("treatment", &shown_case["treatment"]),
        ] {
            if got.as_str() != Some(want.as_str()) {
                failures.push(format!("{}: {what} shown as {got}", h.name));
            }
        }
    }
    let before = snapshot(&db);
    let l10n = Localizer::new(false);
    for (family, given, field) in [
        (
            text_of(&corpus, "nul-middle"),
            "Anne".to_owned(),
            Field::FamilyName,
        ),
        (
            "Tremblay".to_owned(),
            text_of(&corpus, "nul-only"),
            Field::GivenName,
        ),
    ] {
        let out = run(
            &db,
            &["--lang", "fr", "case", "create", "--json", "-"],
            Some(&new_case(&family, &given)),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        let message = l10n.error(Lang::Fr, &Error::Invalid { field });
        if out.status.success() || !stderr.contains(&message) {
            failures.push(format!(
                "NUL in {field}: exit {:?}, said {stderr:?}",
                out.status.code()
            ));
        }
    }
    assert_eq!(snapshot(&db), before, "a refused case changed the database");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
