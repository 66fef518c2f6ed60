//! Field names and the checks shared by every input: required, length, dates.

use chrono::NaiveDate;
use serde::Serialize;
use strum::{Display, EnumIter, IntoStaticStr};

use crate::error::{Error, Result};

/// Every field a person can get wrong. Its message id names it in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Display, IntoStaticStr, EnumIter)]
#[strum(serialize_all = "kebab-case")]
pub enum Field {
    FamilyName,
    GivenName,
    FamilyNameKana,
    GivenNameKana,
    BirthDate,
    Sex,
    Nationality,
    HomeRegion,
    PreferredLanguage,
    InterpreterLanguage,
    Phone,
    Email,
    EmergencyContact,
    PassportNumber,
    PassportExpiry,
    Insurance,
    DietaryNotes,
    NameOrder,
    Direction,
    Specialty,
    Treatment,
    Provider,
    Physician,
    Status,
    Priority,
    TargetDate,
    OpenedOn,
    EstimatedCost,
    Currency,
    Deposit,
    Companions,
    NoteText,
    TaskTitle,
    Reference,
    Coordinator,
    EventKind,
    EventStart,
    EventEnd,
    EventZone,
    EventTitle,
    DocumentKind,
    DocumentState,
    DocumentNote,
    TaskDue,
    NoteChannel,
    NoteWrittenAt,
    NameEn,
    NameFr,
    NameJa,
    Country,
    City,
    TimeZone,
    Specialties,
    Accreditations,
    Languages,
    DeskContact,
    HomeZone,
    ExpectedStay,
    Format,
    Recipient,
    Passphrase,
    CurrentPassphrase,
    ConsentGivenOn,
    ConsentScope,
    ConsentWithdrawnOn,
    BackupFile,
}

impl Field {
    /// The Fluent message id of this field's label.
    pub fn message_id(self) -> &'static str {
        match self {
            Field::FamilyName => "field-family-name",
            Field::GivenName => "field-given-name",
            Field::FamilyNameKana => "field-family-name-kana",
            Field::GivenNameKana => "field-given-name-kana",
            Field::BirthDate => "field-birth-date",
            Field::Sex => "field-sex",
            Field::Nationality => "field-nationality",
            Field::HomeRegion => "field-home-region",
            Field::PreferredLanguage => "field-preferred-language",
            Field::InterpreterLanguage => "field-interpreter-language",
            Field::Phone => "field-phone",
            Field::Email => "field-email",
            Field::EmergencyContact => "field-emergency-contact",
            Field::PassportNumber => "field-passport-number",
            Field::PassportExpiry => "field-passport-expiry",
            Field::Insurance => "field-insurance",
            Field::DietaryNotes => "field-dietary-notes",
            Field::NameOrder => "field-name-order",
            Field::Direction => "field-direction",
            Field::Specialty => "field-specialty",
            Field::Treatment => "field-treatment",
            Field::Provider => "field-provider",
            Field::Physician => "field-physician",
            Field::Status => "field-status",
            Field::Priority => "field-priority",
            Field::TargetDate => "field-target-date",
            Field::OpenedOn => "field-opened-on",
            Field::EstimatedCost => "field-estimated-cost",
            Field::Currency => "field-currency",
            Field::Deposit => "field-deposit",
            Field::Companions => "field-companions",
            Field::NoteText => "field-note-text",
            Field::TaskTitle => "field-task-title",
            Field::Reference => "field-reference",
            Field::Coordinator => "field-coordinator",
            Field::EventKind => "field-event-kind",
            Field::EventStart => "field-event-start",
            Field::EventEnd => "field-event-end",
            Field::EventZone => "field-event-zone",
            Field::EventTitle => "field-event-title",
            Field::DocumentKind => "field-document-kind",
            Field::DocumentState => "field-document-state",
            Field::DocumentNote => "field-document-note",
            Field::TaskDue => "field-task-due",
            Field::NoteChannel => "field-note-channel",
            Field::NoteWrittenAt => "field-note-written-at",
            Field::NameEn => "field-name-en",
            Field::NameFr => "field-name-fr",
            Field::NameJa => "field-name-ja",
            Field::Country => "field-country",
            Field::City => "field-city",
            Field::TimeZone => "field-time-zone",
            Field::Specialties => "field-specialties",
            Field::Accreditations => "field-accreditations",
            Field::Languages => "field-languages",
            Field::DeskContact => "field-desk-contact",
            Field::HomeZone => "field-home-zone",
            Field::ExpectedStay => "field-expected-stay",
            Field::Format => "field-format",
            Field::Recipient => "field-recipient",
            Field::Passphrase => "field-passphrase",
            Field::CurrentPassphrase => "field-current-passphrase",
            Field::ConsentGivenOn => "field-consent-given-on",
            Field::ConsentScope => "field-consent-scope",
            Field::ConsentWithdrawnOn => "field-consent-withdrawn-on",
            Field::BackupFile => "field-backup-file",
        }
    }
}

/// Names and short fields: long enough for any real name, short enough to refuse junk.
pub const SHORT_TEXT_MAX: usize = 200;
/// Treatment descriptions and notes.
pub const LONG_TEXT_MAX: usize = 20_000;

/// Trims, refuses empty (or only invisible characters, which would look empty),
/// refuses over `max` characters.
pub fn required(field: Field, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    let invisible = |c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    };
    if v.chars().all(invisible) {
        return Err(Error::Required { field });
    }
    limit(field, v, max)?;
    Ok(v.to_owned())
}

/// Trims; an empty value becomes `None`.
pub fn optional(field: Field, value: Option<&str>, max: usize) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => {
            limit(field, v, max)?;
            Ok(Some(v.to_owned()))
        }
    }
}

fn limit(field: Field, v: &str, max: usize) -> Result<()> {
    // Characters, not bytes: a Japanese name must get the same allowance as a Latin one.
    if v.chars().count() > max {
        return Err(Error::TooLong { field, max });
    }
    // NUL would be cut off by C tools reading exports; nothing legitimate contains it.
    if v.contains('\0') {
        return Err(Error::Invalid { field });
    }
    Ok(())
}

pub fn not_in_future(field: Field, date: Option<NaiveDate>, today: NaiveDate) -> Result<()> {
    match date {
        Some(d) if d > today => Err(Error::DateInFuture { field }),
        _ => Ok(()),
    }
}

/// Parses a stable id (`"ca-to-jp"`) into an enum, naming the field when unknown.
pub fn parse_id<T: std::str::FromStr>(field: Field, value: &str) -> Result<T> {
    value.parse().map_err(|_| Error::UnknownValue {
        field,
        value: value.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_required_value_of_invisible_characters_is_missing() {
        assert!(matches!(
            required(Field::FamilyName, "\u{200B}\u{FEFF} \u{2060}", 10),
            Err(Error::Required { .. })
        ));
        assert_eq!(
            required(Field::FamilyName, " a\u{200B}b ", 10).unwrap(),
            "a\u{200B}b"
        );
    }
}
