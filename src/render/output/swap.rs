//! Putting a finished build in place of the old one so that, at every instant, OUT is either
//! the complete old build or the complete new one.
//!
//! Where the file system can, both directories are exchanged in one system call
//! (`renameat2(RENAME_EXCHANGE)`, Linux 3.15+ on ext4, XFS, Btrfs, tmpfs...). Elsewhere the
//! old OUT is renamed away and the new one renamed in: a build killed between the two
//! renames leaves the old build at `.OUT.old-*` and nothing at OUT, which the next build
//! cleans up (docs/build.md, "Replacing the output safely"). An OUT that cannot be renamed
//! at all (a mount point: `EBUSY`) gets its entries replaced instead: the old entries are
//! moved into a hidden folder inside OUT, the new ones moved in, the old ones deleted.

use std::io;
use std::path::{Path, PathBuf};

/// How the previous build was put aside.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Swapped {
    /// The two directories were exchanged: the old build is now at the staging path.
    Exchanged,
    /// OUT was renamed away to this path, then the new build renamed in.
    Renamed(PathBuf),
    /// OUT is a mount point: its entries were replaced; the old ones are in this folder
    /// inside OUT.
    Contents(PathBuf),
}

/// A point of the commit at which a test may look at OUT (or stop, as a kill would).
pub(crate) type Probe<'a> = &'a dyn Fn(&str) -> io::Result<()>;

/// Exchanges `new` and `out` (both exist), by the best way the file system has.
pub(crate) fn swap(new: &Path, out: &Path, aside: &Path, probe: Probe<'_>) -> io::Result<Swapped> {
    match exchange(new, out) {
        Ok(()) => {
            probe("exchanged")?;
            return Ok(Swapped::Exchanged);
        }
        Err(e) if e.raw_os_error() == Some(BUSY) => return replace_contents(new, out, probe),
        Err(e) if !unsupported(&e) => return Err(e),
        Err(_) => {}
    }
    match std::fs::rename(out, aside) {
        Ok(()) => {}
        Err(e) if e.raw_os_error() == Some(BUSY) => return replace_contents(new, out, probe),
        Err(e) => return Err(e),
    }
    probe("renamed-away")?;
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(aside, out);
        return Err(e);
    }
    probe("renamed-in")?;
    Ok(Swapped::Renamed(aside.to_path_buf()))
}

/// `EBUSY`: the path is a mount point (or in use as one).
const BUSY: i32 = 16;

/// Whether an exchange failed only because this system or file system does not offer it.
fn unsupported(e: &io::Error) -> bool {
    // EINVAL (flag unknown to the file system), ENOSYS (old kernel), EOPNOTSUPP, and any
    // platform without the call.
    matches!(e.raw_os_error(), Some(22 | 38 | 95)) || e.kind() == io::ErrorKind::Unsupported
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// OUT cannot be renamed: move its entries into `OUT/.sok-old-*`, then the new build's entries
/// into OUT. Readers may see a mix while it runs; a kill leaves the old entries in the hidden
/// folder, which the next build deletes.
pub(crate) fn replace_contents(new: &Path, out: &Path, probe: Probe<'_>) -> io::Result<Swapped> {
    let old = tempfile::Builder::new()
        .prefix(".sok-old-")
        .tempdir_in(out)?
        .keep();
    let hidden = |name: &std::ffi::OsStr| {
        let name = name.to_string_lossy();
        name.starts_with(".sok-old-") || name.starts_with(".sok-staging-")
    };
    for entry in std::fs::read_dir(out)? {
        let entry = entry?;
        if hidden(&entry.file_name()) {
            continue;
        }
        std::fs::rename(entry.path(), old.join(entry.file_name()))?;
    }
    probe("contents-away")?;
    for entry in std::fs::read_dir(new)? {
        let entry = entry?;
        std::fs::rename(entry.path(), out.join(entry.file_name()))?;
    }
    probe("contents-in")?;
    Ok(Swapped::Contents(old))
}
