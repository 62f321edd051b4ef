//! File access that loses nothing, shared by every loader and writer of the core.
//!
//! Reading only regular files and only up to a limit ([`read`]), atomic replacement with stale
//! temporary files cleaned up ([`atomic`]), rotating backups ([`backup`]), and the rules for
//! where a PDF report may be written ([`report_target`]).

pub mod atomic;
pub mod backup;
pub mod read;
pub mod report_target;

/// A short, lowercase description of an I/O error, fit for a user.
pub fn io_message(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    // ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows, which std reports as "other".
    if cfg!(windows) && matches!(err.raw_os_error(), Some(39 | 112)) {
        return "the disk is full".to_owned();
    }
    // An error this program made itself says exactly what is wrong.
    if let Some(inner) = err.get_ref() {
        return inner.to_string();
    }
    match err.kind() {
        K::NotFound => "file not found".to_owned(),
        K::PermissionDenied => "permission denied".to_owned(),
        K::StorageFull | K::QuotaExceeded => "the disk is full".to_owned(),
        K::ReadOnlyFilesystem => "the disk or share is read-only".to_owned(),
        K::InvalidFilename => "the file name is too long or not allowed here".to_owned(),
        K::IsADirectory => "this is a folder, not a file".to_owned(),
        _ => err.to_string(),
    }
}

/// [`io_message`] for a failed write of `path`: "file not found" there means the folder is
/// missing, and says so.
pub fn write_message(path: &std::path::Path, err: &std::io::Error) -> String {
    let folder = atomic::folder_of(path);
    if err.kind() == std::io::ErrorKind::NotFound && !folder.is_dir() {
        return format!("the folder {} does not exist", folder.display());
    }
    io_message(err)
}
