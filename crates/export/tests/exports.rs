//! The exports read back as a recipient's software reads them: `pdftotext` and
//! `pdffonts` (poppler) for the PDF, the csv crate for the CSV, JSON for FHIR.

mod common;

use common::pdftotext;

use std::path::Path;
use std::process::Command;

use chrono::{TimeZone, Utc};
use kakehashi_core::demo::DemoOptions;
use kakehashi_core::exchange::CaseRecord;
use kakehashi_core::{
    DocumentInput, EventInput, Lang, Localizer, NewCase, NewCaseDetails, NewPatient, Recipient,
    Store, TaskInput,
};
use kakehashi_export::{csv_list, fhir, pdf, summary};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    japanese: String,
    french: String,
    hostile: String,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("cases.sqlite")).unwrap();
    store.set_today(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    store
        .generate_demo(DemoOptions {
            cases: 5,
            seed: 3,
            anchor: store.today(),
            language: kakehashi_core::Lang::En,
        })
        .unwrap();
    let tokyo = store
        .providers()
        .unwrap()
        .into_iter()
        .find(|p| p.summary.time_zone == "Asia/Tokyo")
        .map(|p| p.summary.id);
    let toronto = store
        .providers()
        .unwrap()
        .into_iter()
        .find(|p| p.summary.time_zone == "America/Toronto")
        .map(|p| p.summary.id);
    let case = |family: &str, given: &str, kana: Option<(&str, &str)>, direction: &str| NewCase {
        patient: NewPatient {
            family_name: family.into(),
            given_name: given.into(),
            family_name_kana: kana.map(|k| k.0.into()),
            given_name_kana: kana.map(|k| k.1.into()),
            nationality: Some(if kana.is_some() { "JP" } else { "CA" }.into()),
            home_region: Some(if kana.is_some() { "東京都" } else { "QC" }.into()),
            passport_number: Some("TZ0000001".into()),
            insurance: Some("Manulife 778".into()),
            birth_date: Some("1961-04-02".into()),
            ..Default::default()
        },
        case: NewCaseDetails {
            direction: direction.into(),
            specialty: "proton-therapy".into(),
            provider_id: if direction == "ca-to-jp" {
                tokyo
            } else {
                toronto
            },
            estimated_cost: Some("12500.50".into()),
            currency: Some("CAD".into()),
            ..Default::default()
        },
    };
    let japanese = store
        .create_case(&case(
            "吉田",
            "𠮷郎",
            Some(("よしだ", "きちろう")),
            "jp-to-ca",
        ))
        .unwrap()
        .0;
    let french = store
        .create_case(&case("Côté", "Élodie-Noëlle", None, "ca-to-jp"))
        .unwrap()
        .0;
    let hostile = store
        .create_case(&case(
            "=HYPERLINK(\"x\")",
            "<script>alert(1)</script> #set page(width: 1pt) *bold*",
            None,
            "ca-to-jp",
        ))
        .unwrap()
        .0;
    store
        .add_event(
            &french,
            &EventInput {
                kind: "procedure".into(),
                starts_local: "2026-12-01T09:00".into(),
                zone: "Asia/Tokyo".into(),
                title: Some("Séance de protonthérapie nº 1".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let doc = store.case_detail(&french).unwrap().documents[0].id;
    store
        .set_document(
            &french,
            doc,
            &DocumentInput {
                state: "verified".into(),
                note: None,
            },
        )
        .unwrap();
    store
        .add_task(
            &french,
            &TaskInput {
                title: "Réserver l’interprète".into(),
                due_on: Some("2026-11-30".into()),
            },
        )
        .unwrap();
    Fixture {
        _dir: dir,
        store,
        japanese,
        french,
        hostile,
    }
}

fn record(f: &Fixture, reference: &str, recipient: Recipient) -> CaseRecord {
    let mut r = f.store.export_case(reference, recipient).unwrap();
    r.exported_at = now();
    r
}

fn pdf_file(
    dir: &Path,
    name: &str,
    r: &CaseRecord,
    lang: Lang,
    second: Option<Lang>,
) -> std::path::PathBuf {
    let l10n = Localizer::new(false);
    let s = summary::summary(r, &l10n, lang, second, now());
    let bytes = pdf::pdf(&s, now()).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn page_count(path: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(path).output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn pdf_text_has_names_and_labels_in_each_language() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let jp = record(&f, &f.japanese, Recipient::Hospital);
    let fr = record(&f, &f.french, Recipient::Hospital);
    let cases = [
        (Lang::En, &jp, "Case summary", "吉田 𠮷郎"),
        (Lang::Ja, &jp, "医療渡航サマリー", "吉田 𠮷郎"),
        (Lang::Fr, &fr, "Résumé du dossier", "Élodie-Noëlle Côté"),
        (Lang::Ja, &fr, "医療渡航サマリー", "Côté Élodie-Noëlle"),
    ];
    for (lang, r, heading, name) in cases {
        let text = pdftotext(&pdf_file(dir.path(), "s.pdf", r, lang, None));
        assert!(text.contains(heading), "{lang:?}: no {heading} in {text}");
        assert!(text.contains(name), "{lang:?}: no {name} in {text}");
        assert!(text.contains(&r.reference.0));
    }
    let ja = pdftotext(&pdf_file(dir.path(), "ja.pdf", &jp, Lang::Ja, None));
    assert!(ja.contains("よしだ きちろう"), "the reading is printed");
    // pdftotext sets a space between a run of digits and the kanji after it.
    let unspaced = ja.replace(' ', "");
    assert!(
        unspaced.contains("生年月日") && unspaced.contains("1961年4月2日"),
        "{ja}"
    );
    let fr_text = pdftotext(&pdf_file(dir.path(), "fr.pdf", &fr, Lang::Fr, None));
    assert!(fr_text.contains("Séance de protonthérapie nº 1"));
    assert!(
        fr_text.contains("12 500,50"),
        "amounts the French way: {fr_text}"
    );
    // 09:00 in Tokyo, and the patient's home (Quebec) the evening before.
    assert!(
        fr_text.contains("1 déc. 2026") && fr_text.contains("30 nov. 2026"),
        "{fr_text}"
    );
}

#[test]
fn bilingual_summary_has_both_languages_and_page_numbers() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let r = record(&f, &f.french, Recipient::Hospital);
    let path = pdf_file(dir.path(), "b.pdf", &r, Lang::Ja, Some(Lang::En));
    let text = pdftotext(&path);
    assert!(text.contains("医療渡航サマリー") && text.contains("Case summary"));
    let pages = page_count(&path);
    assert!(pages >= 2, "each language starts on its own page");
    let squashed = text.replace(' ', "");
    for page in 1..=pages {
        assert!(
            squashed.contains(&format!("{page}/{pages}")),
            "page {page} of {pages} numbered: {text}"
        );
    }
}

#[test]
fn only_embedded_noto_fonts_are_in_the_pdf() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let r = record(&f, &f.japanese, Recipient::Coordinator);
    let path = pdf_file(dir.path(), "f.pdf", &r, Lang::Ja, Some(Lang::Fr));
    let fonts = pdf_fonts(&path);
    assert!(!fonts.is_empty());
    for line in &fonts {
        assert!(line.contains("NotoSans"), "a font other than Noto: {line}");
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let emb = cols[cols.len() - 5];
        let sub = cols[cols.len() - 4];
        assert_eq!((emb, sub), ("yes", "yes"), "embedded and subset: {line}");
    }
}

/// `pdffonts`' lines, one per font, without its two header lines.
fn pdf_fonts(path: &Path) -> Vec<String> {
    let out = Command::new("pdffonts").arg(path).output().unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    listing.lines().skip(2).map(str::to_owned).collect()
}

/// Whether any page draws text filled and outlined (`2 Tr`), which is how the
/// template makes Japanese bold from the regular face.
fn strokes_text(path: &Path) -> bool {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap();
    let mut rest = &bytes[..];
    let mut inflated_any = false;
    let mut strokes = false;
    while let Some(start) = find(rest, b"stream") {
        let body = rest[start + b"stream".len()..]
            .strip_prefix(b"\r\n")
            .or_else(|| rest[start + b"stream".len()..].strip_prefix(b"\n"));
        let Some(body) = body else {
            // "endstream" itself, or the word inside some other object.
            rest = &rest[start + b"stream".len()..];
            continue;
        };
        let end = find(body, b"endstream").unwrap();
        let mut inflated = Vec::new();
        // Fonts and images are streams too and not all are deflated: only content
        // streams matter, and they all are.
        if flate2::read::ZlibDecoder::new(&body[..end])
            .read_to_end(&mut inflated)
            .is_ok()
        {
            inflated_any = true;
            strokes |= inflated.windows(5).any(|w| w == b" 2 Tr" || w == b"\n2 Tr");
        }
        rest = &body[end + b"endstream".len()..];
    }
    assert!(inflated_any, "no content stream could be read");
    strokes
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn japanese_bold_comes_from_the_regular_face_and_latin_keeps_its_bold() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let has = |fonts: &[String], name: &str| fonts.iter().any(|l| l.contains(name));

    let ja = pdf_file(
        dir.path(),
        "ja.pdf",
        &record(&f, &f.japanese, Recipient::Coordinator),
        Lang::Ja,
        None,
    );
    let fonts = pdf_fonts(&ja);
    assert!(has(&fonts, "+NotoSansJP-Regular "), "{fonts:?}");
    assert!(!has(&fonts, "NotoSansJP-Bold"), "{fonts:?}");
    assert!(strokes_text(&ja), "the Japanese headings are drawn bold");

    // English headings and a French name: nothing in bold that Noto Sans lacks.
    let en = pdf_file(
        dir.path(),
        "en.pdf",
        &record(&f, &f.french, Recipient::Coordinator),
        Lang::En,
        None,
    );
    assert!(has(&pdf_fonts(&en), "+NotoSans-Bold "));
    assert!(!strokes_text(&en), "Latin bold is the real bold face");
}

#[test]
fn record_text_is_placed_as_text_never_as_markup() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let r = record(&f, &f.hostile, Recipient::Coordinator);
    let text = pdftotext(&pdf_file(dir.path(), "h.pdf", &r, Lang::En, None));
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(
        text.contains("#set page(width: 1pt) *bold*"),
        "typst syntax in a name stays text"
    );
    assert!(text.contains("=HYPERLINK(\"x\")"));
}

#[test]
fn a_recipient_never_finds_what_is_withheld_from_them_in_the_pdf() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let full = pdftotext(&pdf_file(
        dir.path(),
        "c.pdf",
        &record(&f, &f.french, Recipient::Coordinator),
        Lang::En,
        None,
    ));
    assert!(full.contains("TZ0000001") && full.contains("Manulife 778"));
    let interpreter = pdftotext(&pdf_file(
        dir.path(),
        "i.pdf",
        &record(&f, &f.french, Recipient::Interpreter),
        Lang::En,
        None,
    ));
    for secret in [
        "TZ0000001",
        "Manulife",
        "12,500.50",
        "Réserver l’interprète",
    ] {
        assert!(
            !interpreter.contains(secret),
            "{secret} reached the interpreter"
        );
    }
    assert!(
        interpreter.contains("Séance de protonthérapie"),
        "appointments are for the interpreter"
    );
}

#[test]
fn the_same_case_gives_the_same_pdf() {
    let f = fixture();
    let l10n = Localizer::new(false);
    let r = record(&f, &f.japanese, Recipient::Hospital);
    let s = summary::summary(&r, &l10n, Lang::Ja, None, now());
    assert_eq!(pdf::pdf(&s, now()).unwrap(), pdf::pdf(&s, now()).unwrap());
    let png = pdf::first_page_png(&s, 1.0).unwrap();
    assert_eq!(&png[1..4], b"PNG");
}

#[test]
fn fhir_names_carry_the_reading_and_events_their_zone() {
    let f = fixture();
    let l10n = Localizer::new(false);
    let jp = fhir::bundle(
        &record(&f, &f.japanese, Recipient::Hospital),
        &l10n,
        Lang::Ja,
        now(),
    );
    let entries = jp["entry"].as_array().unwrap();
    let patient = &entries[0]["resource"];
    assert_eq!(patient["resourceType"], "Patient");
    let names = patient["name"].as_array().unwrap();
    assert_eq!(names[0]["family"], "吉田");
    assert_eq!(names[0]["given"][0], "𠮷郎");
    assert_eq!(names[0]["extension"][0]["url"], fhir::REPRESENTATION);
    assert_eq!(names[0]["extension"][0]["valueCode"], "IDE");
    assert_eq!(
        names[1]["family"], "ヨシダ",
        "readings in katakana, as JP Core writes them"
    );
    assert_eq!(names[1]["extension"][0]["valueCode"], "SYL");
    assert_eq!(patient["identifier"][0]["value"], "TZ0000001");
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| e["resource"]["resourceType"].as_str().unwrap())
        .collect();
    for kind in ["Organization", "EpisodeOfCare", "DocumentReference"] {
        assert!(kinds.contains(&kind), "{kinds:?}");
    }

    let fr = fhir::bundle(
        &record(&f, &f.french, Recipient::Interpreter),
        &l10n,
        Lang::Fr,
        now(),
    );
    let appointment = fr["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "Appointment")
        .unwrap();
    assert_eq!(
        appointment["resource"]["start"],
        "2026-12-01T09:00:00+09:00"
    );
    assert_eq!(appointment["resource"]["status"], "booked");
    let western = &fr["entry"][0]["resource"]["name"];
    assert_eq!(
        western.as_array().unwrap().len(),
        1,
        "no reading, no representation extension"
    );
    assert!(
        fr["entry"][0]["resource"].get("identifier").is_none(),
        "no passport for the interpreter"
    );
    assert_eq!(
        fhir::bundle(
            &record(&f, &f.french, Recipient::Interpreter),
            &l10n,
            Lang::Fr,
            now()
        ),
        fr,
        "stable ids"
    );
}

#[test]
fn csv_has_a_bom_localized_columns_and_inert_formulas() {
    let f = fixture();
    let l10n = Localizer::new(false);
    let page = f
        .store
        .list_cases(&kakehashi_core::CaseListQuery {
            limit: Some(500),
            ..Default::default()
        })
        .unwrap();
    let bytes = csv_list::case_list(&page.cases, &l10n, Lang::Ja).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers.len(), csv_list::COLUMNS.len());
    assert_eq!(headers[0], "案件番号");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), page.cases.len());
    let hostile = rows.iter().find(|r| r[0] == f.hostile).unwrap();
    assert_eq!(&hostile[2], "'=HYPERLINK(\"x\")", "a formula is made inert");
    assert!(
        hostile[3].starts_with("<script>"),
        "other text is kept as it is"
    );
    let japanese = rows.iter().find(|r| r[0] == f.japanese).unwrap();
    assert_eq!(&japanese[1], "吉田 𠮷郎");
    assert_eq!(&japanese[4], "よしだ きちろう");
}
