//! Amounts as integer minor units of an ISO 4217 currency: CAD has cents, JPY none.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

id_enum! {
    "UPPERCASE" pub enum Currency {
        Cad,
        Jpy,
    }
}

impl Currency {
    /// Digits after the decimal point (ISO 4217 minor unit).
    pub fn minor_digits(self) -> u32 {
        match self {
            Currency::Cad => 2,
            Currency::Jpy => 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Money {
    /// Cents for CAD, yen for JPY.
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    /// Parses an amount as a person types it in any of our locales: `12500.50`,
    /// `12,500.50`, `12 500,50` (French decimal comma), `1,234,567` (JPY).
    /// Refuses more decimals than the currency has, so ¥10.5 is an error, not a
    /// guess, and refuses a comma that could be read two ways.
    pub fn parse(text: &str, currency: Currency) -> Option<Money> {
        let digits = currency.minor_digits() as usize;
        let compact: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
            .collect();
        let (whole, frac): (String, String) = if let Some((w, f)) = compact.split_once('.') {
            (w.replace(',', ""), f.to_owned())
        } else if let Some((w, f)) = compact.rsplit_once(',') {
            let grouping = compact.split(',').skip(1).all(|g| g.len() == 3);
            if !w.contains(',') && (1..=digits).contains(&f.len()) {
                (w.to_owned(), f.to_owned())
            } else if grouping {
                (compact.replace(',', ""), String::new())
            } else {
                return None;
            }
        } else {
            (compact, String::new())
        };
        if whole.is_empty() && frac.is_empty()
            || frac.len() > digits
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let frac: i64 = if digits == 0 {
            0
        } else {
            format!("{frac:0<digits$}").parse().ok()?
        };
        let minor = whole
            .checked_mul(10_i64.pow(digits as u32))?
            .checked_add(frac)?;
        Some(Money { minor, currency })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cad_keeps_cents_and_jpy_has_none() {
        assert_eq!(
            Money::parse("1 234.5", Currency::Cad).unwrap().minor,
            123_450
        );
        assert_eq!(
            Money::parse("1,234,567", Currency::Jpy).unwrap().minor,
            1_234_567
        );
        assert!(Money::parse("10.5", Currency::Jpy).is_none());
        assert!(Money::parse("1.234", Currency::Cad).is_none());
        assert!(Money::parse("-5", Currency::Cad).is_none());
        assert!(Money::parse("", Currency::Cad).is_none());
    }

    #[test]
    fn french_decimal_comma_is_a_decimal_point() {
        assert_eq!(Money::parse("12,50", Currency::Cad).unwrap().minor, 1_250);
        assert_eq!(
            Money::parse("12 500,5", Currency::Cad).unwrap().minor,
            1_250_050
        );
        assert_eq!(
            Money::parse("1\u{202f}234,56", Currency::Cad)
                .unwrap()
                .minor,
            123_456
        );
    }

    #[test]
    fn comma_groups_thousands_when_it_cannot_be_a_decimal() {
        assert_eq!(Money::parse("1,234", Currency::Cad).unwrap().minor, 123_400);
        assert_eq!(
            Money::parse("1,234,567.5", Currency::Cad).unwrap().minor,
            123_456_750
        );
        assert_eq!(Money::parse("1,234", Currency::Jpy).unwrap().minor, 1_234);
        assert!(
            Money::parse("12,5", Currency::Jpy).is_none(),
            "yen have no decimals"
        );
        assert!(Money::parse("1,23,4", Currency::Cad).is_none());
    }
}
