//! Whole files of each format through `read_all`: what is read, what is rejected and where.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use jiff::tz::TimeZone;

use super::*;
use crate::source::Span;

mod parquet;

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
