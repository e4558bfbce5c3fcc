//! `sok measure` as a user runs it, on the fixture handbook `tests/fixtures/measure/handbook`
//! and its events (`tests/fixtures/measure/events/`): every format snapshotted, every
//! rejection reason at its file, line and column, exit codes, the column mapping, standard
//! input, and that the same events give the same bytes.
//!
//! The expected figures of `calls.csv`, worked by hand: `answer` (business hours, Mon–Fri
//! 8–18 Warsaw) in October: 1 min met, 1:30 met, 5 min missed, Friday 17:59 to Monday 8:00:30
//! is 90 s met, a Saturday call is 0 s met: 4 of 5 = 80%, held at 80%. November: met, over
//! the 11 November holiday 90 s met, an abandon judged like an open call failed, a call open
//! for an hour at `--as-of` failed: 50%. `chat-reply` 2 of 3. NPS (2 − 1) / 3 = 33.3.

use std::io::Write;
use std::process::{Command, Stdio};

use assert_cmd::prelude::*;

use crate::common::{copy_dir, edit, fixture};

const AS_OF: &str = "2026-11-30T12:00:00Z";

/// Runs `sok` in `tests/fixtures/measure`; returns the exit code, stdout and stderr.
fn sok(args: &[&str]) -> (i32, String, String) {
    sok_with_input(args, None)
}

fn sok_with_input(args: &[&str], input: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::cargo_bin("sok")
        .expect("the sok binary")
        .current_dir(fixture("measure"))
        .env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .args(["--color", "never"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sok runs");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.unwrap_or_default()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn measure(events: &str, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["measure", "handbook", "--events", events, "--as-of", AS_OF];
    args.extend_from_slice(extra);
    sok(&args)
}

#[test]
fn every_format_of_the_report() {
    for format in ["human", "json", "markdown"] {
        let (code, stdout, stderr) = measure("events/calls.csv", &["--format", format]);
        assert_eq!((code, stderr.as_str()), (0, ""), "{format}");
        insta::assert_snapshot!(format!("measure_cli__{format}"), stdout);
    }
    let (code, html, _) = measure("events/calls.csv", &["--format", "html"]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("<svg"));
    assert!(html.contains("<table"));
}

#[test]
fn the_json_report_holds_the_figures_worked_by_hand() {
    let (_, stdout, _) = measure("events/calls.csv", &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["schema"], 1);
    assert_eq!(report["as_of"], "2026-11-30T12:00:00Z");
    assert_eq!(
        (report["rows"].as_u64(), report["unused"].as_u64()),
        (Some(19), Some(1))
    );
    let standard = |id: &str| {
        report["standards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    let answer = standard("answer");
    let october = &answer["periods"][0];
    assert_eq!(october["period"], "2026-10");
    assert_eq!(
        (october["events"].as_u64(), october["met"].as_u64()),
        (Some(5), Some(4))
    );
    assert_eq!(
        (october["value"].as_f64(), october["held"].as_bool()),
        (Some(80.0), Some(true))
    );
    let november = &answer["periods"][1];
    assert_eq!(november["partial"], true);
    assert_eq!(november["value"].as_f64(), Some(50.0));
    assert_eq!(november["trend"].as_f64(), Some(-30.0));
    assert_eq!(october["by_agent"][0]["agent"], "Anna Nowak");
    assert_eq!(october["by_team"][1]["team"], "Beta");
    assert_eq!(
        standard("nps")["periods"][0]["value"].as_f64(),
        Some(100.0 / 3.0)
    );
    let chat = &standard("chat-reply")["periods"][0];
    assert_eq!(chat["by_touchpoint"].as_array().unwrap().len(), 2);
}

#[test]
fn csv_and_json_lines_give_the_same_report() {
    let (_, csv, _) = measure("events/calls.csv", &["--format", "json"]);
    let (_, jsonl, _) = measure("events/calls.jsonl", &["--format", "json"]);
    assert_eq!(csv, jsonl);
}

#[test]
fn the_same_events_give_the_same_bytes() {
    let first = measure("events/calls.csv", &["--format", "json"]);
    let second = measure("events/calls.csv", &["--format", "json"]);
    assert_eq!(first, second);
}

#[test]
fn every_rejected_row_is_reported_at_its_line_and_column_and_the_rest_counted() {
    let (code, stdout, stderr) = sok(&[
        "measure",
        "handbook",
        "--events",
        "events/rejected.csv",
        "events/no-start.csv",
        "--as-of",
        AS_OF,
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("measure_cli__rejected", stderr);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    // Nine bad rows, and the one row of the file without a `start` column.
    assert_eq!(report["rejected"], 10);
    let answer = &report["standards"][0];
    assert_eq!(answer["id"], "answer");
    assert_eq!(
        answer["periods"][0]["events"], 1,
        "the one good row is counted"
    );
    for code in [
        "column_missing",
        "malformed",
        "empty",
        "timestamp",
        "number",
        "order",
        "value_range",
        "unknown_touchpoint",
        "duplicate_id",
    ] {
        assert!(stderr.contains(&format!("sok::event::{code}")), "{code}");
    }
}

#[test]
fn fail_on_missed_looks_at_the_latest_complete_period() {
    let (code, _, stderr) = measure("events/calls.csv", &["--fail-on", "missed"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("`chat-reply`") && stderr.contains("`audit`"),
        "{stderr}"
    );
    assert!(!stderr.contains("`answer`"), "{stderr}");
}

#[test]
fn events_on_standard_input() {
    let csv = std::fs::read(fixture("measure/events/calls.csv")).unwrap();
    let args = [
        "measure", "handbook", "--events", "-", "--as-of", AS_OF, "--format", "json",
    ];
    let (code, stdin, _) = sok_with_input(&args, Some(&csv));
    assert_eq!(code, 0);
    let (_, file, _) = measure("events/calls.csv", &["--format", "json"]);
    assert_eq!(stdin, file);
}

#[test]
fn an_export_with_other_column_names_needs_only_the_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let handbook = dir.path().join("handbook");
    copy_dir(&fixture("measure/handbook"), &handbook);
    edit(
        &handbook.join("sok.toml"),
        "[calendar]",
        "[events.columns]\nid = \"Ticket ID\"\nstart = \"Created at\"\nend = \"Answered at\"\nagent = \"Assignee\"\n\n[calendar]",
    );
    let original = std::fs::read_to_string(fixture("measure/events/calls.csv")).unwrap();
    let export = original.replacen(
        "id,metric,touchpoint,start,end,value,abandoned,agent,team",
        "Ticket ID,metric,touchpoint,Created at,Answered at,value,abandoned,Assignee,Group",
        1,
    );
    std::fs::write(dir.path().join("export.csv"), export).unwrap();
    let run = |root: &std::path::Path, events: &std::path::Path| {
        let output = Command::cargo_bin("sok")
            .unwrap()
            .args(["measure"])
            .arg(root)
            .arg("--events")
            .arg(events)
            .args(["--as-of", AS_OF, "--format", "json"])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let mapped: serde_json::Value =
        serde_json::from_str(&run(&handbook, &dir.path().join("export.csv"))).unwrap();
    let plain: serde_json::Value = serde_json::from_str(&run(
        &fixture("measure/handbook"),
        &fixture("measure/events/calls.csv"),
    ))
    .unwrap();
    for period in 0..2 {
        let (m, p) = (
            &mapped["standards"][0]["periods"][period],
            &plain["standards"][0]["periods"][period],
        );
        for key in ["events", "met", "value", "by_agent"] {
            assert_eq!(m[key], p[key], "{key}");
        }
    }
    // `team` is not mapped: the export's `Group` column is ignored.
    assert_eq!(
        mapped["standards"][0]["periods"][0]["by_team"][0]["team"],
        ""
    );
}

#[test]
fn usage_and_file_errors_exit_2() {
    let (code, _, stderr) = measure("events/missing.csv", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("missing.csv"), "{stderr}");
    let (code, _, stderr) = sok(&[
        "measure",
        "handbook",
        "--events",
        "events/calls.csv",
        "--as-of",
        "yesterday",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--as-of yesterday"), "{stderr}");
    let (code, _, _) = measure(
        "events/calls.csv",
        &["--from", "2026-11-01", "--to", "2026-10-01"],
    );
    assert_eq!(code, 2);
}

#[test]
fn the_report_never_overwrites_a_file_sok_read() {
    let settings = fixture("measure/handbook/sok.toml");
    let before = std::fs::read(&settings).unwrap();
    let (code, _, stderr) = measure("events/calls.csv", &["--out", "handbook/sok.toml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("would overwrite"), "{stderr}");
    let (code, _, _) = measure("events/calls.csv", &["--out", "events/calls.csv"]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read(&settings).unwrap(), before);
}

#[test]
fn the_report_is_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let (code, stdout, _) = measure(
        "events/calls.csv",
        &["--format", "json", "--out", out.to_str().unwrap()],
    );
    assert_eq!((code, stdout.as_str()), (0, ""));
    let (_, printed, _) = measure("events/calls.csv", &["--format", "json"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), printed);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[test]
fn from_and_to_list_every_period_between() {
    let (_, stdout, _) = measure(
        "events/calls.csv",
        &[
            "--format",
            "json",
            "--from",
            "2026-09-01",
            "--to",
            "2026-10-31",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let periods: Vec<&str> = report["standards"][0]["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2026-09", "2026-10"]);
    assert_eq!(
        report["standards"][0]["periods"][0]["value"],
        serde_json::Value::Null
    );
}
