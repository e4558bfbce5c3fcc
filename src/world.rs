//! Where the compiler's input comes from.
//!
//! Every file sok reads from a handbook (sources, templates, assets) goes through one
//! [`World`], as typst reads through its `World`: the CLI supplies a directory on disk,
//! `sok diff` a git revision, the tests and a live server a set of files in memory. No stage
//! after discovery touches the file system for input itself.

use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;

/// A way to read the handbook's files by their root-relative path (`/` separators).
pub trait World: Send + Sync + std::fmt::Debug {
    /// The bytes of the file at `path`.
    fn read(&self, path: &str) -> io::Result<Vec<u8>>;
}

/// A handbook directory on disk.
#[derive(Debug, Clone)]
pub struct DirWorld {
    root: PathBuf,
}

impl DirWorld {
    pub fn new(root: impl Into<PathBuf>) -> DirWorld {
        DirWorld { root: root.into() }
    }
}

/// Whether `error` is the system running out of something (file descriptors, memory) rather
/// than a problem of one file: reported once as an I/O error, never file by file.
pub fn is_exhausted(error: &io::Error) -> bool {
    // ENOMEM, ENFILE, EMFILE
    matches!(error.raw_os_error(), Some(12 | 23 | 24)) || error.kind() == io::ErrorKind::OutOfMemory
}

/// The largest file sok reads from a handbook (a source, a template or an asset).
pub const MAX_FILE_BYTES: u64 = 64 << 20;

impl World for DirWorld {
    /// Reads `path` without following a symbolic link anywhere below the root, and only if it
    /// is a regular file of at most [`MAX_FILE_BYTES`]: discovery refuses links, and a link (or a
    /// pipe) swapped in after it must not make a build read or publish a file from outside the
    /// handbook, or wait forever.
    fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        use std::io::Read;
        let mut file = open_beneath(&self.root, path)?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(io::Error::other("not a regular file"));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(io::Error::other(format!(
                "the file is larger than {} MiB, the most sok reads",
                MAX_FILE_BYTES >> 20
            )));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.by_ref()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

/// Opens `root/relative` one component at a time, refusing symbolic links (`O_NOFOLLOW`) and
/// `..`, so that nothing outside `root` is opened even if the tree changes meanwhile.
#[cfg(unix)]
fn open_beneath(root: &std::path::Path, relative: &str) -> io::Result<std::fs::File> {
    use rustix::fs::{CWD, Mode, OFlags, openat};
    let link = || io::Error::other("a symbolic link, which sok does not follow");
    let mut dir = openat(
        CWD,
        root,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    let parts: Vec<&str> = relative.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        if part.is_empty() || *part == "." || *part == ".." {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a path inside the handbook",
            ));
        }
        let last = i + 1 == parts.len();
        // A pipe or device swapped in must not block the open.
        let kind = if last {
            OFlags::NONBLOCK
        } else {
            OFlags::DIRECTORY
        };
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | kind;
        let fd = openat(&dir, *part, flags, Mode::empty()).map_err(|e| {
            if e == rustix::io::Errno::LOOP || (!last && e == rustix::io::Errno::NOTDIR) {
                link()
            } else {
                io::Error::from(e)
            }
        })?;
        if last {
            return Ok(std::fs::File::from(fd));
        }
        dir = fd;
    }
    Err(io::Error::new(io::ErrorKind::InvalidInput, "an empty path"))
}

#[cfg(not(unix))]
fn open_beneath(root: &std::path::Path, relative: &str) -> io::Result<std::fs::File> {
    let path = root.join(relative);
    if std::fs::symlink_metadata(&path)?.file_type().is_symlink() {
        return Err(io::Error::other(
            "a symbolic link, which sok does not follow",
        ));
    }
    std::fs::File::open(path)
}

/// Files held in memory: a git revision's blobs, a test's handbook, an editor's buffers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryWorld {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl MemoryWorld {
    /// Every path it holds, sorted.
    pub fn paths(&self) -> Vec<String> {
        self.files.keys().cloned().collect()
    }
}

impl World for MemoryWorld {
    fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        self.files
            .get(path)
            .cloned()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("{path} not read")))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// Discovery refuses links; a link swapped in afterwards (here: before the read) is refused
    /// by the read itself, so no file from outside the handbook reaches a build.
    #[test]
    fn a_link_swapped_in_after_discovery_is_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("assets/img")).unwrap();
        std::fs::write(root.path().join("assets/logo.svg"), "<svg/>").unwrap();
        let world = DirWorld::new(root.path());
        assert_eq!(world.read("assets/logo.svg").unwrap(), b"<svg/>");
        // The file, then a folder on the way to it, replaced by links.
        std::fs::remove_file(root.path().join("assets/logo.svg")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.txt"),
            root.path().join("assets/logo.svg"),
        )
        .unwrap();
        let error = world.read("assets/logo.svg").unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        std::fs::remove_dir_all(root.path().join("assets/img")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.path().join("assets/img")).unwrap();
        let error = world.read("assets/img/secret.txt").unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert!(world.read("../secret.txt").is_err());
    }

    /// A pipe swapped in for a source would block a plain open forever.
    #[test]
    fn a_pipe_is_refused_without_waiting() {
        let root = tempfile::tempdir().unwrap();
        let fifo = root.path().join("principles.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            assert!(std::env::var_os("CI").is_none(), "mkfifo is missing");
            return;
        }
        let error = DirWorld::new(root.path())
            .read("principles.toml")
            .unwrap_err();
        assert!(error.to_string().contains("not a regular file"), "{error}");
    }
}
