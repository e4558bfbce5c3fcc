//! `sok schema`: the JSON Schemas it writes, the `.taplo.toml` of `--taplo` and when that is
//! refused; and, where taplo is installed (always under `CI=true`), the examples checked by
//! taplo against the schemas as an editor would, planted mistakes rejected, and durations
//! read as sok's parser reads them.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common;

/// Every file `sok schema` writes.
const FILES: [&str; 7] = [
    "collection.schema.json",
    "journey.schema.json",
    "owner.schema.json",
    "situation.schema.json",
    "sok.schema.json",
    "standard.schema.json",
    "touchpoint.schema.json",
];

const EXAMPLES: [&str; 2] = ["sklep-kwiatek", "avtosalon"];

fn sok(args: &[&std::ffi::OsStr]) -> Output {
    assert_cmd::cargo::cargo_bin_cmd!("sok")
        .current_dir(common::manifest_dir())
        .env("COLUMNS", "80")
        .args(args)
        .output()
        .expect("sok runs")
}

/// `sok schema ROOT --out OUT [--taplo]`.
fn schema(root: &Path, out: &Path, taplo: bool) -> Output {
    let mut args = vec![
        "schema".as_ref(),
        root.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ];
    if taplo {
        args.push("--taplo".as_ref());
    }
    sok(&args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A copy of an example, without its build output, with its schemas in `.sok/schema` and
/// the `.taplo.toml` that points at them.
fn prepared(example: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::example(example), dir.path());
    let _ = std::fs::remove_dir_all(dir.path().join("build"));
    let output = schema(dir.path(), &dir.path().join(".sok/schema"), true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    dir
}

#[test]
fn writes_one_schema_for_each_kind_of_toml_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schemas");
    let output = schema(Path::new("."), &out, false);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, FILES);
    for name in FILES {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "{name}"
        );
        assert_eq!(schema["additionalProperties"], false, "{name}");
        assert!(
            stdout(&output).contains(name),
            "{name}: {}",
            stdout(&output)
        );
    }
    assert!(
        !stdout(&output).contains(".taplo.toml"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn out_is_required() {
    let output = sok(&["schema".as_ref()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--out"), "{}", stderr(&output));
}

#[test]
fn taplo_writes_its_config_in_the_root_and_leaves_the_handbook_clean() {
    let dir = prepared("sklep-kwiatek");
    let config = std::fs::read_to_string(dir.path().join(".taplo.toml")).unwrap();
    assert!(
        config.contains("schema.path = \".sok/schema/sok.schema.json\""),
        "{config}"
    );
    // The hidden schema folder and `.taplo.toml` are no sources: the handbook stays clean.
    let report = common::check(dir.path());
    assert!(report.diagnostics.is_empty(), "{}", report.human());
    // sok rewrites its own file.
    let again = schema(dir.path(), &dir.path().join(".sok/schema"), true);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
}

#[test]
fn taplo_never_overwrites_a_config_sok_did_not_write() {
    let dir = prepared("sklep-kwiatek");
    let path = dir.path().join(".taplo.toml");
    let own = "[formatting]\nalign_entries = true\n";
    std::fs::write(&path, own).unwrap();
    let output = schema(dir.path(), &dir.path().join(".sok/schema"), true);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("was not written by sok"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), own);
    // A `taplo.toml` would be hidden by a `.taplo.toml`: refused as well.
    std::fs::remove_file(&path).unwrap();
    std::fs::write(dir.path().join("taplo.toml"), own).unwrap();
    let output = schema(dir.path(), &dir.path().join(".sok/schema"), true);
    assert_eq!(output.status.code(), Some(2));
    assert!(!path.exists());
}

#[test]
fn taplo_refuses_schemas_where_sok_check_would_report_them() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::example("sklep-kwiatek"), dir.path());
    let output = schema(dir.path(), &dir.path().join("schema"), true);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("hidden folder"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("schema").exists());
    assert!(!dir.path().join(".taplo.toml").exists());
}

#[test]
fn taplo_names_schemas_outside_the_handbook_by_their_absolute_path() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::example("avtosalon"), dir.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let output = schema(dir.path(), elsewhere.path(), true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let config = std::fs::read_to_string(dir.path().join(".taplo.toml")).unwrap();
    let absolute = elsewhere.path().canonicalize().unwrap();
    assert!(
        config.contains(&format!("{}/sok.schema.json", absolute.display())),
        "{config}"
    );
}

#[test]
fn taplo_needs_a_handbook() {
    let dir = tempfile::tempdir().unwrap();
    let output = schema(dir.path(), &dir.path().join(".sok/schema"), true);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("sok.toml"), "{}", stderr(&output));
}

// With taplo.

/// taplo from `.ci/install-tools` (`.ci/node_modules/.bin`), else from PATH; `None` (the
/// test skips) when there is none, which fails the test under `CI=true`.
fn taplo() -> Option<PathBuf> {
    let local = common::repo_path(".ci/node_modules/.bin/taplo");
    if local.is_file() {
        return Some(local);
    }
    common::tool_available("taplo").then(|| PathBuf::from("taplo"))
}

/// `taplo check FILES` in the handbook root, where it finds `.taplo.toml`; with debug logs,
/// which say for each file which schema it used.
fn taplo_check(taplo: &Path, root: &Path, files: &[String]) -> (bool, String) {
    let output = std::process::Command::new(taplo)
        .current_dir(root)
        .args(["check", "--colors", "never"])
        .args(files)
        .env("RUST_LOG", "debug")
        .output()
        .expect("taplo runs");
    let text = format!("{}{}", stdout(&output), stderr(&output));
    (output.status.success(), text)
}

/// The TOML files of a handbook, relative to its root, but hidden ones.
fn toml_files(root: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| {
            let relative = e.path().strip_prefix(root).unwrap();
            relative.to_string_lossy().replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

/// The schema a handbook file is for: the first folder of its path decides.
fn schema_of(file: &str) -> &'static str {
    if file == "sok.toml" {
        return "sok";
    }
    let folder = file.split_once('/').map_or("", |(folder, _)| folder);
    match folder {
        "owners" => "owner",
        "touchpoints" => "touchpoint",
        "journeys" => "journey",
        "situations" => "situation",
        "standards" => "standard",
        _ => "collection",
    }
}

#[test]
fn the_examples_pass_taplo_against_the_schemas() {
    let Some(taplo) = taplo() else { return };
    for example in EXAMPLES {
        let dir = prepared(example);
        let files = toml_files(dir.path());
        let (ok, output) = taplo_check(&taplo, dir.path(), &files);
        assert!(ok, "{example}: {output}");
        // taplo logs the schema of each file, without the file: compare them as multisets.
        let mut used: Vec<&str> = output
            .lines()
            .filter_map(|l| {
                l.split_once("using schema schema.url=")?
                    .1
                    .split(' ')
                    .next()
            })
            .filter_map(|url| url.rsplit('/').next()?.strip_suffix(".schema.json"))
            .collect();
        used.sort();
        let mut want: Vec<&str> = files.iter().map(|f| schema_of(f)).collect();
        want.sort();
        assert_eq!(used, want, "{example}: {files:?}\n{output}");
    }
}

#[test]
fn each_kind_folder_gets_its_own_schema() {
    let Some(taplo) = taplo() else { return };
    // Each is valid only under its own kind's schema: a key only that kind has.
    let planted = [
        ("owners/planted.toml", "name = \"N\"\nteam = \"T\"\n"),
        (
            "touchpoints/planted.toml",
            "name = \"N\"\nchannel = \"phone\"\nowner = \"o\"\n",
        ),
        (
            "journeys/planted.toml",
            "name = \"N\"\nstages = [\"decision\"]\n",
        ),
        (
            "situations/planted.toml",
            "name = \"N\"\nowner = \"o\"\nseverity = \"low\"\n",
        ),
        (
            "standards/phone/planted.toml",
            "title = \"T\"\nowner = \"o\"\nstatus = \"draft\"\n",
        ),
    ];
    let dir = prepared("sklep-kwiatek");
    for (file, text) in planted {
        common::write(&dir.path().join(file), text);
    }
    let files: Vec<String> = planted.iter().map(|(file, _)| file.to_string()).collect();
    let (ok, output) = taplo_check(&taplo, dir.path(), &files);
    assert!(ok, "{output}");
}

#[test]
fn taplo_rejects_a_misspelt_key_and_a_wrong_type() {
    let Some(taplo) = taplo() else { return };
    let planted = [
        (
            "owners.toml",
            "[[owner]]\nid = \"planted\"\nnmae = \"Planted\"\n",
            "'nmae' was unexpected",
        ),
        (
            "touchpoints.toml",
            "[[touchpoint]]\nid = \"planted\"\nname = 5\nchannel = \"phone\"\nowner = \"x\"\n",
            "5 is not of type \"string\"",
        ),
        (
            "standards/planted.toml",
            "title = \"T\"\nowner = \"x\"\nreview_every = \"2 m\"\n",
            "\"2 m\" does not match",
        ),
        ("sok.toml", "titel = \"T\"\n", "'titel' was unexpected"),
    ];
    let dir = prepared("sklep-kwiatek");
    for (file, text, _) in planted {
        let path = dir.path().join(file);
        let before = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::write(&path, format!("{before}\n{text}")).unwrap();
    }
    let files: Vec<String> = planted.iter().map(|(file, ..)| file.to_string()).collect();
    let (ok, output) = taplo_check(&taplo, dir.path(), &files);
    assert!(!ok, "taplo accepted every planted mistake\n{output}");
    for (file, _, message) in planted {
        assert!(output.contains(message), "{file}: {message}\n{output}");
        let invalid = format!("{}\"", dir.path().join(file).display());
        assert!(
            output
                .lines()
                .any(|l| l.contains("invalid file") && l.ends_with(&invalid)),
            "{file} is not reported invalid\n{output}"
        );
    }
    // sok rejects each of them too.
    let report = common::check(dir.path());
    for (file, ..) in planted {
        assert!(
            report.positions().iter().any(|(f, ..)| f == file),
            "sok check accepts {file}: {}",
            report.human()
        );
    }
}

#[test]
fn taplo_reads_durations_as_the_parser_does() {
    let Some(taplo) = taplo() else { return };
    let samples = [
        "2 min",
        "30s",
        "1.5 h",
        ".5 d",
        "3 business days",
        "3 Business \t Days",
        "1 wee\u{212A}",
        "6 MONTHS",
        " 1 year ",
        "2\tmin",
        "2 m",
        "2",
        "min",
        "-2 min",
        "2 minuty",
        "1. h",
        "two min",
        "2 mo",
        "businessday 2",
        "2 hrs",
        "",
    ];
    let dir = prepared("sklep-kwiatek");
    let mut text = String::new();
    let mut lines = Vec::new();
    for (i, sample) in samples.iter().enumerate() {
        text.push_str(&format!(
            "[[situation]]\nid = \"s{i}\"\nname = \"S\"\nowner = \"o\"\n"
        ));
        lines.push(text.lines().count() + 1);
        text.push_str(&format!(
            "respond_within = {}\n\n",
            toml::Value::String(sample.to_string())
        ));
    }
    std::fs::write(dir.path().join("durations.toml"), &text).unwrap();
    let (_, output) = taplo_check(&taplo, dir.path(), &["durations.toml".into()]);
    // Each error is a message line, then `┌─ FILE:LINE:COLUMN`.
    let mut rejected = Vec::new();
    let mut message = "";
    for line in output.lines() {
        if let Some(rest) = line.strip_prefix("error: ") {
            message = rest;
        } else if let Some((_, at)) = line.split_once("durations.toml:") {
            if message.contains("does not match") {
                rejected.push(at.split(':').next().unwrap().parse::<usize>().unwrap());
            }
        }
    }
    let wrong: Vec<String> = samples
        .iter()
        .zip(&lines)
        .filter(|(sample, line)| {
            sok::values::Duration::parse(sample).is_ok() == rejected.contains(line)
        })
        .map(|(sample, _)| format!("{sample:?}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "taplo and the parser disagree on {wrong:?}\n{output}"
    );
}
