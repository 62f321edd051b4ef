//! Where files go (documents folder, data folder) and the system file dialog, which runs on its
//! own thread so the window never freezes; without a system dialog the in-app path field remains.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use super::action::FilePurpose;
use crate::session::Session;

/// The app's one folder for its own files.
///
/// It holds the preferences with the recent files, the autosave and the window's size:
/// `$PLATTFORMCHECK_DATA_DIR` if set (tests, portable use), else the
/// platform's local data folder: `~/.local/share/plattform-check` on Linux,
/// `%LOCALAPPDATA%\Plattform-Check\Plattform-Check\data` on Windows (local, not roaming: work in
/// progress stays on the machine it was done on), `~/Library/Application
/// Support/de.Plattform-Check.Plattform-Check` on macOS.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PLATTFORMCHECK_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("de", "Plattform-Check", "Plattform-Check")
        .map(|d| d.data_local_dir().to_path_buf())
}

/// The documents folder, else the home folder, else the working directory.
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `Datenschutzpruefung_<Konto>_<Datum>.pcheck`, with the account reduced to safe characters.
pub fn default_file_name(account: &str) -> String {
    default_name(account, crate::assessment::FILE_EXTENSION)
}

/// `Datenschutzpruefung_<Konto>_<Datum>.<ext>`.
pub fn default_name(account: &str, ext: &str) -> String {
    let safe: String = account
        .chars()
        .map(|c| match c {
            'ä' => "ae".to_owned(),
            'ö' => "oe".to_owned(),
            'ü' => "ue".to_owned(),
            'Ä' => "Ae".to_owned(),
            'Ö' => "Oe".to_owned(),
            'Ü' => "Ue".to_owned(),
            'ß' => "ss".to_owned(),
            c if c.is_ascii_alphanumeric() || c == '-' || c == '.' => c.to_string(),
            _ => "_".to_owned(),
        })
        .collect::<String>()
        .trim_matches(['_', '.'])
        .to_owned();
    let account = if safe.is_empty() {
        "Kanal".to_owned()
    } else {
        safe
    };
    let date = crate::dates::today()
        .format(crate::dates::ISO_DATE)
        .unwrap_or_default();
    format!("Datenschutzpruefung_{account}_{date}.{ext}")
}

/// Opens the system dialog for `purpose` on a thread; the answer arrives on the receiver
/// (`None` when cancelled or when no system dialog is available).
pub fn spawn_dialog(purpose: FilePurpose, start: &Path) -> Receiver<Option<PathBuf>> {
    let (tx, rx) = channel();
    let start = start.to_path_buf();
    std::thread::spawn(move || {
        let (dir, name) = if start.is_dir() {
            (start.clone(), None)
        } else {
            (
                start.parent().map(Path::to_path_buf).unwrap_or_default(),
                start.file_name().map(|n| n.to_string_lossy().into_owned()),
            )
        };
        let mut dialog = rfd::FileDialog::new().set_directory(dir);
        let picked = match purpose {
            FilePurpose::Open | FilePurpose::Compare => dialog
                .add_filter(
                    "Plattform-Check",
                    &[crate::assessment::FILE_EXTENSION, "ron"],
                )
                .pick_file(),
            FilePurpose::Checklist => dialog.add_filter("Checkliste (RON)", &["ron"]).pick_file(),
            FilePurpose::SaveAs => {
                if let Some(name) = name {
                    dialog = dialog.set_file_name(name);
                }
                dialog
                    .add_filter("Plattform-Check", &[crate::assessment::FILE_EXTENSION])
                    .add_filter("RON", &["ron"])
                    .save_file()
            }
            FilePurpose::ExportPdf => {
                if let Some(name) = name {
                    dialog = dialog.set_file_name(name);
                }
                dialog.add_filter("PDF", &["pdf"]).save_file()
            }
            FilePurpose::VerifyPdf => dialog.add_filter("PDF", &["pdf"]).pick_file(),
            FilePurpose::ExportCalendar => {
                if let Some(name) = name {
                    dialog = dialog.set_file_name(name);
                }
                dialog.add_filter("iCalendar", &["ics"]).save_file()
            }
        };
        tx.send(picked).ok();
    });
    rx
}

impl super::app::App {
    pub(super) fn default_path(&self, purpose: FilePurpose) -> PathBuf {
        let dir = documents_dir();
        match purpose {
            FilePurpose::SaveAs => {
                if let Some(path) = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.path().map(Path::to_path_buf))
                {
                    return path;
                }
                let account = self.account();
                dir.join(default_file_name(&account))
            }
            FilePurpose::ExportPdf => {
                let account = self.account();
                self.doc_folder()
                    .unwrap_or(dir)
                    .join(default_name(&account, "pdf"))
            }
            FilePurpose::ExportCalendar => {
                let account = self.account();
                self.doc_folder()
                    .unwrap_or(dir)
                    .join(default_name(&account, "ics"))
            }
            FilePurpose::Compare | FilePurpose::VerifyPdf => {
                self.doc_folder().unwrap_or(dir).join("")
            }
            // Where the user works: the open file's folder, else the last file's, else the
            // documents folder. The path ends in a separator so that the name can be typed on.
            FilePurpose::Open | FilePurpose::Checklist => self
                .doc_folder()
                .or_else(|| {
                    self.prefs
                        .recent
                        .first()
                        .and_then(|p| p.parent())
                        .map(Path::to_path_buf)
                })
                .unwrap_or(dir)
                .join(""),
        }
    }

    /// The folder of the open assessment's file.
    /// The open assessment's account (the channel's handle), for default file names.
    fn account(&self) -> String {
        self.doc
            .as_ref()
            .map(|d| d.assessment().metadata.account.clone())
            .unwrap_or_default()
    }

    pub(super) fn doc_folder(&self) -> Option<PathBuf> {
        self.doc
            .as_ref()
            .and_then(Session::path)
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }
}

#[cfg(test)]
mod tests {
    use super::default_file_name;

    #[test]
    fn file_names_are_safe() {
        let name = default_file_name("@stadt.münchen/ä b");
        assert!(
            name.starts_with("Datenschutzpruefung_stadt.muenchen_ae_b_"),
            "{name}"
        );
        assert!(name.ends_with(".pcheck"), "{name}");
        assert!(
            default_file_name("").starts_with("Datenschutzpruefung_Kanal_"),
            "empty account"
        );
    }
}
