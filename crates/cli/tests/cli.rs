//! The `kakehashi` command line as scripts use it: real binary, real files.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::run;

const TAKAHASHI: &str = r#"{"patient": {"family_name": "高橋", "given_name": "健一", "family_name_kana": "たかはし", "given_name_kana": "けんいち", "birth_date": "1961-04-02", "preferred_language": "ja"}, "case": {"direction": "jp-to-ca", "specialty": "oncology"}}"#;

fn db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cases.sqlite");
    (dir, path)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn create_from_stdin_prints_the_reference_and_show_reads_it_back() {
    let (_d, db) = db();
    let out = run(&db, &["case", "create", "--json", "-"], Some(TAKAHASHI));
    assert!(out.status.success(), "{}", stderr(&out));
    let reference = stdout(&out).trim().to_owned();
    assert!(
        reference.starts_with("KH-") && reference.ends_with("-0001"),
        "{reference}"
    );
    let show = run(&db, &["--lang", "ja", "case", "show", &reference], None);
    assert!(show.status.success());
    assert!(stdout(&show).contains("高橋 健一"), "{}", stdout(&show));
    assert!(
        stdout(&show).contains("問い合わせ") || stdout(&show).contains("ステータス"),
        "{}",
        stdout(&show)
    );
}

#[test]
fn create_from_a_file_works_too() {
    let (dir, db) = db();
    let file = dir.path().join("case.json");
    std::fs::write(&file, TAKAHASHI).unwrap();
    let out = run(
        &db,
        &["case", "create", "--json", file.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn refused_input_exits_non_zero_naming_the_field_in_the_chosen_language() {
    let (_d, db) = db();
    let bad = TAKAHASHI.replace("\"高橋\"", "\"\"");
    let out = run(
        &db,
        &["--lang", "fr", "case", "create", "--json", "-"],
        Some(&bad),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Nom de famille"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let list = run(&db, &["case", "list", "--json"], None);
    assert!(
        stdout(&list).contains("\"total\": 0"),
        "nothing written: {}",
        stdout(&list)
    );
}

#[test]
fn unknown_direction_and_malformed_json_are_refused() {
    let (_d, db) = db();
    let out = run(
        &db,
        &["--lang", "en", "case", "create", "--json", "-"],
        Some(&TAKAHASHI.replace("jp-to-ca", "jp-to-mars")),
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Direction") && stderr(&out).contains("jp-to-mars"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &db,
        &["--lang", "en", "case", "create", "--json", "-"],
        Some("{ not json"),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not valid JSON"), "{}", stderr(&out));
}

#[test]
fn show_of_an_unknown_reference_fails() {
    let (_d, db) = db();
    run(&db, &["demo", "--cases", "3"], None);
    let out = run(&db, &["--lang", "en", "case", "show", "KH-1999-9999"], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("KH-1999-9999"));
}

#[test]
fn demo_list_search_and_check_speak_json_and_text() {
    let (_d, db) = db();
    let out = run(
        &db,
        &[
            "--lang",
            "en",
            "demo",
            "--cases",
            "120",
            "--seed",
            "5",
            "--anchor",
            "2026-11-01",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "Created 120 demo cases.");
    let list: serde_json::Value = serde_json::from_str(&stdout(&run(
        &db,
        &["case", "list", "--json", "--limit", "10"],
        None,
    )))
    .unwrap();
    assert_eq!(list["total"], 120);
    assert_eq!(list["cases"].as_array().unwrap().len(), 10);
    let hits: serde_json::Value =
        serde_json::from_str(&stdout(&run(&db, &["search", "たかはし", "--json"], None))).unwrap();
    for hit in hits.as_array().unwrap() {
        assert_eq!(hit["family_name_kana"], "たかはし");
    }
    let check = run(&db, &["--lang", "en", "check"], None);
    assert!(check.status.success());
    assert!(
        stdout(&check).contains(&format!(
            "schema version {}",
            kakehashi_core::store::SCHEMA_VERSION
        )),
        "{}",
        stdout(&check)
    );
}

#[test]
fn check_fails_on_a_file_that_is_not_a_database() {
    let (_d, db) = db();
    std::fs::write(&db, vec![b'x'; 8192]).unwrap();
    let out = run(&db, &["--lang", "en", "check"], None);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a Kakehashi database"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_json_then_import_elsewhere_and_export_pdf_fhir_and_csv() {
    let (dir, one) = db();
    let reference = stdout(&run(
        &one,
        &["case", "create", "--json", "-"],
        Some(TAKAHASHI),
    ));
    let reference = reference.trim();
    let json = dir.path().join("case.json");
    let out = run(
        &one,
        &[
            "export",
            reference,
            "--format",
            "json",
            "--out",
            json.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let two = dir.path().join("other.sqlite");
    let imported = run(&two, &["import", json.to_str().unwrap()], None);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert_eq!(stdout(&imported).trim(), reference);
    let again = run(&two, &["import", json.to_str().unwrap()], None);
    assert!(!again.status.success());
    assert!(stderr(&again).contains(reference), "{}", stderr(&again));

    for (format, file) in [("pdf", "case.pdf"), ("fhir", "case.fhir.json")] {
        let path = dir.path().join(file);
        let out = run(
            &two,
            &[
                "--lang",
                "ja",
                "export",
                reference,
                "--format",
                format,
                "--bilingual",
                "en",
                "--recipient",
                "interpreter",
                "--without-consent",
                "--out",
                path.to_str().unwrap(),
            ],
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(std::fs::metadata(&path).unwrap().len() > 500);
    }
    assert!(
        std::fs::read(dir.path().join("case.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let csv = dir.path().join("cases.csv");
    let out = run(
        &two,
        &[
            "--lang",
            "fr",
            "export",
            "--all",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with('\u{feff}') && text.contains("Référence") && text.contains("高橋 健一"),
        "{text}"
    );
}

#[test]
fn export_to_a_recipient_without_consent_is_refused_unless_confirmed_and_logged() {
    let (dir, db) = db();
    let reference = stdout(&run(
        &db,
        &["case", "create", "--json", "-"],
        Some(TAKAHASHI),
    ));
    let reference = reference.trim();
    let out = dir.path().join("case.json");
    let export = |recipient: &str, confirmed: bool| {
        let mut args = vec!["--lang", "en", "export", reference, "--format", "json"];
        args.extend(["--recipient", recipient, "--out", out.to_str().unwrap()]);
        if confirmed {
            args.push("--without-consent");
        }
        run(&db, &args, None)
    };
    let refused = export("insurer", false);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("“Sharing with the insurer”"),
        "{}",
        stderr(&refused)
    );
    assert!(!out.exists(), "nothing written");
    let patient_export = export("patient", false);
    assert!(
        patient_export.status.success(),
        "the patient needs no consent"
    );
    let confirmed = export("insurer", true);
    assert!(confirmed.status.success(), "{}", stderr(&confirmed));
    let log = stdout(&run(&db, &["patient", "log", "1"], None));
    assert_eq!(
        log.matches("\"export-without-consent\"").count(),
        1,
        "{log}"
    );
    assert_eq!(log.matches("\"export-case\"").count(), 1, "{log}");
}

#[test]
fn export_with_the_wrong_arguments_says_how_to_call_it() {
    let (dir, one) = db();
    let out_path = dir.path().join("x.csv");
    let out = run(
        &one,
        &[
            "--lang",
            "en",
            "export",
            "--format",
            "csv",
            "--out",
            out_path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--all with --format csv"),
        "{}",
        stderr(&out)
    );
    assert!(!out_path.exists(), "nothing written");
}
