//! CSV events: a header line, then one event per record. Records are read as bytes into one
//! reused `ByteRecord`; the mapped fields of a chunk of rows are copied into one buffer and
//! typed in the thread pool while the next chunk is read.
//!
//! The header's UTF-8 byte-order mark is dropped and its names trimmed; records end at `\n`
//! with or without `\r`, blank lines are skipped. The delimiter is
//! the one of `,` `;` tab `|` that the header line holds most (a spreadsheet set to a
//! language with a decimal comma saves CSV with `;`).

use std::io::{BufRead, BufReader, Read};

use csv::{ByteRecord, ReaderBuilder};

use super::columns::{COLUMNS, map_header};
use super::reject::{self, At};
use super::row::{Cell, Typer};
use super::stream::stream;
use super::timestamp::Timestamps;
use super::{BATCH_ROWS, Batch, ReadContext, Sink, read_error};
use crate::error::Error;
use crate::source::FileId;

/// The mapped fields of consecutive rows, copied out of the reader.
struct Chunk {
    bytes: Vec<u8>,
    /// `COLUMNS` ranges into `bytes` per row; `None` for a column the file does not have.
    fields: Vec<Option<(usize, usize)>>,
    lines: Vec<u64>,
    /// Rows rejected while reading (a wrong number of fields).
    rejected: Vec<crate::diagnostics::Diagnostic>,
}

/// Reads one CSV file (or standard input) named `path`; returns its data rows.
pub(super) fn read<T: Send>(
    input: impl Read + Send,
    path: &str,
    file: FileId,
    cx: &ReadContext<'_>,
    sink: &Sink<'_, T>,
) -> Result<u64, Error> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let delimiter = delimiter(input.fill_buf().map_err(|e| read_error(path, &e))?);
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let mut record = ByteRecord::new();
    let has_header = reader
        .read_byte_record(&mut record)
        .map_err(|e| csv_error(path, e))?;
    let header: Vec<String> = if has_header {
        record
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let name = if i == 0 {
                    name.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(name)
                } else {
                    name
                };
                String::from_utf8_lossy(name).trim().to_string()
            })
            .collect()
    } else {
        Vec::new()
    };
    let mapping = match map_header(&header, cx.columns, file) {
        Ok(mapping) => mapping,
        Err(diagnostic) => {
            sink.send(Batch {
                events: Vec::new(),
                rejected: vec![*diagnostic],
            });
            return Ok(0);
        }
    };
    let width = header.len();
    let mut rows = 0u64;
    let mapping_ref = &mapping;
    let next = || -> Result<Option<Chunk>, Error> {
        let mut chunk = Chunk {
            bytes: Vec::with_capacity(BATCH_ROWS * 64),
            fields: Vec::with_capacity(BATCH_ROWS * COLUMNS),
            lines: Vec::with_capacity(BATCH_ROWS),
            rejected: Vec::new(),
        };
        let mut read = 0;
        while read < BATCH_ROWS {
            let before = reader.position().line();
            if !reader
                .read_byte_record(&mut record)
                .map_err(|e| csv_error(path, e))?
            {
                break;
            }
            if record.len() == 1 && record[0].iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            read += 1;
            let line = first_line(before, reader.position().line(), &record);
            if record.len() != width {
                let place = At {
                    file,
                    line,
                    column: None,
                };
                chunk
                    .rejected
                    .push(*reject::field_count(record.len(), width, &place));
                continue;
            }
            chunk.lines.push(line);
            for at in mapping_ref.index {
                chunk.fields.push(at.map(|at| {
                    let field = &record[at];
                    let start = chunk.bytes.len();
                    chunk.bytes.extend_from_slice(field);
                    (start, chunk.bytes.len())
                }));
            }
        }
        rows += read as u64;
        Ok((read > 0).then_some(chunk))
    };
    let convert = |chunk: Chunk| {
        let mut typer = Typer {
            file,
            mapping: &mapping,
            timezone: cx.timezone_name(),
            timestamps: Timestamps::new(cx.timezone),
            interner: Default::default(),
        };
        let mut batch = Batch {
            events: Vec::with_capacity(chunk.lines.len()),
            rejected: chunk.rejected,
        };
        for (row, &line) in chunk.lines.iter().enumerate() {
            let fields = &chunk.fields[row * COLUMNS..(row + 1) * COLUMNS];
            let cells: [Cell<'_>; COLUMNS] = std::array::from_fn(|c| match fields[c] {
                Some((start, end)) => Cell::Bytes(&chunk.bytes[start..end]),
                None => Cell::Missing,
            });
            match typer.event(line, &cells) {
                Ok(event) => batch.events.push(event),
                Err(diagnostic) => batch.rejected.push(*diagnostic),
            }
        }
        batch
    };
    stream(next, &convert, sink)?;
    Ok(rows)
}

/// The line a record starts on. Only `\n` ends a record (a `\r` before it is trimmed with
/// the field), so the reader's line count after a record is one past the record's last line,
/// unless the file ended without a line break; line breaks inside quoted fields are in the
/// record. Blank lines skipped before it are counted from `before`.
fn first_line(before: u64, after: u64, record: &ByteRecord) -> u64 {
    let inside = record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
    let breaks = after.saturating_sub(before).saturating_sub(inside);
    after.saturating_sub(inside) - u64::from(breaks > 0)
}

fn csv_error(path: &str, error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => read_error(path, &e),
        other => Error::new(format!("cannot read `{path}`: {other:?}")),
    }
}

/// The delimiter the first line uses most, outside double quotes; `,` when none.
fn delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let mut counts = [0usize; 4];
    let candidates = [b',', b';', b'\t', b'|'];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(i) = candidates.iter().position(|&c| c == b) {
                counts[i] += 1;
            }
        }
    }
    let best = (0..4).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)));
    match best {
        Some(i) if counts[i] > 0 => candidates[i],
        _ => b',',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_headers() {
        assert_eq!(delimiter(b"metric,start,end\n"), b',');
        assert_eq!(delimiter(b"metric;start;end\r\na,b;c"), b';');
        assert_eq!(delimiter(b"metric\tstart\tend"), b'\t');
        assert_eq!(delimiter(b"\"a,b\";start;end"), b';');
        assert_eq!(delimiter(b"metric"), b',');
        assert_eq!(delimiter(b""), b',');
    }
}
