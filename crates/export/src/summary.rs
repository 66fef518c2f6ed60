//! The case summary as words in one or two languages, ready to be laid out: every
//! label translated, every date, time and amount formatted for its reader. The PDF
//! template only places these strings; it never sees a raw value or makes a decision.

use chrono::{DateTime, Utc};
use kakehashi_core::exchange::CaseRecord;
use kakehashi_core::format;
use kakehashi_core::patient::display_name;
use kakehashi_core::recipient::Part;
use kakehashi_core::{Lang, Localizer};
use serde::Serialize;

/// A whole summary: one block per language, one after the other.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub title: String,
    pub reference: String,
    /// "Exported on …" in the first language, for the page header.
    pub exported: String,
    pub blocks: Vec<Block>,
}

/// The summary in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// BCP 47 language for typesetting (line breaking, punctuation).
    pub lang: String,
    pub heading: String,
    pub name: String,
    pub reading: Option<String>,
    pub prepared_for: String,
    pub sections: Vec<Section>,
}

/// A titled part: label–value pairs, or a table with columns.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    pub pairs: Vec<[String; 2]>,
    pub columns: Vec<String>,
    /// Relative column widths.
    pub widths: Vec<u32>,
    pub rows: Vec<Vec<String>>,
    /// Shown when there are neither pairs nor rows.
    pub empty: String,
}

/// How many notes a summary carries: the latest, not the whole log.
pub const LATEST_NOTES: usize = 5;

struct Words<'a> {
    l10n: &'a Localizer,
    lang: Lang,
}

impl Words<'_> {
    fn t(&self, id: &str) -> String {
        self.l10n.format(self.lang, id, &[])
    }
    fn with(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.l10n.format_values(self.lang, id, args)
    }
    fn id(&self, prefix: &str, value: impl Into<&'static str>) -> String {
        self.t(&format!("{prefix}-{}", value.into()))
    }
    fn or_unset(&self, v: Option<String>) -> String {
        v.unwrap_or_else(|| self.t("detail-not-set"))
    }
    fn date(&self, d: Option<chrono::NaiveDate>) -> String {
        self.or_unset(d.map(|d| format::date(self.lang, d, false)))
    }
}

fn pairs(items: Vec<(String, String)>) -> Section {
    Section {
        title: String::new(),
        pairs: items.into_iter().map(|(a, b)| [a, b]).collect(),
        columns: vec![],
        widths: vec![],
        rows: vec![],
        empty: String::new(),
    }
}

fn table(columns: Vec<String>, widths: Vec<u32>, rows: Vec<Vec<String>>, empty: String) -> Section {
    Section {
        title: String::new(),
        pairs: vec![],
        columns,
        widths,
        rows,
        empty,
    }
}

fn titled(title: String, mut s: Section) -> Section {
    s.title = title;
    s
}

fn block(r: &CaseRecord, w: &Words<'_>) -> Block {
    let p = &r.patient;
    let c = &r.case;
    let home = p.home_zone.clone().unwrap_or_else(|| "UTC".to_owned());
    let reading = match (&p.family_name_kana, &p.given_name_kana) {
        (None, None) => None,
        (f, g) => Some(
            [f.as_deref(), g.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        ),
    };
    let mut patient = vec![
        (w.t("field-birth-date"), w.date(p.birth_date)),
        (w.t("field-sex"), w.or_unset(p.sex.map(|s| w.id("sex", s)))),
        (
            w.t("field-nationality"),
            w.or_unset(p.nationality.as_deref().map(|c| format::region(w.lang, c))),
        ),
        (w.t("field-home-region"), w.or_unset(p.home_region.clone())),
        (w.t("field-home-zone"), w.or_unset(p.home_zone.clone())),
        (
            w.t("field-preferred-language"),
            w.or_unset(p.preferred_language.map(|l| w.id("lang", l))),
        ),
        (
            w.t("field-interpreter-language"),
            w.or_unset(p.interpreter_language.map(|l| w.id("lang", l))),
        ),
    ];
    let sees = |part| r.recipient.sees(part);
    if sees(Part::Contacts) {
        patient.push((w.t("field-phone"), w.or_unset(p.phone.clone())));
        patient.push((w.t("field-email"), w.or_unset(p.email.clone())));
        patient.push((
            w.t("field-emergency-contact"),
            w.or_unset(p.emergency_contact.clone()),
        ));
    }
    if sees(Part::Passport) {
        patient.push((
            w.t("field-passport-number"),
            w.or_unset(p.passport_number.clone()),
        ));
        patient.push((w.t("field-passport-expiry"), w.date(p.passport_expiry)));
    }
    if sees(Part::Insurance) {
        patient.push((w.t("field-insurance"), w.or_unset(p.insurance.clone())));
    }
    if sees(Part::Dietary) {
        patient.push((
            w.t("field-dietary-notes"),
            w.or_unset(p.dietary_notes.clone()),
        ));
    }
    if !sees(Part::BirthDate) {
        patient.retain(|(label, _)| *label != w.t("field-birth-date"));
    }

    let provider_name = r.provider.as_ref().map(|v| v.name(w.lang).to_owned());
    let case = vec![
        (w.t("pdf-reference"), r.reference.0.clone()),
        (w.t("field-status"), w.id("case-status", c.status)),
        (w.t("field-direction"), w.id("direction", c.direction)),
        (w.t("field-specialty"), w.id("specialty", c.specialty)),
        (w.t("field-priority"), w.id("priority", c.priority)),
        (w.t("field-opened-on"), w.date(Some(c.opened_on))),
        (w.t("field-target-date"), w.date(c.target_date)),
        (
            w.t("field-expected-stay"),
            w.or_unset(
                c.expected_stay_days
                    .map(|d| w.with("detail-days", &[("count", &d.to_string())])),
            ),
        ),
        (w.t("field-companions"), c.companions.to_string()),
        (w.t("field-physician"), w.or_unset(c.physician.clone())),
        (w.t("field-treatment"), w.or_unset(c.treatment.clone())),
    ];
    let provider = match &r.provider {
        None => vec![(w.t("field-provider"), w.t("detail-not-set"))],
        Some(v) => vec![
            (
                w.t("field-provider"),
                provider_name.clone().unwrap_or_default(),
            ),
            (w.t("field-city"), v.city.clone()),
            (w.t("field-time-zone"), v.time_zone.clone()),
            (
                w.t("field-accreditations"),
                w.or_unset(
                    (!v.accreditations.is_empty())
                        .then(|| v.accreditations.join(&w.t("list-separator"))),
                ),
            ),
            (
                w.t("field-desk-contact"),
                w.or_unset(v.desk_contact.clone()),
            ),
        ],
    };

    let timeline_rows = r
        .timeline
        .iter()
        .map(|e| {
            let what = match (e.status_from, e.status_to) {
                (Some(from), Some(to)) => w.with(
                    "detail-status-change",
                    &[
                        ("from", &w.id("case-status", from)),
                        ("to", &w.id("case-status", to)),
                    ],
                ),
                (None, Some(to)) => {
                    w.with("detail-status-opened", &[("to", &w.id("case-status", to))])
                }
                _ => match &e.title {
                    Some(title) => format!("{} — {title}", w.id("event", e.kind)),
                    None => w.id("event", e.kind),
                },
            };
            // Status changes happen where the coordinator is: shown in the patient's zone.
            let zone = if e.status_to.is_some() {
                &home
            } else {
                &e.zone
            };
            let local = format::instant_in(w.lang, e.starts_at, zone);
            let at_home = if e.zone == home || e.status_to.is_some() {
                String::new()
            } else {
                format::instant_in(w.lang, e.starts_at, &home)
            };
            vec![what, local, at_home]
        })
        .collect();

    let documents = r
        .documents
        .iter()
        .map(|d| {
            vec![
                w.id("document", d.kind),
                w.id("document-state", d.state),
                d.note.clone().unwrap_or_default(),
            ]
        })
        .collect();

    let mut sections = vec![
        titled(w.t("detail-patient"), pairs(patient)),
        titled(w.t("pdf-section-case"), pairs(case)),
        titled(w.t("pdf-provider"), pairs(provider)),
        titled(
            w.t("detail-timeline"),
            table(
                vec![
                    w.t("pdf-col-event"),
                    w.t("pdf-col-local-time"),
                    w.t("pdf-col-home-time"),
                ],
                vec![5, 4, 4],
                timeline_rows,
                w.t("detail-no-events"),
            ),
        ),
        titled(
            w.t("detail-documents"),
            table(
                vec![
                    w.t("field-document-kind"),
                    w.t("field-document-state"),
                    w.t("field-document-note"),
                ],
                vec![5, 3, 5],
                documents,
                w.t("pdf-none"),
            ),
        ),
    ];
    if sees(Part::Tasks) {
        let rows = r
            .tasks
            .iter()
            .map(|t| {
                vec![
                    t.title.clone(),
                    w.date(t.due_on),
                    if t.done {
                        w.t("task-done")
                    } else {
                        String::new()
                    },
                ]
            })
            .collect();
        sections.push(titled(
            w.t("detail-tasks"),
            table(
                vec![
                    w.t("field-task-title"),
                    w.t("field-task-due"),
                    w.t("pdf-col-done"),
                ],
                vec![7, 3, 3],
                rows,
                w.t("detail-no-tasks"),
            ),
        ));
    }
    if sees(Part::Costs) {
        let money =
            |m: Option<kakehashi_core::Money>| w.or_unset(m.map(|m| format::money(w.lang, m)));
        let balance = c.estimated_cost.map(|e| kakehashi_core::Money {
            minor: e.minor - c.deposit.map_or(0, |d| d.minor),
            currency: e.currency,
        });
        sections.push(titled(
            w.t("detail-costs"),
            pairs(vec![
                (w.t("field-estimated-cost"), money(c.estimated_cost)),
                (w.t("field-deposit"), money(c.deposit)),
                (w.t("detail-balance"), money(balance)),
            ]),
        ));
    }
    if sees(Part::Notes) {
        let rows = r
            .notes
            .iter()
            .take(LATEST_NOTES)
            .map(|n| {
                vec![
                    format::instant_in(w.lang, n.written_at, &home),
                    w.id("note-channel", n.channel),
                    n.body.clone(),
                ]
            })
            .collect();
        sections.push(titled(
            w.with("pdf-latest-notes", &[("count", &LATEST_NOTES.to_string())]),
            table(
                vec![
                    w.t("pdf-col-when"),
                    w.t("field-note-channel"),
                    w.t("field-note-text"),
                ],
                vec![3, 2, 8],
                rows,
                w.t("detail-no-notes"),
            ),
        ));
    }
    Block {
        lang: w.lang.id().to_owned(),
        heading: w.t("pdf-title"),
        name: display_name(&p.family_name, &p.given_name, p.name_order, w.lang),
        reading,
        prepared_for: w.with(
            "pdf-prepared-for",
            &[("recipient", &w.id("recipient", r.recipient))],
        ),
        sections,
    }
}

/// The summary of `record` in `lang`, then in `second` if asked.
pub fn summary(
    record: &CaseRecord,
    l10n: &Localizer,
    lang: Lang,
    second: Option<Lang>,
    now: DateTime<Utc>,
) -> Summary {
    let first = Words { l10n, lang };
    let mut blocks = vec![block(record, &first)];
    if let Some(other) = second.filter(|s| *s != lang) {
        blocks.push(block(record, &Words { l10n, lang: other }));
    }
    Summary {
        title: format!("{} {}", first.t("pdf-title"), record.reference),
        reference: record.reference.0.clone(),
        exported: first.with(
            "pdf-exported",
            &[("date", &format::date(lang, now.date_naive(), false))],
        ),
        blocks,
    }
}
