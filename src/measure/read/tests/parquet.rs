//! Parquet files written by the tests, with every column type, codec and row-group layout
//! the reader takes, and the throughput measurement of CSV against Parquet.

mod writer;

use ::parquet::basic::{Compression, GzipLevel, ZstdLevel};
use ::parquet::file::properties::WriterProperties;

use super::*;
use writer::{Column, int96, micros, text, write_parquet, write_parquet_with};

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

/// Text columns in every page layout a writer makes: dictionary keys, plain values, a
/// dictionary that grows too large and goes on in plain pages (in the middle of a chunk of
/// rows), pages of format v1 and v2, blanks and nulls, chunks across pages and row groups.
#[test]
fn text_pages_of_every_layout_read_alike() {
    use ::parquet::file::properties::WriterVersion;
    let dir = tempfile::tempdir().unwrap();
    let n = 20_000;
    let metrics = ["nps", "csat", "first_response_time"];
    let agent = |i: usize| match i % 7 {
        0 => None,
        1 => Some(" ".to_string()),
        // Many distinct names, so that a small dictionary is outgrown.
        2 => Some(format!("Agent {}", i / 7)),
        k => Some(format!("Łucja {k}")),
    };
    let start = micros("2026-10-01T07:00:00Z");
    let columns = vec![
        Column::Text(
            "metric",
            (0..n).map(|i| Some(metrics[i % 3].to_string())).collect(),
        ),
        Column::I64(
            "start",
            "TIMESTAMP(MICROS,true)",
            (0..n).map(|i| Some(start + i as i64 * 1_000_000)).collect(),
        ),
        Column::Text("id", (0..n).map(|i| Some(format!("EV-{i}"))).collect()),
        Column::Text("agent", (0..n).map(agent).collect()),
        Column::Text(
            "team",
            (0..n)
                .map(|i| (i % 5 != 0).then(|| "Zespół A".to_string()))
                .collect(),
        ),
    ];
    let layouts = [
        WriterProperties::builder().build(),
        WriterProperties::builder()
            .set_dictionary_page_size_limit(512)
            .set_data_page_size_limit(1_000)
            .set_write_batch_size(100)
            .build(),
        WriterProperties::builder()
            .set_writer_version(WriterVersion::PARQUET_2_0)
            .set_data_page_size_limit(2_000)
            .set_write_batch_size(100)
            .build(),
        WriterProperties::builder()
            .set_writer_version(WriterVersion::PARQUET_2_0)
            .set_dictionary_page_size_limit(512)
            .build(),
        WriterProperties::builder()
            .set_dictionary_enabled(false)
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .build(),
    ];
    for (i, props) in layouts.into_iter().enumerate() {
        let path = dir.path().join(format!("layout-{i}.parquet"));
        write_parquet_with(&path, &columns, props, 15_000);
        let read = read_file(&path);
        assert_eq!(read.rows, n as u64);
        assert!(read.rejected.is_empty(), "layout {i}: {:?}", read.rejected);
        assert_eq!(read.events.len(), n, "layout {i}");
        for (row, e) in read.events.iter().enumerate() {
            assert_eq!(&*e.metric, metrics[row % 3], "layout {i}, row {row}");
            assert_eq!(e.id, Some(format!("EV-{row}")), "layout {i}, row {row}");
            let want = agent(row).filter(|a| !a.trim().is_empty());
            assert_eq!(e.agent.as_deref(), want.as_deref(), "layout {i}, row {row}");
            let team = (row % 5 != 0).then_some("Zespół A");
            assert_eq!(e.team.as_deref(), team, "layout {i}, row {row}");
            assert_eq!(e.line, row as u64 + 1);
        }
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
/// `cargo test --release --lib measure::read::tests::parquet::throughput -- --ignored --nocapture`.
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
