//! Deep pages of the case list without stepping over every row before them.
//!
//! SQLite's `OFFSET` reads each skipped index entry, so a page halfway down a million
//! cases costs 8–16 ms however narrow the index. The first time a page at or beyond
//! [`SPACING`] rows is asked for a given filter and order, one pass over that index
//! keeps the sort key of every [`SPACING`]-th row: an anchor. A page then seeks to the
//! nearest anchor at or before its offset (an index range) and skips fewer than
//! [`SPACING`] rows from there.
//!
//! The anchors describe the file as it was: any change drops them all. SQLite counts
//! the changes made through this connection (`total_changes`, which includes trigger
//! writes) and tells when another connection committed (`data_version`); a page only
//! uses anchors taken under the same two numbers.

use std::collections::HashMap;

use rusqlite::Connection;
use rusqlite::types::Value;

use crate::case::{CaseSort, TARGET_KEY};
use crate::error::Result;

/// Rows between two anchors. A page skips at most this many rows from its anchor
/// (about 15 µs), and a million cases take a thousand anchors.
pub(crate) const SPACING: u32 = 1000;

/// Anchor sets kept at once: one per filter-and-order combination the coordinator has
/// scrolled deep into since the last change.
const KEPT: usize = 16;

/// The anchors of every list query scrolled deep into since the file last changed.
#[derive(Debug)]
pub(crate) struct Anchors {
    spacing: u32,
    stamp: Option<(u64, i64)>,
    sets: HashMap<String, Vec<Vec<Value>>>,
    /// Passes over an index so far: what the tests watch.
    taken: u32,
}

impl Default for Anchors {
    fn default() -> Anchors {
        Anchors {
            spacing: SPACING,
            stamp: None,
            sets: HashMap::new(),
            taken: 0,
        }
    }
}

/// Where a page starts: after the anchor's key (a condition and its values), then
/// `skip` rows more.
#[derive(Debug)]
pub(crate) struct Seek {
    pub condition: String,
    pub values: Vec<Value>,
    pub skip: u32,
}

/// The columns that identify a row's place in each order: the ORDER BY, without
/// directions. Every order ends with the id, so each key names one position.
fn key_columns(sort: CaseSort) -> &'static [&'static str] {
    match sort {
        CaseSort::Newest | CaseSort::Oldest => &["c.id"],
        CaseSort::Name => &["c.patient_sort", "c.id"],
        CaseSort::TargetDate => &[TARGET_KEY],
    }
}

/// The rows at or after an anchor's position, as a row-value comparison the order's
/// index can seek on.
pub(crate) fn condition(sort: CaseSort, key: &[Value]) -> (String, Vec<Value>) {
    let condition = match sort {
        CaseSort::Newest => "c.id <= ?".to_owned(),
        CaseSort::Oldest => "c.id >= ?".to_owned(),
        CaseSort::Name => "(c.patient_sort, c.id) >= (?, ?)".to_owned(),
        CaseSort::TargetDate => format!("{TARGET_KEY} >= ?"),
    };
    (condition, key.to_vec())
}

impl Anchors {
    /// Where the page at `offset` starts, for the list with `filters` (a WHERE clause
    /// or nothing, over `values`) in `sort` order; `None` when the page is near enough
    /// the top that OFFSET alone is as quick.
    pub(crate) fn seek(
        &mut self,
        conn: &Connection,
        filters: &str,
        values: &[Value],
        sort: CaseSort,
        offset: u32,
    ) -> Result<Option<Seek>> {
        let spacing = self.spacing;
        if offset < spacing {
            return Ok(None);
        }
        let stamp = (
            conn.total_changes(),
            conn.query_row("PRAGMA data_version", [], |r| r.get(0))?,
        );
        if self.stamp != Some(stamp) {
            self.sets.clear();
            self.stamp = Some(stamp);
        }
        let key = format!("{sort:?}{filters}{values:?}");
        if !self.sets.contains_key(&key) {
            if self.sets.len() >= KEPT {
                self.sets.clear();
            }
            let set = take(conn, filters, values, sort, spacing)?;
            self.taken += 1;
            self.sets.insert(key.clone(), set);
        }
        let set = &self.sets[&key];
        // anchors[i] is the row at position (i + 1) × spacing.
        let index = (offset / spacing) as usize;
        let Some(anchor) = set.get(index - 1) else {
            // Past the last row: OFFSET finds nothing as quickly.
            return Ok(None);
        };
        let (condition, values) = condition(sort, anchor);
        Ok(Some(Seek {
            condition,
            values,
            skip: offset - index as u32 * spacing,
        }))
    }

    /// Keeps the anchors across a write that cannot move a case in the list (a line in
    /// the access log), made when the connection had counted `before` changes.
    pub(crate) fn carry_over(&mut self, before: u64, after: u64) {
        if let Some((changes, _)) = &mut self.stamp
            && *changes == before
        {
            *changes = after;
        }
    }

    /// Forgets every anchor: the file under the connection was replaced.
    pub(crate) fn clear(&mut self) {
        self.sets.clear();
        self.stamp = None;
    }
}

/// One pass over the order's index, keeping every `spacing`-th key.
fn take(
    conn: &Connection,
    filters: &str,
    values: &[Value],
    sort: CaseSort,
    spacing: u32,
) -> Result<Vec<Vec<Value>>> {
    let columns = key_columns(sort);
    let width = columns.len();
    let sql = format!(
        "SELECT {} FROM cases c{filters} ORDER BY {}",
        columns.join(", "),
        crate::case::order_by(sort)
    );
    let mut statement = conn.prepare(&sql)?;
    let mut rows = statement.query(rusqlite::params_from_iter(values.iter()))?;
    let mut anchors = Vec::new();
    let mut position: u64 = 0;
    while let Some(row) = rows.next()? {
        if position > 0 && position.is_multiple_of(u64::from(spacing)) {
            anchors.push(
                (0..width)
                    .map(|i| row.get::<_, Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()?,
            );
        }
        position += 1;
    }
    Ok(anchors)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rusqlite::params_from_iter;

    use crate::case::{CaseListQuery, CaseSort, Direction, Priority};
    use crate::demo::DemoOptions;
    use crate::store::Store;

    const SORTS: [CaseSort; 4] = [
        CaseSort::Newest,
        CaseSort::Oldest,
        CaseSort::Name,
        CaseSort::TargetDate,
    ];

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("anchors.sqlite")).unwrap();
        store
            .generate_demo(DemoOptions {
                cases: 240,
                seed: 3,
                anchor: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                language: crate::i18n::Lang::En,
            })
            .unwrap();
        // Anchors every 7 rows: many of them, and pages that straddle two.
        store.anchors().spacing = 7;
        (dir, store)
    }

    /// The page as plain OFFSET gives it: the oracle.
    fn plain(store: &Store, q: &CaseListQuery) -> Vec<String> {
        let st = q.statements(None);
        let mut statement = store.conn().prepare(&st.page).unwrap();
        statement
            .query_map(params_from_iter(st.page_params.iter()), |r| r.get(1))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn anchored(store: &Store, q: &CaseListQuery) -> Vec<String> {
        let page = store.list_cases(q).unwrap();
        page.cases.into_iter().map(|c| c.reference.0).collect()
    }

    fn queries() -> Vec<CaseListQuery> {
        let mut out = Vec::new();
        for sort in SORTS {
            for (direction, priority) in [
                (None, None),
                (Some(Direction::JapanToCanada), None),
                (Some(Direction::CanadaToJapan), Some(Priority::Urgent)),
            ] {
                for offset in [
                    0, 6, 7, 8, 13, 14, 20, 99, 100, 150, 230, 233, 239, 240, 300,
                ] {
                    out.push(CaseListQuery {
                        sort: Some(sort),
                        direction,
                        priority,
                        offset: Some(offset),
                        limit: Some(9),
                        ..Default::default()
                    });
                }
            }
        }
        out
    }

    fn assert_same_pages(store: &Store) {
        for q in queries() {
            assert_eq!(anchored(store, &q), plain(store, &q), "{q:?}");
        }
    }

    #[test]
    fn a_page_from_its_anchor_is_the_page_offset_gives() {
        let (_dir, store) = store();
        // Cases without a target date sort last, as a block of their own.
        store
            .conn()
            .execute("UPDATE cases SET target_date = NULL WHERE id % 5 = 0", [])
            .unwrap();
        let without: u32 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM cases WHERE target_date IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            without > 7 && without < 233,
            "{without} cases without a target date"
        );
        assert_same_pages(&store);
        assert!(store.anchors().taken > 0);
    }

    #[test]
    fn any_change_to_the_cases_drops_the_anchors() {
        let (_dir, mut store) = store();
        assert_same_pages(&store);
        let deep = CaseListQuery {
            sort: Some(CaseSort::Name),
            offset: Some(100),
            limit: Some(20),
            ..Default::default()
        };
        let first = anchored(&store, &deep);
        // A status change moves nothing in the name order, but every write is a change.
        let (reference, next) = first
            .iter()
            .find_map(|r| {
                let detail = store.case_detail(r).unwrap();
                Some((r.clone(), *detail.allowed_next.first()?))
            })
            .unwrap();
        let before = store.anchors().taken;
        store.change_status(&reference, next).unwrap();
        assert_same_pages(&store);
        assert!(store.anchors().taken > before, "anchors were taken again");
        // A new case, and a case removed with its patient, shift every later position.
        let erased = store
            .list_cases(&CaseListQuery {
                sort: Some(CaseSort::Oldest),
                offset: Some(50),
                limit: Some(1),
                ..Default::default()
            })
            .unwrap()
            .cases[0]
            .patient_id;
        store.erase_patient(erased).unwrap();
        assert_same_pages(&store);
        // Another connection's commit is seen too.
        let other = rusqlite::Connection::open(store.path()).unwrap();
        other
            .execute(
                "UPDATE cases SET patient_sort = 'aaa' WHERE id = (SELECT max(id) FROM cases)",
                [],
            )
            .unwrap();
        drop(other);
        assert_same_pages(&store);
    }

    #[test]
    fn a_logged_view_keeps_the_anchors() {
        let (_dir, store) = store();
        let deep = CaseListQuery {
            offset: Some(100),
            limit: Some(5),
            ..Default::default()
        };
        let page = anchored(&store, &deep);
        let taken = store.anchors().taken;
        store.view_case(&page[0]).unwrap();
        assert_eq!(anchored(&store, &deep), page);
        assert_eq!(
            store.anchors().taken,
            taken,
            "a view must not cost a new pass"
        );
    }
}
