//! Where rendering puts the files it produces. The renderer never opens a file itself: every
//! page, index, static file and asset is handed to a [`Sink`] as soon as it is rendered
//! (pages in parallel, so a sink is shared between threads and nothing is held back for the
//! whole build). [`DirSink`] writes into a directory (the staging directory of `sok build`);
//! [`MemorySink`] keeps the files in memory, for the tests and a live server. Committing a
//! directory as the new OUT is a separate step (`staging`).

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// Takes the output files of one build.
pub trait Sink: Sync {
    /// Stores `bytes` as the file at `path`, relative to the output root with `/`
    /// separators (`html/standards/phone-answer.html`, `handbook.md`).
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;
}

/// Writes every file under a directory, creating the folders it needs.
#[derive(Debug, Clone)]
pub struct DirSink {
    dir: PathBuf,
}

impl DirSink {
    pub fn new(dir: impl Into<PathBuf>) -> DirSink {
        DirSink { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Sink for DirSink {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, bytes)
    }
}

/// Keeps every file in memory, by path.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    pub fn new() -> MemorySink {
        MemorySink::default()
    }

    /// The files written so far, by path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sinks_keep_what_they_are_given() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DirSink::new(tmp.path());
        let memory = MemorySink::new();
        for sink in [&dir as &dyn Sink, &memory] {
            sink.write("html/standards/a.html", b"<p>a</p>").unwrap();
            sink.write("handbook.md", b"# A").unwrap();
        }
        assert_eq!(
            std::fs::read(tmp.path().join("html/standards/a.html")).unwrap(),
            b"<p>a</p>"
        );
        let files = memory.into_files();
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            ["handbook.md", "html/standards/a.html"]
        );
    }
}
