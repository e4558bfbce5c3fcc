//! Starting and growing a handbook: `sok init`, `sok new`, the upward search for the
//! handbook root, `sok completions`, `sok man`, and the examples in every `--help`.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::common;

/// `sok` run in `dir`, without colours.
fn sok(dir: &Path, args: &[&str]) -> Output {
    assert_cmd::cargo::cargo_bin_cmd!("sok")
        .current_dir(dir)
        .args(args)
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .output()
        .expect("sok runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The date every test that fixes it runs at.
const TODAY: &str = "2026-11-24";

const LANGUAGES: [&str; 4] = ["en", "pl", "ru", "sl"];

/// The kinds `sok new` writes, with their folders.
const KINDS: [(&str, &str); 6] = [
    ("standard", "standards"),
    ("situation", "situations"),
    ("touchpoint", "touchpoints"),
    ("owner", "owners"),
    ("journey", "journeys"),
    ("chapter", "chapters"),
];

/// A fresh handbook in `language` at `<temp>/hb`, written by `sok init` as of [`TODAY`].
fn init(temp: &Path, language: &str) -> PathBuf {
    let output = sok(
        temp,
        &["init", "hb", "--language", language, "--today", TODAY],
    );
    assert_exit(&output, 0);
    let root = temp.join("hb");
    // The editor's schemas and the `.taplo.toml` that uses them come with the handbook.
    assert!(root.join(".sok/schema/standard.schema.json").is_file());
    let taplo = std::fs::read_to_string(root.join(".taplo.toml")).unwrap();
    assert!(taplo.contains(".sok/schema/sok.schema.json"), "{taplo}");
    root
}

/// Every file under `root`, relative, with its bytes.
fn tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry.path().strip_prefix(root).unwrap();
            (
                relative.to_string_lossy().replace('\\', "/"),
                std::fs::read(entry.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

// sok init

#[test]
fn a_fresh_handbook_checks_lints_and_builds_clean_in_every_language() {
    for language in LANGUAGES {
        let temp = tempfile::tempdir().unwrap();
        // No --today: the dates written must lint clean against the real clock.
        let output = sok(temp.path(), &["init", "hb", "--language", language]);
        assert_exit(&output, 0);
        let text = stdout(&output);
        assert!(text.contains("sok.toml"), "{text}");
        for next in ["cd hb", "sok check", "sok build", "sok serve"] {
            assert!(
                text.contains(next),
                "{language}: `{next}` missing in\n{text}"
            );
        }
        let root = temp.path().join("hb");
        let settings = std::fs::read_to_string(root.join("sok.toml")).unwrap();
        assert!(
            settings.contains(&format!("language = \"{language}\"")),
            "{settings}"
        );
        for args in [&["check"][..], &["lint", "--deny", "warnings"]] {
            let output = sok(&root, args);
            assert_exit(&output, 0);
            assert!(stdout(&output).contains("no problems found"), "{args:?}");
        }
        let out = tempfile::tempdir().unwrap();
        let output = sok(
            &root,
            &["build", "--out", out.path().join("site").to_str().unwrap()],
        );
        assert_exit(&output, 0);
        assert!(out.path().join("site/html/index.html").is_file());
        assert!(out.path().join("site/handbook.md").is_file());
    }
}

#[test]
fn init_dates_the_handbook_from_today() {
    let temp = tempfile::tempdir().unwrap();
    let output = sok(temp.path(), &["init", "hb", "--today", "2026-03-31"]);
    assert_exit(&output, 0);
    let settings = std::fs::read_to_string(temp.path().join("hb/sok.toml")).unwrap();
    assert!(settings.contains("effective = 2026-04-01"), "{settings}");
    assert!(
        settings.contains("last_reviewed = 2026-03-31"),
        "{settings}"
    );
    let standard =
        std::fs::read_to_string(temp.path().join("hb/standards/answer-time.md")).unwrap();
    assert!(
        standard.contains("last_reviewed = 2026-03-31"),
        "{standard}"
    );
}

#[test]
fn init_writes_into_the_current_folder_and_one_with_only_hidden_entries() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::create_dir(temp.path().join(".git")).unwrap();
    std::fs::write(temp.path().join(".gitignore"), "build/\n").unwrap();
    let output = sok(temp.path(), &["init", "--today", TODAY]);
    assert_exit(&output, 0);
    assert!(temp.path().join("sok.toml").is_file());
    assert!(!stdout(&output).contains("cd "), "{}", stdout(&output));
    assert_eq!(
        std::fs::read_to_string(temp.path().join(".gitignore")).unwrap(),
        "build/\n"
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("hb");
    common::write(&root.join("notes.txt"), "my notes\n");
    let before = tree(&root);
    let output = sok(temp.path(), &["init", "hb"]);
    assert_exit(&output, 2);
    let err = stderr(&output);
    assert!(err.contains("`hb` is not empty"), "{err}");
    assert!(err.contains("sok init hb --fill"), "{err}");
    assert_eq!(tree(&root), before, "nothing is written");
}

#[test]
fn init_fill_writes_only_the_missing_files() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("hb");
    let own_settings = b"[handbook]\ntitle = \"Mine\"\nlanguage = \"en\"\nversion = \"0.1.0\"\n";
    let own_standard = "+++\ntitle = \"Ours\"\nowner = \"cx-manager\"\n+++\n\nOur own text.\r\n";
    common::write(
        &root.join("sok.toml"),
        std::str::from_utf8(own_settings).unwrap(),
    );
    common::write(&root.join("standards/nps.md"), own_standard);
    let output = sok(temp.path(), &["init", "hb", "--fill", "--today", TODAY]);
    assert_exit(&output, 0);
    assert_eq!(std::fs::read(root.join("sok.toml")).unwrap(), own_settings);
    assert_eq!(
        std::fs::read(root.join("standards/nps.md")).unwrap(),
        own_standard.as_bytes()
    );
    let text = stdout(&output);
    let skipped = text
        .split("skipped")
        .nth(1)
        .expect("a list of skipped files");
    assert!(skipped.contains("  sok.toml\n"), "{text}");
    assert!(skipped.contains("  standards/nps.md\n"), "{text}");
    assert!(root.join("owners.toml").is_file());
    assert!(root.join("chapters/04-control.md").is_file());
    // A second run finds nothing to write and changes nothing.
    let before = tree(&root);
    let output = sok(temp.path(), &["init", "hb", "--fill", "--today", TODAY]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("nothing to write"),
        "{}",
        stdout(&output)
    );
    assert_eq!(tree(&root), before);
}

#[test]
fn init_refuses_an_unknown_language() {
    let temp = tempfile::tempdir().unwrap();
    let output = sok(temp.path(), &["init", "hb", "--language", "de"]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("en, pl, ru, sl"),
        "{}",
        stderr(&output)
    );
    assert!(!temp.path().join("hb").exists());
}

// sok new

/// Replaces every placeholder of a file written by `sok new` with a real value of the
/// starter handbook, as a manager would.
fn fill_in(text: &str) -> String {
    text.lines()
        .map(|line| {
            if let Some((key, _)) = line.split_once(" = { TODO = ") {
                let value = match key {
                    "id" => "\"first-step\"".to_string(),
                    _ => format!("\"Filled-in {key}\""),
                };
                return format!("{key} = {value}");
            }
            line.replace("\"TODO-owner\"", "\"team-lead\"")
                .replace("\"TODO-channel\"", "\"phone\"")
                .replace("\"TODO-stage\"", "\"awareness\"")
        })
        .map(|line| line + "\n")
        .collect()
}

/// `sok check --format json` of the handbook at `root`: the exit code and diagnostics.
fn check_json(root: &Path) -> (i32, Vec<Value>) {
    let output = sok(root, &["check", "--format", "json"]);
    let diagnostics: Value = serde_json::from_slice(&output.stdout).unwrap();
    (
        output.status.code().unwrap(),
        diagnostics.as_array().unwrap().clone(),
    )
}

#[test]
fn new_writes_every_kind_and_check_names_each_placeholder_until_it_is_filled() {
    let temp = tempfile::tempdir().unwrap();
    let root = init(temp.path(), "en");
    for (kind, folder) in KINDS {
        let id = format!("new-{kind}");
        let output = sok(&root, &["new", kind, &id, "--today", TODAY]);
        assert_exit(&output, 0);
        let relative = format!("{folder}/{id}.md");
        assert!(stdout(&output).contains(&relative), "{}", stdout(&output));
        let path = root.join(&relative);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("+++\n"), "{text}");

        let (code, diagnostics) = check_json(&root);
        assert_eq!(code, 1, "{kind}: the placeholders must fail the checks");
        assert!(!diagnostics.is_empty());
        let lines: Vec<&str> = text.lines().collect();
        for d in &diagnostics {
            assert_eq!(d["file"], relative.as_str(), "{kind}: {d}");
            let line = lines[d["line"].as_u64().unwrap() as usize - 1];
            assert!(line.contains("TODO"), "{kind}: {d} points at `{line}`");
            let key = line.split(" = ").next().unwrap();
            let message = d["message"].as_str().unwrap();
            assert!(
                message.contains("TODO-") || message.contains(&format!("`{key}`")),
                "{kind}: `{message}` does not name the placeholder on `{line}`"
            );
        }

        std::fs::write(&path, fill_in(&text)).unwrap();
        let (code, diagnostics) = check_json(&root);
        assert_eq!(code, 0, "{kind}, filled in: {diagnostics:#?}");
    }
}

#[test]
fn new_writes_in_the_handbooks_language() {
    for (language, required) in [
        ("en", "Required."),
        ("pl", "Wymagane."),
        ("ru", "Обязательно."),
        ("sl", "Obvezno."),
    ] {
        let temp = tempfile::tempdir().unwrap();
        let root = init(temp.path(), language);
        for (kind, folder) in KINDS {
            let output = sok(&root, &["new", kind, "added", "--today", TODAY]);
            assert_exit(&output, 0);
            let text = std::fs::read_to_string(root.join(format!("{folder}/added.md"))).unwrap();
            assert!(text.contains(required), "{language} {kind}:\n{text}");
        }
    }
}

#[test]
fn new_files_look_like_this() {
    let temp = tempfile::tempdir().unwrap();
    let root = init(temp.path(), "en");
    sok(
        &root,
        &["new", "standard", "callback-time", "--today", TODAY],
    );
    let text = std::fs::read_to_string(root.join("standards/callback-time.md")).unwrap();
    insta::assert_snapshot!("new_standard_en", text);
    let polish = tempfile::tempdir().unwrap();
    let root = init(polish.path(), "pl");
    sok(&root, &["new", "journey", "reklamacja", "--today", TODAY]);
    let text = std::fs::read_to_string(root.join("journeys/reklamacja.md")).unwrap();
    insta::assert_snapshot!("new_journey_pl", text);
}

#[test]
fn new_title_replaces_the_placeholder_of_the_title() {
    let temp = tempfile::tempdir().unwrap();
    let root = init(temp.path(), "en");
    let title = "Night shift \"lead\"";
    let output = sok(&root, &["new", "owner", "night-shift", "--title", title]);
    assert_exit(&output, 0);
    let text = std::fs::read_to_string(root.join("owners/night-shift.md")).unwrap();
    assert!(text.contains(r#"name = "Night shift \"lead\"""#), "{text}");
    let (code, diagnostics) = check_json(&root);
    assert_eq!((code, diagnostics.len()), (0, 0), "{diagnostics:#?}");
}

#[test]
fn new_numbers_a_chapter_after_the_last_one() {
    let temp = tempfile::tempdir().unwrap();
    let root = init(temp.path(), "en");
    sok(&root, &["new", "chapter", "uniforms"]);
    let text = std::fs::read_to_string(root.join("chapters/uniforms.md")).unwrap();
    assert!(text.contains("\norder = 7\n"), "{text}");
}

#[test]
fn new_refuses_a_bad_id_an_existing_file_and_an_id_in_use() {
    let temp = tempfile::tempdir().unwrap();
    let root = init(temp.path(), "en");
    let before = tree(&root);

    let output = sok(&root, &["new", "standard", "Callback Time"]);
    assert_exit(&output, 2);
    let err = stderr(&output);
    assert!(err.contains("`Callback Time` is not a valid id"), "{err}");
    assert!(err.contains("try `callback-time`"), "{err}");

    let output = sok(&root, &["new", "standard", "nps"]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("standards/nps.md` exists already"));

    // `cx-manager` is defined in owners.toml, not in a file of its own.
    let output = sok(&root, &["new", "owner", "cx-manager"]);
    assert_exit(&output, 2);
    let err = stderr(&output);
    assert!(
        err.contains("owner `cx-manager` exists already, in owners.toml:"),
        "{err}"
    );

    let output = sok(&root, &["new", "term", "kpi"]);
    assert_exit(&output, 2);
    assert_eq!(tree(&root), before, "nothing is written");
}

#[test]
fn new_takes_the_handbook_as_dir_or_from_above() {
    let temp = tempfile::tempdir().unwrap();
    let root = init(temp.path(), "en");
    let output = sok(temp.path(), &["new", "owner", "night-shift", "hb"]);
    assert_exit(&output, 0);
    assert!(root.join("owners/night-shift.md").is_file());
    let output = sok(
        &root.join("chapters"),
        &["new", "standard", "callback-time"],
    );
    assert_exit(&output, 0);
    assert!(root.join("standards/callback-time.md").is_file());
    assert!(
        stdout(&output).contains("../standards/callback-time.md"),
        "{}",
        stdout(&output)
    );
}

// The handbook root, found upward.

#[test]
fn every_command_finds_the_handbook_from_a_subfolder() {
    let temp = tempfile::tempdir().unwrap();
    let root = init(temp.path(), "en");
    let deep = root.join("standards/phone");
    std::fs::create_dir_all(&deep).unwrap();
    let output = sok(&deep, &["check"]);
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("no problems found"));
    let output = sok(&deep, &["lint", "--deny", "warnings", "--today", TODAY]);
    assert_exit(&output, 0);
    let output = sok(&deep, &["build", "--format", "markdown"]);
    assert_exit(&output, 0);
    assert!(
        root.join("build/handbook.md").is_file(),
        "built into the root"
    );
    assert!(!deep.join("build").exists());
    // An error points into the sources from the root, wherever sok runs.
    common::write(
        &root.join("standards/phone/broken.md"),
        "+++\ntitle = \"Broken\"\nowner = \"nobody\"\n+++\n",
    );
    let (code, diagnostics) = check_json(&deep);
    assert_eq!(code, 1);
    assert_eq!(diagnostics[0]["file"], "standards/phone/broken.md");
    // DIR, when given, is used as before.
    let output = sok(&deep, &["check", "../.."]);
    assert_exit(&output, 1);
    let output = sok(temp.path(), &["check", "hb/sok.toml"]);
    assert_exit(&output, 1);
}

/// The ancestors of `dir` hold no `sok.toml`, so a search upward from it finds none.
fn nothing_above(dir: &Path) -> bool {
    let clear = dir.ancestors().all(|a| !a.join("sok.toml").exists());
    if !clear {
        eprintln!(
            "note: a sok.toml above {} makes the search succeed; skipping",
            dir.display()
        );
    }
    clear
}

#[test]
fn without_a_handbook_above_every_command_says_where_it_searched() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("empty");
    std::fs::create_dir(&dir).unwrap();
    if !nothing_above(&dir) {
        return;
    }
    let shown = dir.canonicalize().unwrap().display().to_string();
    for args in [
        &["check"][..],
        &["lint"],
        &["build"],
        &["new", "standard", "x"],
        &["diff", "HEAD"],
    ] {
        let output = sok(&dir, args);
        assert_exit(&output, 2);
        let err = stderr(&output);
        assert!(
            err.contains(&format!("searched upward from `{shown}`")),
            "{args:?}: {err}"
        );
        assert!(err.contains("sok init"), "{args:?}: {err}");
        assert!(
            err.contains("sok::discover::no_handbook"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing written"
    );
}

// Completions, the manual page, and --help.

#[test]
fn completions_for_every_shell() {
    let temp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = sok(temp.path(), &["completions", shell]);
        assert_exit(&output, 0);
        let script = stdout(&output);
        assert!(script.len() > 1000, "{shell}: {script}");
        for word in ["sok", "init", "lint", "deny"] {
            assert!(script.contains(word), "{shell}: no `{word}`");
        }
    }
    assert_exit(&sok(temp.path(), &["completions", "tcsh"]), 2);
}

#[test]
fn man_page() {
    let temp = tempfile::tempdir().unwrap();
    let output = sok(temp.path(), &["man"]);
    assert_exit(&output, 0);
    let page = stdout(&output);
    assert!(page.contains(".TH sok 1"), "{page}");
    assert!(page.contains(".SH EXAMPLES\n.nf\n"), "{page}");
    assert!(page.contains("sok\\-init(1)"), "{page}");
    let output = sok(temp.path(), &["man", "check"]);
    assert_exit(&output, 0);
    let page = stdout(&output);
    assert!(page.contains(".TH sok-check 1"), "{page}");
    assert!(page.contains("sok check \\-\\-format json"), "{page}");
    assert_exit(&sok(temp.path(), &["man", "nope"]), 2);
}

/// The commands `sok --help` lists.
fn commands(dir: &Path) -> Vec<String> {
    let help = stdout(&sok(dir, &["--help"]));
    let list = help
        .split("Commands:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("a Commands: section");
    list.lines()
        .filter_map(|line| line.strip_prefix("  "))
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_help_has_a_purpose_and_examples() {
    let temp = tempfile::tempdir().unwrap();
    let commands = commands(temp.path());
    for expected in [
        "init",
        "new",
        "check",
        "lint",
        "build",
        "diff",
        "completions",
        "man",
    ] {
        assert!(commands.iter().any(|c| c == expected), "{commands:?}");
    }
    let mut helps = vec![(String::from("sok"), stdout(&sok(temp.path(), &["--help"])))];
    for command in &commands {
        for flag in ["-h", "--help"] {
            let output = sok(temp.path(), &[command, flag]);
            assert_exit(&output, 0);
            helps.push((format!("sok {command} {flag}"), stdout(&output)));
        }
    }
    for (what, help) in helps {
        let purpose = help.lines().next().unwrap_or_default();
        assert!(
            !purpose.is_empty() && help.lines().nth(1) == Some(""),
            "{what}: the help must open with a one-line purpose:\n{help}"
        );
        let examples = help
            .split("\nExamples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{what}: no \"Examples:\" section:\n{help}"));
        assert!(
            examples
                .lines()
                .next()
                .is_some_and(|l| l.starts_with("  sok")),
            "{what}: {examples}"
        );
    }
}
