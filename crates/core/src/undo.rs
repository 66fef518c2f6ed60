//! Undo for the destructive edits of a case: a removed item goes back to the UI whole,
//! and the core puts it back on request. Cheaper and clearer than "are you sure?".

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::CaseDetail;
use crate::documents::DocumentItem;
use crate::error::Result;
use crate::store::Store;
use crate::tasks::Task;
use crate::timeline::TimelineEvent;

/// Something taken out of a case, kept by the UI until the coordinator undoes or moves on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "item", rename_all = "kebab-case")]
#[ts(export)]
pub enum Removed {
    Event(TimelineEvent),
    Task(Task),
    Document(DocumentItem),
}

/// The case after a removal, and what was removed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Removal {
    pub detail: CaseDetail,
    pub removed: Removed,
}

/// The old id of a removed row if nobody took it since, so that an undone removal
/// comes back as it was; `None` lets SQLite pick a new one.
pub(crate) fn old_id_if_free(
    tx: &rusqlite::Transaction<'_>,
    table: &'static str,
    id: i64,
) -> rusqlite::Result<Option<i64>> {
    let free: bool = tx.query_row(
        &format!("SELECT NOT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?;
    Ok(free.then_some(id))
}

impl Store {
    /// Puts a removed item back into its case, under its old id when that is still free.
    /// The item is checked again as if typed: the UI is not trusted to hand it back intact.
    pub fn restore(&mut self, reference: &str, removed: &Removed) -> Result<CaseDetail> {
        match removed {
            Removed::Event(e) => self.restore_event(reference, e),
            Removed::Task(t) => self.restore_task(reference, t),
            Removed::Document(d) => self.restore_document(reference, d),
        }
    }
}
