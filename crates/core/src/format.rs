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

/// A calendar date, medium length: `Apr 2, 1961`, `2 avr. 1961`, `1961/04/02`.
/// With `japanese_era`, Japanese dates use the imperial era (`昭和36/4/2`).
pub fn date(lang: Lang, date: NaiveDate, japanese_era: bool) -> String {
    let tag = match lang {
        Lang::Ja if japanese_era => "ja-JP-u-ca-japanese",
        _ => lang.locale(),
    };
    let formatter = DateTimeFormatter::try_new(locale(tag).into(), YMD::medium())
        .expect("compiled CLDR data covers en, fr and ja");
    let month = u8::try_from(date.month()).expect("month fits");
    let day = u8::try_from(date.day()).expect("day fits");
    match Date::try_new_iso(date.year(), month, day) {
        Ok(d) => formatter.format(&d).to_string(),
        // Outside ICU's range (year ±9999): the ISO form is still unambiguous.
        Err(_) => date.to_string(),
    }
}

/// An amount with its currency as the language writes it: `$12,500.50`,
/// `12 500,50 $`, `￥1,234,567`.
pub fn money(lang: Lang, m: Money) -> String {
    let code: &'static str = m.currency.into();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    /// Spaces differ between CLDR versions (narrow or plain no-break): compare without them.
    fn squash(s: &str) -> String {
        s.replace(['\u{a0}', '\u{202f}'], " ")
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
        // en-CA marks the yen as Japanese, as Intl does.
        assert_eq!(money(Lang::En, jpy), "JP¥123,456");
    }

    #[test]
    fn dates_follow_each_language_and_the_era_on_request() {
        let d = NaiveDate::from_ymd_opt(1961, 4, 2).unwrap();
        assert_eq!(date(Lang::En, d, false), "Apr 2, 1961");
        assert_eq!(squash(&date(Lang::Fr, d, false)), "2 avr. 1961");
        assert_eq!(date(Lang::Ja, d, false), "1961/04/02");
        assert!(
            date(Lang::Ja, d, true).contains("昭和36"),
            "{}",
            date(Lang::Ja, d, true)
        );
    }
}
