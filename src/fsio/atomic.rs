//! Atomic file replacement: the new content goes to a temporary file in the same folder, is
//! flushed to disk and renamed over the target, so that a crash leaves the old or the new file,
//! never a mix.
//!
//! The temporary files carry this program's own naming pattern
//! (`.<name>.plattformcheck-<pid>-<n>.tmp`) and stay locked while they are written. A process
//! killed mid-write leaves one behind, unlocked: the next write into the same folder removes
//! such leftovers, and only those (the pattern, and no lock held on them).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// The longest file name (in bytes) that the common file systems accept (ext4, NTFS, APFS).
pub const NAME_MAX: usize = 255;

/// The marker in this program's temporary file names.
const MARKER: &str = ".plattformcheck-";
/// The ending of this program's temporary file names.
const ENDING: &str = ".tmp";

/// Writes `bytes` to `path` so that a crash leaves the old or the new content, never a mix.
///
/// Refuses a target that exists and is not a regular file (a folder, a FIFO, a device) or is
/// read-only. An existing target's permissions carry over to the new file. A symbolic link is
/// followed: the file it points to is replaced, the link stays.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with_permissions(path, bytes, None)
}

/// [`write_atomic`], giving the new file `permissions` (`None`: those of the file it replaces,
/// or the system's default for a new file). The permissions are set before anything is written.
pub fn write_with_permissions(
    path: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> io::Result<()> {
    let path = resolve_link(path);
    let previous = existing_target(&path)?;
    let permissions = permissions.or_else(|| previous.map(|meta| meta.permissions()));
    let dir = folder_of(&path);
    clean_stale(&dir);
    // A cleaner in another process may remove our temporary file in the instant between its
    // creation and its lock; the rename then fails with "not found", and one retry is enough.
    match write_once(&path, &dir, bytes, permissions.as_ref()) {
        Err(err) if err.kind() == io::ErrorKind::NotFound && dir.is_dir() => {
            write_once(&path, &dir, bytes, permissions.as_ref())
        }
        other => other,
    }
}

/// The folder a file is in (`.` for a bare name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a symbolic link points to (the path itself if it is none, or if it is dangling).
fn resolve_link(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// The metadata of the file `path` replaces, if there is one; refuses what must not be
/// replaced.
fn existing_target(path: &Path) -> io::Result<Option<fs::Metadata>> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a folder, pipe or device); nothing was written",
        )),
        Ok(meta) if meta.permissions().readonly() => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        )),
        Ok(meta) => Ok(Some(meta)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}

fn write_once(
    path: &Path,
    dir: &Path,
    bytes: &[u8],
    permissions: Option<&fs::Permissions>,
) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp_path, mut file) = create_temp(dir, &name)?;
    let result = (|| {
        // Held until the file is renamed (or closed), so that no other process takes it for a
        // leftover of a crash.
        file.lock()?;
        if let Some(permissions) = permissions {
            file.set_permissions(permissions.clone())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        // Windows cannot rename a file that is open with a lock on it; elsewhere the lock is
        // kept through the rename.
        #[cfg(windows)]
        drop(file);
        fs::rename(&tmp_path, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        fs::remove_file(&tmp_path).ok();
    }
    result
}

/// Creates a new temporary file in `dir` for the target `name`.
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut last = None;
    for n in 0..100u32 {
        let candidate = dir.join(temp_name(name, pid, n));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            // Only a name taken (by a leftover of an earlier process with this pid) is worth
            // another try; any other failure (no folder, no permission, disk full) is the answer.
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("cannot create a temporary file")))
}

/// `.<name>.plattformcheck-<pid>-<n>.tmp`, with `<name>` shortened so that the whole fits
/// [`NAME_MAX`] bytes.
pub fn temp_name(name: &str, pid: u32, n: u32) -> String {
    let suffix = format!("{MARKER}{pid}-{n}{ENDING}");
    let room = NAME_MAX - 1 - suffix.len();
    format!(".{}{suffix}", truncate_bytes(name, room))
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub fn truncate_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Whether `name` has the pattern of this program's temporary files.
pub fn is_temp_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.').and_then(|r| r.strip_suffix(ENDING)) else {
        return false;
    };
    let Some((_, numbers)) = rest.rsplit_once(MARKER) else {
        return false;
    };
    let Some((pid, n)) = numbers.split_once('-') else {
        return false;
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    digits(pid) && digits(n)
}

/// Removes this program's temporary files in `dir` that no process is writing (none holds a lock on
/// them): what a crash or a kill left behind.
///
/// Returns how many were removed. Anything that does not match the pattern, or cannot be examined,
/// is left alone.
pub fn clean_stale(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temp_name(name) || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = OpenOptions::new().write(true).open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Makes the rename durable on Unix; Windows has no directory handles for this.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        d.sync_all().ok();
    }
    #[cfg(not(unix))]
    let _no_directory_sync: &Path = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_fit_and_match_the_pattern() {
        let long = "ä".repeat(127); // 254 bytes
        for name in ["bewertung.ron", long.as_str(), "x"] {
            let tmp = temp_name(name, 4_294_967_295, 99);
            assert!(tmp.len() <= NAME_MAX, "{} bytes: {tmp}", tmp.len());
            assert!(is_temp_name(&tmp), "pattern: {tmp}");
        }
    }

    #[test]
    fn other_names_are_not_taken_for_temp_files() {
        for name in [
            "bewertung.ron",
            ".bewertung.ron.tmp",
            ".x.plattformcheck-12-.tmp",
            ".x.plattformcheck--3.tmp",
            ".x.plattformcheck-1a-3.tmp",
            "x.plattformcheck-1-3.tmp",
            ".x.plattformcheck-1-3.tmp.bak",
        ] {
            assert!(!is_temp_name(name), "{name}");
        }
    }
}
