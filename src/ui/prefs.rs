//! The preferences file, `prefs.ron` in the app's folder beside the autosave.
//!
//! It is read at start and written atomically whenever the preferences change, so that a crash or a killed session
//! loses no setting and no recent file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::state::Prefs;
use crate::session::settings::{self, SettingsError};

/// Name of the preferences file in the app's folder.
pub const FILE_NAME: &str = "prefs.ron";

/// Name of eframe's own file in the app's folder (window size and position, egui's memory).
pub const WINDOW_FILE: &str = "window.ron";

/// What reading the preferences found.
#[derive(Debug)]
pub struct Loaded {
    /// The preferences: the file's, the old location's, or the defaults.
    pub prefs: Prefs,
    /// Why the file could not be used (its path and the reason), if it could not.
    pub problem: Option<String>,
}

/// Reads the preferences from `dir`.
///
/// Without a file there, the preferences an older version kept in eframe's storage
/// (`old_storage`, its `app.ron`) are taken over; a damaged file gives the defaults and a
/// message naming it (the file is left as it is until the next change).
pub fn load(dir: &Path, old_storage: Option<&Path>) -> Loaded {
    let path = dir.join(FILE_NAME);
    match settings::read(&path) {
        Ok(prefs) => Loaded {
            prefs,
            problem: None,
        },
        Err(SettingsError::Missing) => Loaded {
            prefs: old_storage.and_then(from_old_storage).unwrap_or_default(),
            problem: None,
        },
        Err(err) => Loaded {
            prefs: Prefs::default(),
            problem: Some(format!(
                "{}: {err}; the default settings are used",
                path.display()
            )),
        },
    }
}

/// The preferences in eframe's storage file of versions up to 0.2 (a map from key to RON text,
/// ours under eframe's `APP_KEY`).
fn from_old_storage(file: &Path) -> Option<Prefs> {
    let map: HashMap<String, String> = settings::read(file).ok()?;
    ron::from_str(map.get(eframe::APP_KEY)?).ok()
}

/// eframe's storage file of versions up to 0.2, which kept the preferences there.
pub fn old_storage_file() -> Option<PathBuf> {
    eframe::storage_dir(super::APP_ID).map(|d| d.join("app.ron"))
}

/// Writes `prefs` to `dir` atomically (the folder is created if needed).
///
/// # Errors
/// The folder cannot be created or the file cannot be written.
pub fn save(dir: &Path, prefs: &Prefs) -> std::io::Result<()> {
    settings::write(&dir.join(FILE_NAME), prefs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn saved_preferences_load_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let prefs = Prefs {
            dark: true,
            lang: Lang::En,
            recent: vec![PathBuf::from("/x/Prüfung ✓.pcheck")],
            ..Prefs::default()
        };
        save(dir.path(), &prefs).expect("save");
        let loaded = load(dir.path(), None);
        assert_eq!(loaded.prefs, prefs);
        assert!(loaded.problem.is_none(), "{:?}", loaded.problem);
    }

    #[test]
    fn a_damaged_file_gives_defaults_and_names_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(FILE_NAME), "(dark: tru").expect("write");
        let loaded = load(dir.path(), None);
        assert_eq!(loaded.prefs, Prefs::default());
        let problem = loaded.problem.expect("a message");
        assert!(problem.contains(FILE_NAME), "{problem}");
    }

    #[test]
    fn preferences_of_the_old_location_are_taken_over_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = dir.path().join("old-app.ron");
        let prefs = Prefs {
            projector: true,
            recent: vec![PathBuf::from("/a/b.ron")],
            ..Prefs::default()
        };
        let inner = ron::to_string(&prefs).expect("ron");
        let map: HashMap<String, String> = [(eframe::APP_KEY.to_owned(), inner)].into();
        std::fs::write(&old, ron::to_string(&map).expect("ron")).expect("write");
        let app_dir = dir.path().join("app");
        assert_eq!(load(&app_dir, Some(&old)).prefs, prefs);
        // Once the new file exists, the old one no longer counts.
        save(&app_dir, &Prefs::default()).expect("save");
        assert_eq!(load(&app_dir, Some(&old)).prefs, Prefs::default());
    }
}
