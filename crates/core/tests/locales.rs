//! The three locales stay complete and in step, and every id the core emits has words;
//! they use the glossary's one term per concept, typeset French and Japanese as their
//! readers expect, and agree with every count (#28).

#[path = "locales/catalogue.rs"]
mod catalogue;
#[path = "locales/glossary.rs"]
mod glossary;
#[path = "locales/plurals.rs"]
mod plurals;
#[path = "locales/typography.rs"]
mod typography;

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use kakehashi_core::i18n::sources;
use kakehashi_core::{Lang, Localizer};
use strum::IntoEnumIterator;

fn variables_in(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &pattern.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                variables_in(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

/// Message id → variables, for each file of a language.
fn messages(lang: Lang) -> Vec<BTreeMap<String, BTreeSet<String>>> {
    sources(lang)
        .iter()
        .map(|text| {
            let res = fluent_syntax::parser::parse(*text)
                .unwrap_or_else(|(_, e)| panic!("{lang:?}: {e:?}"));
            res.body
                .iter()
                .filter_map(|entry| match entry {
                    Entry::Message(m) => {
                        let mut vars = BTreeSet::new();
                        if let Some(v) = &m.value {
                            variables_in(v, &mut vars);
                        }
                        assert!(m.attributes.is_empty(), "attributes are not used");
                        Some((m.id.name.to_owned(), vars))
                    }
                    Entry::Junk { content } => panic!("{lang:?}: junk {content}"),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_locale_has_the_same_ids_and_variables_as_english() {
    let en = messages(Lang::En);
    for lang in [Lang::Fr, Lang::Ja] {
        let other = messages(lang);
        for (file, (e, o)) in en.iter().zip(&other).enumerate() {
            assert_eq!(
                e.keys().collect::<Vec<_>>(),
                o.keys().collect::<Vec<_>>(),
                "{lang:?} file {file} ids differ"
            );
            for (id, vars) in e {
                assert_eq!(vars, &o[id], "{lang:?} {id} variables differ");
            }
        }
    }
}

#[test]
fn every_domain_id_has_a_message() {
    let l = Localizer::new(false);
    let mut ids: Vec<String> = vec![];
    let push =
        |ids: &mut Vec<String>, prefix: &str, v: &'static str| ids.push(format!("{prefix}-{v}"));
    for s in kakehashi_core::CaseStatus::iter() {
        push(&mut ids, "case-status", s.into());
    }
    for s in kakehashi_core::Direction::iter() {
        push(&mut ids, "direction", s.into());
    }
    for s in kakehashi_core::Specialty::iter() {
        push(&mut ids, "specialty", s.into());
    }
    for s in kakehashi_core::Priority::iter() {
        push(&mut ids, "priority", s.into());
    }
    for s in kakehashi_core::Sex::iter() {
        push(&mut ids, "sex", s.into());
    }
    for s in kakehashi_core::Lang::iter() {
        push(&mut ids, "lang", s.into());
    }
    for s in kakehashi_core::EventKind::iter() {
        push(&mut ids, "event", s.into());
    }
    for s in kakehashi_core::DocumentKind::iter() {
        push(&mut ids, "document", s.into());
    }
    for s in kakehashi_core::DocumentState::iter() {
        push(&mut ids, "document-state", s.into());
    }
    for s in kakehashi_core::NoteChannel::iter() {
        push(&mut ids, "note-channel", s.into());
    }
    for s in kakehashi_core::Recipient::iter() {
        push(&mut ids, "recipient", s.into());
    }
    for s in kakehashi_core::CaseSort::iter() {
        push(&mut ids, "list-sort", s.into());
    }
    // The access log's lines (`PatientPrivacy.svelte` shows `access-<action>`).
    for s in kakehashi_core::privacy::AccessAction::iter() {
        push(&mut ids, "access", s.into());
    }
    for lang in Lang::all() {
        for id in &ids {
            assert!(l.has(lang, id), "{lang:?} lacks {id}");
        }
    }
}

#[test]
fn every_error_code_and_field_has_a_message() {
    use kakehashi_core::Error;
    let l = Localizer::new(false);
    let field: Vec<kakehashi_core::Field> = kakehashi_core::Field::iter().collect();
    let errors = [
        Error::Required { field: field[0] },
        Error::TooLong {
            field: field[0],
            max: 1,
        },
        Error::DateInFuture { field: field[0] },
        Error::InvalidDate { field: field[0] },
        Error::UnknownValue {
            field: field[0],
            value: "x".into(),
        },
        Error::Invalid { field: field[0] },
        Error::TransitionNotAllowed {
            from: "inquiry".into(),
            to: "closed".into(),
        },
        Error::CaseNotFound {
            reference: "x".into(),
        },
        Error::ProviderNotFound { id: 1 },
        Error::SchemaTooNew {
            found: 2,
            supported: 1,
        },
        Error::DatabaseInUse { path: "x".into() },
        Error::NotADatabase { path: "x".into() },
        Error::IntegrityCheckFailed { detail: "x".into() },
        Error::BadJson { detail: "x".into() },
        Error::DemoNeedsEmptyDatabase,
        Error::DemoTooLarge { max: 1 },
        Error::InvalidDateTime { field: field[0] },
        Error::TimeSkipped { field: field[0] },
        Error::EndBeforeStart { field: field[0] },
        Error::DepositOverEstimate { field: field[0] },
        Error::ItemNotFound,
        Error::PatientNotFound { id: 1 },
        Error::ProviderInUse { cases: 2 },
        Error::ReferenceTaken {
            reference: "KH-2026-0001".into(),
        },
        Error::Sqlite(rusqlite::Error::InvalidQuery),
        Error::Io(std::io::Error::other("x")),
        Error::NotThePassphrase { field: field[0] },
        Error::OldCopiesRemain {
            paths: vec!["/a/b.sqlite".into()],
        },
        Error::BackupAfterRekeyFailed {
            cause: Box::new(Error::Io(std::io::Error::other("x"))),
        },
        Error::NoConsent {
            reference: "KH-2026-0001".into(),
            recipient: "insurer",
            scope: "share-with-insurer",
        },
    ];
    for lang in Lang::all() {
        for e in &errors {
            assert!(l.has(lang, e.code()), "{lang:?} lacks {}", e.code());
            assert!(
                !l.error(lang, e).contains('{'),
                "{lang:?} {} has an unfilled variable",
                e.code()
            );
        }
        for f in &field {
            assert!(
                l.has(lang, f.message_id()),
                "{lang:?} lacks {}",
                f.message_id()
            );
        }
    }
}

#[test]
fn demo_tasks_and_notes_are_written_in_the_coordinator_s_language() {
    use kakehashi_core::demo::DemoOptions;
    let l = Localizer::new(false);
    for lang in Lang::all() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = kakehashi_core::Store::open(&dir.path().join("demo.sqlite")).unwrap();
        store
            .generate_demo(DemoOptions {
                cases: 30,
                seed: 5,
                anchor: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                language: lang,
            })
            .unwrap();
        let conn = rusqlite::Connection::open(store.path()).unwrap();
        let texts: Vec<String> = conn
            .prepare("SELECT title FROM tasks UNION ALL SELECT body FROM notes")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            texts.len() > 30,
            "{lang:?}: {} tasks and notes",
            texts.len()
        );
        let file = kakehashi_core::i18n::FTL_FILES
            .iter()
            .position(|f| *f == "demo.ftl");
        let demo = kakehashi_core::i18n::sources(lang)[file.unwrap()];
        for text in &texts {
            let id = demo
                .lines()
                .find_map(|line| line.split_once(" = ").filter(|(_, v)| *v == text))
                .map(|(id, _)| id);
            let id = id.unwrap_or_else(|| panic!("{lang:?}: {text:?} is not in its demo.ftl"));
            assert_eq!(&l.format(lang, id, &[]), text);
        }
    }
}
