//! Search as you type over names in any script, references, providers and notes.
//!
//! SQLite folds neither katakana to hiragana, nor half-width kana, nor variant kanji,
//! and its trigram index cannot answer a query shorter than three characters. So each
//! case gets one normalised text (see [`normalize`]); queries are normalised the same
//! way; terms of three or more characters go through the FTS5 trigram index and
//! shorter ones through a substring scan of the same text.

use rusqlite::{Connection, Transaction, params_from_iter};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use wana_kana::utils::katakana_to_hiragana::katakana_to_hiragana;

use crate::case::{CaseSummary, SUMMARY_SELECT};
use crate::error::Result;
use crate::ids::CaseId;
use crate::store::Store;

/// A search result: the matched case as it appears in the case list.
pub type SearchHit = CaseSummary;

/// Old and variant forms of kanji common in family names, mapped to the form people
/// type. Unicode keeps them distinct on purpose (a family registers one form), so no
/// normalisation form folds them.
const KANJI_VARIANTS: &[(char, char)] = &[
    ('髙', '高'),
    ('﨑', '崎'),
    ('嵜', '崎'),
    ('邊', '辺'),
    ('邉', '辺'),
    ('齋', '斎'),
    ('齊', '斉'),
    ('濱', '浜'),
    ('澤', '沢'),
    ('櫻', '桜'),
    ('國', '国'),
    ('廣', '広'),
    ('嶋', '島'),
    ('嶌', '島'),
    ('冨', '富'),
    ('德', '徳'),
    ('惠', '恵'),
    ('眞', '真'),
    ('藏', '蔵'),
    ('龍', '竜'),
    ('瀨', '瀬'),
    ('槇', '槙'),
    ('曾', '曽'),
    ('舩', '船'),
];

/// The form in which both stored text and queries are compared: NFKC (half-width
/// kana and full-width Latin become ordinary), lower case, Latin accents removed,
/// katakana as hiragana, variant kanji as their common form.
pub fn normalize(text: &str) -> String {
    let nfkc: String = text.nfkc().collect::<String>().to_lowercase();
    // Accents come off Latin letters only: Japanese voiced marks (゛) are combining
    // marks too, and が is not か.
    let unaccented: String = nfkc
        .nfd()
        .filter(|c| !(is_combining_mark(*c) && ('\u{0300}'..='\u{036f}').contains(c)))
        .nfc()
        .map(|c| {
            KANJI_VARIANTS
                .iter()
                .find(|(v, _)| *v == c)
                .map_or(c, |(_, n)| *n)
        })
        .collect();
    katakana_to_hiragana(&unaccented)
}

/// What a case is found by, joined and normalised. Names come first so that a match
/// early in the text is a match on the name, which ranks first for short queries.
pub(crate) fn search_text(parts: &[&str]) -> String {
    let mut text = String::new();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push_str(" | ");
        }
        text.push_str(&normalize(part));
    }
    text
}

/// Romaji for a kana reading, so `takahashi` finds 高橋 when the reading is known.
pub(crate) fn romaji(kana: &str) -> String {
    use wana_kana::ConvertJapanese;
    kana.to_romaji().replace('\'', "")
}

/// The one definition of what a case is found by, shared by the store and the demo
/// generator. `fields`: family and given name, their kana readings, reference,
/// provider names in en/fr/ja, treatment. Romaji of the readings is added so that
/// `takahashi` finds 高橋.
pub(crate) fn case_text(fields: [Option<&str>; 9], notes: &[&str]) -> String {
    let romaji: Vec<String> = fields[2..4].iter().flatten().map(|k| romaji(k)).collect();
    let mut parts: Vec<&str> = fields[..4].iter().flatten().copied().collect();
    parts.extend(romaji.iter().map(String::as_str));
    parts.extend(fields[4..].iter().flatten().copied());
    parts.extend(notes);
    search_text(&parts)
}

/// Rebuilds the search text of one case from what is stored.
pub(crate) fn index_case(tx: &Transaction<'_>, case: CaseId) -> rusqlite::Result<()> {
    // Names first, then readings, reference, provider names, treatment.
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
    let text = case_text(
        [f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]],
        &notes,
    );
    tx.prepare_cached("INSERT INTO case_search (case_id, text) VALUES (?1, ?2) ON CONFLICT(case_id) DO UPDATE SET text = excluded.text")?
        .execute(rusqlite::params![case, text])?;
    Ok(())
}

/// An FTS5 string literal: the term in double quotes, inner quotes doubled, so
/// nothing a person types is read as query syntax.
fn fts_phrase(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

pub(crate) fn search(
    conn: &Connection,
    query: &str,
    limit: u32,
) -> rusqlite::Result<Vec<SearchHit>> {
    let normalized = normalize(query);
    let terms: Vec<&str> = normalized.split_whitespace().collect();
    if terms.is_empty() {
        return Ok(vec![]);
    }
    let (long, short): (Vec<&str>, Vec<&str>) = terms.iter().partition(|t| t.chars().count() >= 3);
    let mut params: Vec<String> = vec![query.trim().to_uppercase()];
    let mut filters = Vec::new();
    for t in &short {
        params.push((*t).to_owned());
        filters.push(format!("instr(s.text, ?{}) > 0", params.len()));
    }
    let filter = if filters.is_empty() {
        String::new()
    } else {
        format!(" AND {}", filters.join(" AND "))
    };
    params.push(limit.to_string());
    let limit_param = params.len();
    let sql = if long.is_empty() {
        // No trigram can help: scan the normalised text; earlier matches are name matches.
        format!(
            "{SUMMARY_SELECT} JOIN case_search s ON s.case_id = c.id WHERE 1{filter}
             ORDER BY c.reference = ?1 DESC, instr(s.text, ?2), c.id DESC LIMIT ?{limit_param}"
        )
    } else {
        params.push(
            long.iter()
                .map(|t| fts_phrase(t))
                .collect::<Vec<_>>()
                .join(" "),
        );
        let match_param = params.len();
        format!(
            "{SUMMARY_SELECT} JOIN case_search_fts f ON f.rowid = c.id JOIN case_search s ON s.case_id = c.id
             WHERE case_search_fts MATCH ?{match_param}{filter}
             ORDER BY c.reference = ?1 DESC, c.reference LIKE '%' || ?1 DESC, f.rank, c.id DESC LIMIT ?{limit_param}"
        )
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_map(params_from_iter(params.iter()), CaseSummary::from_row)?
        .collect()
}

impl Store {
    /// Cases matching `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        Ok(search(self.conn(), query, limit.clamp(1, 500))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn katakana_half_width_and_variants_fold_together() {
        assert_eq!(normalize("タカハシ"), "たかはし");
        assert_eq!(normalize("ﾀｶﾊｼ"), "たかはし");
        assert_eq!(normalize("髙橋"), "高橋");
        assert_eq!(normalize("山﨑"), "山崎");
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
    fn fts_phrase_quotes_syntax() {
        assert_eq!(fts_phrase(r#"a"b OR c"#), r#""a""b OR c""#);
    }
}
