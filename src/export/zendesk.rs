//! Zendesk: one SLA policy per touchpoint (Zendesk applies the first policy whose filter a
//! ticket matches, so each ticket's targets must sit in one policy) and one schedule per
//! touchpoint whose targets count business hours. The shapes are those of the SLA Policies
//! and Schedules APIs (`POST /api/v2/slas/policies`, `POST /api/v2/business_hours/schedules`,
//! `PUT …/workweek`, `POST …/holidays`).

use serde_json::{Value, json};

use super::mapping::Cell;
use super::schedule::{holiday_runs, week_intervals};
use super::{Plan, Selector, standards_of};

/// Zendesk's priorities, most urgent first; sok's targets hold for every priority.
const PRIORITIES: [&str; 4] = ["urgent", "high", "normal", "low"];

pub(super) fn export(plan: &mut Plan<'_>) -> Value {
    let mut policies = Vec::new();
    let mut schedules = Vec::new();
    let touchpoints = plan.touchpoints.clone();
    for touchpoint in touchpoints {
        let slots = plan.deadlines(touchpoint);
        if slots.is_empty() {
            continue;
        }
        let standards = standards_of(&slots);
        let Some(selector) = plan.selector(touchpoint, &standards) else {
            continue;
        };
        for standard in &standards {
            let t = (0..plan.targets.len())
                .find(|&t| plan.targets[t].id() == standard)
                .expect("a slot's standard is a target");
            plan.deadline_only(t);
            plan.overnight_holidays(t, touchpoint);
            let seconds = plan.targets[t].seconds();
            if seconds % 60 != 0 {
                plan.lose(
                    standard,
                    format!(
                        "Zendesk sets targets in whole minutes: {seconds} s is exported as {} min",
                        seconds.div_ceil(60)
                    ),
                );
            }
        }
        let mut metrics = Vec::new();
        for priority in PRIORITIES {
            for slot in &slots {
                metrics.push(json!({
                    "priority": priority,
                    "metric": slot.key,
                    "target": slot.seconds.div_ceil(60),
                    "business_hours": slot.business,
                }));
            }
        }
        let condition = match selector {
            Selector::Group(group) => json!({
                "field": "group_id",
                "operator": "is",
                "value": group.parse::<u64>().map_or(Value::String(group.clone()), Value::from),
            }),
            Selector::Channel(Cell::Num(via)) => json!({
                "field": "via_id",
                "operator": "is",
                "value": via,
            }),
            Selector::Channel(_) => unreachable!("Zendesk channels are via ids"),
        };
        policies.push(json!({
            "title": touchpoint.name.value,
            "description": description(&standards),
            "filter": { "all": [condition], "any": [] },
            "policy_metrics": metrics,
        }));
        if slots.iter().any(|s| s.business)
            && let Some(schedule) = plan.schedule(touchpoint)
        {
            schedules.push(schedule_json(plan, &touchpoint.name.value, &schedule));
        }
    }
    json!({ "sla_policies": policies, "schedules": schedules })
}

fn description(standards: &[String]) -> String {
    let list: Vec<String> = standards.iter().map(|s| format!("`{s}`")).collect();
    format!(
        "From the handbook's standards {} (sok export).",
        list.join(", ")
    )
}

fn schedule_json(plan: &Plan<'_>, name: &str, schedule: &crate::values::Schedule) -> Value {
    let intervals: Vec<Value> = week_intervals(schedule)
        .iter()
        .map(|i| json!({ "start_time": i.start, "end_time": i.end }))
        .collect();
    let holidays: Vec<Value> = holiday_runs(&plan.holidays())
        .iter()
        .map(|run| {
            let name = if run.first == run.last {
                format!("Holiday {}", run.first)
            } else {
                format!("Holidays {} – {}", run.first, run.last)
            };
            json!({
                "name": name,
                "start_date": run.first.to_string(),
                "end_date": run.last.to_string(),
            })
        })
        .collect();
    json!({
        "name": name,
        "time_zone": time_zone(plan.timezone()),
        "intervals": intervals,
        "holidays": holidays,
    })
}

/// Zendesk names time zones as Rails does (`Warsaw`, `Eastern Time (US & Canada)`); the
/// zones of the handbooks sok ships for, and the common ones, are translated here, and any
/// other IANA name is written as it is.
fn time_zone(iana: &str) -> &str {
    const RAILS: &[(&str, &str)] = &[
        ("America/Chicago", "Central Time (US & Canada)"),
        ("America/Denver", "Mountain Time (US & Canada)"),
        ("America/Los_Angeles", "Pacific Time (US & Canada)"),
        ("America/New_York", "Eastern Time (US & Canada)"),
        ("Etc/UTC", "UTC"),
        ("Europe/Amsterdam", "Amsterdam"),
        ("Europe/Berlin", "Berlin"),
        ("Europe/Kyiv", "Kyiv"),
        ("Europe/Ljubljana", "Ljubljana"),
        ("Europe/London", "London"),
        ("Europe/Madrid", "Madrid"),
        ("Europe/Moscow", "Moscow"),
        ("Europe/Paris", "Paris"),
        ("Europe/Prague", "Prague"),
        ("Europe/Rome", "Rome"),
        ("Europe/Vienna", "Vienna"),
        ("Europe/Warsaw", "Warsaw"),
        ("UTC", "UTC"),
    ];
    RAILS
        .iter()
        .find(|(name, _)| *name == iana)
        .map_or(iana, |(_, rails)| rails)
}
