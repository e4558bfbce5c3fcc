//! Parquet events, read a column batch at a time with the `parquet` crate's column readers
//! (no Arrow: it would triple the crate's build time for conversions done here in a few
//! lines). Top-level columns are found by name like a CSV header. Timestamps may be of any
//! unit, adjusted to UTC or local (then read in the calendar's zone, as a CSV local time),
//! legacy INT96, dates (local midnight) or text; values integers, decimals, floats, booleans
//! (1 or 0) or text. A row's line is its number in the file, counted from 1.

use std::fs::File;

use parquet::basic::{ConvertedType, LogicalType, TimeUnit, Type as Physical};
use parquet::column::reader::ColumnReader;
use parquet::data_type::{ByteArray, FixedLenByteArray, Int96};
use parquet::file::reader::FileReader;
use parquet::file::serialized_reader::SerializedFileReader;
use parquet::schema::types::ColumnDescriptor;

use super::columns::{Col, Mapping, map_header};
use super::positional::Positional;
use super::stream::stream;
use super::{BATCH_ROWS, Batch, ReadContext, Sink};
use crate::diagnostics::{Diagnostic, Record, codes};
use crate::error::Error;
use crate::source::FileId;

mod pages;
mod typing;

use pages::{Dictionary, TextPages};
use typing::convert;

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
    /// Texts as keys of the column chunk's dictionary (`pages`).
    Keys {
        dictionary: std::sync::Arc<Dictionary>,
        keys: Vec<u32>,
    },
}

/// How one column of a row group is read: text pages by `pages`, the rest by the crate.
enum Reader {
    Values(Box<ColumnReader>),
    Texts(TextPages),
}

impl Reader {
    fn read(&mut self, rows: usize) -> parquet::errors::Result<(Decoded, usize)> {
        match self {
            Reader::Values(reader) => decode(reader, rows),
            Reader::Texts(pages) => pages.read(rows),
        }
    }
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

/// The rows of a file whose rows have ids, as its footer says, without reading a page: what
/// the set of event ids is sized for before the first batch (a CSV's rows are not known
/// until read). `None` when the file cannot be read as Parquet or has no id column; the
/// read itself then says why.
pub(super) fn rows_with_ids(path: &std::path::Path, cx: &ReadContext<'_>) -> Option<u64> {
    let handle = Positional::new(File::open(path).ok()?).ok()?;
    let reader = SerializedFileReader::new(handle).ok()?;
    let metadata = reader.metadata().file_metadata();
    let header: Vec<String> = metadata
        .schema_descr()
        .columns()
        .iter()
        .filter(|c| c.path().parts().len() == 1 && c.max_rep_level() == 0)
        .map(|c| c.name().trim().to_string())
        .collect();
    let mapping = map_header(&header, cx.columns, FileId(0)).ok()?;
    mapping.index[Col::Id as usize]?;
    u64::try_from(metadata.num_rows()).ok()
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
        let chunk = row_group.metadata().column(column.leaf);
        let reader =
            if chunk.column_type() == Physical::BYTE_ARRAY && pages::readable(chunk.encodings()) {
                let pages = row_group
                    .get_column_page_reader(column.leaf)
                    .map_err(|e| parquet_error(path, e))?;
                Reader::Texts(TextPages::new(pages, column.max_def))
            } else {
                Reader::Values(Box::new(
                    row_group
                        .get_column_reader(column.leaf)
                        .map_err(|e| parquet_error(path, e))?,
                ))
            };
        readers.push(reader);
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
            let (decoded, n) = reader
                .read(BATCH_ROWS)
                .map_err(|e| parquet_error(path, e))?;
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
