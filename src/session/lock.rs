//! A lock file next to an open assessment, so that two people who open the same file on a network
//! share learn of each other before one overwrites the other's work.
//!
//! The lock is advice, not a barrier: `.<name>.plattformcheck-lock` says who has the file open,
//! on which computer and since when. The desktop app takes it when it opens a file and removes it
//! when it closes the file; finding someone else's lock, it asks before going on. A lock whose
//! program is gone (same computer, no such process; looked up on Linux) or that is older than a
//! day is shown as stale. Operating-system locks would not do: on SMB shares they are not
//! reliable across clients, and they cannot say who holds them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fsio;

/// A lock older than this counts as stale even when its process cannot be checked.
const STALE_AFTER_SECS: i64 = 24 * 60 * 60;

/// Who holds a lock.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename = "Lock")]
pub struct Holder {
    /// The user name.
    pub user: String,
    /// The computer.
    pub host: String,
    /// The process.
    pub pid: u32,
    /// Since when (seconds since 1970, UTC).
    pub since: i64,
}

impl Holder {
    /// This process, now.
    pub fn me() -> Self {
        Self {
            user: env_first(&["USER", "USERNAME", "LOGNAME"]).unwrap_or_else(|| "?".into()),
            host: host_name(),
            pid: std::process::id(),
            since: crate::dates::now().unix_timestamp(),
        }
    }

    /// Whether this is the lock of this very process.
    pub fn is_me(&self) -> bool {
        let me = Self::me();
        self.host == me.host && self.pid == me.pid
    }

    /// Whether the lock is left over: its process is gone (checked on this computer only), or it
    /// is older than a day.
    pub fn is_stale(&self) -> bool {
        let old = crate::dates::now().unix_timestamp() - self.since > STALE_AFTER_SECS;
        old || (self.host == host_name() && !process_alive(self.pid))
    }

    /// When the lock was taken, for messages ("2026-12-02 09:14 UTC").
    pub fn since_text(&self) -> String {
        time::OffsetDateTime::from_unix_timestamp(self.since).map_or_else(
            |_| "?".into(),
            |t| {
                format!(
                    "{:04}-{:02}-{:02} {:02}:{:02} UTC",
                    t.year(),
                    u8::from(t.month()),
                    t.day(),
                    t.hour(),
                    t.minute()
                )
            },
        )
    }
}

/// The lock file of `path`.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    fsio::atomic::folder_of(path).join(format!(
        ".{}.plattformcheck-lock",
        fsio::atomic::truncate_bytes(&name, 200)
    ))
}

/// Who holds the lock on `path`, if anyone (an unreadable lock file counts as held by "?").
pub fn holder(path: &Path) -> Option<Holder> {
    let lock = lock_path(path);
    let bytes = fsio::read::read_regular(&lock, 64 * 1024).ok()?;
    Some(
        std::str::from_utf8(&bytes)
            .ok()
            .and_then(|t| ron::from_str(t).ok())
            .unwrap_or(Holder {
                user: "?".into(),
                host: "?".into(),
                pid: 0,
                since: 0,
            }),
    )
}

/// Takes the lock on `path` for this process, replacing any other (the user chose to go on).
/// A folder where no lock can be written (read-only media) is no error: the lock is advice.
pub fn take(path: &Path) -> Option<PathBuf> {
    let lock = lock_path(path);
    let text = ron::to_string(&Holder::me()).ok()?;
    fsio::atomic::write_atomic(&lock, text.as_bytes()).ok()?;
    Some(lock)
}

/// Removes the lock on `path` if it is this process's own.
pub fn release(path: &Path) {
    if holder(path).is_some_and(|h| h.is_me()) {
        std::fs::remove_file(lock_path(path)).ok();
    }
}

fn env_first(names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| std::env::var(n).ok().filter(|v| !v.trim().is_empty()))
}

fn host_name() -> String {
    env_first(&["COMPUTERNAME", "HOSTNAME"])
        .or_else(|| {
            std::fs::read_to_string("/etc/hostname")
                .ok()
                .map(|h| h.trim().to_owned())
                .filter(|h| !h.is_empty())
        })
        .unwrap_or_else(|| "?".into())
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    // Without a check that needs no unsafe code, a lock on this computer is taken to be alive
    // until it is a day old; the user can always take it over.
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_names_its_holder_and_is_released_by_it_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("A.ron");
        assert_eq!(holder(&file), None, "no lock yet");
        take(&file).expect("lock written");
        let h = holder(&file).expect("held");
        assert!(h.is_me() && !h.is_stale(), "{h:?}");
        release(&file);
        assert_eq!(holder(&file), None, "released");

        let other = Holder {
            user: "kollegin".into(),
            host: "anderer-pc".into(),
            pid: 1,
            since: crate::dates::now().unix_timestamp(),
        };
        std::fs::write(lock_path(&file), ron::to_string(&other).expect("text")).expect("write");
        release(&file);
        assert_eq!(
            holder(&file),
            Some(other.clone()),
            "someone else's lock stays"
        );
        assert!(!other.is_stale(), "another computer's fresh lock is live");
        let old = Holder {
            since: other.since - STALE_AFTER_SECS - 1,
            ..other
        };
        assert!(old.is_stale(), "a day-old lock is stale");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_lock_of_a_process_that_is_gone_is_stale() {
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let pid = child.id();
        child.wait().expect("wait");
        let gone = Holder {
            pid,
            ..Holder::me()
        };
        assert!(gone.is_stale(), "the process {pid} has ended");
    }
}
