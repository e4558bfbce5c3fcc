//! JSON Lines events (`.jsonl`, `.ndjson`): one JSON object per line, blank lines skipped.
//! The reading thread only splits lines; the thread pool parses and types them. A key the
//! mapping names may be missing from a line (then a required one rejects that row), and a
//! value may be text, a number or `null`.

use std::io::{BufRead, BufReader, Read};

use serde_json::{Map, Value};

use super::columns::{COLUMNS, Col, Mapping};
use super::reject::{self, At};
use super::row::{Cell, Typer};
use super::stream::stream;
use super::timestamp::Timestamps;
use super::{BATCH_ROWS, Batch, ReadContext, Sink, read_error};
use crate::error::Error;
use crate::source::FileId;

/// Consecutive non-blank lines, copied out of the reader.
struct Chunk {
    bytes: Vec<u8>,
    /// `(start, end, line)` of each line in `bytes`.
    lines: Vec<(usize, usize, u64)>,
}

pub(super) fn read<T: Send>(
    input: impl Read + Send,
    path: &str,
    file: FileId,
    cx: &ReadContext<'_>,
    sink: &Sink<'_, T>,
) -> Result<u64, Error> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mapping = Mapping::wanted(cx.columns);
    let mut line = 0u64;
    let mut rows = 0u64;
    let next = || -> Result<Option<Chunk>, Error> {
        let mut chunk = Chunk {
            bytes: Vec::with_capacity(BATCH_ROWS * 128),
            lines: Vec::with_capacity(BATCH_ROWS),
        };
        while chunk.lines.len() < BATCH_ROWS {
            let start = chunk.bytes.len();
            let read = input
                .read_until(b'\n', &mut chunk.bytes)
                .map_err(|e| read_error(path, &e))?;
            if read == 0 {
                break;
            }
            line += 1;
            let mut text = &chunk.bytes[start..];
            if line == 1 {
                text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
            }
            if text.iter().all(u8::is_ascii_whitespace) {
                chunk.bytes.truncate(start);
                continue;
            }
            let offset = chunk.bytes.len() - text.len();
            chunk.lines.push((offset, chunk.bytes.len(), line));
        }
        rows += chunk.lines.len() as u64;
        Ok((!chunk.lines.is_empty()).then_some(chunk))
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
            rejected: Vec::new(),
        };
        for &(start, end, line) in &chunk.lines {
            let object = match serde_json::from_slice::<Value>(&chunk.bytes[start..end]) {
                Ok(Value::Object(object)) => object,
                _ => {
                    let place = At {
                        file,
                        line,
                        column: None,
                    };
                    batch.rejected.push(*reject::not_an_object(&place));
                    continue;
                }
            };
            let cells: [Cell<'_>; COLUMNS] =
                std::array::from_fn(|c| cell(&object, mapping.name(Col::ALL[c])));
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

/// The value under `key`, else under the only key equal to it ignoring ASCII case.
fn cell<'a>(object: &'a Map<String, Value>, key: &str) -> Cell<'a> {
    let value = object.get(key).or_else(|| {
        let mut same = object.iter().filter(|(k, _)| k.eq_ignore_ascii_case(key));
        match (same.next(), same.next()) {
            (Some((_, v)), None) => Some(v),
            _ => None,
        }
    });
    match value {
        None => Cell::Missing,
        Some(Value::Null) => Cell::Null,
        Some(Value::String(text)) => Cell::Text(text),
        Some(Value::Number(n)) => Cell::Number(n),
        Some(Value::Bool(_)) => Cell::Other("`true` or `false`"),
        Some(Value::Array(_)) => Cell::Other("a list"),
        Some(Value::Object(_)) => Cell::Other("an object"),
    }
}
