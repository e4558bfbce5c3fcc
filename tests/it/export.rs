//! `sok export` as a user runs it: for every tool, the JSON of both examples validates against
//! a JSON Schema written from the tool's API reference (`tests/fixtures/export/schemas/`) and is
//! snapshotted with the list of what the tool cannot hold; the schedule of a night line
//! (`tests/fixtures/export/overnight`: `Fri 22–02` and a Friday holiday); `--check`, `--strict`,
//! `--touchpoint` and a handbook with errors, by exit code.

use std::path::Path;

use serde_json::Value;

use crate::common::{copy_dir, edit, example, fixture, sok};

const TOOLS: [&str; 4] = ["zendesk", "freshdesk", "genesys", "servicenow"];

fn export(tool: &str, dir: &Path) -> (Value, String, String) {
    let (code, out, err) = sok(&["export", tool, dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    (serde_json::from_str(&out).expect("JSON"), out, err)
}

/// Every error of `value` against the tool's schema.
fn schema_errors(tool: &str, value: &Value) -> Vec<String> {
    let path = fixture(&format!("export/schemas/{tool}.json"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_export_of_both_examples_validates_against_the_tools_schema() {
    for name in ["sklep-kwiatek", "avtosalon"] {
        for tool in TOOLS {
            let (value, _, _) = export(tool, &example(name));
            let errors = schema_errors(tool, &value);
            assert!(errors.is_empty(), "{tool} on {name}: {errors:#?}");
            let items = value
                .as_object()
                .unwrap()
                .values()
                .map(|v| v.as_array().unwrap().len());
            assert!(
                items.sum::<usize>() > 0,
                "{tool} on {name} exports something"
            );
        }
    }
}

#[test]
fn the_schemas_reject_what_the_apis_reject() {
    let bad = [
        (
            "zendesk",
            r#"{"sla_policies":[{"title":"x","filter":{"all":[]},"policy_metrics":[{"priority":"urgent","metric":"answer_time","target":1,"business_hours":false}]}],"schedules":[]}"#,
        ),
        (
            "freshdesk",
            r#"{"sla_policies":[{"name":"x","sla_target":{"priority_1":{"respond_within":60,"business_hours":false,"escalation_enabled":false}}}]}"#,
        ),
        (
            "genesys",
            r#"{"queues":[{"name":"x","mediaSettings":{"call":{"serviceLevel":{"percentage":90,"durationMs":20000}}}}]}"#,
        ),
        (
            "servicenow",
            r#"{"sla_definitions":[{"name":"x","collection":"incident","duration":"PT4H","start_condition":"active=true","stop_condition":"state=6"}],"schedules":[]}"#,
        ),
    ];
    for (tool, json) in bad {
        let value: Value = serde_json::from_str(json).unwrap();
        assert!(
            !schema_errors(tool, &value).is_empty(),
            "{tool} accepted {json}"
        );
    }
}

#[test]
fn zendesk_intervals_never_span_calendar_days() {
    for dir in [
        example("sklep-kwiatek"),
        example("avtosalon"),
        fixture("export/overnight"),
    ] {
        let (value, _, _) = export("zendesk", &dir);
        for schedule in value["schedules"].as_array().unwrap() {
            for interval in schedule["intervals"].as_array().unwrap() {
                let (start, end) = (
                    interval["start_time"].as_u64().unwrap(),
                    interval["end_time"].as_u64().unwrap(),
                );
                assert!(
                    start < end && start / 1440 == (end - 1) / 1440,
                    "{interval}"
                );
            }
        }
    }
}

#[test]
fn snapshots_of_both_examples_and_their_unmappable_lists() {
    for name in ["sklep-kwiatek", "avtosalon"] {
        for tool in TOOLS {
            let (_, json, warnings) = export(tool, &example(name));
            insta::assert_snapshot!(format!("{tool}@{name}"), json);
            insta::assert_snapshot!(format!("{tool}@{name}.unmappable"), warnings);
        }
    }
}

#[test]
fn a_night_range_is_split_at_midnight_and_the_holiday_difference_listed() {
    let dir = fixture("export/overnight");
    let (zendesk, json, warnings) = export("zendesk", &dir);
    let intervals: Vec<(u64, u64)> = zendesk["schedules"][0]["intervals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["start_time"].as_u64().unwrap(),
                i["end_time"].as_u64().unwrap(),
            )
        })
        .collect();
    // Sunday 10–14, then Friday 22–24 and Saturday 0–2.
    assert_eq!(intervals, vec![(600, 840), (8520, 8640), (8640, 8760)]);
    let holidays = &zendesk["schedules"][0]["holidays"];
    assert_eq!(holidays[0]["start_date"], "2026-12-25");
    assert_eq!(holidays[0]["end_date"], "2026-12-26");
    assert!(warnings.contains("run past midnight"), "{warnings}");
    insta::assert_snapshot!("zendesk@overnight", json);

    let (_, json, warnings) = export("servicenow", &dir);
    assert!(
        json.contains("\"end_date_time\": \"20240106T020000\""),
        "{json}"
    );
    assert!(json.contains("\"start_condition\": \"active=true^assignment_group=Night desk\""));
    insta::assert_snapshot!("servicenow@overnight", json);
    insta::assert_snapshot!("servicenow@overnight.unmappable", warnings);

    let (genesys, _, _) = export("genesys", &dir);
    let queue = &genesys["queues"][0];
    assert_eq!(queue["id"], "9f0c5a1e-0000-4000-8000-000000000042");
    assert_eq!(
        queue["mediaSettings"]["call"]["serviceLevel"]["durationMs"],
        30_000
    );
}

#[test]
fn the_same_handbook_gives_the_same_bytes() {
    for tool in TOOLS {
        let (_, first, _) = export(tool, &example("avtosalon"));
        let (_, second, _) = export(tool, &example("avtosalon"));
        assert_eq!(first, second);
        assert!(first.ends_with("}\n"));
    }
}

#[test]
fn check_exits_0_when_current_1_with_a_diff_when_stale_2_when_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("genesys.json");
    let dir = example("sklep-kwiatek");
    let (dir_s, file_s) = (dir.to_str().unwrap(), file.to_str().unwrap());

    let (code, _, err) = sok(&["export", "genesys", dir_s, "--check", file_s]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot read"), "{err}");

    let (code, out, err) = sok(&["export", "genesys", dir_s, "--out", file_s]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let (code, out, _) = sok(&["export", "genesys", dir_s, "--check", file_s]);
    assert_eq!((code, out.as_str()), (0, ""));

    let written = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, written.replace("120000", "180000")).unwrap();
    let (code, out, err) = sok(&["export", "genesys", dir_s, "--check", file_s]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains("-            \"durationMs\": 180000,"),
        "{err}"
    );
    assert!(
        err.contains("+            \"durationMs\": 120000,"),
        "{err}"
    );
    assert!(err.contains("does not match the handbook"), "{err}");
}

#[test]
fn strict_makes_the_unmappable_list_an_error() {
    let dir = fixture("export/overnight");
    let dir_s = dir.to_str().unwrap();
    let (code, out, err) = sok(&["export", "zendesk", dir_s]);
    assert_eq!(code, 0);
    assert!(err.starts_with("warning: "), "{err}");
    let (code, strict_out, err) = sok(&["export", "zendesk", dir_s, "--strict"]);
    assert_eq!(code, 1);
    assert_eq!(out, strict_out, "the file is still written");
    assert!(
        err.contains("--strict: Zendesk cannot hold everything"),
        "{err}"
    );
    // One touchpoint that Genesys holds entirely: nothing to list, exit 0 even when strict.
    let (code, _, err) = sok(&[
        "export",
        "genesys",
        dir_s,
        "--touchpoint",
        "night-line",
        "--strict",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
}

#[test]
fn an_unknown_touchpoint_is_a_usage_error_with_a_suggestion() {
    let dir = fixture("export/overnight");
    let (code, _, err) = sok(&[
        "export",
        "genesys",
        dir.to_str().unwrap(),
        "--touchpoint",
        "night-lin",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `night-line`?"), "{err}");
}

#[test]
fn a_handbook_with_errors_is_not_exported() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("export/overnight"), tmp.path());
    edit(
        &tmp.path().join("sok.toml"),
        "night-line = ",
        "night-lines = ",
    );
    let (code, out, err) = sok(&["export", "genesys", tmp.path().to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("sok::export::unknown_touchpoint"), "{err}");
    assert!(err.contains("nothing was exported"), "{err}");
}

#[test]
fn a_group_id_that_is_not_a_number_is_a_value_error() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("export/overnight"), tmp.path());
    edit(
        &tmp.path().join("sok.toml"),
        "\"360000000042\"",
        "\"Night desk\"",
    );
    let (code, out, err) = sok(&["check", tmp.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("sok::value::number"), "{out}");
    assert!(out.contains("`Night desk` is not a group id"), "{out}");
}
