//! Dates and amounts as each language writes them (CLDR data through ICU4X), for
//! the text the core writes itself: the command line today, exports tomorrow.
//! The UI formats with the webview's `Intl`, which follows the same CLDR rules.

use chrono::{Datelike, NaiveDate};
use fixed_decimal::Decimal;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_locale_core::Locale;
use icu_locale_core::preferences::extensions::unicode::keywords::CurrencyType;

use crate::i18n::Lang;
use crate::money::Money;

fn locale(tag: &str) -> Locale {
    tag.parse()
        .expect("the three locales are valid BCP 47 tags")
}

/// How long a date is written: medium in English and French (`Apr 2, 1961`), long in
/// Japanese, where hospitals and patients write 年月日 (`1961年4月2日`), not `1961/04/02`.
fn ymd(lang: Lang) -> YMD {
    match lang {
        Lang::Ja => YMD::long(),
        _ => YMD::medium(),
    }
}

/// A calendar date: `Apr 2, 1961`, `2 avr. 1961`, `1961年4月2日`.
/// With `japanese_era`, Japanese dates use the imperial era (`昭和36年4月2日`).
pub fn date(lang: Lang, date: NaiveDate, japanese_era: bool) -> String {
    let tag = match lang {
        Lang::Ja if japanese_era => "ja-JP-u-ca-japanese",
        _ => lang.locale(),
    };
    let formatter = DateTimeFormatter::try_new(locale(tag).into(), ymd(lang))
        .expect("compiled CLDR data covers en, fr and ja");
    let month = u8::try_from(date.month()).expect("month fits");
    let day = u8::try_from(date.day()).expect("day fits");
    match Date::try_new_iso(date.year(), month, day) {
        Ok(d) => formatter.format(&d).to_string(),
        // Outside ICU's range (year ±9999): the ISO form is still unambiguous.
        Err(_) => date.to_string(),
    }
}

/// An instant as the clock reads it in `zone`, with the zone's abbreviation:
/// `Dec 1, 2026, 9:00 AM JST`, `1 déc. 2026, 09 h 00 JST`, `2026年12月1日 9:00 JST`.
pub fn instant_in(lang: Lang, instant: chrono::DateTime<chrono::Utc>, zone: &str) -> String {
    use chrono::Timelike;
    let tz: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::Tz::UTC);
    let local = instant.with_timezone(&tz);
    let formatter =
        DateTimeFormatter::try_new(locale(lang.locale()).into(), ymd(lang).with_time_hm())
            .expect("compiled CLDR data covers en, fr and ja");
    let date = local.date_naive();
    let parts = (
        Date::try_new_iso(
            date.year(),
            u8::try_from(date.month()).expect("month fits"),
            u8::try_from(date.day()).expect("day fits"),
        ),
        icu_datetime::input::Time::try_new(
            u8::try_from(local.hour()).expect("hour fits"),
            u8::try_from(local.minute()).expect("minute fits"),
            0,
            0,
        ),
    );
    let text = match parts {
        (Ok(date), Ok(time)) => formatter
            .format(&icu_datetime::input::DateTime { date, time })
            .to_string(),
        _ => local.format("%Y-%m-%d %H:%M").to_string(),
    };
    format!("{text} {}", local.format("%Z"))
}

/// A country's name from its ISO 3166 code, as the language writes it (`JP` →
/// `Japan`, `Japon`, `日本`); the code itself if CLDR has no name for it.
pub fn region(lang: Lang, code: &str) -> String {
    use icu_experimental::displaynames::DisplayNamesOptions;
    use icu_experimental::displaynames::multi::RegionDisplayNames;
    let Ok(region) = code.parse::<icu_locale_core::subtags::Region>() else {
        return code.to_owned();
    };
    RegionDisplayNames::try_new(locale(lang.locale()).into(), DisplayNamesOptions::default())
        .ok()
        .and_then(|names| names.of(region).map(str::to_owned))
        .unwrap_or_else(|| code.to_owned())
}

/// An amount with its currency as the language writes it: `$12,500.50`,
/// `12 500,50 $`, `￥1,234,567`. Japanese writes a foreign currency by its code
/// (`CAD 12,500.50`): CLDR's `CA$` reads as an English abbreviation there.
pub fn money(lang: Lang, m: Money) -> String {
    let code: &'static str = m.currency.into();
    if lang == Lang::Ja && m.currency != crate::money::Currency::Jpy {
        return format!("{code}\u{a0}{}", amount(lang, m));
    }
    let currency = CurrencyType::try_from_str(code).expect("ISO 4217 code");
    let formatter = CurrencyFormatter::try_new_symbol(
        locale(lang.locale()).into(),
        currency,
        Default::default(),
    )
    .expect("compiled CLDR data covers CAD and JPY");
    let digits = i16::try_from(m.currency.minor_digits()).expect("few digits");
    let mut value = Decimal::from(m.minor);
    value.multiply_pow10(-digits);
    formatter.format_fixed_decimal(&value).to_string()
}

/// The amount alone, grouped as the language groups it, with the currency's digits.
fn amount(lang: Lang, m: Money) -> String {
    let digits = i16::try_from(m.currency.minor_digits()).expect("few digits");
    let mut value = Decimal::from(m.minor);
    value.multiply_pow10(-digits);
    value.pad_end(-digits);
    icu_decimal::DecimalFormatter::try_new(locale(lang.locale()).into(), Default::default())
        .expect("compiled CLDR data covers en, fr and ja")
        .format(&value)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    /// Spaces differ between CLDR versions (narrow or plain no-break): compare without them.
    fn squash(s: &str) -> String {
        s.replace(['\u{a0}', '\u{202f}'], " ")
    }

    #[test]
    fn countries_are_named_in_each_language() {
        assert_eq!(region(Lang::En, "JP"), "Japan");
        assert_eq!(region(Lang::Fr, "CA"), "Canada");
        assert_eq!(region(Lang::Ja, "JP"), "日本");
        assert_eq!(region(Lang::Ja, "zz!"), "zz!");
    }

    #[test]
    fn an_instant_reads_in_the_zone_asked_for() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z")
            .unwrap()
            .to_utc();
        let tokyo = squash(&instant_in(Lang::En, at, "Asia/Tokyo"));
        assert!(
            tokyo.contains("Dec 1, 2026") && tokyo.contains("9:00") && tokyo.ends_with("JST"),
            "{tokyo}"
        );
        let toronto = squash(&instant_in(Lang::Fr, at, "America/Toronto"));
        assert!(
            toronto.contains("30 nov. 2026") && toronto.contains("19") && toronto.ends_with("EST"),
            "{toronto}"
        );
        let ja = instant_in(Lang::Ja, at, "Asia/Tokyo");
        assert!(
            ja.starts_with("2026年12月1日") && ja.contains("9:00"),
            "{ja}"
        );
    }

    #[test]
    fn amounts_follow_each_language() {
        let cad = Money {
            minor: 123_456,
            currency: Currency::Cad,
        };
        let jpy = Money {
            minor: 123_456,
            currency: Currency::Jpy,
        };
        assert_eq!(money(Lang::En, cad), "$1,234.56");
        assert_eq!(squash(&money(Lang::Fr, cad)), "1 234,56 $");
        assert_eq!(money(Lang::Ja, jpy), "￥123,456");
        assert_eq!(money(Lang::Ja, cad), "CAD\u{a0}1,234.56");
        // en-CA marks the yen as Japanese, as Intl does.
        assert_eq!(money(Lang::En, jpy), "JP¥123,456");
    }

    #[test]
    fn dates_follow_each_language_and_the_era_on_request() {
        let d = NaiveDate::from_ymd_opt(1961, 4, 2).unwrap();
        assert_eq!(date(Lang::En, d, false), "Apr 2, 1961");
        assert_eq!(squash(&date(Lang::Fr, d, false)), "2 avr. 1961");
        assert_eq!(date(Lang::Ja, d, false), "1961年4月2日");
        assert_eq!(date(Lang::Ja, d, true), "昭和36年4月2日");
    }
}
