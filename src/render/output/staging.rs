//! Committing a build: it is written into a sibling `.OUT.tmp-*` directory, and only when
//! everything is written is the old OUT renamed away, the new one renamed into place and the
//! old one deleted, so that a reader never sees half a build and a failed build leaves the
//! previous one exactly as it was.

use std::io;
use std::path::{Path, PathBuf};

use super::absolute::absolute;
use crate::layout::OUTPUT_MARKER;

/// The content of the marker file every build leaves in OUT.
pub(crate) const MARKER_TEXT: &str = "This directory was written by `sok build`.\n\
It is replaced as a whole on every build: do not keep your own files here.\n";

/// A build being written next to its final place.
pub struct Staging {
    dir: tempfile::TempDir,
    out: PathBuf,
}

impl Staging {
    /// Creates `.OUT.tmp-*` beside `out` (and `out`'s parents) with the marker file in it.
    pub fn new(out: &Path) -> io::Result<Staging> {
        let out = absolute(out)?;
        let parent = out
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name = out
            .file_name()
            .map_or_else(|| "build".into(), |n| n.to_string_lossy().into_owned());
        std::fs::create_dir_all(&parent)?;
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.tmp-"))
            .tempdir_in(&parent)?;
        std::fs::write(dir.path().join(OUTPUT_MARKER), MARKER_TEXT)?;
        Ok(Staging { dir, out })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Puts the new build in place of the old one (if any) and deletes the old one.
    pub fn commit(self) -> io::Result<PathBuf> {
        let Staging { dir, out } = self;
        let old = if std::fs::symlink_metadata(&out).is_ok() {
            let name = out
                .file_name()
                .map_or_else(|| "build".into(), |n| n.to_string_lossy().into_owned());
            let mut n = 0u32;
            let old = loop {
                let candidate =
                    out.with_file_name(format!(".{name}.old-{}-{n}", std::process::id()));
                if std::fs::symlink_metadata(&candidate).is_err() {
                    break candidate;
                }
                n += 1;
            };
            std::fs::rename(&out, &old)?;
            Some(old)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(dir.path(), &out) {
            if let Some(old) = &old {
                let _ = std::fs::rename(old, &out);
            }
            return Err(e);
        }
        let _ = dir.keep();
        if let Some(old) = old {
            std::fs::remove_dir_all(old)?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_the_old_build() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        for content in ["one", "two"] {
            let staging = Staging::new(&out).unwrap();
            // Hidden, so that discovery never reads a build that is being committed.
            let name = staging
                .path()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            assert!(name.starts_with(".site.tmp-"), "{name}");
            std::fs::write(staging.path().join("page.html"), content).unwrap();
            staging.commit().unwrap();
            assert_eq!(
                std::fs::read_to_string(out.join("page.html")).unwrap(),
                content
            );
        }
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["site"]);
        assert!(out.join(OUTPUT_MARKER).is_file());
    }
}
