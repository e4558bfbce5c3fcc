//! `sok measure --sql` proven on real engines: the same generated events (`events.rs`, and
//! `sok sample-events` for the fixture) loaded into
//! PostgreSQL (a throwaway cluster), DuckDB and Spark SQL (local mode), sok's program run on
//! each, and every row compared, figure by figure, with `sok measure --format json` on the
//! same events. BigQuery and Snowflake cannot be reached from here: their programs are
//! parsed by sqlglot in those dialects, and sqlglot's translation of each into DuckDB's
//! dialect is compared the same way. The engines come from `.ci/install-tools`
//! (`tests/sql/engine.py` drives them); without them the tests skip, except under CI=true.

mod events;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

use crate::common;

const AS_OF: &str = "2026-11-13T10:00:00Z";

/// One way of measuring the fixture: its `[events]` policy and the range asked for.
struct Variant {
    name: &'static str,
    /// `[events]` of sok.toml.
    events: &'static str,
    /// `--from` and `--to`; `None`: the program's default range, which the embedded
    /// evaluation is then given explicitly.
    range: Option<(&'static str, &'static str)>,
}

const VARIANTS: &[Variant] = &[
    Variant {
        name: "met",
        events: "abandoned = \"met\"\nshort_abandon = \"5 s\"\n",
        range: Some(("2026-10-12", "2026-11-15")),
    },
    Variant {
        name: "excluded",
        events: "abandoned = \"excluded\"\n",
        range: None,
    },
    Variant {
        name: "failed",
        events: "",
        range: Some(("2026-10-20", "2026-11-03")),
    },
];

/// The 400 local days up to `--as-of` (2026-11-13 in Warsaw), the program's default.
const DEFAULT_RANGE: (&str, &str) = ("2025-10-10", "2026-11-13");

/// Per variant: the handbook, the embedded report, and the program of each dialect.
struct Prepared {
    dir: tempfile::TempDir,
    events: PathBuf,
    cases: Vec<Case>,
}

struct Case {
    variant: &'static str,
    report: Value,
    programs: BTreeMap<&'static str, PathBuf>,
}

const DIALECTS: [&str; 5] = ["postgres", "duckdb", "bigquery", "snowflake", "spark"];

fn sok(args: &[&str]) -> String {
    let out = Command::cargo_bin("sok")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "sok {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn prepared() -> &'static Prepared {
    static PREPARED: OnceLock<Prepared> = OnceLock::new();
    PREPARED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let events = dir.path().join("events.csv");
        // The planted and random rows of `events.rs`, then six weeks of `sok sample-events`.
        let sample = sok(&[
            "sample-events",
            common::fixture("measure-sql").to_str().unwrap(),
            "--seed",
            "7",
            "--from",
            "2026-10-05",
            "--days",
            "42",
            "--per-day",
            "8",
        ]);
        let mut rows = events::generate(2026, 3000);
        rows.push_str(&events::in_utc(&sample, "Europe/Warsaw"));
        std::fs::write(&events, rows).unwrap();
        let mut cases = Vec::new();
        for v in VARIANTS {
            let root = dir.path().join(v.name);
            common::copy_dir(&common::fixture("measure-sql"), &root);
            let settings = root.join("sok.toml");
            let text = std::fs::read_to_string(&settings).unwrap();
            let start = text.find("[events]\n").unwrap() + "[events]\n".len();
            std::fs::write(&settings, format!("{}{}", &text[..start], v.events)).unwrap();
            let root_s = root.to_str().unwrap();
            let (from, to) = v.range.unwrap_or(DEFAULT_RANGE);
            let report = sok(&[
                "measure",
                root_s,
                "--events",
                events.to_str().unwrap(),
                "--as-of",
                AS_OF,
                "--from",
                from,
                "--to",
                to,
                "--format",
                "json",
            ]);
            let mut programs = BTreeMap::new();
            for dialect in DIALECTS {
                let mut args = vec!["measure", root_s, "--sql", dialect, "--as-of", AS_OF];
                if let Some((from, to)) = v.range {
                    args.extend(["--from", from, "--to", to]);
                }
                let path = dir.path().join(format!("{}-{dialect}.sql", v.name));
                std::fs::write(&path, sok(&args)).unwrap();
                programs.insert(dialect, path);
            }
            cases.push(Case {
                variant: v.name,
                report: serde_json::from_str(&report).unwrap(),
                programs,
            });
        }
        Prepared { dir, events, cases }
    })
}

fn python() -> PathBuf {
    common::manifest_dir().join(".ci/venv/bin/python")
}

/// Whether `engine` can run here; a missing one skips (fails under CI=true).
fn ready(engine: &str) -> bool {
    let module = match engine {
        "postgres" => None,
        "duckdb" => Some("duckdb"),
        "spark" => Some("pyspark"),
        _ => Some("sqlglot, duckdb"),
    };
    let imports = Command::new(python())
        .args(["-c", &format!("import {}", module.unwrap_or("json"))])
        .output()
        .is_ok_and(|o| o.status.success());
    if !imports {
        common::skip(&format!(
            "{} is not installed in .ci/venv",
            module.unwrap_or("python")
        ));
        return false;
    }
    if engine == "postgres" {
        let server = glob_initdb();
        if server.is_none() {
            common::skip("no PostgreSQL server (/usr/lib/postgresql/*/bin/initdb)");
            return false;
        }
        return common::tool_available("runuser") || !is_root();
    }
    true
}

fn glob_initdb() -> Option<PathBuf> {
    let dir = std::fs::read_dir("/usr/lib/postgresql").ok()?;
    dir.filter_map(Result::ok)
        .map(|e| e.path().join("bin/initdb"))
        .find(|p| p.exists())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs every variant's program of `dialect` on `engine`; the rows per variant.
fn run(engine: &str, dialect: &str) -> Vec<(&'static Case, Value)> {
    let p = prepared();
    let outs: Vec<PathBuf> = p
        .cases
        .iter()
        .map(|c| p.dir.path().join(format!("{}-{engine}.json", c.variant)))
        .collect();
    let mut cmd = Command::new(python());
    cmd.arg(common::manifest_dir().join("tests/sql/engine.py"))
        .arg(engine)
        .arg(&p.events);
    for (c, out) in p.cases.iter().zip(&outs) {
        cmd.arg(format!(
            "{}={}",
            c.programs[dialect].display(),
            out.display()
        ));
    }
    let started = std::time::Instant::now();
    let done = cmd.output().unwrap();
    assert!(
        done.status.success(),
        "{engine} failed:\n{}",
        String::from_utf8_lossy(&done.stderr)
    );
    eprintln!("{engine}: {:.1} s", started.elapsed().as_secs_f64());
    p.cases
        .iter()
        .zip(outs)
        .map(|(c, out)| (c, serde_json::from_str(&read(&out)).unwrap()))
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// A row's key: standard, period, breakdown, name.
type Key = (String, String, String, String);

/// The report as the program's rows: per period the total, then per agent, team and
/// touchpoint; then the row counts.
fn expected(report: &Value) -> BTreeMap<Key, BTreeMap<&'static str, Value>> {
    let mut rows = BTreeMap::new();
    let figures = |f: &Value, target: &Value, partial: &Value, trend: Value| {
        BTreeMap::from([
            ("events", f["events"].clone()),
            ("met", f["met"].clone()),
            ("pending", f["pending"].clone()),
            ("value", f["value"].clone()),
            ("held", f["held"].clone()),
            ("target", target.clone()),
            ("partial", partial.clone()),
            ("trend", trend),
        ])
    };
    for s in report["standards"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap().to_string();
        for p in s["periods"].as_array().unwrap() {
            let period = p["period"].as_str().unwrap().to_string();
            let key = |b: &str, n: &str| (id.clone(), period.clone(), b.to_string(), n.to_string());
            rows.insert(
                key("all", ""),
                figures(p, &p["target"], &p["partial"], p["trend"].clone()),
            );
            for (list, field, breakdown) in [
                ("by_agent", "agent", "agent"),
                ("by_team", "team", "team"),
                ("by_touchpoint", "touchpoint", "touchpoint"),
            ] {
                for g in p[list].as_array().unwrap() {
                    rows.insert(
                        key(breakdown, g[field].as_str().unwrap()),
                        figures(g, &p["target"], &p["partial"], Value::Null),
                    );
                }
            }
        }
    }
    for count in ["rows", "rejected", "unused"] {
        let key = (
            String::new(),
            String::new(),
            count.to_string(),
            String::new(),
        );
        rows.insert(key, BTreeMap::from([("events", report[count].clone())]));
    }
    rows
}

fn actual(rows: &Value) -> BTreeMap<Key, BTreeMap<&'static str, Value>> {
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    let mut out = BTreeMap::new();
    for row in rows.as_array().unwrap() {
        let key = (
            text(&row["standard"]),
            text(&row["period"]),
            text(&row["breakdown"]),
            text(&row["name"]),
        );
        let fields: &[&'static str] = if row["standard"].is_null() {
            &["events"]
        } else {
            &[
                "events", "met", "pending", "value", "held", "target", "partial", "trend",
            ]
        };
        let figures = fields.iter().map(|f| (*f, row[*f].clone())).collect();
        assert!(out.insert(key.clone(), figures).is_none(), "{key:?} twice");
    }
    out
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 1e-9
        }
        _ => a == b,
    }
}

/// Every row of the report is in the program's result with the same figures, and no other.
fn compare(engine: &str, case: &Case, rows: &Value) {
    let expected = expected(&case.report);
    let actual = actual(rows);
    let mut problems = Vec::new();
    for (key, want) in &expected {
        let Some(got) = actual.get(key) else {
            problems.push(format!("missing {key:?}: {want:?}"));
            continue;
        };
        for (field, w) in want {
            if !same(w, &got[field]) {
                problems.push(format!(
                    "{key:?} {field}: report {w}, {engine} {}",
                    got[field]
                ));
            }
        }
    }
    for key in actual.keys().filter(|k| !expected.contains_key(*k)) {
        problems.push(format!("extra {key:?}: {:?}", actual[key]));
    }
    assert!(
        problems.is_empty(),
        "{engine}, variant {}: {} differences, the first:\n{}",
        case.variant,
        problems.len(),
        problems
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The comparison means something only when the report does.
    let periods: usize = expected.len();
    assert!(periods > 100, "{periods} rows only");
}

fn prove(engine: &str) {
    if !ready(engine) {
        return;
    }
    for (case, rows) in run(engine, engine) {
        compare(engine, case, &rows);
    }
}

#[test]
fn postgres_computes_the_report() {
    prove("postgres");
}

#[test]
fn duckdb_computes_the_report() {
    prove("duckdb");
}

#[test]
fn spark_computes_the_report() {
    prove("spark");
}

/// Parsed in their dialects, and sqlglot's translation run on DuckDB.
#[test]
fn bigquery_programs_parse_and_compute_the_report() {
    prove("bigquery");
}

#[test]
fn snowflake_programs_parse_and_compute_the_report() {
    prove("snowflake");
}

#[test]
fn the_events_hold_every_case() {
    let p = prepared();
    let met = &p.cases[0].report;
    assert!(met["rows"].as_u64().unwrap() > 5000, "{}", met["rows"]);
    assert!(
        met["rejected"].as_u64().unwrap() >= 10,
        "{}",
        met["rejected"]
    );
    assert!(met["unused"].as_u64().unwrap() >= 10, "{}", met["unused"]);
    let pending: u64 = met["standards"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["periods"].as_array().unwrap())
        .map(|p| p["pending"].as_u64().unwrap())
        .sum();
    assert!(pending > 0);
}

#[test]
fn the_program_goes_to_out_and_a_bad_table_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = common::fixture("measure-sql");
    let out = dir.path().join("measure.sql");
    let run = |args: &[&str]| {
        Command::cargo_bin("sok")
            .unwrap()
            .arg("measure")
            .arg(&fixture)
            .args(["--as-of", AS_OF])
            .args(args)
            .output()
            .unwrap()
    };
    let done = run(&[
        "--sql",
        "duckdb",
        "--table",
        "analytics.events",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let program = read(&out);
    assert!(program.starts_with("-- sok measure --sql duckdb"));
    assert!(program.contains("FROM analytics.events AS e"));
    assert!(program.trim_end().ends_with(';'));
    let done = run(&["--sql", "postgres", "--table", "events; DROP TABLE events"]);
    assert_eq!(done.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&done.stderr).contains("is not a table name"));
    let done = run(&[
        "--sql",
        "spark",
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
    ]);
    assert_eq!(done.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&done.stderr).contains("more than 3700 days"));
}
