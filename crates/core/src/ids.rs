//! Identifiers that cross module boundaries: row ids and human case references.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! row_id {
    ($name:ident) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS,
        )]
        #[serde(transparent)]
        #[ts(export)]
        pub struct $name(pub i64);

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }
        impl rusqlite::types::FromSql for $name {
            fn column_result(
                v: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(v).map($name)
            }
        }
    };
}

row_id!(CaseId);
row_id!(PatientId);
row_id!(ProviderId);

/// A case's human reference, `KH-2026-0042`: year opened and a per-year sequence
/// number that is never reused, even after the case is gone.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[serde(transparent)]
#[ts(export)]
pub struct CaseRef(pub String);

impl CaseRef {
    pub fn new(year: i32, seq: i64) -> Self {
        CaseRef(format!("KH-{year}-{seq:04}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CaseRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_pads_sequence_to_four_digits() {
        assert_eq!(CaseRef::new(2026, 42).as_str(), "KH-2026-0042");
        assert_eq!(CaseRef::new(2026, 12345).as_str(), "KH-2026-12345");
    }
}
