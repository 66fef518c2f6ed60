//! Kanji that write the same family name in different forms, so that a name typed in
//! one form finds the names registered in another.
//!
//! A family registers one form of its name (髙橋, not 高橋), and Unicode keeps the forms
//! apart on purpose: no normalisation form folds them. People type the form their input
//! method offers first, or the one they remember; a coordinator searching 高橋 must find
//! 髙橋, and one searching 髙橋 must see 髙橋 first. So search keeps names as written
//! and asks for every spelling of a query ([`spellings`]), exact matches first.
//!
//! Each group names the forms of one character, the form in common use first, and
//! where the grouping comes from:
//!
//! - [`Source::JoyoOld`]: 常用漢字表 (平成22年内閣告示第2号), which gives the old form
//!   (いわゆる康熙字典体) in parentheses beside the form in use: 櫻 for 桜, 澤 for 沢.
//! - [`Source::Jinmei`]: 戸籍法施行規則 別表第二 (人名用漢字), whose forms may be
//!   given to children, several as a pair of forms of one character: 彌 and 弥.
//! - [`Source::Koseki`]: 戸籍統一文字 (法務省), forms that family registers hold though
//!   the tables for new names do not list them: 髙, 﨑 (U+FA11, which no normalisation
//!   folds), 邉, 濵, 𠮷 (U+20BB7, beyond the BMP).
//! - [`Source::Confused`]: distinct characters that the same family name is written
//!   with and that people mix up: 斉藤 and 斎藤 (and their old forms 齊, 齋), 園田 and
//!   薗田.
//!
//! A character belongs to at most one group (a test checks it).

/// Where a group of forms comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// 常用漢字表 (平成22年内閣告示第2号): the old form given in parentheses.
    JoyoOld,
    /// 戸籍法施行規則 別表第二 (人名用漢字): two forms of one character.
    Jinmei,
    /// 戸籍統一文字 (法務省): forms held in family registers.
    Koseki,
    /// Different characters that one family name is written with, often confused.
    Confused,
}

/// The forms of one character, the common form first.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    pub forms: &'static str,
    pub sources: &'static [Source],
}

const fn group(forms: &'static str, sources: &'static [Source]) -> Group {
    Group { forms, sources }
}

use Source::{Confused, Jinmei, JoyoOld, Koseki};

/// Forms of kanji common in family names, the form in common use first.
pub const GROUPS: &[Group] = &[
    group("斉齊斎齋", &[JoyoOld, Confused]),
    group("辺邊邉", &[JoyoOld, Koseki]),
    group("沢澤", &[JoyoOld]),
    group("崎﨑嵜", &[Koseki]),
    group("浜濱濵", &[JoyoOld, Koseki]),
    group("竜龍", &[JoyoOld]),
    group("桜櫻", &[JoyoOld]),
    group("広廣", &[JoyoOld]),
    group("恵惠", &[JoyoOld]),
    group("高髙", &[Koseki]),
    group("吉𠮷", &[Koseki]),
    group("国國", &[JoyoOld]),
    group("島嶋嶌", &[Koseki]),
    group("富冨", &[Koseki]),
    group("徳德", &[JoyoOld]),
    group("真眞", &[JoyoOld]),
    group("蔵藏", &[JoyoOld]),
    group("瀬瀨", &[JoyoOld]),
    group("槙槇", &[Koseki]),
    group("曽曾", &[JoyoOld]),
    group("船舩", &[Koseki]),
    group("滝瀧", &[JoyoOld]),
    group("野埜", &[Koseki]),
    group("峰峯", &[Koseki]),
    group("園薗", &[Confused]),
    group("実實", &[JoyoOld]),
    group("寿壽", &[JoyoOld]),
    group("栄榮", &[JoyoOld]),
    group("黒黑", &[JoyoOld]),
    group("条條", &[JoyoOld]),
    group("万萬", &[JoyoOld]),
    group("礼禮", &[JoyoOld]),
    group("来來", &[JoyoOld]),
    group("郎郞", &[JoyoOld]),
    group("関關", &[JoyoOld]),
    group("鉄鐵", &[JoyoOld]),
    group("弥彌", &[Jinmei]),
    group("桧檜", &[Jinmei]),
];

/// The forms `c` may be written in, itself among them; `None` for a character with one.
pub fn forms_of(c: char) -> Option<&'static str> {
    GROUPS.iter().find(|g| g.forms.contains(c)).map(|g| g.forms)
}

/// At most this many spellings of one query term are asked for: a term of four
/// characters from groups of four would otherwise ask for 256.
pub const MAX_SPELLINGS: usize = 64;

/// Every spelling of `term` with the other forms of its characters, `term` itself
/// first, at most [`MAX_SPELLINGS`]. A term without such characters has one spelling.
pub fn spellings(term: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in term.chars() {
        let mut next = Vec::new();
        let alternatives: Vec<char> = match forms_of(c) {
            // The typed form first, so that the first spelling is the term itself.
            Some(forms) => std::iter::once(c)
                .chain(forms.chars().filter(|f| *f != c))
                .collect(),
            None => vec![c],
        };
        for prefix in &out {
            for a in &alternatives {
                if next.len() == MAX_SPELLINGS {
                    break;
                }
                let mut s = prefix.clone();
                s.push(*a);
                next.push(s);
            }
        }
        out = next;
    }
    out
}

/// The characters the search text of schema 8 and before folded to a common form
/// (`髙` to `高`): a case whose text holds one is indexed again by migration 9.
pub(crate) const FOLDED_BEFORE_SCHEMA_9: &str = "髙﨑嵜邊邉齋齊濱澤櫻國廣嶋嶌冨德惠眞藏龍瀨槇曾舩";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_character_is_in_one_group_and_each_group_has_a_source() {
        let mut seen = std::collections::HashSet::new();
        for g in GROUPS {
            assert!(g.forms.chars().count() >= 2, "{}", g.forms);
            assert!(!g.sources.is_empty(), "{}", g.forms);
            for c in g.forms.chars() {
                assert!(seen.insert(c), "{c} is in two groups");
            }
        }
    }

    #[test]
    fn the_forms_people_confuse_share_a_group() {
        for pair in [
            "斉斎", "斉齋", "斎齊", "辺邊", "辺邉", "沢澤", "崎﨑", "崎嵜", "浜濱", "浜濵", "竜龍",
            "桜櫻", "広廣", "恵惠", "高髙", "吉𠮷",
        ] {
            let mut chars = pair.chars();
            let (a, b) = (chars.next().unwrap(), chars.next().unwrap());
            assert_eq!(forms_of(a), forms_of(b), "{pair}");
            assert!(forms_of(a).is_some(), "{pair}");
        }
    }

    #[test]
    fn spellings_start_with_the_term_and_cover_every_form() {
        assert_eq!(spellings("田中"), ["田中"]);
        assert_eq!(spellings("髙橋"), ["髙橋", "高橋"]);
        let saito = spellings("齋藤");
        assert_eq!(saito[0], "齋藤");
        for s in ["斉藤", "齊藤", "斎藤"] {
            assert!(saito.contains(&s.to_owned()), "{s}");
        }
        assert_eq!(spellings("𠮷田")[1], "吉田");
        // Four characters of groups of four: capped, the term itself still first.
        let many = spellings("斉斎齊齋");
        assert_eq!(many.len(), MAX_SPELLINGS);
        assert_eq!(many[0], "斉斎齊齋");
    }

    #[test]
    fn every_character_schema_8_folded_has_its_group() {
        for c in FOLDED_BEFORE_SCHEMA_9.chars() {
            assert!(forms_of(c).is_some(), "{c}");
        }
    }
}
