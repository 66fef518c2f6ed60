//! The errors a person can act on. Each variant maps to a Fluent message id so the
//! UI and the CLI show it in the active language, naming the field at fault.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::MessageArg;
use crate::validate::Field;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{field}: required")]
    Required { field: Field },
    #[error("{field}: longer than {max} characters")]
    TooLong { field: Field, max: usize },
    #[error("{field}: date is in the future")]
    DateInFuture { field: Field },
    #[error("{field}: not a valid date")]
    InvalidDate { field: Field },
    #[error("{field}: unknown value {value:?}")]
    UnknownValue { field: Field, value: String },
    #[error("{field}: invalid value")]
    Invalid { field: Field },
    #[error("{field}: not a valid date and time")]
    InvalidDateTime { field: Field },
    #[error("{field}: this time does not exist in that zone")]
    TimeSkipped { field: Field },
    #[error("{field}: before the start")]
    EndBeforeStart { field: Field },
    #[error("{field}: more than the estimate")]
    DepositOverEstimate { field: Field },
    #[error("no such item in this case")]
    ItemNotFound,
    #[error("no patient with id {id}")]
    PatientNotFound { id: i64 },
    #[error("a case with reference {reference} already exists")]
    ReferenceTaken { reference: String },
    #[error("provider is used by {cases} cases")]
    ProviderInUse { cases: u32 },
    #[error("status cannot go from {from} to {to}")]
    TransitionNotAllowed { from: String, to: String },
    #[error("no case with reference {reference}")]
    CaseNotFound { reference: String },
    #[error("no provider with id {id}")]
    ProviderNotFound { id: i64 },
    #[error("database schema version {found} is newer than this program ({supported})")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("database is already open in another Kakehashi window: {path}")]
    DatabaseInUse { path: String },
    #[error("not a Kakehashi database or damaged: {path}")]
    NotADatabase { path: String },
    #[error("another program's SQLite database, left untouched: {path}")]
    ForeignDatabase { path: String },
    #[error("the file's structure was changed outside Kakehashi: {path}")]
    SchemaAltered { path: String },
    #[error("integrity check failed: {detail}")]
    IntegrityCheckFailed { detail: String },
    #[error("demo data goes only into an empty database")]
    DemoNeedsEmptyDatabase,
    #[error("at most {max} demo cases")]
    DemoTooLarge { max: u32 },
    #[error("input is not valid JSON: {detail}")]
    BadJson { detail: String },
    #[error("{field}: shorter than {min} characters")]
    TooShort { field: Field, min: usize },
    #[error("the database file is damaged")]
    DatabaseCorrupt,
    #[error("the database or its folder is read-only")]
    ReadOnly,
    #[error("the disk is full")]
    DiskFull,
    #[error("the database is encrypted: a passphrase is needed: {path}")]
    PassphraseNeeded { path: String },
    #[error("wrong passphrase, or not a Kakehashi database")]
    WrongPassphrase,
    #[error("{field}: not the passphrase of this database")]
    NotThePassphrase { field: Field },
    #[error("the encryption changed, but these copies made before could not be removed: {}", paths.join(", "))]
    OldCopiesRemain { paths: Vec<String> },
    #[error(
        "the encryption changed and older copies were removed, but no new backup could be made: {cause}"
    )]
    BackupAfterRekeyFailed { cause: Box<Error> },
    /// The recipient and the consent scope it needs, as their ids (`hospital`,
    /// `share-with-providers`): the error type names no domain type, so that the domains
    /// that raise it do not import one another through it.
    #[error("{reference}: the patient's consent does not cover sharing with {recipient}")]
    NoConsent {
        reference: String,
        recipient: &'static str,
        scope: &'static str,
    },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("file error: {0}")]
    Io(std::io::Error),
}

/// SQLite's errors that a person can act on get their own variant wherever they
/// happen, so a full disk mid-edit reads the same as a full disk at start-up.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DiskFull) => Error::DiskFull,
            Some(C::ReadOnly) => Error::ReadOnly,
            Some(C::DatabaseCorrupt) => Error::DatabaseCorrupt,
            _ => Error::Sqlite(e),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::StorageFull | K::QuotaExceeded => Error::DiskFull,
            K::ReadOnlyFilesystem | K::PermissionDenied => Error::ReadOnly,
            _ => Error::Io(e),
        }
    }
}

id_enum! {
    /// A way out of a file that cannot be opened, offered on the recovery screen.
    "kebab-case"
    pub enum WayOut {
        Unlock,
        Retry,
        ReadOnly,
        RestoreBackup,
        OpenAnother,
    }
}

/// What the recovery screen says about a file that could not be opened: its kind
/// (the title, `recovery-title-<kind>`) and the ways out that fit, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Recovery {
    pub kind: String,
    pub ways_out: Vec<WayOut>,
}

/// An error as it crosses to the UI: a Fluent message id, the field's message id
/// when a field is at fault, and the message's other arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: String,
    pub field: Option<String>,
    /// Arguments shown as given (paths, references), counts as numbers so that a
    /// plural selector agrees with them.
    pub args: BTreeMap<String, MessageArg>,
    /// Arguments that are themselves message ids (a status, say, or the cause of an
    /// error shown inside another), shown translated, with `args` as their arguments.
    pub message_args: BTreeMap<String, String>,
    /// For an error met while opening a file: what to offer instead of a crash.
    /// Boxed: every `Result` in the app carries this type, and it is rarely set.
    pub recovery: Option<Box<Recovery>>,
}

impl Error {
    /// The Fluent message id for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Required { .. } => "error-required",
            Error::TooLong { .. } => "error-too-long",
            Error::DateInFuture { .. } => "error-date-in-future",
            Error::InvalidDate { .. } => "error-invalid-date",
            Error::UnknownValue { .. } => "error-unknown-value",
            Error::Invalid { .. } => "error-invalid",
            Error::InvalidDateTime { .. } => "error-invalid-date-time",
            Error::TimeSkipped { .. } => "error-time-skipped",
            Error::EndBeforeStart { .. } => "error-end-before-start",
            Error::DepositOverEstimate { .. } => "error-deposit-over-estimate",
            Error::ItemNotFound => "error-item-not-found",
            Error::PatientNotFound { .. } => "error-patient-not-found",
            Error::ProviderInUse { .. } => "error-provider-in-use",
            Error::ReferenceTaken { .. } => "error-reference-taken",
            Error::TransitionNotAllowed { .. } => "error-transition-not-allowed",
            Error::CaseNotFound { .. } => "error-case-not-found",
            Error::ProviderNotFound { .. } => "error-provider-not-found",
            Error::SchemaTooNew { .. } => "error-schema-too-new",
            Error::DatabaseInUse { .. } => "error-database-in-use",
            Error::NotADatabase { .. } => "error-not-a-database",
            Error::ForeignDatabase { .. } => "error-foreign-database",
            Error::SchemaAltered { .. } => "error-schema-altered",
            Error::IntegrityCheckFailed { .. } => "error-integrity-check-failed",
            Error::BadJson { .. } => "error-bad-json",
            Error::DemoNeedsEmptyDatabase => "error-demo-needs-empty-database",
            Error::DemoTooLarge { .. } => "error-demo-too-large",
            Error::TooShort { .. } => "error-too-short",
            Error::DatabaseCorrupt => "error-database-corrupt",
            Error::ReadOnly => "error-read-only",
            Error::DiskFull => "error-disk-full",
            Error::PassphraseNeeded { .. } => "error-passphrase-needed",
            Error::WrongPassphrase => "error-wrong-passphrase",
            Error::NotThePassphrase { .. } => "error-not-the-passphrase",
            Error::OldCopiesRemain { .. } => "error-old-copies-remain",
            Error::BackupAfterRekeyFailed { .. } => "error-backup-after-rekey-failed",
            Error::NoConsent { .. } => "error-no-consent",
            Error::Sqlite(_) => "error-database",
            Error::Io(_) => "error-file",
        }
    }

    /// The field at fault, if this error is about one.
    pub fn field(&self) -> Option<Field> {
        match self {
            Error::Required { field }
            | Error::TooLong { field, .. }
            | Error::TooShort { field, .. }
            | Error::DateInFuture { field }
            | Error::InvalidDate { field }
            | Error::UnknownValue { field, .. }
            | Error::Invalid { field }
            | Error::InvalidDateTime { field }
            | Error::TimeSkipped { field }
            | Error::EndBeforeStart { field }
            | Error::DepositOverEstimate { field }
            | Error::NotThePassphrase { field } => Some(*field),
            _ => None,
        }
    }

    /// The recovery screen's content for an error met while opening a file; `None`
    /// for errors about typed values, which never stop a file from opening.
    pub fn recovery(&self) -> Option<Recovery> {
        use WayOut::*;
        let (kind, ways_out) = match self {
            Error::DatabaseCorrupt
            | Error::NotADatabase { .. }
            | Error::IntegrityCheckFailed { .. } => ("corrupt", vec![RestoreBackup, OpenAnother]),
            Error::SchemaTooNew { .. } => ("newer", vec![OpenAnother, RestoreBackup]),
            Error::ForeignDatabase { .. } => ("foreign", vec![OpenAnother]),
            Error::DatabaseInUse { .. } => ("in-use", vec![Retry, ReadOnly, OpenAnother]),
            Error::ReadOnly => ("read-only", vec![ReadOnly, Retry, OpenAnother]),
            Error::DiskFull => ("disk-full", vec![Retry, ReadOnly, OpenAnother]),
            Error::PassphraseNeeded { .. } | Error::WrongPassphrase => {
                ("locked", vec![Unlock, ReadOnly, RestoreBackup, OpenAnother])
            }
            Error::Sqlite(_) | Error::Io(_) => ("other", vec![Retry, RestoreBackup, OpenAnother]),
            _ => return None,
        };
        Some(Recovery {
            kind: kind.to_owned(),
            ways_out,
        })
    }

    pub fn payload(&self) -> ErrorPayload {
        let mut args = BTreeMap::new();
        let mut message_args = BTreeMap::new();
        let mut put = |k: &str, v: MessageArg| {
            args.insert(k.to_owned(), v);
        };
        match self {
            Error::TooLong { max, .. } => put("max", (*max).into()),
            Error::TooShort { min, .. } => put("min", (*min).into()),
            Error::UnknownValue { value, .. } => put("value", value.into()),
            Error::TransitionNotAllowed { from, to } => {
                message_args.insert("from".to_owned(), format!("case-status-{from}"));
                message_args.insert("to".to_owned(), format!("case-status-{to}"));
            }
            Error::CaseNotFound { reference } | Error::ReferenceTaken { reference } => {
                put("reference", reference.into())
            }
            Error::ProviderNotFound { id } | Error::PatientNotFound { id } => {
                put("id", (*id).into())
            }
            Error::ProviderInUse { cases } => put("cases", (*cases).into()),
            Error::DemoTooLarge { max } => put("max", (*max).into()),
            Error::SchemaTooNew { found, supported } => {
                put("found", (*found).into());
                put("supported", (*supported).into());
            }
            Error::DatabaseInUse { path }
            | Error::NotADatabase { path }
            | Error::ForeignDatabase { path }
            | Error::SchemaAltered { path }
            | Error::PassphraseNeeded { path } => put("path", path.into()),
            Error::IntegrityCheckFailed { detail } | Error::BadJson { detail } => {
                put("detail", detail.into())
            }
            Error::Sqlite(e) => put("detail", e.to_string().into()),
            Error::Io(e) => put("detail", e.to_string().into()),
            Error::OldCopiesRemain { paths } => put("paths", paths.join(", ").into()),
            // The cause is shown inside this message, its own arguments filled in.
            Error::BackupAfterRekeyFailed { cause } => {
                let cause = cause.payload();
                for (k, v) in cause.args {
                    put(&k, v);
                }
                message_args.extend(cause.message_args);
                message_args.insert("reason".to_owned(), cause.code);
            }
            Error::NoConsent {
                reference,
                recipient,
                scope,
            } => {
                put("reference", reference.into());
                message_args.insert("recipient".to_owned(), format!("recipient-{recipient}"));
                message_args.insert("scope".to_owned(), format!("consent-scope-{scope}"));
            }
            _ => {}
        }
        ErrorPayload {
            code: self.code().to_owned(),
            field: self.field().map(|f| f.message_id().to_owned()),
            args,
            message_args,
            recovery: self.recovery().map(Box::new),
        }
    }
}

impl ErrorPayload {
    /// An error with no arguments, for hosts that detect it themselves.
    pub fn new(code: &str) -> ErrorPayload {
        ErrorPayload {
            code: code.to_owned(),
            field: None,
            args: BTreeMap::new(),
            message_args: BTreeMap::new(),
            recovery: None,
        }
    }

    /// A fault no person can fix (a crashed worker thread): shown with its detail.
    pub fn unexpected(detail: String) -> ErrorPayload {
        let mut p = ErrorPayload::new("error-unexpected");
        p.args.insert("detail".to_owned(), detail.into());
        p
    }
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        e.payload()
    }
}
