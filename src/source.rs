//! Source files and byte spans into them.
//!
//! Every diagnostic points at a `Span` inside one `SourceFile`; keeping the text here (shared
//! through `Arc<str>`) lets the emitters show the offending line without reading files again.

use std::sync::Arc;

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range in one source file (absolute offsets, also inside front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span { file, start, end }
    }

    /// The empty span at the start of a file, for problems with the file as a whole.
    pub fn file_start(file: FileId) -> Span {
        Span::new(file, 0, 0)
    }
}

/// One file of a handbook, as read from disk (or from a git revision).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the handbook root, with `/` separators.
    pub path: String,
    /// The text without a leading BOM; empty for a file that is not UTF-8.
    pub text: Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<Arc<str>>) -> SourceFile {
        let text: Arc<str> = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

/// All files read for one handbook, addressed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        self.get(span.file)
            .text
            .get(span.start..span.end)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let file = SourceFile::new("a.toml", "a = 1\nżółw = \"x\"\r\nb");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(6), (2, 1));
        let eq = file.text.find('=').unwrap();
        let eq2 = file.text[eq + 1..].find('=').unwrap() + eq + 1;
        assert_eq!(file.line_col(eq2), (2, 6));
        assert_eq!(file.line_col(file.text.len()), (3, 2));
    }
}

/// For every byte of a value, the range of the literal that produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetMap {
    pub(crate) starts: Vec<usize>,
    pub(crate) ends: Vec<usize>,
    /// Offset of the closing delimiter.
    pub(crate) body_end: usize,
    pub(crate) body_start: usize,
}

impl OffsetMap {
    /// Offset in the literal of value byte `i` (the closing delimiter for the end).
    pub(crate) fn start_of(&self, i: usize) -> usize {
        self.starts.get(i).copied().unwrap_or(self.body_end)
    }

    /// Offset in the literal just after value byte `i - 1` (an exclusive end).
    pub(crate) fn end_of(&self, i: usize) -> usize {
        match i.checked_sub(1) {
            None => self.body_start,
            Some(last) => self.ends.get(last).copied().unwrap_or(self.body_end),
        }
    }
}
