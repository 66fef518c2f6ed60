//! One term per concept: no message uses a variant `locales/glossary.toml` rejects, and
//! every term the glossary prefers is in use.

use std::collections::HashMap;

use kakehashi_core::Lang;
use serde::Deserialize;

use super::catalogue::{Message, is_japanese, messages};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Glossary {
    term: Vec<Term>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    concept: String,
    en: String,
    fr: String,
    ja: String,
    source: String,
    #[serde(default)]
    #[allow(dead_code)] // read by people: why a term was chosen
    note: Option<String>,
    #[serde(default)]
    reject: HashMap<Lang, Vec<String>>,
    #[serde(default)]
    allow: HashMap<Lang, Vec<String>>,
    #[serde(default)]
    only_in: Vec<String>,
}

impl Term {
    fn preferred(&self, lang: Lang) -> Vec<&str> {
        let text = match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
            Lang::Ja => &self.ja,
        };
        text.split(" / ").filter(|t| *t != "—").collect()
    }

    fn applies_to(&self, id: &str) -> bool {
        self.only_in.is_empty() || self.only_in.iter().any(|p| id.starts_with(p.as_str()))
    }
}

fn glossary() -> Glossary {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/glossary.toml");
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A Latin letter, whose neighbours decide whether a match is a whole word.
fn latin_letter(c: char) -> bool {
    c.is_alphabetic() && !is_japanese(c)
}

/// Where `variant` occurs in `text` outside every `allow` phrase, ignoring case. A
/// variant ending in `*` matches the beginning of a word; otherwise an edge that is a
/// Latin letter must be a word's edge.
fn rejected_at(text: &str, variant: &str, allow: &[String]) -> Option<usize> {
    let text = text.to_lowercase();
    let (variant, prefix) = match variant.strip_suffix('*') {
        Some(v) => (v.to_lowercase(), true),
        None => (variant.to_lowercase(), false),
    };
    let allowed: Vec<(usize, usize)> = allow
        .iter()
        .flat_map(|a| {
            let a = a.to_lowercase();
            text.match_indices(&a)
                .map(|(i, m)| (i, i + m.len()))
                .collect::<Vec<_>>()
        })
        .collect();
    let first = variant.chars().next()?;
    let last = variant.chars().last()?;
    text.match_indices(&variant).map(|(i, _)| i).find(|&i| {
        let end = i + variant.len();
        let before = text[..i].chars().next_back();
        let after = text[end..].chars().next();
        let starts_word = !latin_letter(first) || !before.is_some_and(char::is_alphabetic);
        let ends_word = prefix || !latin_letter(last) || !after.is_some_and(char::is_alphabetic);
        starts_word && ends_word && !allowed.iter().any(|(a, b)| *a <= i && end <= *b)
    })
}

#[test]
fn the_glossary_names_a_source_and_terms_in_every_language() {
    for t in glossary().term {
        assert!(!t.source.trim().is_empty(), "{}: no source", t.concept);
        for term in [&t.en, &t.fr, &t.ja] {
            assert!(
                !term.trim().is_empty(),
                "{}: a language has no term",
                t.concept
            );
        }
        // A term never rejects itself: its preferred words pass its own rules.
        if t.only_in.is_empty() {
            for (lang, variants) in &t.reject {
                let allow = t.allow.get(lang).map(Vec::as_slice).unwrap_or_default();
                for p in t.preferred(*lang) {
                    for v in variants {
                        assert!(
                            rejected_at(p, v, allow).is_none(),
                            "{}: {lang:?} rejects its own term {p:?} ({v:?})",
                            t.concept
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn rejection_matches_whole_words_prefixes_and_skips_allowed_phrases() {
    let allow = ["base de données".to_owned()];
    assert_eq!(
        rejected_at("Cette base est chiffrée", "base", &allow),
        Some(6)
    );
    assert_eq!(rejected_at("Cette base de données", "base", &allow), None);
    assert_eq!(rejected_at("Un fichier basé sur", "base", &[]), None);
    assert_eq!(rejected_at("A effacé le patient", "effac*", &[]), Some(2));
    assert_eq!(rejected_at("Exporter le dossier", "export", &[]), None);
    assert_eq!(
        rejected_at("Enregistrer l’export sous", "export", &[]),
        Some(16)
    );
    assert_eq!(rejected_at("すべて書き出す", "書き出", &[]), Some(9));
}

#[test]
fn no_message_uses_a_variant_the_glossary_rejects() {
    let glossary = glossary();
    let mut found = Vec::new();
    for lang in Lang::all() {
        let catalogue: Vec<Message> = messages(lang);
        for t in &glossary.term {
            let Some(variants) = t.reject.get(&lang) else {
                continue;
            };
            let allow = t.allow.get(&lang).map(Vec::as_slice).unwrap_or_default();
            for m in catalogue.iter().filter(|m| t.applies_to(&m.id)) {
                for text in &m.texts {
                    for v in variants {
                        if rejected_at(text, v, allow).is_some() {
                            found.push(format!(
                                "{lang:?} {}: {v:?} in {text:?} — the glossary says {:?} ({})",
                                m.id,
                                t.preferred(lang).join(" / "),
                                t.concept
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}

#[test]
fn every_preferred_term_is_in_use() {
    let glossary = glossary();
    let mut unused = Vec::new();
    for lang in Lang::all() {
        let all: String = messages(lang)
            .iter()
            .flat_map(|m| m.texts.iter().map(|t| t.to_lowercase()))
            .collect::<Vec<_>>()
            .join("\n");
        for t in &glossary.term {
            let preferred = t.preferred(lang);
            if !preferred.is_empty() && !preferred.iter().any(|p| all.contains(&p.to_lowercase())) {
                unused.push(format!("{lang:?} {:?} ({})", preferred, t.concept));
            }
        }
    }
    assert!(unused.is_empty(), "\n{}", unused.join("\n"));
}
