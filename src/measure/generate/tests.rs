//! The generator against its promises: deterministic, parseable, in range, near the bounds,
//! and bad exactly where asked.

use std::collections::HashSet;
use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::*;

fn example(name: &str) -> Checked {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    crate::check_dir(&root).unwrap()
}

fn options(seed: u64, bad: u32) -> GenerateOptions {
    GenerateOptions {
        seed,
        from: jiff::civil::date(2026, 9, 1),
        days: 61,
        per_day: 20,
        bad_rows_per_mille: bad,
        format: SampleFormat::Csv,
    }
}

fn bytes(checked: &Checked, options: &GenerateOptions) -> Vec<u8> {
    let mut out = Vec::new();
    let rows = generate(checked, options, &mut out).unwrap();
    assert!(rows > 1000, "{rows}");
    out
}

/// A parsed timestamp in any spelling of FORMAT.md §8, or `None`.
fn instant(text: &str, tz: &TimeZone) -> Option<i64> {
    if let Ok(t) = text.parse::<Timestamp>() {
        return Some(t.as_second());
    }
    let local: jiff::civil::DateTime = text.parse().ok()?;
    if text.contains('T') {
        return None;
    }
    Some(local.to_zoned(tz.clone()).ok()?.timestamp().as_second())
}

/// The ways a row is bad, as a reader would find them.
fn problems(
    record: &csv::StringRecord,
    checked: &Checked,
    tz: &TimeZone,
    seen: &mut HashSet<String>,
) -> Vec<BadKind> {
    let mut found = Vec::new();
    let field = |name: &str| {
        let i = crate::model::fields::EVENT_COLUMNS
            .iter()
            .position(|f| f.key == name)
            .unwrap();
        &record[i]
    };
    let start = instant(field("start"), tz);
    if start.is_none() {
        found.push(BadKind::Timestamp);
    }
    if let (Some(start), Some(end)) = (start, instant(field("end"), tz)) {
        if end < start {
            found.push(BadKind::EndBeforeStart);
        }
    }
    let touchpoint = field("touchpoint");
    if !touchpoint.is_empty()
        && !checked
            .handbook
            .touchpoints
            .iter()
            .any(|t| t.meta.id.value == touchpoint)
    {
        found.push(BadKind::UnknownTouchpoint);
    }
    let metric = field("metric");
    if metric.is_empty() {
        found.push(BadKind::EmptyMetric);
    }
    if let Ok(value) = field("value").parse::<f64>() {
        let range = match metric {
            "nps" => 0.0..=10.0,
            "csat" => 1.0..=5.0,
            "fcr_rate" | "abandonment_rate" | "complaint_rate" => 0.0..=1.0,
            "audit_score" => 0.0..=100.0,
            _ => f64::MIN..=f64::MAX,
        };
        if !range.contains(&value) {
            found.push(BadKind::OutOfRange);
        }
    }
    if !seen.insert(field("id").to_string()) {
        found.push(BadKind::RepeatedId);
    }
    found
}

#[test]
fn a_seed_gives_the_same_bytes_and_another_seed_others() {
    let checked = example("sklep-kwiatek");
    let a = bytes(&checked, &options(1, 5));
    assert_eq!(a, bytes(&checked, &options(1, 5)));
    assert_ne!(a, bytes(&checked, &options(2, 5)));
}

#[test]
fn every_row_parses_back_in_range_and_clean_without_bad_rows() {
    for name in ["sklep-kwiatek", "avtosalon"] {
        let checked = example(name);
        let tz = TimeZone::get(
            checked
                .handbook
                .settings
                .as_ref()
                .unwrap()
                .calendar
                .timezone_name(),
        )
        .unwrap();
        let data = bytes(&checked, &options(3, 0));
        let mut reader = csv::Reader::from_reader(data.as_slice());
        let header: Vec<_> = reader.headers().unwrap().iter().map(String::from).collect();
        let columns: Vec<_> = crate::model::fields::EVENT_COLUMNS
            .iter()
            .map(|f| f.key)
            .collect();
        assert_eq!(header, columns);
        let from = instant("2026-09-01 00:00:00", &tz).unwrap();
        let until = instant("2026-11-01 00:00:00", &tz).unwrap();
        let mut seen = HashSet::new();
        let mut spellings = HashSet::new();
        let mut metrics = HashSet::new();
        for record in reader.records() {
            let record = record.unwrap();
            assert_eq!(record.len(), 9);
            assert_eq!(
                problems(&record, &checked, &tz, &mut seen),
                [],
                "{record:?}"
            );
            for text in [&record[3], &record[4], &record[6]] {
                if let Some(t) = instant(text, &tz) {
                    assert!((from..=until).contains(&t), "{record:?}");
                    spellings.insert(match text.as_bytes().get(19) {
                        None => "local",
                        Some(b'Z') => "utc",
                        Some(_) => "offset",
                    });
                }
            }
            assert!(record[4].is_empty() || record[6].is_empty(), "{record:?}");
            metrics.insert(record[1].to_string());
        }
        assert_eq!(spellings.len(), 3, "{spellings:?}");
        let measured: HashSet<String> = checked
            .handbook
            .standards
            .iter()
            .filter(|s| s.status.value == crate::model::Status::Active)
            .filter_map(|s| s.measure.as_ref().map(|m| m.metric.value.clone()))
            .collect();
        assert_eq!(metrics, measured, "{name}");
    }
}

#[test]
fn bad_rows_are_of_every_kind_and_only_where_asked() {
    let checked = example("sklep-kwiatek");
    let tz = TimeZone::get("Europe/Warsaw").unwrap();
    let clean = bytes(&checked, &options(4, 0));
    let data = bytes(&checked, &options(4, 3));
    let mut reader = csv::Reader::from_reader(data.as_slice());
    let mut clean_reader = csv::Reader::from_reader(clean.as_slice());
    let mut seen = HashSet::new();
    let mut kinds = HashSet::new();
    let (mut bad, mut rows) = (0, 0);
    for (record, clean) in reader.records().zip(clean_reader.records()) {
        let (record, clean) = (record.unwrap(), clean.unwrap());
        let found = problems(&record, &checked, &tz, &mut seen);
        rows += 1;
        if found.is_empty() {
            // Bad rows replace rows; every other row is the row of the clean file.
            assert_eq!(record, clean);
        } else {
            bad += 1;
            kinds.extend(found);
        }
    }
    assert_eq!(kinds.len(), BadKind::ALL.len(), "{kinds:?}");
    let per_mille = f64::from(bad) * 1000.0 / f64::from(rows);
    assert!((1.5..5.0).contains(&per_mille), "{bad} of {rows}");
}

#[test]
fn the_share_meeting_a_bound_is_plausible_and_some_days_are_worse() {
    let checked = example("sklep-kwiatek");
    let tz = TimeZone::get("Europe/Warsaw").unwrap();
    let data = bytes(&checked, &options(5, 0));
    let mut reader = csv::Reader::from_reader(data.as_slice());
    // answer_time at the hotline: at most 2 min (phone-answer.md).
    let mut per_day: std::collections::BTreeMap<i64, (u32, u32)> = Default::default();
    let (mut abandoned, mut calls) = (0, 0);
    for record in reader.records() {
        let record = record.unwrap();
        if &record[1] != "answer_time" {
            continue;
        }
        calls += 1;
        let start = instant(&record[3], &tz).unwrap();
        let day = per_day.entry(start / 86_400).or_default();
        match (instant(&record[4], &tz), record[6].is_empty()) {
            (Some(end), _) => {
                day.0 += u32::from(end - start <= 120);
                day.1 += 1;
            }
            (None, false) => {
                abandoned += 1;
                day.1 += 1;
            }
            (None, true) => {}
        }
    }
    let met: u32 = per_day.values().map(|d| d.0).sum();
    let counted: u32 = per_day.values().map(|d| d.1).sum();
    let share = f64::from(met) / f64::from(counted);
    assert!((0.75..0.95).contains(&share), "{share}");
    let abandon_rate = f64::from(abandoned) / f64::from(calls);
    assert!((0.01..0.12).contains(&abandon_rate), "{abandon_rate}");
    let worst = per_day
        .values()
        .filter(|d| d.1 >= 10)
        .map(|d| f64::from(d.0) / f64::from(d.1))
        .fold(1.0, f64::min);
    assert!(worst < 0.7, "{worst}");
}

#[test]
fn json_lines_hold_the_same_rows() {
    let checked = example("avtosalon");
    let mut jsonl = options(6, 5);
    jsonl.format = SampleFormat::Jsonl;
    let lines = bytes(&checked, &jsonl);
    let csv = bytes(&checked, &options(6, 5));
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let mut count = 0;
    for (line, record) in lines.split(|b| *b == b'\n').zip(reader.records()) {
        let object: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(line).unwrap();
        let record = record.unwrap();
        for (i, field) in crate::model::fields::EVENT_COLUMNS.iter().enumerate() {
            let text = match &object[field.key] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert_eq!(text, &record[i], "{}", field.key);
        }
        count += 1;
    }
    assert!(count > 1000);
}

#[test]
fn a_handbook_without_measures_writes_only_the_header() {
    let mut world = crate::world::MemoryWorld::default();
    world.files.insert(
        "sok.toml".into(),
        b"[handbook]\ntitle = \"T\"\nlanguage = \"sl\"\nversion = \"1.0.0\"\n".to_vec(),
    );
    let checked = crate::check_loaded(crate::load::load_from(
        world.paths(),
        std::sync::Arc::new(world),
    ));
    let mut out = Vec::new();
    assert_eq!(generate(&checked, &options(1, 5), &mut out).unwrap(), 0);
    assert_eq!(
        out,
        b"id,metric,touchpoint,start,end,value,abandoned,agent,team\n"
    );
}
