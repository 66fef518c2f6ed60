//! Per-machine preferences (the interface language), kept in a small JSON file in
//! the OS config folder, apart from the database so that every database opened on
//! this machine shows the same language.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::i18n::Lang;
use crate::store::APP_IDENTIFIER;
use crate::validate::{Field, SHORT_TEXT_MAX, optional};

/// The settings as the Settings screen shows and edits them, the language resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Settings {
    pub language: Lang,
    pub japanese_era: bool,
    pub coordinator: Option<String>,
    /// The coordinator's IANA zone: the dashboard shows event times in it. The
    /// machine's zone until one is chosen.
    pub home_zone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// `None` until the coordinator picks one: the OS locale decides.
    pub language: Option<Lang>,
    /// Japanese dates in the imperial era (令和8年) rather than the Gregorian year.
    pub japanese_era: bool,
    /// The coordinator's name, written in the audit log as the author of changes.
    pub coordinator: Option<String>,
    pub home_zone: Option<String>,
    /// The database file last opened from the Settings screen; the default file if none.
    pub database: Option<PathBuf>,
}

pub fn default_path() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join("preferences.json")
}

impl Preferences {
    /// Reads the file; a missing or unreadable file means defaults, never a failed start.
    pub fn load(path: &Path) -> Preferences {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Writes through a temporary file and a rename, so a crash mid-write leaves the old file.
    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::store::private_files::create_dir_all(dir)?;
        }
        crate::store::write_atomically(
            path,
            &serde_json::to_vec_pretty(self).expect("plain struct"),
        )?;
        Ok(())
    }

    pub fn settings(&self, os_locale: Option<&str>) -> Settings {
        Settings {
            language: self.language_or(os_locale),
            japanese_era: self.japanese_era,
            coordinator: self.coordinator.clone(),
            home_zone: self
                .home_zone
                .clone()
                .unwrap_or_else(crate::zones::system_zone),
        }
    }

    /// Takes new settings after checking them; on error nothing changes.
    pub fn apply(&mut self, s: &Settings) -> Result<()> {
        let coordinator = optional(Field::Coordinator, s.coordinator.as_deref(), SHORT_TEXT_MAX)?;
        let zone = crate::zones::parse_zone(Field::HomeZone, &s.home_zone)?;
        self.home_zone = Some(zone.name().to_owned());
        self.language = Some(s.language);
        self.japanese_era = s.japanese_era;
        self.coordinator = coordinator;
        Ok(())
    }

    /// The language to show: the saved choice, else the OS locale's, else English.
    pub fn language_or(&self, os_locale: Option<&str>) -> Lang {
        self.language
            .unwrap_or_else(|| os_locale.map(Lang::from_os_locale).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_language_survives_a_reload_and_beats_the_os_locale() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p/preferences.json");
        assert_eq!(
            Preferences::load(&path).language_or(Some("fr_CA.UTF-8")),
            Lang::Fr
        );
        Preferences {
            language: Some(Lang::Ja),
            ..Default::default()
        }
        .save(&path)
        .unwrap();
        assert_eq!(
            Preferences::load(&path).language_or(Some("fr_CA.UTF-8")),
            Lang::Ja
        );
    }

    #[test]
    fn settings_are_checked_before_they_are_taken() {
        let mut p = Preferences::default();
        let mut s = p.settings(Some("ja_JP"));
        assert_eq!(s.language, Lang::Ja);
        s.coordinator = Some("x".repeat(500));
        assert!(p.apply(&s).is_err());
        assert_eq!(p, Preferences::default(), "nothing changed");
        s.coordinator = None;
        s.home_zone = "Mars/Olympus".into();
        assert_eq!(p.apply(&s).unwrap_err().field(), Some(Field::HomeZone));
        assert_eq!(p, Preferences::default(), "nothing changed");
        s.home_zone = "America/Vancouver".into();
        s.coordinator = Some("  Marie Tremblay ".into());
        s.japanese_era = true;
        p.apply(&s).unwrap();
        assert_eq!(p.coordinator.as_deref(), Some("Marie Tremblay"));
        assert!(p.japanese_era);
        assert_eq!(p.settings(None).home_zone, "America/Vancouver");
    }

    #[test]
    fn damaged_file_means_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.json");
        std::fs::write(&path, "{not json").unwrap();
        assert_eq!(Preferences::load(&path), Preferences::default());
    }
}
