//! Amounts as integer minor units of an ISO 4217 currency: CAD has cents, JPY none.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};
use ts_rs::TS;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    TS,
    EnumString,
    IntoStaticStr,
    EnumIter,
)]
#[serde(rename_all = "UPPERCASE")]
#[strum(serialize_all = "UPPERCASE")]
#[ts(export)]
pub enum Currency {
    Cad,
    Jpy,
}
sql_enum!(Currency);

impl Currency {
    /// Digits after the decimal point (ISO 4217 minor unit).
    pub fn minor_digits(self) -> u32 {
        match self {
            Currency::Cad => 2,
            Currency::Jpy => 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Money {
    /// Cents for CAD, yen for JPY.
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    /// Parses a decimal amount typed by a person ("12 500.50", "1,234,567").
    /// Refuses more decimals than the currency has, so ¥10.5 is an error, not a guess.
    pub fn parse(text: &str, currency: Currency) -> Option<Money> {
        let cleaned: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '_'))
            .collect();
        let (whole, frac) = match cleaned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (cleaned.as_str(), ""),
        };
        let digits = currency.minor_digits() as usize;
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
        let frac_padded = format!("{frac:0<digits$}");
        let frac: i64 = if digits == 0 {
            0
        } else {
            frac_padded.parse().ok()?
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
}
