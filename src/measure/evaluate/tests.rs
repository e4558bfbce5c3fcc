use std::sync::Arc;

use jiff::Timestamp;

use super::*;
use crate::measure::Event;
use crate::measure::report::{PeriodResult, Report};
use crate::measure::results::Measured;
use crate::source::FileId;
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

const OWNERS: &str = r#"
[[owner]]
id = "lead"
name = "Support lead"
"#;

const TOUCHPOINTS: &str = r#"
[[touchpoint]]
id = "phone"
name = "Phone"
channel = "phone"
owner = "lead"
hours = "Mon–Fri 8–18"

[[touchpoint]]
id = "mail"
name = "E-mail"
channel = "email"
owner = "lead"
hours = "by appointment"
"#;

fn handbook(standards: &str) -> crate::Checked {
    let mut world = MemoryWorld::default();
    for (path, text) in [
        ("sok.toml", SETTINGS),
        ("owners.toml", OWNERS),
        ("touchpoints.toml", TOUCHPOINTS),
        ("standards.toml", standards),
    ] {
        world.files.insert(path.into(), text.as_bytes().to_vec());
    }
    let checked = crate::check_loaded(crate::load::load_from(world.paths(), Arc::new(world)));
    assert!(
        !checked.diagnostics.has_errors(),
        "{:?}",
        checked.diagnostics
    );
    checked
}

const ANSWER: &str = r#"
[[standard]]
id = "answer"
title = "Answer calls within two minutes"
owner = "lead"
touchpoints = ["phone"]
text = "We answer."
[standard.measure]
metric = "answer_time"
max = "2 min"
share = 80
period = "month"
"#;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn event(metric: &str, start: &str, end: Option<&str>) -> Event {
    Event {
        metric: metric.into(),
        touchpoint: Some("phone".into()),
        start: at(start),
        end: end.map(at),
        value: None,
        abandoned: None,
        agent: None,
        team: None,
        id: None,
        file: FileId(0),
        line: 2,
    }
}

fn run(checked: &crate::Checked, events: &[Event], as_of: &str) -> Measured {
    let options = Options {
        as_of: at(as_of).as_second(),
        from: None,
        to: None,
    };
    let mut evaluation = Evaluation::new(&checked.handbook, options);
    for e in events {
        evaluation.add(e);
    }
    evaluation.finish(&checked.handbook)
}

fn periods<'a>(report: &'a Report, id: &str) -> &'a [PeriodResult] {
    &report
        .standards
        .iter()
        .find(|s| s.id == id)
        .unwrap()
        .periods
}

#[test]
fn duration_events_meet_or_miss_their_bound_and_open_ones_wait() {
    let checked = handbook(ANSWER);
    let mut events = vec![
        event(
            "answer_time",
            "2026-10-01T08:00:00Z",
            Some("2026-10-01T08:01:00Z"),
        ),
        event(
            "answer_time",
            "2026-10-01T08:00:00Z",
            Some("2026-10-01T08:02:00Z"),
        ),
        event(
            "answer_time",
            "2026-10-01T08:00:00Z",
            Some("2026-10-01T08:02:01Z"),
        ),
        // Open, started long before `as_of`: failed.
        event("answer_time", "2026-10-02T08:00:00Z", None),
        // Open, started a minute before `as_of`: pending.
        event("answer_time", "2026-11-05T11:59:00Z", None),
        event("csat", "2026-10-01T08:00:00Z", None),
    ];
    events[0].agent = Some("Ana".into());
    events[1].agent = Some("Ana".into());
    events[2].agent = Some("Boris".into());
    let measured = run(&checked, &events, "2026-11-05T12:00:00Z");
    let report = &measured.report;
    assert_eq!((report.rows, report.rejected, report.unused), (6, 0, 1));
    let p = periods(report, "answer");
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].period, "2026-10");
    assert!(!p[0].partial);
    assert_eq!(p[0].figures.events, 4);
    assert_eq!(p[0].figures.met, Some(2));
    assert_eq!(p[0].figures.value, Some(50.0));
    assert_eq!(p[0].figures.held, Some(false));
    assert_eq!(p[0].target, 80.0);
    assert_eq!(p[0].by_agent.len(), 3);
    assert_eq!(p[0].by_agent[1].agent, "Ana");
    assert_eq!(p[0].by_agent[1].figures.value, Some(100.0));
    assert_eq!(p[1].period, "2026-11");
    assert!(p[1].partial);
    assert_eq!((p[1].figures.events, p[1].figures.pending), (0, 1));
    assert_eq!(p[1].figures.value, None);
    assert_eq!(p[1].figures.held, None);
}

#[test]
fn the_period_is_local_to_the_calendar() {
    let checked = handbook(ANSWER);
    // 22:30 UTC on 31 October is 23:30 in Warsaw: still October. 23:30 UTC is November.
    let events = [
        event(
            "answer_time",
            "2026-10-31T22:30:00Z",
            Some("2026-10-31T22:31:00Z"),
        ),
        event(
            "answer_time",
            "2026-10-31T23:30:00Z",
            Some("2026-10-31T23:31:00Z"),
        ),
    ];
    let report = run(&checked, &events, "2026-12-01T00:00:00Z").report;
    let p = periods(&report, "answer");
    assert_eq!(
        p.iter()
            .map(|p| (p.period.as_str(), p.figures.events))
            .collect::<Vec<_>>(),
        [("2026-10", 1), ("2026-11", 1)]
    );
    assert_eq!(p[1].trend, Some(0.0));
}

#[test]
fn answers_make_nps_csat_rates_and_means() {
    let checked = handbook(
        r#"
[[standard]]
id = "nps"
title = "Recommend"
owner = "lead"
text = "Customers recommend us."
[standard.measure]
metric = "nps"
min = 20
period = "quarter"

[[standard]]
id = "csat"
title = "Satisfied"
owner = "lead"
text = "Customers are satisfied."
[standard.measure]
metric = "csat"
min = 80

[[standard]]
id = "fcr"
title = "First contact"
owner = "lead"
text = "Solved at first contact."
[standard.measure]
metric = "fcr_rate"
min = 70

[[standard]]
id = "audit"
title = "Audit"
owner = "lead"
text = "Mystery shopper."
[standard.measure]
metric = "audit_score"
min = 90
"#,
    );
    let scored = |metric: &str, value: f64| {
        let mut e = event(metric, "2026-10-05T10:00:00Z", None);
        e.touchpoint = None;
        e.value = Some(value);
        e
    };
    let events = [
        scored("nps", 10.0),
        scored("nps", 9.0),
        scored("nps", 7.0),
        scored("nps", 3.0),
        scored("csat", 5.0),
        scored("csat", 3.0),
        scored("fcr_rate", 1.0),
        scored("fcr_rate", 0.0),
        scored("fcr_rate", 1.0),
        scored("fcr_rate", 1.0),
        scored("audit_score", 95.0),
        scored("audit_score", 80.0),
        scored("nps", 11.0),
        scored("csat", 4.5),
    ];
    let measured = run(&checked, &events, "2027-01-15T00:00:00Z");
    let report = &measured.report;
    assert_eq!(report.rejected, 2);
    let value = |id| periods(report, id)[0].figures.value.unwrap();
    let held = |id| periods(report, id)[0].figures.held.unwrap();
    assert_eq!(periods(report, "nps")[0].period, "2026-Q4");
    assert_eq!(value("nps"), 25.0);
    assert!(held("nps"));
    assert_eq!(value("csat"), 50.0);
    assert!(!held("csat"));
    assert_eq!(value("fcr"), 75.0);
    assert!(held("fcr"));
    assert_eq!(value("audit"), 87.5);
    assert_eq!(periods(report, "audit")[0].figures.met, None);
    assert!(!held("audit"));
    let codes: Vec<&str> = measured.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["sok::event::value_range", "sok::event::value_range"]
    );
    assert_eq!(
        measured.diagnostics[0].help.as_deref(),
        Some("values of `nps` are a whole number from 0 to 10")
    );
}

#[test]
fn unknown_touchpoints_and_repeated_ids_are_rejected() {
    let checked = handbook(ANSWER);
    let mut a = event(
        "answer_time",
        "2026-10-01T08:00:00Z",
        Some("2026-10-01T08:01:00Z"),
    );
    a.id = Some("T-1".into());
    let mut b = a.clone();
    b.line = 3;
    let mut c = a.clone();
    c.id = Some("T-2".into());
    c.touchpoint = Some("phnoe".into());
    c.line = 4;
    let measured = run(&checked, &[a, b, c], "2026-11-05T12:00:00Z");
    assert_eq!(measured.report.rejected, 2);
    assert_eq!(periods(&measured.report, "answer")[0].figures.events, 1);
    let found: Vec<(&str, u64)> = measured
        .diagnostics
        .iter()
        .map(|d| (d.code, d.record.as_ref().unwrap().line))
        .collect();
    assert_eq!(
        found,
        [
            ("sok::event::duplicate_id", 3),
            ("sok::event::unknown_touchpoint", 4)
        ]
    );
    assert!(
        measured.diagnostics[1]
            .help
            .as_deref()
            .unwrap()
            .contains("`phone`")
    );
}

#[test]
fn abandoned_events_follow_the_policy() {
    let standards = ANSWER;
    let abandoned = |after: &str| {
        let mut e = event("answer_time", "2026-10-01T08:00:00Z", None);
        e.abandoned = Some(at(after));
        e
    };
    let events = [
        abandoned("2026-10-01T08:00:03Z"),
        abandoned("2026-10-01T08:01:00Z"),
        abandoned("2026-10-01T08:05:00Z"),
    ];
    for (policy, expected) in [("failed", (2, 0)), ("met", (2, 1)), ("excluded", (1, 0))] {
        let mut world_settings = SETTINGS.to_string();
        world_settings.push_str(&format!(
            "\n[events]\nabandoned = \"{policy}\"\nshort_abandon = \"5 s\"\n"
        ));
        let mut world = MemoryWorld::default();
        for (path, text) in [
            ("sok.toml", world_settings.as_str()),
            ("owners.toml", OWNERS),
            ("touchpoints.toml", TOUCHPOINTS),
            ("standards.toml", standards),
        ] {
            world.files.insert(path.into(), text.as_bytes().to_vec());
        }
        let checked = crate::check_loaded(crate::load::load_from(world.paths(), Arc::new(world)));
        assert!(!checked.diagnostics.has_errors());
        let report = run(&checked, &events, "2026-11-05T12:00:00Z").report;
        let f = &periods(&report, "answer")[0].figures;
        // The 3-second abandon is short: left out in every policy.
        let (events, met) = expected;
        assert_eq!((f.events, f.met), (events, Some(met)), "{policy}");
    }
}

const BUSINESS: &str = r#"
[[standard]]
id = "reply"
title = "Reply within an hour of business time"
owner = "lead"
touchpoints = ["phone", "mail"]
text = "We reply."
[standard.measure]
metric = "response_time"
max = "1 h"
share = 90
hours = "business"
"#;

#[test]
fn business_hours_skip_nights_weekends_and_holidays() {
    let checked = handbook(BUSINESS);
    // Friday 16 October 17:30 Warsaw (15:30 UTC) to Monday 8:29: 59 business minutes.
    let friday = event(
        "response_time",
        "2026-10-16T15:30:00Z",
        Some("2026-10-19T06:29:00Z"),
    );
    // Tuesday 10 November 17:30 to Thursday 12 November 8:31, over the 11 November holiday.
    let holiday = event(
        "response_time",
        "2026-11-10T16:30:00Z",
        Some("2026-11-12T07:31:00Z"),
    );
    // Opened Friday 17:59 and still open on Saturday: 1 business minute so far, pending.
    let open = event("response_time", "2026-11-20T16:59:00Z", None);
    let mut mail = event(
        "response_time",
        "2026-10-16T10:00:00Z",
        Some("2026-10-16T10:10:00Z"),
    );
    mail.touchpoint = Some("mail".into());
    let mut again = mail.clone();
    again.line = 3;
    let measured = run(
        &checked,
        &[friday, holiday, open, mail, again],
        "2026-11-21T12:00:00Z",
    );
    let p = periods(&measured.report, "reply");
    assert_eq!(p[0].period, "2026-10");
    assert_eq!((p[0].figures.events, p[0].figures.met), (1, Some(1)));
    assert_eq!(
        (p[1].figures.events, p[1].figures.met, p[1].figures.pending),
        (1, Some(0), 1)
    );
    assert_eq!(measured.report.rejected, 2);
    // The e-mail touchpoint's hours are not a schedule: said once, at its `hours`.
    assert_eq!(measured.diagnostics.len(), 1);
    let d = &measured.diagnostics[0];
    assert_eq!(d.code, "sok::event::no_schedule");
    assert!(d.record.is_none());
    assert_eq!(checked.sources.slice(d.span), "by appointment");
}

#[test]
fn a_row_one_standard_cannot_measure_is_counted_by_none() {
    let calendar_too = format!(
        "{BUSINESS}\n{}",
        r#"
[[standard]]
id = "reply-calendar"
title = "Reply within a day"
owner = "lead"
text = "We reply."
[standard.measure]
metric = "response_time"
max = "1 d"
share = 90
"#
    );
    let checked = handbook(&calendar_too);
    let mut mail = event(
        "response_time",
        "2026-10-16T10:00:00Z",
        Some("2026-10-16T10:10:00Z"),
    );
    mail.touchpoint = Some("mail".into());
    let phone = event(
        "response_time",
        "2026-10-16T10:00:00Z",
        Some("2026-10-16T10:10:00Z"),
    );
    let report = run(&checked, &[mail, phone], "2026-11-21T12:00:00Z").report;
    assert_eq!(report.rejected, 1);
    for id in ["reply", "reply-calendar"] {
        assert_eq!(periods(&report, id)[0].figures.events, 1, "{id}");
    }
}

mod batches;
