//! The `sok` binary: exit codes, output formats, colours and `sok explain`.
//!
//! Every command runs from the crate root with relative paths, so outputs hold no absolute
//! paths; `COLUMNS=80` and a cleared `NO_COLOR` keep them the same on every machine.

use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

use crate::common;

fn sok() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("sok");
    cmd.current_dir(common::manifest_dir())
        .env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR");
    cmd
}

fn run(args: &[&str]) -> Output {
    sok().args(args).output().expect("sok runs")
}

/// The exit code and both streams, as one text for a snapshot.
fn transcript(output: &Output) -> String {
    format!(
        "exit: {:?}\n----- stdout -----\n{}----- stderr -----\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

const ANSI: &str = "\u{1b}[";

#[test]
fn examples_check_clean() {
    for example in ["examples/sklep-kwiatek", "examples/avtosalon"] {
        let output = run(&["check", example]);
        assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
        assert_eq!(stdout(&output), "no problems found\n");
        assert_eq!(stderr(&output), "");

        let output = run(&["check", "--format", "json", example]);
        assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
        assert_eq!(stdout(&output), "[]\n");
    }
}

#[test]
fn problems_exit_1() {
    let output = run(&["check", "tests/fixtures/invalid/ref-unknown"]);
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    let out = stdout(&output);
    assert!(out.contains("sok::ref::unknown"), "{out}");
    assert!(out.contains("[standards/odbior-telefonu.md:3:9]"), "{out}");
    assert!(out.ends_with("1 error in 1 file\n"), "{out}");
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn default_dir_is_the_current_directory() {
    let output = sok()
        .current_dir(common::fixture("invalid/ref-unknown"))
        .arg("check")
        .output()
        .expect("sok runs");
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    assert!(stdout(&output).contains("sok::ref::unknown"));
}

#[test]
fn missing_directory_exits_2() {
    let output = run(&["check", "tests/fixtures/no-such-handbook"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("`tests/fixtures/no-such-handbook` does not exist"),
        "{}",
        stderr(&output)
    );
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn directory_without_sok_toml_exits_2_and_names_the_file() {
    let output = run(&["check", "tests/fixtures/invalid/discover-no_handbook"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(err.contains("sok::discover::no_handbook"), "{err}");
    assert!(
        err.contains("tests/fixtures/invalid/discover-no_handbook/sok.toml"),
        "{err}"
    );
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn file_instead_of_directory_exits_2() {
    // Any file but `sok.toml` itself, which names its handbook.
    let output = run(&["check", "examples/sklep-kwiatek/owners.toml"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn unknown_flag_exits_2() {
    let output = run(&["check", "--frobnicate", "examples/sklep-kwiatek"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("--frobnicate"),
        "{}",
        stderr(&output)
    );

    let output = run(&["check", "--format", "xml", "examples/sklep-kwiatek"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert!(stderr(&output).contains("xml"), "{}", stderr(&output));
}

#[test]
fn help_and_version_exit_0() {
    for args in [&["--help"][..], &["check", "--help"], &["--version"]] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(!stdout(&output).is_empty(), "{args:?}");
    }
}

/// The JSON format's fields, as documented in `docs/diagnostics.md`.
#[test]
fn json_has_every_documented_field() {
    let output = run(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/invalid/id-duplicate",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    let items: Vec<Value> = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(items.len(), 1);
    for item in &items {
        for key in ["code", "severity", "file", "message"] {
            assert!(item[key].is_string(), "{key} in {item}");
        }
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(
                item[key].as_u64().is_some_and(|n| n >= 1),
                "{key} in {item}"
            );
        }
        for key in ["label", "help"] {
            assert!(
                item[key].is_string() || item[key].is_null(),
                "{key} in {item}"
            );
        }
        for related in item["related"].as_array().expect("related is an array") {
            for key in ["file", "label"] {
                assert!(related[key].is_string(), "{key} in {related}");
            }
            for key in ["line", "column", "end_line", "end_column"] {
                assert!(related[key].as_u64().is_some(), "{key} in {related}");
            }
        }
    }
    let d = &items[0];
    assert_eq!(d["code"], "sok::id::duplicate");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (&d["file"], &d["line"], &d["column"]),
        (
            &Value::from("owners.toml"),
            &Value::from(4),
            &Value::from(6)
        )
    );
    assert_eq!(d["related"][0]["file"], "owners/direktor.toml");
    assert!(!stdout(&output).contains(ANSI));
    insta::assert_snapshot!(stdout(&output));
}

/// Problems in three files (the settings, a Markdown file's front matter, a plain entity
/// `.toml`) are all reported in one run, each at its own file's line and column.
#[test]
fn three_files_three_problems_one_run() {
    let dir = "tests/fixtures/three-files";
    let output = run(&["check", "--format", "json", dir]);
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    let items: Vec<Value> = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let found: Vec<(&str, u64, u64, &str)> = items
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["code"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            // language = "polski"
            ("sok.toml", 4, 12, "sok::value::choice"),
            // review_every = "6 m", line 5 of the file (line 4 of the front matter)
            (
                "standards/odbior-telefonu.md",
                5,
                16,
                "sok::value::duration"
            ),
            // owner = "kierownik-zmainy"
            ("touchpoints/infolinia.toml", 4, 9, "sok::ref::unknown"),
        ]
    );

    let output = run(&["check", dir]);
    assert_eq!(output.status.code(), Some(1), "{}", transcript(&output));
    let out = stdout(&output);
    for header in [
        "[sok.toml:4:12]",
        "[standards/odbior-telefonu.md:5:16]",
        "[touchpoints/infolinia.toml:4:9]",
    ] {
        assert!(out.contains(header), "{header} in\n{out}");
    }
    assert!(out.ends_with("\n3 errors in 3 files\n"), "{out}");
}

#[test]
fn color_always_uses_ansi_escapes() {
    let output = run(&[
        "--color",
        "always",
        "check",
        "tests/fixtures/invalid/ref-unknown",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(ANSI), "{}", stdout(&output));
    // The flag is global: it may also follow the subcommand.
    let output = run(&[
        "check",
        "tests/fixtures/invalid/ref-unknown",
        "--color=always",
    ]);
    assert!(stdout(&output).contains(ANSI));
}

#[test]
fn color_never_and_no_color_use_none() {
    let output = run(&[
        "--color",
        "never",
        "check",
        "tests/fixtures/invalid/ref-unknown",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!stdout(&output).contains(ANSI));
    let output = sok()
        .env("NO_COLOR", "1")
        .args(["check", "tests/fixtures/invalid/ref-unknown"])
        .output()
        .expect("sok runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(!stdout(&output).contains(ANSI));
    // The human output without colour is exactly the snapshot format.
    let plain = common::check(&common::fixture("invalid/ref-unknown")).human();
    assert_eq!(stdout(&output), plain);
}

/// `--color auto` colours a terminal unless `NO_COLOR` is set. A pipe is never a terminal,
/// so this runs sok under `script` (Debian's `bsdutils`), which gives it a pseudo-terminal.
#[test]
fn color_auto_follows_the_terminal_and_no_color() {
    if !common::tool_available("script") {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin!("sok").display().to_string();
    let command = format!("'{bin}' check tests/fixtures/invalid/ref-unknown");
    let in_terminal = |no_color: Option<&str>| {
        let mut cmd = std::process::Command::new("script");
        cmd.args(["-qec", &command, "/dev/null"])
            .current_dir(common::manifest_dir())
            .env("COLUMNS", "80")
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            cmd.env("NO_COLOR", value);
        }
        let output = cmd.output().expect("script runs");
        let text = transcript(&output);
        if output.status.code() != Some(1) && text.contains("script:") {
            return None; // no pseudo-terminal to be had here
        }
        assert_eq!(output.status.code(), Some(1), "{text}");
        Some(String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let Some(coloured) = in_terminal(None) else {
        common::skip("`script` cannot open a pseudo-terminal");
        return;
    };
    let in_terminal = |no_color| in_terminal(no_color).expect("a pseudo-terminal");
    assert!(coloured.contains(ANSI));
    assert!(!in_terminal(Some("1")).contains(ANSI));
    // An empty NO_COLOR does not count (no-color.org).
    assert!(in_terminal(Some("")).contains(ANSI));
}

#[test]
fn explain_prints_the_docs_with_or_without_prefix() {
    let short = run(&["explain", "ref::unknown"]);
    let full = run(&["explain", "sok::ref::unknown"]);
    for output in [&short, &full] {
        assert_eq!(output.status.code(), Some(0), "{}", transcript(output));
        let out = stdout(output);
        assert!(out.starts_with("# sok::ref::unknown\n"), "{out}");
        assert!(
            out.contains(sok::diagnostics::codes::REF_UNKNOWN.docs),
            "{out}"
        );
    }
    assert_eq!(short.stdout, full.stdout);
    insta::assert_snapshot!(stdout(&full));
}

#[test]
fn explain_every_code() {
    for code in sok::diagnostics::codes::CODES {
        let output = run(&["explain", code.name]);
        assert_eq!(output.status.code(), Some(0), "{}", code.name);
        assert!(stdout(&output).contains(code.docs), "{}", code.name);
    }
}

#[test]
fn explain_unknown_code_exits_2_with_a_suggestion() {
    let output = run(&["explain", "ref::unknwon"]);
    assert_eq!(output.status.code(), Some(2), "{}", transcript(&output));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(err.contains("`ref::unknwon`"), "{err}");
    assert!(err.contains("did you mean `sok::ref::unknown`?"), "{err}");
    insta::assert_snapshot!(transcript(&output));

    let output = run(&["explain", "xyzzy"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("docs/diagnostics.md"));
}

#[test]
fn the_sok_toml_file_itself_names_its_handbook() {
    let output = run(&["check", "examples/avtosalon/sok.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "no problems found\n"
    );
}

/// A stderr that cannot be written (`2>/dev/full`, a closed pipe) loses the report but not
/// the exit code: 1 for problems, 2 for no handbook, never a panic's 101.
#[test]
fn an_unwritable_stderr_keeps_the_exit_code() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full")
    };
    let run = |dir: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sok"))
            .arg("check")
            .arg(dir)
            .stdout(std::process::Stdio::null())
            .stderr(full())
            .status()
            .expect("runs")
            .code()
    };
    assert_eq!(run(&common::fixture("three-files")), Some(1));
    assert_eq!(
        run(&common::fixture("invalid/discover-no_handbook")),
        Some(2)
    );
}
