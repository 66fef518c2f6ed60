//! Per-machine preferences (the interface language), kept in a small JSON file in
//! the OS config folder, apart from the database so that every database opened on
//! this machine shows the same language.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::i18n::Lang;
use crate::store::APP_IDENTIFIER;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// `None` until the coordinator picks one: the OS locale decides.
    pub language: Option<Lang>,
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
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(self).expect("plain struct"))?;
        std::fs::rename(&tmp, path)?;
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
        }
        .save(&path)
        .unwrap();
        assert_eq!(
            Preferences::load(&path).language_or(Some("fr_CA.UTF-8")),
            Lang::Ja
        );
    }

    #[test]
    fn damaged_file_means_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("preferences.json");
        std::fs::write(&path, "{not json").unwrap();
        assert_eq!(Preferences::load(&path), Preferences::default());
    }
}
