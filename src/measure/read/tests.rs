//! Whole files of each format through `read_all`: what is read, what is rejected and where.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ::parquet::basic::{Compression, GzipLevel, ZstdLevel};
use ::parquet::data_type::{
    BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type, Int96, Int96Type,
};
use ::parquet::file::properties::WriterProperties;
use ::parquet::file::writer::SerializedFileWriter;
use ::parquet::schema::parser::parse_message_type;
use jiff::tz::TimeZone;

use super::*;
use crate::source::Span;

#[derive(Debug)]
struct Read {
    events: Vec<Event>,
    rejected: Vec<Diagnostic>,
    batches: usize,
    rows: u64,
}

fn columns(pairs: &[(&str, &str)]) -> BTreeMap<String, Sp<String>> {
    pairs
        .iter()
        .map(|(k, v)| {
            (
                k.to_string(),
                Sp::new(v.to_string(), Span::file_start(FileId(0))),
            )
        })
        .collect()
}

fn read_with(paths: &[PathBuf], zone: &str, mapping: &[(&str, &str)]) -> Result<Read, Error> {
    let tz = TimeZone::get(zone).unwrap();
    let columns = columns(mapping);
    let cx = ReadContext {
        timezone: &tz,
        columns: &columns,
    };
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::File).collect();
    let mut sources = Sources::default();
    let got = Mutex::new((Vec::new(), Vec::new(), 0));
    let each = |batch: Batch| {
        assert!(batch.events.len() + batch.rejected.len() <= BATCH_ROWS);
        let mut got = got.lock().unwrap();
        got.0.extend(batch.events);
        got.1.extend(batch.rejected);
        got.2 += 1;
    };
    let sink = Sink {
        prepare: &|batch| batch,
        each: &each,
    };
    let rows = read_all(&inputs, &cx, &mut sources, &sink)?;
    assert_eq!(sources.len(), paths.len());
    let (mut events, mut rejected, batches) = got.into_inner().unwrap();
    events.sort_by_key(|e| (e.file, e.line));
    rejected.sort_by_key(|d| (d.span.file, d.record.as_ref().map(|r| r.line)));
    Ok(Read {
        events,
        rejected,
        batches,
        rows,
    })
}

fn read_file(path: &Path) -> Read {
    read_with(&[path.to_path_buf()], "Europe/Warsaw", &[]).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn ts(text: &str) -> jiff::Timestamp {
    text.parse().unwrap()
}

/// `(code, line, column)` of each rejection.
fn rejections(read: &Read) -> Vec<(&str, u64, Option<&str>)> {
    read.rejected
        .iter()
        .map(|d| {
            let r = d.record.as_ref().unwrap();
            (d.code, r.line, r.column.as_deref())
        })
        .collect()
}

#[test]
fn csv_with_bom_crlf_quotes_and_non_ascii_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "calls.CSV",
        "\u{feff}id, metric ,touchpoint,start,end,value,agent,team,extra\r\n\
         1,first_response_time,phone,2026-10-01 09:00:03,2026-10-01T07:01:00Z,,Łucja Wójcik,Obsługa,x\r\n\
         2,nps,,2026-10-01T09:00:03+02:00,,9,\"Kowalska, Anna\",\"Zespół \"\"B\"\"\",y\r\n\
         3,first_response_time,chat,2026-10-01 10:00,,,\"Иван\nПетров\",,z\r\n\
         \r\n\
         4,first_response_time,chat,2026-10-01 10:05,,,Mojca Žagar,,\r\n"
            .as_bytes(),
    );
    let read = read_file(&path);
    assert!(read.rejected.is_empty(), "{:?}", read.rejected);
    assert_eq!(read.rows, 4);
    let e = &read.events;
    assert_eq!(e.len(), 4);
    assert_eq!(e[0].id.as_deref(), Some("1"));
    assert_eq!(&*e[0].metric, "first_response_time");
    assert_eq!(e[0].touchpoint.as_deref(), Some("phone"));
    assert_eq!(e[0].start, ts("2026-10-01T07:00:03Z"));
    assert_eq!(e[0].end, Some(ts("2026-10-01T07:01:00Z")));
    assert_eq!(e[0].agent.as_deref(), Some("Łucja Wójcik"));
    assert_eq!(e[0].team.as_deref(), Some("Obsługa"));
    assert_eq!(e[0].line, 2);
    assert_eq!(e[1].touchpoint, None);
    assert_eq!(e[1].value, Some(9.0));
    assert_eq!(e[1].agent.as_deref(), Some("Kowalska, Anna"));
    assert_eq!(e[1].team.as_deref(), Some("Zespół \"B\""));
    assert_eq!(e[2].agent.as_deref(), Some("Иван\nПетров"));
    assert_eq!(e[2].line, 4);
    // The quoted line break spans lines 4–5, the blank line is 6.
    assert_eq!(e[3].line, 7);
    assert_eq!(e[3].agent.as_deref(), Some("Mojca Žagar"));
}

#[test]
fn csv_with_semicolons_blank_lines_and_no_final_line_break() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "x.csv",
        b"metric;start;value\r\ncsat;2026-10-01 09:00;4.5\r\n\n  \r\ncsat;\"2026-10-01 09:00\";5",
    );
    let read = read_file(&path);
    assert_eq!(read.rows, 2);
    assert_eq!(read.events[0].value, Some(4.5));
    assert_eq!(read.events[0].line, 2);
    // Blank lines are skipped; the last line has no line break.
    assert_eq!(read.events[1].line, 5);
    assert_eq!(read.events[1].value, Some(5.0));
}

#[test]
fn every_rejection_in_a_csv_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = b"metric,start,end,abandoned,value,Agent\n".to_vec();
    for row in [
        ",2026-10-01 09:00,,,,",                                   // 2: empty metric
        "x,,,,,",                                                  // 3: empty start
        "x,2026-10-01 9:00,,,,",                                   // 4: timestamp
        "x,2026-10-01 09:00,soon,,,",                              // 5: timestamp
        "x,2026-10-01 09:00,,,five,",                              // 6: number
        "x,2026-10-01 09:00,2026-10-01 08:59,,,",                  // 7: end before start
        "x,2026-10-01 09:00,,2026-10-01T06:00:00Z,,",              // 8: abandoned before start
        "x,2026-10-01 09:00,,,",                                   // 9: too few fields
        "x,2026-10-01 09:00,,,,,",                                 // 10: too many fields
        "x,2026-10-01 09:00,2026-10-01 09:00,2026-10-01 09:01,1,", // 11: fine
    ] {
        text.extend_from_slice(row.as_bytes());
        text.push(b'\n');
    }
    text.extend_from_slice(b"x,2026-10-01 09:00,,,,Anna \xe9\n"); // 12: Latin-1
    let path = write(dir.path(), "bad.csv", &text);
    let read = read_file(&path);
    assert_eq!(read.rows, 11);
    assert_eq!(read.events.len(), 1);
    assert_eq!(read.events[0].line, 11);
    assert_eq!(
        rejections(&read),
        [
            ("sok::event::empty", 2, Some("metric")),
            ("sok::event::empty", 3, Some("start")),
            ("sok::event::timestamp", 4, Some("start")),
            ("sok::event::timestamp", 5, Some("end")),
            ("sok::event::number", 6, Some("value")),
            ("sok::event::order", 7, Some("end")),
            ("sok::event::order", 8, Some("abandoned")),
            ("sok::event::malformed", 9, None),
            ("sok::event::malformed", 10, None),
            ("sok::event::malformed", 12, Some("Agent")),
        ]
    );
    for d in &read.rejected {
        assert!(d.help.is_some(), "{d:?}");
    }
    assert_eq!(
        read.rejected[2].message,
        "`start` is not a date and time: `2026-10-01 9:00`"
    );
    assert!(
        read.rejected[2]
            .help
            .as_ref()
            .unwrap()
            .contains("Europe/Warsaw")
    );
}

#[test]
fn a_header_without_required_columns_is_one_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "zendesk.csv",
        b"Ticket ID,Type,Created at\n1,first_response_time,2026-10-01 09:00\n",
    );
    let read = read_file(&path);
    assert_eq!(read.rows, 0);
    assert!(read.events.is_empty());
    assert_eq!(
        rejections(&read),
        [("sok::event::column_missing", 1, Some("metric"))]
    );
    let help = read.rejected[0].help.as_ref().unwrap();
    assert!(help.contains("start = \"Created at\""), "{help}");

    let empty = write(dir.path(), "empty.csv", b"");
    let read = read_file(&empty);
    assert_eq!(
        rejections(&read),
        [("sok::event::column_missing", 1, Some("metric"))]
    );
    assert!(
        read.rejected[0]
            .help
            .as_ref()
            .unwrap()
            .contains("no header line")
    );
}

#[test]
fn an_export_read_through_the_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "zendesk.csv",
        b"Ticket ID,Type,Channel,Created at,First reply at,Assignee,Group,metric\n\
          48213,first_response_time,email,2026-10-01 09:00:03,2026-10-01 09:41:10,Anna,Tier 1,ignored\n\
          48214,first_response_time,email,2026-10-01 09:10:00,2026-10-01 09:05:00,Anna,Tier 1,ignored\n",
    );
    let read = read_with(
        &[path],
        "Europe/Warsaw",
        &[
            ("id", "Ticket ID"),
            ("metric", "Type"),
            ("touchpoint", "Channel"),
            ("start", "Created at"),
            ("end", "First reply at"),
            ("agent", "Assignee"),
            ("team", "Group"),
        ],
    )
    .unwrap();
    assert_eq!(read.events.len(), 1);
    let e = &read.events[0];
    assert_eq!(e.id.as_deref(), Some("48213"));
    assert_eq!(&*e.metric, "first_response_time");
    assert_eq!(e.touchpoint.as_deref(), Some("email"));
    assert_eq!(e.end, Some(ts("2026-10-01T07:41:10Z")));
    assert_eq!(e.team.as_deref(), Some("Tier 1"));
    // A rejection names the column as the file does.
    assert_eq!(
        rejections(&read),
        [("sok::event::order", 3, Some("First reply at"))]
    );
    assert_eq!(
        read.rejected[0].message,
        "`First reply at` is before `Created at`: the event ended before it started"
    );
}

#[test]
fn json_lines_with_numbers_strings_nulls_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "answers.ndjson",
        "\u{feff}{\"metric\":\"nps\",\"start\":\"2026-10-01 09:00\",\"value\":\"9\",\"id\":123,\"agent\":null}\n\
         \n\
         {\"Metric\":\"csat\",\"start\":\"2026-10-01T07:00:00Z\",\"value\":4.5,\"team\":\"Sklep\",\"other\":[1]}\r\n\
         {\"start\":\"2026-10-01 09:00\"}\n\
         [1,2]\n\
         {\"metric\":\"nps\",\"start\":1727766000}\n\
         {\"metric\":\"nps\",\"start\":\"2026-10-01 09:00\",\"value\":\"nine\"}\n\
         {\"metric\":\"nps\",\"start\":\"2026-10-01 09:00\",\"agent\":true}\n\
         {\"metric\":\"nps\",\"start\":\"2026-10-01 09:00\"\n\
         {\"metric\":\"fcr_rate\",\"start\":\"2026-10-01 09:00\",\"value\":1}"
            .as_bytes(),
    );
    let read = read_file(&path);
    assert_eq!(read.rows, 9);
    let e = &read.events;
    assert_eq!(e.len(), 3);
    assert_eq!(e[0].value, Some(9.0));
    assert_eq!(e[0].id.as_deref(), Some("123"));
    assert_eq!(e[0].agent, None);
    assert_eq!(e[0].start, ts("2026-10-01T07:00:00Z"));
    assert_eq!(e[0].line, 1);
    assert_eq!(&*e[1].metric, "csat");
    assert_eq!(e[1].value, Some(4.5));
    assert_eq!(e[1].line, 3);
    assert_eq!(e[2].value, Some(1.0));
    assert_eq!(e[2].line, 10);
    assert_eq!(
        rejections(&read),
        [
            ("sok::event::empty", 4, Some("metric")),
            ("sok::event::malformed", 5, None),
            ("sok::event::timestamp", 6, Some("start")),
            ("sok::event::number", 7, Some("value")),
            ("sok::event::malformed", 8, Some("agent")),
            ("sok::event::malformed", 9, None),
        ]
    );
}

#[test]
fn json_lines_keys_through_the_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "x.jsonl",
        b"{\"kind\":\"nps\",\"at\":\"2026-10-01 09:00\"}\n{\"kind\":\"nps\"}\n",
    );
    let read = read_with(&[path], "UTC", &[("metric", "kind"), ("start", "at")]).unwrap();
    assert_eq!(read.events.len(), 1);
    assert_eq!(rejections(&read), [("sok::event::empty", 2, Some("at"))]);
}

#[test]
fn a_large_csv_is_streamed_in_batches_with_its_line_numbers() {
    const ROWS: u64 = 200_000;
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("id,metric,start,end,agent\n");
    for i in 0..ROWS {
        let minute = i % 600;
        if i % 50_000 == 7 {
            text.push_str(&format!("{i},x,not a time,,a{}\n", i % 17));
        } else {
            text.push_str(&format!(
                "{i},first_response_time,2026-10-01 {:02}:{:02}:00,,a{}\n",
                8 + minute / 60,
                minute % 60,
                i % 17
            ));
        }
    }
    let path = write(dir.path(), "big.csv", text.as_bytes());
    let read = read_file(&path);
    assert_eq!(read.rows, ROWS);
    assert!(
        read.batches >= (ROWS as usize).div_ceil(BATCH_ROWS),
        "{}",
        read.batches
    );
    assert_eq!(read.rejected.len(), 4);
    assert_eq!(read.events.len() as u64, ROWS - 4);
    for e in &read.events {
        let i: u64 = e.id.as_deref().unwrap().parse().unwrap();
        assert_eq!(e.line, i + 2);
        assert_eq!(e.agent.as_deref(), Some(format!("a{}", i % 17).as_str()));
    }
    for (d, i) in read.rejected.iter().zip([7u64, 50_007, 100_007, 150_007]) {
        assert_eq!(d.record.as_ref().unwrap().line, i + 2);
    }
}

#[test]
fn several_files_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.csv", b"metric,start\nx,2026-10-01 09:00\n");
    let b = write(
        dir.path(),
        "b.jsonl",
        b"{\"metric\":\"y\",\"start\":\"2026-10-01 09:00\"}\n",
    );
    let read = read_with(&[a, b], "UTC", &[]).unwrap();
    assert_eq!(read.rows, 2);
    assert_eq!(read.events[0].file, FileId(0));
    assert_eq!(read.events[1].file, FileId(1));
}

#[test]
fn a_file_that_cannot_be_read_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_with(&[dir.path().join("gone.csv")], "UTC", &[]).unwrap_err();
    assert!(err.message.contains("gone.csv"), "{}", err.message);
    assert!(err.is(&codes::IO_READ));
    // A folder opens but cannot be read.
    let folder = dir.path().join("folder.csv");
    std::fs::create_dir(&folder).unwrap();
    let err = read_with(&[folder], "UTC", &[]).unwrap_err();
    assert!(err.message.contains("folder.csv"), "{}", err.message);
    let bad = write(dir.path(), "bad.parquet", b"metric,start\n");
    let err = read_with(&[bad], "UTC", &[]).unwrap_err();
    assert!(err.message.contains("bad.parquet"), "{}", err.message);
}

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
    let props = WriterProperties::builder()
        .set_compression(compression)
        .set_max_row_group_row_count(Some(row_group))
        .build();
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

fn text(values: &[Option<&str>]) -> Vec<Option<String>> {
    values.iter().map(|v| v.map(str::to_string)).collect()
}

fn micros(text: &str) -> i64 {
    let t = ts(text);
    t.as_second() * 1_000_000 + i64::from(t.subsec_nanosecond() / 1_000)
}

/// INT96 of a UTC moment: nanoseconds of the day, then the Julian day.
fn int96(text: &str) -> Int96 {
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

#[test]
fn parquet_types_codecs_and_row_groups() {
    let dir = tempfile::tempdir().unwrap();
    let local_ms = |text: &str| -> i64 {
        let dt: jiff::civil::DateTime = text.parse().unwrap();
        dt.to_zoned(TimeZone::UTC)
            .unwrap()
            .timestamp()
            .as_millisecond()
    };
    let columns = vec![
        Column::Text(
            "metric",
            text(&[
                Some("nps"),
                Some("first_response_time"),
                None,
                Some("csat"),
                Some("x"),
            ]),
        ),
        Column::I64(
            "start",
            "TIMESTAMP(MICROS,true)",
            vec![
                Some(micros("2026-10-01T07:00:00.5Z")),
                Some(micros("2026-10-01T07:00:00Z")),
                Some(micros("2026-10-01T07:00:00Z")),
                Some(micros("2026-10-01T07:00:00Z")),
                None,
            ],
        ),
        Column::I64(
            "end",
            "TIMESTAMP(MILLIS,false)",
            vec![
                None,
                Some(local_ms("2026-10-01 09:30:00")),
                None,
                Some(local_ms("2026-10-01 08:00:00")),
                None,
            ],
        ),
        Column::I32(
            "value",
            "DECIMAL(5,1)",
            vec![Some(90), None, None, Some(45), None],
        ),
        Column::I96(
            "abandoned",
            vec![None, None, None, None, Some(int96("2026-10-01T08:00:00Z"))],
        ),
        Column::I64("id", "", vec![Some(1), Some(2), Some(3), Some(4), Some(5)]),
        Column::Text(
            "agent",
            text(&[Some("Łucja"), Some(""), None, Some("Иван"), None]),
        ),
        Column::Text("ignored", text(&[None, None, None, None, None])),
    ];
    for (i, compression) in [
        Compression::UNCOMPRESSED,
        Compression::SNAPPY,
        Compression::GZIP(GzipLevel::default()),
        Compression::ZSTD(ZstdLevel::default()),
    ]
    .into_iter()
    .enumerate()
    {
        let path = dir.path().join(format!("events-{i}.parquet"));
        write_parquet(&path, &columns, compression, 2);
        let read = read_file(&path);
        assert_eq!(read.rows, 5);
        let e = &read.events;
        assert_eq!(e.len(), 2, "{:?}", read.rejected);
        assert_eq!(&*e[0].metric, "nps");
        assert_eq!(e[0].start, ts("2026-10-01T07:00:00.5Z"));
        assert_eq!(e[0].value, Some(9.0));
        assert_eq!(e[0].id.as_deref(), Some("1"));
        assert_eq!(e[0].agent.as_deref(), Some("Łucja"));
        assert_eq!(e[0].line, 1);
        assert_eq!(e[1].end, Some(ts("2026-10-01T07:30:00Z")));
        assert_eq!(e[1].agent, None);
        assert_eq!(e[1].line, 2);
        assert_eq!(
            rejections(&read),
            [
                ("sok::event::empty", 3, Some("metric")),
                ("sok::event::order", 4, Some("end")),
                ("sok::event::empty", 5, Some("start")),
            ]
        );
    }
}

#[test]
fn parquet_text_timestamps_dates_floats_booleans_and_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.parquet");
    write_parquet(
        &path,
        &[
            Column::Text(
                "Type",
                text(&[Some("fcr_rate"), Some("fcr_rate"), Some("nps")]),
            ),
            Column::Text(
                "Created",
                text(&[
                    Some("2026-10-01 09:00"),
                    Some("2026-10-01T07:00:00Z"),
                    Some("later"),
                ]),
            ),
            Column::I32("day", "DATE", vec![Some(20_362), None, None]),
            Column::Bool("solved", vec![Some(true), Some(false), None]),
            Column::F64("score", vec![Some(1.5), None, None]),
        ],
        Compression::SNAPPY,
        1000,
    );
    let read = read_with(
        std::slice::from_ref(&path),
        "Europe/Warsaw",
        &[
            ("metric", "Type"),
            ("start", "Created"),
            ("end", "day"),
            ("value", "solved"),
        ],
    )
    .unwrap();
    assert_eq!(read.events.len(), 1, "{:?}", read.rejected);
    let e = &read.events[0];
    assert_eq!(e.start, ts("2026-10-01T07:00:00Z"));
    assert_eq!(e.value, Some(0.0));
    assert_eq!(
        rejections(&read),
        [
            // 2026-10-01 is day 20362; its local midnight is before 09:00.
            ("sok::event::order", 1, Some("day")),
            ("sok::event::timestamp", 3, Some("Created")),
        ]
    );
    // A column that cannot hold moments is one diagnostic for the file.
    let read = read_with(&[path], "UTC", &[("metric", "Type"), ("start", "score")]).unwrap();
    assert_eq!(read.rows, 0);
    assert_eq!(
        rejections(&read),
        [("sok::event::timestamp", 1, Some("score"))]
    );
}

#[test]
fn a_parquet_schema_without_required_columns_is_one_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.parquet");
    write_parquet(
        &path,
        &[Column::Text("Type", text(&[Some("nps")]))],
        Compression::SNAPPY,
        10,
    );
    let read = read_file(&path);
    assert_eq!(
        rejections(&read),
        [("sok::event::column_missing", 1, Some("metric"))]
    );
    assert!(read.rejected[0].help.as_ref().unwrap().contains("`Type`"));
}

/// The same generated rows as CSV and as Parquet, read end to end. Run with
/// `cargo test --release --lib measure::read::tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a test"]
fn throughput() {
    let rows: usize = std::env::var("SOK_BENCH_ROWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000_000);
    let dir = tempfile::tempdir().unwrap();
    let metrics = [
        "first_response_time",
        "resolution_time",
        "nps",
        "answer_time",
    ];
    let touchpoints = ["phone", "email", "chat"];
    let mut csv = String::from("id,metric,touchpoint,start,end,value,agent,team\n");
    let (mut id, mut metric, mut touchpoint, mut agent, mut team) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut start, mut end, mut value) = (Vec::new(), Vec::new(), Vec::new());
    let base = ts("2026-01-01T00:00:00Z").as_second();
    let tz = TimeZone::get("Europe/Warsaw").unwrap();
    for i in 0..rows {
        let at = base + (i as i64 * 15) % (365 * 86_400);
        let wait = (i as i64 * 7919) % 3600;
        let m = metrics[i % 4];
        let local = |s: i64| {
            jiff::Timestamp::from_second(s)
                .unwrap()
                .to_zoned(tz.clone())
                .datetime()
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string()
        };
        let has_end = i % 10 != 0;
        let v = (m == "nps").then_some((i % 11) as f64);
        csv.push_str(&format!(
            "T-{i},{m},{},{},{},{},Agent {},Team {}\n",
            touchpoints[i % 3],
            local(at),
            if has_end {
                local(at + wait)
            } else {
                String::new()
            },
            v.map(|v| v.to_string()).unwrap_or_default(),
            i % 50,
            i % 5
        ));
        id.push(Some(format!("T-{i}")));
        metric.push(Some(m.to_string()));
        touchpoint.push(Some(touchpoints[i % 3].to_string()));
        start.push(Some(at * 1_000_000));
        end.push(has_end.then_some((at + wait) * 1_000_000));
        value.push(v);
        agent.push(Some(format!("Agent {}", i % 50)));
        team.push(Some(format!("Team {}", i % 5)));
    }
    let csv_path = write(dir.path(), "bench.csv", csv.as_bytes());
    drop(csv);
    let pq_path = dir.path().join("bench.parquet");
    write_parquet(
        &pq_path,
        &[
            Column::Text("id", id),
            Column::Text("metric", metric),
            Column::Text("touchpoint", touchpoint),
            Column::I64("start", "TIMESTAMP(MICROS,true)", start),
            Column::I64("end", "TIMESTAMP(MICROS,true)", end),
            Column::F64("value", value),
            Column::Text("agent", agent),
            Column::Text("team", team),
        ],
        Compression::SNAPPY,
        1 << 20,
    );
    // Timestamps alone: 20 million, half local, half with an offset.
    let texts: Vec<String> = (0..1_000_000i64)
        .map(|i| {
            let at = jiff::Timestamp::from_second(base + i * 31).unwrap();
            if i % 2 == 0 {
                at.to_zoned(tz.clone())
                    .datetime()
                    .strftime("%Y-%m-%d %H:%M:%S")
                    .to_string()
            } else {
                at.to_zoned(tz.clone())
                    .strftime("%Y-%m-%dT%H:%M:%S%:z")
                    .to_string()
            }
        })
        .collect();
    let started = std::time::Instant::now();
    let mut parser = super::timestamp::Timestamps::new(&tz);
    let mut sum = 0i64;
    for _ in 0..20 {
        for text in &texts {
            sum = sum.wrapping_add(parser.parse(text).unwrap().as_second());
        }
    }
    println!(
        "20,000,000 timestamps parsed in {:.2} s on one thread ({sum})",
        started.elapsed().as_secs_f64()
    );
    for path in [&csv_path, &pq_path] {
        let size = std::fs::metadata(path).unwrap().len() as f64 / 1e6;
        let tz = TimeZone::get("Europe/Warsaw").unwrap();
        let columns = BTreeMap::new();
        let cx = ReadContext {
            timezone: &tz,
            columns: &columns,
        };
        let count = std::sync::atomic::AtomicU64::new(0);
        let started = std::time::Instant::now();
        let n = read_all(
            &[Input::File(path.clone())],
            &cx,
            &mut Sources::default(),
            &Sink {
                prepare: &|batch: Batch| (batch.events.len() + batch.rejected.len()) as u64,
                each: &|n| {
                    count.fetch_add(n, Ordering::Relaxed);
                },
            },
        )
        .unwrap();
        let secs = started.elapsed().as_secs_f64();
        assert_eq!(n, rows as u64);
        assert_eq!(count.into_inner(), rows as u64);
        println!(
            "{}: {rows} rows, {size:.0} MB in {secs:.2} s ({:.2} M rows/s, {} threads)",
            path.file_name().unwrap().to_string_lossy(),
            rows as f64 / secs / 1e6,
            rayon::current_num_threads()
        );
    }
}
