//! One build at a time into one OUT: an exclusive lock on the directory that holds OUT, held
//! from the staging directory's creation to the commit. A second build waits for the first
//! (up to [`WAIT`]), then fails with a message that says why, rather than both swapping at
//! once. The lock is the operating system's (`flock` on the directory itself), so it leaves
//! no file in the user's folder and a killed build never leaves it held.

use std::fs::File;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::Error;

/// How long a build waits for another one into the same OUT.
pub(crate) const WAIT: Duration = Duration::from_secs(120);

/// Held while a build writes and commits; released when dropped.
#[derive(Debug)]
pub(crate) struct OutLock {
    _file: File,
}

/// Takes the lock of the output `out` (an absolute path whose parent exists), waiting up to
/// `wait`.
pub(crate) fn lock(out: &Path, wait: Duration) -> Result<OutLock, Error> {
    let path = out.parent().unwrap_or(out);
    let file = File::open(path)
        .map_err(|e| Error::new(format!("cannot open `{}`: {e}", path.display())))?;
    let start = Instant::now();
    loop {
        match try_lock(&file) {
            Ok(()) => return Ok(OutLock { _file: file }),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock && start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                return Err(Error::new(format!(
                    "another `sok build` has been writing `{}` for over {} s",
                    out.display(),
                    wait.as_secs()
                ))
                .with_help("wait for it to finish, or build into another directory with --out"));
            }
            Err(e) => {
                return Err(Error::new(format!("cannot lock `{}`: {e}", path.display())));
            }
        }
    }
}

#[cfg(unix)]
fn try_lock(file: &File) -> io::Result<()> {
    use rustix::fs::{FlockOperation, flock};
    flock(file, FlockOperation::NonBlockingLockExclusive).map_err(io::Error::from)
}

/// Elsewhere builds are not serialized (docs/build.md).
#[cfg(not(unix))]
fn try_lock(_: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_second_build_waits_then_fails_clearly() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        let first = lock(&out, WAIT).unwrap();
        let error = lock(&out, Duration::from_millis(300)).unwrap_err();
        assert!(
            error.message.contains("another `sok build`"),
            "{}",
            error.message
        );
        drop(first);
        lock(&out, Duration::ZERO).expect("free again once the first is done");
    }
}
