//! IANA time zones. An event happens at a local time in a zone and is stored as a UTC
//! instant; people type and read it in that zone, and in the patient's and the
//! coordinator's zones beside it.

use std::str::FromStr;

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::validate::Field;

/// How local date-times are written in forms and sent to the UI: ISO 8601 to the minute.
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// A zone by its IANA name (`Asia/Tokyo`), naming the field when unknown.
pub fn parse_zone(field: Field, name: &str) -> Result<Tz> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Required { field });
    }
    Tz::from_str(name).map_err(|_| Error::UnknownValue {
        field,
        value: name.to_owned(),
    })
}

/// Reads `2026-12-01T09:00` (a space instead of `T` and seconds are accepted too).
pub fn parse_local(field: Field, text: &str) -> Result<NaiveDateTime> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::Required { field });
    }
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
    .ok_or(Error::InvalidDateTime { field })
}

/// The instant a local time in `zone` stands for. A time the clocks skip (spring
/// forward) is refused rather than moved; a time that happens twice (fall back) is
/// the first one, as a timetable printed that night would mean.
pub fn local_to_instant(field: Field, local: NaiveDateTime, zone: Tz) -> Result<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(Error::TimeSkipped { field }),
    }
}

/// The wall-clock time in `zone` at `instant`.
pub fn local_in(instant: DateTime<Utc>, zone: Tz) -> NaiveDateTime {
    instant.with_timezone(&zone).naive_local()
}

/// [`local_in`] as the forms write it, for a zone stored by name (UTC if unknown).
pub fn local_text(instant: DateTime<Utc>, zone: &str) -> String {
    let tz = Tz::from_str(zone).unwrap_or(Tz::UTC);
    local_in(instant, tz).format(LOCAL_FORMAT).to_string()
}

/// Zones a person may choose: every canonical `Area/City` name, sorted, the old
/// aliases (`US/Eastern`, `Japan`) left out.
pub fn zone_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|z| z.name())
        .filter(|n| {
            n.contains('/')
                && !n.starts_with("Etc/")
                && !n.starts_with("US/")
                && !n.starts_with("Canada/")
                && !n.starts_with("SystemV/")
        })
        .collect();
    names.sort_unstable();
    names
}

/// This machine's zone, for a coordinator who has not chosen one.
pub fn system_zone() -> String {
    iana_time_zone::get_timezone()
        .ok()
        .filter(|z| Tz::from_str(z).is_ok())
        .unwrap_or_else(|| "UTC".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        parse_local(Field::EventStart, text).unwrap()
    }

    #[test]
    fn nine_in_tokyo_is_the_previous_evening_in_toronto() {
        let tokyo = parse_zone(Field::EventZone, "Asia/Tokyo").unwrap();
        let instant = local_to_instant(Field::EventStart, at("2026-12-01T09:00"), tokyo).unwrap();
        assert_eq!(instant.to_rfc3339(), "2026-12-01T00:00:00+00:00");
        let toronto = parse_zone(Field::EventZone, "America/Toronto").unwrap();
        assert_eq!(local_in(instant, toronto), at("2026-11-30T19:00"));
        // Vancouver in summer: 16 hours behind Tokyo instead of 17.
        let july = local_to_instant(Field::EventStart, at("2026-07-01T09:00"), tokyo).unwrap();
        let vancouver = parse_zone(Field::EventZone, "America/Vancouver").unwrap();
        assert_eq!(local_in(july, vancouver), at("2026-06-30T17:00"));
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused_and_a_repeated_one_is_the_first() {
        let toronto = parse_zone(Field::EventZone, "America/Toronto").unwrap();
        // 2026-03-08 02:30 does not exist in Toronto (clocks go 02:00 → 03:00).
        assert!(matches!(
            local_to_instant(Field::EventStart, at("2026-03-08T02:30"), toronto),
            Err(Error::TimeSkipped {
                field: Field::EventStart
            })
        ));
        // 2026-11-01 01:30 happens twice; the first is still daylight time (UTC−4).
        let twice = local_to_instant(Field::EventStart, at("2026-11-01T01:30"), toronto).unwrap();
        assert_eq!(twice.to_rfc3339(), "2026-11-01T05:30:00+00:00");
    }

    #[test]
    fn unknown_zone_and_malformed_time_name_the_field() {
        assert!(matches!(
            parse_zone(Field::EventZone, "Asia/Osaka"),
            Err(Error::UnknownValue {
                field: Field::EventZone,
                ..
            })
        ));
        assert!(matches!(
            parse_local(Field::EventEnd, "2026-13-01T09:00"),
            Err(Error::InvalidDateTime {
                field: Field::EventEnd
            })
        ));
        assert_eq!(at("2026-12-01 09:00"), at("2026-12-01T09:00"));
    }

    #[test]
    fn zone_list_has_the_zones_of_both_countries_and_no_aliases() {
        let names = zone_names();
        for z in [
            "Asia/Tokyo",
            "America/Toronto",
            "America/St_Johns",
            "America/Vancouver",
        ] {
            assert!(names.contains(&z), "{z}");
        }
        assert!(!names.contains(&"US/Eastern"));
        assert!(!names.contains(&"Japan"));
        assert!(names.windows(2).all(|w| w[0] < w[1]));
    }
}
