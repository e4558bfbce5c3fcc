//! A Parquet file read by position, so that its row groups can be read on several threads
//! at once: the `parquet` crate's own reader for `File` clones the handle and seeks, and the
//! clones share one file offset, so two threads would read each other's pages.

use std::fs::File;
use std::io::{self, Read};
use std::sync::Arc;

use bytes::Bytes;
use parquet::file::reader::{ChunkReader, Length};

pub(super) struct Positional {
    file: Arc<File>,
    len: u64,
}

impl Positional {
    pub(super) fn new(file: File) -> io::Result<Positional> {
        let len = file.metadata()?.len();
        Ok(Positional {
            file: Arc::new(file),
            len,
        })
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

/// Reads from an offset of the shared file on.
pub(super) struct At {
    file: Arc<File>,
    offset: u64,
}

impl Read for At {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = read_at(&self.file, buf, self.offset)?;
        self.offset += n as u64;
        Ok(n)
    }
}

impl Length for Positional {
    fn len(&self) -> u64 {
        self.len
    }
}

impl ChunkReader for Positional {
    type T = io::BufReader<At>;

    fn get_read(&self, start: u64) -> parquet::errors::Result<Self::T> {
        Ok(io::BufReader::new(At {
            file: Arc::clone(&self.file),
            offset: start,
        }))
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<Bytes> {
        let mut buffer = Vec::with_capacity(length);
        let read = At {
            file: Arc::clone(&self.file),
            offset: start,
        }
        .take(length as u64)
        .read_to_end(&mut buffer)?;
        if read != length {
            return Err(parquet::errors::ParquetError::EOF(format!(
                "expected {length} bytes at {start}, read {read}"
            )));
        }
        Ok(buffer.into())
    }
}
