//! What a coordinator chooses in the export dialog, and the file it becomes.

use chrono::{DateTime, Utc};
use kakehashi_core::exchange::CaseRecord;
use kakehashi_core::{Lang, Localizer, Recipient};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::pdf::PdfError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, strum::IntoStaticStr)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[ts(export)]
pub enum ExportFormat {
    Pdf,
    Json,
    Fhir,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportOptions {
    pub format: ExportFormat,
    pub lang: Lang,
    /// A second language after the first (PDF only).
    pub second: Option<Lang>,
    pub recipient: Recipient,
}

impl ExportFormat {
    /// The last part of the extension, for a file dialog's filter.
    pub fn filter(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Json | ExportFormat::Fhir => "json",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Json => "json",
            ExportFormat::Fhir => "fhir.json",
        }
    }
}

impl ExportOptions {
    /// A file name that says what the file is: `KH-2026-0042-ja-interpreter.pdf`.
    pub fn file_name(&self, record: &CaseRecord) -> String {
        let recipient: &str = self.recipient.into();
        let langs = match self.second {
            Some(second) if self.format == ExportFormat::Pdf => {
                format!("{}-{}", self.lang.id(), second.id())
            }
            _ => self.lang.id().to_owned(),
        };
        format!(
            "{}-{langs}-{recipient}.{}",
            record.reference,
            self.format.extension()
        )
    }

    /// The file's bytes.
    pub fn render(
        &self,
        record: &CaseRecord,
        l10n: &Localizer,
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, PdfError> {
        Ok(match self.format {
            ExportFormat::Pdf => {
                let s = crate::summary::summary(record, l10n, self.lang, self.second, now);
                crate::pdf::pdf(&s, now)?
            }
            ExportFormat::Json => serde_json::to_vec_pretty(record).expect("plain data"),
            ExportFormat::Fhir => {
                serde_json::to_vec_pretty(&crate::fhir::bundle(record, l10n, self.lang, now))
                    .expect("plain data")
            }
        })
    }
}
