use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::tz::TimeZone;

use super::calendar::OpenDays;
use super::*;
use crate::measure::clock::BusinessClock;
use crate::world::MemoryWorld;

const SETTINGS: &str = r#"
[handbook]
title = "Test"
language = "en"
version = "1.0.0"

[calendar]
timezone = "Europe/Warsaw"
holidays = [2026-11-11]
"#;

const FILES: &[(&str, &str)] = &[
    (
        "owners.toml",
        r#"
[[owner]]
id = "lead"
name = "Support lead"
"#,
    ),
    (
        "touchpoints.toml",
        r#"
[[touchpoint]]
id = "phone"
name = "Phone"
channel = "phone"
owner = "lead"
hours = "Mon–Fri 8–18"

[[touchpoint]]
id = "chat"
name = "Chat"
channel = "chat"
owner = "lead"
hours = "Mon–Sun 0–24"
"#,
    ),
    (
        "standards.toml",
        r#"
[[standard]]
id = "answer"
title = "Answer calls within two minutes of business time"
owner = "lead"
touchpoints = ["phone"]
text = "We answer."
[standard.measure]
metric = "answer_time"
max = "2 min"
share = 80
period = "week"
hours = "business"

[[standard]]
id = "satisfied"
title = "Customers are satisfied"
owner = "lead"
text = "We ask."
[standard.measure]
metric = "csat"
min = 80
period = "day"
"#,
    ),
];

fn handbook() -> crate::Checked {
    let mut world = MemoryWorld::default();
    world
        .files
        .insert("sok.toml".into(), SETTINGS.as_bytes().to_vec());
    for (path, text) in FILES {
        world.files.insert((*path).into(), text.as_bytes().to_vec());
    }
    let checked = crate::check_loaded(crate::load::load_from(world.paths(), Arc::new(world)));
    assert!(
        !checked.diagnostics.has_errors(),
        "{:?}",
        checked.diagnostics
    );
    checked
}

fn second(text: &str) -> i64 {
    text.parse::<jiff::Timestamp>().unwrap().as_second()
}

fn options(from: Option<&str>, to: Option<&str>) -> SqlOptions {
    SqlOptions {
        as_of: second("2026-10-28T12:00:00Z"),
        from: from.map(|f| Date::parse(f).unwrap()),
        to: to.map(|t| Date::parse(t).unwrap()),
    }
}

#[test]
fn one_small_handbook_per_dialect() {
    let checked = handbook();
    // Three local days across the end of daylight saving time in Warsaw (25 October).
    let options = options(Some("2026-10-24"), Some("2026-10-26"));
    for dialect in Dialect::ALL {
        let sql = program(&checked, dialect, "events", &options).unwrap();
        insta::assert_snapshot!(format!("program_{}", dialect.name()), sql);
    }
}

#[test]
fn the_range_defaults_to_400_days_up_to_the_local_date_of_as_of() {
    let checked = handbook();
    let (from, to) = range(&checked.handbook, &options(None, None)).unwrap();
    assert_eq!(
        (from.to_string(), to.to_string()),
        ("2025-09-24".into(), "2026-10-28".into())
    );
    let (from, to) = range(&checked.handbook, &options(None, Some("2026-01-31"))).unwrap();
    assert_eq!(to.to_days() - from.to_days(), DEFAULT_DAYS - 1);
    assert_eq!(to.to_string(), "2026-01-31");
    let err = range(
        &checked.handbook,
        &options(Some("2026-11-01"), Some("2026-10-01")),
    );
    assert!(err.unwrap_err().message.contains("after --to"));
    let err = range(
        &checked.handbook,
        &options(Some("2000-01-01"), Some("2026-10-01")),
    );
    assert!(err.unwrap_err().message.contains("more than"));
}

#[test]
fn a_table_name_cannot_end_the_statement() {
    let checked = handbook();
    for good in [
        "events",
        "analytics.events",
        "`project.dataset.events`",
        "\"My Events\"",
    ] {
        let good = good.replace(' ', "_");
        assert!(program(&checked, Dialect::Postgres, &good, &options(None, None)).is_ok());
    }
    for bad in ["", "events; DROP TABLE x", "events --", "e/*"] {
        assert!(
            program(&checked, Dialect::Postgres, bad, &options(None, None)).is_err(),
            "{bad}"
        );
    }
}

fn weekdays() -> Schedule {
    let mut schedule = Schedule::default();
    for day in 0..5 {
        schedule.days[day] = vec![(8 * 60, 18 * 60)];
    }
    schedule
}

#[test]
fn the_open_day_table_reads_as_the_business_clock() {
    let tz = TimeZone::get("Europe/Warsaw").unwrap();
    let holidays = [Date::parse("2026-11-11").unwrap()];
    let schedules = BTreeMap::from([("phone".to_string(), weekdays())]);
    let first = Date::parse("2026-10-20").unwrap().to_days();
    let end = Date::parse("2026-11-20").unwrap().to_days();
    let open = OpenDays::new(&schedules, &tz, &holidays, first, end, 120.0);
    let mut clock = BusinessClock::new(weekdays(), tz, &holidays);
    let moments = [
        "2026-10-23T15:59:00Z",
        "2026-10-24T10:00:00Z",
        "2026-10-26T07:00:30Z",
        "2026-11-10T16:59:59Z",
        "2026-11-12T07:00:00Z",
        "2026-11-25T09:00:00Z",
    ];
    for a in moments {
        for b in moments {
            let (a, b) = (second(a), second(b));
            if b < a || b >= (open.last + 1) * 86_400 {
                continue;
            }
            assert_eq!(
                open.open_until("phone", b) - open.open_until("phone", a),
                clock.open_seconds(a, b),
            );
        }
    }
    // A moment past the table reads as its last second; one before it as its first.
    let past = second("2027-06-01T12:00:00Z");
    assert_eq!(
        open.open_until("phone", past),
        open.open_until("phone", (open.last + 1) * 86_400 - 1)
    );
    assert_eq!(
        open.open_until("phone", 0),
        open.open_until("phone", first * 86_400)
    );
    assert_eq!(open.open_until("mail", past), 0);
}

#[test]
fn the_open_day_table_runs_past_the_largest_bound() {
    let tz = TimeZone::get("Europe/Warsaw").unwrap();
    let schedules = BTreeMap::from([("phone".to_string(), weekdays())]);
    let first = Date::parse("2026-10-20").unwrap().to_days();
    let end = Date::parse("2026-10-30").unwrap().to_days();
    // Three business days (30 open hours) need more than a week after `end`.
    let bound = 30.0 * 3600.0;
    let open = OpenDays::new(&schedules, &tz, &[], first, end, bound);
    let after = open.open_until("phone", (open.last + 1) * 86_400)
        - open.open_until("phone", (end + 1) * 86_400);
    assert!(after as f64 > bound);
    assert!(open.last >= end + 7);
    // A schedule that never opens stops a year after `end`.
    let closed = BTreeMap::from([("never".to_string(), Schedule::default())]);
    let open = OpenDays::new(&closed, &TimeZone::UTC, &[], first, end, 1.0);
    assert_eq!(open.last, end + 366);
}
