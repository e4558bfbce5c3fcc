//! ServiceNow: SLA definitions, records of the `contract_sla` table as the Table API takes
//! them (`POST /api/now/table/contract_sla`), one per standard and touchpoint, and the
//! schedules they count business hours on (`cmn_schedule` with its `cmn_schedule_span`s).
//! Several definitions may attach to one task, so no two standards compete here.

use serde_json::{Value, json};

use super::mapping::Cell;
use super::schedule::{clock, holiday_runs};
use super::{Plan, Selector};
use crate::values::{Date, Schedule};

/// The task table the definitions attach to.
const TABLE: &str = "incident";

pub(super) fn export(plan: &mut Plan<'_>) -> Value {
    let mut definitions = Vec::new();
    let mut schedules: Vec<(String, Value)> = Vec::new();
    for t in 0..plan.targets.len() {
        let Some(&[target_word]) = plan.metric(t) else {
            continue;
        };
        let mut exported = false;
        for touchpoint in plan.targets[t].touchpoints.clone() {
            if !plan.has_business_hours(t, touchpoint) {
                continue;
            }
            let standard = [plan.targets[t].id().to_string()];
            let Some(selector) = plan.selector(touchpoint, &standard) else {
                continue;
            };
            plan.overnight_holidays(t, touchpoint);
            exported = true;
            let target = &plan.targets[t];
            let condition = match selector {
                Selector::Group(group) => format!("active=true^assignment_group={group}"),
                Selector::Channel(Cell::Words([contact])) => {
                    format!("active=true^contact_type={contact}")
                }
                Selector::Channel(_) => unreachable!("ServiceNow channels are contact types"),
            };
            let stop = match target_word {
                "resolution" => "stateIN6,7",
                _ => "state!=1",
            };
            let schedule_name = format!("{} (sok)", touchpoint.name.value);
            let seconds = target.seconds();
            definitions.push(json!({
                "name": format!("{} — {}", target.standard.title.value, touchpoint.name.value),
                "description": format!(
                    "Standard `{}` at touchpoint `{}`: within {} (sok export).",
                    target.id(),
                    touchpoint.meta.id.value,
                    iso_duration(seconds)
                ),
                "type": "SLA",
                "target": target_word,
                "collection": TABLE,
                "active": "true",
                "duration_type": "",
                "duration": glide_duration(seconds),
                "schedule_source": if target.business { "sla_definition" } else { "no_schedule" },
                "schedule": if target.business { schedule_name.clone() } else { String::new() },
                "timezone_source": "sla_definition",
                "timezone": plan.timezone(),
                "start_condition": condition,
                "stop_condition": stop,
            }));
            if target.business
                && !schedules.iter().any(|(name, _)| *name == schedule_name)
                && let Some(schedule) = plan.schedule(touchpoint)
            {
                let value = schedule_json(plan, &schedule_name, &schedule);
                schedules.push((schedule_name, value));
            }
        }
        if exported {
            plan.deadline_only(t);
        }
    }
    let schedules: Vec<Value> = schedules.into_iter().map(|(_, v)| v).collect();
    json!({ "sla_definitions": definitions, "schedules": schedules })
}

/// A duration the way a `glide_duration` field is written through the Table API: the date
/// and time that long after 1970-01-01 00:00:00 (`4 h` is `1970-01-01 04:00:00`).
fn glide_duration(seconds: u64) -> String {
    let day = Date::from_days(
        Date::new(1970, 1, 1).expect("a date").to_days() + (seconds / 86_400) as i64,
    );
    let rest = seconds % 86_400;
    format!(
        "{day} {:02}:{:02}:{:02}",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// ISO 8601: `PT4H`, `P2D`, `PT1M30S`.
fn iso_duration(seconds: u64) -> String {
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (h, m, s) = (rest / 3600, rest / 60 % 60, rest % 60);
    let mut out = String::from("P");
    if days > 0 {
        out.push_str(&format!("{days}D"));
    }
    if rest > 0 || days == 0 {
        out.push('T');
        for (n, unit) in [(h, 'H'), (m, 'M'), (s, 'S')] {
            if n > 0 {
                out.push_str(&format!("{n}{unit}"));
            }
        }
        if rest == 0 {
            out.push_str("0S");
        }
    }
    out
}

/// Monday 2024-01-01, the first day of the week every weekly span is anchored in.
const ANCHOR: (i32, u32, u32) = (2024, 1, 1);

/// A schedule as `cmn_schedule` with its spans: one weekly span per set of days with the same
/// range (a range past midnight ends the next day), and an excluding span per run of holidays.
fn schedule_json(plan: &Plan<'_>, name: &str, schedule: &Schedule) -> Value {
    let anchor = Date::new(ANCHOR.0, ANCHOR.1, ANCHOR.2)
        .expect("a date")
        .to_days();
    let mut ranges: Vec<((u32, u32), String)> = Vec::new();
    for (day, open) in schedule.days.iter().enumerate() {
        for &range in open {
            let digit = char::from(b'1' + day as u8);
            match ranges.iter_mut().find(|(r, _)| *r == range) {
                Some((_, days)) => days.push(digit),
                None => ranges.push((range, digit.to_string())),
            }
        }
    }
    ranges.sort();
    let stamp = |days: i64, minutes: u32| {
        let date = Date::from_days(days + i64::from(minutes / 1440));
        format!(
            "{}T{}00",
            date.to_string().replace('-', ""),
            clock(minutes).replace(':', "")
        )
    };
    let mut spans: Vec<Value> = ranges
        .iter()
        .map(|((start, end), days)| {
            // Each weekly span starts on the first of its days.
            let first = anchor + i64::from(days.as_bytes()[0] - b'1');
            json!({
                "name": format!("{} {}–{}", days, clock(*start), clock(*end)),
                "type": "",
                "all_day": "false",
                "repeat_type": "weekly",
                "repeat_count": "1",
                "days_of_week": days,
                "start_date_time": stamp(first, *start),
                "end_date_time": stamp(first, *end),
            })
        })
        .collect();
    for run in holiday_runs(&plan.holidays()) {
        spans.push(json!({
            "name": format!("Holiday {}", run.first),
            "type": "exclude",
            "all_day": "true",
            "repeat_type": "",
            "repeat_count": "",
            "days_of_week": "",
            "start_date_time": stamp(run.first.to_days(), 0),
            "end_date_time": stamp(run.last.to_days() + 1, 0),
        }));
    }
    json!({
        "name": name,
        "time_zone": plan.timezone(),
        "type": "",
        "spans": spans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_both_forms() {
        assert_eq!(glide_duration(4 * 3600), "1970-01-01 04:00:00");
        assert_eq!(glide_duration(2 * 86_400 + 90), "1970-01-03 00:01:30");
        assert_eq!(iso_duration(4 * 3600), "PT4H");
        assert_eq!(iso_duration(2 * 86_400), "P2D");
        assert_eq!(iso_duration(90), "PT1M30S");
        assert_eq!(iso_duration(86_400 + 60), "P1DT1M");
        assert_eq!(iso_duration(0), "PT0S");
    }
}
