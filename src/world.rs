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

impl World for DirWorld {
    fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        std::fs::read(self.root.join(path))
    }
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
