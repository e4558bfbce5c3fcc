//! Parquet files as the tests write them: a list of columns turned into a file by the
//! parquet crate's low-level writer, and the values such columns hold.

use std::path::Path;
use std::sync::Arc;

use ::parquet::basic::Compression;
use ::parquet::data_type::{
    BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type, Int96, Int96Type,
};
use ::parquet::file::properties::WriterProperties;
use ::parquet::file::writer::SerializedFileWriter;
use ::parquet::schema::parser::parse_message_type;

use super::super::ts;

/// A column of a Parquet file written by the tests: its schema line and its values.
pub(super) enum Column {
    Text(&'static str, Vec<Option<String>>),
    /// Name, annotation (`TIMESTAMP(MICROS,true)`, `DECIMAL(5,2)`, or empty).
    I64(&'static str, &'static str, Vec<Option<i64>>),
    I32(&'static str, &'static str, Vec<Option<i32>>),
    I96(&'static str, Vec<Option<Int96>>),
    F64(&'static str, Vec<Option<f64>>),
    Bool(&'static str, Vec<Option<bool>>),
}

/// Writes a Parquet file with the parquet crate's low-level writer.
pub(super) fn write_parquet(
    path: &Path,
    columns: &[Column],
    compression: Compression,
    row_group: usize,
) {
    let props = WriterProperties::builder()
        .set_compression(compression)
        .set_max_row_group_row_count(Some(row_group))
        .build();
    write_parquet_with(path, columns, props, row_group);
}

/// Writes a Parquet file with these writer properties, `row_group` rows per group.
pub(super) fn write_parquet_with(
    path: &Path,
    columns: &[Column],
    props: WriterProperties,
    row_group: usize,
) {
    let line = |ty: &str, name: &str, note: &str| {
        let note = if note.is_empty() {
            String::new()
        } else {
            format!(" ({note})")
        };
        format!("OPTIONAL {ty} {name}{note};")
    };
    let fields: Vec<String> = columns
        .iter()
        .map(|c| match c {
            Column::Text(name, _) => line("BYTE_ARRAY", name, "UTF8"),
            Column::I64(name, note, _) => line("INT64", name, note),
            Column::I32(name, note, _) => line("INT32", name, note),
            Column::I96(name, _) => line("INT96", name, ""),
            Column::F64(name, _) => line("DOUBLE", name, ""),
            Column::Bool(name, _) => line("BOOLEAN", name, ""),
        })
        .collect();
    let schema = parse_message_type(&format!("message events {{ {} }}", fields.join(" "))).unwrap();
    let file = std::fs::File::create(path).unwrap();
    let mut writer = SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props)).unwrap();
    let len = match &columns[0] {
        Column::Text(_, v) => v.len(),
        Column::I64(_, _, v) => v.len(),
        Column::I32(_, _, v) => v.len(),
        Column::I96(_, v) => v.len(),
        Column::F64(_, v) => v.len(),
        Column::Bool(_, v) => v.len(),
    };
    let mut start = 0;
    while start < len {
        let end = (start + row_group).min(len);
        let mut group = writer.next_row_group().unwrap();
        for column in columns {
            let mut w = group.next_column().unwrap().unwrap();
            fn split<T: Clone>(v: &[Option<T>]) -> (Vec<T>, Vec<i16>) {
                let defs = v.iter().map(|x| i16::from(x.is_some())).collect();
                (v.iter().flatten().cloned().collect(), defs)
            }
            match column {
                Column::Text(_, v) => {
                    let (values, defs) = split(&v[start..end]);
                    let values: Vec<ByteArray> = values
                        .into_iter()
                        .map(|s| ByteArray::from(s.as_str()))
                        .collect();
                    w.typed::<ByteArrayType>()
                        .write_batch(&values, Some(&defs), None)
                        .unwrap();
                }
                Column::I64(_, _, v) => {
                    let (values, defs) = split(&v[start..end]);
                    w.typed::<Int64Type>()
                        .write_batch(&values, Some(&defs), None)
                        .unwrap();
                }
                Column::I32(_, _, v) => {
                    let (values, defs) = split(&v[start..end]);
                    w.typed::<Int32Type>()
                        .write_batch(&values, Some(&defs), None)
                        .unwrap();
                }
                Column::I96(_, v) => {
                    let (values, defs) = split(&v[start..end]);
                    w.typed::<Int96Type>()
                        .write_batch(&values, Some(&defs), None)
                        .unwrap();
                }
                Column::F64(_, v) => {
                    let (values, defs) = split(&v[start..end]);
                    w.typed::<DoubleType>()
                        .write_batch(&values, Some(&defs), None)
                        .unwrap();
                }
                Column::Bool(_, v) => {
                    let (values, defs) = split(&v[start..end]);
                    w.typed::<BoolType>()
                        .write_batch(&values, Some(&defs), None)
                        .unwrap();
                }
            }
            w.close().unwrap();
        }
        group.close().unwrap();
        start = end;
    }
    writer.close().unwrap();
}

pub(super) fn text(values: &[Option<&str>]) -> Vec<Option<String>> {
    values.iter().map(|v| v.map(str::to_string)).collect()
}

pub(super) fn micros(text: &str) -> i64 {
    let t = ts(text);
    t.as_second() * 1_000_000 + i64::from(t.subsec_nanosecond() / 1_000)
}

/// INT96 of a UTC moment: nanoseconds of the day, then the Julian day.
pub(super) fn int96(text: &str) -> Int96 {
    let t = ts(text);
    let days = t.as_second().div_euclid(86_400);
    let nanos = (t.as_second().rem_euclid(86_400)) * 1_000_000_000;
    let mut v = Int96::new();
    v.set_data(
        nanos as u32,
        (nanos >> 32) as u32,
        (days + 2_440_588) as u32,
    );
    v
}
