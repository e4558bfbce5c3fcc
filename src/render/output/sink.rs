//! Where rendering puts the files it produces. The renderer never opens a file itself: every
//! page, index, static file and asset is handed to a [`Sink`] as soon as it is rendered
//! (pages in parallel, so a sink is shared between threads and nothing is held back for the
//! whole build). [`DirSink`] writes into a directory (the staging directory of `sok build`);
//! [`MemorySink`] keeps the files in memory, for the tests and a live server. The single
//! documents (print.html, handbook.md) are larger than everything else together, so they are
//! written piece by piece through [`Sink::write_stream`] rather than held whole. Committing a
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

    /// Stores the file at `path` from what `fill` writes, piece by piece. The default keeps
    /// the pieces in memory and hands them to [`Sink::write`] at the end.
    fn write_stream(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut bytes = Vec::new();
        fill(&mut bytes)?;
        self.write(path, &bytes)
    }
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

    fn write_stream(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = io::BufWriter::with_capacity(1 << 20, std::fs::File::create(target)?);
        fill(&mut file)?;
        io::Write::flush(&mut file)
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
            sink.write_stream("html/print.html", &mut |out| {
                out.write_all(b"<p>")?;
                out.write_all(b"b</p>")
            })
            .unwrap();
        }
        assert_eq!(
            std::fs::read(tmp.path().join("html/print.html")).unwrap(),
            b"<p>b</p>"
        );
        assert_eq!(
            std::fs::read(tmp.path().join("html/standards/a.html")).unwrap(),
            b"<p>a</p>"
        );
        let files = memory.into_files();
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            ["handbook.md", "html/print.html", "html/standards/a.html"]
        );
    }
}
