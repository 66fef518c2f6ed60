//! Every message that takes a count, rendered with 0, 1, 2 and 12,345 in each language
//! through the real Fluent bundles, with the count passed as a number as the core and
//! the UI pass it.

use kakehashi_core::i18n::MessageArg;
use kakehashi_core::{Error, Lang, Localizer};

use super::catalogue::{Message, messages};

/// Variables that hold a count. Every variable of the catalogue is either here or in
/// [`TEXT`]: a new one must be placed, so no count is ever sent as text unnoticed.
const COUNTS: &[&str] = &[
    "count",
    "cases",
    "max",
    "min",
    "keep",
    "offset",
    "found",
    "supported",
    "version",
];

/// Variables that hold text: names, labels, dates and paths already formatted.
const TEXT: &[&str] = &[
    "actor",
    "aside",
    "date",
    "detail",
    "field",
    "folder",
    "from",
    "id",
    "item",
    "name",
    "order",
    "path",
    "paths",
    "query",
    "reason",
    "recipient",
    "reference",
    "references",
    "scope",
    "time",
    "to",
    "url",
    "value",
    "zone",
];

const SAMPLES: [i64; 4] = [0, 1, 2, 12_345];

fn counted(lang: Lang) -> Vec<Message> {
    messages(lang)
        .into_iter()
        .filter(|m| m.variables.iter().any(|v| COUNTS.contains(&v.as_str())))
        .collect()
}

fn render(l: &Localizer, lang: Lang, m: &Message, n: i64) -> String {
    let args: Vec<(&str, MessageArg)> = m
        .variables
        .iter()
        .map(|v| {
            let arg = if COUNTS.contains(&v.as_str()) {
                MessageArg::Number(n)
            } else {
                MessageArg::Text("X".into())
            };
            (v.as_str(), arg)
        })
        .collect();
    l.format_typed(lang, &m.id, &args)
}

/// 12,345 as the language groups it.
fn grouped(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "12\u{a0}345",
        _ => "12,345",
    }
}

/// The text with its digits blanked, to compare two renderings' words.
fn words(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

#[test]
fn every_variable_is_a_count_or_text() {
    for lang in Lang::all() {
        for m in messages(lang) {
            for v in &m.variables {
                assert!(
                    COUNTS.contains(&v.as_str()) || TEXT.contains(&v.as_str()),
                    "{lang:?} {}: is ${v} a count or text? Add it to COUNTS or TEXT",
                    m.id
                );
            }
        }
    }
}

#[test]
fn every_counted_message_agrees_with_0_1_2_and_12345() {
    let l = Localizer::new(false);
    let mut faults = Vec::new();
    for lang in Lang::all() {
        let counted = counted(lang);
        assert!(
            counted.len() >= 25,
            "{lang:?}: {} counted messages",
            counted.len()
        );
        for m in &counted {
            let out: Vec<String> = SAMPLES.iter().map(|n| render(&l, lang, m, *n)).collect();
            for (n, text) in SAMPLES.iter().zip(&out) {
                if text.contains('{') || text == &m.id {
                    faults.push(format!("{lang:?} {} with {n}: {text:?}", m.id));
                }
            }
            let shown = out[3].replace('\u{202f}', "\u{a0}");
            if !shown.contains(grouped(lang)) {
                faults.push(format!("{lang:?} {}: 12345 not grouped: {shown:?}", m.id));
            }
            // A selector with an `[one]` variant must pick it for 1 (and for 0 in
            // French, whose `one` includes 0): were the count text, it never would.
            let selects_one = m
                .selectors
                .iter()
                .any(|(v, one)| *one && COUNTS.contains(&v.as_str()));
            if selects_one && lang != Lang::Ja {
                if words(&out[1]) == words(&out[2]) {
                    faults.push(format!("{lang:?} {}: 1 reads as 2: {:?}", m.id, out[1]));
                }
                if lang == Lang::Fr && words(&out[0]) == words(&out[2]) {
                    faults.push(format!("{lang:?} {}: 0 reads as 2: {:?}", m.id, out[0]));
                }
            }
            // Without a selector, a count must not be followed by a plural noun.
            let singular: &[i64] = match lang {
                Lang::En => &[1],
                Lang::Fr => &[0, 1],
                Lang::Ja => &[],
            };
            for (n, text) in SAMPLES.iter().zip(&out) {
                if !singular.contains(n) {
                    continue;
                }
                let plural_after = text.split(&format!("{n} ")).skip(1).any(|rest| {
                    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                    word.len() > 2 && word.ends_with('s')
                });
                if plural_after {
                    faults.push(format!("{lang:?} {} with {n}: {text:?}", m.id));
                }
            }
        }
    }
    assert!(faults.is_empty(), "\n{}", faults.join("\n"));
}

#[test]
fn case_counts_read_as_a_native_writes_them() {
    let l = Localizer::new(false);
    let count = |lang, n| {
        l.format_count(lang, "case-count", "count", n)
            .replace('\u{202f}', "\u{a0}")
    };
    assert_eq!(count(Lang::En, 1), "1 case");
    assert_eq!(count(Lang::En, 12_345), "12,345 cases");
    assert_eq!(count(Lang::Fr, 0), "Aucun dossier");
    assert_eq!(count(Lang::Fr, 1), "1 dossier");
    assert_eq!(count(Lang::Fr, 2), "2 dossiers");
    assert_eq!(count(Lang::Fr, 12_345), "12\u{a0}345 dossiers");
    assert_eq!(count(Lang::Ja, 12_345), "12,345件");
}

#[test]
fn an_error_about_one_case_is_singular_in_every_language() {
    let l = Localizer::new(false);
    let one = Error::ProviderInUse { cases: 1 };
    assert_eq!(
        l.error(Lang::En, &one),
        "This provider is used in one case and cannot be deleted."
    );
    assert_eq!(
        l.error(Lang::Fr, &one),
        "Cet établissement est associé à un dossier et ne peut pas être supprimé."
    );
    assert_eq!(
        l.error(Lang::Ja, &one),
        "この医療機関は1件の案件で使われているため、削除できません。"
    );
    let many = Error::TooLong {
        field: kakehashi_core::Field::FamilyName,
        max: 1,
    };
    assert_eq!(
        l.error(Lang::En, &many),
        "Family name is too long (at most one character)."
    );
}
