//! The longest row an event file may have. A CSV field whose double quote is never closed
//! makes the rest of the file one field, and a JSON Lines file without line breaks is one
//! line: without a bound either would be held in memory whole. [`RowLimit`] counts the bytes
//! of the current row as the reader passes them on and fails the read, naming the line the
//! row starts at, once a row passes [`MAX_ROW_BYTES`].

use std::io::{self, Read};

/// The longest row of an event file (docs/measure.md, "Limits").
pub(crate) const MAX_ROW_BYTES: usize = 1 << 20;

/// A reader that fails on a row longer than its limit.
pub(super) struct RowLimit<R> {
    inner: R,
    /// Whether double quotes enclose line breaks (CSV) or not (JSON Lines).
    quotes: bool,
    limit: usize,
    in_quotes: bool,
    /// Bytes of the current row so far.
    row: usize,
    /// The line the current row starts at, and the line being read.
    row_line: u64,
    line: u64,
}

impl<R: Read> RowLimit<R> {
    pub(super) fn csv(inner: R) -> RowLimit<R> {
        RowLimit::new(inner, true, MAX_ROW_BYTES)
    }

    pub(super) fn lines(inner: R) -> RowLimit<R> {
        RowLimit::new(inner, false, MAX_ROW_BYTES)
    }

    fn new(inner: R, quotes: bool, limit: usize) -> RowLimit<R> {
        RowLimit {
            inner,
            quotes,
            limit,
            in_quotes: false,
            row: 0,
            row_line: 1,
            line: 1,
        }
    }

    fn too_long(&self) -> io::Error {
        let hint = if self.in_quotes {
            " (a double quote opened there is never closed)"
        } else {
            ""
        };
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "the row at line {} is longer than {} KiB, the most sok reads in one row{hint}",
                self.row_line,
                self.limit >> 10
            ),
        )
    }
}

impl<R: Read> Read for RowLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let bytes = &buf[..n];
        let mut at = 0;
        // Only quotes and line breaks change anything: jump from one to the next.
        let marks: Box<dyn Iterator<Item = usize>> = if self.quotes {
            Box::new(memchr::memchr2_iter(b'"', b'\n', bytes))
        } else {
            Box::new(memchr::memchr_iter(b'\n', bytes))
        };
        for mark in marks {
            self.row += mark - at;
            at = mark + 1;
            if bytes[mark] == b'"' {
                self.in_quotes = !self.in_quotes;
                self.row += 1;
            } else {
                self.line += 1;
                if self.in_quotes {
                    self.row += 1;
                } else {
                    self.row = 0;
                    self.row_line = self.line;
                }
            }
            if self.row > self.limit {
                return Err(self.too_long());
            }
        }
        self.row += n - at;
        if self.row > self.limit {
            return Err(self.too_long());
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &[u8], quotes: bool, limit: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        // Small reads, so that rows cross the buffers.
        let mut reader = RowLimit::new(text, quotes, limit);
        let mut buf = [0u8; 5];
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    #[test]
    fn rows_up_to_the_limit_pass_whole() {
        let text = b"metric,start\nanswer_time,\"2026-10-01\n09:00\"\nx,y\n";
        assert_eq!(read_all(text, true, 32).unwrap(), text);
    }

    #[test]
    fn an_unclosed_quote_is_stopped_at_its_line() {
        let mut text = b"metric,start\nx,\"open\n".to_vec();
        text.extend(std::iter::repeat_n(b"abc,def\n", 10).flatten());
        let error = read_all(&text, true, 40).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert!(error.to_string().contains("the row at line 2"), "{error}");
        assert!(error.to_string().contains("never closed"), "{error}");
        // JSON Lines: quotes do not hold lines together.
        assert!(read_all(&text, false, 40).is_ok());
        let error = read_all(&[b'{'; 100], false, 40).unwrap_err();
        assert!(error.to_string().contains("the row at line 1"), "{error}");
    }
}
