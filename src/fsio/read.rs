//! Reading a file that the user named: only a regular file, only up to a size limit, never
//! blocking on a pipe or a device.

use std::fs::{File, OpenOptions};
use std::io::{self, Read as _};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Opening or reading failed.
    #[error("{}", super::io_message(.0))]
    Io(#[from] io::Error),
    /// A folder, FIFO, socket or device.
    #[error("not a regular file (a folder, pipe or device)")]
    NotRegular,
    /// Larger than the limit.
    #[error("the file is {size} bytes, more than the {max} bytes allowed")]
    TooLarge {
        /// Its size (at least).
        size: u64,
        /// The limit.
        max: u64,
    },
}

/// Reads the regular file `path`, refusing anything else and anything over `max` bytes.
///
/// The file is opened without blocking (a FIFO swapped in after a check would otherwise hang
/// the open), then checked on the open handle, so there is no window between check and read.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    // A stat first gives "not a regular file" rather than an open error for folders on Windows.
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            max,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take` guards against a file that grows between the size check and the read.
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}
