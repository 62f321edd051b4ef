//! Backups of a file about to be replaced: `<name>.bak` (the newest), then `<name>.bak.2` …
//! `<name>.bak.5` (older ones).
//!
//! A content already kept as the newest backup is not kept twice, so that repeated saves of the
//! same thing (or `new --force` run twice) never push the last real content out of the
//! rotation.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{self, NAME_MAX, truncate_bytes};

/// How many backups of one file are kept.
pub const KEEP: usize = 5;

/// The newest backup of `path`: `<name>.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    nth_backup(path, 1)
}

/// The `n`-th newest backup of `path` (1 is `<name>.bak`, 2 is `<name>.bak.2`, …).
///
/// A name too long for the file system is shortened, and then marked with a hash of the whole name
/// so that two long names never share a backup.
pub fn nth_backup(path: &Path, n: usize) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let suffix = if n <= 1 {
        ".bak".to_owned()
    } else {
        format!(".bak.{n}")
    };
    let full = format!("{name}{suffix}");
    if full.len() <= NAME_MAX {
        return path.with_file_name(full);
    }
    let hash = short_hash(&name);
    let room = NAME_MAX - suffix.len() - hash.len() - 1;
    path.with_file_name(format!("{}~{hash}{suffix}", truncate_bytes(&name, room)))
}

/// Every backup name of `path`, newest first.
pub fn backup_paths(path: &Path) -> Vec<PathBuf> {
    (1..=KEEP).map(|n| nth_backup(path, n)).collect()
}

/// Keeps `old`, the content `path` holds now, as its newest backup and shifts the older ones down
/// (the oldest beyond [`KEEP`] is dropped).
///
/// Nothing changes when `old` is already the newest backup. Returns the backup's path.
pub fn keep(path: &Path, old: &[u8], permissions: Option<fs::Permissions>) -> io::Result<PathBuf> {
    let newest = backup_path(path);
    if fs::read(&newest).is_ok_and(|kept| kept == old) {
        return Ok(newest);
    }
    let names = backup_paths(path);
    for pair in names.windows(2).rev() {
        let (newer, older) = (&pair[0], &pair[1]);
        match fs::rename(newer, older) {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => return Err(err),
        }
    }
    atomic::write_with_permissions(&newest, old, permissions)?;
    Ok(newest)
}

/// Moves the file `path` to `to` (a file set aside, such as a damaged autosave), keeping what
/// `to` held before as its backup. Returns `to`.
pub fn keep_by_rename(path: &Path, to: &Path) -> io::Result<PathBuf> {
    if let Ok(old) = fs::read(to) {
        keep(to, &old, None)?;
    }
    fs::rename(path, to)?;
    Ok(to.to_path_buf())
}

/// Eight hexadecimal digits of the SHA-256 of `text`.
fn short_hash(text: &str) -> String {
    use sha2::{Digest as _, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_fit_and_differ_for_long_names() {
        let a = format!("{}a.ron", "x".repeat(250));
        let b = format!("{}b.ron", "x".repeat(250));
        for n in 1..=KEEP {
            let (pa, pb) = (nth_backup(Path::new(&a), n), nth_backup(Path::new(&b), n));
            let len = pa.file_name().map_or(0, |f| f.len());
            assert!(len <= NAME_MAX, "{len} bytes");
            assert_ne!(pa, pb, "two long names keep apart backups");
        }
        assert_eq!(
            nth_backup(Path::new("d/a.ron"), 1),
            Path::new("d/a.ron.bak")
        );
        assert_eq!(
            nth_backup(Path::new("d/a.ron"), 3),
            Path::new("d/a.ron.bak.3")
        );
    }
}
