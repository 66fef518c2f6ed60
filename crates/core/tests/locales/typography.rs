//! Typography as each language's readers expect it.
//!
//! French (OQLF, Banque de dépannage linguistique, « Espacement avant et après les signes
//! de ponctuation »; the federal *Guide du rédacteur*): a narrow no-break space (U+202F)
//! before `;`, `!` and `?`, a no-break space (U+00A0) before `:` and inside « », and
//! typographic apostrophes and quotes.
//!
//! Japanese (JTF 日本語標準スタイルガイド): full-width punctuation in Japanese text, no
//! space between a number and its counter, between Japanese words, or between Japanese
//! and Latin text; a full-width space after a ？ or ！ that ends a sentence mid-message.

use kakehashi_core::Lang;

use super::catalogue::{PLACEABLE, is_japanese, messages};

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// What is wrong with one French text, if anything.
fn french_faults(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut faults = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let spaced = |c: Option<char>| c.is_none_or(|c| c.is_whitespace());
        match c {
            ';' | '!' | '?' if prev != Some(NNBSP) => {
                faults.push(format!(
                    "{c:?} needs a narrow no-break space (U+202F) before it"
                ));
            }
            ':' if prev.is_some_and(char::is_whitespace) && prev != Some(NBSP) => {
                faults.push("':' needs a no-break space (U+00A0) before it".into());
            }
            ':' if !prev.is_some_and(char::is_whitespace) && spaced(next) => {
                faults.push("':' ends a phrase: a no-break space (U+00A0) before it".into());
            }
            '«' if next != Some(NBSP) => faults.push("'«' needs a no-break space after it".into()),
            '»' if prev != Some(NBSP) => {
                faults.push("'»' needs a no-break space before it".into())
            }
            '\'' => faults.push("a typewriter apostrophe: use ’".into()),
            '"' => faults.push("a typewriter quote: use « »".into()),
            ' ' if prev.is_some_and(char::is_whitespace)
                || next.is_some_and(char::is_whitespace) =>
            {
                faults.push("two spaces in a row".into());
            }
            _ => {}
        }
    }
    faults
}

/// Half-width text that must not be spaced from Japanese: Latin letters, digits, a
/// placeable (a number, a reference) and the characters of option names.
fn half_width(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == PLACEABLE || "-_$".contains(c)
}

/// What is wrong with one Japanese text, if anything.
fn japanese_faults(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut faults = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let ja = |c: Option<char>| c.is_some_and(is_japanese);
        let half = |c: Option<char>| c.is_some_and(half_width);
        match c {
            ' ' if (ja(prev) && (ja(next) || half(next))) || (ja(next) && half(prev)) => {
                faults.push(format!(
                    "an ASCII space between {:?} and {:?}",
                    prev.unwrap_or(' '),
                    next.unwrap_or(' ')
                ));
            }
            ',' | '.' | ':' | ';' | '!' | '?' | '(' | ')' if ja(prev) || ja(next) => {
                faults.push(format!("half-width {c:?} in Japanese text: use full-width"));
            }
            '？' | '！' if next.is_some_and(|n| !"　」）".contains(n)) => {
                faults.push(format!(
                    "{c:?} mid-message needs a full-width space after it"
                ));
            }
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                faults.push(format!(
                    "full-width {c:?}: digits and Latin letters are half-width"
                ));
            }
            _ => {}
        }
    }
    faults
}

fn faults_in(lang: Lang, check: fn(&str) -> Vec<String>) -> Vec<String> {
    messages(lang)
        .iter()
        .flat_map(|m| {
            m.texts.iter().flat_map(move |t| {
                check(t).into_iter().map(move |f| {
                    format!(
                        "{lang:?} {}: {f} in {:?}",
                        m.id,
                        t.replace(PLACEABLE, "{…}")
                    )
                })
            })
        })
        .collect()
}

#[test]
fn french_spaces_before_punctuation_and_inside_guillemets_do_not_break() {
    let faults = faults_in(Lang::Fr, french_faults);
    assert!(faults.is_empty(), "\n{}", faults.join("\n"));
}

#[test]
fn japanese_numbers_words_and_punctuation_are_set_without_ascii_spaces() {
    let faults = faults_in(Lang::Ja, japanese_faults);
    assert!(faults.is_empty(), "\n{}", faults.join("\n"));
}

#[test]
fn the_rules_catch_what_the_review_found() {
    // locales before #28, as the review quoted them.
    assert!(!french_faults("ne sont pas touchées ; rouvrez").is_empty());
    assert!(!french_faults("Restaurer la sauvegarde\u{a0}?").is_empty());
    assert!(french_faults("Restaurer la sauvegarde\u{202f}?").is_empty());
    assert!(french_faults("AAAA-MM-JJ HH:MM").is_empty());
    assert!(!french_faults("Préparé pour : X").is_empty());
    assert!(!japanese_faults("\u{e000} 件").is_empty());
    assert!(!japanese_faults("Kakehashi へようこそ").is_empty());
    assert!(!japanese_faults("復元しますか？現在の").is_empty());
    assert!(!japanese_faults("（最大20件)").is_empty());
    assert!(japanese_faults("カナダ → 日本").is_empty());
    assert!(japanese_faults("例：2026-12-01 09:00").is_empty());
}
