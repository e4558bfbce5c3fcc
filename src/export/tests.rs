//! The plan every exporter reads: which standards, at which touchpoints, and what is listed.

use std::sync::Arc;

use serde_json::Value;

use super::*;
use crate::world::MemoryWorld;

const SETTINGS: &str = r#"
[handbook]
title = "Test"
language = "en"
version = "1.0.0"

[calendar]
timezone = "Europe/Warsaw"
holidays = [2026-11-11]

[export]
zendesk_group = { mail = "360000000001" }
genesys_queue = { phone = "queue-phone" }
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

const STANDARDS: &str = r#"
[[standard]]
id = "reply"
title = "Reply to e-mails within four hours"
owner = "lead"
touchpoints = ["mail"]
text = "We reply."
[standard.measure]
metric = "first_response_time"
max = "4 h"
share = 95

[[standard]]
id = "reply-fast"
title = "Reply within one hour"
owner = "lead"
touchpoints = ["mail"]
text = "We reply fast."
[standard.measure]
metric = "first_response_time"
max = "1 h"

[[standard]]
id = "answer"
title = "Answer calls within 20 seconds"
owner = "lead"
touchpoints = ["phone"]
text = "We answer."
[standard.measure]
metric = "answer_time"
max = "20 s"
share = 80
hours = "business"

[[standard]]
id = "csat"
title = "Satisfied customers"
owner = "lead"
text = "They are satisfied."
[standard.measure]
metric = "csat"
min = 90

[[standard]]
id = "draft"
title = "A draft"
owner = "lead"
status = "draft"
touchpoints = ["mail"]
text = "Not yet."
[standard.measure]
metric = "first_response_time"
max = "1 min"
"#;

fn checked() -> crate::Checked {
    let mut world = MemoryWorld::default();
    for (path, text) in [
        ("sok.toml", SETTINGS),
        ("owners.toml", OWNERS),
        ("touchpoints.toml", TOUCHPOINTS),
        ("standards.toml", STANDARDS),
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

fn run(tool: Tool, touchpoints: &[&str]) -> (Value, Vec<Unmappable>) {
    let options = Options {
        touchpoints: touchpoints.iter().map(|t| t.to_string()).collect(),
    };
    let export = export(&checked(), tool, &options);
    assert!(export.json.ends_with("}\n"));
    (
        serde_json::from_str(&export.json).unwrap(),
        export.unmappable,
    )
}

fn reasons(lost: &[Unmappable], standard: &str) -> Vec<String> {
    lost.iter()
        .filter(|l| l.standard == standard)
        .map(|l| l.reason.clone())
        .collect()
}

#[test]
fn drafts_are_not_exported_nor_listed() {
    let (value, lost) = run(Tool::Zendesk, &[]);
    assert!(!value.to_string().contains("draft"));
    assert!(reasons(&lost, "draft").is_empty());
}

#[test]
fn the_stricter_of_two_targets_for_one_metric_is_kept_and_the_other_listed() {
    let (value, lost) = run(Tool::Zendesk, &[]);
    let policy = &value["sla_policies"][0];
    assert_eq!(policy["filter"]["all"][0]["field"], "group_id");
    assert_eq!(policy["filter"]["all"][0]["value"], 360000000001u64);
    let metrics = policy["policy_metrics"].as_array().unwrap();
    assert_eq!(
        metrics.len(),
        4,
        "one metric for each of the four priorities"
    );
    assert!(metrics.iter().all(|m| m["target"] == 60));
    assert!(
        reasons(&lost, "reply")
            .iter()
            .any(|r| r.contains("`reply-fast` sets `first_reply_time` already"))
    );
}

#[test]
fn what_a_deadline_tool_cannot_hold_is_listed() {
    let (_, lost) = run(Tool::Zendesk, &[]);
    assert!(reasons(&lost, "csat")[0].contains("one figure per period"));
    assert!(reasons(&lost, "answer")[0].contains("not calls waiting to be answered"));
    // The share of the target that was kept is lost; the one not exported says only that.
    assert!(
        reasons(&lost, "reply-fast").is_empty(),
        "{:?}",
        reasons(&lost, "reply-fast")
    );
}

#[test]
fn genesys_keeps_the_share_and_lists_business_hours() {
    let (value, lost) = run(Tool::Genesys, &[]);
    let queue = &value["queues"][0];
    assert_eq!(queue["id"], "queue-phone");
    let level = &queue["mediaSettings"]["call"]["serviceLevel"];
    assert_eq!(level["percentage"], 0.8);
    assert_eq!(level["durationMs"], 20_000);
    assert!(reasons(&lost, "answer")[0].contains("calendar time"));
}

#[test]
fn a_touchpoint_filter_leaves_the_others_out() {
    let (value, lost) = run(Tool::Genesys, &["mail"]);
    let queues = value["queues"].as_array().unwrap();
    assert!(queues.iter().all(|q| q.get("id").is_none()));
    assert!(reasons(&lost, "answer").is_empty());
}

#[test]
fn business_hours_without_a_schedule_are_listed() {
    let text = STANDARDS.replace(
        "metric = \"first_response_time\"\nmax = \"4 h\"",
        "metric = \"first_response_time\"\nmax = \"4 h\"\nhours = \"business\"",
    );
    let mut world = MemoryWorld::default();
    for (path, text) in [
        ("sok.toml", SETTINGS),
        ("owners.toml", OWNERS),
        ("touchpoints.toml", TOUCHPOINTS),
        ("standards.toml", text.as_str()),
    ] {
        world.files.insert(path.into(), text.as_bytes().to_vec());
    }
    let checked = crate::check_loaded(crate::load::load_from(world.paths(), Arc::new(world)));
    let export = export(&checked, Tool::Servicenow, &Options::default());
    assert!(
        reasons(&export.unmappable, "reply")
            .iter()
            .any(|r| r.contains("has no schedule"))
    );
}

#[test]
fn the_json_is_the_same_bytes_every_time_with_sorted_keys() {
    let first = export(&checked(), Tool::Servicenow, &Options::default()).json;
    let second = export(&checked(), Tool::Servicenow, &Options::default()).json;
    assert_eq!(first, second);
    let active = first.find("\"active\"").unwrap();
    let name = first.find("\"name\"").unwrap();
    assert!(active < name);
}
