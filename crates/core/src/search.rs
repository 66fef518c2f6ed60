//! Search as you type over names in any script, references, providers and notes.
//!
//! SQLite folds neither katakana to hiragana nor half-width kana, and its trigram
//! index cannot answer a query shorter than three characters. So each case is indexed
//! from normalised text (see [`normalize`]), in two FTS5 indexes:
//!
//! - a trigram index over two columns, `names` (names, readings, romaji, reference)
//!   and `other` (providers, treatment, notes), for terms of three characters or more;
//! - a word index over short-query tokens: every one- and two-character piece of a
//!   name in Japanese script, and every word of a name in Latin script (matched by
//!   prefix), for terms of one or two characters.
//!
//! Variant kanji (髙 and 高, 齋 and 斎) are kept as written: a query asks for each
//! spelling of its terms ([`variants`]), after the spelling typed. So the order is an
//! exact reference first; then the names that hold the query as typed, then those that
//! hold another spelling of it; then the same two in other text.
//!
//! Every query reads its index newest case first and stops at the limit, so the cost
//! does not grow with the number of matches.

use rusqlite::types::Value;
use rusqlite::{Connection, Transaction, params_from_iter};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use wana_kana::utils::katakana_to_hiragana::katakana_to_hiragana;

use crate::case::{CaseSummary, SUMMARIES_BY_IDS};
use crate::error::Result;
use crate::ids::CaseId;
use crate::store::Store;

pub mod variants;

/// A search result: the matched case as it appears in the case list.
pub type SearchHit = CaseSummary;

/// Ideographic variation selectors (U+FE00–FE0F, U+E0100–E01EF) pick a glyph of the
/// kanji before them (葛 followed by U+E0100): the name is the same, and search ignores them.
fn is_variation_selector(c: char) -> bool {
    matches!(c as u32, 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
}

/// The form in which both stored text and queries are compared: NFKC (half-width
/// kana and full-width Latin become ordinary), lower case, Latin accents and
/// variation selectors removed, katakana as hiragana. Variant kanji stay as written:
/// [`variants::spellings`] finds them at query time.
pub fn normalize(text: &str) -> String {
    // Every step below leaves ASCII as it is, but for case. References, English names
    // and romaji are ASCII, and this was a tenth of the demo's whole time.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    normalize_unicode(text)
}

fn normalize_unicode(text: &str) -> String {
    let nfkc: String = text.nfkc().collect::<String>().to_lowercase();
    // Accents come off Latin letters only: Japanese voiced marks (゛) are combining
    // marks too, and が is not か.
    let unaccented: String = nfkc
        .nfd()
        .filter(|c| !(is_combining_mark(*c) && ('\u{0300}'..='\u{036f}').contains(c)))
        .nfc()
        .filter(|c| !is_variation_selector(*c))
        .collect();
    katakana_to_hiragana(&unaccented)
}

/// Joins normalised parts with a separator no query term can span.
fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| normalize(p))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Romaji for a kana reading, so `takahashi` finds 高橋 when the reading is known.
pub(crate) fn romaji(kana: &str) -> String {
    use wana_kana::ConvertJapanese;
    kana.to_romaji().replace('\'', "")
}

/// Japanese script: kana (folded to hiragana by [`normalize`]) and kanji.
fn is_japanese(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// The tokens that answer one- and two-character queries: each one- and
/// two-character piece of a run of Japanese script (高橋 → 高, 橋, 高橋), and each
/// word of Latin script whole (matched by prefix at query time).
fn short_tokens(name_parts: &[&str]) -> String {
    let mut tokens: Vec<String> = Vec::new();
    for part in name_parts {
        let text = normalize(part);
        let mut run: Vec<char> = Vec::new();
        let mut word = String::new();
        let flush_run = |run: &mut Vec<char>, tokens: &mut Vec<String>| {
            for i in 0..run.len() {
                tokens.push(run[i].to_string());
                if i + 1 < run.len() {
                    tokens.push(run[i..i + 2].iter().collect());
                }
            }
            run.clear();
        };
        for c in text.chars() {
            if is_japanese(c) {
                if !word.is_empty() {
                    tokens.push(std::mem::take(&mut word));
                }
                run.push(c);
            } else {
                flush_run(&mut run, &mut tokens);
                if c.is_alphanumeric() {
                    word.push(c);
                } else if !word.is_empty() {
                    tokens.push(std::mem::take(&mut word));
                }
            }
        }
        flush_run(&mut run, &mut tokens);
        if !word.is_empty() {
            tokens.push(word);
        }
    }
    tokens.sort();
    tokens.dedup();
    tokens.join(" ")
}

/// What a case is found by, as stored in `case_search`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SearchDocument {
    pub names: String,
    pub other: String,
    pub short: String,
}

/// The one definition of what a case is found by, shared by the store and the demo
/// generator. `fields`: family and given name, their kana readings, reference,
/// provider names in en/fr/ja, treatment. Romaji of the readings is added so that
/// `takahashi` finds 高橋.
pub(crate) fn case_document(fields: [Option<&str>; 9], notes: &[&str]) -> SearchDocument {
    let romaji: Vec<String> = fields[2..4].iter().flatten().map(|k| romaji(k)).collect();
    let mut name_parts: Vec<&str> = fields[..4].iter().flatten().copied().collect();
    name_parts.extend(romaji.iter().map(String::as_str));
    let short = short_tokens(&name_parts);
    name_parts.extend(fields[4]);
    let mut other: Vec<&str> = fields[5..].iter().flatten().copied().collect();
    other.extend(notes);
    SearchDocument {
        names: joined(&name_parts),
        other: joined(&other),
        short,
    }
}

const UPSERT: &str = "INSERT INTO case_search (case_id, names, other, short) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT(case_id) DO UPDATE SET names = excluded.names, other = excluded.other, short = excluded.short";

pub(crate) fn store_document(
    tx: &Transaction<'_>,
    case: i64,
    doc: &SearchDocument,
) -> rusqlite::Result<()> {
    tx.prepare_cached(UPSERT)?
        .execute(rusqlite::params![case, doc.names, doc.other, doc.short])?;
    Ok(())
}

/// Rebuilds the search document of one case from what is stored.
pub(crate) fn index_case(tx: &Transaction<'_>, case: CaseId) -> rusqlite::Result<()> {
    let fields: Vec<Option<String>> = tx.query_row(
        "SELECT p.family_name, p.given_name, p.family_name_kana, p.given_name_kana, c.reference, v.name_en, v.name_fr, v.name_ja, c.treatment
         FROM cases c JOIN patients p ON p.id = c.patient_id LEFT JOIN providers v ON v.id = c.provider_id WHERE c.id = ?1",
        [case],
        |r| (0..9).map(|i| r.get(i)).collect(),
    )?;
    let mut notes = tx.prepare_cached("SELECT body FROM notes WHERE case_id = ?1")?;
    let bodies: Vec<String> = notes
        .query_map([case], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let f: Vec<Option<&str>> = fields.iter().map(Option::as_deref).collect();
    let notes: Vec<&str> = bodies.iter().map(String::as_str).collect();
    let doc = case_document(
        [f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]],
        &notes,
    );
    store_document(tx, case.0, &doc)
}

/// Cases whose search text schema 8 would have written otherwise: names, readings,
/// providers, treatment or notes holding a kanji it folded (`髙` to `高`) or a variation
/// selector. The parameter is a GLOB pattern.
const CASES_TO_INDEX_AGAIN: &str = "SELECT c.id FROM cases c JOIN patients p ON p.id = c.patient_id
     LEFT JOIN providers v ON v.id = c.provider_id
     WHERE (coalesce(p.family_name, '') || ' ' || coalesce(p.given_name, '') || ' ' ||
            coalesce(p.family_name_kana, '') || ' ' || coalesce(p.given_name_kana, '') || ' ' ||
            coalesce(v.name_en, '') || ' ' || coalesce(v.name_fr, '') || ' ' ||
            coalesce(v.name_ja, '') || ' ' || coalesce(c.treatment, '')) GLOB ?1
        OR EXISTS (SELECT 1 FROM notes n WHERE n.case_id = c.id AND n.body GLOB ?1)";

/// Migration 9: search text keeps variant kanji as written, so the cases whose text
/// schema 8 folded are indexed again from what is stored. Other cases' text is the
/// same either way and is left alone (a million cases need not be read twice).
pub(crate) fn index_again_with_variants_as_written(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let pattern = format!(
        "*[{}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]*",
        variants::FOLDED_BEFORE_SCHEMA_9
    );
    let ids: Vec<i64> = tx
        .prepare(CASES_TO_INDEX_AGAIN)?
        .query_map([pattern], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let again = !ids.is_empty();
    for id in ids {
        index_case(tx, CaseId(id))?;
    }
    // Indexed again row by row, the indexes are left in many small segments, and every
    // search then reads them all: at 100,000 demo cases a search for "hospital" took
    // 0.56 ms after the migration against 0.19 ms on a file made fresh. One merge each.
    if again {
        for fts in ["case_search_fts", "case_names_fts", "case_search_short"] {
            tx.execute(
                &format!("INSERT INTO {fts} ({fts}) VALUES ('optimize')"),
                [],
            )?;
        }
    }
    Ok(())
}

/// An FTS5 string literal: the term in double quotes, inner quotes doubled, so
/// nothing a person types is read as query syntax.
fn fts_phrase(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// How a query reaches the indexes: one FTS5 expression per index, either absent.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct QueryPlan {
    /// For the trigram index: every long term, as a phrase.
    pub long: Option<String>,
    /// For the short-token index: Japanese pieces exact, Latin words by prefix.
    pub short: Option<String>,
}

/// Which cases a pass of the search reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Names alone, from their own index (schema 6 on).
    Names,
    /// Names alone, by a column filter on the index of everything: files a read-only
    /// store opened before any newer Kakehashi migrated them.
    NamesColumn,
    /// Names, reference, providers, treatment and notes.
    Anywhere,
}

impl QueryPlan {
    /// Where the first pass looks: the names (as `names` says this file finds them)
    /// when there is a long term; short terms are only ever names already.
    pub(crate) fn first_scope(&self, names: Scope) -> Scope {
        if self.long.is_some() {
            names
        } else {
            Scope::Anywhere
        }
    }

    /// The statement that reads matching case ids for this plan, newest first, and its
    /// parameters; `scope` limits long terms to the names. `None` when the query asks
    /// nothing.
    pub(crate) fn statement(&self, scope: Scope, limit: i64) -> Option<(&'static str, Vec<Value>)> {
        let limit = Value::Integer(limit);
        let text = |s: &str| Value::Text(s.to_owned());
        Some(match (&self.long, &self.short) {
            (Some(long), short) => {
                let (expr, long_only, long_and_short) = match scope {
                    Scope::Names => (long.clone(), NAMES_LONG_ONLY, NAMES_LONG_AND_SHORT),
                    Scope::NamesColumn => (format!("names : ({long})"), LONG_ONLY, LONG_AND_SHORT),
                    Scope::Anywhere => (long.clone(), LONG_ONLY, LONG_AND_SHORT),
                };
                match short {
                    Some(short) => (long_and_short, vec![Value::Text(expr), text(short), limit]),
                    None => (long_only, vec![Value::Text(expr), limit]),
                }
            }
            (None, Some(short)) => (SHORT_ONLY, vec![text(short), limit]),
            (None, None) => return None,
        })
    }
}

/// How `query` reaches the indexes, as typed.
pub(crate) fn plan(query: &str) -> QueryPlan {
    plan_with(query, |term| vec![term.to_owned()])
}

/// How `query` reaches the indexes in every spelling of its variant kanji
/// ([`variants::spellings`]); `None` when it has none, so no pass is made twice.
pub(crate) fn variant_plan(query: &str) -> Option<QueryPlan> {
    let mut varied = false;
    let plan = plan_with(query, |term| {
        let spellings = variants::spellings(term);
        varied |= spellings.len() > 1;
        spellings
    });
    varied.then_some(plan)
}

/// Builds a plan; `spell` gives the spellings each term is looked up in.
fn plan_with(query: &str, mut spell: impl FnMut(&str) -> Vec<String>) -> QueryPlan {
    let any_of = |spellings: Vec<String>| {
        let phrases: Vec<String> = spellings.iter().map(|s| fts_phrase(s)).collect();
        if phrases.len() == 1 {
            phrases.join("")
        } else {
            format!("({})", phrases.join(" OR "))
        }
    };
    let normalized = normalize(query);
    let mut long = Vec::new();
    let mut short = Vec::new();
    // Control characters separate terms: FTS5 stops reading an expression at NUL,
    // and no stored text contains one (they are refused on input).
    for term in normalized
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|t| !t.is_empty())
    {
        if term.chars().count() >= 3 {
            long.push(any_of(spell(term)));
        } else if term.chars().all(is_japanese) {
            short.push(any_of(spell(term)));
        } else {
            // The word index splits on punctuation; a short term without letters or
            // digits can match nothing and is dropped rather than sent as syntax.
            let word: String = term.chars().filter(|c| c.is_alphanumeric()).collect();
            if !word.is_empty() {
                short.push(format!("{}*", fts_phrase(&word)));
            }
        }
    }
    // FTS5 joins phrases side by side with an implicit AND, but a bracketed group of
    // spellings only with an explicit one.
    let join = |v: Vec<String>| {
        let and = if v.iter().any(|t| t.starts_with('(')) {
            " AND "
        } else {
            " "
        };
        (!v.is_empty()).then(|| v.join(and))
    };
    QueryPlan {
        long: join(long),
        short: join(short),
    }
}

// Each reads its index newest first and stops at the limit.
pub(crate) const LONG_ONLY: &str =
    "SELECT rowid FROM case_search_fts WHERE case_search_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2";
pub(crate) const LONG_AND_SHORT: &str =
    "SELECT rowid FROM case_search_fts WHERE case_search_fts MATCH ?1
     AND rowid IN (SELECT rowid FROM case_search_short WHERE case_search_short MATCH ?2)
     ORDER BY rowid DESC LIMIT ?3";
pub(crate) const SHORT_ONLY: &str = "SELECT rowid FROM case_search_short WHERE case_search_short MATCH ?1 ORDER BY rowid DESC LIMIT ?2";
pub(crate) const NAMES_LONG_ONLY: &str =
    "SELECT rowid FROM case_names_fts WHERE case_names_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2";
pub(crate) const NAMES_LONG_AND_SHORT: &str =
    "SELECT rowid FROM case_names_fts WHERE case_names_fts MATCH ?1
     AND rowid IN (SELECT rowid FROM case_search_short WHERE case_search_short MATCH ?2)
     ORDER BY rowid DESC LIMIT ?3";

/// Matching case ids, newest first, at most `limit`, skipping `seen`.
fn matching_ids(
    conn: &Connection,
    plan: &QueryPlan,
    scope: Scope,
    limit: usize,
    seen: &[i64],
) -> rusqlite::Result<Vec<i64>> {
    let fetch = (limit + seen.len()) as i64;
    let Some((sql, values)) = plan.statement(scope, fetch) else {
        return Ok(vec![]);
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let ids = stmt
        .query_map(params_from_iter(values.iter()), |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ids
        .into_iter()
        .filter(|id| !seen.contains(id))
        .take(limit)
        .collect())
}

/// The passes of a search, best matches first: the names holding the terms as typed,
/// then in another spelling (`variants`), then the same two anywhere. `names`: how this
/// file finds names alone ([`Scope::Names`] or [`Scope::NamesColumn`]).
pub(crate) fn passes<'a>(
    exact: &'a QueryPlan,
    variants: Option<&'a QueryPlan>,
    names: Scope,
) -> Vec<(&'a QueryPlan, Scope)> {
    let mut out = vec![(exact, exact.first_scope(names))];
    out.extend(variants.map(|v| (v, v.first_scope(names))));
    // Short terms are only ever names: the first passes have read everything.
    if exact.long.is_some() {
        out.push((exact, Scope::Anywhere));
        out.extend(variants.map(|v| (v, Scope::Anywhere)));
    }
    out
}

/// `names`: how this file finds names alone ([`Scope::Names`] or [`Scope::NamesColumn`]).
pub(crate) fn search(
    conn: &Connection,
    query: &str,
    limit: u32,
    names: Scope,
) -> rusqlite::Result<Vec<SearchHit>> {
    let limit = limit as usize;
    let plan = plan(query);
    let variants = variant_plan(query);
    // Every pass and the summaries read one state of the file.
    let _snapshot = crate::store::snapshot(conn)?;
    let mut ids: Vec<i64> = Vec::new();
    // A whole reference is an exact hit and comes first.
    let exact: Option<i64> = conn
        .prepare_cached(crate::case::CASE_BY_REFERENCE)?
        .query_row([query.trim().to_uppercase()], |r| r.get(0))
        .ok();
    ids.extend(exact);
    for (pass, scope) in passes(&plan, variants.as_ref(), names) {
        if ids.len() >= limit {
            break;
        }
        let more = matching_ids(conn, pass, scope, limit - ids.len(), &ids)?;
        ids.extend(more);
    }
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let id_list = serde_json::to_string(&ids).expect("integers serialise");
    let mut stmt = conn.prepare_cached(SUMMARIES_BY_IDS)?;
    let mut hits: Vec<SearchHit> = stmt
        .query_map([id_list], CaseSummary::from_row)?
        .collect::<rusqlite::Result<_>>()?;
    // Each hit's rank looked up once, not at every comparison of the sort.
    hits.sort_by_cached_key(|h| ids.iter().position(|id| *id == h.id.0));
    Ok(hits)
}

impl Store {
    /// Cases matching `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        Ok(search(
            self.conn(),
            query,
            limit.clamp(1, 500),
            self.names_scope(),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn ascii_takes_the_short_way_to_the_same_form(text in "[\\x00-\\x7f]{0,40}") {
            proptest::prop_assert_eq!(normalize(&text), normalize_unicode(&text));
        }
    }

    #[test]
    fn katakana_and_half_width_fold_together_but_variant_kanji_stay() {
        assert_eq!(normalize("タカハシ"), "たかはし");
        assert_eq!(normalize("ﾀｶﾊｼ"), "たかはし");
        assert_eq!(normalize("髙橋"), "髙橋");
        assert_eq!(normalize("山﨑"), "山﨑");
        assert_eq!(normalize("葛\u{E0100}西"), "葛西", "variation selectors go");
    }

    #[test]
    fn a_variant_plan_asks_for_every_spelling_and_none_without_variants() {
        let v = variant_plan("髙橋 ken 斎藤健").unwrap();
        assert_eq!(v.short.as_deref(), Some("(\"髙橋\" OR \"高橋\")"));
        let long = v.long.unwrap();
        assert!(long.starts_with("\"ken\" AND (\"斎藤健\" OR "), "{long}");
        assert!(long.contains("\"齋藤健\""), "{long}");
        assert_eq!(variant_plan("田中 ken"), None);
    }

    #[test]
    fn exact_passes_come_before_variant_passes() {
        let exact = plan("髙橋健一");
        let variants = variant_plan("髙橋健一");
        let order: Vec<(bool, Scope)> = passes(&exact, variants.as_ref(), Scope::Names)
            .iter()
            .map(|(p, s)| (std::ptr::eq(*p, &exact), *s))
            .collect();
        assert_eq!(
            order,
            [
                (true, Scope::Names),
                (false, Scope::Names),
                (true, Scope::Anywhere),
                (false, Scope::Anywhere)
            ]
        );
    }

    #[test]
    fn latin_accents_and_case_fold_but_voiced_kana_stay() {
        assert_eq!(normalize("Côté ÉLODIE"), "cote elodie");
        assert_eq!(normalize("ガ"), "が");
        assert_ne!(normalize("が"), normalize("か"));
    }

    #[test]
    fn full_width_latin_becomes_ascii() {
        assert_eq!(normalize("ＫＨ－２０２６"), "kh-2026");
    }

    #[test]
    fn romaji_of_a_reading() {
        assert_eq!(romaji("たかはし"), "takahashi");
    }

    #[test]
    fn short_tokens_cover_japanese_pieces_and_latin_words() {
        let tokens = short_tokens(&["高橋", "健一", "タカハシ", "Côté Élodie"]);
        let tokens: Vec<&str> = tokens.split(' ').collect();
        for t in [
            "高", "橋", "高橋", "健", "健一", "た", "たか", "はし", "cote", "elodie",
        ] {
            assert!(tokens.contains(&t), "{t} missing from {tokens:?}");
        }
        assert!(!tokens.contains(&"高橋健"), "no piece longer than two");
    }

    #[test]
    fn plan_sends_each_term_to_the_index_that_can_answer_it() {
        let p = plan("髙橋 ken CÔTÉ");
        assert_eq!(p.short.as_deref(), Some("\"髙橋\""));
        assert_eq!(p.long.as_deref(), Some("\"ken\" \"cote\""));
        assert_eq!(plan("ro").short.as_deref(), Some("\"ro\"*"));
        assert_eq!(plan("* %").short, None, "punctuation alone asks nothing");
        assert_eq!(
            plan("before\0after").long.as_deref(),
            Some("\"before\" \"after\"")
        );
    }

    #[test]
    fn fts_phrase_quotes_syntax() {
        assert_eq!(fts_phrase(r#"a"b OR c"#), r#""a""b OR c""#);
    }
}
