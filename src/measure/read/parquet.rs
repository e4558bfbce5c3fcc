//! Parquet events, read a column batch at a time with the `parquet` crate's column readers
//! (no Arrow: it would triple the crate's build time for conversions done here in a few
//! lines). Top-level columns are found by name like a CSV header. Timestamps may be of any
//! unit, adjusted to UTC or local (then read in the calendar's zone, as a CSV local time),
//! legacy INT96, dates (local midnight) or text; values integers, decimals, floats, booleans
//! (1 or 0) or text. A row's line is its number in the file, counted from 1.

use std::fs::File;
use std::sync::Arc;

use jiff::Timestamp;
use parquet::basic::{ConvertedType, LogicalType, TimeUnit, Type as Physical};
use parquet::column::reader::ColumnReader;
use parquet::data_type::{ByteArray, FixedLenByteArray, Int96};
use parquet::file::reader::FileReader;
use parquet::file::serialized_reader::SerializedFileReader;
use parquet::schema::types::ColumnDescriptor;

use super::columns::{COLUMNS, Col, Mapping, map_header};
use super::intern::Interner;
use super::positional::Positional;
use super::reject::{self, At, Rejected};
use super::row::{check_order, parse_number};
use super::stream::stream;
use super::timestamp::Timestamps;
use super::{BATCH_ROWS, Batch, ReadContext, Sink};
use crate::diagnostics::{Diagnostic, Record, codes};
use crate::error::Error;
use crate::measure::Event;
use crate::source::FileId;

/// How a column's stored values become the format's.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Text: strings as they are, numbers and booleans written out, UUIDs in hex.
    Text {
        uuid: bool,
    },
    /// Integers since the Unix epoch, `per_second` to a second; UTC or local civil time.
    Epoch {
        per_second: i64,
        utc: bool,
    },
    /// Legacy INT96 (Impala, Spark, Hive): nanoseconds since the epoch, in UTC.
    Int96,
    /// Days since the epoch: the local date's midnight.
    Date,
    /// Text to parse as a timestamp.
    ParseMoment,
    /// Text to parse as a number.
    ParseNumber,
    /// An integer or a decimal with this many digits after the point.
    Decimal {
        scale: i32,
    },
    Float,
    Bool,
}

/// One mapped column: which leaf, how to read it, and its name in the file.
struct Column {
    col: Col,
    leaf: usize,
    max_def: i16,
    kind: Kind,
}

/// The stored values of one column for a run of rows, with their definition levels.
enum Values {
    Bool(Vec<bool>),
    I32(Vec<i32>),
    I64(Vec<i64>),
    I96(Vec<Int96>),
    F32(Vec<f32>),
    F64(Vec<f64>),
    /// Strings and fixed-length bytes, copied out of the pages into one buffer: the pages'
    /// shared buffers are then released on the thread that decoded them, and typing on
    /// another thread touches no reference counts.
    Bytes {
        bytes: Vec<u8>,
        ends: Vec<usize>,
    },
}

struct Decoded {
    values: Values,
    defs: Vec<i16>,
}

/// The decoded columns of consecutive rows, and the line of the first.
struct Chunk {
    columns: Vec<Decoded>,
    rows: usize,
    first_line: u64,
}

/// A stored value, before it is given the meaning of its column.
#[derive(Clone, Copy)]
enum Stored<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    I96(Int96),
    Bytes(&'a [u8]),
}

fn parquet_error(path: &str, error: parquet::errors::ParquetError) -> Error {
    let codec = error.to_string().contains("Disabled feature");
    Error::new(format!("cannot read `{path}`: {error}"))
        .with_code(&codes::IO_READ)
        .with_help(if codec {
            "sok reads Parquet compressed with Snappy, gzip or zstd (or not at all); write the \
             file again with one of them"
        } else {
            "check that the file is a complete Parquet file (written to the end)"
        })
}

pub(super) fn read<T: Send>(
    handle: File,
    path: &str,
    file: FileId,
    cx: &ReadContext<'_>,
    sink: &Sink<'_, T>,
) -> Result<u64, Error> {
    let handle = Positional::new(handle).map_err(|e| super::read_error(path, &e))?;
    let reader = SerializedFileReader::new(handle).map_err(|e| parquet_error(path, e))?;
    let schema = reader.metadata().file_metadata().schema_descr_ptr();
    // The top-level, unrepeated columns are the header; nested fields are ignored.
    let leaves: Vec<(usize, &ColumnDescriptor)> = schema
        .columns()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.path().parts().len() == 1 && c.max_rep_level() == 0)
        .map(|(i, c)| (i, c.as_ref()))
        .collect();
    let header: Vec<String> = leaves
        .iter()
        .map(|(_, c)| c.name().trim().to_string())
        .collect();
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
    let mut columns = Vec::new();
    for col in Col::ALL {
        let Some(at) = mapping.index[col as usize] else {
            continue;
        };
        let (leaf, descr) = leaves[at];
        match kind(col, descr) {
            Some(kind) => columns.push(Column {
                col,
                leaf,
                max_def: descr.max_def_level(),
                kind,
            }),
            None => {
                sink.send(Batch {
                    events: Vec::new(),
                    rejected: vec![unsupported(col, descr, &mapping, file)],
                });
                return Ok(0);
            }
        }
    }
    // Row groups one after another, so that batches are handed on in the file's order;
    // each group's chunks are typed in the pool while the next are decoded.
    let metadata = reader.metadata();
    let mut rows = 0u64;
    for group in 0..metadata.num_row_groups() {
        read_group(
            &reader,
            group,
            rows + 1,
            &columns,
            &mapping,
            path,
            file,
            cx,
            sink,
        )?;
        rows += metadata.row_group(group).num_rows().max(0) as u64;
    }
    Ok(rows)
}

#[allow(clippy::too_many_arguments)]
fn read_group<T: Send>(
    reader: &SerializedFileReader<Positional>,
    group: usize,
    first_line: u64,
    columns: &[Column],
    mapping: &Mapping,
    path: &str,
    file: FileId,
    cx: &ReadContext<'_>,
    sink: &Sink<'_, T>,
) -> Result<(), Error> {
    let row_group = reader
        .get_row_group(group)
        .map_err(|e| parquet_error(path, e))?;
    let mut readers = Vec::with_capacity(columns.len());
    for column in columns {
        readers.push(
            row_group
                .get_column_reader(column.leaf)
                .map_err(|e| parquet_error(path, e))?,
        );
    }
    let mut line = first_line;
    let next = || -> Result<Option<Chunk>, Error> {
        let mut chunk = Chunk {
            columns: Vec::with_capacity(readers.len()),
            rows: 0,
            first_line: line,
        };
        let mut rows_read = None;
        for reader in readers.iter_mut() {
            let (decoded, n) = decode(reader, BATCH_ROWS).map_err(|e| parquet_error(path, e))?;
            if rows_read.is_some_and(|r| r != n) {
                return Err(Error::new(format!(
                    "cannot read `{path}`: its columns have different numbers of rows"
                )));
            }
            rows_read = Some(n);
            chunk.columns.push(decoded);
        }
        let n = rows_read.unwrap_or(0);
        if n == 0 {
            return Ok(None);
        }
        chunk.rows = n;
        line += n as u64;
        Ok(Some(chunk))
    };
    let convert = |chunk: Chunk| convert(chunk, columns, mapping, file, cx);
    stream(next, &convert, sink)
}

/// How a column of this type is read as `col`, or `None` when it cannot be.
fn kind(col: Col, descr: &ColumnDescriptor) -> Option<Kind> {
    let physical = descr.physical_type();
    let logical = descr.logical_type_ref();
    let converted = descr.converted_type();
    let moment = matches!(col, Col::Start | Col::End | Col::Abandoned);
    let text_like = matches!(physical, Physical::BYTE_ARRAY)
        || matches!(physical, Physical::FIXED_LEN_BYTE_ARRAY)
            && !matches!(logical, Some(LogicalType::Decimal(_) | LogicalType::Uuid))
            && converted != ConvertedType::DECIMAL;
    if moment {
        return match (physical, logical, converted) {
            (_, _, _) if text_like => Some(Kind::ParseMoment),
            (Physical::INT64, Some(LogicalType::Timestamp(t)), _) => Some(Kind::Epoch {
                per_second: match t.unit {
                    TimeUnit::MILLIS => 1_000,
                    TimeUnit::MICROS => 1_000_000,
                    TimeUnit::NANOS => 1_000_000_000,
                },
                utc: t.is_adjusted_to_u_t_c,
            }),
            (Physical::INT64, None, ConvertedType::TIMESTAMP_MILLIS) => Some(Kind::Epoch {
                per_second: 1_000,
                utc: true,
            }),
            (Physical::INT64, None, ConvertedType::TIMESTAMP_MICROS) => Some(Kind::Epoch {
                per_second: 1_000_000,
                utc: true,
            }),
            (Physical::INT96, _, _) => Some(Kind::Int96),
            (Physical::INT32, Some(LogicalType::Date), _)
            | (Physical::INT32, None, ConvertedType::DATE) => Some(Kind::Date),
            _ => None,
        };
    }
    let scale = match logical {
        Some(LogicalType::Decimal(d)) => d.scale,
        _ if converted == ConvertedType::DECIMAL => descr.type_scale(),
        _ => 0,
    };
    if col == Col::Value {
        return match physical {
            _ if text_like => Some(Kind::ParseNumber),
            Physical::INT32 | Physical::INT64 | Physical::FIXED_LEN_BYTE_ARRAY => {
                Some(Kind::Decimal { scale })
            }
            Physical::FLOAT | Physical::DOUBLE => Some(Kind::Float),
            Physical::BOOLEAN => Some(Kind::Bool),
            Physical::INT96 | Physical::BYTE_ARRAY => None,
        };
    }
    match physical {
        Physical::INT96 => None,
        Physical::FIXED_LEN_BYTE_ARRAY if matches!(logical, Some(LogicalType::Uuid)) => {
            Some(Kind::Text { uuid: true })
        }
        Physical::INT32 | Physical::INT64 | Physical::FIXED_LEN_BYTE_ARRAY if scale > 0 => {
            Some(Kind::Decimal { scale })
        }
        _ => Some(Kind::Text { uuid: false }),
    }
}

/// A column whose type cannot hold what the format needs there: one diagnostic for the file.
fn unsupported(col: Col, descr: &ColumnDescriptor, mapping: &Mapping, file: FileId) -> Diagnostic {
    let name = mapping.name(col);
    let ty = match descr.logical_type_ref() {
        Some(logical) => format!("{logical:?}"),
        None => format!("{}", descr.physical_type()),
    };
    let (code, message, help) = if col == Col::Value {
        (
            &codes::EVENT_NUMBER,
            format!("the column `{name}` holds {ty} values, not numbers"),
            "write scores as integers, decimals or floating-point numbers".to_string(),
        )
    } else {
        (
            &codes::EVENT_TIMESTAMP,
            format!("the column `{name}` holds {ty} values, not dates and times"),
            "write the column as a Parquet timestamp (any unit, with or without a time zone), \
             a date, or text like `2026-10-01T09:00:03+02:00`"
                .to_string(),
        )
    };
    Diagnostic::at_record(
        code,
        file,
        Record {
            line: 1,
            column: Some(name.to_string()),
        },
        message,
    )
    .help(help)
}

/// Up to `rows` rows of one column; the number of rows read.
fn decode(reader: &mut ColumnReader, rows: usize) -> parquet::errors::Result<(Decoded, usize)> {
    let mut defs = Vec::new();
    macro_rules! read {
        ($reader:expr, $variant:ident) => {{
            let mut values = Vec::new();
            let (n, _, _) = $reader.read_records(rows, Some(&mut defs), None, &mut values)?;
            (Values::$variant(values), n)
        }};
    }
    let (values, n) = match reader {
        ColumnReader::BoolColumnReader(r) => read!(r, Bool),
        ColumnReader::Int32ColumnReader(r) => read!(r, I32),
        ColumnReader::Int64ColumnReader(r) => read!(r, I64),
        ColumnReader::Int96ColumnReader(r) => read!(r, I96),
        ColumnReader::FloatColumnReader(r) => read!(r, F32),
        ColumnReader::DoubleColumnReader(r) => read!(r, F64),
        ColumnReader::ByteArrayColumnReader(r) => {
            let mut values: Vec<ByteArray> = Vec::new();
            let (n, _, _) = r.read_records(rows, Some(&mut defs), None, &mut values)?;
            (flatten(values.iter().map(ByteArray::data)), n)
        }
        ColumnReader::FixedLenByteArrayColumnReader(r) => {
            let mut values: Vec<FixedLenByteArray> = Vec::new();
            let (n, _, _) = r.read_records(rows, Some(&mut defs), None, &mut values)?;
            (flatten(values.iter().map(|v| v.data())), n)
        }
    };
    Ok((Decoded { values, defs }, n))
}

fn flatten<'a>(values: impl ExactSizeIterator<Item = &'a [u8]>) -> Values {
    let mut ends = Vec::with_capacity(values.len());
    let mut bytes = Vec::new();
    for value in values {
        bytes.extend_from_slice(value);
        ends.push(bytes.len());
    }
    Values::Bytes { bytes, ends }
}

/// Walks one decoded column row by row.
struct Cursor<'a> {
    decoded: &'a Decoded,
    max_def: i16,
    value: usize,
}

impl<'a> Cursor<'a> {
    fn get(&mut self, row: usize) -> Stored<'a> {
        if self.max_def > 0 && self.decoded.defs.get(row) != Some(&self.max_def) {
            return Stored::Null;
        }
        let at = self.value;
        self.value += 1;
        match &self.decoded.values {
            Values::Bool(v) => v.get(at).map_or(Stored::Null, |&b| Stored::Bool(b)),
            Values::I32(v) => v
                .get(at)
                .map_or(Stored::Null, |&n| Stored::Int(i64::from(n))),
            Values::I64(v) => v.get(at).map_or(Stored::Null, |&n| Stored::Int(n)),
            Values::I96(v) => v.get(at).map_or(Stored::Null, |&n| Stored::I96(n)),
            Values::F32(v) => v
                .get(at)
                .map_or(Stored::Null, |&n| Stored::Float(f64::from(n))),
            Values::F64(v) => v.get(at).map_or(Stored::Null, |&n| Stored::Float(n)),
            Values::Bytes { bytes, ends } => match ends.get(at) {
                Some(&end) => {
                    let start = if at == 0 { 0 } else { ends[at - 1] };
                    Stored::Bytes(&bytes[start..end])
                }
                None => Stored::Null,
            },
        }
    }
}

/// What a column's value means for the event.
enum Typed {
    None,
    Text(String),
    /// Text that repeats from row to row, kept once per chunk.
    Shared(Arc<str>),
    Moment(Timestamp),
    Number(f64),
}

fn convert(
    chunk: Chunk,
    columns: &[Column],
    mapping: &Mapping,
    file: FileId,
    cx: &ReadContext<'_>,
) -> Batch {
    let mut timestamps = Timestamps::new(cx.timezone);
    let mut interner = Interner::default();
    let mut cursors: Vec<Cursor<'_>> = chunk
        .columns
        .iter()
        .zip(columns)
        .map(|(decoded, column)| Cursor {
            decoded,
            max_def: column.max_def,
            value: 0,
        })
        .collect();
    let mut batch = Batch {
        events: Vec::with_capacity(chunk.rows),
        rejected: Vec::new(),
    };
    for row in 0..chunk.rows {
        let line = chunk.first_line + row as u64;
        let mut typed: [Typed; COLUMNS] = std::array::from_fn(|_| Typed::None);
        let mut problem = None;
        for (cursor, column) in cursors.iter_mut().zip(columns) {
            let stored = cursor.get(row);
            if problem.is_some() {
                continue;
            }
            let place = At {
                file,
                line,
                column: Some(mapping.name(column.col)),
            };
            let interner = (column.col != Col::Id).then_some(&mut interner);
            match value(stored, column.kind, &mut timestamps, interner, cx, &place) {
                Ok(t) => typed[column.col as usize] = t,
                Err(d) => problem = Some(d),
            }
        }
        let result = match problem {
            Some(d) => Err(d),
            None => event(typed, mapping, file, line),
        };
        match result {
            Ok(event) => batch.events.push(event),
            Err(d) => batch.rejected.push(*d),
        }
    }
    batch
}

fn event(
    typed: [Typed; COLUMNS],
    mapping: &Mapping,
    file: FileId,
    line: u64,
) -> Result<Event, Rejected> {
    let [
        id,
        metric,
        touchpoint,
        start,
        end,
        value,
        abandoned,
        agent,
        team,
    ] = typed;
    let text = |t: Typed| match t {
        Typed::Text(s) => Some(s),
        Typed::Shared(s) => Some(s.to_string()),
        // A decimal in a text column (an id written as DECIMAL(12,0) or with a scale).
        Typed::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let shared = |t: Typed| match t {
        Typed::Shared(s) => Some(s),
        Typed::Text(s) => Some(Arc::from(s)),
        Typed::Number(n) => Some(Arc::from(n.to_string())),
        _ => None,
    };
    let moment = |t: Typed| match t {
        Typed::Moment(m) => Some(m),
        _ => None,
    };
    let place = |col: Col| At {
        file,
        line,
        column: Some(mapping.name(col)),
    };
    let metric = shared(metric).ok_or_else(|| reject::empty(Col::Metric, &place(Col::Metric)))?;
    let start = moment(start).ok_or_else(|| reject::empty(Col::Start, &place(Col::Start)))?;
    let event = Event {
        metric,
        touchpoint: shared(touchpoint),
        start,
        end: moment(end),
        value: match value {
            Typed::Number(n) => Some(n),
            _ => None,
        },
        abandoned: moment(abandoned),
        agent: shared(agent),
        team: shared(team),
        id: text(id),
        file,
        line,
    };
    check_order(&event, mapping)?;
    Ok(event)
}

/// One stored value as its column's meaning, or why the row is skipped.
fn value(
    stored: Stored<'_>,
    kind: Kind,
    timestamps: &mut Timestamps<'_>,
    interner: Option<&mut Interner>,
    cx: &ReadContext<'_>,
    place: &At<'_>,
) -> Result<Typed, Rejected> {
    let bad_moment = |text: String| reject::timestamp(&text, cx.timezone_name(), place);
    Ok(match (kind, stored) {
        (_, Stored::Null) => Typed::None,
        (Kind::Text { uuid: true }, Stored::Bytes(b)) => Typed::Text(hex_uuid(b)),
        (Kind::Text { .. }, stored) => match stored {
            Stored::Bytes(b) if interner.is_some() => {
                let interner = interner.expect("checked above");
                match interner.text(b).map_err(|_| reject::not_utf8(place))? {
                    Some(text) => Typed::Shared(text),
                    None => Typed::None,
                }
            }
            Stored::Bytes(b) => {
                let text = std::str::from_utf8(b).map_err(|_| reject::not_utf8(place))?;
                let text = text.trim();
                if text.is_empty() {
                    Typed::None
                } else {
                    Typed::Text(text.to_string())
                }
            }
            Stored::Int(n) => Typed::Text(n.to_string()),
            Stored::Float(f) => Typed::Text(f.to_string()),
            Stored::Bool(b) => Typed::Text(b.to_string()),
            Stored::I96(_) | Stored::Null => Typed::None,
        },
        (Kind::ParseMoment | Kind::ParseNumber, Stored::Bytes(b)) => {
            let text = std::str::from_utf8(b).map_err(|_| reject::not_utf8(place))?;
            let text = text.trim();
            if text.is_empty() {
                Typed::None
            } else if kind == Kind::ParseNumber {
                match parse_number(text) {
                    Some(n) if n.is_finite() => Typed::Number(n),
                    _ => return Err(reject::number(text, place)),
                }
            } else {
                match timestamps.parse(text) {
                    Some(at) => Typed::Moment(at),
                    None => return Err(bad_moment(text.to_string())),
                }
            }
        }
        (Kind::Epoch { per_second, utc }, Stored::Int(n)) => {
            let seconds = n.div_euclid(per_second);
            let nanos = (n.rem_euclid(per_second) * (1_000_000_000 / per_second)) as i32;
            let at = if utc {
                Timestamp::new(seconds, nanos).ok()
            } else {
                timestamps.local(seconds, nanos)
            };
            Typed::Moment(at.ok_or_else(|| bad_moment(n.to_string()))?)
        }
        (Kind::Int96, Stored::I96(n)) => {
            let nanos = n.to_nanos();
            Timestamp::new(
                nanos.div_euclid(1_000_000_000),
                nanos.rem_euclid(1_000_000_000) as i32,
            )
            .map(Typed::Moment)
            .map_err(|_| bad_moment(nanos.to_string()))?
        }
        (Kind::Date, Stored::Int(days)) => timestamps
            .local(days.saturating_mul(86_400), 0)
            .map(Typed::Moment)
            .ok_or_else(|| bad_moment(days.to_string()))?,
        (Kind::Decimal { scale }, Stored::Int(n)) => Typed::Number(n as f64 / 10f64.powi(scale)),
        (Kind::Decimal { scale }, Stored::Bytes(b)) => {
            Typed::Number(big_endian(b) as f64 / 10f64.powi(scale))
        }
        (Kind::Float, Stored::Float(f)) if f.is_finite() => Typed::Number(f),
        (Kind::Float, Stored::Float(f)) => return Err(reject::number(&f.to_string(), place)),
        (Kind::Bool, Stored::Bool(b)) => Typed::Number(if b { 1.0 } else { 0.0 }),
        _ => Typed::None,
    })
}

/// A two's-complement big-endian integer of up to 16 bytes (a Parquet decimal).
fn big_endian(bytes: &[u8]) -> i128 {
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let mut n: i128 = if negative { -1 } else { 0 };
    for &b in bytes.iter().take(16) {
        n = (n << 8) | i128::from(b);
    }
    n
}

fn hex_uuid(bytes: &[u8]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    if hex.len() == 32 {
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    } else {
        hex
    }
}
