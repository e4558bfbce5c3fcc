//! `sok build`: the examples build, the output is deterministic and safe, a failed build
//! leaves the previous one untouched, unsafe output directories are refused, and template
//! overrides work. Snapshots of `tests/fixtures/build/small` pin the rendered pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

use crate::common;

fn sok() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("sok");
    cmd.current_dir(common::manifest_dir())
        .env("COLUMNS", "80")
        .env_remove("NO_COLOR");
    cmd
}

fn build(dir: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut cmd = sok();
    cmd.arg("build").arg(dir).arg("--out").arg(out).args(extra);
    cmd.output().expect("sok runs")
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `dir`: relative path → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .expect("inside")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).expect("file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn small() -> PathBuf {
    common::fixture("build/small")
}

fn copy_of(dir: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    common::copy_dir(dir, tmp.path());
    tmp
}

fn text(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_example_builds() {
    for name in ["sklep-kwiatek", "avtosalon"] {
        let out = tempfile::tempdir().expect("tempdir");
        let site = out.path().join("site");
        let output = build(&common::example(name), &site, &[]);
        assert_eq!(code(&output), Some(0), "{name}: {}", stderr(&output));
        for file in [
            "html/index.html",
            "html/search.html",
            "html/print.html",
            "html/search-index.js",
            "handbook.md",
            ".sok-output",
        ] {
            assert!(site.join(file).is_file(), "{name}: {file} missing");
        }
        assert!(
            site.join("assets/logo.svg").is_file() && site.join("html/assets/logo.svg").is_file()
        );
    }
}

#[test]
fn rendered_pages_match_their_snapshots() {
    let out = tempfile::tempdir().expect("tempdir");
    let site = out.path().join("site");
    let output = build(&small(), &site, &[]);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    for page in [
        "html/index.html",
        "html/standards/odziv-telefon.html",
        "html/journeys/nakup.html",
        "html/situations/pritozba.html",
        "html/owners/index.html",
        "html/glossary.html",
        "handbook.md",
    ] {
        let name = page.replace(['/', '.'], "_");
        insta::assert_snapshot!(name, text(&site, page));
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let out = tempfile::tempdir().expect("tempdir");
    let (a, b) = (out.path().join("a"), out.path().join("b"));
    for dir in [&a, &b] {
        let output = build(&common::example("sklep-kwiatek"), dir, &[]);
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    }
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (path, bytes) in &fa {
        assert!(bytes == &fb[path], "{path} differs between two builds");
    }
}

const PAYLOAD: &str = "<script>alert(1)</script> <img src=x onerror=alert(1)> \
[x](javascript:alert(1)) <iframe src=\"https://evil.example\"></iframe> \
<a href=\"JaVaScRiPt:alert(1)\">y</a> `z`{=html} [w](https://e.example){onclick=alert(1)}";

fn injected_handbook(root: &Path) {
    let toml_payload = PAYLOAD.replace('\\', "\\\\").replace('"', "\\\"");
    let owners = format!(
        "[[owner]]\nid = \"boss\"\nname = \"Boss {toml_payload}\"\nteam = \"{toml_payload}\"\ndescription = \"{toml_payload}\"\n"
    );
    let touchpoints = format!(
        "[[touchpoint]]\nid = \"phone\"\nname = \"Phone {toml_payload}\"\nchannel = \"phone\"\nowner = \"boss\"\nhours = \"{toml_payload}\"\n"
    );
    let glossary = format!(
        "[[term]]\nterm = \"Term {toml_payload}\"\ndefinition = \"{toml_payload}\"\naka = [\"{toml_payload}\"]\n"
    );
    let standard = format!(
        "+++\ntitle = \"Answer {toml_payload}\"\nowner = \"boss\"\ntouchpoints = [\"phone\"]\nsay = [\"{toml_payload}\"]\nnever_say = [\"{toml_payload}\"]\n\n[measure]\nmetric = \"answer_time\"\nmax = \"2 min\"\nshare = 90\n+++\n\n{PAYLOAD}\n\n<script>\nalert(1)\n</script>\n\n<iframe src=\"x\"></iframe>\n\n::: {{onclick=\"alert(1)\"}}\ndiv\n:::\n"
    );
    let situation = format!(
        "+++\nname = \"Hard {toml_payload}\"\nowner = \"boss\"\ntrigger = \"{toml_payload}\"\nsay = [\"{toml_payload}\"]\n+++\n\n{PAYLOAD}\n"
    );
    let chapter = format!(
        "+++\ntitle = \"General {toml_payload}\"\norder = 1\n+++\n\n{PAYLOAD}\n\n<a href=\"JaVaScRiPt:alert(1)\">click</a>\n"
    );
    common::write_files(
        root,
        &[
            ("sok.toml", format!("[handbook]\ntitle = \"Handbook {toml_payload}\"\norganization = \"{toml_payload}\"\nlanguage = \"en\"\nversion = \"1.0.0\"\n").as_bytes()),
            ("owners.toml", owners.as_bytes()),
            ("touchpoints.toml", touchpoints.as_bytes()),
            ("glossary.toml", glossary.as_bytes()),
            ("standards/answer.md", standard.as_bytes()),
            ("situations/hard.md", situation.as_bytes()),
            ("chapters/general.md", chapter.as_bytes()),
        ],
    );
}

/// Whether `needle` occurs in `haystack` other than escaped with a backslash or inside an
/// ASCII slug (a term's id is derived from its text: `term-img-src-x-onerror-alert-1`).
fn unescaped(haystack: &str, needle: &str) -> bool {
    haystack
        .match_indices(needle)
        .any(|(i, _)| !haystack[..i].ends_with(['\\', '-']))
}

#[test]
fn script_injection_never_reaches_the_output() {
    let root = tempfile::tempdir().expect("tempdir");
    injected_handbook(root.path());
    if let Ok(keep) = std::env::var("SOK_KEEP_INJECTION") {
        common::copy_dir(root.path(), Path::new(&keep));
    }
    let out = root.path().join("out");
    let output = build(root.path(), &out, &[]);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let all = files(&out);
    assert!(all.len() > 10);
    for (path, bytes) in all {
        let body = String::from_utf8_lossy(&bytes).to_lowercase();
        for bad in ["javascript:", "<iframe", "<img src=x", "onerror"] {
            assert!(!unescaped(&body, bad), "{path} contains {bad}");
        }
        for tag in body
            .split('<')
            .skip(1)
            .filter_map(|t| t.split_once('>').map(|(tag, _)| tag))
        {
            let handler = tag
                .split_whitespace()
                .skip(1)
                .any(|attr| attr.starts_with("on"));
            assert!(!handler, "{path} has an event handler in <{tag}>");
        }
        let scripts = body.matches("<script").count();
        let allowed = if path == "html/search.html" { 2 } else { 0 };
        assert_eq!(scripts, allowed, "{path} has a <script> it should not");
        if path.ends_with(".md") {
            let body = body.replace(&sok::render::PAGEBREAK.to_lowercase(), "");
            for bad in ["<script", "{=html}", "{onclick", "\n:::"] {
                assert!(!unescaped(&body, bad), "{path} contains {bad}");
            }
        }
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let hb = copy_of(&small());
    let parent = tempfile::tempdir().expect("tempdir");
    let out = parent.path().join("site");
    assert_eq!(code(&build(hb.path(), &out, &[])), Some(0));
    let before = files(&out);
    common::write_files(
        hb.path(),
        &[(
            "standards/broken.md",
            b"+++\ntitle = \"Broken\"\nowner = \"nobody\"\n+++\n\nText.\n",
        )],
    );
    let output = build(hb.path(), &out, &[]);
    assert_eq!(code(&output), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("sok::ref::unknown"),
        "{}",
        stderr(&output)
    );
    assert!(files(&out) == before, "the previous build changed");
    let names: Vec<String> = std::fs::read_dir(parent.path())
        .expect("readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["site"], "a staging directory was left behind");
}

#[test]
fn a_broken_template_stops_the_build_and_writes_nothing() {
    let hb = copy_of(&small());
    common::write_files(
        hb.path(),
        &[("templates/html/standard.html.tera", b"{% if %}")],
    );
    let out = hb.path().join("site");
    let output = build(hb.path(), &out, &[]);
    assert_eq!(code(&output), Some(1));
    assert!(
        stderr(&output).contains("sok::build::template"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

/// A template override cannot read the build's environment (a CI secret).
#[test]
fn a_template_cannot_read_the_environment() {
    let hb = copy_of(&small());
    common::write_files(
        hb.path(),
        &[(
            "templates/html/standard.html.tera",
            b"{{ get_env(name=\"SOK_TEST_SECRET\", default=\"none\") }}",
        )],
    );
    let out = hb.path().join("site");
    let output = sok()
        .args(["build"])
        .arg(hb.path())
        .arg("--out")
        .arg(&out)
        .env("SOK_TEST_SECRET", "hunter2")
        .output()
        .expect("runs");
    assert_eq!(code(&output), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("`get_env` is not available"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn unsafe_output_directories_are_refused() {
    let parent = tempfile::tempdir().expect("tempdir");
    let hb = parent.path().join("hb");
    std::fs::create_dir_all(&hb).expect("mkdir");
    common::copy_dir(&small(), &hb);
    let foreign = parent.path().join("mine");
    common::write_files(&foreign, &[("notes.txt", b"my own notes")]);
    let file = parent.path().join("file.txt");
    std::fs::write(&file, "x").expect("write");
    for out in [
        hb.clone(),
        parent.path().to_path_buf(),
        foreign.clone(),
        hb.join("standards"),
        file.clone(),
    ] {
        let output = build(&hb, &out, &[]);
        assert_eq!(
            code(&output),
            Some(2),
            "{}: {}",
            out.display(),
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("sok::build::out_dir"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(
        std::fs::read_to_string(foreign.join("notes.txt")).expect("kept"),
        "my own notes"
    );
    assert!(hb.join("standards/odziv-telefon.md").is_file());
}

#[test]
fn the_default_output_is_build_out_and_is_rebuilt_in_place() {
    let hb = copy_of(&small());
    for _ in 0..2 {
        let output = sok().arg("build").arg(hb.path()).output().expect("runs");
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    }
    assert!(hb.path().join("site/html/index.html").is_file());
    let check = sok().arg("check").arg(hb.path()).output().expect("runs");
    assert_eq!(
        code(&check),
        Some(0),
        "the output must not be read as sources"
    );
}

#[test]
fn one_format_at_a_time() {
    let out = tempfile::tempdir().expect("tempdir");
    let html = out.path().join("html-only");
    assert_eq!(
        code(&build(&small(), &html, &["--format", "html"])),
        Some(0)
    );
    assert!(html.join("html/index.html").is_file() && !html.join("handbook.md").exists());
    let md = out.path().join("md-only");
    assert_eq!(
        code(&build(&small(), &md, &["--format", "markdown"])),
        Some(0)
    );
    assert!(md.join("handbook.md").is_file() && !md.join("html").exists());
}

#[test]
fn a_template_override_takes_effect() {
    let hb = copy_of(&small());
    common::write_files(
        hb.path(),
        &[
            (
                "templates/html/standard.html.tera",
                b"{% extends \"html/base.html.tera\" %}{% block content %}<h1 class=\"custom\">CUSTOM {{ standard.title | safe }}</h1>{% endblock content %}",
            ),
            ("templates/i18n/sl.toml", b"[section]\nstandards = \"Pravila\"\n"),
        ],
    );
    let out = hb.path().join("site");
    let output = build(hb.path(), &out, &[]);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let page = text(&out, "html/standards/odziv-telefon.html");
    assert!(
        page.contains("<h1 class=\"custom\">CUSTOM Telefon dvignemo v 2 minutah</h1>"),
        "{page}"
    );
    assert!(
        page.contains(">Pravila</a>"),
        "the catalogue override is not used"
    );
    let other = text(&out, "html/situations/pritozba.html");
    assert!(
        !other.contains("CUSTOM"),
        "the other templates stay built in"
    );
}

#[test]
fn an_extra_chapter_gets_a_page_a_nav_entry_and_a_section() {
    let root = small();
    let checked = sok::check_dir(&root).expect("loads");
    let out = tempfile::tempdir().expect("tempdir");
    let options = sok::render::BuildOptions {
        out: out.path().join("site"),
        html: true,
        markdown: true,
        extras: vec![sok::render::ExtraChapter {
            id: "changes".into(),
            title: "Zmiany od različice 0.9".into(),
            markdown: "## Novo\n\nStandard [o telefonu](standards/odziv-telefon.md) je nov.".into(),
        }],
        audience: None,
    };
    let built = sok::render::build(&checked, &options).expect("builds");
    let site = &built.out;
    let page = text(site, "html/changes.html");
    assert!(page.contains("<h1>Zmiany od različice 0.9</h1>"), "{page}");
    assert!(
        page.contains("href=\"standards/odziv-telefon.html\""),
        "{page}"
    );
    assert!(text(site, "html/index.html").contains("href=\"changes.html\""));
    assert!(text(site, "html/standards/odziv-telefon.html").contains("href=\"../changes.html\""));
    let md = text(site, "handbook.md");
    assert!(
        md.contains("# Zmiany od različice 0.9 {#section-changes}"),
        "{md}"
    );
    assert!(md.contains("[o telefonu](#standard-odziv-telefon)"), "{md}");
    assert!(text(site, "html/print.html").contains("id=\"section-changes\""));
}

#[test]
fn odd_texts_build_without_panics() {
    let root = tempfile::tempdir().expect("tempdir");
    let nested: String = (0..100)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    let body = format!(
        "###### Deep\n\n<!-- only a comment -->\n\nA footnote[^a].\n\n[^a]: The note.\n\n\
         | left | right |\n|:--|--:|\n| 1 | 2 |\n\n[own](#nowhere) [other](../chapters/free.md#missing) \
         [empty]() ![remote](https://example.com/x.png) <https://example.com> {{{{ site.t }}}} {{% raw %}}\n\n{nested}"
    );
    let standard = format!(
        "+++\ntitle = \"1. {{{{ site }}}} # **[ 🌸 Róża \\\\\"\nowner = \"o\"\nsay = [\"```\", \"<!-- x\", \"- item\"]\n+++\n\n{body}"
    );
    common::write_files(
        root.path(),
        &[
            (
                "sok.toml",
                b"[handbook]\ntitle = \"# Tytu\xc5\x82\"\nlanguage = \"pl\"\nversion = \"0.1.0\"\n",
            ),
            (
                "owners.toml",
                "[[owner]]\nid = \"o\"\nname = \"1) Ktoś\"\n".as_bytes(),
            ),
            ("standards/odd.md", standard.as_bytes()),
            (
                "chapters/free.md",
                b"+++\ntitle = \"> Bez kolejno\xc5\x9bci\"\n+++\n\n## Missing\n\nTekst.\n",
            ),
        ],
    );
    let out = root.path().join("out");
    let output = build(root.path(), &out, &[]);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let page = text(&out, "html/standards/odd.html");
    assert!(
        page.contains("<h1>1. {{ site }} # **[ 🌸 Róża \\</h1>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../chapters/free.html#missing\""),
        "{page}"
    );
    assert!(
        !page.contains("example.com/x.png"),
        "remote images are not shown"
    );
    assert!(text(&out, "handbook.md").contains("fn-a"));
}

/// print.html and handbook.md are drawn a few dozen entities at a time: a handbook with
/// several pieces' worth of standards still prints each once, in order, in one section.
#[test]
fn a_long_section_prints_every_entity_once_in_order() {
    let hb = copy_of(&small());
    let files: Vec<(String, String)> = (0..130)
        .map(|i| {
            (
                format!("standards/long-{i:03}.md"),
                format!(
                    "+++\ntitle = \"Odpowiedź {i:03}\"\nowner = \"vodja\"\ntouchpoints = [\"telefon\"]\nreview_every = \"6 months\"\nlast_reviewed = 2026-02-10\n\n[measure]\nmetric = \"answer_time\"\nmax = \"2 min\"\nshare = 90\nperiod = \"month\"\n+++\n\nBesedilo {i:03}.\n"
                ),
            )
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    common::write_files(hb.path(), &refs);
    let out = hb.path().join("site");
    let output = build(hb.path(), &out, &[]);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let print = text(&out, "html/print.html");
    let md = text(&out, "handbook.md");
    for (name, doc, mark) in [
        ("print.html", &print, "id=\"standard-long-"),
        ("handbook.md", &md, "{#standard-long-"),
    ] {
        let found: Vec<&str> = doc
            .match_indices(mark)
            .map(|(at, _)| &doc[at + mark.len()..at + mark.len() + 3])
            .collect();
        let expected: Vec<String> = (0..130).map(|i| format!("{i:03}")).collect();
        assert_eq!(found, expected, "{name}: each standard once, in order");
    }
    assert_eq!(print.matches("id=\"section-standards\"").count(), 1);
    assert_eq!(
        print.matches("<section").count(),
        print.matches("</section>").count(),
        "every section of print.html is closed"
    );
    let standards = print.find("id=\"section-standards\"").expect("standards");
    let owners = print.find("id=\"section-owners\"").expect("owners");
    let last = print
        .rfind("id=\"standard-long-129\"")
        .expect("the last standard");
    assert!(
        standards < last && last < owners,
        "the standards stay in their section"
    );
    assert_eq!(md.matches("{#section-standards}").count(), 1);
}

/// A section's template can be overridden like any other; a frame without `sections` is a
/// template error that writes nothing.
#[test]
fn the_single_documents_are_drawn_from_overridable_parts() {
    let hb = copy_of(&small());
    common::write_files(
        hb.path(),
        &[(
            "templates/markdown/handbook/standards.md.tera",
            b"{% if first %}\n\n# STANDARDS\n{% endif %}{% for s in items %}\n- {{ s.title }}{% endfor %}{% if last %}\n(end){% endif %}\n",
        )],
    );
    let out = hb.path().join("site");
    let output = build(hb.path(), &out, &[]);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let md = text(&out, "handbook.md");
    assert!(
        md.contains("\n\n# STANDARDS\n\n- Telefon dvignemo v 2 minutah"),
        "{md}"
    );
    assert!(md.contains("(end)\n"), "{md}");

    let broken = copy_of(&small());
    common::write_files(
        broken.path(),
        &[(
            "templates/html/print.html.tera",
            b"{% extends \"html/base.html.tera\" %}{% block content %}no sections{% endblock content %}",
        )],
    );
    let out = broken.path().join("site");
    let output = build(broken.path(), &out, &[]);
    assert_eq!(code(&output), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("sok::build::template")
            && stderr(&output).contains("`{{ sections }}`"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}
