//! `sok build` output stays linear in the size of the input: 20,000-deep block quotes and
//! lists, deep emphasis, lazy continuation lines and wide tables padded over many rows build
//! into small files. handbook.md writes every heading id in one style, `{#id}`, and search
//! folds the typographic quotes of smart punctuation to ASCII.

use std::path::Path;

use crate::common;

/// The largest file a pathological handbook of a few hundred kilobytes may produce.
const MAX_FILE: u64 = 1 << 20;

fn build(dir: &Path, out: &Path) {
    let output = assert_cmd::cargo::cargo_bin_cmd!("sok")
        .current_dir(common::manifest_dir())
        .arg("build")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .output()
        .expect("sok runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn standard(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\nowner = \"o\"\n+++\n\n{body}\n")
}

/// Every file under `dir` with its size.
fn sizes(dir: &Path) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in std::fs::read_dir(&next).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let len = std::fs::metadata(&path).expect("metadata").len();
                out.push((path.display().to_string(), len));
            }
        }
    }
    out
}

#[test]
fn deep_nesting_keeps_the_output_small() {
    let deep = 20_000;
    let wide_table = format!(
        "{}|\n{}|\n{}",
        "| h ".repeat(500),
        "|---".repeat(500),
        "y\n".repeat(5_000)
    );
    let bodies = [
        ("quotes", format!("{} quotes-end", ">".repeat(deep))),
        ("lists", format!("{}lists-end", "- ".repeat(deep))),
        ("ordered", format!("{}ordered-end", "1. ".repeat(deep))),
        ("mixed", format!("{}mixed-end", "> - ".repeat(deep / 2))),
        (
            "lazy",
            format!("{} lazy\n{}lazy-end", ">".repeat(deep), "z\n".repeat(5_000)),
        ),
        (
            "emphasis",
            format!("{}emphasis-end{}", "*".repeat(deep), "*".repeat(deep)),
        ),
        (
            "links",
            format!("{}links-end{}", "[".repeat(deep), "](#x)".repeat(deep)),
        ),
        ("table", wide_table),
    ];
    let root = tempfile::tempdir().expect("tempdir");
    let mut files = vec![
        (
            "sok.toml".to_string(),
            "[handbook]\ntitle = \"Deep\"\nlanguage = \"en\"\nversion = \"1.0.0\"\n".to_string(),
        ),
        (
            "owners.toml".to_string(),
            "[[owner]]\nid = \"o\"\nname = \"Owner\"\n".to_string(),
        ),
    ];
    for (name, body) in &bodies {
        files.push((format!("standards/{name}.md"), standard(name, body)));
    }
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_bytes()))
        .collect();
    common::write_files(root.path(), &files);
    let out = root.path().join("out");
    build(root.path(), &out);
    for (path, len) in sizes(&out) {
        assert!(len < MAX_FILE, "{path} is {len} bytes");
    }
    let md = std::fs::read_to_string(out.join("handbook.md")).expect("handbook.md");
    for end in [
        "quotes-end",
        "lists-end",
        "ordered-end",
        "mixed-end",
        "lazy-end",
        "emphasis-end",
        "links-end",
    ] {
        assert!(md.contains(end), "{end} missing from handbook.md");
        let page = std::fs::read_to_string(out.join(format!(
            "html/standards/{}.html",
            end.trim_end_matches("-end")
        )))
        .expect("page");
        let prose = page
            .split_once("<div class=\"prose\">")
            .and_then(|(_, rest)| rest.split_once("</div>"))
            .map_or("", |(prose, _)| prose);
        assert!(prose.contains(end), "{end} missing from its page");
        assert!(prose.matches("<blockquote>").count() <= 8, "{end}");
        assert!(prose.matches("<li>").count() <= 8, "{end}");
    }
}

#[test]
fn handbook_md_writes_heading_ids_in_one_style() {
    let out = tempfile::tempdir().expect("tempdir");
    let site = out.path().join("site");
    build(&common::fixture("build/small"), &site);
    let md = std::fs::read_to_string(site.join("handbook.md")).expect("handbook.md");
    assert!(!md.contains("{ #"), "{md}");
    assert!(
        md.contains("Merjenje {#standard-odziv-telefon--merjenje}\n"),
        "{md}"
    );
}

/// Runs search.js's `norm` on `inputs` with node; `None` when node is not installed (a
/// failure under `CI=true`).
fn search_norm(inputs: &[&str]) -> Option<Vec<String>> {
    if !common::tool_available("node") {
        return None;
    }
    let script = std::fs::read_to_string(common::manifest_dir().join("templates/static/search.js"))
        .expect("search.js");
    let start = script.find("function norm(").expect("search.js has norm()");
    let len = script[start..].find("\n  }\n").expect("norm() ends") + 4;
    let program = format!(
        "{}\nconsole.log(JSON.stringify({}.map(norm)));",
        &script[start..start + len],
        serde_json::to_string(inputs).expect("json")
    );
    let out = common::node_json(&program)?;
    Some(serde_json::from_value(out).expect("a list of texts"))
}

#[test]
fn search_folds_smart_punctuation() {
    let Some(out) = search_norm(&[
        "I don\u{2019}t know\u{2026}",
        "\u{201e}Tak\u{201d}",
        "Świadomość",
    ]) else {
        return;
    };
    assert_eq!(out, ["i don't know...", "\"tak\"", "swiadomosc"]);
}
