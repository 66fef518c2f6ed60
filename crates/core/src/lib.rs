//! Kakehashi's core: the domain of medical travel cases between Canada and Japan,
//! its rules, the SQLite store, search, Fluent messages and demo data.
//!
//! Everything a coordinator relies on is decided here and tested here. This crate
//! must never depend on Tauri, WebKit or any UI type: the CLI and the desktop shell
//! are thin hosts over it.
//!
//! ```
//! use kakehashi_core::{Store, NewCase, NewPatient, Lang};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = Store::open(&dir.path().join("cases.sqlite")).unwrap();
//! let reference = store.create_case(&NewCase {
//!     patient: NewPatient { family_name: "高橋".into(), given_name: "健一".into(),
//!         family_name_kana: Some("たかはし".into()), ..NewPatient::default() },
//!     case: kakehashi_core::NewCaseDetails { direction: "jp-to-ca".into(),
//!         specialty: "oncology".into(), ..Default::default() },
//! }).unwrap();
//! let hits = store.search("タカハシ", 10).unwrap();
//! assert_eq!(hits[0].reference, reference);
//! # let _ = Lang::Ja;
//! ```

/// Stores a strum enum as its stable kebab-case id and reads it back.
macro_rules! sql_enum {
    ($t:ty) => {
        impl rusqlite::types::ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                let id: &'static str = self.into();
                Ok(id.into())
            }
        }
        impl rusqlite::types::FromSql for $t {
            fn column_result(
                v: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                v.as_str()?
                    .parse()
                    .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    };
}

/// A domain value kept and sent as a stable id (`records-review`, `ca-to-jp`), shown
/// through the Fluent message `<kind>-<id>`, typed for the UI and stored by its id.
macro_rules! id_enum {
    ($(#[$meta:meta])* $case:literal pub enum $name:ident { $($body:tt)* }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash,
            serde::Serialize, serde::Deserialize, ts_rs::TS, schemars::JsonSchema,
            strum::EnumString, strum::IntoStaticStr, strum::EnumIter,
        )]
        #[serde(rename_all = $case)]
        #[strum(serialize_all = $case)]
        #[ts(export)]
        pub enum $name { $($body)* }
        sql_enum!($name);
    };
}

mod anchors;
pub mod bench;
pub mod case;
pub mod dashboard;
pub mod demo;
pub mod documents;
pub mod erasures;
pub mod error;
pub mod exchange;
pub mod format;
pub mod i18n;
pub mod ids;
pub mod money;
pub mod notes;
pub mod patient;
pub mod prefs;
pub mod privacy;
pub mod provider;
pub mod recipient;
pub mod search;
pub mod status;
pub mod store;
pub mod tasks;
pub mod timeline;
pub mod undo;
mod validate;
pub mod zones;

pub use case::{
    CaseDetail, CaseListQuery, CasePage, CaseSort, CaseSummary, CaseUpdate, CostsInput, Direction,
    DomainValues, NewCase, NewCaseDetails, Priority, Specialty,
};
pub use dashboard::Dashboard;
pub use documents::{DocumentInput, DocumentItem, DocumentKind, DocumentState};
pub use error::{Error, ErrorPayload, Result};
pub use exchange::CaseRecord;
pub use i18n::{Lang, Localizer};
pub use ids::{CaseId, CaseRef, PatientId, ProviderId};
pub use money::{Currency, Money};
pub use notes::{Note, NoteChannel, NoteInput};
pub use patient::{NameOrder, NewPatient, Patient, PatientPage, PatientQuery, PatientRow, Sex};
pub use provider::{Country, Provider, ProviderInput, ProviderSummary};
pub use recipient::Recipient;
pub use search::SearchHit;
pub use status::CaseStatus;
pub use store::Store;
pub use tasks::{Task, TaskInput};
pub use timeline::{EventInput, EventKind, TimelineEvent};
pub use undo::{Removal, Removed};
pub use validate::Field;
