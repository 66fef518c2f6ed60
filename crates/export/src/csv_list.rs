//! The case list as CSV for spreadsheet programs: UTF-8 with a byte-order mark so that
//! Excel reads Japanese correctly, headers and values in the reader's language, and
//! every cell that a spreadsheet would take for a formula made inert.

use kakehashi_core::patient::display_name;
use kakehashi_core::{CaseSummary, Lang, Localizer};

/// The byte-order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// A cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, or a tab or carriage
/// return before them) gets a leading apostrophe, which spreadsheets show as text.
pub fn inert(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Column message ids, in order.
pub const COLUMNS: [&str; 12] = [
    "field-reference",
    "csv-patient",
    "field-family-name",
    "field-given-name",
    "csv-reading",
    "field-direction",
    "field-specialty",
    "field-status",
    "field-priority",
    "field-provider",
    "field-opened-on",
    "field-target-date",
];

/// The rows as CSV bytes.
pub fn case_list(
    cases: &[CaseSummary],
    l10n: &Localizer,
    lang: Lang,
) -> Result<Vec<u8>, csv::Error> {
    let t = |id: &str| l10n.format(lang, id, &[]);
    let mut out = csv::WriterBuilder::new().from_writer(BOM.as_bytes().to_vec());
    out.write_record(COLUMNS.iter().map(|c| t(c)))?;
    for c in cases {
        let reading = [c.family_name_kana.as_deref(), c.given_name_kana.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let provider = match lang {
            Lang::En => c.provider_name_en.clone(),
            Lang::Fr => c.provider_name_fr.clone(),
            Lang::Ja => c.provider_name_ja.clone(),
        };
        let row = [
            c.reference.0.clone(),
            display_name(&c.family_name, &c.given_name, c.name_order, lang),
            c.family_name.clone(),
            c.given_name.clone(),
            reading,
            t(&format!("direction-{}", <&str>::from(c.direction))),
            t(&format!("specialty-{}", <&str>::from(c.specialty))),
            t(&format!("case-status-{}", <&str>::from(c.status))),
            t(&format!("priority-{}", <&str>::from(c.priority))),
            provider.unwrap_or_default(),
            // ISO dates: every spreadsheet reads them as dates, whatever its locale.
            c.opened_on.to_string(),
            c.target_date.map(|d| d.to_string()).unwrap_or_default(),
        ];
        out.write_record(row.iter().map(|cell| inert(cell)))?;
    }
    out.into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_made_inert_and_others_left_alone() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("+1 416 555"), "'+1 416 555");
        assert_eq!(inert("-5"), "'-5");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("\t=1"), "'\t=1");
        assert_eq!(inert("高橋"), "高橋");
        assert_eq!(inert("Côté"), "Côté");
        assert_eq!(inert(""), "");
    }
}
